import json

from osteodesk.__main__ import main


def export(db, capsys):
    assert main(["export", "--db", str(db)]) == 0
    return json.loads(capsys.readouterr().out)


def test_same_seed_same_patients(tmp_path, capsys):
    first, second, other = (tmp_path / f"{n}.sqlite3" for n in ("a", "b", "c"))
    for db, seed in ((first, "4"), (second, "4"), (other, "5")):
        code = main(["demo", "--patients", "40", "--seed", seed, "--as-of", "2026-11-25",
                     "--db", str(db)])  # fmt: skip
        assert code == 0
        assert "added 40 synthetic patients" in capsys.readouterr().out
    assert export(first, capsys) == export(second, capsys)
    assert export(first, capsys) != export(other, capsys)


def test_demo_patients_are_searchable(tmp_path, capsys):
    db = tmp_path / "d.sqlite3"
    assert main(["demo", "--patients", "300", "--db", str(db)]) == 0
    capsys.readouterr()
    assert main(["search", "DEMO-000007", "--format", "json", "--db", str(db)]) == 0
    (hit,) = json.loads(capsys.readouterr().out)
    assert hit["patient"] == "DEMO-000007"


def test_bad_counts_exit_2(tmp_path, capsys):
    for count in ("0", "-3", "2000000"):
        assert main(["demo", "--patients", count, "--db", str(tmp_path / "d")]) == 2
        assert "--patients" in capsys.readouterr().err
