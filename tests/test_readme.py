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
