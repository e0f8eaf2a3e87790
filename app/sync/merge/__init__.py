"""Merge: turn changes from other replicas into rows, inside the caller's transaction (the rules
are in ``merger``'s words). The modules run one way: ``state`` (what a merge carries) <- ``lookup``
(what is here; what can be applied now) <- ``records`` (records edited in place) <- ``merger``
(the whole)."""

from app.sync.merge.merger import Merger
from app.sync.merge.state import MergeContext, MergeState, Outcome

__all__ = ["MergeContext", "MergeState", "Merger", "Outcome"]
