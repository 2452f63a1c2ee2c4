"""Checks on the review itself: decisions in review.yaml that no longer apply."""

from __future__ import annotations

from collections.abc import Iterator

from checklist.rules.context import Context
from checklist.rules.registry import Gap, rule


@rule(
    "review.lapsed",
    "warning",
    "Review decisions no longer apply",
    "{file} changed after you reviewed it: the decisions in review.yaml for it (kind, corrected fields, set aside) "
    "no longer apply, and the report shows the document as read.",
    "Check the report for {file} again, then record your decisions anew with 'cec-checklist review' "
    "(it records the file's new fingerprint), or remove its entry from review.yaml.",
)
def review_lapsed(ctx: Context) -> Iterator[Gap]:
    """A review decision is about one version of a file (its SHA-256); a changed file may say something else, so a person must look again."""
    for path in ctx.review_lapsed:
        yield Gap({"file": path}, documents=(path,))
