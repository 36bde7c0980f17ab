"""Table and report rows in reading order: rows only in B sit among the rows they follow."""

from __future__ import annotations

from compare_app.core.models import Status
from compare_app.core.rows import ReviewRow, reading_order


def row(key: str, a: tuple[str, ...] = (), b: tuple[str, ...] = ()) -> ReviewRow:
    status = Status.AGREE if a and b else Status.UNSUPPORTED
    return ReviewRow(key, status, a, b, "", "", None, (), "")


def keys(rows: list[ReviewRow]) -> list[str]:
    return [r.key for r in reading_order(rows)]


def test_b_only_rows_follow_the_pair_of_the_preceding_b_sentence():
    rows = [row("P1", ("A1",), ("B2",)), row("P2", ("A3",), ("B1",)), row("P3", ("A4",), ("B4",)),
            row("A2", a=("A2",)), row("B3", b=("B3",)), row("B5", b=("B5",))]
    # B3 comes after B2's pair P1 and the A-only row that follows it; B5 after B4's pair.
    assert keys(rows) == ["P1", "A2", "B3", "P2", "P3", "B5"]
    assert keys(list(reversed(rows))) == keys(rows)  # deterministic whatever the input order


def test_b_only_rows_before_any_linked_sentence_come_before_the_first_pair():
    rows = [row("B3", b=("B3",)), row("P1", ("A2",), ("B2",)), row("A1", a=("A1",)),
            row("B1", b=("B1",))]
    assert keys(rows) == ["A1", "B1", "P1", "B3"]


def test_a_sentence_in_two_pairs_and_a_pair_with_two_b_sentences():
    rows = [row("P1", ("A1",), ("B1", "B3")), row("P2", ("A2",), ("B5",)),
            row("P3", ("A2",), ("B6",)),
            row("B2", b=("B2",)), row("B4", b=("B4",)), row("B7", b=("B7",))]
    assert keys(rows) == ["P1", "B2", "B4", "P2", "P3", "B7"]


def test_without_pairs_a_rows_come_first():
    assert keys([row("B1", b=("B1",)), row("A1", a=("A1",))]) == ["A1", "B1"]
    assert keys([]) == []


def test_stepping_wraps_past_either_end_and_reports_it():
    from compare_app.core.rows import step_index

    wanted = {1, 4}.__contains__
    assert step_index(6, None, 1, wanted) == (1, False)
    assert step_index(6, None, -1, wanted) == (4, False)
    assert step_index(6, 1, 1, wanted) == (4, False)
    assert step_index(6, 4, 1, wanted) == (1, True)
    assert step_index(6, 1, -1, wanted) == (4, True)
    assert step_index(6, 2, 1, wanted) == (4, False)  # from a row of another status
    assert step_index(6, 4, 1, {4}.__contains__) == (4, True)  # the only one
    assert step_index(6, 0, 1, set().__contains__) is None
    assert step_index(0, None, 1, wanted) is None


def test_a_sentence_without_a_row_steps_on_from_its_place_in_reading_order():
    from compare_app.core.rows import step_start

    rows = reading_order([row("P1", ("A1",), ("B1",)), row("A3", a=("A3",)), row("B2", b=("B2",)),
                          row("B4", b=("B4",))])
    assert [r.key for r in rows] == ["P1", "A3", "B2", "B4"]
    assert step_start(rows, "B3", 1) == 2 and step_start(rows, "B3", -1) == 3  # between B2, B4
    assert step_start(rows, "A2", 1) == 0 and step_start(rows, "A2", -1) == 1  # before A3
    assert step_start(rows, "A9", 1) == 1  # after A's last row, before the B-only rows
