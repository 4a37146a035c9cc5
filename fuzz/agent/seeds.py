#!/usr/bin/env python3
"""Writes seed inputs for fuzz-agent: frames of window messages (types 16-18),
clipboard answers (type 9) and window icons (type 19)."""
import os
import struct
import sys


def frame(mtype, *fields):
    body = b"".join(struct.pack("<I", len(f)) + f for f in fields)
    return struct.pack("<HHI", 0x4154, mtype, len(body)) + body


def update(wid, flags, x, y, w, h, tr=0, title=b"Terminal", cls=b"XTerm"):
    return frame(16, *(str(v).encode() for v in (wid, flags, x, y, w, h, tr)), title, cls)


out = sys.argv[1]
seeds = {
    "one": update(4194317, 1, 0, 0, 484, 316) + frame(18, b"4194317"),
    "menu": update(10, 1, 0, 0, 500, 300) + update(11, 3, 20, 20, 100, 200, 10, b"menu")
            + frame(18, b"10 11") + frame(17, b"10"),
    "cover": update(5, 3, 0, 0, 1024, 768, 0, b"\xe2\x80\xaeevil\xff"),
    "many": b"".join(update(i, 1, i, i, 10, 10) for i in range(1, 300)),
    "clip": frame(9, b"1", b"ok", b"hello\r\n\x1b[31mworld\t\xc2\x9b") + frame(9, b"2", b"empty", b"")
            + frame(9, b"3", b"toolarge", b"61441") + frame(9, b"4", b"error", b"no owner"),
    "clipbad": frame(9, b"5", b"ok", b"\xff\xfe") + frame(9, b"6", b"ok", b"x" * 61441),
    "icon": update(7, 1, 0, 0, 100, 80) + frame(19, b"7", b"2", b"1", b"\x00\x00\xff\xff\xff\x00\x00\x80")
            + frame(19, b"7", b"0", b"0", b""),
    "iconbad": frame(19, b"7", b"129", b"1", b"x" * 516) + frame(19, b"7", b"4", b"4", b"x" * 63)
               + frame(19, b"7", b"4294967295", b"4294967295", b""),
}
for name, data in seeds.items():
    with open(os.path.join(out, "seed-" + name), "wb") as f:
        f.write(data)
