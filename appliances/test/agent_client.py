#!/usr/bin/env python3
"""Minimal host side of docs/agent-protocol.md, for testing tessera-agent.

Usage: agent_client.py SOCKET [--shutdown] [--timeout S]
       agent_client.py SOCKET --exec COMMAND [ARG...]
SOCKET is the host end of the agent port, e.g. a libvirt
<channel type='unix'> socket bound to the guest's org.tessera.agent.0.
Checks Hello, SessionState up, Ping/Pong and Exec; with --shutdown also sends
Shutdown and waits for the guest to close the port."""
import argparse
import os
import socket
import struct
import sys
import time

MAGIC = 0x4154
HELLO, SESSION_STATE, PING, PONG, EXEC, EXEC_RESULT, SHUTDOWN = range(1, 8)
NAMES = {1: "Hello", 2: "SessionState", 3: "Ping", 4: "Pong", 5: "Exec",
         6: "ExecResult", 7: "Shutdown"}


def encode(mtype, *fields):
    body = b"".join(struct.pack("<I", len(f)) + f for f in
                    (x.encode() if isinstance(x, str) else x for x in fields))
    return struct.pack("<HHI", MAGIC, mtype, len(body)) + body


class Peer:
    """Frames over a file descriptor (socket or pty)."""

    def __init__(self, fd):
        self.fd = fd
        self.buf = b""

    def send(self, mtype, *fields):
        os.write(self.fd, encode(mtype, *fields))

    def recv(self, timeout):
        deadline = time.monotonic() + timeout
        while True:
            if len(self.buf) >= 8:
                magic, mtype, plen = struct.unpack("<HHI", self.buf[:8])
                if magic != MAGIC or plen > 65536:
                    raise RuntimeError("protocol error from guest")
                if len(self.buf) >= 8 + plen:
                    body, self.buf = self.buf[8:8 + plen], self.buf[8 + plen:]
                    fields = []
                    while body:
                        (n,) = struct.unpack("<I", body[:4])
                        fields.append(body[4:4 + n])
                        body = body[4 + n:]
                    return mtype, fields
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("no message from guest")
            import select
            r, _, _ = select.select([self.fd], [], [], left)
            if r:
                data = os.read(self.fd, 65536)
                if not data:
                    raise EOFError("port closed")
                self.buf += data

    def expect(self, mtype, timeout=10.0):
        while True:
            t, f = self.recv(timeout)
            if t == mtype:
                return f
            print(f"  (skipping {NAMES.get(t, t)} {f!r})")


def check(peer, shutdown=False, timeout=60.0, marker_dir="/var/tmp"):
    t0 = time.monotonic()
    hello = peer.expect(HELLO, timeout)
    print(f"Hello {[x.decode() for x in hello]} after {time.monotonic() - t0:.2f} s")
    peer.send(HELLO, "1", "agent_client.py")
    while True:
        (state,) = peer.expect(SESSION_STATE, timeout)
        print(f"SessionState {state.decode()} after {time.monotonic() - t0:.2f} s")
        if state == b"up":
            break
    t1 = time.monotonic()
    peer.send(PING, "tok-1")
    assert peer.expect(PONG) == [b"tok-1"]
    print(f"Ping/Pong round trip {1000 * (time.monotonic() - t1):.1f} ms")
    peer.send(EXEC, "e1", "touch", marker_dir + "/marker")
    r = peer.expect(EXEC_RESULT, 40)
    print(f"Exec touch -> {[x.decode() for x in r]}")
    assert r[0] == b"e1" and r[1] == b"0", r
    peer.send(EXEC, "e2", "ls", marker_dir)
    r = peer.expect(EXEC_RESULT, 40)
    print(f"Exec ls -> {[x.decode() for x in r]}")
    assert r[1] == b"0" and b"marker" in r[2].split(), r
    peer.send(EXEC, "e3", "/nonexistent/cmd")
    r = peer.expect(EXEC_RESULT, 40)
    print(f"Exec missing -> {[x.decode() for x in r]}")
    assert r[1] == b"-1", r
    if shutdown:
        t2 = time.monotonic()
        peer.send(SHUTDOWN)
        try:
            while True:
                peer.recv(60)
        except (EOFError, OSError):
            pass
        print(f"port closed {time.monotonic() - t2:.2f} s after Shutdown")
    print("agent checks passed")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("socket")
    ap.add_argument("--shutdown", action="store_true")
    ap.add_argument("--timeout", type=float, default=120.0)
    ap.add_argument("--exec", nargs=argparse.REMAINDER, dest="command",
                    help="only run this command in the guest and print its result")
    a = ap.parse_args()
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    deadline = time.monotonic() + a.timeout
    while True:
        try:
            s.connect(a.socket)
            break
        except (FileNotFoundError, ConnectionRefusedError):
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)
    peer = Peer(s.fileno())
    if a.command:
        peer.expect(HELLO, a.timeout)
        peer.send(HELLO, "1", "agent_client.py")
        peer.send(EXEC, "x", *a.command)
        r = peer.expect(EXEC_RESULT, 60)
        sys.stdout.write(r[2].decode(errors="replace"))
        return 0 if r[1] == b"0" else 1
    check(peer, a.shutdown, a.timeout)


if __name__ == "__main__":
    sys.exit(main())
