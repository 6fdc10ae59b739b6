from __future__ import annotations

import sys

import click

from extract.tagger_names import DEFAULT_TAGGER, TAGGERS
from kg.build import EXPORTS, EXPORTS_MAX_DOCUMENTS, build
from kg.commands.options import graph_option
from kg.commands.progress import DocumentProgress
from kg.filenames import printable
from kg.lock import GraphLocked, GraphUnwritable
from kg.parallel import default_jobs


@click.command("build")
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
@graph_option
@click.option("--strict", is_flag=True,
              help="Exit with status 1 when the graph breaks its own shapes (ontology/shapes.ttl).")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=1, show_default=True,
              help="Worker processes for extraction; 0 = one per CPU.")
@click.option("--tagger", type=click.Choice(TAGGERS), default=DEFAULT_TAGGER, show_default=True,
              help="Statistical tagger ahead of the rules: lac (Baidu LAC, offline) or none (faster).")
@click.option("--exports", type=click.Choice(EXPORTS), default="auto", show_default=True,
              help=f"Write graph.ttl and graph.html: auto = up to {EXPORTS_MAX_DOCUMENTS:,} documents "
                   "(above, `kg export` and `kg viz` write them when asked), always, never.")
def command(paths, graph, strict, jobs, tagger, exports):
    """Extract documents (files or folders) into the graph directory.

    With no PATH, builds the bundled example corpus. Reads .txt/.md (any Chinese
    encoding), .html, .docx and .pdf; other files are skipped. Only new and changed
    documents are extracted. Writes the store, and graph.ttl and graph.html for graphs of
    up to 2,000 documents (--exports); exits with status 1 when a document failed to read.
    Each document written is checked against the project's
    shapes (ontology/shapes.ttl); every violation is one line naming the file and the node,
    and with --strict any violation also makes the exit status 1.

    Example:

        kg build ../shared/corpus -g out --jobs 2

        kg build ../shared/corpus -g out --tagger none
    """
    progress = DocumentProgress()
    try:
        report = build(paths or None, graph, on_document=progress.document, on_start=progress.start,
                       jobs=jobs or default_jobs(), tagger=tagger, exports=exports)
    except (GraphLocked, GraphUnwritable) as e:
        raise click.ClickException(str(e))
    except OSError as e:    # the graph directory failed under the build (disk full, read-only)
        raise click.ClickException(f"{printable(e.filename or graph or 'rckg-data')}: {e.strerror or e}")
    finally:
        progress.close()
    for line in report.violations:
        click.echo(f"shape violation: {line}", err=True)
    if report.exports:
        click.echo(f"{report.summary()} → {report.graph_dir / 'graph.ttl'}", err=True)
    else:
        click.echo(f"{report.summary()} → {report.graph_dir / 'store'} (graph.ttl and graph.html on demand: "
                   f"kg export, kg viz)", err=True)
    if not report.ok or (strict and report.violations):
        sys.exit(1)
