"""An nginx configuration for the built site: headers, types, compression, caching.

Two forms from one source, so that what the tests run is what production runs:

- the full configuration (`nginx -p TMP -c FILE`) for local runs and tests:
  everything relative to the prefix folder, so it needs no root rights;
- the site snippet (`--snippet`), the inside of a `server {}` block, which the
  production server includes beside its own `listen`, `server_name` and TLS
  settings.

What it does, and why:

- Security headers on every response, error pages included (`always`): a
  Content-Security-Policy with no `unsafe-inline` (the theme has no inline
  script or style; `wasm-unsafe-eval` lets Pagefind's WebAssembly run),
  HSTS, `X-Content-Type-Options`, `Referrer-Policy: same-origin` (no address
  of a resident's reading goes to another site), framing denied.
- `Content-Type` with `charset=utf-8` on every text format.
- `gzip_static`: the build writes a `.gz` beside every text file; nginx sends
  it as it is, and never compresses on the fly.
- Caching: fingerprinted files (`style.3f2a1b9c0d.css`) for a year,
  `immutable`; HTML and everything else briefly, so that an important
  message or a correction reaches readers within a minute.
- A 404 page in the reader's language: `/fi/…` gets `/fi/404.html`.

nginx stops inheriting `add_header` in any location that sets its own, so
each location repeats the security headers; they are generated, not typed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .fingerprint import PATTERN as FINGERPRINT_PATTERN

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'none'",
        "script-src 'self' 'wasm-unsafe-eval'",
        "style-src 'self'",
        "img-src 'self'",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
        "form-action 'self'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
    ]
)

SECURITY_HEADERS: tuple[tuple[str, str], ...] = (
    ("Content-Security-Policy", CONTENT_SECURITY_POLICY),
    ("Strict-Transport-Security", "max-age=31536000"),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "same-origin"),
    ("X-Frame-Options", "DENY"),
    ("Cross-Origin-Opener-Policy", "same-origin"),
    ("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()"),
)

IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"

#: Types served by the site, each with the extensions that carry it.
TYPES: tuple[tuple[str, str], ...] = (
    ("text/html", "html htm"),
    ("text/css", "css"),
    ("text/plain", "txt"),
    ("text/xml", "xml"),
    ("application/atom+xml", "atom"),
    ("application/javascript", "js mjs"),
    ("application/json", "json"),
    ("application/manifest+json", "webmanifest"),
    ("application/wasm", "wasm"),
    ("image/svg+xml", "svg svgz"),
    ("image/png", "png"),
    ("image/jpeg", "jpg jpeg"),
    ("image/gif", "gif"),
    ("image/webp", "webp"),
    ("image/avif", "avif"),
    ("image/x-icon", "ico"),
    ("font/woff", "woff"),
    ("font/woff2", "woff2"),
    ("application/pdf", "pdf"),
    ("application/msword", "doc"),
    ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    ("application/vnd.ms-excel", "xls"),
    ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    ("application/vnd.oasis.opendocument.text", "odt"),
    ("application/vnd.oasis.opendocument.spreadsheet", "ods"),
    ("text/csv", "csv"),
    ("video/mp4", "mp4"),
    ("text/vtt", "vtt"),
)
CHARSET_TYPES = (
    "text/css text/plain text/xml application/atom+xml application/javascript "
    "application/json application/manifest+json image/svg+xml text/csv text/vtt"
)


@dataclass(frozen=True)
class Site404:
    location: str
    """URL prefix, like `/fi/`."""
    page: str
    """The error page, like `/fi/404.html`."""


def error_pages(url_prefix: str, source_language: str, languages: Sequence[str]) -> list[Site404]:
    """The 404 page of each language, the source language's at the root."""
    pages = [Site404(f"{url_prefix}/", f"{url_prefix}/404.html")]
    for lang in languages:
        if lang != source_language:
            pages.append(Site404(f"{url_prefix}/{lang}/", f"{url_prefix}/{lang}/404.html"))
    return pages


