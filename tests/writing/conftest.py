import pytest

from app.writing.checks import CheckConfig, Checker, load_speller


@pytest.fixture(scope="session")
def speller():
    return load_speller()


@pytest.fixture
def checker(speller):
    return Checker(CheckConfig(), speller)


def findings_of(checker, text, rule_prefix=""):
    """(rule, flagged text, first suggestion) for each finding whose rule starts with rule_prefix."""
    out = []
    for f in checker.check(text).findings:
        if f.rule.startswith(rule_prefix):
            out.append((f.rule, text[f.start : f.end], f.suggestions[0] if f.suggestions else None))
    return out


@pytest.fixture
def find():
    return findings_of
