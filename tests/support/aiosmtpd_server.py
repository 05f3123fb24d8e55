#!/usr/bin/python3
"""A real SMTP server for integration tests: Debian's aiosmtpd on 127.0.0.1, a port chosen by
the system (printed as "PORT n"), STARTTLS with the given certificate, AUTH PLAIN, LOGIN and
SCRAM-SHA-256 (RFC 5802/7677, computed here) against one user, XOAUTH2 and OAUTHBEARER
(RFC 7628) against the access tokens listed in --oauth-tokens (one per line, read at each AUTH;
a refusal sends the JSON error challenge first, as Gmail does), each AUTH outcome printed
("AUTH <mechanism> ok|failed", and "SASL <mechanism> <the decoded client message, repr>"), and every received message stored byte for byte in the given
folder as <n>.eml with its envelope in <n>.envelope (MAIL FROM, then one RCPT per line).
Runs until stdin closes or it is terminated, so a test that dies never leaves it behind.
"""
import argparse
import asyncio
import base64
import hashlib
import hmac
import json
import os
import ssl
import sys

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword, auth_mechanism


def scram_keys(password, salt, iterations):
    salted = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, iterations)
    client_key = hmac.new(salted, b"Client Key", hashlib.sha256).digest()
    server_key = hmac.new(salted, b"Server Key", hashlib.sha256).digest()
    return client_key, hashlib.sha256(client_key).digest(), server_key


class Store:
    def __init__(self, folder, user, password, oauth_tokens=None):
        self.oauth_tokens = oauth_tokens
        self.folder = folder
        self.count = 0
        self.user = user
        self.password = password

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

    @auth_mechanism("SCRAM-SHA-256")
    async def auth_SCRAM(self, server, args):
        if len(args) < 2 or args[1] == "=":
            first = await server.challenge_auth("", encode_to_b64=False)
        else:
            first = base64.b64decode(args[1])
        first = first.decode()
        if not first.startswith("n,,"):
            print("AUTH SCRAM-SHA-256 failed: channel binding header %r" % first[:3], flush=True)
            return AuthResult(success=False)
        bare = first[3:]
        fields = dict(p.split("=", 1) for p in bare.split(","))
        salt = os.urandom(16)
        iterations = 4096
        nonce = fields["r"] + base64.b64encode(os.urandom(18)).decode()
        server_first = "r=%s,s=%s,i=%d" % (nonce, base64.b64encode(salt).decode(), iterations)
        final = await server.challenge_auth(server_first)
        if not isinstance(final, bytes):
            return AuthResult(success=False, handled=True)
        final = final.decode()
        without_proof, _, proof = final.rpartition(",p=")
        final_fields = dict(p.split("=", 1) for p in without_proof.split(","))
        client_key, stored_key, server_key = scram_keys(self.password, salt, iterations)
        auth_message = ",".join([bare, server_first, without_proof]).encode()
        signature = hmac.new(stored_key, auth_message, hashlib.sha256).digest()
        expected = bytes(a ^ b for a, b in zip(client_key, signature))
        ok = (fields.get("n") == self.user and final_fields.get("r") == nonce
              and hmac.compare_digest(base64.b64decode(proof), expected))
        print("AUTH SCRAM-SHA-256 %s" % ("ok" if ok else "failed"), flush=True)
        if not ok:
            return AuthResult(success=False)
        server_signature = hmac.new(server_key, auth_message, hashlib.sha256).digest()
        # RFC 4954: the server-final message as a last challenge, answered by an empty line.
        await server.challenge_auth("v=" + base64.b64encode(server_signature).decode())
        return AuthResult(success=True)




class OAuthStore(Store):
    """Offers XOAUTH2 and OAUTHBEARER too (only with --oauth-tokens, so other tests' EHLO
    stays as it was)."""

    async def bearer(self, server, args, mechanism, parse):
        if len(args) < 2:
            message = await server.challenge_auth("", encode_to_b64=False)
        else:
            message = base64.b64decode(args[1])
        if not isinstance(message, bytes):
            return AuthResult(success=False, handled=True)
        print("SASL %s %r" % (mechanism, message), flush=True)
        user, token = parse(message.decode())
        with open(self.oauth_tokens) as f:
            valid = {line.strip() for line in f if line.strip()}
        ok = user == self.user and token in valid
        print("AUTH %s %s" % (mechanism, "ok" if ok else "failed"), flush=True)
        if not ok:
            status = "401" if mechanism == "XOAUTH2" else "invalid_token"
            error = json.dumps({"status": status, "schemes": "bearer", "scope": "https://mail.example/"})
            # By hand, not challenge_auth(), which skips the empty line XOAUTH2 answers with.
            await server.push("334 " + base64.b64encode(error.encode()).decode())
            ack = await server._reader.readline()
            print("ACK %s %r" % (mechanism, ack), flush=True)
        return AuthResult(success=ok, handled=False)

    @auth_mechanism("XOAUTH2")
    async def auth_XOAUTH2(self, server, args):
        def parse(text):
            fields = dict(p.split("=", 1) for p in text.split("\x01") if "=" in p)
            return fields.get("user"), fields.get("auth", "").removeprefix("Bearer ")
        return await self.bearer(server, args, "XOAUTH2", parse)

    @auth_mechanism("OAUTHBEARER")
    async def auth_OAUTHBEARER(self, server, args):
        def parse(text):
            header, _, rest = text.partition("\x01")
            gs2 = header.split(",")
            user = gs2[1][2:].replace("=2C", ",").replace("=3D", "=") if len(gs2) > 1 else ""
            fields = dict(p.split("=", 1) for p in rest.split("\x01") if "=" in p)
            return user, fields.get("auth", "").removeprefix("Bearer ")
        return await self.bearer(server, args, "OAUTHBEARER", parse)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--store", required=True)
    p.add_argument("--cert")
    p.add_argument("--key")
    p.add_argument("--user", default="ana")
    p.add_argument("--password", default="s3cret!pass")
    p.add_argument("--require-tls", action="store_true")
    p.add_argument("--oauth-tokens", help="file of valid access tokens for XOAUTH2/OAUTHBEARER")
    args = p.parse_args()
    os.makedirs(args.store, exist_ok=True)

    def authenticate(server, session, envelope, mechanism, auth_data):
        ok = isinstance(auth_data, LoginPassword) and auth_data.login.decode() == args.user \
            and auth_data.password.decode() == args.password
        print("AUTH %s %s" % (mechanism, "ok" if ok else "failed"), flush=True)
        return AuthResult(success=ok, handled=False)

    context = None
    if args.cert:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(args.cert, args.key)
    handler = (OAuthStore if args.oauth_tokens else Store)(args.store, args.user, args.password,
                                                           args.oauth_tokens)

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
