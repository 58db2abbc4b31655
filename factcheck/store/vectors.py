"""The encoder's vectors in the database: computed for the passages and claims that lack a
current one, and searched a chunk at a time.

A stored vector names the model that made it and hashes the text as encoded; one whose
model or text no longer matches is computed again. Vectors are 512 float16 values (1 KB a
text). Computing them is committed a batch at a time: they are derived data, and an
interrupted run keeps the batches it finished, so the next one resumes. Searching reads them
once per run into float32 chunks (200 MB for 100,000 passages) and multiplies one block of
queries by one chunk at a time, so the scratch memory does not grow with either; only the
scores at or above the floor are sorted.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

import numpy as np
from sqlalchemy import delete, insert, text
from sqlalchemy.engine import Connection, Engine

from factcheck.store.db import WRITE_OPTION
from factcheck.store.models import ClaimVector, PassageVector
from factcheck.text.encoder import DIMENSIONS, Encoder, text_hash

Progress = Callable[[str, int, int], None]
ENCODE_BATCH = 512  # texts per encoder call and per committed transaction
CHUNK_ROWS = 8_192  # passage vectors per chunk of the search
QUERY_BLOCK = 1_024  # query vectors multiplied at once
READ_PAGE = 4_096
_DTYPE = np.dtype("<f2")


@dataclass(frozen=True, slots=True)
class Owner:
    """Passages or claims, and where their vectors live."""

    name: str  # as shown in progress: "passages", "claims"
    table: str
    key: str
    model: type
    live: str  # SQL condition on the owner's rows worth a vector


PASSAGES = Owner("passages", "passage", "passage_id", PassageVector, "NOT o.retired")
CLAIMS = Owner("claims", "claim", "claim_id", ClaimVector, "1 = 1")


def pack(vector: np.ndarray) -> bytes:
    return np.asarray(vector, dtype=_DTYPE).tobytes()


def unpack(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype=_DTYPE).astype(np.float32)


def refresh(engine: Engine, encoder: Encoder, progress: Progress | None = None,
            owners: Sequence[Owner] = (CLAIMS, PASSAGES)) -> int:
    """Compute every missing or stale vector of `owners`; returns how many were computed."""
    computed = 0
    for owner in owners:
        stale = _stale(engine, owner, encoder.name)
        total = len(stale)
        for first in range(0, total, ENCODE_BATCH):
            if progress:
                progress(f"embedding {owner.name}", first, total)
            batch = stale[first : first + ENCODE_BATCH]
            vectors = encoder.encode([body for _, body in batch])
            _store(engine, owner, encoder.name, batch, vectors)
            computed += len(batch)
        if progress and total:
            progress(f"embedding {owner.name}", total, total)
    return computed


def _stale(engine: Engine, owner: Owner, model: str) -> list[tuple[int, str]]:
    """(id, text) of the rows whose vector is missing, of another model or of other text.
    Every text is read and hashed: a few seconds for a million passages, and no text can
    change behind a stale vector."""
    query = text(
        f"SELECT o.id, o.text, v.model, v.text_hash FROM {owner.table} o "
        f"LEFT JOIN {owner.table}_vector v ON v.{owner.key} = o.id WHERE {owner.live} ORDER BY o.id"
    )
    stale = []
    with engine.connect() as connection:
        for row_id, body, found_model, found_hash in connection.execute(query):
            if found_model != model or found_hash != text_hash(body):
                stale.append((row_id, body))
    return stale


def _store(engine: Engine, owner: Owner, model: str, batch, vectors: np.ndarray) -> None:
    table = owner.model.__table__  # type: ignore[attr-defined]
    ids = [row_id for row_id, _ in batch]
    rows = [
        {owner.key: row_id, "model": model, "text_hash": text_hash(body), "vector": pack(vector)}
        for (row_id, body), vector in zip(batch, vectors, strict=True)
    ]
    with engine.connect().execution_options(**{WRITE_OPTION: True}) as connection, connection.begin():
        connection.execute(delete(table).where(table.c[owner.key].in_(ids)))
        # a row deleted meanwhile (a source replaced) takes its vector with it
        present = _present(connection, owner, ids)
        rows = [row for row in rows if row[owner.key] in present]
        if rows:
            connection.execute(insert(table), rows)


def _present(connection: Connection, owner: Owner, ids: list[int]) -> set[int]:
    query = text(f"SELECT id FROM {owner.table} WHERE id IN ({', '.join(str(int(i)) for i in ids)})")
    return set(connection.execute(query).scalars())


def read_vectors(connection: Connection, owner: Owner, model: str, ids: Sequence[int] | None = None
                 ) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """(ids, float16 matrix) pages of the stored vectors of `model`, in id order; only the
    rows worth a vector (a retired passage is never evidence)."""
    last = -1
    where = f"v.model = :model AND {owner.live}"
    if ids is not None:
        where += f" AND v.{owner.key} IN ({', '.join(str(int(i)) for i in ids) or 'NULL'})"
    query = text(
        f"SELECT v.{owner.key}, v.vector FROM {owner.table}_vector v JOIN {owner.table} o "
        f"ON o.id = v.{owner.key} WHERE {where} AND v.{owner.key} > :last "
        f"ORDER BY v.{owner.key} LIMIT {READ_PAGE}"
    )
    while True:
        rows = connection.execute(query, {"model": model, "last": last}).all()
        if not rows:
            return
        found = np.fromiter((row[0] for row in rows), dtype=np.int64, count=len(rows))
        blobs = [bytes(row[1]) for row in rows]
        good = [len(blob) == DIMENSIONS * 2 for blob in blobs]
        matrix = np.frombuffer(b"".join(b for b, ok in zip(blobs, good, strict=True) if ok), dtype=_DTYPE)
        yield found[np.array(good, dtype=bool)], matrix.reshape(-1, DIMENSIONS)
        last = int(found[-1])


@dataclass(slots=True)
class Neighbour:
    passage_id: int
    similarity: float


class VectorIndex:
    """The passages' vectors of one model, in chunks, for nearest-neighbour search and for
    the similarity of any claim-passage pair."""

    def __init__(self, connection: Connection, model: str) -> None:
        self.ids = np.empty(0, dtype=np.int64)
        self.chunks: list[np.ndarray] = []
        ids, pending, held = [], [], 0
        for found, matrix in read_vectors(connection, PASSAGES, model):
            ids.append(found)
            pending.append(matrix.astype(np.float32))
            held += len(found)
            if held >= CHUNK_ROWS:
                self.chunks.append(np.concatenate(pending))
                pending, held = [], 0
        if pending:
            self.chunks.append(np.concatenate(pending))
        if ids:
            self.ids = np.concatenate(ids)
        self._starts = np.cumsum([0] + [len(c) for c in self.chunks])

    def __len__(self) -> int:
        return len(self.ids)

    def nearest(self, queries: np.ndarray, k: int, floor: float) -> list[list[Neighbour]]:
        """For each query vector, its `k` most similar passages at or above `floor`, best
        first."""
        result: list[list[Neighbour]] = []
        for first in range(0, len(queries), QUERY_BLOCK):
            block = np.ascontiguousarray(queries[first : first + QUERY_BLOCK], dtype=np.float32)
            result += self._nearest_block(block, k, floor)
        return result

    def _nearest_block(self, block: np.ndarray, k: int, floor: float) -> list[list[Neighbour]]:
        rows_found, columns_found, values_found = [], [], []
        for index, chunk in enumerate(self.chunks):
            scores = block @ chunk.T
            close = scores >= floor  # few, for most queries
            crowded = np.flatnonzero(close.sum(axis=1) > k)
            if len(crowded):  # a row crowded with close passages keeps its k best of the chunk
                best = np.argpartition(-scores[crowded], k - 1, axis=1)[:, :k]
                rows_found.append(np.repeat(crowded, k))
                columns_found.append(best.ravel() + self._starts[index])
                values_found.append(np.take_along_axis(scores[crowded], best, 1).ravel())
                close[crowded] = False
            rows, columns = np.nonzero(close)
            rows_found.append(rows)
            columns_found.append(columns + self._starts[index])
            values_found.append(scores[rows, columns])
        result: list[list[Neighbour]] = [[] for _ in range(len(block))]
        if not rows_found:
            return result
        rows, columns = np.concatenate(rows_found), np.concatenate(columns_found)
        values = np.concatenate(values_found)
        order = np.lexsort((columns, -values, rows))  # by row, best first
        rows, columns, values = rows[order], columns[order], values[order]
        rank = np.arange(len(rows)) - np.searchsorted(rows, rows)
        keep = (rank < k) & (values >= floor)
        for row, column, value in zip(rows[keep].tolist(), columns[keep].tolist(), values[keep].tolist(), strict=True):
            result[row].append(Neighbour(int(self.ids[column]), value))
        return result

    def similarities(self, queries: np.ndarray, passage_ids: Sequence[int]) -> list[float | None]:
        """The cosine of each query vector with the passage beside it; None for a passage
        without a vector."""
        if not len(passage_ids) or not len(self.ids):
            return [None] * len(passage_ids)
        wanted = np.asarray(passage_ids, dtype=np.int64)
        at = np.minimum(np.searchsorted(self.ids, wanted), len(self.ids) - 1)
        present = self.ids[at] == wanted
        chunk = np.searchsorted(self._starts, at, side="right") - 1
        result = np.zeros(len(wanted), dtype=np.float32)
        for index, rows in enumerate(self.chunks):
            mine = present & (chunk == index)
            if mine.any():
                vectors = rows[at[mine] - self._starts[index]]
                result[mine] = np.einsum("ij,ij->i", queries[mine], vectors)
        return [float(v) if ok else None for v, ok in zip(result, present, strict=True)]


def claim_vectors(connection: Connection, model: str, claim_ids: Sequence[int]) -> dict[int, np.ndarray]:
    found: dict[int, np.ndarray] = {}
    for ids, matrix in read_vectors(connection, CLAIMS, model, claim_ids):
        for claim_id, vector in zip(ids, matrix, strict=True):
            found[int(claim_id)] = vector.astype(np.float32)
    return found
