"""Reading a loaded text into a Document: its sentences, their kinds and (when first asked)
their features, with acronyms and compounds shared across the texts compared."""

from __future__ import annotations

from functools import partial

from .acronyms import spelled_acronyms
from .claims import extract_features, find_acronyms
from .ids import sentence_id
from .kinds import classify_units
from .limits import check_units
from .loading import LoadedText
from .models import Document, Sentence
from .normalize import AliasTable, compounds
from .progress import QUIET, Meter
from .segment import split_sentences


def build_aliases(*texts: str) -> AliasTable:
    """Acronyms defined in either text ("Korean People’s Army (KPA)") apply to both, and so do
    acronyms spelled by a name in either ("FDA" / "Food and Drug Administration") and compounds
    one text writes closed and another open ("ceasefire" / "cease-fire")."""
    table = AliasTable()
    defined = set()
    for text in texts:
        for long_form, acronym in find_acronyms(text):
            table.add(long_form, acronym)
            defined.add(acronym)
    for long_form, acronym in spelled_acronyms(*texts):
        if acronym not in defined:
            table.add(long_form, acronym)
    for first, second, term in compounds(*texts):
        table.add_compound(first, second, term)
    return table



def build_document(label: str, loaded: LoadedText, aliases: AliasTable,
                   meter: Meter = QUIET) -> Document:
    """Segment, classify and annotate one document."""
    text = loaded.text
    spans = split_sentences(text, meter.phase(f"segment {label}", len(text)))
    check_units(loaded, len(spans))  # before the costly part of the work
    kinds = classify_units(text, spans, tick=meter.phase(f"classify {label}", len(spans)))
    sentences = []
    extract = partial(extract_features, aliases=aliases)
    tick = meter.phase(f"sentences {label}", len(spans))
    for index, ((start, end), kind) in enumerate(zip(spans, kinds), start=1):
        tick(index)
        sentences.append(Sentence(sentence_id(label, index), label, index, start, end,
                                  text[start:end], kind, extract))
    return Document(label=label, path=loaded.path, title=loaded.title, text=text,
                    sha256=loaded.sha256, encoding=loaded.encoding, warnings=loaded.warnings,
                    sentences=tuple(sentences))
