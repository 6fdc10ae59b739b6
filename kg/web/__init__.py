"""`kg serve`: a local web workbench over one graph directory — an explorer page, a JSON API
for it, and a read-only SPARQL 1.1 Protocol endpoint.

    >>> import tempfile, kg
    >>> from starlette.testclient import TestClient
    >>> d = tempfile.mkdtemp(); _ = kg.build(graph=d)
    >>> client = TestClient(create_app(d))
    >>> client.get("/api/search", params={"q": "香港貿易"}).json()[0]["label"]
    '香港贸易发展局'
"""
from kg.web.app import create_app

__all__ = ["create_app"]
