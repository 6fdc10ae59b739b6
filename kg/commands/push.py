"""`kg push`: the graph to a SPARQL server's Graph Store Protocol endpoint."""
from __future__ import annotations

import click

from kg.commands.options import endpoint_options, graph_option
from kg.remote import RemoteError, push
from kg.store import GraphStore, graph_dir


@click.command("push")
@endpoint_options
@click.option("--graph-iri", metavar="IRI", default=None,
              help="Put everything into this one named graph instead of one graph per document.")
@click.option("--batch", type=click.IntRange(min=1), default=50, show_default=True,
              help="Graphs sent between two saves of push-state.json.")
@click.option("--force", is_flag=True, help="Send every graph, even those unchanged since the last push.")
@click.option("--verify", is_flag=True,
              help="Ask the server each graph's triple count and send again those that differ.")
@graph_option
def command(endpoint, auth, graph_iri, batch, force, verify, graph):
    """Send the graph to a SPARQL server, one PUT per document's named graph and the ontology.

    Resumable: what was pushed, with its content hash, is kept in <graph dir>/push-state.json,
    so a re-run sends only changed graphs. --verify checks the server's copy of every graph
    (its triple count) instead of trusting that record, and says what the server had lost.
    Credentials go only over https:// or to this machine, unless --insecure.

    --endpoint is the server's Graph Store Protocol URL (Oxigraph: http://HOST:7878/store).

    Example:

        kg push --endpoint http://localhost:7878/store
    """
    if not endpoint:
        raise click.ClickException("--endpoint URL is required (the server's Graph Store Protocol endpoint)")
    try:
        store = GraphStore(graph_dir(graph), read_only=True)
    except FileNotFoundError as e:
        raise click.ClickException(str(e))
    try:
        report = push(store, endpoint, auth=auth, graph_iri=graph_iri, batch=batch, force=force, verify=verify)
    except RemoteError as e:
        raise click.ClickException(f"{e} (graphs pushed so far are remembered; run again to resume)")
    click.echo(f"{len(report.pushed)} graphs pushed ({report.triples} triples, {report.bytes / 1e6:.1f} MB), "
               f"{report.unchanged} unchanged, {len(report.deleted)} deleted → {endpoint}", err=True)
    if verify:
        click.echo(f"verified {report.verified} graphs on the server: {len(report.differed)} differed and were sent "
                   f"again, of which {len(report.missing)} the server had lost after acknowledging them", err=True)
