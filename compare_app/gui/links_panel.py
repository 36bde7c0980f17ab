"""The analyst corrects the links: candidates for the selected sentence with one-click linking,
link by picking a sentence in the other pane, unlink, set a pair's relation, and the list of
decisions made so far (including those whose sentences are gone)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMenu,
    QPushButton,
    QRadioButton,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.corrections import KIND_WORDS, Correction
from ..core.models import Comparison, Pair, ReasonKind, Relation
from .link_editing import Candidate


class LinksPanel(QWidget):
    """Shows and edits the links of the selected row; emits requests, the window acts on them."""

    link_requested = Signal(str, str)          # sentence, sentence of the other side
    pick_requested = Signal(str)               # link this sentence with one clicked in a pane
    unlink_requested = Signal(str)             # pair id
    relabel_requested = Signal(str, str, str)  # pair id, relation, reason kind ("" for none)
    restore_requested = Signal(str)            # pair id
    forget_requested = Signal(int)             # index into the corrections

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pair: Pair | None = None
        self.sentence_id: str | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.title = QLabel("Select a pair or a sentence to correct its links.")
        self.title.setWordWrap(True)
        layout.addWidget(self.title)

        pair_rows = QGridLayout()
        self.agree = QPushButton("= Agree")
        self.diverge = QToolButton()
        self.diverge.setText("≠ Diverge ▾")
        self.diverge.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        kinds = QMenu(self.diverge)
        for kind, words in KIND_WORDS.items():
            kinds.addAction(f"about {words}",
                            lambda k=kind: self._relabel(Relation.DIVERGE, k))
        self.diverge.setMenu(kinds)
        self.related = QPushButton("~ Related")
        self.unlink = QPushButton("Unlink")
        self.restore = QPushButton("Engine's judgement")
        self.restore.setToolTip("Forget your decisions on this pair")
        self.agree.clicked.connect(lambda: self._relabel(Relation.AGREE))
        self.related.clicked.connect(lambda: self._relabel(Relation.RELATED))
        self.unlink.clicked.connect(lambda: self.pair and self.unlink_requested.emit(self.pair.id))
        self.restore.clicked.connect(
            lambda: self.pair and self.restore_requested.emit(self.pair.id))
        self.unlink.setToolTip("Remove this link: the sentences are not the same claim")
        placed = ((self.agree, 0, 0), (self.diverge, 0, 1), (self.related, 0, 2),
                  (self.unlink, 1, 0), (self.restore, 1, 1, 1, 2))
        for w, *where in placed:
            w.setToolTip(w.toolTip() or "Set this pair's relation by hand")
            pair_rows.addWidget(w, *where)
        layout.addLayout(pair_rows)

        side_row = QHBoxLayout()
        self.side_label = QLabel("Candidates for")
        side_row.addWidget(self.side_label)
        self.sides = QButtonGroup(self)
        self.side_a, self.side_b = QRadioButton("A"), QRadioButton("B")
        for button in (self.side_a, self.side_b):
            self.sides.addButton(button)
            side_row.addWidget(button)
            button.toggled.connect(self._side_toggled)
        side_row.addStretch(1)
        layout.addLayout(side_row)

        self.candidates = QTreeWidget()
        self.candidates.setObjectName("candidates")
        self.candidates.setHeaderLabels(["Sentence", "Score", "Text"])
        self.candidates.setRootIsDecorated(False)
        self.candidates.setColumnWidth(0, 95)
        self.candidates.setColumnWidth(1, 55)
        self.candidates.itemDoubleClicked.connect(lambda *_: self._link_selected())
        layout.addWidget(self.candidates, 2)
        link_row = QHBoxLayout()
        self.link_button = QPushButton("Link")
        self.link_button.setToolTip("Link the selected sentence with this candidate")
        self.link_button.clicked.connect(self._link_selected)
        self.pick_button = QPushButton("Pick in other pane…")
        self.pick_button.setToolTip("Link the selected sentence with the next sentence you click "
                                    "in the other pane (Ctrl+L)")
        self.pick_button.clicked.connect(
            lambda: self.sentence_id and self.pick_requested.emit(self.sentence_id))
        link_row.addWidget(self.link_button)
        link_row.addWidget(self.pick_button)
        link_row.addStretch(1)
        layout.addLayout(link_row)

        layout.addWidget(QLabel("Your link decisions"))
        self.decisions = QListWidget()
        self.decisions.setObjectName("decisions")
        layout.addWidget(self.decisions, 1)
        self.forget = QPushButton("Forget decision")
        self.forget.clicked.connect(self._forget_selected)
        layout.addWidget(self.forget, 0, Qt.AlignmentFlag.AlignLeft)
        self._candidates_of: dict[str, list[Candidate]] = {}
        self.show_row(None, None, {})

    # ------------------------------------------------------------------ showing
    def show_row(self, pair: Pair | None, sentence_id: str | None,
                 candidates: dict[str, list[Candidate]], texts: dict[str, str] | None = None
                 ) -> None:
        """The selected row: its pair (if any), the sentence whose candidates are listed, and
        the candidates of each of the row's sentences."""
        self.pair, self._candidates_of, self._texts = pair, candidates, texts or {}
        for w in (self.agree, self.diverge, self.related, self.unlink):
            w.setEnabled(pair is not None)
        self.restore.setEnabled(pair is not None and bool(pair.analyst_mark))
        if pair is not None:
            mark = f" · <i>{escape(pair.analyst_mark)}</i>" if pair.analyst_mark else ""
            self.title.setText(f"<b>{pair.id}</b>: {pair.a[0]} ↔ {pair.b[0]}, "
                               f"{pair.relation.value}{mark}")
        elif sentence_id:
            self.title.setText(f"<b>{sentence_id}</b> has no link. Link it with a candidate "
                               "or with any sentence of the other side.")
        else:
            self.title.setText("Select a pair or a sentence to correct its links.")
        ids = list(candidates)
        self.side_a.setVisible(len(ids) > 1)
        self.side_b.setVisible(len(ids) > 1)
        if len(ids) > 1:
            self.side_a.setText(ids[0])
            self.side_b.setText(ids[1])
        self.sentence_id = sentence_id if sentence_id in candidates else (ids[0] if ids else None)
        with_blocked = [self.side_a, self.side_b]
        for button in with_blocked:
            button.blockSignals(True)
        (self.side_b if len(ids) > 1 and self.sentence_id == ids[1] else self.side_a).setChecked(
            True)
        for button in with_blocked:
            button.blockSignals(False)
        self._fill_candidates()

    def _fill_candidates(self) -> None:
        self.candidates.clear()
        sid = self.sentence_id
        self.side_label.setText(f"Candidates for {sid}:" if sid else "Candidates:")
        for cand in self._candidates_of.get(sid or "", []):
            text = self._texts.get(cand.sentence_id, "")
            item = QTreeWidgetItem([cand.sentence_id + (" (linked)" if cand.linked else ""),
                                    f"{cand.score:g}", text])
            item.setData(0, Qt.ItemDataRole.UserRole, cand.sentence_id)
            item.setToolTip(2, text)
            self.candidates.addTopLevelItem(item)
        if self.candidates.topLevelItemCount():
            self.candidates.setCurrentItem(self.candidates.topLevelItem(0))
        self.link_button.setEnabled(self.candidates.topLevelItemCount() > 0)
        self.pick_button.setEnabled(sid is not None)

    def show_decisions(self, comparison: Comparison | None, corrections: tuple[Correction, ...],
                       unplaced: tuple[Correction, ...], where: list[str]) -> None:
        self.decisions.clear()
        for correction, place in zip(corrections, where):
            gone = correction in unplaced
            label = (f"{'⚠ ' if gone else ''}{place}: {correction.description}"
                     f"{' (sentence no longer found)' if gone else ''}")
            self.decisions.addItem(label)
            self.decisions.item(self.decisions.count() - 1).setToolTip(
                f"A: {correction.a.text}\nB: {correction.b.text}")
        self.forget.setEnabled(bool(corrections))

    # ------------------------------------------------------------------ requests
    def _relabel(self, relation: Relation, kind: ReasonKind | None = None) -> None:
        if self.pair is not None:
            self.relabel_requested.emit(self.pair.id, relation.value, kind.value if kind else "")

    def _side_toggled(self, checked: bool) -> None:
        if not checked:
            return
        ids = list(self._candidates_of)
        self.sentence_id = ids[1] if self.side_b.isChecked() and len(ids) > 1 else (
            ids[0] if ids else None)
        self._fill_candidates()

    def _link_selected(self) -> None:
        item = self.candidates.currentItem()
        if item is not None and self.sentence_id:
            self.link_requested.emit(self.sentence_id, item.data(0, Qt.ItemDataRole.UserRole))

    def _forget_selected(self) -> None:
        row = self.decisions.currentRow()
        if row >= 0:
            self.forget_requested.emit(row)
