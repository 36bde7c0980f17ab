"""Immutable records shared by the pipeline, the CLI and the GUI.

Every offset (`start`, `end`) indexes the document text as shown to the user: after decoding,
newline normalisation and (for HTML) text extraction.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum

from . import tuning
from .ids import sentence_number


class Kind(str, Enum):
    """What a sentence is; only claims, opinions, prescriptions and questions are matched."""

    CLAIM = "claim"
    OPINION = "opinion"
    PRESCRIPTION = "prescription"
    QUESTION = "question"
    HEADING = "heading"
    CAPTION = "caption"
    BOILERPLATE = "boilerplate"
    FRAGMENT = "fragment"  # cut off before its claim is complete ("…around the middle of...")
    QUOTE = "quote"        # a speaker's words quoted whole: a voice, not a reported fact

    @property
    def excluded(self) -> bool:
        return self in (Kind.HEADING, Kind.CAPTION, Kind.BOILERPLATE, Kind.FRAGMENT, Kind.QUOTE)


class Status(str, Enum):
    AGREE = "agree"
    DIVERGE = "diverge"
    RELATED = "related"
    UNSUPPORTED = "unsupported"
    EXCLUDED = "excluded"


class Relation(str, Enum):
    AGREE = "agree"
    DIVERGE = "diverge"
    RELATED = "related"


# Which link decides a sentence's status when it has several.
RELATION_PRIORITY = {Relation.DIVERGE: 2, Relation.AGREE: 1, Relation.RELATED: 0}


class ReasonKind(str, Enum):
    NUMBER = "number"
    DATE = "date"
    ENTITY = "entity"
    NEGATION = "negation"
    CERTAINTY = "certainty"
    ATTRIBUTION = "attribution"
    DIRECTION = "direction"  # opposite directions of change: rose against fell (added in 1.1)
    # Not a conflict: why a pair is only related (figures of two measures, a forecast against the
    # outcome, two budget lines); it never makes a pair diverge (an addition to version 1)
    MEASURE = "measure"


# ICD 203 expressions of likelihood, lowest to highest, then a plain assertion of fact.
CERTAINTY_LABELS: tuple[str, ...] = (
    "almost no chance",
    "very unlikely",
    "unlikely",
    "roughly even chance",
    "likely",
    "very likely",
    "almost certain",
    "asserted",
)
ASSERTED = len(CERTAINTY_LABELS) - 1


@dataclass(frozen=True)
class Span:
    """A piece of a document: absolute offsets and the text between them."""

    start: int
    end: int
    text: str

    def to_json(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text}


def _finite(value: float) -> float | None:
    """JSON has no infinity: an unbounded or unwritably large figure is null."""
    return value if math.isfinite(value) else None


@dataclass(frozen=True)
class NumberMention:
    """A quantity: `low`..`high` (equal for a point value); `approx` for hedged amounts;
    `stated` the figure as written, its qualifier ("at least") and decimals, and whether it is a
    vague magnitude ("hundreds") or a range ("1,500 to 12,000")."""

    span: Span
    low: float
    high: float
    approx: bool = False
    unit: str = ""
    stated: float = 0.0
    qualifier: str = ""
    vague: bool = False
    decimals: int = 0
    ranged: bool = False
    step: float = 1.0  # the resolution the figure is written to: 100,000 for "1.2 million"

    def to_json(self) -> dict:
        return {**self.span.to_json(), "low": _finite(self.low),
                "high": _finite(self.high),  # null: no upper bound (or too large to write)
                "approx": self.approx, "unit": self.unit, "stated": _finite(self.stated),
                "qualifier": self.qualifier, "vague": self.vague}


@dataclass(frozen=True)
class DateMention:
    """A calendar reference; `relative` holds phrases like "this year" that need context."""

    span: Span
    year: int | None = None
    month: int | None = None
    day: int | None = None
    relative: str = ""

    def to_json(self) -> dict:
        return {**self.span.to_json(), "year": self.year, "month": self.month,
                "day": self.day, "relative": self.relative}


@dataclass(frozen=True)
class EntityMention:
    """A named entity or acronym; `key` is the canonical form shared by its aliases."""

    span: Span
    key: str

    def to_json(self) -> dict:
        return {**self.span.to_json(), "key": self.key}


@dataclass(frozen=True)
class Attribution:
    """Who a sentence credits for its content ("according to X", "reports indicate")."""

    span: Span
    source: str

    def to_json(self) -> dict:
        return {**self.span.to_json(), "source": self.source}


@dataclass(frozen=True)
class Certainty:
    """The sentence's estimative level on the ICD 203 scale (index into CERTAINTY_LABELS)."""

    level: int = ASSERTED
    cue: Span | None = None

    @property
    def label(self) -> str:
        return CERTAINTY_LABELS[self.level]

    @property
    def hedged(self) -> bool:
        return self.level != ASSERTED

    def to_json(self) -> dict:
        return {"level": self.level, "label": self.label,
                "cue": self.cue.to_json() if self.cue else None}


@dataclass(frozen=True)
class ClaimFeatures:
    numbers: tuple[NumberMention, ...] = ()
    dates: tuple[DateMention, ...] = ()
    entities: tuple[EntityMention, ...] = ()
    negations: tuple[Span, ...] = ()
    attribution: tuple[Attribution, ...] = ()
    certainty: Certainty = field(default_factory=Certainty)


