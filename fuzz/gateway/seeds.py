#!/usr/bin/env python3
"""Writes seed inputs for fuzz-gateway: a piece-size byte, then gateway frames
(docs/gateway-protocol.md) as a guest's proxy sends them."""
import os
import struct
import sys


def frame(ftype, stream, payload=b""):
    return struct.pack(">BII", ftype, stream, len(payload)) + payload


def hello():
    return frame(1, 0, b"TSGW" + struct.pack(">H", 1))


def open_(stream, host, port):
    return frame(2, stream, struct.pack(">HB", port, len(host)) + host)


out = sys.argv[1]
seeds = {
    "session": b"\x07" + hello() + open_(1, b"127.0.0.1", 8000) + frame(5, 1, b"GET / HTTP/1.0\r\n\r\n")
               + frame(7, 1, struct.pack(">I", 65536)) + frame(6, 1),
    "names": b"\x00" + hello() + open_(2, b"example.org", 443) + open_(3, b"Example.ORG.", 443)
             + open_(4, b"::1", 22) + open_(5, b"a" * 253, 1),
    "big": b"\xff" + hello() + open_(1, b"10.0.0.1", 80) + frame(5, 1, b"x" * 16384),
    "bad": b"\x03" + hello() + frame(2, 1, b"\x00\x50\x09a.b") + frame(99, 1),
    "oversized": b"\x10" + struct.pack(">BII", 5, 1, 16385),
    "refused": b"\x01" + frame(4, 1, b"\x01no rule") + frame(3, 1) + frame(6, 1, b"x"),
}
for name, data in seeds.items():
    with open(os.path.join(out, "seed-" + name), "wb") as f:
        f.write(data)
