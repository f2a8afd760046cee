#!/usr/bin/env bash
# Publish a built site to the web server as a new release, then switch to it
# atomically; or switch back to an earlier release (rollback).
#
#   deploy/release.sh publish public/     upload public/ as a new release and switch
#   deploy/release.sh rollback [NAME]     switch to NAME, or to the release before the current one
#   deploy/release.sh list                list the releases, the current one marked
#
# The server keeps every release in $PUBLISH_PATH/releases/NAME/ and serves
# $PUBLISH_PATH/current, a symbolic link to one of them. A release is uploaded
# completely before the link moves, and the move is one rename(2), so a visitor
# gets either the old site or the new one, never half of each. Unchanged files
# are hard links to the current release's (rsync --link-dest): only what
# changed crosses the network, and old releases cost little disk.
#
# Environment: PUBLISH_HOST (user@host), PUBLISH_PATH (absolute, on the host),
# optionally PUBLISH_KEEP (releases to keep, default 20) and SSH options in
# PUBLISH_SSH (default: "ssh -o BatchMode=yes").
set -euo pipefail

: "${PUBLISH_HOST:?set PUBLISH_HOST to user@host}"
: "${PUBLISH_PATH:?set PUBLISH_PATH to the site folder on the host, like /srv/hellefors}"
KEEP="${PUBLISH_KEEP:-20}"
SSH="${PUBLISH_SSH:-ssh -o BatchMode=yes}"

remote() { $SSH "$PUBLISH_HOST" "$@"; }

# Point `current` at releases/$1 with one atomic rename.
switch_to() {
  remote "set -e; cd '$PUBLISH_PATH'; test -d 'releases/$1'; \
    ln -sfn 'releases/$1' current.new; mv -T current.new current; \
    echo \"now serving: \$(readlink current)\""
}

case "${1:-}" in
  publish)
    site="${2:?usage: release.sh publish DIR}"
    # A fingerprint of the whole output: a scheduled run that built the same
    # bytes as the live release publishes nothing.
    build_hash="$(cd "$site" && find . -type f ! -name .build-hash -print0 | LC_ALL=C sort -z \
      | xargs -0 sha256sum | sha256sum | cut -c1-16)"
    live_hash="$(remote "cat '$PUBLISH_PATH/current/.build-hash' 2>/dev/null || true")"
    if [ "$build_hash" = "$live_hash" ]; then
      echo "The live site is already this build ($build_hash); nothing to publish."
      exit 0
    fi
    printf '%s\n' "$build_hash" > "$site/.build-hash"
    name="$(date -u +%Y%m%dT%H%M%SZ)-${GITHUB_SHA:-local}"
    name="${name:0:40}"
    remote "mkdir -p '$PUBLISH_PATH/releases/$name'"
    # Compared by content (--checksum), not by time: every CI build writes fresh
    # files. Times are not kept, so unchanged files can be hard links to the
    # live release's.
    rsync -rlpD --checksum --delete --link-dest="$PUBLISH_PATH/current/" -e "$SSH" \
      "$site/" "$PUBLISH_HOST:$PUBLISH_PATH/releases/$name/"
    switch_to "$name"
    # Keep the newest releases for rollback; never the one being served.
    remote "cd '$PUBLISH_PATH/releases' && current=\$(basename \"\$(readlink ../current)\") && \
      ls -1 | sort -r | tail -n +$((KEEP + 1)) | grep -vx \"\$current\" | xargs -r rm -rf --"
    ;;
  rollback)
    target="${2:-}"
    if [ -z "$target" ]; then
      target="$(remote "cd '$PUBLISH_PATH/releases' && current=\$(basename \"\$(readlink ../current)\") \
        && ls -1 | sort -r | grep -A1 -x \"\$current\" | tail -n +2")"
      [ -n "$target" ] || { echo "no release before the current one" >&2; exit 1; }
    fi
    switch_to "$target"
    ;;
  list)
    remote "cd '$PUBLISH_PATH/releases' && current=\$(basename \"\$(readlink ../current)\") && \
      ls -1 | sort -r | sed \"s/^\$current\$/& (current)/\""
    ;;
  *)
    sed -n '2,12p' "$0" >&2
    exit 2
    ;;
esac
