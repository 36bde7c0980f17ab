"""Tests for compare_app.core.page_text: page furniture removal and joining pages (no Qt)."""

from __future__ import annotations

import pytest

from compare_app.core.page_text import is_page_number, join_pages, strip_page_furniture

BODY = [
    ("Troop Deployment Review\nNorth Korean troops were deployed to the Kursk region in "
     "October,\naccording to officials, who said 12,000 soldiers had arrived."),
    "The treaty signed in June provides for mutual assistance if either\nside is attacked.",
    "Analysts expect the cooperation between the two governments to deepen\nover the year.",
]


def report(header: str = "ACME Quarterly Report", footer: str = "Page {n} of 3") -> list[str]:
    return [f"{header}\n{body}\n{footer.format(n=n)}" for n, body in enumerate(BODY, start=1)]


@pytest.mark.parametrize("line", ["3", " 12 ", "- 3 -", "— 4 —", "Page 3", "page 3 of 10",
                                  "3/10", "p. 7", "iv", "XII", "(5)"])
def test_page_numbers(line):
    assert is_page_number(line)


@pytest.mark.parametrize("line", ["Chapter 3", "12,000", "3 killed", "Civil", "mid", "Page",
                                  "In 2024 troops"])
def test_not_page_numbers(line):
    assert not is_page_number(line)


def test_running_header_and_page_numbers_removed():
    pages, removed = strip_page_furniture(report())
    assert removed == 6
    assert all("ACME" not in page and "Page" not in page for page in pages)
    assert join_pages(report()).text == (
        "Troop Deployment Review\n"
        "North Korean troops were deployed to the Kursk region in October, according to "
        "officials, who said 12,000 soldiers had arrived.\n"
        "The treaty signed in June provides for mutual assistance if either side is attacked.\n"
        "Analysts expect the cooperation between the two governments to deepen over the year.")


def test_footer_with_changing_number_is_running():
    pages = report(header="", footer="Confidential - printed 2024 - sheet {n}")
    assert "Confidential" not in join_pages(pages).text


def test_two_page_document_keeps_repeated_lines_but_drops_numbers():
    pages = report()[:2]
    text = join_pages(pages).text
    assert text.count("ACME Quarterly Report") == 2
    assert "Page 1 of 3" not in text


def test_alternating_headers_of_a_book():
    bodies = ["Troops arrived.", "Officials spoke.", "Analysts wrote.", "Nobody knew.",
              "It rained.", "Talks failed.", "Ships sailed.", "The end came."]
    pages = [f"{'Book Title' if n % 2 else 'Chapter One'}\n{body}\n{n}"
             for n, body in enumerate(bodies, start=1)]
    assert join_pages(pages).text == "\n".join(bodies)


def test_only_edge_lines_are_removed():
    pages = [f"Header\nRepeated sentence in the body.\nUnique {n} line.\nmore\nFooter {n}"
             for n in range(3)]
    text = join_pages(pages).text
    assert text.count("Repeated sentence in the body.") == 3
    assert "Header" not in text and "Footer" not in text


def test_paragraph_continues_across_a_page_break():
    first = ("Header\nThe deployment of North Korean troops to Russia was confirmed by officials "
             "in\n1")
    second = ("Header\nSeoul, who said the soldiers had been trained in the far east of Russia "
              "first.\n2")
    third = "Header\nShort.\n3"
    assert join_pages([first, second, third]).text == (
        "The deployment of North Korean troops to Russia was confirmed by officials in Seoul, "
        "who said the soldiers had been trained in the far east of Russia first.\nShort.")


def test_empty_and_blank_pages():
    assert join_pages([]).text == ""
    assert join_pages(["", "  \n", "Only text."]).text == "Only text."
