#!/usr/bin/env python3
"""Writes seed journals for fuzz-journal: changes (text and raw names), undo intents in
the bounded format and the older one-line format, torn and foreign lines."""
import base64
import json
import os
import sys

H1 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
H2 = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"
T = "2026-12-01T10:00:%02d.000Z"


def line(obj):
    try:
        return json.dumps(obj, separators=(",", ":"), ensure_ascii=False).encode() + b"\n"
    except UnicodeEncodeError:  # a lone surrogate: only as a \u escape
        return json.dumps(obj, separators=(",", ":")).encode() + b"\n"


def change(seq, path, before, after, actor="terminal", raw=False, mode=None):
    obj = {"type": "change", "seq": seq, "time": T % (seq % 60), "actor": actor, "before": before, "after": after}
    if raw:
        obj["pathB64"] = base64.b64encode(path).decode()
    else:
        obj["path"] = path
    if mode is not None:
        obj["mode"] = mode
        obj["beforeMode"] = mode
    return line(obj)


def item(path, restore, current, keep=None):
    obj = {"path": path, "restore": restore, "current": current, "mode": 0o600}
    if keep:
        obj["keep"] = keep
    return obj


out = sys.argv[1]
seeds = {
    "changes": change(1, "Documents/a.txt", "", H1, "host") + change(2, "Documents/a.txt", H1, H2, mode=0o644)
               + change(3, "Documents/a.txt", H2, "", "undo:terminal"),
    "raw": change(1, b"Documents/caf\xe9.txt", "", H1, raw=True) + change(2, "Documents/caf\u00e9 \U0001F600", "", H2),
    "intent": change(1, "Documents/a.txt", "", H1) + line({"type": "undo-begin", "id": 2, "actor": "terminal"})
              + line({"type": "undo-items", "id": 2, "items": [item("Documents/a.txt", "", H1)]})
              + line({"type": "undo-items", "id": 2, "items": [item("Documents/b.txt", H2, H1, "Documents/b (kept).txt")]})
              + line({"type": "undo-commit", "id": 2, "count": 2}) + change(3, "Documents/a.txt", H1, "", "undo:terminal"),
    "uncommitted": line({"type": "undo-begin", "id": 5, "actor": "terminal"})
                   + line({"type": "undo-items", "id": 5, "items": [item("Documents/a.txt", "", H1)]}),
    "oldintent": line({"type": "undo-begin", "id": 9, "actor": "terminal",
                       "items": [{"path": "Documents/x", "restore": H1}, {"path": "Documents/y", "restore": ""}]})
                 + change(10, "Documents/y", H2, "", "host") + line({"type": "undo-end", "id": 9}),
    "torn": change(1, "Documents/a.txt", "", H1) + b'{"type":"change","seq":2,"ti\n' + change(3, "b", "", H2)
            + b'{"type":"undo-end"',
    "hostile": change(1, "../etc/passwd", "", H1) + change(2, "/abs", "", H1) + change(3, "Documents/\udcff", "", H1)
               + change(4, "ok", "", "not-a-hash") + change(5, "ok", "", H1, mode=0o7777)
               + line({"type": "change", "seq": 1e300, "time": "x", "path": "a"}) + b"[1,2,3]\n\n\xff\xfe\n",
}
for name, data in seeds.items():
    with open(os.path.join(out, "seed-" + name), "wb") as f:
        f.write(data)
