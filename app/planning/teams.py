"""Team suggestions for a challenge: balance complementary strengths and shared interests.

Deterministic: the same class gives the same teams, whatever order the students come in.
1. Students are sorted by overall strength (ties by id) and dealt into teams snake-wise, so every
   team starts with a similar spread of strength.
2. Pair swaps between teams are tried in a fixed order; a swap is kept when it raises the score:
   sum over teams of *coverage* (for each key skill, the best member's mastery: a team whose members
   are strong in different things covers more) plus a bonus for interests members share, minus a
   penalty for uneven teams. Stops when no swap helps (or after a bounded number of rounds).
"""

from __future__ import annotations

from dataclasses import dataclass

from app.i18n import _

INTEREST_WEIGHT = 0.35  # one shared interest is worth about a third of a fully covered skill
BALANCE_WEIGHT = 0.5
MAX_ROUNDS = 30


@dataclass(frozen=True)
class Candidate:
    id: str
    name: str
    strengths: dict  # key (skill or domain) -> 0..1
    interests: frozenset = frozenset()

    @property
    def total(self) -> float:
        return sum(self.strengths.values())


@dataclass(frozen=True)
class TeamSuggestion:
    member_ids: tuple[str, ...]
    covers: tuple[tuple[str, str], ...]  # (key, the member strongest in it)
    shared_interests: tuple[str, ...]
    reason: str


def _coverage(team: list[Candidate], keys: list[str]) -> float:
    return sum(max((c.strengths.get(k, 0.0) for c in team), default=0.0) for k in keys)


def _shared(team: list[Candidate]) -> list[str]:
    counts: dict[str, int] = {}
    for c in team:
        for i in c.interests:
            counts[i] = counts.get(i, 0) + 1
    return sorted(i for i, n in counts.items() if n >= 2)


def _team_score(team: list[Candidate], keys: list[str]) -> tuple[float, float]:
    """(coverage + shared-interest bonus, coverage) for one team."""
    cov = _coverage(team, keys)
    return cov + INTEREST_WEIGHT * min(3, len(_shared(team))), cov


def _score(teams: list[list[Candidate]], keys: list[str]) -> float:
    parts = [_team_score(t, keys) for t in teams]
    covs = [c for _s, c in parts]
    mean = sum(covs) / len(covs)
    spread = sum((c - mean) ** 2 for c in covs) / len(covs)
    return sum(s for s, _c in parts) - BALANCE_WEIGHT * spread


def suggest_teams(
    candidates: list[Candidate],
    n_teams: int,
    keys: list[str] | None = None,
    key_names: dict[str, str] | None = None,
) -> list[TeamSuggestion]:
    if n_teams < 1:
        raise ValueError("n_teams must be at least 1")
    if not candidates:
        return []
    n_teams = min(n_teams, len(candidates))
    keys = sorted(keys if keys else {k for c in candidates for k in c.strengths})
    ordered = sorted(candidates, key=lambda c: (-round(c.total, 6), c.id))
    teams: list[list[Candidate]] = [[] for _x in range(n_teams)]
    for i, c in enumerate(ordered):
        lap, pos = divmod(i, n_teams)
        teams[pos if lap % 2 == 0 else n_teams - 1 - pos].append(c)

    best = _score(teams, keys)
    for _round in range(MAX_ROUNDS):
        improved = False
        for a in range(n_teams):
            for b in range(a + 1, n_teams):
                for i in range(len(teams[a])):
                    for j in range(len(teams[b])):
                        teams[a][i], teams[b][j] = teams[b][j], teams[a][i]
                        score = _score(teams, keys)
                        if score > best + 1e-9:
                            best, improved = score, True
                        else:
                            teams[a][i], teams[b][j] = teams[b][j], teams[a][i]
        if not improved:
            break

    names = key_names or {}
    out = []
    for team in teams:
        team = sorted(team, key=lambda c: (c.name, c.id))
        covers = []
        for k in keys:
            top = max(team, key=lambda c: (c.strengths.get(k, 0.0), c.id))
            if top.strengths.get(k, 0.0) >= 0.6:
                covers.append((k, top.id))
        shared = _shared(team)
        by_id = {c.id: c.name for c in team}
        strong = ", ".join(f"{names.get(k, k)} ({by_id[m].split()[0]})" for k, m in covers[:4])
        reason = _("Strengths: {strong}.", strong=strong) if strong else _("A mix of growing strengths.")
        if shared:
            reason += _(" Shared interests: {join}.", join=", ".join(shared[:3]))
        out.append(TeamSuggestion(tuple(c.id for c in team), tuple(covers), tuple(shared), reason))
    return out
