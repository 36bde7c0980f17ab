"""Start-up on Linux: a display that cannot work is reported in one line before Qt aborts."""

from __future__ import annotations

import importlib.util
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from compare_app.gui.display_check import (
    WAYLAND_LIBRARIES,
    XCB_LIBRARIES,
    display_problem,
    platform_candidates,
    x_server_answers,
)

ALL_THERE = {"loadable": lambda name: True, "system": "linux", "answers": lambda display: True}


def test_plugins_are_tried_in_qts_order():
    assert platform_candidates({}) == ["xcb"]
    assert platform_candidates({"DISPLAY": ":0"}) == ["xcb"]
    both = {"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"}
    assert platform_candidates(both) == ["wayland", "xcb"]
    assert platform_candidates({"XDG_SESSION_TYPE": "wayland"}) == ["wayland", "xcb"]
    told = {"QT_QPA_PLATFORM": "wayland;xcb", "DISPLAY": ":0"}
    assert platform_candidates(told) == ["wayland", "xcb"]


def test_a_stale_wayland_display_without_x11_is_one_line_naming_both():
    env = {"WAYLAND_DISPLAY": "wayland-9", "XDG_RUNTIME_DIR": "/run/user/1000"}
    message = display_problem(env, exists=lambda path: False, **ALL_THERE)
    assert "WAYLAND_DISPLAY=wayland-9 is stale (no socket /run/user/1000/wayland-9)" in message
    assert "DISPLAY is not set" in message and "compare-app compare A B" in message
    assert "\n" not in message


def test_a_live_wayland_socket_or_an_x11_display_is_fine():
    env = {"WAYLAND_DISPLAY": "wayland-0", "XDG_RUNTIME_DIR": "/run/user/1000"}
    assert display_problem(env, exists=lambda path: path == "/run/user/1000/wayland-0",
                           **ALL_THERE) is None
    stale_but_x11 = {**env, "DISPLAY": ":0"}
    assert display_problem(stale_but_x11, exists=lambda path: False, **ALL_THERE) is None


def test_missing_x11_libraries_are_named_with_the_packages_to_install():
    message = display_problem({"DISPLAY": ":0"}, system="linux",
                              loadable=lambda name: name not in ("libxcb-cursor.so.0",
                                                                 "libxcb-icccm.so.4"))
    assert "cannot load libxcb-cursor.so.0, libxcb-icccm.so.4" in message
    assert message.endswith("sudo apt-get install libxcb-cursor0 libxcb-icccm4")


def test_other_platforms_and_systems_are_left_to_qt():
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}, **ALL_THERE) is None
    assert display_problem({}, system="darwin", loadable=lambda name: False) is None
    assert "DISPLAY is not set" in display_problem({"QT_QPA_PLATFORM": "xcb"}, **ALL_THERE)


def _needed(library: Path) -> set[str]:
    out = subprocess.run(["readelf", "-d", str(library)], check=True, capture_output=True,
                         text=True).stdout
    return {line.split("[", 1)[1].rstrip("]") for line in out.splitlines() if "(NEEDED)" in line}


@pytest.mark.skipif(not shutil.which("readelf"), reason="needs readelf")
def test_the_library_tables_cover_what_the_installed_plugins_link():
    qt = Path(importlib.util.find_spec("PySide6").submodule_search_locations[0]) / "Qt"
    base = {"libstdc++.so.6", "libm.so.6", "libgcc_s.so.1", "libc.so.6"}
    for table, plugin, qpa in ((XCB_LIBRARIES, "libqxcb.so", "libQt6XcbQpa.so.6"),
                               (WAYLAND_LIBRARIES, "libqwayland.so", "libQt6WaylandClient.so.6")):
        files = [qt / "plugins" / "platforms" / plugin, qt / "lib" / qpa]
        if not all(f.exists() for f in files):
            pytest.skip("this PySide6 has no such plugin")
        needed = set().union(*map(_needed, files))
        system = {n for n in needed if not n.startswith("libQt6")} - base
        assert system <= set(table), system - set(table)


