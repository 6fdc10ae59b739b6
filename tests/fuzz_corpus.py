"""A hostile corpus, made on the spot: odd file names, odd files, odd folders.

`make_corpus(root, n, seed)` writes about `n` entries under `root` and returns what the
build should say about each: `expected[path] = "read" | "skipped" | "failed" | "any"`.
"any" is for random bytes, which a reader may or may not make sense of; what matters for
those is that the build names them. Everything is small, so a few hundred entries build
in seconds.
"""
from __future__ import annotations

import os
import random
from pathlib import Path

GOOD = "湖南大学与香港城市大学签订了合作协议。双方将在长沙共建联合实验室。"
# Names a file system allows and a program may trip on: control characters, bytes that are
# not UTF-8, blanks, IRI and Turtle metacharacters, bidi and zero-width marks, very long.
ODD_NAMES = [b"ctl\x01\x02", b"bad\xff\xfe", b"tab\there", b"new\nline", b"sp  ace", b"pct%41",
             b"iri<>\"{}|^`", b"hash#q?", "bidi\u202eevil".encode(), "zw\u200bsp".encode(),
             "priv\ue000".encode(), "\ufffdrep".encode(), b"x" * 200, "湖南大学".encode("gbk"),
             b"esc\x1b[31m", b"del\x7f", b"-dash", b"quote'", b"back\\slash"]
SUFFIXES = [b".txt", b".md", b".html", b".docx", b".pdf"]


def _write(root: Path, name: bytes, data: bytes) -> Path:
    path = os.path.join(os.fsencode(root), name)
    with open(path, "wb") as f:
        f.write(data)
    return Path(os.fsdecode(path))


def unlock(root: Path):
    """Give back the permissions `make_corpus` took away, so the corpus can be deleted."""
    os.chmod(root / "locked", 0o755)


def make_corpus(root: Path, n: int = 300, seed: int = 0) -> dict[Path, str]:
    rnd = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True)
    expected: dict[Path, str] = {}
    sub = root / "sub"
    sub.mkdir()
    # every odd name with readable text, as .txt
    for i, name in enumerate(ODD_NAMES):
        expected[_write(root, name + b"-%d.txt" % i, GOOD.encode())] = "read"
    # links: dangling, to itself, a loop back to the top, a good link to a file
    os.symlink("nowhere.txt", root / "dangling.txt")
    expected[root / "dangling.txt"] = "failed"
    os.symlink("self.txt", root / "self.txt")
    expected[root / "self.txt"] = "skipped"
    os.symlink("..", sub / "loop")
    expected[sub / "loop"] = "skipped"
    (sub / "target.txt").write_text(GOOD, encoding="utf-8")
    expected[sub / "target.txt"] = "read"
    os.symlink("target.txt", sub / "alias.txt")
    expected[sub / "alias.txt"] = "read"
    os.mkfifo(root / "pipe.txt")
    expected[root / "pipe.txt"] = "skipped"
    expected[_write(root, b"empty.txt", b"")] = "failed"
    # a folder nobody may list (root may: then its file is read); `unlock(root)` undoes it
    (root / "locked").mkdir()
    expected[_write(root / "locked", b"inside.txt", GOOD.encode())] = "read"
    os.chmod(root / "locked", 0)
    if os.geteuid() != 0:
        del expected[root / "locked" / "inside.txt"]
        expected[root / "locked"] = "failed"
    expected[_write(root, b"sheet.xlsx", b"PK\x03\x04")] = "skipped"
    # the rest: random bytes, random text, text with a runaway line, under odd names
    while len(expected) < n:
        i = len(expected)
        name = rnd.choice(ODD_NAMES)[:20] + b"-%d" % i + rnd.choice(SUFFIXES)
        kind = rnd.random()
        if kind < 0.5:
            data, outcome = rnd.randbytes(rnd.randint(1, 1500)), "any"
        elif kind < 0.8:
            text = "".join(rnd.choice(GOOD + "，、；\n\t \x00\x0b\u3000<>&") for _ in range(rnd.randint(20, 600)))
            data, outcome = text.encode(rnd.choice(["utf-8", "gb18030", "utf-16"])), "any"
        else:
            data, outcome = (GOOD * rnd.randint(1, 5)).encode(), "any"
        expected[_write(sub if i % 3 else root, name, data)] = outcome
    return expected
