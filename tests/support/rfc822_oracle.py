#!/usr/bin/python3
"""Independent check of a forward as attachment: Python's `email` (strict policy) must find a
message/rfc822 part and, inside it, the forwarded message itself (not base64 text).

usage: rfc822_oracle.py MESSAGE.eml EXPECTED.json
EXPECTED.json: {"filename": str, "subject": str, "from": str (address), "message_id": str,
                "body": str (the enclosed text/plain, line breaks as \\n)}
Prints "OK" and exits 0, or prints every mismatch to stderr and exits 1.
"""
import email
import email.policy
import json
import sys

errors = []
with open(sys.argv[1], "rb") as f:
    outer = email.message_from_binary_file(f, policy=email.policy.strict)
with open(sys.argv[2], encoding="utf-8") as f:
    want = json.load(f)

parts = [p for p in outer.walk() if p.get_content_type() == "message/rfc822"]
if len(parts) != 1:
    errors.append("expected one message/rfc822 part, found %d" % len(parts))
else:
    part = parts[0]
    cte = part.get("Content-Transfer-Encoding", "7bit").lower()
    if cte not in ("7bit", "8bit", "binary"):
        errors.append("message/rfc822 part encoded as %s (RFC 2046 5.2.1 forbids it)" % cte)
    if part.get_filename() != want["filename"]:
        errors.append("filename %r, expected %r" % (part.get_filename(), want["filename"]))
    inner = part.get_payload(0)
    if str(inner["Subject"]) != want["subject"]:
        errors.append("inner Subject %r, expected %r" % (str(inner["Subject"]), want["subject"]))
    if inner["From"].addresses[0].addr_spec != want["from"]:
        errors.append("inner From %r" % str(inner["From"]))
    if str(inner["Message-ID"]).strip("<>") != want["message_id"]:
        errors.append("inner Message-ID %r" % str(inner["Message-ID"]))
    body = inner.get_body(("plain",))
    text = body.get_content().replace("\r\n", "\n") if body else None
    if text is None or text.rstrip("\n") != want["body"].rstrip("\n"):
        errors.append("inner text %r, expected %r" % (text, want["body"]))
for d in outer.defects:
    errors.append("defect: %r" % d)

if errors:
    print("\n".join(errors), file=sys.stderr)
    sys.exit(1)
print("OK")
