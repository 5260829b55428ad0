"""The check the verifier rounds' tables of (statement, evidence, expected) share: a verdict named exactly, or
`NOT_SUPPORTED` for a near-miss that may come out `partly`, `contradicted` or `no_evidence` but never `supported`."""

from __future__ import annotations

from textsamverkan.claims.verdict import judge_evidence

NOT_SUPPORTED = "not supported"


def assert_verdict(statement: str, evidence: str, expected: str) -> None:
    """The verdict `judge_evidence` gives is `expected`, or anything but `supported` for `NOT_SUPPORTED`."""
    verdict, _c, reasons = judge_evidence(statement, evidence)
    if expected == NOT_SUPPORTED:
        assert verdict != "supported", reasons
    else:
        assert verdict == expected, reasons