def _headers(cache: str, indent: str) -> list[str]:
    lines = [f'{indent}add_header Cache-Control "{cache}" always;']
    lines += [f'{indent}add_header {name} "{value}" always;' for name, value in SECURITY_HEADERS]
    return lines


def site_snippet(
    *,
    root: Path,
    url_prefix: str,
    source_language: str,
    languages: Sequence[str],
    html_max_age: int = 60,
) -> str:
    """The inside of a `server {}` block serving the built site in `root`."""
    html_cache = f"public, max-age={html_max_age}"
    pages = error_pages(url_prefix, source_language, languages)
    i1, i2 = "    ", "        "
    lines = [
        f"root {_quote(str(root.resolve()))};",
        "index index.html;",
        "server_tokens off;",
        "absolute_redirect off;",
        "charset utf-8;",
        f"charset_types {CHARSET_TYPES};",
        "types {",
        *[f"{i1}{mime} {exts};" for mime, exts in TYPES],
        "}",
        "default_type application/octet-stream;",
        "gzip_static on;",
        "gzip_vary on;",
        "gzip off;",
        "etag on;",
        f"error_page 404 {pages[0].page};",
        "",
        "# The reader's language decides the 404 page.",
    ]
    for page in pages:
        lines += [
            f"location {page.location} {{",
            f"{i1}error_page 404 {page.page};",
            f"{i1}try_files $uri $uri/ =404;",
            *_headers(html_cache, i1),
            "}",
        ]
    lines += [
        "",
        "# Fingerprinted names change with their content: cache them for a year.",
        f'location ~ "{FINGERPRINT_PATTERN}" {{',
        f"{i1}try_files $uri =404;",
        *_headers(IMMUTABLE, i1),
        "}",
        "",
        "# The search index: its chunks carry content hashes, its entry points do not.",
        f"location ^~ {url_prefix}/pagefind/ {{",
        f"{i1}try_files $uri =404;",
        *_headers(REVALIDATE, i1),
        f'{i1}location ~ "\\.pf_(fragment|index|meta|filter)$" {{',
        f"{i2}try_files $uri =404;",
        *_headers(IMMUTABLE, i2),
        f"{i1}}}",
        "}",
        "",
        "# Nothing the build writes starts with a dot; keep it that way on the server.",
        r"location ~ /\.(?!well-known/) {",
        f"{i1}return 404;",
        "}",
    ]
    return "\n".join(lines) + "\n"


def full_config(
    *,
    root: Path,
    listen: str,
    url_prefix: str,
    source_language: str,
    languages: Sequence[str],
    html_max_age: int = 60,
) -> str:
    """A complete configuration: `nginx -p PREFIX -c FILE` runs it, logs under PREFIX."""
    snippet = site_snippet(
        root=root,
        url_prefix=url_prefix,
        source_language=source_language,
        languages=languages,
        html_max_age=html_max_age,
    )
    server = "\n".join(f"        {line}" if line else "" for line in snippet.splitlines())
    return f"""# nginx configuration for the site in {root.resolve()}
# Generated by `site-builder nginx-conf`; do not edit, generate it again.
# Run: nginx -p PREFIX -c THIS_FILE   (logs, pid and temporary files go under PREFIX)
# Production: include the output of `site-builder nginx-conf --snippet` in its own
# server block, beside listen, server_name and the TLS settings.

worker_processes 1;
pid nginx.pid;
error_log error.log warn;

events {{
    worker_connections 256;
}}

http {{
    access_log access.log;
    client_body_temp_path client_body_temp;
    proxy_temp_path proxy_temp;
    fastcgi_temp_path fastcgi_temp;
    uwsgi_temp_path uwsgi_temp;
    scgi_temp_path scgi_temp;
    sendfile on;
    keepalive_timeout 30;

    server {{
        listen {listen};
        server_name _;

{server}
    }}
}}
"""


def _quote(value: str) -> str:
    if any(ch in value for ch in " ;{}\"'\\$#"):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return value
