#!/usr/bin/env python3
"""Runs tessera-agent on the host against a pty standing in for the virtio
port, and checks the protocol without a VM.

Usage: agent_pty_test.py PATH_TO_tessera-agent [--slow]
Needs /tmp/.X11-unix/X0 to be absent or a live X server: it listens there
itself for the SessionState check when absent. --slow also checks the 30 s
Exec timeout."""
import os
import pty
import socket
import subprocess
import sys
import tempfile
import time
import tty

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from agent_client import (EXEC, EXEC_RESULT, HELLO, PING, PONG,  # noqa: E402
                          SESSION_STATE, Peer, check)

X0 = "/tmp/.X11-unix/X0"


def main():
    agent = sys.argv[1]
    slow = "--slow" in sys.argv
    xsock = None
    if not os.path.exists(X0):
        os.makedirs(os.path.dirname(X0), exist_ok=True)
        xsock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        xsock.bind(X0)
        xsock.listen(16)
    master, slave = pty.openpty()
    tty.setraw(slave)
    path = os.ttyname(slave)
    proc = subprocess.Popen([agent, "--port", path])
    try:
        peer = Peer(master)
        with tempfile.TemporaryDirectory() as marker_dir:
            check(peer, timeout=10, marker_dir=marker_dir)

        # Oversized Exec output is cut at 16 KiB.
        peer.send(EXEC, "big", "head", "-c", "100000", "/dev/zero")
        r = peer.expect(EXEC_RESULT)
        assert r[1] == b"0" and len(r[2]) == 16384, (r[1], len(r[2]))
        print("Exec output capped at", len(r[2]))

        # Pings are answered while an Exec runs.
        peer.send(EXEC, "sl", "sleep", "2")
        t = time.monotonic()
        peer.send(PING, "during")
        assert peer.expect(PONG) == [b"during"]
        assert time.monotonic() - t < 1.0
        r = peer.expect(EXEC_RESULT)
        assert r[0] == b"sl" and r[1] == b"0", r
        print("Ping answered during Exec")

        # A bad magic drops the connection; the agent reopens and says Hello.
        os.write(master, b"XXXXXXXXXXXX")
        f = peer.expect(HELLO)
        assert f[0] == b"1"
        assert peer.expect(SESSION_STATE) == [b"up"]
        print("reopened after bad magic")

        # Oversized payload likewise.
        os.write(master, b"TA\x03\x00\x01\x00\x01\x00")
        peer.expect(HELLO)
        print("reopened after oversized payload")

        if slow:
            peer.send(EXEC, "to", "sleep", "100")
            t = time.monotonic()
            r = peer.expect(EXEC_RESULT, 40)
            print(f"timeout -> {r[1]} after {time.monotonic() - t:.1f} s")
            assert r[1] == b"137"
        print("pty tests passed")
    finally:
        proc.terminate()
        proc.wait(5)
        if xsock:
            xsock.close()
            os.unlink(X0)


if __name__ == "__main__":
    main()
