import io

from kg.commands.progress import DocumentProgress


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_bar_on_a_terminal_with_failures_still_named():
    term = Terminal()
    p = DocumentProgress(term)
    p.start(6)
    assert p.bar is not None
    for i in range(5):
        p.document(f"d{i}.txt", "read", None)
    p.document("bad.pdf", "failed", "damaged PDF")
    p.close()
    out = term.getvalue()
    assert "failed bad.pdf: damaged PDF\n" in out and "/6 [" in out   # the bar, and the line above it


def test_plain_lines_when_not_a_terminal(capsys):
    p = DocumentProgress(io.StringIO())
    p.start(6)
    assert p.bar is None
    p.document("a.txt", "unchanged", None)
    p.document("b.xlsx", "skipped", "unsupported file type .xlsx")
    p.close()
    err = capsys.readouterr().err.splitlines()
    assert err == ["[1/6] unchanged a.txt", "skipped b.xlsx: unsupported file type .xlsx"]


def test_few_documents_only_name_the_problems(capsys):
    p = DocumentProgress(io.StringIO())
    p.start(2)
    p.document("a.txt", "read", None)
    assert capsys.readouterr().err == ""
