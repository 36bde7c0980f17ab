"""Tests for compare_app.core.rewrap and its use by the loader: wrapped lines become paragraphs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compare_app.core.compare import compare_texts
from compare_app.core.loading import REWRAP_WARNING, load_document, load_text
from compare_app.core.rewrap import line_width, looks_hard_wrapped, rejoin_lines

SAMPLES = Path(__file__).resolve().parents[2] / "compare_app" / "data" / "samples"

EMAIL = """\
Hi all,

North Korean troops have been deployed to the Kursk region of Russia, accord-
ing to the intelligence service of South Korea, which said on Monday that
about 12,000 soldiers had arrived since early October. The officials added
that the troops were trained in the Russian Far East before moving west.

The Korea-
Russia treaty signed in June provides for mutual military assistance if
either country is attacked. The treaty was ratified by the Russian Duma in
October and by North Korea a few weeks later, state media reported.

Points to check:
- casualty figures reported by Ukrainian intelligence
- whether the troops were moved by train or by air

Best,
Ann"""

EMAIL_REJOINED = """\
Hi all,

North Korean troops have been deployed to the Kursk region of Russia, according to the \
intelligence service of South Korea, which said on Monday that about 12,000 soldiers had \
arrived since early October. The officials added that the troops were trained in the Russian \
Far East before moving west.

The Korea-Russia treaty signed in June provides for mutual military assistance if either \
country is attacked. The treaty was ratified by the Russian Duma in October and by North Korea \
a few weeks later, state media reported.

Points to check:
- casualty figures reported by Ukrainian intelligence
- whether the troops were moved by train or by air

Best,
Ann"""


def test_email_is_detected_and_rejoined():
    assert looks_hard_wrapped(EMAIL)
    assert rejoin_lines(EMAIL) == EMAIL_REJOINED


@pytest.mark.parametrize("text, joined", [
    ("The deploy-\nment began.", "The deployment began."),
    ("The Korea-\nRussia treaty.", "The Korea-Russia treaty."),
    ("From 1990-\n1995 it grew.", "From 1990-1995 it grew."),
    ("A well-known fact. It is well-\nknown.", "A well-known fact. It is well-known."),
    ("A state-of-the-\nart design.", "A state-of-the-art design."),
    ("The re-\nsult: a wellknown re-\nsult.", "The result: a wellknown result."),
    ("Ends with a dash -\nnext", "Ends with a dash -\nnext"),
])
def test_hyphenation(text, joined):
    assert rejoin_lines(text) == joined


def test_lists_headings_quotes_and_blank_lines_are_kept():
    width = "x" * 70
    text = (f"Heading\n\n{width} and\nmore words here.\n\n"
            f"1. First item that is fairly long and runs on for quite a while ok\n"
            f"2. second item\n"
            f"> quoted line that is long enough to look like a wrapped one for sure\n"
            f"> and its continuation\n\n\n"
            f"Short line.\nAnother short line.")
    assert rejoin_lines(text) == (
        f"Heading\n\n{width} and more words here.\n\n"
        "1. First item that is fairly long and runs on for quite a while ok\n"
        "2. second item\n"
        "> quoted line that is long enough to look like a wrapped one for sure\n"
        "> and its continuation\n\n\n"
        "Short line.\nAnother short line.")


def test_sentence_ending_at_a_full_line_keeps_its_break():
    line = "The officials confirmed the figure on Monday after a long meeting."
    text = f"{line}\nThey gave no details about the units involved in the operation there.\nx"
    assert rejoin_lines(text).split("\n")[0] == line


def test_short_lines_are_never_merged():
    address = "Jane Doe\nMinistry of Defence\n12 Main Street\nSeoul"
    assert rejoin_lines(address) == address
    assert line_width(address.split("\n")) < 40


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.txt")), ids=lambda p: p.name)
def test_sample_docs_are_not_hard_wrapped(path):
    assert not looks_hard_wrapped(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("text", [
    "", "one line", "a\nb\nc\nd\ne\nf\ng",
    "\n".join(["A full sentence that ends properly with a period here ok."] * 10),
    "\n".join(["Line " + "x" * 200] * 10),
])
def test_not_hard_wrapped(text):
    assert not looks_hard_wrapped(text)


@settings(max_examples=200)
@given(st.lists(st.sampled_from([*"ab Z-.\n>1)", "deploy-", "\n\n", "x" * 45]))
       .map("".join))
def test_property_rejoin_only_removes_breaks_and_hyphens(text):
    out = rejoin_lines(text)
    def squash(s: str) -> str:
        return "".join(s.split()).replace("-", "")

    assert squash(out) == squash(text)
    blank_lines = re.compile(r"\n[ \t]*(?=\n)")  # paragraph breaks, whitespace-only lines too
    assert len(blank_lines.findall(out)) <= len(blank_lines.findall(text))


# -- the loader -----------------------------------------------------------------------------

def test_hard_wrapped_txt_is_rejoined_and_offsets_index_the_shown_text(tmp_path):
    path = tmp_path / "mail.txt"
    path.write_text(EMAIL.replace("\n", "\r\n"), encoding="utf-8")
    doc = load_document(path)
    assert doc.text == EMAIL_REJOINED
    assert doc.warnings == (REWRAP_WARNING,)
    comparison = compare_texts(doc, load_text("The Korea-Russia treaty was signed in June."))
    for sentence in comparison.a.sentences:
        assert doc.text[sentence.start:sentence.end] == sentence.text
    assert any(s.text.startswith("North Korean troops have been deployed") and
               s.text.endswith("early October.") for s in comparison.a.sentences)


def test_pasted_hard_wrapped_text_is_rejoined():
    doc = load_text(EMAIL)
    assert (doc.text, doc.warnings) == (EMAIL_REJOINED, (REWRAP_WARNING,))


def test_markdown_and_normal_text_are_left_alone(tmp_path):
    (tmp_path / "notes.md").write_text(EMAIL, encoding="utf-8")
    assert load_document(tmp_path / "notes.md").text == EMAIL
    doc = load_document(SAMPLES / "north-korean-troops-in-ukraine-big-picture.txt")
    assert REWRAP_WARNING not in doc.warnings
