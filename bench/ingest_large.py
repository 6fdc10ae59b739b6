"""One very large document through `kg build`: time and peak memory.

    python bench/ingest_large.py 50        # a 50 MB UTF-8 text, in a fresh graph dir

The text is our own filler prose with a cooperation sentence every few paragraphs, the
density of a yearbook or a compilation of notices. The build runs in a child process so
its peak resident memory (ru_maxrss) is its own.

Measured on the 2-core development machine (shared with other jobs): 5 MB → 10 s, peak
240 MB; 50 MB → 75 s, peak 686 MB (18 099 entities, 54 267 relations). Before documents
were cut into 200 K-character pieces and large graphs written in flushed batches, 20 MB
took 1.4 GB.
"""
from __future__ import annotations

import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PROSE = ("会议指出，要坚持稳中求进工作总基调，完整、准确、全面贯彻新发展理念，"
         "持续优化营商环境，推动经济实现质的有效提升和量的合理增长。")
PAIRS = [("湖南大学", "香港城市大学"), ("中南大学", "香港理工大学"), ("湖南师范大学", "香港教育大学"),
         ("湘潭大学", "澳门大学"), ("湖南省商务厅", "香港贸易发展局")]


def write_document(path: Path, megabytes: float):
    target = int(megabytes * 1_000_000)
    size, i = 0, 0
    with open(path, "w", encoding="utf-8") as f:
        while size < target:
            if i % 8 == 0:
                a, b = PAIRS[(i // 8) % len(PAIRS)]
                para = f"{a}与{b}签订了第{i // 8 + 1}项合作协议，双方将共建联合实验室。"
            else:
                para = PROSE * 2
            f.write(para + "\n\n")
            size += len(para.encode("utf-8")) + 2
            i += 1


def main(megabytes: float = 50):
    with tempfile.TemporaryDirectory() as tmp:
        doc = Path(tmp) / "compilation.txt"
        write_document(doc, megabytes)
        t = time.perf_counter()
        proc = subprocess.run([sys.executable, "-m", "kg", "build", str(doc), "-g", str(Path(tmp) / "g")],
                              cwd=REPO, capture_output=True, text=True)
        seconds = time.perf_counter() - t
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"{megabytes:g} MB document: {seconds:.1f} s, peak RSS {peak:.0f} MB, exit {proc.returncode}")
        print(proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else "")


if __name__ == "__main__":
    main(float(sys.argv[1]) if len(sys.argv) > 1 else 50)
