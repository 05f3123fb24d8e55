#!/usr/bin/python3
"""Independent check of a message Postwire wrote: Python's own `email` package (strict policy)
parses it and every header, body and attachment (by SHA-256) is compared with what was meant.

usage: mime_oracle.py MESSAGE.eml EXPECTED.json
Prints "OK" and exits 0, or prints every mismatch to stderr and exits 1.

EXPECTED.json keys (all optional but "wire"):
  wire: {"eightbit": bool, "smtputf8": bool}   what the server offered
  from, sender, to, cc, reply_to, bcc, disposition_notification_to: [[name, address], ...]
  subject, text, html (null: no HTML part), message_id_domain, date_epoch, date_offset_minutes
  extra: {name: value}, in_reply_to, references: [ids], priority: "high"|"low"
  bcc_header: bool (a saved copy keeps Bcc), attachments: [{filename, content_type,
  disposition, sha256, size}]
"""
import email
import email.errors
import email.header
import email.headerregistry
import email.policy
import email.utils
import hashlib
import json
import sys

errors = []


def fail(message):
    errors.append(message if len(message) < 600 else message[:600] + "...")


def wire_address(address, smtputf8):
    if smtputf8 or address.isascii():
        return address
    local, _, domain = address.rpartition("@")
    return local + "@" + domain.encode("idna").decode("ascii")


def check_raw(data, wire):
    # Line structure: CRLF only, no line over 998 octets, header lines folded at 78.
    lines = data.split(b"\r\n")
    if lines[-1] != b"":
        fail("the message does not end with CRLF")
    in_headers = True
    for number, line in enumerate(lines[:-1], 1):
        if b"\r" in line or b"\n" in line:
            fail(f"line {number} has a bare CR or LF")
        if len(line) > 998:
            fail(f"line {number} is {len(line)} octets long (limit 998)")
        if in_headers:
            if line == b"":
                in_headers = False
            elif len(line) > 78:
                fail(f"header line {number} is {len(line)} long (fold at 78): {line[:100]!r}")
    if not wire.get("eightbit") and not wire.get("smtputf8"):
        high = next((i for i, b in enumerate(data) if b >= 0x80), None)
        if high is not None:
            fail(f"8-bit byte at offset {high} but the server offered neither 8BITMIME nor SMTPUTF8")
    header_block = data.split(b"\r\n\r\n", 1)[0]
    if not wire.get("smtputf8") and any(b >= 0x80 for b in header_block):
        fail("raw UTF-8 in the headers without SMTPUTF8")


# Defects Python reports that are not defects of the message:
# - RFC 6532 allows a UTF-8 local part; Python's parser only knows RFC 5322.
# - An attachment's Content-Type "name" parameter carries the RFC 2047 form on purpose, for
#   old readers that ignore RFC 2231 (the issue asks for both); RFC 2047 section 5 does not
#   sanction encoded words in a quoted string, so Python flags it. The standard RFC 2231
#   filename is in Content-Disposition, and the name parameter is checked to decode to it.
TOLERATED_IN_NAME_PARAMETER = ("encoded word inside quoted string",
                               "missing trailing whitespace after encoded-word")


def check_defects(msg, smtputf8):
    for part in msg.walk():
        for defect in part.defects:
            fail(f"defect in part {part.get_content_type()}: {defect!r}")
        for name, value in part.items():
            for defect in getattr(value, "defects", ()):
                if smtputf8 and isinstance(defect, email.errors.NonASCIILocalPartDefect):
                    continue
                if (name.lower() == "content-type" and part.get_param("filename", header="content-disposition")
                        and str(defect) in TOLERATED_IN_NAME_PARAMETER):
                    continue
                fail(f"defect in header {name}: {defect!r}")


def addresses(msg, field):
    header = msg[field]
    if header is None:
        return []
    strict = [[a.display_name, a.addr_spec] for a in header.addresses]
    # Python's phrase parser keeps the whitespace between two adjacent encoded words, which
    # RFC 2047 section 6.2 says to drop (a long name split over several words gains spaces).
    # The display names are therefore decoded by the letter of the RFC (email.header), the
    # addresses taken from the strict parse.
    raw = " ".join(v for k, v in msg.raw_items() if k.lower() == field.lower())
    raw = raw.replace("\r\n", "").replace("\n", "")
    names = []
    for name, _ in email.utils.getaddresses([raw]):
        if "=?" in name:
            name = str(email.header.make_header(email.header.decode_header(name)))
        names.append(name)
    if len(names) == len(strict):
        for entry, name in zip(strict, names):
            entry[0] = name
    return strict


def norm(text):
    return text.replace("\r\n", "\n").replace("\r", "\n")


def compare_text(kind, actual, expected, single_part):
    actual = norm(actual)
    expected = norm(expected)
    # A single-part body ends where the message ends, which must be a line break: one is added.
    if actual == expected or (single_part and actual == expected + "\n"):
        return
    fail(f"{kind} body differs: expected {expected[:200]!r}... ({len(expected)} chars), "
         f"got {actual[:200]!r}... ({len(actual)} chars)")


