"""The folder walk names every path it cannot use instead of passing over it."""
import os

import pytest

from extract.readers.discovery import PathProblem, walk


def _problems(paths):
    return {p.path.name: (p.outcome, p.reason) for p in walk(paths) if isinstance(p, PathProblem)}


def test_links_and_special_files_are_named(tmp_path):
    (tmp_path / "a.txt").write_text("x")
    os.symlink("gone.txt", tmp_path / "dangling.txt")
    os.symlink("me.txt", tmp_path / "me.txt")
    (tmp_path / "sub").mkdir()
    os.symlink("..", tmp_path / "sub" / "up")
    os.mkfifo(tmp_path / "fifo.txt")
    problems = _problems([tmp_path])
    assert problems == {
        "dangling.txt": ("failed", "dangling symlink (to gone.txt)"),
        "me.txt": ("skipped", "symlink loop"),
        "up": ("skipped", "symlink loop (back into a folder already read)"),
        "fifo.txt": ("skipped", "not a regular file (device, pipe or socket)")}
    assert [p.name for p in walk([tmp_path]) if not isinstance(p, PathProblem)] == ["a.txt"]


def test_linked_folder_is_followed_once(tmp_path):
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "a.txt").write_text("x")
    os.symlink("real", tmp_path / "link")
    files = [p for p in walk([tmp_path]) if not isinstance(p, PathProblem)]
    assert [p.relative_to(tmp_path).as_posix() for p in files] == ["link/a.txt"]


def test_a_folder_that_cannot_be_listed_is_named_and_the_walk_goes_on(tmp_path, monkeypatch):
    for d in ("a", "locked", "z"):
        (tmp_path / d).mkdir()
        (tmp_path / d / "f.txt").write_text("x")
    scandir = os.scandir

    def refuse(path):
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", refuse)
    found = list(walk([tmp_path]))
    assert [p.path.name if isinstance(p, PathProblem) else p.parent.name for p in found] == ["a", "locked", "z"]
    assert found[1] == PathProblem(tmp_path / "locked", "failed", "folder not read: permission denied")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any folder")
def test_an_unreadable_folder_on_disk_is_named(tmp_path):
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "f.txt").write_text("x")
    os.chmod(tmp_path / "locked", 0)
    try:
        assert _problems([tmp_path]) == {"locked": ("failed", "folder not read: permission denied")}
    finally:
        os.chmod(tmp_path / "locked", 0o755)
