"""Command line: `compare-app compare A B` prints or writes a comparison without any window."""

from __future__ import annotations

import argparse
import difflib
import logging
import os
import sys
from collections.abc import Sequence
from contextlib import closing
from dataclasses import dataclass, field, replace
from typing import NoReturn

from . import __version__, qt
from .cli_progress import TerminalProgress, write_pieces
from .core.annotations import SourceGrade
from .core.atomic import STDOUT, open_atomic
from .core.claim_notes import resolve_claim_notes
from .core.compare import Progress, compare_files, compare_texts
from .core.loading import InputError, load_document, supported_suffixes
from .core.models import CompareOptions
from .core.multi import MAX_SOURCES, MultiComparison, compare_many
from .core.reports import (
    ReportError,
    ReportFormatError,
    ReportInput,
    format_for,
    write_report,
    writers,
)
from .core.reports.multi import multi_json, multi_text, write_multi_report
from .core.samples import sample_paths
from .core.serialize import iter_json, text_report
from .core.session import SessionError, is_session_file, load_session

log = logging.getLogger(__name__)

EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT = 0, 1, 2
DEFAULT_THRESHOLD = CompareOptions().threshold


class OutputError(Exception):
    """The result could not be written where the user asked."""


def _threshold(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not 0 <= number <= 100:
        raise argparse.ArgumentTypeError("must be between 0 and 100")
    return number


def _either(items: Sequence[str]) -> str:
    """'a, b or c'."""
    return " or ".join(filter(None, (", ".join(items[:-1]), items[-1]))) if items else ""


class OneLineParser(argparse.ArgumentParser):
    """Usage mistakes as one line on stderr (exit 2), not the usage block plus the error."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: error: {' '.join(message.split())} "
                                  f"(see {self.prog.split()[0]} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    """The parser; formats and suffixes come from the reader and writer registries."""
    kinds = writers()
    labels = _either([w.label for w in kinds])
    suffixes = _either([w.suffixes[0] for w in kinds])
    names = _either([w.name for w in kinds])
    readable = ", ".join(supported_suffixes())
    parser = OneLineParser(
        prog="compare-app",
        description="Compare two articles or reports claim by claim: what agrees, what diverges, "
                    "what only one source says.")
    parser.add_argument("--version", action="version", version=f"compare-app {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=OneLineParser)
    cmp = sub.add_parser("compare",
                         help="compare two documents headless (default: the bundled samples)",
                         description=f"Compare two documents ({readable}) and print the result.")
    cmp.add_argument("files", nargs="*", metavar="FILE",
                     help="documents A and B (and C, D, … for a corroboration matrix), or "
                          "one .cmpsession file "
                          "(none: the bundled sample pair)")
    cmp.add_argument("--format", choices=("text", "json"), default="text",
                     help="output format (default: text)")
    cmp.add_argument("-o", "--output", metavar="FILE",
                     help="write to FILE instead of standard output ('-': standard output)")
    cmp.add_argument("--threshold", type=_threshold, default=None, metavar="N",
                     help=f"match sensitivity 0-100: lower finds more, looser pairs "
                          f"(default: the session's, else {DEFAULT_THRESHOLD:g})")
    rep = sub.add_parser("report", help=f"write a report: {labels}",
                         description="Compare two documents, or reopen a saved session, and "
                                     "write a report. The format comes from the extension of "
                                     "-o or --format.")
    rep.add_argument("files", nargs="*", metavar="FILE",
                     help="documents A and B (and C, D, … for a corroboration matrix), or "
                          "one .cmpsession file "
                          "(none: the bundled sample pair)")
    rep.add_argument("-o", "--output", metavar="FILE", required=True,
                     help=f"the report file ({suffixes}; '-': standard output, with --format)")
    rep.add_argument("--format", metavar="FORMAT",
                     help=f"{names} (default: from the extension of -o)")
    rep.add_argument("--threshold", type=_threshold, default=None, metavar="N",
                     help=f"match sensitivity 0-100 (default: the session's, else "
                          f"{DEFAULT_THRESHOLD:g})")
    gui = sub.add_parser("gui", help="open the comparison window (the default command)",
                         description="Open the window on two files, or on the last pair / "
                                     "the samples.")
    gui.add_argument("files", nargs="*", metavar="FILE",
                     help="documents A and B (and more sources), or one session file")
    gui.add_argument("--settings", metavar="FILE", help=argparse.SUPPRESS)
    return parser


_ONE_DOCUMENT = ("only one document given: a comparison needs two documents (A and B), or one "
                 "saved session file")


def run_gui(args: argparse.Namespace) -> int:
    if len(args.files) == 1:
        if not is_session_file(args.files[0]):
            raise InputError(args.files[0], _ONE_DOCUMENT)
        load_session(args.files[0])  # a broken session is reported here, before any window
    elif args.files:
        _resolve_files(args.files)
    for path in args.files:
        if not os.path.exists(path):
            raise InputError(path, "no such file")
    from .gui.app import run_gui as start  # Qt only for the window; it checks the display first

    return start(args.files, args.settings)


def _resolve_files(files: Sequence[str]) -> list[str]:
    """Two or more documents (none: the bundled sample pair)."""
    if not files:
        return [str(p) for p in sample_paths()]
    if len(files) == 1 and not is_session_file(files[0]):
        raise InputError(files[0], _ONE_DOCUMENT)
    if len(files) > MAX_SOURCES:
        raise InputError(f"{files[0]} … {files[-1]}",
                         f"at most {MAX_SOURCES} documents can be compared, got {len(files)}")
    for path in files:
        if is_session_file(path):
            raise InputError(path, "is a saved session, not a document; give it alone to "
                                   "reopen it (compare-app compare SESSION)")
    return list(files)


@dataclass(frozen=True)
class ManySources:
    """Three or more sources: the corroboration matrix and the grades behind it."""

    multi: MultiComparison
    grades: dict[str, SourceGrade]
    notes: dict = field(default_factory=dict)  # the analyst's notes on claims, by claim id


def _comparison_input(args: argparse.Namespace,
                      progress: Progress | None = None) -> ReportInput | ManySources:
    """What to show: a session re-run on its own texts with its analyst's work, or the files
    compared (a --threshold given on the command line wins over the session's)."""
    if len(args.files) == 1 and is_session_file(args.files[0]):
        session = load_session(args.files[0])
        options = session.options
        if args.threshold is not None:
            options = replace(options, threshold=args.threshold)
        if len(session.sources) > 2:
            multi = compare_many(session.sources, options, progress=progress)
            notes = resolve_claim_notes(multi, session.claim_notes).by_key
            return ManySources(multi, dict(session.grades), notes)
        comparison = compare_texts(session.sources[0], session.sources[1], options,
                                   progress=progress)
        return ReportInput(comparison, session.annotations, dict(session.grades),
                           corrections=session.corrections)
    paths = _resolve_files(args.files)
    threshold = DEFAULT_THRESHOLD if args.threshold is None else args.threshold
    options = CompareOptions(threshold=threshold)
    if len(paths) > 2:
        return ManySources(compare_many([load_document(p) for p in paths], options,
                                        progress=progress), {})
    return ReportInput(compare_files(paths[0], paths[1], options, progress=progress))


def run_compare(args: argparse.Namespace) -> int:
    json_out = args.format == "json"
    if args.output == STDOUT:
        args.output = None
    with closing(TerminalProgress()) as progress:  # on a terminal only; cleared however it ends
        given = _comparison_input(args, progress)
        if args.output:
            progress.show("Writing...")
        else:
            progress.close()  # the result may go to the same terminal
        if isinstance(given, ManySources):
            pieces = [multi_json(given.multi, given.grades, given.notes) if json_out
                      else multi_text(given.multi)]
        else:
            pieces = iter_json(given.comparison) if json_out else [text_report(given.comparison)]
        if args.output:
            try:
                with open_atomic(args.output) as fh:
                    write_pieces(pieces, lambda text: fh.write(text.encode("utf-8")))
            except OSError as err:
                raise OutputError(f"{args.output}: cannot write ({err.strerror or err})") from None
        else:
            write_pieces(pieces, sys.stdout.write)
    if args.output:
        print(f"wrote {args.output}", file=sys.stderr)
    return EXIT_OK


def run_report(args: argparse.Namespace) -> int:
    fmt = format_for(args.output, args.format)  # before any work: a bad name fails fast
    with closing(TerminalProgress()) as progress:
        report = _comparison_input(args, progress)
        if args.output == STDOUT:
            progress.close()  # the report goes to the same terminal
        else:
            progress.show("Writing...")
        try:
            if isinstance(report, ManySources):
                write_multi_report(report.multi, args.output, fmt, report.grades, report.notes)
            else:
                write_report(report, args.output, fmt)
        except OSError as err:
            raise OutputError(f"{args.output}: cannot write ({err.strerror or err})") from None
    if args.output != STDOUT:
        print(f"wrote {args.output} ({fmt})", file=sys.stderr)
    return EXIT_OK


_COMMANDS = ("compare", "report", "gui")


def _mistyped_command(word: str) -> str:
    """What to say when the first argument is neither a command nor a file but reads like a
    command ("comapre", "frobnicate"): a bare word with no folder and no suffix; "" otherwise."""
    if word in _COMMANDS or word.startswith("-") or os.path.exists(word) or (
            not word.isascii() or not word.replace("-", "").isalpha()):
        return ""
    near = difflib.get_close_matches(word.lower(), _COMMANDS, n=1, cutoff=0.6)
    hint = f"did you mean '{near[0]}'?" if near else "commands: compare, report, gui"
    return f"'{word}' is not a command or a file; {hint} (see compare-app --help)"


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    qt.install()  # PDF reading and writing through Qt; Qt is imported only when a PDF is used
    argv = list(sys.argv[1:] if argv is None else argv)
    commands = {"compare", "report", "gui", "-h", "--help", "--version"}
    mistyped = _mistyped_command(argv[0]) if argv else ""
    if mistyped:
        print(f"compare-app: error: {mistyped}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if not argv or argv[0] not in commands:
        argv = ["gui", *argv]  # bare `compare-app [A B]` opens the window
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "compare":
            return run_compare(args)
        if args.command == "report":
            return run_report(args)
        if args.command == "gui":
            return run_gui(args)
        parser.print_help()
        return EXIT_BAD_INPUT
    except (InputError, SessionError, ReportFormatError, FileNotFoundError) as err:
        print(f"compare-app: error: {err}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except (ReportError, OutputError) as err:
        print(f"compare-app: error: {err}", file=sys.stderr)
        return EXIT_FAILED
    except OSError as err:
        print(f"compare-app: error: {err.filename or ''}: {err.strerror or err}", file=sys.stderr)
        return EXIT_FAILED
    except (MemoryError, RecursionError) as err:
        what = "out of memory" if isinstance(err, MemoryError) else "input nested too deeply"
        shown = " and ".join(getattr(args, "files", None) or ["the bundled samples"])
        print(f"compare-app: error: {shown}: {what}; try smaller documents", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("compare-app: cancelled", file=sys.stderr)
        return 130
    except Exception as err:  # last line of defence: one line, never a traceback
        log.debug("unexpected failure", exc_info=True)
        detail = " ".join(str(err).split()) or "(no message)"
        print(f"compare-app: internal error: {type(err).__name__}: {detail}", file=sys.stderr)
        return EXIT_FAILED


if __name__ == "__main__":
    sys.exit(main())
