#!/usr/bin/python3
"""A local OAuth 2 provider for the sign-in tests, on 127.0.0.1 and a port of the system's
choosing (printed as "PORT n"). It is as strict as a real one:
  GET  /authorize  checks the client, the loopback redirect URI and the PKCE challenge (S256),
                   then redirects to the redirect URI with a code and the state; a client id
                   starting with "deny" is answered with error=access_denied instead.
  POST /token      grant_type=authorization_code: the code, the same redirect URI, the client
                   (and its secret when --client-secret is given) and the PKCE verifier;
                   grant_type=refresh_token: a refresh token it issued or --refresh-token gave,
                   not one of --revoked (invalid_grant, as Google words it).
Every access token issued is appended to --issued (the SMTP server reads it); every request
is printed as one line ("AUTHORIZE ...", "TOKEN <grant> ok|<error>"). Runs until stdin closes.
"""
import argparse
import base64
import hashlib
import http.server
import json
import secrets
import sys
import threading
import urllib.parse


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--client-id", default="postwire-test")
    p.add_argument("--client-secret")
    p.add_argument("--refresh-token", action="append", default=[])
    p.add_argument("--revoked", action="append", default=[])
    p.add_argument("--expires-in", type=int, default=3600)
    p.add_argument("--issued", required=True)
    args = p.parse_args()
    codes = {}
    refresh_tokens = set(args.refresh_token)
    counter = [0]

    def issue():
        counter[0] += 1
        access = "at-%d-%s" % (counter[0], secrets.token_urlsafe(8))
        with open(args.issued, "a") as f:
            f.write(access + "\n")
        return access

    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, *a):
            pass

        def reply(self, status, body, headers=()):
            data = json.dumps(body).encode() if body is not None else b""
            self.send_response(status)
            for k, v in headers:
                self.send_header(k, v)
            if body is not None:
                self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self):
            url = urllib.parse.urlsplit(self.path)
            if url.path != "/authorize":
                return self.reply(404, {"error": "not_found"})
            q = dict(urllib.parse.parse_qsl(url.query))
            redirect = q.get("redirect_uri", "")
            target = urllib.parse.urlsplit(redirect)
            problems = []
            if q.get("response_type") != "code":
                problems.append("response_type")
            if not q.get("client_id", "").startswith("deny") and q.get("client_id") != args.client_id:
                problems.append("client_id")
            if target.scheme != "http" or target.hostname not in ("127.0.0.1", "localhost"):
                problems.append("redirect_uri")
            if q.get("code_challenge_method") != "S256" or len(q.get("code_challenge", "")) != 43:
                problems.append("code_challenge")
            if not q.get("state"):
                problems.append("state")
            print("AUTHORIZE %s scope=%s" % ("ok" if not problems else "bad " + ",".join(problems),
                                             q.get("scope", "")), flush=True)
            if problems:
                return self.reply(400, {"error": "invalid_request", "error_description": ",".join(problems)})
            if q["client_id"].startswith("deny"):
                params = {"error": "access_denied", "error_description": "The user declined",
                          "state": q["state"]}
            else:
                code = secrets.token_urlsafe(16)
                codes[code] = (q["code_challenge"], redirect, q["client_id"])
                params = {"code": code, "state": q["state"]}
            sep = "&" if target.query else "?"
            self.reply(302, None, [("Location", redirect + sep + urllib.parse.urlencode(params))])

        def token_error(self, grant, error, description):
            print("TOKEN %s %s" % (grant, error), flush=True)
            self.reply(400, {"error": error, "error_description": description})

        def do_POST(self):
            if urllib.parse.urlsplit(self.path).path != "/token":
                return self.reply(404, {"error": "not_found"})
            length = int(self.headers.get("Content-Length", "0"))
            form = dict(urllib.parse.parse_qsl(self.rfile.read(length).decode()))
            grant = form.get("grant_type", "")
            if form.get("client_id") != args.client_id:
                return self.token_error(grant, "invalid_client", "Unknown client %r" % form.get("client_id"))
            if args.client_secret is not None and form.get("client_secret") != args.client_secret:
                return self.token_error(grant, "invalid_client", "Wrong client secret")
            if grant == "authorization_code":
                entry = codes.pop(form.get("code", ""), None)
                if entry is None:
                    return self.token_error(grant, "invalid_grant", "Unknown or used code")
                challenge, redirect, client = entry
                verifier = form.get("code_verifier", "")
                computed = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
                if computed != challenge:
                    return self.token_error(grant, "invalid_grant", "PKCE verification failed")
                if form.get("redirect_uri") != redirect:
                    return self.token_error(grant, "invalid_grant", "redirect_uri %r differs from %r"
                                            % (form.get("redirect_uri"), redirect))
            elif grant == "refresh_token":
                token = form.get("refresh_token", "")
                if token in args.revoked or token not in refresh_tokens:
                    return self.token_error(grant, "invalid_grant", "Token has been expired or revoked.")
            else:
                return self.token_error(grant, "unsupported_grant_type", grant)
            body = {"access_token": issue(), "token_type": "Bearer", "expires_in": args.expires_in}
            if grant == "authorization_code":
                refresh = "rt-" + secrets.token_urlsafe(12)
                refresh_tokens.add(refresh)
                body["refresh_token"] = refresh
            print("TOKEN %s ok" % grant, flush=True)
            self.reply(200, body)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    print("PORT %d" % server.server_address[1], flush=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    while sys.stdin.buffer.read1(1):
        pass
    server.shutdown()


if __name__ == "__main__":
    main()
