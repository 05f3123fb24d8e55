#!/usr/bin/python3
"""Sends one message file to the sandbox with Python's smtplib, as a real third-party client.

Usage: sandbox_smtplib.py --port N --message FILE --from A --to B [--to C]
                          [--starttls --cafile CA] [--auth MECH --user U --password P]
The message file is sent as bytes, unchanged (smtplib only dot-stuffs it), so the test can
compare what the sandbox stored with the file byte for byte. Exit 0 when the server took it.
"""
import argparse
import smtplib
import ssl
import sys


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--message", required=True)
    p.add_argument("--from", dest="sender", required=True)
    p.add_argument("--to", action="append", required=True)
    p.add_argument("--starttls", action="store_true")
    p.add_argument("--cafile")
    p.add_argument("--auth")
    p.add_argument("--user")
    p.add_argument("--password")
    p.add_argument("--smtputf8", action="store_true")
    a = p.parse_args()
    with open(a.message, "rb") as f:
        message = f.read()
    with smtplib.SMTP(a.host, a.port, local_hostname="smtplib.example", timeout=30) as smtp:
        smtp.set_debuglevel(0)
        smtp.ehlo()
        if a.starttls:
            context = ssl.create_default_context(cafile=a.cafile)
            smtp.starttls(context=context)
            smtp.ehlo()
            print("TLS:", smtp.sock.version(), smtp.sock.cipher()[0])
        if a.auth:
            smtp.user, smtp.password = a.user, a.password
            method = getattr(smtp, "auth_" + a.auth.lower().replace("-", "_"))
            code, reply = smtp.auth(a.auth, method, initial_response_ok=True)
            print("AUTH:", code, reply.decode())
        options = ["SMTPUTF8"] if a.smtputf8 else []
        if any(b >= 0x80 for b in message):
            options.append("BODY=8BITMIME")
        refused = smtp.sendmail(a.sender, a.to, message, mail_options=options)
        if refused:
            print("refused:", refused)
            return 1
        print("sent", len(message), "bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
