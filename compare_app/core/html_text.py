"""Readable text from an HTML page, using only the standard-library parser.

Intent: keep what a reader would call "the article" — headings and paragraphs, each block
separated by a blank line — and drop scripts, styles, menus, cookie banners, share buttons,
related lists, comments and footers. When the page marks its story with `<article>`/`<main>`
(or role="main", itemprop="articleBody") that part is kept; otherwise `readability` scores the
page's blocks to find it. Malformed markup never raises; at worst some text is missing and a
warning says so. Nothing is ever fetched: images, style sheets, frames and entities that point
elsewhere are simply not followed (the parser has no network code at all).
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from html.parser import HTMLParser

from compare_app.core.readability import (
    Chunk,
    Element,
    choose_story,
    class_hint,
    collapse,
    container_kind,
    furniture,
    is_furniture_role,
    keep_mask,
    link_dense,
    render_blocks,
    text_sizes,
)

log = logging.getLogger(__name__)

# Content a reader never sees as text.
HIDDEN_TAGS = frozenset({"script", "style", "noscript", "svg", "math", "template", "iframe",
                         "object", "canvas", "select", "title"})
# Page furniture: menus, banners, sidebars, forms. `header` inside <article>/<main> is kept
# because it usually holds the headline and standfirst.
FURNITURE_TAGS = frozenset({"nav", "footer", "header", "aside", "form", "button", "dialog"})
BLOCK_TAGS = frozenset({
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
    "section", "article", "main", "blockquote", "tr", "table", "thead", "tbody", "tfoot",
    "caption", "br", "hr", "pre", "figure", "figcaption", "header", "footer", "nav", "aside",
    "form", "address", "body", "html", "center", "details", "summary", "fieldset", "legend",
})
# Block starts that implicitly close an open <p> (as browsers do).
P_CLOSERS = BLOCK_TAGS - {"br", "li", "dt", "dd", "tr", "thead", "tbody", "tfoot", "caption",
                          "body", "html", "center", "summary", "legend"}
CELL_TAGS = frozenset({"td", "th"})
VOID_TAGS = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
                       "meta", "param", "source", "track", "wbr", "keygen"})
_INVISIBLE_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_INVISIBLE_CLASS = re.compile(r"(?:^|\s)(?:hidden|sr-only|visually-hidden|screen-reader-text|"
                              r"visuallyhidden|offscreen)(?:\s|$)", re.IGNORECASE)
# A <main> or <article> smaller than this share of the page's text is not trusted as the story.
MIN_CONTAINER_SHARE = 0.2


@dataclass(frozen=True)
class HtmlText:
    """Extracted body text (blocks separated by blank lines), page title and any warnings."""

    text: str
    title: str
    warnings: tuple[str, ...] = ()


class _Collector(HTMLParser):
    """Turns a tag stream into elements and text chunks (see `readability` for the records)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self.chunks: list[Chunk] = []
        self.title = ""
        self.og_title = ""
        self.h1s: list[tuple[str, int]] = []  # (text, element id)
        # (tag, kind, element id, opened a block); kind: hidden, link, container, other
        self._stack: list[tuple[str, str, int, bool]] = []
        self._open: Counter[str] = Counter()
        self._blocks: list[int] = []
        self._hidden = 0
        self._links = 0
        self._containers = 0
        self._title_parts: list[str] | None = None
        self._h1_parts: list[str] | None = None
        self._h1_id = -1

    # -- parser callbacks -------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in P_CLOSERS and self._stack and self._stack[-1][0] == "p":
            self._pop_to(len(self._stack) - 1)  # a block start closes an open <p>
        if tag in BLOCK_TAGS or tag in CELL_TAGS:
            self._boundary(tag)
        attr = dict(attrs)
        if tag == "meta":
            self._meta(attr)
        if tag in VOID_TAGS:
            return
        if tag == "title" and self._hidden == 0 and not self.title:
            self._title_parts = []
        if (tag in HIDDEN_TAGS or "hidden" in attr
                or (attr.get("aria-hidden") or "").strip().lower() == "true"
                or _INVISIBLE_STYLE.search(attr.get("style") or "")
                or _INVISIBLE_CLASS.search(attr.get("class") or "")):
            self._hidden += 1
            self._push(tag, "hidden", self._current(), False)
            return
        element_id = len(self.elements)
        container = container_kind(tag, attr)
        furniture_tag = tag in FURNITURE_TAGS and not (tag == "header" and self._containers)
        block = tag in BLOCK_TAGS or tag in CELL_TAGS
        self.elements.append(Element(
            tag, self._current(), class_hint({} if tag in ("html", "body") else attr),
            furniture_tag or is_furniture_role(attr), container, block))
        kind = "container" if container else "link" if tag == "a" and attr.get("href") else "other"
        self._containers += kind == "container"
        self._links += kind == "link"
        if tag == "h1" and self._hidden == 0:
            self._finish_h1()
            self._h1_parts, self._h1_id = [], element_id
        self._push(tag, kind, element_id, block)

    def handle_endtag(self, tag: str) -> None:
        if self._open[tag] > 0:  # stray end tags (nothing open to close) are ignored
            self._pop_to(self._find(tag))
        if tag in BLOCK_TAGS or tag in CELL_TAGS:
            self._boundary(tag)

    def handle_data(self, data: str) -> None:
        if self._title_parts is not None:
            self._title_parts.append(data)
        if self._hidden:
            return
        if self._h1_parts is not None:
            self._h1_parts.append(data)
        self.chunks.append(Chunk(data, self._current(), self._block(), self._links > 0))

    # -- helpers ----------------------------------------------------------------------------
    def _meta(self, attr: dict[str, str | None]) -> None:
        key = (attr.get("property") or attr.get("name") or "").strip().lower()
        if key in ("og:title", "twitter:title") and not self.og_title:
            self.og_title = collapse(attr.get("content") or "")

    def _current(self) -> int:
        return self._stack[-1][2] if self._stack else -1

    def _block(self) -> int:
        return self._blocks[-1] if self._blocks else -1

    def _push(self, tag: str, kind: str, element_id: int, block: bool) -> None:
        self._stack.append((tag, kind, element_id, block))
        self._open[tag] += 1
        if block:
            self._blocks.append(element_id)

    def _find(self, tag: str) -> int:
        for i in range(len(self._stack) - 1, -1, -1):
            if self._stack[i][0] == tag:
                return i
        return len(self._stack)  # unreachable while _open is consistent

    def _pop_to(self, index: int) -> None:
        """Close the element at `index` and everything opened inside it."""
        while len(self._stack) > index:
            tag, kind, _, block = self._stack.pop()
            self._open[tag] -= 1
            self._hidden -= kind == "hidden"
            self._links -= kind == "link"
            self._containers -= kind == "container"
            if block:
                self._blocks.pop()
            if tag == "title" and self._title_parts is not None:
                self.title = collapse(" ".join(self._title_parts))
                self._title_parts = None
            elif tag == "h1":
                self._finish_h1()

    def _finish_h1(self) -> None:
        if self._h1_parts is not None:
            text = collapse(" ".join(self._h1_parts))
            if text:
                self.h1s.append((text, self._h1_id))
            self._h1_parts = None

    def _boundary(self, tag: str) -> None:
        if self._hidden:
            return
        mark = " " if tag in CELL_TAGS else None  # table cells: a space, not a new block
        self.chunks.append(Chunk(mark, self._current(), self._block(), False))

    def finish(self) -> None:
        """Close whatever the page left open (flushes an unterminated <title> or <h1>)."""
        self._pop_to(0)


