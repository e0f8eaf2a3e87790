"""Team suggestions, goal suggestions and attachment checks (pure, no database)."""

from __future__ import annotations

import io
import os
import random
import zipfile
from pathlib import Path

import pytest

from app.planning.attachments import AttachmentError, FileStore, clean_name
from app.planning.progress import SkillFact
from app.planning.suggest import SkillInfo, suggest_goals
from app.planning.teams import Candidate, suggest_teams

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 40
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n%%EOF\n"
JPG = b"\xff\xd8\xff\xe0" + b"\x00" * 40


# -- teams ----------------------------------------------------------------------------------------------
def _class(n=12, seed=1):
    rng = random.Random(seed)
    keys = ["area", "graphs", "argument"]
    hobbies = ["football", "chess", "music", "art", "coding"]
    return [
        Candidate(
            f"s{i:02d}",
            f"Student {i}",
            {k: round(rng.random(), 2) for k in keys},
            frozenset(rng.sample(hobbies, 2)),
        )
        for i in range(n)
    ]


def test_every_student_once_and_sizes_even():
    teams = suggest_teams(_class(14), 4)
    members = [m for t in teams for m in t.member_ids]
    assert sorted(members) == sorted(c.id for c in _class(14))
    assert {len(t.member_ids) for t in teams} <= {3, 4}


def test_deterministic_whatever_the_input_order():
    people = _class(12)
    shuffled = people[:]
    random.Random(9).shuffle(shuffled)
    assert suggest_teams(people, 3) == suggest_teams(shuffled, 3)


def test_complementary_strengths_are_paired():
    # Two strong in area only, two strong in argument only: teams of two should mix them.
    people = [
        Candidate("a1", "A One", {"area": 0.95, "argument": 0.1}),
        Candidate("a2", "A Two", {"area": 0.9, "argument": 0.15}),
        Candidate("b1", "B One", {"area": 0.1, "argument": 0.95}),
        Candidate("b2", "B Two", {"area": 0.15, "argument": 0.9}),
    ]
    teams = suggest_teams(people, 2)
    for t in teams:
        assert {m[0] for m in t.member_ids} == {"a", "b"}
        assert len(t.covers) == 2 and "Strengths" in t.reason


def test_shared_interests_break_ties():
    same = {"x": 0.5}
    people = [
        Candidate("p1", "P1", same, frozenset({"chess"})),
        Candidate("p2", "P2", same, frozenset({"dance"})),
        Candidate("p3", "P3", same, frozenset({"chess"})),
        Candidate("p4", "P4", same, frozenset({"dance"})),
    ]
    teams = suggest_teams(people, 2)
    assert sorted(t.member_ids for t in teams) == [("p1", "p3"), ("p2", "p4")]
    assert all(t.shared_interests for t in teams) and "Shared interests" in teams[0].reason


def test_balanced_overall_strength():
    people = [Candidate(f"s{i}", f"S{i}", {"k": v}) for i, v in enumerate([0.9, 0.85, 0.8, 0.3, 0.25, 0.2])]
    teams = suggest_teams(people, 2)
    totals = [sum({c.id: c.total for c in people}[m] for m in t.member_ids) for t in teams]
    assert abs(totals[0] - totals[1]) < 0.5


def test_more_teams_than_students_and_bad_count():
    assert len(suggest_teams(_class(2), 5)) == 2
    with pytest.raises(ValueError):
        suggest_teams(_class(2), 0)


# -- goal suggestions -------------------------------------------------------------------------------------
SKILLS = [
    SkillInfo("add", "NUM.ADD", "Addition facts", "NUM"),
    SkillInfo("mul", "NUM.MUL", "Times tables", "NUM", ("NUM.ADD",)),
    SkillInfo("div", "NUM.DIV", "Division facts", "NUM", ("NUM.MUL",)),
    SkillInfo("avg", "DAT.AVG", "Averages", "DAT", ("NUM.DIV",)),
    SkillInfo("graph", "DAT.GRAPH", "Reading graphs", "DAT"),
]


def test_gaps_next_to_strengths_and_interests():
    facts = {
        "add": SkillFact("add", "Addition facts", 0.95, 30, True),
        "mul": SkillFact("mul", "Times tables", 0.8, 20),
    }
    links = [
        {"keywords": ["football"], "skills": ["DAT.GRAPH"], "path": "project", "idea": "Stats of {interest}"}
    ]
    out = suggest_goals(SKILLS, facts, ["football", "knitting"], links)
    # Gaps best first (Times tables is nearly there on mastered Addition), interleaved with interest ideas.
    assert [g.title for g in out] == ["Master Times tables", "Stats of football", "Master Division facts"]
    assert "strong in Times tables" in out[2].why and out[2].skill_ids == ("div",)
    assert out[1].source == "interest" and out[1].path == "project" and "You love football" in out[1].why
    assert "add" not in {k for g in out for k in g.skill_ids}  # mastered skills are not suggested
    # A skill the learner already has a goal on is not suggested again.
    assert all("mul" not in g.skill_ids for g in suggest_goals(SKILLS, facts, [], links, taken={"mul"}))


