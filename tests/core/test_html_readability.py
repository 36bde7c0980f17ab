"""Tests for the readability heuristics of compare_app.core.html_text / core.readability."""

from __future__ import annotations

import re
import socket

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compare_app.core.html_text import html_to_text
from compare_app.core.loading import load_document
from compare_app.core.readability import class_hint

PARAS = [
    ("North Korean troops have arrived in the Kursk region of Russia, according to officials "
     "in Kyiv, who said about 12,000 soldiers were deployed in October."),
    ("The deployment follows a mutual defence treaty signed by Moscow and Pyongyang in June, "
     "which obliges each side to help the other if attacked."),
    ("Analysts in Seoul said the troops, who received training in eastern Russia, were likely "
     "to be used in assaults on Ukrainian positions."),
]

DIV_PAGE = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Troops Arrive in Kursk | Daily Planet</title>
<meta property="og:title" content="Troops Arrive in Kursk">
<link rel="stylesheet" href="http://cdn.example.invalid/site.css">
<script src="http://cdn.example.invalid/tracker.js"></script>
</head><body>
<div class="site-header"><div class="logo"><a href="/">Daily Planet</a></div>
  <div class="mainMenu"><a href="/world">World</a> <a href="/politics">Politics</a></div></div>
<div id="cookie-consent">We use cookies to improve your experience, analyse traffic and show
  personalised ads. <a href="/privacy">Privacy policy</a> <span class="btn">Accept all</span></div>
<div class="wrapper">
  <div class="headline-box"><h1>Troops Arrive in Kursk</h1>
    <div class="byline">By <a href="/authors/jd">Jane Doe</a>, 4 November 2024</div></div>
  <div class="share-tools"><a href="https://facebook.invalid/s">Facebook</a>
    <a href="https://x.invalid/s">X</a> <a href="mailto:">Email</a></div>
  <div class="story-text">
    <div class="para">{PARAS[0]}</div>
    <div class="para">{PARAS[1]}</div>
    <img src="http://images.example.invalid/photo.jpg" alt="Soldiers on parade">
    <div class="para">{PARAS[2]}</div>
    <iframe src="http://video.example.invalid/embed"></iframe>
  </div>
  <div class="related-stories"><h3>Related</h3><ul>
    <li><a href="/a">Russia and North Korea sign a sweeping defence pact in Pyongyang</a></li>
    <li><a href="/b">Kim Jong Un visits a tank factory, state media reports say</a></li>
  </ul></div>
  <div id="comments"><h3>42 comments</h3>
    <div class="comment">This is a terrible development, and everyone in Europe should be
      worried about it, frankly, because it changes everything about the war, I think.</div>
    <div class="comment">I disagree, the numbers are small, and they will not change the
      outcome of the war at all, in my opinion, whatever the analysts say about it.</div>
  </div>
</div>
<div class="newsletter-signup">Sign up for our daily briefing, delivered every morning.</div>
<div class="site-footer">&copy; 2024 Daily Planet. All rights reserved.
  <a href="/terms">Terms</a></div>
