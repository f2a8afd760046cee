"""The editor's preview: build, serve, watch, rebuild, reload the open pages.

Stdlib HTTP plus watchdog, as MkDocs does it, with Lektor's idea of showing a
failed build in place of the page that failed. The pieces:

- `state`: what the server knows between builds (epoch, what changed, the
  current failure); pure logic, tested without a network.
- `http`: serves files from the output folder only, injects the reload script
  into HTML as it is served (never into the files), answers long polls.
- `watch`: watchdog handlers and the debounce that turns a burst of saves into
  one rebuild.
- `errorpage`: the accessible page that names the file, the line and the fix.
- `server`: puts them together.
"""

from __future__ import annotations

from .server import DevServer

__all__ = ["DevServer"]
