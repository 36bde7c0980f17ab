"""Find the article in a parsed web page: class/id hints, link density and text-density scores.

Intent: a saved page wraps its story in menus, cookie banners, share buttons, "related" lists,
comments and footers. `html_text` parses the page into a flat list of text chunks, each naming
its innermost element; this module decides which elements are page furniture and which element
holds the story, in the spirit of Arc90's Readability:

1. *Hints.* class, id and role tokens mark furniture ("nav", "cookie", "share", "related",
   "comments", "footer", …) or content ("article", "content", "story", …). A strong negative
   token wins over a positive one ("article-share" is furniture) unless the element holds more
   than half the page's words; weak ones ("footer", "sidebar", "header") only count when no
   positive token is present.
2. *Scores.* Each paragraph of 25+ characters scores 1 + its commas + one point per 100
   characters (at most 3), added to its parent block and half to the grandparent; a <div> with
   no block children counts as a paragraph. An element's score is then scaled by
   1 - link density and shifted by 25 per hint. The best element and its well-scoring
   siblings are the story.
3. *Link density.* Rendered blocks of fewer than 30 words that are mostly link text are dropped.

Where it fails: a story split across distant containers keeps only the best one (and its
siblings); obfuscated class names ("css-1x2y3z") leave only scores and link density to work
with; long comment threads without telling class names can outscore a short story; a paragraph
that is mostly a link is dropped.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from typing import NamedTuple

log = logging.getLogger(__name__)

MIN_PARAGRAPH_CHARS = 25
HINT_WEIGHT = 25.0
SIBLING_SHARE = 0.2
LINK_DENSE = 0.5
LINK_DENSE_MAX_WORDS = 30

STRONG_NEGATIVE_PREFIXES = (
    "nav", "menu", "cookie", "consent", "share", "sharing", "social", "related", "newsletter",
    "subscri", "signup", "promo", "advert", "sponsor", "outbrain", "taboola", "breadcrumb",
    "popup", "modal", "paywall", "recirc", "trending", "onetrust", "toolbar")
STRONG_NEGATIVE_TOKENS = frozenset({
    "ad", "ads", "adv", "cmp", "gdpr", "comment", "comments", "commentlist", "disqus", "skip",
    "login", "popular", "tags", "masthead", "mostread"})
WEAK_NEGATIVE_TOKENS = frozenset({"footer", "sidebar", "side", "widget", "banner", "header"})
POSITIVE_TOKENS = frozenset({
    "article", "articlebody", "content", "story", "body", "entry", "hentry", "post", "text",
    "main", "prose", "blog", "column"})
FURNITURE_ROLES = frozenset({
    "navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog",
    "menu", "menubar", "toolbar"})
PARAGRAPH_TAGS = frozenset({"p", "pre", "td", "th", "blockquote", "li", "dd", "dt"})
DIV_LIKE = frozenset({"div", "section"})

_CAMEL = re.compile(r"([a-z])([A-Z])")
_TOKEN = re.compile(r"[a-z0-9]+")
_SPACE = re.compile(r"[ \t\n\r\f]+")


class Hint(NamedTuple):
    """What an element's class and id say about it."""

    strong_negative: bool = False
    weak_negative: bool = False
    positive: bool = False


class Element(NamedTuple):
    """One element of the page; ids are document order, so a parent's id is below its children's."""

    tag: str
    parent: int           # -1 for the document itself
    hint: Hint
    tag_furniture: bool   # nav, footer, aside, form, …, or a furniture ARIA role
    container: str        # "article" (also role=article, itemprop=articleBody), "main", or ""
    block: bool           # block-level element


class Chunk(NamedTuple):
    """Text (None marks a block boundary) with its innermost element and block element."""

    text: str | None
    element: int
    block: int
    link: bool


class Block(NamedTuple):
    """A rendered paragraph: text, owning block element, and how much of it is link text."""

    text: str
    owner: int
    link_chars: int


def class_hint(attrs: dict[str, str | None]) -> Hint:
    """Classify an element from its class, id and role tokens."""
    raw = " ".join(filter(None, (attrs.get("class"), attrs.get("id"))))
    tokens = set(_TOKEN.findall(_CAMEL.sub(r"\1 \2", raw).lower()))
    strong = any(t in STRONG_NEGATIVE_TOKENS or t.startswith(STRONG_NEGATIVE_PREFIXES)
                 for t in tokens)
    weak = bool(tokens & WEAK_NEGATIVE_TOKENS)
    return Hint(strong, weak, bool(tokens & POSITIVE_TOKENS))


def is_furniture_role(attrs: dict[str, str | None]) -> bool:
    return (attrs.get("role") or "").strip().lower() in FURNITURE_ROLES


def container_kind(tag: str, attrs: dict[str, str | None]) -> str:
    """"article" or "main" for elements that mark the story, else ""."""
    role = (attrs.get("role") or "").strip().lower()
    if tag == "main" or role == "main":
        return "main"
    if tag == "article" or role == "article" or \
            (attrs.get("itemprop") or "").strip().lower() == "articlebody":
        return "article"
    return ""


