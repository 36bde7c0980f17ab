"""Before Qt starts on Linux: can any platform plugin open a window here?

Qt aborts (exit 134, ten lines of plugin messages) when neither Wayland nor X11 works: a stale
WAYLAND_DISPLAY, no DISPLAY, a DISPLAY no X server answers on (a closed ssh session's, a stopped
Xvfb's), or the X11 plugin's system libraries missing (libxcb-cursor0 since Qt 6.5). This module
mirrors Qt's choice of plugin and says in one line what is wrong and what to install. It never
imports Qt, so the check runs before Qt is loaded."""

from __future__ import annotations

import ctypes
import logging
import os
import socket
import sys
import time
from collections.abc import Callable, Mapping
from pathlib import Path

log = logging.getLogger(__name__)

# What Qt's xcb plugin (libqxcb.so and libQt6XcbQpa.so.6) links outside the PySide6 wheel, with the
# Debian/Ubuntu package of each; checked against `readelf -d` of the installed plugin by a test.
XCB_LIBRARIES = {
    "libxcb.so.1": "libxcb1", "libX11.so.6": "libx11-6", "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0", "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0", "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0", "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0", "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0", "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1", "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1", "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0", "libGL.so.1": "libgl1",
    "libglib-2.0.so.0": "libglib2.0-0", "libgthread-2.0.so.0": "libglib2.0-0",
}
# Likewise for the wayland plugin (libqwayland.so and libQt6WaylandClient.so.6).
WAYLAND_LIBRARIES = {
    "libwayland-client.so.0": "libwayland-client0", "libwayland-cursor.so.0": "libwayland-cursor0",
    "libxkbcommon.so.0": "libxkbcommon0", "libGL.so.1": "libgl1",
}
TEXT_INSTEAD = "'compare-app compare A B' for a text comparison"

Problem = tuple[str, list[str]]  # what is wrong, and the packages that would fix it


def can_load(soname: str) -> bool:
    """Whether the dynamic loader finds a library, as it will when Qt loads its plugin."""
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def platform_candidates(env: Mapping[str, str]) -> list[str]:
    """The plugins Qt will try, in order (QGuiApplication's rule for Linux)."""
    if env.get("QT_QPA_PLATFORM"):
        return [p for p in env["QT_QPA_PLATFORM"].split(";") if p]
    order = ["xcb"] if env.get("DISPLAY") else []
    if env.get("WAYLAND_DISPLAY") or env.get("XDG_SESSION_TYPE") == "wayland":
        order.insert(0, "wayland")
    return order if "xcb" in order else [*order, "xcb"]  # xcb is the wheel's default


def _missing(libraries: Mapping[str, str], loadable: Callable[[str], bool]) -> Problem:
    names = [name for name in libraries if not loadable(name)]
    return ", ".join(names), sorted({libraries[n] for n in names})


def _wayland_problem(env: Mapping[str, str], loadable: Callable[[str], bool],
                     exists: Callable[[str], bool]) -> Problem | None:
    name = env.get("WAYLAND_DISPLAY") or "wayland-0"
    said = f"WAYLAND_DISPLAY={name}" if env.get("WAYLAND_DISPLAY") else "XDG_SESSION_TYPE=wayland"
    runtime = env.get("XDG_RUNTIME_DIR", "")
    if not Path(name).is_absolute() and not runtime:
        return f"{said} but XDG_RUNTIME_DIR is not set", []
    socket = name if Path(name).is_absolute() else str(Path(runtime) / name)
    if not exists(socket):
        return f"{said} is stale (no socket {socket})", []
    libs, packages = _missing(WAYLAND_LIBRARIES, loadable)
    return (f"Qt's Wayland plugin cannot load {libs}", packages) if libs else None


X_SOCKETS = "/tmp/.X11-unix"
X_TIMEOUT = 2.0  # seconds, in all, to wait for an X server to accept a connection


def x_server_answers(display: str, sockets: str = X_SOCKETS) -> bool:
    """Whether something accepts connections where DISPLAY points, tried as libxcb tries:
    "[protocol/][host]:N[.S]"; no host: the server's local socket (abstract, then in `sockets`),
    then TCP on localhost; a host (a name, an address, "[::1]"): TCP port 6000+N. A full queue
    counts as an answer (the server is there). A DISPLAY of another form is left to Qt."""
    head, _, number = display.rpartition(":")
    number = number.split(".")[0]
    if not number.isdigit() or display.startswith("/"):  # a socket path (XQuartz) or another form
        return True
    protocol, _, host = head.rpartition("/")
    host = host.strip("[]")
    deadline = time.monotonic() + X_TIMEOUT
    if protocol in ("", "unix") and host in ("", "unix"):
        path = f"{sockets}/X{number}"
        for address in ("\0" + path, path):  # Linux servers listen on both
            if _answers(socket.AF_UNIX, address, deadline):
                return True
        if protocol == "unix" or host == "unix":
            return False
        host = "localhost"  # libxcb's fallback for ":N"
    try:
        found = socket.getaddrinfo(host, 6000 + int(number), type=socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        return False
    return any(_answers(family, address, deadline) for family, _, _, _, address in found)


def _answers(family: int, address: object, deadline: float) -> bool:
    left = deadline - time.monotonic()
    if left <= 0:
        return False
    try:
        with socket.socket(family, socket.SOCK_STREAM) as s:
            s.settimeout(left)
            s.connect(address)
    except BlockingIOError:
        return True  # a full backlog: the server is there, only busy
    except OSError:
        return False
    return True


def _xcb_problem(env: Mapping[str, str], loadable: Callable[[str], bool],
                 answers: Callable[[str], bool]) -> Problem | None:
    libs, packages = _missing(XCB_LIBRARIES, loadable)
    display = env.get("DISPLAY")
    if not display:
        return "DISPLAY is not set", packages
    if libs:
        return f"Qt's X11 plugin cannot load {libs}", packages
    if not answers(display):
        return f"no X server answers on DISPLAY={display}", []
    return None


def display_problem(env: Mapping[str, str] | None = None, *, system: str | None = None,
                    loadable: Callable[[str], bool] = can_load,
                    exists: Callable[[str], bool] = os.path.exists,
                    answers: Callable[[str], bool] = x_server_answers) -> str | None:
    """One line saying why no window can open here and what would fix it; None when one can (or
    when the platform is not Linux, or Qt is told to use a plugin this check does not know)."""
    env = os.environ if env is None else env
    if not (system or sys.platform).startswith("linux"):
        return None
    reasons: list[str] = []
    packages: list[str] = []
    for platform in platform_candidates(env):
        base = platform.split(":")[0]
        if base.startswith("wayland"):
            problem = _wayland_problem(env, loadable, exists)
        elif base == "xcb":
            problem = _xcb_problem(env, loadable, answers)
        else:
            return None  # offscreen, vnc, eglfs…: nothing to check here
        if problem is None:
            return None
        reasons.append(problem[0])
        packages += [p for p in problem[1] if p not in packages]
    what = f"cannot open a window: {' and '.join(reasons)}"
    if packages:
        return f"{what}; install the libraries Qt needs: sudo apt-get install {' '.join(packages)}"
    return (f"{what}; run it in a desktop session (or set DISPLAY, or QT_QPA_PLATFORM to a "
            f"working platform), or use {TEXT_INSTEAD}")
