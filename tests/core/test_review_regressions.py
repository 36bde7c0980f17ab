"""Conflicts this round's narrower rules must still find (from a review of the change)."""

from __future__ import annotations

import pytest

from compare_app.core.models import ReasonKind
from sentence_pairs import both_ways, reason_kinds, reason_texts


@pytest.mark.parametrize("a, b, kind", [
    ("Shares of Tessel Foods and Amazon fell sharply on Monday after the report.",
     "Shares of Tessel Foods and Microsoft fell sharply on Monday after the report.",
     ReasonKind.ENTITY),
    ("The Tessel mayor is expected to win by a wide margin in the harbour race.",
     "The Tessel mayor won by a wide margin in the harbour race.", ReasonKind.CERTAINTY),
    ("If approved the Tessel agency will raise fares for millions of riders.",
     "The Tessel agency raised fares for millions of riders.", ReasonKind.CERTAINTY),
    ("The Tessel guard served two years, and six months later he was released.",
     "The Tessel guard served 30 months before he was released.", ReasonKind.NUMBER),
    ("More than 200 people died in the Tessel floods on Monday.",
     "Nearly 1,000 people died in the Tessel floods on Monday.", ReasonKind.NUMBER),
    ("Tessel oil prices were back up 3 percent on Tuesday.",
     "Tessel oil prices were down 3 percent on Tuesday.", ReasonKind.DIRECTION),
    ("The Tessel death toll is expected to reach 500 by Friday.",
     "The Tessel death toll climbed to near 500 by Friday.", ReasonKind.CERTAINTY),
])
def test_narrower_rules_keep_real_conflicts(a, b, kind):
    for pair in both_ways(a, b):
        assert kind in reason_kinds(pair), reason_texts(pair)