def test_no_gap_when_prerequisites_are_weak():
    facts = {"mul": SkillFact("mul", "Times tables", 0.4, 10)}
    assert all("div" not in g.skill_ids for g in suggest_goals(SKILLS, facts, [], []))


# -- attachments ----------------------------------------------------------------------------------------
@pytest.fixture
def store(tmp_path):
    return FileStore(tmp_path / "files", max_bytes=1024 * 1024)


def _file(tmp_path: Path, name: str, data: bytes) -> Path:
    p = tmp_path / "src" / name
    p.parent.mkdir(exist_ok=True)
    p.write_bytes(data)
    return p


def _docx() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    return buf.getvalue()


def _odt() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        z.writestr("content.xml", "<office:document-content/>")
    return buf.getvalue()


@pytest.mark.parametrize(
    "name,data",
    [
        ("plan.pdf", PDF),
        ("map.PNG", PNG),
        ("photo.jpeg", JPG),
        ("notes.txt", "Survey: 14 people \u2713\n".encode()),
        ("report.docx", _docx()),
        ("story.odt", _odt()),
    ],
)
def test_good_files_are_stored_by_content(store, tmp_path, name, data):
    stored = store.store(_file(tmp_path, name, data))
    assert stored.name == name and stored.size == len(data)
    assert stored.path.read_bytes() == data and stored.path.parent.parent == store.root
    assert stored.path.name.startswith(stored.sha256)
    again = store.store(_file(tmp_path, "copy-" + name, data))  # same content: stored once
    assert again.path == stored.path


@pytest.mark.parametrize(
    "name,data",
    [
        ("fake.pdf", PNG),
        ("fake.png", b"GIF89a" + b"\x00" * 20),
        ("fake.jpg", PDF),
        ("binary.txt", b"hello\x00world"),
        ("latin1.txt", "caf\xe9".encode("latin-1")),
        ("fake.docx", b"PK\x03\x04not really a zip"),
        ("odt-as-docx.docx", _odt()),
        ("docx-as-odt.odt", _docx()),
    ],
)
def test_wrong_magic_bytes_are_refused(store, tmp_path, name, data):
    with pytest.raises(AttachmentError, match="does not look like"):
        store.store(_file(tmp_path, name, data))
    assert not any(p.is_file() for p in store.root.rglob("*"))  # nothing left behind, no temp files


@pytest.mark.parametrize("name", ["virus.exe", "page.html", "script.py", "noextension", "archive.zip"])
def test_extensions_off_the_list_are_refused(store, tmp_path, name):
    with pytest.raises(AttachmentError, match="only these kinds"):
        store.store(_file(tmp_path, name, PDF))


def test_oversize_is_refused(store, tmp_path):
    big = _file(tmp_path, "big.pdf", PDF + b"0" * (1024 * 1024))
    with pytest.raises(AttachmentError, match="too big"):
        store.store(big)


def test_empty_file_and_folders_are_refused(store, tmp_path):
    with pytest.raises(AttachmentError, match="empty"):
        store.store(_file(tmp_path, "empty.txt", b""))
    folder = tmp_path / "folder.pdf"
    folder.mkdir()
    with pytest.raises(AttachmentError, match="ordinary files"):
        store.store(folder)
    with pytest.raises(AttachmentError, match="cannot read"):
        store.store(tmp_path / "missing.pdf")


def test_path_tricks_in_names_and_hashes(store, tmp_path):
    src = _file(tmp_path, "ok.pdf", PDF)
    stored = store.store(src, display_name="../../../etc/evil.pdf")
    assert stored.name == "evil.pdf" and store.root in stored.path.parents
    assert clean_name("..\\..\\windows\\system32\\x.txt") == "x.txt"
    assert clean_name("\u202eevil\u0000.txt") == "evil.txt"  # control and direction characters go
    assert clean_name(".hidden.pdf") == "hidden.pdf"
    with pytest.raises(AttachmentError):
        clean_name("../")
    for bad in ("../../etc/passwd", "", "abc", "g" * 64, "A" * 64):
        with pytest.raises(AttachmentError):
            store.path_for(bad, "x.pdf")
    assert store.path_for("a" * 64, "../../x.exe").parent == store.root / "aa"  # unknown extension dropped


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks here")
def test_symlinked_device_is_refused(store, tmp_path):
    link = tmp_path / "zero.txt"
    os.symlink("/dev/zero", link)
    with pytest.raises(AttachmentError, match="ordinary files"):
        store.store(link)