def _kept(chunks: Sequence[Chunk], keep: Sequence[bool], whole_page: bool) -> list[Chunk]:
    return [c for c in chunks if (keep[c.element] if c.element >= 0 else whole_page)]


def _render(chunks: Sequence[Chunk]) -> str:
    """Blocks separated by blank lines, short link-dense blocks dropped (unless that is all)."""
    blocks = render_blocks(chunks)
    shown = [b for b in blocks if not link_dense(b)] or blocks
    return "\n\n".join(b.text for b in shown)


def _choose_container(elements: Sequence[Element], chars: Sequence[int]) -> int | None:
    """The story's container: the longest <article> unless a <main> holds twice its text."""
    best: dict[str, int] = {}
    for index, element in enumerate(elements):
        if not element.container or not chars[index]:
            continue
        kind = element.container
        if kind not in best or chars[index] > chars[best[kind]]:
            best[kind] = index
    article, main = best.get("article"), best.get("main")
    if article is not None and (main is None or 2 * chars[article] >= chars[main]):
        chosen = article
    else:
        chosen = main
    page = sum(c for c, e in zip(chars, elements, strict=True) if e.parent < 0)
    if chosen is None or chars[chosen] < MIN_CONTAINER_SHARE * page:
        return None
    return chosen


# "Floods hit Faenza | Wire", "… - The Site": a short site name after the last separator.
_SITE_SUFFIX = re.compile(r"^(?P<head>.+?)\s+(?:[|·•]|::|[-–—])\s+(?P<site>[^|·•:–—-]{1,40})$")


def without_site_suffix(title: str) -> str:
    """The title without a trailing site name: the part after the last " | ", " - ", " – ",
    " — ", " :: " or " · " when it reads as a name (at most four words, each capitalised or a
    domain: "The Guardian", "bbc.com"; not "police", "live updates") and three words remain."""
    found = _SITE_SUFFIX.match(title)
    if not found or len(found["head"].split()) < 3:
        return title
    words = found["site"].split()
    if len(words) <= 4 and all(w[:1].isupper() or w[:1].isdigit() or "." in w for w in words):
        return found["head"].rstrip()
    return title


def _choose_title(collector: _Collector, story_h1: str, page_h1: str) -> str:
    """<title>, or the story's <h1> (or og:title) when <title> is that plus a site name; else
    <title> without a site suffix."""
    title = without_site_suffix(collector.title)
    for candidate in (story_h1 or page_h1, collector.og_title):
        if candidate and title and candidate != title and candidate.casefold() in title.casefold():
            return candidate
    return (title or story_h1 or page_h1 or collector.og_title
            or (collector.h1s[0][0] if collector.h1s else ""))


