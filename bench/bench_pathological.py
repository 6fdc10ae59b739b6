"""Extraction time and peak memory against input size, for ordinary text and hostile shapes.

    python bench/bench_pathological.py                       # every shape, 10 kB … 160 kB
    python bench/bench_pathological.py --sizes 1e6 5e6 --shapes ordinary commas
    python bench/bench_pathological.py --json >> bench/results-pathological.jsonl   # the figures of docs/reliability.md

Each (shape, size) runs in a child process that loads the pipeline, then reads the file
(the HTML shape through the HTML reader) and extracts it; the figures are that child's CPU
seconds for read + extract (the pipeline load left out) and its peak resident memory.
Time per MB should stay flat as the size grows; a shape whose seconds per MB climb with the
size is quadratic somewhere.

Shapes (all texts written here, from names of the genre):
- ordinary:  sentences of the genre with 。 and paragraphs;
- names:     distinct names joined by 与 and 合作, no punctuation, no line break;
- list:      one sentence listing names separated by 、 (10,000 items at 100 kB);
- brackets:  `湖南大学（` over and over;
- line:      ordinary sentences on one line (no line break at all);
- html:      an HTML page of many short <p> paragraphs.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
NAMES = ["湖南大学", "香港城市大学", "中南大学", "香港理工大学", "湖南师范大学", "澳门大学", "湘潭大学",
         "香港贸易发展局", "湖南省商务厅", "长沙经济技术开发区", "中国(湖南)自由贸易试验区", "香港中文大学"]
SENTENCES = ["{a}与{b}签订了战略合作协议，双方将在人才培养、科学研究等领域开展合作。",
             "会议指出，要持续优化营商环境，推动经济实现质的有效提升和量的合理增长。",
             "{a}代表团赴香港考察，与{b}就共建联合实验室进行了深入交流。",
             "下一步，我们将继续深化湘港澳合作，推动更多项目落地见效。"]
SHAPES = ["ordinary", "names", "list", "brackets", "line", "html"]


def _pool() -> list[str]:
    """Ten thousand distinct names of the genre (bench/corpus_gen.py's pool)."""
    sys.path.insert(0, str(REPO / "bench"))
    from corpus_gen import name_pool

    return name_pool()[0]


def make_text(shape: str, size: int) -> tuple[str, str]:
    """(suffix, text) of about `size` bytes of UTF-8 in the given shape."""
    out, n, i = [], 0, 0
    while n < size:
        a, b = NAMES[i % len(NAMES)], NAMES[(i * 7 + 3) % len(NAMES)]
        if shape == "names":
            piece = _pool()[i % len(_pool())] + ("与" if i % 2 == 0 else "合作")
        elif shape == "list":
            piece = a + "、"
        elif shape == "brackets":
            piece = "湖南大学（"
        else:
            piece = SENTENCES[i % len(SENTENCES)].format(a=a, b=b)
            if shape == "ordinary" and i % 4 == 3:
                piece += "\n\n"
            elif shape == "html":
                piece = f"<p>{piece}</p>\n"
        out.append(piece)
        n += len(piece.encode("utf-8"))
        i += 1
    text = "".join(out)
    if shape == "list":
        text = "湖南省与" + text.rstrip("、") + "等单位签订了合作协议。"
    if shape == "html":
        return ".html", f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>合作</title></head><body>{text}</body></html>"
    return ".txt", text


def _child(path: str):
    """In the child: load, then read + extract, and print the figures as JSON."""
    import extract
    from extract.document import extract_document
    from extract.readers import read_document

    nlp = extract.load()
    t0 = time.process_time()
    text = read_document(path)
    rec = extract_document(nlp, text, "bench")
    seconds = time.process_time() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": round(seconds, 2), "peak_mb": round(peak), "entities": len(rec.entities),
                      "relations": len(rec.relations), "notes": rec.notes if hasattr(rec, "notes") else []}))


def measure(shape: str, size: int, timeout: float) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        suffix, text = make_text(shape, size)
        path = Path(tmp) / f"doc{suffix}"
        path.write_text(text, encoding="utf-8")
        wall = time.perf_counter()
        try:
            proc = subprocess.run([sys.executable, __file__, "--child", str(path)], cwd=REPO, capture_output=True,
                                  text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            return {"shape": shape, "bytes": size, "timeout": timeout}
        if proc.returncode != 0:
            return {"shape": shape, "bytes": size, "error": proc.stderr.strip().splitlines()[-1:]}
        row = json.loads(proc.stdout.strip().splitlines()[-1])
        row.update(shape=shape, bytes=size, wall=round(time.perf_counter() - wall, 1),
                   s_per_mb=round(row["seconds"] / (size / 1e6), 2))
        return row


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--child")
    ap.add_argument("--sizes", nargs="+", type=float, default=[1e4, 2e4, 4e4, 8e4, 1.6e5])
    ap.add_argument("--shapes", nargs="+", choices=SHAPES, default=SHAPES)
    ap.add_argument("--timeout", type=float, default=600)
    ap.add_argument("--json", action="store_true", help="one JSON object per line instead of a table")
    args = ap.parse_args(argv)
    if args.child:
        return _child(args.child)
    if not args.json:
        print(f"{'shape':<10}{'bytes':>12}{'cpu s':>9}{'s/MB':>8}{'peak MB':>9}{'entities':>10}{'relations':>10}")
    for shape in args.shapes:
        for size in args.sizes:
            row = measure(shape, int(size), args.timeout)
            if args.json:
                print(json.dumps(row, ensure_ascii=False), flush=True)
            elif "seconds" in row:
                print(f"{shape:<10}{int(size):>12,}{row['seconds']:>9.2f}{row['s_per_mb']:>8.1f}{row['peak_mb']:>9}"
                      f"{row['entities']:>10}{row['relations']:>10}", flush=True)
            else:
                print(f"{shape:<10}{int(size):>12,}  {row.get('timeout') and 'timeout' or row.get('error')}", flush=True)


if __name__ == "__main__":
    main()
