#!/usr/bin/python3
"""A real SMTP server for integration tests: Debian's aiosmtpd on 127.0.0.1, a port chosen by
the system (printed as "PORT n"), STARTTLS with the given certificate, AUTH PLAIN and LOGIN
against one user, and every received message stored byte for byte in the given folder as
<n>.eml with its envelope in <n>.envelope (MAIL FROM, then one RCPT per line).
Runs until stdin closes or it is terminated, so a test that dies never leaves it behind.
"""
import argparse
import asyncio
import os
import ssl
import sys

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


class Store:
    def __init__(self, folder):
        self.folder = folder
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        base = os.path.join(self.folder, str(self.count))
        with open(base + ".eml.tmp", "wb") as f:
            f.write(envelope.original_content)
        with open(base + ".envelope", "w", encoding="utf-8") as f:
            f.write(envelope.mail_from + "\n")
            for rcpt in envelope.rcpt_tos:
                f.write(rcpt + "\n")
        os.rename(base + ".eml.tmp", base + ".eml")
        return "250 2.0.0 Ok: queued as AIO%d" % self.count


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--store", required=True)
    p.add_argument("--cert")
    p.add_argument("--key")
    p.add_argument("--user", default="ana")
    p.add_argument("--password", default="s3cret!pass")
    p.add_argument("--require-tls", action="store_true")
    args = p.parse_args()
    os.makedirs(args.store, exist_ok=True)

    def authenticate(server, session, envelope, mechanism, auth_data):
        ok = isinstance(auth_data, LoginPassword) and auth_data.login.decode() == args.user \
            and auth_data.password.decode() == args.password
        return AuthResult(success=ok, handled=False)

    context = None
    if args.cert:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(args.cert, args.key)
    handler = Store(args.store)

    def factory():
        return SMTP(handler, hostname="aiosmtpd.test", tls_context=context,
                    require_starttls=args.require_tls, authenticator=authenticate,
                    auth_require_tls=context is not None, decode_data=False,
                    enable_SMTPUTF8=True)

    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    server = loop.run_until_complete(loop.create_server(factory, "127.0.0.1", 0))
    print("PORT %d" % server.sockets[0].getsockname()[1], flush=True)
    # Stop when the test closes our stdin (or dies).
    loop.add_reader(sys.stdin.fileno(), lambda: loop.stop() if not sys.stdin.buffer.read1(1) else None)
    loop.run_forever()


if __name__ == "__main__":
    main()
