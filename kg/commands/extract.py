"""`kg extract`: documents → one compressed N-Quads shard each, here or on a Dask cluster."""
from __future__ import annotations

import sys

import click

from extract.tagger_names import DEFAULT_TAGGER, TAGGERS


@click.command("extract")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--out", "out", required=True, type=click.Path(file_okay=False), help="The shard directory.")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=1, show_default=True,
              help="Worker processes with --engine local; 0 = one per CPU.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True)
@click.option("--scheduler", metavar="ADDRESS", default=None,
              help="The Dask scheduler, e.g. tcp://10.0.0.5:8786 (--engine dask).")
@click.option("--tagger", type=click.Choice(TAGGERS), default=DEFAULT_TAGGER, show_default=True,
              help="Statistical tagger ahead of the rules: lac (Baidu LAC, offline) or none (faster).")
def command(paths, out, jobs, engine, scheduler, tagger):
    """Extract documents (files or folders) to SHARDS: one compressed N-Quads file per
    document (its named graph) and shards.jsonl listing them. Load them with `kg load`.

    On a Dask cluster the workers write their shards into --out, which must be a
    filesystem they and this machine share. A document that fails is reported on one
    line and the others go on; the exit status is then 1.

    Example:

        kg extract ../shared/corpus --out shards/ --jobs 2

        kg extract docs/ --out /shared/shards --engine dask --scheduler tcp://10.0.0.5:8786
    """
    from kg.filenames import printable
    from kg.parallel import default_jobs
    from kg.shards import extract_shards

    if engine == "dask" and not scheduler:
        raise click.UsageError("--engine dask needs --scheduler ADDRESS")
    try:
        report = extract_shards(paths, out, jobs=jobs or default_jobs(), engine=engine, scheduler=scheduler,
                                tagger=tagger)
    except (RuntimeError, OSError) as e:
        raise click.ClickException(str(e))
    for path, reason in report.skipped:
        click.echo(f"skipped {printable(path)}: {reason}", err=True)
    for path, reason in report.failed:
        click.echo(f"failed {printable(path)}: {reason}", err=True)
    click.echo(f"{report.summary()} → {out}", err=True)
    if not report.ok:
        sys.exit(1)