def test_the_command_with_a_stale_wayland_display_exits_2_with_one_line(tmp_path):
    env = {k: v for k, v in os.environ.items()
           if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY", "XDG_SESSION_TYPE")}
    env.update(WAYLAND_DISPLAY="wayland-stale", XDG_RUNTIME_DIR=str(tmp_path),
               COMPARE_APP_SETTINGS=str(tmp_path / "settings.ini"))
    done = subprocess.run([sys.executable, "-m", "compare_app"], check=False, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in done.stderr
    assert lines[0].startswith("compare-app: error: cannot open a window: WAYLAND_DISPLAY=")


def test_a_display_no_x_server_answers_on_is_named():
    message = display_problem({"DISPLAY": "localhost:77"}, loadable=lambda name: True,
                              system="linux", answers=lambda display: False)
    assert "no X server answers on DISPLAY=localhost:77" in message
    assert "compare-app compare A B" in message and "apt-get" not in message


def test_an_x_server_is_found_by_its_socket_or_its_port(tmp_path):
    folder = tmp_path / "x11"
    folder.mkdir()
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
        server.bind(str(folder / "X42"))
        server.listen(1)
        assert x_server_answers(":42", sockets=str(folder))
        assert x_server_answers("unix:42.0", sockets=str(folder))
        assert not x_server_answers(":43", sockets=str(folder))
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        port = server.getsockname()[1]
        if port >= 6000:
            assert x_server_answers(f"127.0.0.1:{port - 6000}")
    assert x_server_answers("odd-form")  # left to Qt


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the check runs on Linux")
def test_the_command_with_a_display_nobody_serves_exits_2_with_one_line(tmp_path):
    env = {k: v for k, v in os.environ.items()
           if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY", "XDG_SESSION_TYPE")}
    env.update(DISPLAY="127.0.0.1:1", COMPARE_APP_SETTINGS=str(tmp_path / "settings.ini"))
    if x_server_answers(env["DISPLAY"]):
        pytest.skip("something listens on port 6001 here")
    done = subprocess.run([sys.executable, "-m", "compare_app"], check=False, env=env,
                          capture_output=True, text=True, timeout=120)
    lines = done.stderr.strip().splitlines()
    assert done.returncode == 2, done.stderr
    assert len(lines) == 1 and "Traceback" not in done.stderr
    assert "no X server answers on DISPLAY=127.0.0.1:1" in lines[0] or "cannot load" in lines[0]


def _listening(family: int, address: tuple) -> socket.socket | None:
    try:
        server = socket.socket(family, socket.SOCK_STREAM)
        server.bind(address)
        server.listen(1)
    except OSError:
        return None
    return server


@pytest.mark.parametrize("display", [":{n}", "tcp/localhost:{n}", "localhost:{n}.0"])
def test_a_tcp_only_server_answers_as_libxcb_finds_it(tmp_path, display):
    for n in range(91, 99):  # a free display number; ":N" falls back to TCP on localhost
        server = _listening(socket.AF_INET, ("127.0.0.1", 6000 + n))
        if server is not None:
            break
    else:
        pytest.skip("no free port 6091-6098")
    with server:
        assert x_server_answers(display.format(n=n), sockets=str(tmp_path))
    assert not x_server_answers(f"unix/:{n}", sockets=str(tmp_path))  # the socket only


def test_an_ipv6_display_in_brackets_is_found(tmp_path):
    server = _listening(socket.AF_INET6, ("::1", 6099))
    if server is None:
        pytest.skip("no IPv6 loopback here, or the port is taken")
    with server:
        assert x_server_answers("[::1]:99", sockets=str(tmp_path))
        assert x_server_answers("inet6/[::1]:99", sockets=str(tmp_path))


def test_a_socket_path_display_is_left_to_qt():
    assert x_server_answers("/private/tmp/com.apple.launchd.x/org.xquartz:0")
