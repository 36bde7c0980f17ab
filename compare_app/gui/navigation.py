"""The window's table selection and moves: select a row, pair or sentence, step to the next of
a status, filter without losing the selection, and keep the two panes level while scrolling."""

from __future__ import annotations

import bisect

from PySide6.QtCore import QItemSelectionModel, QSignalBlocker

from ..core.ids import is_pair_id
from ..core.models import Status
from ..core.rows import step_index, step_start

STEP_NAMES = {Status.DIVERGE: "divergence", Status.UNSUPPORTED: "unsupported claim",
              Status.AGREE: "agreement", Status.RELATED: "related pair"}


class NavigationMixin:
    """Needs the window's comparison, model, proxy, table, panes, gutter, detail and filter
    bar, and the row and anchor indexes `show_comparison` keeps."""

    def _selected_ids(self) -> tuple[str, ...]:
        if not self.current_key or self.model.row_of(self.current_key) is None:
            return ()
        row = self.model.rows[self.model.row_of(self.current_key)]
        return row.a_ids + row.b_ids

    def _row_following(self, ids: tuple[str, ...]) -> str | None:
        """The new row holding the sentences that were selected (pair ids are renumbered)."""
        for sid in ids:
            for row in self.model.rows:
                if sid in row.a_ids or sid in row.b_ids:
                    return row.key
        return None

    def _refilter(self, change, value) -> None:
        """Filter the table without moving the selection: the selected row stays selected while
        it shows, and the panes, details and annotation target stay on it even when hidden."""
        selection = self.table.selectionModel()
        with QSignalBlocker(selection):
            change(value)
            index = self._proxy_index(self.current_key)
            if index.isValid():
                selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                          | QItemSelectionModel.SelectionFlag.Rows)
            else:
                selection.clear()
        self.table.viewport().update()
        if index.isValid():
            self.table.scrollTo(index)

    def _proxy_index(self, key: str | None):
        """The table index of a row key; invalid when the key has no row or the row is hidden."""
        source_row = self.model.row_of(key) if key else None
        row = -1 if source_row is None else source_row
        return self.proxy.mapFromSource(self.model.index(row, 0))

    # ------------------------------------------------------------------ selection
    def select_key(self, key: str) -> None:
        """Select a pair ("P3") or an unsupported sentence ("B12") in the table and the panes."""
        source_row = self.model.row_of(key)
        if source_row is None:
            return
        self.filter_bar.include(self.model.rows[source_row].status)
        proxy_index = self.proxy.mapFromSource(self.model.index(source_row, 0))
        if not proxy_index.isValid():
            self.search.clear()
            proxy_index = self.proxy.mapFromSource(self.model.index(source_row, 0))
        self.table.selectionModel().setCurrentIndex(
            proxy_index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(proxy_index)

    def select_pair(self, pair_id: str) -> None:
        self.select_key(pair_id)

    def select_sentence(self, sentence_id: str) -> None:
        if not self.comparison or self._picked(sentence_id):
            return
        key = self._pair_of.get(sentence_id)
        if key is None and self.comparison.statuses.get(sentence_id) is Status.UNSUPPORTED:
            key = sentence_id
        if key:
            self.select_key(key)
        else:
            s = self.comparison.sentence(sentence_id)
            self._step_from = sentence_id  # F8/F9 go on from here
            self.statusBar().showMessage(
                f"{sentence_id} is excluded from matching ({s.kind.value})",
                                         5000)

    def _on_row_changed(self, current, _previous) -> None:
        key = self.proxy.key_at(current.row()) if current.isValid() else None
        self.current_key = key
        self._step_from = None
        if not self.comparison or not key:
            return
        row = self.model.rows[self.model.row_of(key)]
        self._syncing = True
        try:
            self.pane_a.view.emphasise(list(row.a_ids), scroll=bool(row.a_ids))
            self.pane_b.view.emphasise(list(row.b_ids), scroll=bool(row.b_ids))
        finally:
            self._syncing = False
        self.gutter.set_selected(key if is_pair_id(key) else None)
        self.detail.show_key(self.comparison, key)
        self._show_annotation(key)
        self._show_links(key)

    def step(self, status: Status | None, direction: int) -> None:
        """Select the next/previous row of a status (or pair) in reading order from the selected
        row, whatever its status; past the last one it wraps to the first, and says so."""
        rows = self.model.rows
        what = STEP_NAMES.get(status, "pair")
        if status is not None:
            self.filter_bar.include(status)

        def wanted(i: int) -> bool:
            if status is not None:
                return rows[i].status is status
            is_pair = bool(rows[i].a_ids and rows[i].b_ids)
            return is_pair and self._proxy_index(rows[i].key).isValid()

        start = self.model.row_of(self.current_key) if self.current_key else None
        if self._step_from is not None:
            start = step_start(rows, self._step_from, direction)
        found = step_index(len(rows), start, direction, wanted)
        if found is None:
            self.statusBar().showMessage(f"No {what} to go to.", 4000)
            return
        index, wrapped = found
        self.select_key(rows[index].key)
        if index == start:
            self.statusBar().showMessage(f"This is the only {what}.", 4000)
        elif wrapped:
            end = "first" if direction > 0 else "last"
            self.statusBar().showMessage(f"Wrapped to the {end} {what}.", 4000)
        else:  # where it is among them (and no message left from another step)
            counted = wanted
            if status is None:  # a pair's visibility asks the filter, row by row: too slow to
                if self.proxy.rowCount() != len(rows):  # count on every key press when some
                    self.statusBar().clearMessage()  # rows are hidden
                    return
                counted = lambda i: bool(rows[i].a_ids and rows[i].b_ids)  # noqa: E731
            before = sum(1 for i in range(index) if counted(i))
            total = before + 1 + sum(1 for i in range(index + 1, len(rows)) if counted(i))
            self.statusBar().showMessage(f"{what[0].upper()}{what[1:]} {before + 1} of {total}.",
                                         4000)

    # ------------------------------------------------------------------ scrolling
    def _sync_scroll(self, side: str) -> None:
        """Keep aligned pairs level: the pair nearest the top third of the scrolled pane is
        brought to the same height in the other pane."""
        if self._syncing or not self.comparison:
            return
        src = self.pane_a.view if side == "A" else self.pane_b.view
        dst = self.pane_b.view if side == "A" else self.pane_a.view
        starts, ids = self._anchors.get(side, ([], []))
        if not starts:
            return
        y = src.viewport().height() // 3
        top, _ = src.visible_range()
        mid = src.from_qt(src.cursorForPosition(src.viewport().rect().center()).position())
        i = max(0, bisect.bisect_right(starts, (top + mid) // 2) - 1)
        sentence = self.comparison.sentence(ids[i])
        pair = self._pairs[self._pair_of[sentence.id]]
        partner = pair.b[0] if side == "A" else pair.a[0]
        y = src.y_range(sentence.start, sentence.end)[0]
        self._syncing = True
        try:
            dst.scroll_to_offset(self.comparison.sentence(partner).start, at_y=y)
        finally:
            self._syncing = False
        self.gutter.update()
