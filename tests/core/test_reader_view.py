"""Documents read as a reader sees them: headings, captions, credits and titles are not claims."""

from __future__ import annotations

from compare_app.core.compare import compare_files
from compare_app.core.models import Kind

MARKDOWN = ("# Floods in Emilia-Romagna\n\n"
            "Rescuers reached Faenza on Tuesday after the river burst its banks.\n\n"
            "## What happened next\n\n"
            "At least 14 people died in the floods, officials said.\n")
HTML = """<html><head><title>Floods hit Faenza | Wire</title></head><body><article>
<h1>Floods hit Faenza</h1>
<p>Rescuers reached Faenza on Tuesday after the river burst its banks.</p>
<figure><img src="x.jpg"><figcaption>Rescuers in Faenza. Photo: AP</figcaption></figure>
<p>At least 14 people died in the floods, officials said on Wednesday.</p>
</article></body></html>
"""


def _kinds(tmp_path):
    (tmp_path / "a.md").write_text(MARKDOWN, encoding="utf-8")
    (tmp_path / "b.html").write_text(HTML, encoding="utf-8")
    c = compare_files(str(tmp_path / "a.md"), str(tmp_path / "b.html"))
    return c, {d.label: [(s.kind, s.text) for s in d.sentences] for d in (c.a, c.b)}


def test_markdown_headings_are_headings(tmp_path):
    c, kinds = _kinds(tmp_path)
    assert c.a.title == "Floods in Emilia-Romagna"
    assert [k for k, t in kinds["A"] if t.startswith("#")] == [Kind.HEADING, Kind.HEADING]
    assert [t for k, t in kinds["A"] if k is Kind.CLAIM] == [
        "Rescuers reached Faenza on Tuesday after the river burst its banks.",
        "At least 14 people died in the floods, officials said."]


def test_html_heading_caption_and_credit_are_not_claims_and_the_title_drops_the_site(tmp_path):
    c, kinds = _kinds(tmp_path)
    assert c.b.title == "Floods hit Faenza"
    assert (Kind.HEADING, "Floods hit Faenza") in kinds["B"]
    assert (Kind.CAPTION, "Rescuers in Faenza.") in kinds["B"]
    assert (Kind.CAPTION, "Photo: AP") in kinds["B"]
    assert [t for k, t in kinds["B"] if k is Kind.CLAIM] == [
        "Rescuers reached Faenza on Tuesday after the river burst its banks.",
        "At least 14 people died in the floods, officials said on Wednesday."]


def test_page_titles_lose_the_site_name_only():
    from compare_app.core.html_text import without_site_suffix

    assert without_site_suffix("Floods hit Faenza | Wire") == "Floods hit Faenza"
    assert without_site_suffix("Floods hit Faenza - The Site") == "Floods hit Faenza"
    assert without_site_suffix("Floods hit Faenza – bbc.com") == "Floods hit Faenza"
    for kept in ("Kim - Putin summit ends", "Three killed in crash - police",
                 "Storm hits the coast — live updates", "Russia-Ukraine war: what we know"):
        assert without_site_suffix(kept) == kept


def test_title_without_a_heading_drops_the_site(tmp_path):
    page = tmp_path / "p.html"
    page.write_text("<html><head><title>Floods hit Faenza - The Site</title></head><body><p>"
                    "Rescuers reached Faenza on Tuesday after the river burst its banks, "
                    "officials said.</p></body></html>", encoding="utf-8")
    from compare_app.core.loading import load_document

    assert load_document(page).title == "Floods hit Faenza"
