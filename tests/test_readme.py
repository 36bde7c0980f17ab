"""The README's claims that a reader can check: the example output and the settings path."""

from __future__ import annotations

from pathlib import Path

from compare_app.cli import main

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_the_readme_example_is_what_compare_prints(capsys):
    block = README.split("Example (the sample pair):\n\n```\n", 1)[1].split("```", 1)[0]
    assert main(["compare"]) == 0
    assert block.strip() in capsys.readouterr().out


def test_the_readme_names_the_settings_file_the_window_uses(qapp, monkeypatch, tmp_path):
    from compare_app.gui.settings import default_settings_path

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    names = qapp.applicationName(), qapp.organizationName()
    qapp.setApplicationName("compare-app")  # as run_gui names the application
    qapp.setOrganizationName("compare-app")
    try:
        path = default_settings_path()
    finally:
        qapp.setApplicationName(names[0])
        qapp.setOrganizationName(names[1])
    relative = path.relative_to(tmp_path).as_posix()
    assert relative == "compare-app/compare-app/compare-app.ini"
    assert f"`~/.config/{relative}`" in README


def _one_sentence_table() -> list[tuple[str, str, str, str]]:
    """The rows of the README's one-sentence table: A, B (an elided B takes A's start), the
    relation and the reason kind it promises."""
    table = README.split("One-sentence files show the judgement plainly:\n\n", 1)[1]
    rows = []
    for line in table.split("\n\n", 1)[0].splitlines()[2:]:
        a, b, says = (cell.strip() for cell in line.strip("|").split("|"))
        if b == "the same sentence":
            b = a
        elif b.startswith("… "):
            rest = b[2:]
            b = a[:a.index(f" {rest.split()[0]} ") + 1] + rest
        relation, _, detail = says.partition(",")
        rows.append((a, b, relation.strip(), detail.split(":")[0].strip()))
    return rows


def test_the_one_sentence_table_is_what_the_engine_says():
    from compare_app.core.compare import compare_texts
    from compare_app.core.loading import load_text

    rows = _one_sentence_table()
    assert len(rows) >= 10
    for a, b, relation, detail in rows:
        c = compare_texts(load_text(a, name="A"), load_text(b, name="B"))
        assert len(c.pairs) == 1, (a, b)
        pair = c.pairs[0]
        assert pair.relation.value == relation, (a, b, pair.reasons)
        if relation in ("diverge", "related") and detail:
            assert detail in {r.kind.value for r in pair.reasons}, (a, b, pair.reasons)
        elif detail == "score 100":
            assert pair.score == 100.0
