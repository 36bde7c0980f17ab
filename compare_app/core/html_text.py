"""Readable text from an HTML page, using only the standard-library parser.

Intent: keep what a reader would call "the article" — headings and paragraphs, each block
separated by a blank line — and drop scripts, styles, menus and other page furniture. When the
page marks its story with `<article>` or `<main>`, only that part is kept. Malformed markup
never raises; at worst some text is missing and a warning says so.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import dataclass
from html.parser import HTMLParser

log = logging.getLogger(__name__)

# Content a reader never sees as text.
HIDDEN_TAGS = frozenset({"script", "style", "noscript", "svg", "math", "template", "iframe",
                         "object", "canvas", "select", "title"})
# Page furniture: menus, banners, sidebars, forms. `header` inside <article>/<main> is kept
# because it usually holds the headline and standfirst.
FURNITURE_TAGS = frozenset({"nav", "footer", "header", "aside", "form", "button", "dialog"})
CONTAINER_TAGS = frozenset({"article", "main"})
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
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")
_DISPLAY_NONE = re.compile(r"display\s*:\s*none", re.IGNORECASE)


@dataclass(frozen=True)
class HtmlText:
    """Extracted body text (blocks separated by blank lines), page title and any warnings."""

    text: str
    title: str
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Chunk:
    text: str | None            # None marks a block boundary
    containers: tuple[int, ...]  # ids of the enclosing <article>/<main> elements
    furniture: bool


class _Collector(HTMLParser):
    """Turns a tag stream into text chunks tagged with where they sit in the page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.chunks: list[_Chunk] = []
        self.container_kind: dict[int, str] = {}
        self.title = ""
        self.h1s: list[_Chunk] = []
        self._stack: list[tuple[str, str]] = []  # (tag, role)
        self._open: Counter[str] = Counter()
        self._hidden = 0
        self._furniture = 0
        self._containers: list[int] = []
        self._title_parts: list[str] | None = None
        self._h1_parts: list[str] | None = None
        self._h1_where: tuple[tuple[int, ...], bool] = ((), False)

    # -- parser callbacks -------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in P_CLOSERS and self._stack and self._stack[-1][0] == "p":
            self._pop_to(len(self._stack) - 1)  # a block start closes an open <p>
        if tag in BLOCK_TAGS or tag in CELL_TAGS:
            self._boundary(tag)
        if tag in VOID_TAGS:
            return
        attr = dict(attrs)
        if tag == "title" and self._hidden == 0 and not self.title:
            self._title_parts = []
        if tag == "h1" and self._hidden == 0:
            self._finish_h1()
            self._h1_parts = []
            self._h1_where = (tuple(self._containers), self._furniture > 0)
        if (tag in HIDDEN_TAGS or "hidden" in attr
                or _DISPLAY_NONE.search(attr.get("style") or "")):
            role = "hidden"
            self._hidden += 1
        elif tag in FURNITURE_TAGS and not (tag == "header" and self._containers):
            role = "furniture"
            self._furniture += 1
        elif tag in CONTAINER_TAGS:
            role = "container"
            cid = len(self.container_kind)
            self.container_kind[cid] = tag
            self._containers.append(cid)
        else:
            role = "other"
        self._stack.append((tag, role))
        self._open[tag] += 1

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
        self.chunks.append(_Chunk(data, tuple(self._containers), self._furniture > 0))

    # -- helpers ----------------------------------------------------------------------------
    def _find(self, tag: str) -> int:
        for i in range(len(self._stack) - 1, -1, -1):
            if self._stack[i][0] == tag:
                return i
        return len(self._stack)  # unreachable while _open is consistent

    def _pop_to(self, index: int) -> None:
        """Close the element at `index` and everything opened inside it."""
        while len(self._stack) > index:
            tag, role = self._stack.pop()
            self._open[tag] -= 1
            if role == "hidden":
                self._hidden -= 1
            elif role == "furniture":
                self._furniture -= 1
            elif role == "container":
                self._containers.pop()
            if tag == "title" and self._title_parts is not None:
                self.title = _collapse(" ".join(self._title_parts))
                self._title_parts = None
            elif tag == "h1":
                self._finish_h1()

    def _finish_h1(self) -> None:
        if self._h1_parts is not None:
            text = _collapse(" ".join(self._h1_parts))
            if text:
                self.h1s.append(_Chunk(text, *self._h1_where))
            self._h1_parts = None

    def _boundary(self, tag: str) -> None:
        if self._hidden:
            return
        mark = " " if tag in CELL_TAGS else None  # table cells: a space, not a new block
        self.chunks.append(_Chunk(mark, tuple(self._containers), self._furniture > 0))

    def finish(self) -> None:
        """Close whatever the page left open (flushes an unterminated <title> or <h1>)."""
        self._pop_to(0)


