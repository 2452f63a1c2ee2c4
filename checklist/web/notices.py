"""What an upload or a replacement said, kept for the page the browser is sent to next (Post/Redirect/Get).

A POST that changes files answers with a redirect, so a reload of the page
that follows asks for that page again instead of uploading the files again.
The summary of what happened ("2 read, 1 could not be read: ...") travels as
a random token in the URL; the text stays in memory here, never in the URL
(it may name files) and never on disk. Only the last `size` are kept.
"""

from __future__ import annotations

import secrets
import threading
from collections import OrderedDict
from dataclasses import dataclass, field

from starlette.requests import Request


@dataclass(frozen=True)
class Outcome:
    """What one POST did: messages for the person, and the documents to mark as new."""

    case_id: str
    notices: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    summary: list[str] = field(default_factory=list)  # what reading the added files gave, shown first


MAX_MERGED = 500  # tokens read from one documents URL: the most files one upload takes, with room


class Outcomes:
    """Outcomes by token, the newest `size` kept; a token from another case finds nothing."""

    def __init__(self, size: int = 200) -> None:
        self.size = size
        self._items: OrderedDict[str, Outcome] = OrderedDict()
        self._lock = threading.Lock()

    def put(self, outcome: Outcome) -> str:
        token = secrets.token_urlsafe(12)
        with self._lock:
            self._items[token] = outcome
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return token

    def get(self, case_id: str, token: str | None) -> Outcome | None:
        with self._lock:
            found = self._items.get(token or "")
        return found if found is not None and found.case_id == case_id else None

    def merged(self, case_id: str, tokens: str | None) -> Outcome | None:
        """The outcomes of several POSTs ("t1,t2,..."): the page uploads files one by one to show each file's
        progress, then shows what they did together. Unknown tokens, or another case's, are ignored."""
        found = [
            outcome
            for token in (tokens or "").split(",")[:MAX_MERGED]
            if (outcome := self.get(case_id, token.strip())) is not None
        ]
        if not found:
            return None
        if len(found) == 1:
            return found[0]
        return Outcome(
            case_id,
            notices=[n for o in found for n in o.notices],
            errors=[e for o in found for e in o.errors],
            added=[a for o in found for a in o.added],
        )  # no summary: the page reads them all again


_MAKING = threading.Lock()


def outcomes(request: Request) -> Outcomes:
    """The app's outcomes, made on first use (two first requests at once share one)."""
    state = request.app.state
    with _MAKING:
        if getattr(state, "outcomes", None) is None:
            state.outcomes = Outcomes()
    return state.outcomes  # type: ignore[no-any-return]