@dataclass(frozen=True)
class Sentence:
    """One unit of a document. Its claim features are read on first use (only linked sentences
    need them to compare), from `extract(text, start)`."""

    id: str
    doc: str
    index: int
    start: int
    end: int
    text: str
    kind: Kind
    extract: Callable[[str, int], ClaimFeatures] | None = field(default=None, repr=False,
                                                                 compare=False)

    @property
    def excluded(self) -> bool:
        return self.kind.excluded

    @property
    def features(self) -> ClaimFeatures:
        # Cached by hand: functools.cached_property holds one lock for every instance on
        # Python 3.11, so the GUI thread would wait while a worker reads other sentences.
        cached = self.__dict__.get("_features")
        if cached is None:
            cached = self.read_features()
            object.__setattr__(self, "_features", cached)
        return cached

    def read_features(self) -> ClaimFeatures:
        """The claim features, cached or read afresh without keeping them (for one pass over
        every sentence of a long text)."""
        cached = self.__dict__.get("_features")
        if cached is not None:
            return cached
        return self.extract(self.text, self.start) if self.extract else ClaimFeatures()


@dataclass(frozen=True)
class Document:
    label: str
    path: str
    title: str
    text: str
    sha256: str
    encoding: str = "utf-8"
    warnings: tuple[str, ...] = ()
    sentences: tuple[Sentence, ...] = ()

    def sentence(self, sentence_id: str) -> Sentence:
        return self.sentences[sentence_number(sentence_id) - 1]


@dataclass(frozen=True)
class Reason:
    kind: ReasonKind
    a: Span | None
    b: Span | None
    explanation: str

    def to_json(self) -> dict:
        return {"kind": self.kind.value,
                "a": self.a.to_json() if self.a else None,
                "b": self.b.to_json() if self.b else None,
                "explanation": self.explanation}


@dataclass(frozen=True)
class DiffOp:
    """One run of the word diff: op is equal, delete (A only), insert (B only) or replace."""

    op: str
    a_text: str
    b_text: str

    def to_json(self) -> dict:
        return {"op": self.op, "a": self.a_text, "b": self.b_text}


@dataclass(frozen=True)
class Pair:
    """A link between sentences of A and of B. The word diff of their texts is worked out on
    first use (a long comparison has thousands of pairs; the analyst opens a few)."""

    id: str
    a: tuple[str, ...]
    b: tuple[str, ...]
    score: float
    relation: Relation
    reasons: tuple[Reason, ...] = ()
    texts: tuple[str, str] = field(default=("", ""), repr=False, compare=False)
    linked_by_analyst: bool = False    # the analyst linked these sentences (the engine had not)
    relation_by_analyst: bool = False  # the analyst set the relation (and a divergence's kind)

    @property
    def analyst_mark(self) -> str:
        """What the analyst decided about this pair, in words ("" when it is the engine's)."""
        if self.linked_by_analyst and self.relation_by_analyst:
            return "linked and judged by the analyst"
        if self.linked_by_analyst:
            return "linked by the analyst"
        return "relation set by the analyst" if self.relation_by_analyst else ""

    @property
    def diff(self) -> tuple[DiffOp, ...]:
        cached = self.__dict__.get("_diff")
        if cached is None:
            from .diffing import word_diff

            cached = tuple(word_diff(*self.texts))
            object.__setattr__(self, "_diff", cached)
        return cached


@dataclass(frozen=True)
class CompareOptions:
    """The knobs of one comparison; recorded in the output so a run can be repeated."""

    threshold: float = tuning.DEFAULT_THRESHOLD
    max_candidates: int = 12
    merge_gain: float = 6.0  # kept in the contract; neighbours now link one by one

    def to_json(self) -> dict:
        return {"threshold": self.threshold, "max_candidates": self.max_candidates,
                "merge_gain": self.merge_gain}


@dataclass(frozen=True)
class Summary:
    agree: int
    diverge: int
    related: int
    unsupported: dict[str, int]
    excluded: dict[str, int]

    def to_json(self) -> dict:
        return {"agree": self.agree, "diverge": self.diverge, "related": self.related,
                "unsupported": dict(self.unsupported), "excluded": dict(self.excluded)}


@dataclass(frozen=True)
class Comparison:
    a: Document
    b: Document
    pairs: tuple[Pair, ...]
    statuses: dict[str, Status]
    summary: Summary
    options: CompareOptions
    # sentence id -> its best candidates on the other side (id, score), linked or not
    suggestions: dict[str, tuple[tuple[str, float], ...]] = field(
        default_factory=dict, repr=False, compare=False)

    def document(self, label: str) -> Document:
        return self.a if label == self.a.label else self.b

    def sentence(self, sentence_id: str) -> Sentence:
        return self.document(sentence_id[:1]).sentence(sentence_id)

    @property
    def _pairs_by_sentence(self) -> dict[str, list[Pair]]:
        cached = self.__dict__.get("_pairs_index")
        if cached is not None:
            return cached
        index: dict[str, list[Pair]] = {}
        for pair in self.pairs:
            for sid in pair.a + pair.b:
                index.setdefault(sid, []).append(pair)
        for linked in index.values():
            linked.sort(key=lambda p: (-RELATION_PRIORITY[p.relation], -p.score, p.id))
        object.__setattr__(self, "_pairs_index", index)
        return index

    def pair(self, pair_id: str) -> Pair:
        """The pair with this id (KeyError if there is none)."""
        by_id = self.__dict__.get("_pairs_by_id")
        if by_id is None:
            by_id = {p.id: p for p in self.pairs}
            object.__setattr__(self, "_pairs_by_id", by_id)
        return by_id[pair_id]

    def pairs_of(self, sentence_id: str) -> list[Pair]:
        """Every pair a sentence is in, its main one first (see `pair_of`)."""
        return list(self._pairs_by_sentence.get(sentence_id, ()))

    def pair_of(self, sentence_id: str) -> Pair | None:
        """A sentence's main pair: a divergence before an agreement before a related link,
        then the highest score. A sentence that carries two claims can be in several pairs."""
        linked = self._pairs_by_sentence.get(sentence_id)
        return linked[0] if linked else None