_COMMENT_END = re.compile(r"--\s*>")  # as html.parser closes a comment
_TAG_STOP = re.compile(r"[>=]")
_RAW_TEXT_END = {"script": re.compile(r"</script", re.IGNORECASE),
                 "style": re.compile(r"</style", re.IGNORECASE)}
_TAG_NAME = re.compile(r"[a-zA-Z][^\t\n\r\f />\x00]{0,63}")
UNTERMINATED_WARNING = "the HTML ends inside an unterminated {}; the rest of the page was ignored"


def _tag_end(markup: str, start: int) -> int:
    """The index after the `>` closing the start tag at `start` (quoted values skipped whole),
    or -1 when the tag never ends."""
    pos = start + 1
    while True:
        stop = _TAG_STOP.search(markup, pos)
        if stop is None:
            return -1
        if stop.group() == ">":
            return stop.end()
        k = stop.end()
        while k < len(markup) and markup[k] in " \t\n\r\f":
            k += 1
        if k < len(markup) and markup[k] in "\"'":
            close = markup.find(markup[k], k + 1)
            if close < 0:
                return -1
            k = close + 1
        pos = k


def bound_markup(markup: str) -> tuple[str, str | None]:
    """The markup cut before the first construct that never ends (a comment, tag, attribute
    quote or declaration), which browsers drop too, and what was cut (None if nothing).

    html.parser rescans an unterminated construct from every later `<`, which is quadratic
    (3 MB of `<!--x ` or a 5 MB unclosed quote ran for minutes); one linear scan finds them.
    """
    pos, n = 0, len(markup)
    while True:
        i = markup.find("<", pos)
        if i < 0 or i + 1 >= n:
            return markup, None
        nxt = markup[i + 1]
        if markup.startswith("<!--", i):
            found = _COMMENT_END.search(markup, i + 4)
            end, what = (found.end() if found else -1), "comment"
        elif nxt in "!?/":
            end, what = markup.find(">", i + 2) + 1 or -1, "tag"
        elif nxt.isascii() and nxt.isalpha():
            end, what = _tag_end(markup, i), "tag"
            name = _TAG_NAME.match(markup, i + 1)
            raw = _RAW_TEXT_END.get(name.group().lower()) if name else None
            if end > 0 and raw is not None:
                closing = raw.search(markup, end)
                if closing is None:
                    return markup, None  # the parser reads the rest as script text, linearly
                end = closing.start()
        else:
            end, what = i + 1, ""
        if end < 0:
            return markup[:i], what
        pos = end


def html_to_text(markup: str) -> HtmlText:
    """Extract readable text and a title from an HTML document; never raises on bad markup."""
    collector = _Collector()
    warnings: list[str] = []
    markup, cut = bound_markup(markup)
    if cut:
        warnings.append(UNTERMINATED_WARNING.format(cut))
    try:
        collector.feed(markup)
        collector.close()
    except Exception as exc:  # html.parser is lenient, but do not let odd markup crash a load
        log.debug("HTML parse stopped early: %s", exc)  # the warning below says it, once
        warnings.append("the HTML could not be fully parsed; some text may be missing")
    collector.finish()

    elements, chunks = collector.elements, collector.chunks
    raw_chars, _ = text_sizes(elements, chunks)
    flags = furniture(elements, raw_chars)
    page_keep = keep_mask(elements, flags, None)
    chars, links = text_sizes(elements, chunks, page_keep)
    container = _choose_container(elements, chars)
    scope = frozenset({container}) if container is not None else choose_story(
        elements, render_blocks(_kept(chunks, page_keep, True)), chars, links)
    no_flags = [False] * len(elements)
    # Fall back step by step so a page wrapped entirely in <form> (or nav-only markup)
    # still yields its text rather than nothing.
    attempts = [(scope, flags), (scope, no_flags)] if scope is not None else []
    attempts += [(None, flags), (None, no_flags)]
    text, keep, used = "", page_keep, None
    for attempt_scope, attempt_flags in attempts:
        keep = keep_mask(elements, attempt_flags, attempt_scope)
        text = _render(_kept(chunks, keep, attempt_scope is None))
        if text:
            used = attempt_scope
            break
    story_h1 = next((t for t, i in collector.h1s if i >= 0 and keep[i]), "")
    page_h1 = next((t for t, i in collector.h1s if i >= 0 and page_keep[i]), "")
    if text and used is not None and not story_h1 and page_h1:
        h1_id = next(i for t, i in collector.h1s if t == page_h1 and page_keep[i])
        if h1_id < min(used):  # the headline sits just above the story's container
            text, story_h1 = f"{page_h1}\n\n{text}", page_h1
    if not text:
        warnings.append("no readable text found in the HTML")
    return HtmlText(text=text, title=_choose_title(collector, story_h1, page_h1),
                    warnings=tuple(warnings))
