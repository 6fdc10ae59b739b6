"""Paging through `partners` and `show`: pages put together are the whole answer."""
import pytest
from click.testing import CliRunner

import kg
from kg.cli import main
from kg.queries import find_entity, partners, partners_page, show


@pytest.fixture(scope="module")
def store(example_graph):
    return kg.open_graph(example_graph)


def test_pages_concatenate_to_the_whole_answer(store):
    whole = partners(store, "香港贸易发展局")
    assert len(whole) > 4
    pages = [partners(store, "香港贸易发展局", limit=3, offset=o) for o in range(0, len(whole), 3)]
    assert [r for p in pages for r in p] == whole
    assert partners(store, "香港贸易发展局", limit=3, offset=len(whole)) == []


def test_a_page_knows_the_size_of_the_whole_answer(store):
    x = find_entity(store, "香港贸易发展局")
    page = partners_page(store, x, limit=2)
    whole = partners_page(store, x)
    assert len(page.rows) == 2 and page.evidence == whole.evidence >= len(whole.rows)
    assert page.partners == len({r["partner"] for r in whole.rows})
    assert page.summary().endswith("rows 1–2 shown")


def test_show_pages_partners_and_documents(store):
    card = show(store, "香港贸易发展局")
    first = show(store, "香港贸易发展局", limit=1)
    second = show(store, "香港贸易发展局", limit=1, offset=1)
    assert first["partners_total"] == len(card["partners"]) > 1
    assert first["partners"] + second["partners"] == card["partners"][:2]
    assert first["documents"] == card["documents"][:1]


def test_cli_says_how_much_is_not_shown(example_graph):
    res = CliRunner().invoke(main, ["partners", "香港贸易发展局", "--limit", "1", "-f", "csv",
                                    "-g", str(example_graph)])
    assert res.exit_code == 0, res.output
    assert "evidence rows; rows 1–1 shown" in res.output      # the summary, on standard error
