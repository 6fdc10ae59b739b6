"""`kg serve`: the local web workbench (explorer, query page, SPARQL endpoint) on one graph."""
from __future__ import annotations

import click

from kg.commands.options import graph_option


@click.command("serve")
@graph_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; the default is reachable from this machine only.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port to listen on.")
def command(graph, host, port):
    """Serve the graph directory read-only: an explorer page at /, a query page at /query,
    and a SPARQL 1.1 endpoint at /sparql (GET and POST; JSON, CSV, TSV; updates refused).

    A `kg build` of the same directory in another terminal is picked up without a restart.

    Example:

        kg serve -g out --port 8000      # then open http://127.0.0.1:8000/
    """
    import uvicorn

    from kg.store import graph_dir
    from kg.web import create_app

    directory = graph_dir(graph)
    try:
        app = create_app(directory)
    except OSError as e:
        raise click.ClickException(str(e))
    click.echo(f"serving {directory} at http://{host}:{port}/ (SPARQL: http://{host}:{port}/sparql); "
               "Ctrl-C stops", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