def collapse(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def text_sizes(elements: Sequence[Element], chunks: Sequence[Chunk],
               keep: Sequence[bool] | None = None) -> tuple[list[int], list[int]]:
    """Characters and link characters inside each element (descendants included)."""
    chars = [0] * len(elements)
    links = [0] * len(elements)
    for chunk in chunks:
        if chunk.text and chunk.element >= 0 and (keep is None or keep[chunk.element]):
            n = len(chunk.text.strip())
            chars[chunk.element] += n
            if chunk.link:
                links[chunk.element] += n
    for index in range(len(elements) - 1, -1, -1):
        parent = elements[index].parent
        if parent >= 0:
            chars[parent] += chars[index]
            links[parent] += links[index]
    return chars, links


def furniture(elements: Sequence[Element], chars: Sequence[int]) -> list[bool]:
    """Whether each element is furniture by tag, role or class/id hints."""
    total = max(1, sum(c for c, e in zip(chars, elements, strict=True) if e.parent < 0))
    flags = []
    for element, size in zip(elements, chars, strict=True):
        hint = element.hint
        if element.tag in ("html", "body"):
            flags.append(False)
            continue
        by_hint = (hint.strong_negative and not (hint.positive and size > total / 2)) or \
            (hint.weak_negative and not hint.positive)
        flags.append(element.tag_furniture or by_hint)
    return flags


def keep_mask(elements: Sequence[Element], flags: Sequence[bool],
              scope: frozenset[int] | None) -> list[bool]:
    """Elements whose text is kept: inside the scope (None = whole page), below no furniture.

    Furniture flags count only strictly inside the scope, so a story element that happens to
    sit in a wrapper with an unlucky class name is not thrown away with its wrapper.
    """
    inside: list[bool] = []
    keep: list[bool] = []
    for index, element in enumerate(elements):
        parent = element.parent
        parent_inside = inside[parent] if parent >= 0 else scope is None
        here = parent_inside or (scope is not None and index in scope)
        inside.append(here)
        if parent_inside:
            keep.append((keep[parent] if parent >= 0 else True) and not flags[index])
        else:
            keep.append(here)  # a scope root: kept whatever its own flags say
    return keep


def render_blocks(chunks: Sequence[Chunk]) -> list[Block]:
    """Join chunks into blocks: inline whitespace collapsed, a block per boundary."""
    blocks: list[Block] = []
    line: list[str] = []
    owner = -1
    link_chars = 0

    def flush() -> None:
        text = "".join(line).strip()
        line.clear()
        if text:
            blocks.append(Block(text, owner, link_chars))

    for chunk in chunks:
        if chunk.text is None:
            flush()
            owner, link_chars = -1, 0
            continue
        piece = _SPACE.sub(" ", chunk.text)
        if not line or line[-1].endswith(" "):
            piece = piece.lstrip(" ")
        if piece:
            if owner < 0 and piece.strip():
                owner = chunk.block
            line.append(piece)
            if chunk.link:
                link_chars += len(piece.strip())
    flush()
    return blocks


def link_dense(block: Block) -> bool:
    """A short block that is mostly link text: menus, "Read more", related-story lists."""
    return (block.link_chars > LINK_DENSE * len(block.text)
            and len(block.text.split()) < LINK_DENSE_MAX_WORDS)


def choose_story(elements: Sequence[Element], blocks: Sequence[Block],
                 chars: Sequence[int], links: Sequence[int]) -> frozenset[int] | None:
    """The best-scoring element plus its good siblings, or None when nothing scores."""
    up = _nearest_blocks(elements)
    has_block_child = [False] * len(elements)
    for element in elements:
        if element.block and element.parent >= 0:
            has_block_child[element.parent] = True
    scores: dict[int, float] = {}
    for block in blocks:
        if block.owner < 0 or len(block.text) < MIN_PARAGRAPH_CHARS or link_dense(block):
            continue
        points = 1 + block.text.count(",") + min(len(block.text) / 100, 3)
        owner = block.owner
        tag = elements[owner].tag
        paragraph_like = tag in PARAGRAPH_TAGS or (tag in DIV_LIKE and not has_block_child[owner])
        first = up[owner] if paragraph_like else owner
        for target, share in ((first, 1.0), (up[first] if first >= 0 else -1, 0.5)):
            if target >= 0:
                scores[target] = scores.get(target, 0.0) + points * share
    if not scores:
        return None
    final = {}
    for index, score in scores.items():
        hint = elements[index].hint
        weight = HINT_WEIGHT * (hint.positive - (hint.strong_negative or hint.weak_negative))
        final[index] = (score + weight) * (1 - links[index] / max(chars[index], 1))
    top = max(final, key=lambda i: (final[i], -i))
    if final[top] <= 0:
        return None
    chosen = {top}
    parent = up[top]
    limit = max(10.0, SIBLING_SHARE * final[top])
    for index, element in enumerate(elements):
        if index == top or up[index] != parent or not element.block or parent < 0:
            continue
        density = links[index] / max(chars[index], 1)
        if final.get(index, 0.0) >= limit or (
                element.tag == "p" and chars[index] >= 80 and density < 0.25):
            chosen.add(index)
    log.debug("story element %d <%s> score %.1f, %d siblings", top, elements[top].tag,
              final[top], len(chosen) - 1)
    return frozenset(chosen)


def _nearest_blocks(elements: Sequence[Element]) -> list[int]:
    """For each element, its nearest block-level ancestor (-1 if none)."""
    out: list[int] = []
    for element in elements:
        parent = element.parent
        if parent < 0 or elements[parent].block:
            out.append(parent)
        else:
            out.append(out[parent])
    return out
