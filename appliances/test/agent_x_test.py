#!/usr/bin/env python3
"""Runs tessera-agent on the host against a pty standing in for the virtio
port and a private Xvfb :0, and checks the window icon and urgency reports of
protocol 1.2 without a VM: the icon image chosen from _NET_WM_ICON (nearest
48 px, at most 128 a side, halved to at most 12288 pixels), properties that lie
about their sizes, WM_HINTS urgency and the EWMH demands-attention request, and
that a 1.1 host gets no WindowIcon.

Usage: agent_x_test.py PATH_TO_tessera-agent
Needs root (it runs itself in new mount and network namespaces, so its X
display :0 and its sockets collide with nothing) and Xvfb. Guest-side icons are
set with a few lines of raw X11 protocol (no xprop: its -set stops at 64 items)."""
import os
import pty
import socket
import struct
import subprocess
import sys
import time
import tty

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from agent_client import HELLO, SESSION_STATE, Peer  # noqa: E402

WINDOW_UPDATE, WINDOW_ICON = 16, 19
URGENT = 4


class X:
    """Just enough of the X11 protocol to set a property (no auth: a private Xvfb)."""

    def __init__(self):
        self.s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.s.connect("/tmp/.X11-unix/X0")
        self.s.sendall(struct.pack("<BxHHHHxx", ord("l"), 11, 0, 0, 0))
        head = self.read(8)
        assert head[0] == 1, "X connection refused"
        self.read(struct.unpack("<H", head[6:8])[0] * 4)

    def read(self, n):
        data = b""
        while len(data) < n:
            chunk = self.s.recv(n - len(data))
            assert chunk, "X connection closed"
            data += chunk
        return data

    def reply(self):
        r = self.read(32)
        assert r[0] == 1, f"X error {r[1]}"
        return r + self.read(struct.unpack("<I", r[4:8])[0] * 4)

    def atom(self, name):
        n = name.encode()
        self.s.sendall(struct.pack("<BBHHxx", 16, 0, 2 + (len(n) + 3) // 4, len(n)) + n + b"\0" * (-len(n) % 4))
        return struct.unpack("<I", self.reply()[8:12])[0]

    def set_cardinals(self, window, prop, values):
        data = b"".join(struct.pack("<I", v & 0xFFFFFFFF) for v in values)
        self.s.sendall(struct.pack("<BBHIIIB3xI", 18, 0, 6 + len(values), window, prop, 6, 32, len(values)) + data)
        self.s.sendall(struct.pack("<BxH", 43, 1))  # GetInputFocus: a round trip
        self.reply()


def main():
    agent = sys.argv[1]
    if os.environ.get("AGENT_X_TEST_INSIDE") != "1":
        if os.geteuid() != 0:
            print("SKIP: needs root for its own namespaces")
            return
        os.environ["AGENT_X_TEST_INSIDE"] = "1"
        sh = "mount -t tmpfs tmpfs /tmp/.X11-unix && exec \"$0\" \"$@\""
        os.execvp("unshare", ["unshare", "-mn", "sh", "-c", sh, sys.executable, *sys.argv])
    os.makedirs("/tmp/.X11-unix", exist_ok=True)
    xvfb = subprocess.Popen(["Xvfb", ":0", "-nolisten", "tcp", "-screen", "0", "800x600x24"], stderr=subprocess.DEVNULL)
    env = dict(os.environ, DISPLAY=":0")
    master, slave = pty.openpty()
    tty.setraw(slave)
    proc = None
    try:
        deadline = time.monotonic() + 20
        while not os.path.exists("/tmp/.X11-unix/X0"):
            assert time.monotonic() < deadline, "Xvfb did not start"
            time.sleep(0.05)
        proc = subprocess.Popen([agent, "--port", os.ttyname(slave)], env=env)
        peer = Peer(master)

        def upto(mtype, pred, timeout=10):
            end = time.monotonic() + timeout
            while True:
                t, f = peer.recv(end - time.monotonic())
                if t == mtype and pred(f):
                    return f

        hello = peer.expect(HELLO)
        assert hello[2] == b"2", hello
        peer.send(HELLO, "1", "agent_x_test.py", "2")
        upto(SESSION_STATE, lambda f: f == [b"up"], 20)
        wid = subprocess.check_output([agent, "--window", "10", "10", "100", "80", "icon test"], env=env).strip()
        f = upto(WINDOW_ICON, lambda f: f[0] == wid)
        # The 48 px image of 16/48/128, pixels little-endian 0xAARRGGBB.
        assert (f[1], f[2], len(f[3])) == (b"48", b"48", 48 * 48 * 4), f[:3]
        assert struct.unpack_from("<I", f[3], (24 * 48 + 5) * 4)[0] == 0xFFE67E22
        assert struct.unpack_from("<I", f[3], (24 * 48 + 40) * 4)[0] == 0xFF1E90FF
        print("--window: 48x48 chosen of 16, 48, 128; pixels as set")

        x = X()
        icon = x.atom("_NET_WM_ICON")

        def sizes(*images, lie=None):
            values = []
            for w, h in images:
                values += [w, h] + [0xFF00FF00] * (w * h)
            if lie:
                values += list(lie)  # sizes with no pixels behind them
            x.set_cardinals(int(wid), icon, values)
            g = upto(WINDOW_ICON, lambda f: f[0] == wid)
            assert len(g) == 4 and len(g[3]) == int(g[1]) * int(g[2]) * 4, g[:3]
            return int(g[1]), int(g[2])

        cases = [
            (((120, 110),), None, (60, 55), "120x110 halved to fit 12288 pixels"),
            (((128, 128),), None, (64, 64), "128x128 halved"),
            (((300, 1), (16, 16), (64, 64), (32, 32)), None, (64, 64), "over 128 skipped; tie 32/64 -> 64"),
            (((16, 16), (40, 56), (129, 2)), None, (40, 56), "non-square nearest 48"),
            (((16, 16),), (100000, 100000), (16, 16), "a later image lying about its size is ignored"),
            ((), (4294967295, 4294967295), (0, 0), "only a lie: no icon"),
            (((16, 16),), None, (16, 16), "icon again"),
            ((), (0, 0), (0, 0), "0x0: no icon"),
        ]
        for images, lie, want, what in cases:
            got = sizes(*images, lie=lie)
            assert got == want, (what, got, want)
            print(f"_NET_WM_ICON {what}: {got[0]}x{got[1]}")

        for option in ("--urgent", "--attention"):
            subprocess.check_call([agent, option, wid, "1"], env=env)
            assert int(upto(WINDOW_UPDATE, lambda f: f[0] == wid and int(f[1]) & URGENT)[1]) & URGENT
            subprocess.check_call([agent, option, wid, "0"], env=env)
            assert not int(upto(WINDOW_UPDATE, lambda f: f[0] == wid and not int(f[1]) & URGENT)[1]) & URGENT
            print(f"{option}: urgent flag set and cleared")

        # A new host that speaks 1.1: the agent greets it again, with no WindowIcon.
        x.set_cardinals(int(wid), icon, [2, 2, 1, 2, 3, 4])
        upto(WINDOW_ICON, lambda f: f[0] == wid)
        peer.send(HELLO, "1", "old-host", "1")
        peer.expect(HELLO)
        end = time.monotonic() + 3
        while time.monotonic() < end:
            try:
                t, f = peer.recv(end - time.monotonic())
            except TimeoutError:
                break
            assert t != WINDOW_ICON, "a 1.1 host got a WindowIcon"
        print("a 1.1 host gets no WindowIcon")
        print("OK")
    finally:
        if proc:
            proc.terminate()
            proc.wait(5)
        xvfb.terminate()
        xvfb.wait(5)


if __name__ == "__main__":
    main()
