"""The window's side of link corrections: the Links tab, the Links menu, and linking by picking
a sentence in the other pane. A mixin of MainWindow, like the session actions."""

from __future__ import annotations

from PySide6.QtGui import QAction

from ..core.ids import is_pair_id
from ..core.models import ReasonKind, Relation
from .links_panel import LinksPanel


class LinkActionsMixin:
    """Needs the MainWindow attributes: controller, model, comparison, side_tabs, current_key."""

    def _build_links(self) -> None:
        self.links_panel = LinksPanel()
        self.side_tabs.addTab(self.links_panel, "Links")
        self._link_pick: str | None = None
        self._focus_sentence: str | None = None
        p, c = self.links_panel, self.controller
        p.link_requested.connect(c.link)
        p.pick_requested.connect(self.start_link_pick)
        p.unlink_requested.connect(c.unlink)
        p.relabel_requested.connect(
            lambda key, rel, kind: c.relabel(key, Relation(rel),
                                             ReasonKind(kind) if kind else None))
        p.restore_requested.connect(c.restore_engine)
        p.forget_requested.connect(c.forget)
        c.annotations_changed.connect(self._show_decisions)

    def _build_link_actions(self) -> list[QAction]:
        a = self._action
        self.act_link = a("&Link Selected Sentence With…", self._pick_for_selection, "Ctrl+L",
                          "Link the selected sentence with one you click in the other pane")
        self.act_unlink = a("&Unlink Pair", self._unlink_selection, "Ctrl+Shift+L",
                            "Remove the selected link: the sentences are not the same claim")
        self.act_restore = a("&Restore Engine's Judgement", self._restore_selection, None,
                             "Forget your link decisions on the selected pair")
        return [self.act_link, self.act_unlink, self.act_restore]

    # ------------------------------------------------------------------ showing
    def _show_links(self, key: str | None) -> None:
        if not key or self.comparison is None or self.model.row_of(key) is None:
            self.links_panel.show_row(None, None, {})
            return
        row = self.model.rows[self.model.row_of(key)]
        pair = self.comparison.pair(key) if is_pair_id(key) else None
        candidates = {sid: self.controller.suggestions_for(sid) for sid in row.a_ids + row.b_ids}
        texts = {cand.sentence_id: self.comparison.sentence(cand.sentence_id).text
                 for found in candidates.values() for cand in found}
        self.links_panel.show_row(pair, self._focus_sentence, candidates, texts)

    def _show_decisions(self) -> None:
        c = self.controller
        self.links_panel.show_decisions(self.comparison, c.corrections, c.unplaced,
                                        c.decision_places())
        self.side_tabs.setTabText(self.side_tabs.indexOf(self.links_panel),
                                  f"Links ({len(c.corrections)})" if c.corrections else "Links")

    # ------------------------------------------------------------------ picking
    def start_link_pick(self, sentence_id: str) -> None:
        """The next sentence clicked in the other pane is linked with this one."""
        self._link_pick = sentence_id
        other = "B" if sentence_id.startswith(self.comparison.a.label) else "A"
        self.statusBar().showMessage(f"Click the sentence of {other} to link with {sentence_id} "
                                     "(click in the same pane to cancel)")

    def _picked(self, sentence_id: str) -> bool:
        """True when this click completed (or cancelled) a pick, so it selects nothing."""
        source, self._link_pick = self._link_pick, None
        if source is None:
            self._focus_sentence = sentence_id
            return False
        if source[:1] == sentence_id[:1]:
            self.statusBar().showMessage("Linking cancelled", 3000)
            return True
        self._focus_sentence = source
        self.controller.link(source, sentence_id)
        self.statusBar().showMessage(f"Linked {source} with {sentence_id}", 5000)
        return True

    # ------------------------------------------------------------------ menu actions
    def _pick_for_selection(self) -> None:
        if self.links_panel.sentence_id:
            self.start_link_pick(self.links_panel.sentence_id)

    def _unlink_selection(self) -> None:
        if self.current_key and is_pair_id(self.current_key):
            self.controller.unlink(self.current_key)

    def _restore_selection(self) -> None:
        if self.current_key and is_pair_id(self.current_key):
            self.controller.restore_engine(self.current_key)
