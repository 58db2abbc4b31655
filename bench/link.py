"""Benchmark: `link` on 10,000 claims x 100,000 passages, against brute-force cdist.

The corpus is made by varying real sentences: the demo article's and evidence's sentences
with their numbers and names changed, and a few bilingual sentence pairs (the facts of the
demo: valuation, compute order, audio latency, price, speed, posts, revenue) rendered in
English for passages and in Chinese for claims, the same value written each language's way.
Every claim is made from one passage, its label.

Prints, side by side in one run: corpus build time; the sentence encoder's throughput
(every passage and claim embedded and stored, with a progress line; the 100,000-passage
figure extrapolated from the rate measured when fewer are embedded); `link_all` end to end
with the vectors stored (reads the database, searches the vectors, writes the links);
peak memory; brute-force `process.cdist` over all pairs timed on a sample and extrapolated;
top-3 recall of both on a labelled sample. Results are printed, not asserted.

    python bench/link.py [--claims 10000] [--passages 100000] [--sample 60] [--seed 7]
                         [--embed-sample N]   # embed only N passages (timing), the rest unvectored
                         [--database PATH]    # keep the corpus there; an existing one is reused
                                              # (same seed and sizes): only linking is measured
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import shutil
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz, process, utils
from sqlalchemy import insert, select, text

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from factcheck.services.linking import link_all  # noqa: E402
from factcheck.store import vectors  # noqa: E402
from factcheck.store.db import make_engine  # noqa: E402
from factcheck.store.models import Alias, Claim, Document, Link, Passage, Quantity  # noqa: E402
from factcheck.text.encoder import load_encoder, prepare  # noqa: E402
from factcheck.text.extract.passages import split_passages  # noqa: E402
from factcheck.text.extract.quantities import extract_quantities  # noqa: E402
from factcheck.text.extract.sentences import split_sentences  # noqa: E402

COMPANIES = [
    ("OpenAI", "OpenAI"), ("Microsoft", "微软"), ("Google", "谷歌"), ("Anthropic", "Anthropic"),
    ("Baidu", "百度"), ("Alibaba", "阿里巴巴"), ("Tencent", "腾讯"), ("ByteDance", "字节跳动"),
    ("Nvidia", "英伟达"), ("Apple", "苹果公司"), ("Amazon", "亚马逊"), ("Meta", "Meta"),
    ("Cheetah Mobile", "猎豹移动"), ("Mobvoi", "出门问问"), ("Rain AI", "Rain AI"),
    ("Salesforce", "Salesforce"), ("Huawei", "华为"), ("Xiaomi", "小米"), ("Moonshot", "月之暗面"),
    ("Zhipu", "智谱"), ("MiniMax", "MiniMax"), ("Mistral", "Mistral"), ("Cohere", "Cohere"),
    ("Inflection", "Inflection"), ("xAI", "xAI"), ("Databricks", "Databricks"),
]
PEOPLE = [
    ("Sam Altman", "奥尔特曼"), ("Jan Leike", "简·雷克"), ("Ilya Sutskever", "伊利亚·苏茨克沃"),
    ("Greg Brockman", "格雷格·布罗克曼"), ("Bret Taylor", "布雷特·泰勒"), ("Mira Murati", "米拉·穆拉蒂"),
    ("Fu Sheng", "傅盛"), ("Zhou Jian", "周健"), ("Li Zhifei", "李志飞"), ("Logan Bartlett", "洛根·巴特利特"),
]
NOW = datetime.now(UTC)
PRODUCTS = ["GPT-4o", "GPT-4 Turbo", "Claude 3", "Gemini 1.5", "Llama 3", "ERNIE 4", "Qwen 2", "Kimi"]

# (English passage, Chinese claim); {a}/{b}: companies, {p}/{q}: products, {who}: people
PAIRS = [
    ("{a} is valued at US${n}BN after its latest funding round.", "据报道,{A}估值{n0}亿美金。"),
    ("{a} agreed to spend ${n} million on chips from {b}.", "更早之前,{A}从{B}订购算力,总额高达{n00}万美元。"),
    ("{p} can respond to audio inputs in as little as {n} milliseconds.", "{p}可以短至{n}毫秒响应音频输入。"),
    ("{p} is {n}% cheaper than {q} across input and output tokens.", "据介绍,{p}比{q}价格降低{n}%。"),
    ("{p} is {n}x faster at generating tokens than {q}.", "据介绍,{p}比{q}速度提升{n}倍。"),
    ("{who} posted {n} messages on X about {a} in one night.", "{WHO}在社交平台X上连发{n}条推文谈论{A}。"),
    ("{a} reported annualized revenue of ${n} billion last year.", "有消息称,{A}去年年化收入已经超过{n0}亿美元。"),
]


def real_sentences() -> tuple[list[str], list[str]]:
    """Sentences of the demo corpus: (Chinese, English)."""
    chinese, english = [], []
    for path in sorted((ROOT / "sources").rglob("*")):
        if path.suffix not in (".txt", ".md"):
            continue
        body = path.read_text(encoding="utf-8")
        spans = split_passages(body) if path.suffix == ".md" else split_sentences(body)
        for start, end in spans:
            sentence = body[start:end]
            if len(sentence) >= 12:
                (chinese if re.search(r"[\u4e00-\u9fff]", sentence) else english).append(sentence)
    return chinese, english


def vary_numbers(sentence: str, rng: random.Random) -> str:
    return re.sub(r"\d+(?:\.\d+)?", lambda m: str(rng.randint(2, 9999)), sentence)


def vary_names(sentence: str, rng: random.Random) -> str:
    for english, chinese in PEOPLE:
        other = rng.choice(PEOPLE)
        sentence = sentence.replace(english, other[0]).replace(chinese, other[1])
    return sentence


def paraphrase(sentence: str, rng: random.Random) -> str:
    """A light edit that keeps the numbers: drop a short run of characters, not digits."""
    for _ in range(10):
        at = rng.randrange(max(1, len(sentence) - 6))
        cut = sentence[at : at + rng.randint(2, 5)]
        if not any(ch.isdigit() for ch in cut):
            return sentence[:at] + sentence[at + len(cut) :]
    return sentence


def fill(template: str, rng: random.Random, values: dict) -> str:
    return template.format(**values)


def pair_values(rng: random.Random) -> dict:
    (a, a_zh), (b, b_zh) = rng.sample(COMPANIES, 2)
    p, q = rng.sample(PRODUCTS, 2)
    who, who_zh = rng.choice(PEOPLE)
    n = rng.randint(2, 999)
    return {"a": a, "A": a_zh, "b": b, "B": b_zh, "p": p, "q": q, "who": who, "WHO": who_zh,
            "n": n, "n0": n * 10, "n00": n * 100}


def build_corpus(n_passages: int, n_claims: int, rng: random.Random):
    """Passages (text, group of 100 per document) and claims (text, label passage index)."""
    chinese, english = real_sentences()
    passages: list[str] = []
    chinese_of: dict[int, str] = {}
    for i in range(n_passages):
        roll = rng.random()
        if roll < 0.5:
            template = rng.randrange(len(PAIRS))
            values = pair_values(rng)
            passages.append(PAIRS[template][0].format(**values))
            chinese_of[i] = PAIRS[template][1].format(**values)
        elif roll < 0.8:
            passages.append(vary_names(vary_numbers(rng.choice(chinese), rng), rng))
        else:
            passages.append(vary_names(vary_numbers(rng.choice(english), rng), rng))
    claims: list[tuple[str, int]] = []
    # a sentence without numbers or names repeats verbatim across the corpus: no method can
    # tell which copy a claim came from, so only passages whose text is unique are labels
    copies = Counter(passages)
    labelled = [i for i, passage in enumerate(passages) if copies[passage] == 1]
    rng.shuffle(labelled)
    for label in labelled[:n_claims]:
        if label in chinese_of:
            claims.append((chinese_of[label], label))
        else:
            claims.append((paraphrase(passages[label], rng), label))
    return passages, claims


def store(engine, passages: list[str], claims: list[tuple[str, int]]) -> list[int]:
    """Bulk-load the corpus; returns the passage ids in order."""
    per_document = 100
    with engine.begin() as db:
        db.execute(insert(Alias), [{"name": e, "variant": z, "origin": "harvested"}
                                   for e, z in COMPANIES + PEOPLE if e != z])
        article = db.execute(insert(Document).returning(Document.id), [{
            "path": "bench/article.txt", "title": "claims", "role": "article", "language": "zh",
            "sha256": "article", "text": "\n".join(c for c, _ in claims), "published": "2024-05-20",
            "added_at": NOW}]).scalar_one()
        passage_ids: list[int] = []
        for first in range(0, len(passages), per_document):
            chunk = passages[first : first + per_document]
            body = "\n\n".join(chunk)
            document_id = db.execute(insert(Document).returning(Document.id), [{
                "path": f"bench/source-{first // per_document}.md", "title": "source",
                "role": "source", "language": "en", "sha256": f"source-{first}", "text": body,
                "published": "2024-05-13", "added_at": NOW}]).scalar_one()
            rows, at = [], 0
            for sentence in chunk:
                rows.append({"document_id": document_id, "start": at, "end": at + len(sentence),
                             "text": sentence, "retired": False})
                at += len(sentence) + 2
            ids = list(db.execute(insert(Passage).returning(Passage.id), rows).scalars())
            passage_ids += ids
            quantities = []
            for passage_id, row in zip(ids, rows, strict=True):
                for q in extract_quantities(row["text"], "2024-05-13"):
                    quantities.append(_quantity(q.shifted(row["start"]), passage_id=passage_id))
            if quantities:
                db.execute(insert(Quantity), quantities)
        at = 0
        claim_rows, claim_quantities = [], []
        for sentence, _ in claims:
            claim_rows.append({"document_id": article, "start": at, "end": at + len(sentence),
                               "text": sentence, "label": "", "checkworthiness": 0.5,
                               "status": "unreviewed", "version": 1, "created_by": "extractor",
                               "created_at": NOW, "updated_at": NOW})
            at += len(sentence) + 1
        claim_ids = list(db.execute(insert(Claim).returning(Claim.id), claim_rows).scalars())
        for claim_id, row in zip(claim_ids, claim_rows, strict=True):
            for q in extract_quantities(row["text"], "2024-05-20"):
                claim_quantities.append(_quantity(q.shifted(row["start"]), claim_id=claim_id))
        db.execute(insert(Quantity), claim_quantities)
    return passage_ids


def _quantity(q, claim_id=None, passage_id=None) -> dict:
    return {"claim_id": claim_id, "passage_id": passage_id, "start": q.start, "end": q.end,
            "text": q.text, "kind": q.kind, "value": q.value, "high": q.high, "iso": q.iso,
            "unit": q.unit, "display": q.display, "qualifier": q.qualifier}


def embed(engine, sample: int):
    """Embed and store the passages' and claims' vectors, timed; returns the encoder."""
    started = time.perf_counter()
    encoder = load_encoder()
    print(f"encoder loaded in {time.perf_counter() - started:.1f} s ({encoder.name})")
    owners = (vectors.CLAIMS, vectors.PASSAGES)
    if sample:
        with engine.begin() as db:  # only the first `sample` passages take part
            db.execute(text("UPDATE passage SET retired = true WHERE id > (SELECT min(id) FROM passage) + :n"),
                       {"n": sample - 1})
    shown = {"last": -1}

    def progress(what: str, done: int, total: int) -> None:
        step = done * 10 // max(total, 1)
        if step != shown["last"] or done == total:
            shown["last"] = step
            print(f"  {what}: {done:,}/{total:,}", file=sys.stderr, flush=True)

    started, cpu = time.perf_counter(), time.process_time()
    for owner in owners:
        shown["last"] = -1
        began = time.perf_counter()
        count = vectors.refresh(engine, encoder, progress, (owner,))
        took = time.perf_counter() - began
        rate = count / took if took else 0.0
        print(f"embedding {owner.name}: {count:,} stored in {took:.1f} s wall = {rate:,.0f} per second"
              + (f"; 100,000 passages at this rate: {100_000 / rate / 60:.1f} min" if owner is vectors.PASSAGES and rate else ""))
    print(f"embedding in all: {time.perf_counter() - started:.1f} s wall, {time.process_time() - cpu:.1f} s CPU; "
          f"peak memory of the process {_peak_mb():.0f} MB")
    if sample:
        with engine.begin() as db:
            db.execute(text("UPDATE passage SET retired = false"))
    return encoder


def encoder_rate(encoder, texts: list[str], count: int) -> None:
    """The encoder alone on `count` distinct texts (none seen before in this process), so
    the repeated texts of the corpus, each encoded once, do not flatter the figure."""
    distinct = list(dict.fromkeys(prepare(t) for t in texts))[:count]
    model = encoder._model  # the bare model: no memo, no database
    started, cpu = time.perf_counter(), time.process_time()
    model.encode(distinct)
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    chars = sum(map(len, distinct)) / max(1, len(distinct))
    print(f"encoder alone on {len(distinct):,} distinct texts (mean {chars:.0f} characters): "
          f"{wall:.1f} s wall, {cpu:.1f} s CPU = {len(distinct) / wall:,.0f} per second wall, "
          f"{len(distinct) / cpu:,.0f} per CPU second; 100,000 such texts: {100_000 / len(distinct) * wall / 60:.1f} min "
          f"at this wall rate, {100_000 / len(distinct) * cpu / 60:.1f} min of CPU")


def linked_top3(engine) -> dict[int, list[int]]:
    """Claim id -> its top three passage ids, best first."""
    top: dict[int, list[int]] = {}
    with engine.connect() as db:
        rows = db.execute(select(Link.claim_id, Link.passage_id).order_by(Link.claim_id, Link.score.desc(), Link.passage_id))
        for claim_id, passage_id in rows:
            top.setdefault(claim_id, [])
            if len(top[claim_id]) < 3:
                top[claim_id].append(passage_id)
    return top


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=10_000)
    parser.add_argument("--passages", type=int, default=100_000)
    parser.add_argument("--sample", type=int, default=60, help="claims for brute force and recall")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--embed-sample", type=int, default=0,
                        help="embed only this many passages (the rate is extrapolated; linking then "
                             "has vectors for those only)")
    parser.add_argument("--rate-sample", type=int, default=3000,
                        help="distinct texts the encoder's own rate is measured on")
    parser.add_argument("--database", help="keep the corpus in this SQLite file; reuse it if it exists")
    args = parser.parse_args()
    rng = random.Random(args.seed)

    started = time.perf_counter()
    passages, claims = build_corpus(args.passages, args.claims, rng)
    folder = tempfile.mkdtemp(prefix="factcheck-bench-")
    path = Path(args.database) if args.database else Path(folder) / "bench.db"
    reused = path.exists()
    engine = make_engine(f"sqlite:///{path}")
    if reused:
        with engine.connect() as db:
            passage_ids = list(db.execute(text("SELECT id FROM passage ORDER BY id")).scalars())
        encoder = load_encoder()
        print(f"corpus: {len(claims):,} claims x {len(passages):,} passages, reused from {path} "
              "(vectors stored)")
    else:
        passage_ids = store(engine, passages, claims)
        print(f"corpus: {len(claims):,} claims x {len(passages):,} passages, "
              f"built and stored in {time.perf_counter() - started:.1f} s")
        distinct = len({prepare(p) for p in passages})
        print(f"distinct passage texts as the encoder reads them (digits masked): {distinct:,}; "
              "a repeated text is encoded once")
        encoder = embed(engine, args.embed_sample)
    encoder_rate(encoder, [c for c, _ in claims] + passages, args.rate_sample)
    before = _peak_mb()
    started, cpu = time.perf_counter(), time.process_time()
    report = link_all(engine, encoder=encoder)
    linked, cpu = time.perf_counter() - started, time.process_time() - cpu
    print(f"link_all end to end, vectors stored (excluding embedding): {linked:.1f} s wall, "
          f"{cpu:.1f} s CPU on all cores ({report.suggested:,} links suggested, "
          f"{report.embedded} texts embedded during the run); "
          f"peak memory of the process {before:.0f} MB before, {_peak_mb():.0f} MB after")

    with engine.connect() as db:
        claim_ids = list(db.execute(text("SELECT id FROM claim ORDER BY id")).scalars())
    sample = rng.sample(range(len(claims)), min(args.sample, len(claims)))
    choices = [utils.default_process(p) for p in passages]
    queries = [utils.default_process(claims[i][0]) for i in sample]
    started, brute_cpu = time.perf_counter(), time.process_time()
    scores = process.cdist(queries, choices, scorer=fuzz.partial_ratio, workers=-1, score_cutoff=60)
    brute, brute_cpu = time.perf_counter() - started, time.process_time() - brute_cpu
    scale = len(claims) / len(sample)
    print(f"brute-force cdist on {len(sample)} claims x {len(passages):,} passages: {brute:.1f} s wall, "
          f"{brute_cpu:.1f} s CPU; extrapolated to {len(claims):,} claims: {brute * scale:.0f} s wall, "
          f"{brute_cpu * scale:.0f} s CPU")
    print(f"speed-up: {brute * scale / linked:.0f}x by wall time, {brute_cpu * scale / cpu:.0f}x by CPU time")

    top = linked_top3(engine)
    ours = sum(passage_ids[claims[i][1]] in top.get(claim_ids[i], []) for i in sample)
    theirs = 0
    for row, i in enumerate(sample):
        best = np.argsort(-scores[row], kind="stable")[:3]
        theirs += claims[i][1] in {int(j) for j in best if scores[row][j] > 0}
    all_ours = sum(passage_ids[label] in top.get(claim_ids[i], []) for i, (_, label) in enumerate(claims))
    print(f"top-3 recall on the {len(sample)} sampled claims: linker {ours / len(sample):.1%}, "
          f"brute force {theirs / len(sample):.1%}")
    print(f"top-3 recall of the linker on all {len(claims):,} labelled claims: {all_ours / len(claims):.1%}")
    engine.dispose()
    shutil.rmtree(folder, ignore_errors=True)  # a --database file is kept


if __name__ == "__main__":
    main()
