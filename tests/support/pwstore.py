"""Reads a sandbox store's segments (core/sandbox/mailsegment.h) the way a crash-recovering
reader must, independently of the C++ code: every record whose head checks out, in order;
a message is listed when it has a content record and a sidecar record and no removal record.

messages(folder) -> {id: Message}; a Message has .content (bytes), .intact (its checksum
holds), .sidecar (the JSON the store made it from, its transcript under "transcript", or None
when it does not read or check out).
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
        self.updated = False
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


ENTRY_KEYS = ["ms", "dir", "text", "code", "latency", "last", "redacted", "details"]
TEXTS = ["id", "received", "mailFrom", "helo", "peer", "tls", "authMechanism", "authUser",
         "transferCommand", "sessionId", "receivedHeader"]
LISTS = ["rcptTo", "mailParameters", "rcptParameters"]


class Fields:
    """Reads the compact encoding (core/sandbox/varint.h): LEB128 varints, signed ones
    zigzagged, texts as a length and UTF-8 bytes, lists as a count and texts."""

    def __init__(self, data):
        self.data, self.at = data, 0

    def number(self):
        value, shift = 0, 0
        while True:
            byte = self.data[self.at]  # IndexError when cut off
            self.at += 1
            if shift == 63 and byte > 1:
                raise ValueError("varint longer than 64 bits")
            value |= (byte & 0x7F) << shift
            if not byte & 0x80:
                return value
            shift += 7
            if shift >= 64:
                raise ValueError("varint longer than 64 bits")

    def signed(self):
        value = self.number()
        return (value >> 1) ^ -(value & 1)

    def text(self):
        n = self.number()
        if self.at + n > len(self.data):
            raise ValueError("text cut off")
        value = self.data[self.at:self.at + n].decode("utf-8")
        self.at += n
        return value


def sidecar(body):
    """A sidecar record's data as the JSON the store made it from (StoredMessage::toJson):
    the compact form ('P', then qCompress() of the fields) or compressed JSON with the
    transcript entries as rows. qCompress() writes a 4-byte length before the zlib stream."""
    if body[:1] != b"P":
        packed = json.loads(zlib.decompress(body[4:]))
        if "rows" in packed:
            packed["transcript"] = [{k: v for k, v in zip(ENTRY_KEYS, row) if v is not None}
                                    for row in packed.pop("rows")]
        return packed
    f = Fields(zlib.decompress(body[5:]))
    present = f.number()
    out = {}
    for i, key in enumerate(TEXTS):
        if present & (1 << i):
            out[key] = f.text()
    for i, key in enumerate(LISTS):
        if present & (1 << (len(TEXTS) + i)):
            out[key] = [f.text() for _ in range(f.number())]
    field = len(TEXTS) + len(LISTS)
    if present & (1 << field):
        out["size"] = f.signed()
    if present & (1 << (field + 1)):
        entries = []
        for _ in range(f.number()):
            flags = f.number()
            if flags >> 10:
                raise ValueError("unknown transcript entry flags")
            entry = {}
            for k in (0, 1, 2, 3, 4, 7):  # ms, dir, text, code, latency, details
                if flags & (1 << k):
                    entry[ENTRY_KEYS[k]] = f.text() if k in (1, 2, 7) else f.signed()
            for k, bit in ((5, 1 << 8), (6, 1 << 9)):  # last, redacted
                if flags & (1 << k):
                    entry[ENTRY_KEYS[k]] = bool(flags & bit)
            entries.append(entry)
        out["transcript"] = entries
    if f.at != len(f.data) or present >> (field + 2):
        raise ValueError("sidecar fields do not end where the record does")
    return out


def segments(folder):
    return sorted(glob.glob(os.path.join(folder, "*.pws")))


def messages(folder):
    found = {}
    for path in segments(folder):
        for kind, ident, body, intact in records(path):
            m = found.setdefault(ident, Message())
            if kind == b"M":
                m.content, m.intact = body, intact
            elif kind in (b"S", b"U"):
                # An update (the whole session, written when it ended) replaces the sidecar
                # written with the message whatever the order of their segments; otherwise
                # a later record replaces an earlier one.
                if m.updated and kind == b"S":
                    continue
                m.updated = kind == b"U"
                m.has_sidecar = True
                try:
                    m.sidecar = sidecar(body) if intact else None
                except (ValueError, IndexError, zlib.error):
                    m.sidecar = None
            elif kind == b"D":
                m.removed = True
    return {i: m for i, m in found.items()
            if m.content is not None and m.has_sidecar and not m.removed}