</body></html>"""


def test_div_page_keeps_only_title_and_article_paragraphs():
    result = html_to_text(DIV_PAGE)
    assert result.title == "Troops Arrive in Kursk"
    assert result.text == "\n\n".join(["Troops Arrive in Kursk", *PARAS])
    assert result.warnings == ()


def test_article_page_drops_furniture_inside_the_article():
    page = f"""<html><head><title>Treaty | Site</title></head><body>
    <nav><a href="/">Home</a></nav>
    <article><h1>Treaty</h1>
      <ul class="social-share"><li><a href="#">Share on Facebook</a></li></ul>
      <p>{PARAS[0]}</p><p>{PARAS[1]}</p>
      <p><a href="/more">Read more</a></p>
      <aside class="promo">Subscribe now for just one dollar a week!</aside>
      <section class="comments"><p>{PARAS[2]}</p></section>
    </article>
    <footer>Footer text</footer></body></html>"""
    result = html_to_text(page)
    assert result.text == "\n\n".join(["Treaty", PARAS[0], PARAS[1]])
    assert result.title == "Treaty"


def test_link_heavy_blocks_are_dropped_but_prose_with_links_is_kept():
    links = " ".join(f'<a href="/{i}">Story number {i}</a>' for i in range(8))
    prose = ('<p>Officials in <a href="/kyiv">Kyiv</a> said the troops, about 12,000 of them, '
             "were deployed in October, and that more could follow.</p>")
    result = html_to_text(f"<body><div>{links}</div>{prose}<p>{PARAS[1]}</p></body>")
    assert "Story number" not in result.text
    assert result.text.startswith("Officials in Kyiv said the troops")
    assert PARAS[1] in result.text


def test_page_that_is_only_links_keeps_them():
    assert html_to_text('<a href="/a">Only</a> <a href="/b">links</a>').text == "Only links"


def test_hint_on_a_wrapper_does_not_drop_the_story():
    # An unlucky class on the element that holds most of the page is ignored.
    page = f'<body><div class="ad-free-content">{"".join(f"<p>{t}</p>" for t in PARAS)}</div>' \
           '<div class="ad">Buy now</div></body>'
    assert html_to_text(page).text == "\n\n".join(PARAS)


def test_hidden_and_aria_hidden_text_is_dropped():
    page = (f'<p>{PARAS[0]}</p><span class="sr-only">Opens in a new window</span>'
            '<div aria-hidden="true">Decorative</div><p style="visibility: hidden">Ghost</p>')
    assert html_to_text(page).text == PARAS[0]


def test_main_that_is_tiny_is_not_trusted():
    page = (f'<body><main><p>Loading…</p></main><div class="story">'
            f'{"".join(f"<p>{t}</p>" for t in PARAS)}</div></body>')
    assert html_to_text(page).text == "\n\n".join(PARAS)


@pytest.mark.parametrize("attrs, expected", [
    ({"class": "share-buttons"}, (True, False, False)),
    ({"class": "article-share"}, (True, False, True)),
    ({"id": "relatedArticles"}, (True, False, False)),
    ({"class": "site-footer"}, (False, True, False)),
    ({"class": "article-footer"}, (False, True, True)),
    ({"class": "commentary-body"}, (False, False, True)),
    ({"class": "shadow header-ad"}, (True, True, False)),
    ({"class": "story-text"}, (False, False, True)),
    ({}, (False, False, False)),
])
def test_class_hints(attrs, expected):
    assert tuple(class_hint(attrs)) == expected


def test_no_network_access(tmp_path, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    page = DIV_PAGE.replace("</head>", '<link rel="preload" href="https://fonts.invalid/f.woff2">'
                            '<base href="http://example.invalid/"></head>')
    page = page.replace("<body>", '<body background="http://img.invalid/bg.png">'
                        '<object data="http://x.invalid/a.swf"></object>&nbsp;&copy;'
                        '<svg><image href="http://img.invalid/i.png"/></svg>')
    path = tmp_path / "saved.html"
    path.write_text(page, encoding="utf-8")
    doc = load_document(path)
    assert doc.title == "Troops Arrive in Kursk"
    assert PARAS[2] in doc.text and "invalid" not in doc.text


def test_saved_page_loads_and_offsets_index_the_text(tmp_path):
    from compare_app.core.compare import compare_texts
    from compare_app.core.loading import load_text

    path = tmp_path / "page.htm"
    path.write_bytes(DIV_PAGE.encode("utf-8"))
    doc = load_document(path)
    comparison = compare_texts(doc, load_text(PARAS[0]))
    assert comparison.summary.agree == 1
    for sentence in comparison.a.sentences:
        assert doc.text[sentence.start:sentence.end] == sentence.text


def test_deep_nesting_is_linear_enough():
    page = "<div>" * 20000 + "<p>" + PARAS[0] + "</p>" + "</div>" * 20000
    assert html_to_text(page).text == PARAS[0]


TAGS = ["<div>", "</div>", "<p>", "</p>", "<a href=x>", "</a>", "<article>", "</article>",
        "<main>", '<div class="share">', '<div class="comments">', "<nav>", "</nav>", "<h1>",
        "</h1>", "<title>", "</title>", "<br>", "<li>", "<ul>", "<script>", "</script>", "<td>",
        "<tr>", "<table>", '<meta property="og:title" content="x">', "text, more text ",
        "Long sentence with commas, clauses, and words enough to score. ", "&amp;", "<", ">"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(TAGS), max_size=60).map("".join))
def test_property_any_tag_soup_gives_text(markup):
    result = html_to_text(markup)
    assert isinstance(result.text, str) and isinstance(result.title, str)
    assert not re.search(r"\n{3,}", result.text)