def _collapse(text: str) -> str:
    return _HTML_SPACE.sub(" ", text).strip()


def _render(chunks: list[_Chunk]) -> str:
    """Join chunks into blocks: inline whitespace collapsed, blocks separated by blank lines."""
    blocks: list[str] = []
    line: list[str] = []

    def flush() -> None:
        block = "".join(line).strip()
        line.clear()
        if block:
            blocks.append(block)

    for chunk in chunks:
        if chunk.text is None:
            flush()
            continue
        piece = _HTML_SPACE.sub(" ", chunk.text)
        if not line or line[-1].endswith(" "):
            piece = piece.lstrip(" ")
        if piece:
            line.append(piece)
    flush()
    return "\n\n".join(blocks)


def _choose_container(collector: _Collector) -> int | None:
    """The story's container: the wordiest <article> unless a <main> holds twice its words."""
    words: Counter[int] = Counter()
    for chunk in collector.chunks:
        if chunk.text and not chunk.furniture and chunk.containers:
            n = len(chunk.text.split())
            for cid in chunk.containers:
                words[cid] += n
    best: dict[str, int] = {}
    for cid, kind in collector.container_kind.items():
        if words[cid] and (kind not in best or words[cid] > words[best[kind]]):
            best[kind] = cid
    article, main = best.get("article"), best.get("main")
    if article is not None and (main is None or 2 * words[article] >= words[main]):
        return article
    return main


def _choose_title(collector: _Collector, container: int | None) -> str:
    """<title>, or the story's <h1> when the <title> is just that h1 plus a site name."""
    h1s = collector.h1s
    story = [h for h in h1s if container is not None and container in h.containers]
    clean = story or [h for h in h1s if not h.furniture]
    h1 = clean[0].text if clean else ""
    title = collector.title
    if h1 and title and h1 != title and h1.casefold() in title.casefold():
        return h1
    return title or h1 or (h1s[0].text if h1s else "")


def html_to_text(markup: str) -> HtmlText:
    """Extract readable text and a title from an HTML document; never raises on bad markup."""
    collector = _Collector()
    warnings: list[str] = []
    try:
        collector.feed(markup)
        collector.close()
    except Exception as exc:  # html.parser is lenient, but do not let odd markup crash a load
        log.warning("HTML parse stopped early: %s", exc)
        warnings.append("the HTML could not be fully parsed; some text may be missing")
    collector.finish()

    container = _choose_container(collector)
    chunks = collector.chunks
    scoped = chunks if container is None else [c for c in chunks if container in c.containers]
    text = ""
    # Fall back step by step so a page wrapped entirely in <form> (or nav-only markup)
    # still yields its text rather than nothing.
    for candidate in (scoped, chunks):
        text = (_render([c for c in candidate if not c.furniture]) or _render(candidate))
        if text:
            break
    if not text:
        warnings.append("no readable text found in the HTML")
    return HtmlText(text=text, title=_choose_title(collector, container),
                    warnings=tuple(warnings))