def main():
    data = open(sys.argv[1], "rb").read()
    expected = json.load(open(sys.argv[2], encoding="utf-8"))
    wire = expected.get("wire", {})
    check_raw(data, wire)

    registry = email.headerregistry.HeaderRegistry()
    registry.map_to_type("disposition-notification-to", email.headerregistry.AddressHeader)
    policy = email.policy.strict.clone(header_factory=registry)
    msg = email.message_from_bytes(data, policy=policy)
    body_msg = msg
    if wire.get("smtputf8"):
        # Python's bytes parser reads headers as ASCII; RFC 6532 headers are UTF-8 text, so
        # the headers are read from the text and the bodies (8bit) from the bytes.
        msg = email.message_from_string(data.decode("utf-8"), policy=policy)
        for part in body_msg.walk():
            for defect in part.defects:
                fail(f"defect in part {part.get_content_type()}: {defect!r}")
    check_defects(msg, wire.get("smtputf8"))

    if msg["MIME-Version"] != "1.0":
        fail(f"MIME-Version is {msg['MIME-Version']!r}")
    for field, key in (("From", "from"), ("Sender", "sender"), ("To", "to"), ("Cc", "cc"),
                       ("Reply-To", "reply_to"), ("Bcc", "bcc"),
                       ("Disposition-Notification-To", "disposition_notification_to")):
        if key not in expected:
            continue
        want = [[n, wire_address(a, wire.get("smtputf8"))] for n, a in expected[key]]
        got = addresses(msg, field)
        if got != want:
            fail(f"{field}: expected {want!r}, got {got!r}")
    if expected.get("bcc_header"):
        if msg["X-Postwire-Bcc"] is None:
            fail("the saved copy's Bcc header is not marked")
    elif msg["Bcc"] is not None:
        fail(f"a Bcc header was written: {msg['Bcc']!r}")
    if "subject" in expected:
        got = msg["Subject"] if msg["Subject"] is not None else ""
        if str(got) != expected["subject"]:
            fail(f"Subject: expected {expected['subject']!r}, got {str(got)!r}")
    for name, value in expected.get("extra", {}).items():
        if str(msg[name]) != value:
            fail(f"{name}: expected {value!r}, got {msg[name]!r}")
    if "message_id_domain" in expected:
        mid = str(msg["Message-ID"])
        if not (mid.startswith("<") and mid.endswith("@" + expected["message_id_domain"] + ">")):
            fail(f"Message-ID {mid!r} is not on {expected['message_id_domain']}")
    if "date_epoch" in expected:
        dt = msg["Date"].datetime
        if dt is None or dt.tzinfo is None:
            fail(f"Date {msg['Date']!r} has no time zone")
        else:
            if int(dt.timestamp()) != expected["date_epoch"]:
                fail(f"Date {msg['Date']!r} is {int(dt.timestamp())}, expected {expected['date_epoch']}")
            offset = int(dt.utcoffset().total_seconds() // 60)
            if offset != expected["date_offset_minutes"]:
                fail(f"Date offset {offset} min, expected {expected['date_offset_minutes']}")
    if "in_reply_to" in expected and str(msg["In-Reply-To"]) != expected["in_reply_to"]:
        fail(f"In-Reply-To: {msg['In-Reply-To']!r}")
    if "references" in expected and str(msg["References"]).split() != expected["references"]:
        fail(f"References: {msg['References']!r}")
    if expected.get("priority") == "high" and (str(msg["X-Priority"]).split()[0] != "1"
                                               or msg["Importance"] != "high"):
        fail("high priority is not marked")

    single_part = not msg.is_multipart()
    if "text" in expected:
        body = body_msg.get_body(preferencelist=("plain",))
        if body is None:
            fail("no text/plain part")
        else:
            compare_text("text", body.get_content(), expected["text"], single_part)
    if expected.get("html") is not None:
        body = body_msg.get_body(preferencelist=("html",))
        if body is None:
            fail("no text/html part")
        else:
            compare_text("HTML", body.get_content(), expected["html"], False)
            if msg.get_body(preferencelist=("plain",)) is None:
                fail("HTML without a text alternative")
    elif "html" in expected and msg.get_body(preferencelist=("html",)) is not None:
        fail("an HTML part that was not asked for")

    if "attachments" in expected:
        got = [p for p in body_msg.walk()
               if not p.is_multipart() and p.get_content_disposition() in ("attachment", "inline")]
        if len(got) != len(expected["attachments"]):
            fail(f"{len(got)} attachments, expected {len(expected['attachments'])}")
        for part, want in zip(got, expected["attachments"]):
            payload = part.get_payload(decode=True)
            if part.get_filename() != want["filename"]:
                fail(f"attachment name {part.get_filename()!r}, expected {want['filename']!r}")
            old_name = part["Content-Type"].params.get("name")
            if old_name != want["filename"]:
                fail(f"Content-Type name= {old_name!r}, expected {want['filename']!r}")
            if "content_type" in want and part.get_content_type() != want["content_type"]:
                fail(f"attachment {want['filename']!r} type {part.get_content_type()}, "
                     f"expected {want['content_type']}")
            if part.get_content_disposition() != want.get("disposition", "attachment"):
                fail(f"attachment {want['filename']!r} disposition {part.get_content_disposition()}")
            if len(payload) != want["size"] or hashlib.sha256(payload).hexdigest() != want["sha256"]:
                fail(f"attachment {want['filename']!r}: {len(payload)} bytes, sha256 "
                     f"{hashlib.sha256(payload).hexdigest()} (expected {want['size']} bytes, "
                     f"{want['sha256']})")

    if errors:
        for e in errors:
            print(e, file=sys.stderr)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
