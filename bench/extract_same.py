"""Does extraction still give the same output? For optimising extraction without changing it.

    python bench/extract_same.py save FILE [--mb 4]   # before a change: write the output
    python bench/extract_same.py check FILE [--mb 4]  # after it: compare, show the first differences

The texts are the benchmark's corpus (bench/extract.py, same seed and size), the demo
sources, and every sentence of the pools alone. The output is every claim (offsets, label,
score, attribution, quantities) and every quantity, one JSON line per text. Note that the
pools include the test tables' sentences: a change to the tests changes the corpus too.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from dataclasses import astuple
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import extract as bench  # noqa: E402

from factcheck.services.ingest import text_blocks  # noqa: E402
from factcheck.text.extract.claims import extract_claims  # noqa: E402
from factcheck.text.extract.quantities import extract_quantities  # noqa: E402
from factcheck.text.read.reading import read_document  # noqa: E402


def texts(megabytes: float) -> list[str]:
    rng = random.Random(7)
    pools = bench.real_sentences()
    half = int(megabytes * 1e6 / 2)
    found: list[str] = []
    for prose, table in (("zh", "zh-table"), ("en", "en-table")):
        text = bench.corpus(pools[prose], pools[table], half, rng, 0.2)
        found += [text[s:e] for s, e in text_blocks(text)]
    found += [read_document(p).text for p in sorted((ROOT / "sources").rglob("*")) if p.is_file()]
    for sentences in pools.values():
        found += sentences
    return found


def output(text: str) -> str:
    claims = [
        [c.start, c.end, c.label, c.checkworthiness, c.attributed, [astuple(q) for q in c.quantities]]
        for c in extract_claims(text)
    ]
    quantities = [astuple(q) for q in extract_quantities(text, "2024-05-20")]
    return json.dumps([claims, quantities], ensure_ascii=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=["save", "check"])
    parser.add_argument("file", type=Path)
    parser.add_argument("--mb", type=float, default=4.0, help="corpus size in MB (default 4)")
    args = parser.parse_args()
    lines = [output(text) for text in texts(args.mb)]
    if args.action == "save":
        args.file.write_text("\n".join(lines) + "\n", "utf-8")
        print(f"saved the output of {len(lines)} texts to {args.file}")
        return
    saved = args.file.read_text("utf-8").splitlines()
    if len(saved) != len(lines):
        sys.exit(f"{len(saved)} texts saved, {len(lines)} now: the corpus changed (the test tables?)")
    differing = [i for i, (old, new) in enumerate(zip(saved, lines, strict=True)) if old != new]
    for index in differing[:3]:
        (old_claims, old_q), (new_claims, new_q) = json.loads(saved[index]), json.loads(lines[index])
        print(f"text {index}:")
        for old, new in zip(old_claims, new_claims, strict=False):
            if old != new:
                print(f"  claim before {old}\n  claim now    {new}")
                break
        before, now = {json.dumps(q) for q in old_q}, {json.dumps(q) for q in new_q}
        print(f"  quantities only before: {sorted(before - now)[:3]}\n  quantities only now: {sorted(now - before)[:3]}")
    print(f"{len(differing)} of {len(lines)} texts differ")
    sys.exit(1 if differing else 0)


if __name__ == "__main__":
    main()
