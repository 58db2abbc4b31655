"""Consistency checks inside one document: numbers that do not add up.

Each family of checks is a pure function over the document's sentences and the quantities
the extractor read in them (no second extractor, no database): conversions against the
ECB's reference rates, changes against the values they lie between, multiples, parts of a
whole, and dates. Each finding shows its arithmetic and says consistent, inconsistent or
unchecked, with the reason. A check fires only on a clear pairing; an ambiguous one gives no
finding or an unchecked one, never an inconsistency.
"""

from __future__ import annotations

from factcheck.text.checks.findings import CHECK_KINDS, CONSISTENT, INCONSISTENT, RESULTS, UNCHECKED

__all__ = ["CHECK_KINDS", "CONSISTENT", "INCONSISTENT", "RESULTS", "UNCHECKED"]
