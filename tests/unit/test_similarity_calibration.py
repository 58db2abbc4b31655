"""The thresholds of relations.py against the calibration pairs they were chosen on
(tests/data/similarity_pairs.tsv, written for the purpose): if the encoder, the text it is
given or the thresholds change, the separation must hold."""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np

from factcheck.text.encoder import load_encoder
from factcheck.text.extract.relations import RELATED, SAME_SUBJECT

PAIRS = Path(__file__).resolve().parent.parent / "data" / "similarity_pairs.tsv"


def _similarities() -> tuple[np.ndarray, np.ndarray]:
    with PAIRS.open(encoding="utf-8") as rows:
        table = [row for row in csv.reader(rows, delimiter="\t") if row and not row[0].startswith("#")][1:]
    encoder = load_encoder()
    a, b = encoder.encode([row[1] for row in table]), encoder.encode([row[2] for row in table])
    found = np.einsum("ij,ij->i", a, b)
    same = np.array([row[0] == "same" for row in table])
    return found[same], found[~same]


def test_same_subject_accepts_nearly_every_same_pair_and_no_trap():
    same, other = _similarities()
    assert len(same) >= 20 and len(other) >= 20
    assert np.mean(same >= SAME_SUBJECT) >= 0.9
    assert np.mean(other >= SAME_SUBJECT) == 0.0


def test_related_accepts_nearly_every_same_pair_and_few_traps():
    same, other = _similarities()
    assert np.mean(same >= RELATED) >= 0.9
    assert np.mean(other >= RELATED) <= 0.25
