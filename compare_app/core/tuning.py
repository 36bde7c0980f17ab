"""Every scoring knob of the engine in one place, and the calibrated same-claim model.

The link model turns the evidence about a picked pair into the estimated chance that the two
sentences make the same claim. Its coefficients were fitted by logistic regression on real,
hand-labelled same-story news pairs (`benchmarks/calibrate_links.py` refits them); the score the
analyst sees and the sensitivity control are that chance in percent.
"""

from __future__ import annotations

import math
import operator

# Term weights
IDF_FLOOR = 0.05          # share of the top weight every term keeps, so topic words still count
GENERIC_FACTOR = 0.4      # everyday words ("said", "year") weigh less
SLOT_TYPE_WEIGHT = 0.25   # a shared "#num"/"#date"/"#dir" type, as a share of the top weight
MIN_MASS_MEDIANS = 4.0    # containment alone vouches only for sentences heavier than this
# Spelling variants
FUZZY_MIN_LEN = 5
FUZZY_CUTOFF = 86.0
PREFIX_MIN_LEN = 6        # "unlawful"/"unlawfully": a shared stem this long counts as a match
PREFIX_CREDIT = 80.0
# Words of close meaning (`meanings`): neighbours below this cosine (percent) are ignored;
# a matched pair earns this share of its cosine as credit (spelling variants earn their ratio)
MEANING_FLOOR = 70
MEANING_CREDIT = 1.0
# Candidates
EXHAUSTIVE_PAIRS = 40_000  # score every pair sharing a term up to this many unit pairs
INDEX_TERMS = 6
PAIR_TERMS = 5
# a key held by more units than this many square roots of their number selects nothing
INDEX_CAP_ROOTS = 1.0
# Hub correction (CSLS)
CSLS_K = 3
CSLS_WEIGHT = 1.0
# A shared word is evidence when few sentences use it (topic words of a long text are not)
RARE_DF_MIN = 3           # ... at most this many, or the square root of the sentence count
# A sentence's second link must share this much that its better links do not
RESIDUAL_SHARE = 0.3
PICK_DEPTH = 2             # each sentence proposes its best this many counterparts
SUGGESTIONS = 5            # at most this many candidates shown for a selected sentence: those
                           # it proposes and those proposing it (no extra pair is judged)
# The link model saw documents of up to about this many sentences; beyond it, size adds no penalty
SIZE_CAP = 4000
# Claim clusters over three or more sources
CHAIN_MIN_SCORE = 15.0     # A~B and B~C join into one claim only if A and C score at least this
SHARED_COPY_RATIO = 95.0   # two sources' sentences this alike (fuzz.ratio) are one wire copy
SHARED_COPY_MIN_CLAIMS = 2  # two sources sharing copy for this many claims, and for this share
SHARED_COPY_MIN_SHARE = 0.05  # of the shorter one's claims, are reported as sharing wire copy
# Reasons: when two details count as the same
SAME_NAME_RATIO = 85.0     # two names this alike (fuzz.ratio) are one actor ("Shoygu"/"Shoigu")
APPROX_TOLERANCE = 0.05    # "about 700,000" and "720,000" agree when within this share
COMPLEMENT_REACH = 10  # words after a predicate (function words too) saying what it applies to
FAR_APART = 10.0  # figures more than this factor apart, in other words, are two quantities (an
#                   extra zero, exactly ten times, stays a conflict)
# Three or more sources: pairs linked in worker processes when there are enough of them
PARALLEL_MIN_PAIRS = 6         # four sources or more
PARALLEL_MIN_SENTENCES = 1500  # all documents together; below this, starting processes costs more
PARALLEL_MAX_WORKERS = 8
# Default sensitivity: the minimum same-claim chance, in percent, for a link
DEFAULT_THRESHOLD = 50.0

# Same-claim model: intercept, then one weight per piece of evidence in `align.Link.evidence`:
# raw similarity (held at 0: it acts through the size term, so the chance rises with it),
# hub-corrected similarity, best pick of how many sides (0-2), larger and smaller gap to each
# side's best alternative, log(1 + shared uncommon words), shared figures or dates (0, 0.5, 1),
# and log(sentences compared, at most SIZE_CAP) * (1 - raw similarity): the same partial overlap
# means less among many candidates, a near-complete one does not.
LINK_COEFFICIENTS = (-1.389, 0.0, 1.439, 0.16, 0.499, 0.622, 2.271, 2.295, -0.774)


def same_claim_probability(evidence: tuple[float, ...]) -> float:
    """The estimated chance (0-1) that a picked pair makes the same claim."""
    z = LINK_COEFFICIENTS[0] + sum(map(operator.mul, LINK_COEFFICIENTS[1:], evidence))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
