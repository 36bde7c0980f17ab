"""Behavioural tests for compare_app.core.segment.split_sentences."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compare_app.core.segment import split_sentences

SAMPLE_DOCS = Path(__file__).resolve().parents[2] / "compare_app" / "data" / "samples"
OP_ED = SAMPLE_DOCS / "moscow-times-north-koreans-fighting-for-russia.txt"
BIG_PICTURE = SAMPLE_DOCS / "north-korean-troops-in-ukraine-big-picture.txt"

# Paragraph copied verbatim from the op-ed sample (ends with a no-break space).
LEST_IT_PARAGRAPH = (
    "Putin has repeatedly warned South Korea not to provide Ukraine with lethal weaponry, lest it "
    "“destroy” Seoul’s ties with Moscow. Even South Korean military sales to Poland have drawn "
    "scorn from Moscow. Seoul has thus far abided by the Kremlin’s warnings, limiting its aid to "
    "Ukraine to non-lethal military equipment and official development assistance (even as it has "
    "found ways to circumvent the Kremlin’s admonitions).\u00a0"
)


def units(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def assert_well_formed(text: str, spans: list[tuple[int, int]]) -> None:
    """Ordered, non-overlapping, stripped, non-empty spans covering every non-space char."""
    covered = [False] * len(text)
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
        for i in range(start, end):
            covered[i] = True
        previous_end = end
    assert all(covered[i] or ch.isspace() for i, ch in enumerate(text))


# ----------------------------------------------------------------- quotes inside sentences


def test_quote_opening_mid_sentence_is_not_a_sentence_start() -> None:
    assert units(LEST_IT_PARAGRAPH) == [
        "Putin has repeatedly warned South Korea not to provide Ukraine with lethal weaponry, "
        "lest it “destroy” Seoul’s ties with Moscow.",
        "Even South Korean military sales to Poland have drawn scorn from Moscow.",
        "Seoul has thus far abided by the Kremlin’s warnings, limiting its aid to Ukraine to "
        "non-lethal military equipment and official development assistance (even as it has found "
        "ways to circumvent the Kremlin’s admonitions).",
    ]


def test_lest_it_destroy_two_sentences() -> None:
    text = (
        "Putin has repeatedly warned South Korea not to provide Ukraine with lethal weaponry, "
        "lest it “destroy” Seoul’s ties with Moscow. Even South Korean military sales to Poland "
        "have drawn scorn from Moscow."
    )
    first, second = units(text)
    assert first.endswith("ties with Moscow.")
    assert second == "Even South Korean military sales to Poland have drawn scorn from Moscow."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He said “It is over.” Then he left.", ["He said “It is over.”", "Then he left."]),
        ("He said ‘It is over.’ Then he left.", ["He said ‘It is over.’", "Then he left."]),
        ('He said "It is over." Then he left.', ['He said "It is over."', "Then he left."]),
        ("“Why?” he asked. “Because,” she said.", ["“Why?” he asked.", "“Because,” she said."]),
        ("Korea’s army. The people’s army.", ["Korea’s army.", "The people’s army."]),
    ],
)
def test_closing_quotes_belong_to_the_sentence_they_close(text: str, expected: list[str]) -> None:
    assert units(text) == expected


# ----------------------------------------------------------------- lines and paragraphs


def test_headings_are_their_own_units() -> None:
    text = (
        "North Korean Troops in Ukraine: The Big Picture\n\n"
        "In October 2024, reports emerged. As of this writing, troops are integrated.\n\n"
        "Kim’s Private Army\n"
        "The KPA was established in 1948.\n"
        "Looking Ahead\n"
        "the deployment is troubling."
    )
    assert units(text) == [
        "North Korean Troops in Ukraine: The Big Picture",
        "In October 2024, reports emerged.",
        "As of this writing, troops are integrated.",
        "Kim’s Private Army",
        "The KPA was established in 1948.",
        "Looking Ahead",
        "the deployment is troubling.",
    ]


def test_one_line_fragments_without_punctuation_are_units() -> None:
    text = (
        "Support The Moscow Times!\n\n"
        "Sign up for our free weekly newsletter\n\n"
        "Once\nMonthly\nAnnual\nContinue\npaiment methods\nNot ready to support today?\n"
        "Remind me later.\n\nRead more"
    )
    assert units(text) == [
        "Support The Moscow Times!",
        "Sign up for our free weekly newsletter",
        "Once",
        "Monthly",
        "Annual",
        "Continue",
        "paiment methods",
        "Not ready to support today?",
        "Remind me later.",
        "Read more",
    ]


def test_hard_wrapped_paragraph_stays_one_sentence() -> None:
    text = (
        "The deployment of North Korean troops to Ukraine concurrently signals the\n"
        "sincerity with which North Korea and Russia plan to put their recently\n"
        "upgraded military partnership into practice, as well as the latest\n"
        "manifestation of the ever-shrinking distance between the security crises.\n"
        "Now, however, the situation is very different."
    )
    assert units(text) == [
        text[: text.index("crises.") + len("crises.")],
        "Now, however, the situation is very different.",
    ]


def test_wrap_after_unfinished_line_joins_even_before_capital() -> None:
    text = "The agreement was signed in June 2024 by the leaders of\nRussia and North Korea."
    assert units(text) == [text]


def test_blank_line_always_ends_a_unit() -> None:
    assert units("the first part of it\n\nthe second part.") == [
        "the first part of it",
        "the second part.",
    ]


def test_bulleted_and_numbered_lines() -> None:
    text = "Findings:\n• First point\n• Second point\n1. Alpha\n2. Beta"
    assert units(text) == ["Findings:", "• First point", "• Second point", "1. Alpha", "2. Beta"]


# ----------------------------------------------------------------- tokens around periods


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gen. Smith arrived. Sen. Jones left.", ["Gen. Smith arrived.", "Sen. Jones left."]),
        (
            "Dr. Kim and Mrs. Lee met e.g. at St. Paul's.",
            ["Dr. Kim and Mrs. Lee met e.g. at St. Paul's."],
        ),
        (
            "It was 3.5 percent. Then 1,500 troops came.",
            ["It was 3.5 percent.", "Then 1,500 troops came."],
        ),
        ("See No. 5 and p. 12. Then stop.", ["See No. 5 and p. 12.", "Then stop."]),
        ("Roe v. Wade was decided. It stood.", ["Roe v. Wade was decided.", "It stood."]),
        (
            "He worked for George W. Bush. Then he left.",
            ["He worked for George W. Bush.", "Then he left."],
        ),
        ("Wait... What happened?", ["Wait...", "What happened?"]),
        ("Write to a.b@example.org. Or call.", ["Write to a.b@example.org.", "Or call."]),
        ("", []),
        (" \n\n\u00a0 ", []),
    ],
)
def test_abbreviations_numbers_and_edge_cases(text: str, expected: list[str]) -> None:
    assert units(text) == expected


# ----------------------------------------------------------------- offsets property

_TOKENS = st.sampled_from(
    [
        "Mr.", "U.S.", "e.g.", "a.m.", "Co.", "I.", "E.", "p.", "55", "1.)", "2)", "a.", "b.",
        "3.5", "1,500", "$100.00", "...", ". . .", ". . . .", "…", "!", "?", "!?", ".", ",",
        "'", '"', "“", "”", "‘", "’", "(", ")", "[", "]", "•", "⁃", "The", "the", "Hello",
        "word", "x@y.com", "http://a.b/c.html", " ", "  ", "\n", "\n\n", "\n \n", "\t",
        "\u00a0", "\u2028", "\r",
    ]
)
_TEXT = st.one_of(
    st.lists(_TOKENS, max_size=60).map("".join),
    st.lists(st.one_of(_TOKENS, st.text(max_size=4)), max_size=40).map("".join),
    st.text(alphabet=st.sampled_from("aA .!?\n'\"“”‘’()…•1"), max_size=80),
)


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_span_offsets_property(text: str) -> None:
    assert_well_formed(text, split_sentences(text))


def test_sample_documents_spans_well_formed() -> None:
    for path in (OP_ED, BIG_PICTURE):
        text = path.read_text(encoding="utf-8")
        assert_well_formed(text, split_sentences(text))


# ----------------------------------------------------------------- sample documents


def test_op_ed_closing_lines_are_separate_units() -> None:
    found = units(OP_ED.read_text(encoding="utf-8"))
    tail = found[found.index("Once") :]
    assert tail[:4] == ["Once", "Monthly", "Annual", "Continue"]
    assert tail[-1] == "Read more"
    assert "Kim’s Private Army" in units(BIG_PICTURE.read_text(encoding="utf-8"))


def test_op_ed_kpa_numbers_sentence_is_one_unit() -> None:
    sentence = (
        "The number of members of the Korean People’s Army (KPA) in Russia has been put at "
        "anywhere between 1,500 to 12,000, based on eyewitness accounts and South Korea’s own "
        "intelligence assessments."
    )
    assert sentence in units(OP_ED.read_text(encoding="utf-8"))


# ------------------------------------- large and pathological input (speed: benchmarks/)


def test_five_thousand_sentences_all_found() -> None:
    sentence = "The KPA, with 1,500 troops (per the U.S. and Mr. Kim), said “no.” "
    text = "".join(sentence + ("\n\n" if i % 10 == 9 else "") for i in range(5000))
    assert len(split_sentences(text)) == 5000


@pytest.mark.parametrize(
    "text",
    [
        "." * 400_000,
        ".a" * 200_000,
        ". " * 200_000 + "x",
        '."' * 200_000,
        "a." + " " * 400_000 + "B",
    ],
    ids=["dots", "dot-letter", "spaced-dots", "dot-quote", "long-gap"],
)
def test_pathological_input_is_segmented(text: str) -> None:
    assert_well_formed(text, split_sentences(text))
