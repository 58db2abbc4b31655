"""One reviewer in the concurrency test: loads claims and records verdicts on them as fast
as it can, the way the workbench does (expected version = the version it loaded). Prints
one JSON line: the verdicts accepted and the conflicts refused."""

from __future__ import annotations

import json
import random
import sys

from factcheck.errors import ConflictError
from factcheck.services.review import fresh_claim, record_verdict
from factcheck.store.db import make_engine

VERDICTS = ("supported", "refuted", "misleading", "unverifiable", "in_progress")


def main(url: str, reviewer: str, rounds: int, claim_ids: list[int]) -> None:
    engine = make_engine(url, migrate=False)
    chance = random.Random(reviewer)
    accepted, refused = [], []
    for _ in range(rounds):
        claim_id = chance.choice(claim_ids)
        loaded = fresh_claim(engine, claim_id)
        status = chance.choice([s for s in VERDICTS if s != loaded.status])
        try:
            claim = record_verdict(engine, claim_id, status, reviewer=reviewer,
                                   expected_version=loaded.version, note=f"{reviewer} saw v{loaded.version}")
            accepted.append([claim_id, loaded.version, status])
            assert claim.version > loaded.version
        except ConflictError as error:
            refused.append(str(error))
    print(json.dumps({"accepted": accepted, "refused": refused}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), [int(i) for i in sys.argv[4].split(",")])
