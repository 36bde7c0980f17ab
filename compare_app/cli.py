"""Command line: `compare-app compare A B` prints or writes a comparison without any window."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from contextlib import closing
from dataclasses import replace

from . import __version__, pdf_reader
from .cli_progress import TerminalProgress, write_pieces
from .core.atomic import open_atomic
from .core.compare import Progress, compare_files, compare_texts
from .core.loading import InputError
from .core.models import CompareOptions
from .core.report import ReportError, ReportFormatError, ReportInput, format_for, write_report
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


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="compare-app",
        description="Compare two articles or reports claim by claim: what agrees, what diverges, "
                    "what only one source says.")
    parser.add_argument("--version", action="version", version=f"compare-app {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    cmp = sub.add_parser("compare", help="compare two documents headless (default: the bundled samples)",
                         description="Compare two documents (.txt, .md, .html, .docx, .pdf) and print the result.")
    cmp.add_argument("files", nargs="*", metavar="FILE",
                     help="document A and document B, or one .cmpsession file "
                          "(none: the bundled sample pair)")
    cmp.add_argument("--format", choices=("text", "json"), default="text",
                     help="output format (default: text)")
    cmp.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    cmp.add_argument("--threshold", type=_threshold, default=None, metavar="N",
                     help=f"match sensitivity 0-100: lower finds more, looser pairs "
                          f"(default: the session's, else {DEFAULT_THRESHOLD:g})")
    rep = sub.add_parser("report", help="write a report: HTML, PDF, Markdown, CSV or JSON",
                         description="Compare two documents, or reopen a saved session, and write a "
                                     "report. The format comes from the extension of -o or --format.")
    rep.add_argument("files", nargs="*", metavar="FILE",
                     help="document A and document B, or one .cmpsession file "
                          "(none: the bundled sample pair)")
    rep.add_argument("-o", "--output", metavar="FILE", required=True,
                     help="the report file (.html, .pdf, .md, .csv or .json)")
    rep.add_argument("--format", metavar="FORMAT",
                     help="html, pdf, md, csv or json (default: from the extension of -o)")
    rep.add_argument("--threshold", type=_threshold, default=None, metavar="N",
                     help=f"match sensitivity 0-100 (default: the session's, else "
                          f"{DEFAULT_THRESHOLD:g})")
    gui = sub.add_parser("gui", help="open the comparison window (the default command)",
                         description="Open the window on two files, or on the last pair / the samples.")
    gui.add_argument("files", nargs="*", metavar="FILE", help="document A and document B")
    gui.add_argument("--settings", metavar="FILE", help=argparse.SUPPRESS)
    return parser


def run_gui(args: argparse.Namespace) -> int:
    if len(args.files) == 1:
        if not is_session_file(args.files[0]):
            raise InputError(args.files[0], "expected two documents or one session file")
        load_session(args.files[0])  # a broken session is reported here, before any window
    elif args.files and len(args.files) != 2:
        raise InputError(" ".join(args.files), f"expected two files, got {len(args.files)}")
    for path in args.files:
        if not os.path.exists(path):
            raise InputError(path, "no such file")
    from .gui.app import run_gui as start  # Qt only for the window; it checks the display first

    return start(args.files, args.settings)


def _resolve_files(files: Sequence[str]) -> tuple[str, str]:
    if not files:
        a, b = sample_paths()
        return str(a), str(b)
    if len(files) == 1 and not is_session_file(files[0]):
        raise InputError(files[0], "expected two documents or one session file")
    if len(files) != 2:
        raise InputError(" ".join(files), f"expected two files, got {len(files)}")
    for path in files:
        if is_session_file(path):
            raise InputError(path, "is a saved session, not a document; give it alone to "
                                   "reopen it (compare-app compare SESSION)")
    return files[0], files[1]


def _comparison_input(args: argparse.Namespace, progress: Progress | None = None) -> ReportInput:
    """What to show: a session re-run on its own texts with its analyst's work, or two files
    compared (a --threshold given on the command line wins over the session's)."""
    if len(args.files) == 1 and is_session_file(args.files[0]):
        session = load_session(args.files[0])
        options = session.options
        if args.threshold is not None:
            options = replace(options, threshold=args.threshold)
        comparison = compare_texts(session.sources[0], session.sources[1], options,
                                   progress=progress)
        return ReportInput(comparison, session.annotations, dict(session.grades),
                           corrections=session.corrections)
    path_a, path_b = _resolve_files(args.files)
    threshold = DEFAULT_THRESHOLD if args.threshold is None else args.threshold
    return ReportInput(compare_files(path_a, path_b, CompareOptions(threshold=threshold),
                                     progress=progress))


def run_compare(args: argparse.Namespace) -> int:
    with closing(TerminalProgress()) as progress:  # on a terminal only; cleared however it ends
        comparison = _comparison_input(args, progress).comparison
        if args.output:
            progress.show("Writing...")
        else:
            progress.close()  # the result may go to the same terminal
        pieces = iter_json(comparison) if args.format == "json" else [text_report(comparison)]
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
        progress.show("Writing...")
        try:
            write_report(report, args.output, fmt)
        except OSError as err:
            raise OutputError(f"{args.output}: cannot write ({err.strerror or err})") from None
    print(f"wrote {args.output} ({fmt})", file=sys.stderr)
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    pdf_reader.install()  # PDF through Qt's PDF module; Qt is only imported when a PDF is read
    argv = list(sys.argv[1:] if argv is None else argv)
    commands = {"compare", "report", "gui", "-h", "--help", "--version"}
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
    except KeyboardInterrupt:
        print("compare-app: cancelled", file=sys.stderr)
        return 130
    except Exception as err:  # last line of defence: one line, never a traceback
        log.debug("unexpected failure", exc_info=True)
        print(f"compare-app: internal error: {type(err).__name__}: {err}", file=sys.stderr)
        return EXIT_FAILED


if __name__ == "__main__":
    sys.exit(main())
