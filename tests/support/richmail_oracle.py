#!/usr/bin/python3
"""Reads a message Postwire wrote with Python's own `email` package (strict policy) and prints
what a reader sees as JSON: the MIME tree, the plain part's lines, the HTML, and every inline
part's Content-ID with the SHA-256 of its decoded bytes, and whether the HTML refers to it.

usage: richmail_oracle.py MESSAGE.eml
"""
import email
import email.policy
import hashlib
import json
import sys

with open(sys.argv[1], "rb") as f:
    message = email.message_from_binary_file(f, policy=email.policy.strict)


def tree(part):
    if part.is_multipart():
        return {part.get_content_type(): [tree(p) for p in part.iter_parts()]}
    return part.get_content_type()


out = {"tree": tree(message), "plain": None, "html": None, "flowed": False, "inline": []}
for part in message.walk():
    if part.is_multipart():
        continue
    ctype = part.get_content_type()
    if ctype == "text/plain" and out["plain"] is None:
        out["plain"] = part.get_content().splitlines()
        out["flowed"] = part.get_param("format") == "flowed"
        out["delsp"] = part.get_param("delsp")
    elif ctype == "text/html" and out["html"] is None:
        out["html"] = part.get_content()
    elif part.get("Content-ID"):
        cid = part["Content-ID"].strip("<>")
        data = part.get_payload(decode=True)
        out["inline"].append({
            "cid": cid,
            "type": ctype,
            "disposition": part.get_content_disposition(),
            "sha256": hashlib.sha256(data).hexdigest(),
            "referenced": ("cid:" + cid) in (out["html"] or ""),
        })
print(json.dumps(out))
