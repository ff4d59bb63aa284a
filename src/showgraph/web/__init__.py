"""``showgraph serve``: a local web server over the graph (SPARQL endpoint, page, JSON API).

Import :func:`create_app` to serve a :class:`~showgraph.core.ShowGraph` from any ASGI server, or to
test it without a socket (``starlette.testclient.TestClient(create_app(graph))``).
"""

from __future__ import annotations

from showgraph.web.app import create_app

__all__ = ["create_app"]
