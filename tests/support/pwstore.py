"""Reads a sandbox store's segments (core/sandbox/mailsegment.h) the way a crash-recovering
reader must, independently of the C++ code: every record whose head checks out, in order;
a message is listed when it has a content record and a sidecar record and no removal record.

messages(folder) -> {id: Message}; a Message has .content (bytes), .intact (its checksum
holds), .sidecar (the parsed JSON, or None when it does not parse or check out).
"""
import glob
import json
import os
import struct
import zlib

MAGIC = b"PWS1"
HEAD = 24


class Message:
    def __init__(self):
        self.content = None
        self.intact = False
        self.sidecar = None
        self.has_sidecar = False
        self.removed = False


def records(path):
    """Yields (kind, id, data, intact) for each record of the segment at path."""
    with open(path, "rb") as f:
        data = f.read()
    at = 0
    while at + HEAD <= len(data):
        if data[at:at + 4] != MAGIC:
            nxt = data.find(MAGIC, at + 1)
            if nxt < 0:
                return
            at = nxt
            continue
        kind = data[at + 4:at + 5]
        id_size = data[at + 5]
        size, checksum, head_checksum = struct.unpack_from("<qII", data, at + 8)
        ident = data[at + HEAD:at + HEAD + id_size]
        crc = zlib.crc32(data[at + HEAD:at + HEAD + id_size], zlib.crc32(data[at:at + 20]))
        if crc != head_checksum or len(ident) != id_size:
            at += 1
            continue
        start = at + HEAD + id_size
        if start + size > len(data):
            return  # cut off: what a crash in the middle of an append leaves
        body = data[start:start + size]
        yield kind, ident.decode("latin-1"), body, zlib.crc32(body) == checksum
        at = start + size


def segments(folder):
    return sorted(glob.glob(os.path.join(folder, "*.pws")))


def messages(folder):
    found = {}
    for path in segments(folder):
        for kind, ident, body, intact in records(path):
            m = found.setdefault(ident, Message())
            if kind == b"M":
                m.content, m.intact = body, intact
            elif kind == b"S":
                m.has_sidecar = True
                try:
                    # zlib, after the 4-byte length qCompress() writes first
                    m.sidecar = json.loads(zlib.decompress(body[4:])) if intact else None
                except (ValueError, zlib.error):
                    m.sidecar = None
            elif kind == b"D":
                m.removed = True
    return {i: m for i, m in found.items()
            if m.content is not None and m.has_sidecar and not m.removed}
