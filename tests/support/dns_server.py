#!/usr/bin/python3
"""A real DNS server for the MX tests, built on Debian's python3-dnslib: authoritative answers
from the records given on the command line, over UDP and TCP on port 53 of a loopback address
it picks (printed as "ADDRESS a.b.c.d"). Port 53, because Qt 6.4's QDnsLookup::setNameserver()
takes an address only and always asks port 53; a loopback address other than 127.0.0.1 chosen
at random, so parallel test runs and a local resolver (127.0.0.53) never collide.

Records: "NAME TYPE TTL DATA", e.g. "example.test. MX 3600 10 mx1.example.test.",
"mx1.example.test. A 300 127.0.0.1". Two pseudo types make a name misbehave:
"NAME SERVFAIL" answers SERVFAIL, "NAME SILENT" never answers (a timeout).
A name with records of other types gets an empty NOERROR answer; any other name NXDOMAIN.
Every query is printed ("QUERY name TYPE"). Runs until stdin closes or it is terminated.
"""
import argparse
import errno
import random
import socket
import socketserver
import sys
import threading

from dnslib import QTYPE, RCODE, RR, DNSRecord


def parse_records(lines):
    records = {}  # name -> list of RR
    behaviour = {}  # name -> "SERVFAIL" | "SILENT"
    for line in lines:
        parts = line.split(None, 3)
        name = parts[0].lower().rstrip(".") + "."
        kind = parts[1].upper()
        if kind in ("SERVFAIL", "SILENT"):
            behaviour[name] = kind
            continue
        ttl, data = int(parts[2]), parts[3]
        zone = "%s %d IN %s %s" % (name, ttl, kind, data)
        records.setdefault(name, []).extend(RR.fromZone(zone))
    return records, behaviour


class Resolver:
    def __init__(self, records, behaviour):
        self.records = records
        self.behaviour = behaviour

    def answer(self, data):
        request = DNSRecord.parse(data)
        qname = str(request.q.qname).lower()
        qtype = QTYPE[request.q.qtype]
        print("QUERY %s %s" % (qname, qtype), flush=True)
        reply = request.reply()  # QR, AA and RD copied, RA set
        what = self.behaviour.get(qname)
        if what == "SILENT":
            return None
        if what == "SERVFAIL":
            reply.header.rcode = RCODE.SERVFAIL
            return reply.pack()
        if qname not in self.records:
            reply.header.rcode = RCODE.NXDOMAIN
            return reply.pack()
        for rr in self.records[qname]:
            if rr.rtype == request.q.qtype:
                reply.add_answer(rr)
        return reply.pack()


def serve(resolver, address):
    class Udp(socketserver.BaseRequestHandler):
        def handle(self):
            data, sock = self.request
            out = resolver.answer(data)
            if out is not None:
                sock.sendto(out, self.client_address)

    class Tcp(socketserver.StreamRequestHandler):
        def handle(self):
            size = self.rfile.read(2)
            if len(size) < 2:
                return
            out = resolver.answer(self.rfile.read(int.from_bytes(size, "big")))
            if out is not None:
                self.wfile.write(len(out).to_bytes(2, "big") + out)

    socketserver.UDPServer.allow_reuse_address = False
    udp = socketserver.ThreadingUDPServer((address, 53), Udp)
    try:
        socketserver.TCPServer.allow_reuse_address = True
        tcp = socketserver.ThreadingTCPServer((address, 53), Tcp)
    except OSError:
        udp.server_close()
        raise
    return udp, tcp


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--address", help="listen here instead of a random loopback address")
    parser.add_argument("records", nargs="*")
    args = parser.parse_args()
    resolver = Resolver(*parse_records(args.records))

    candidates = [args.address] if args.address else [
        "127.%d.%d.%d" % (random.randint(1, 254), random.randint(0, 255), random.randint(2, 254))
        for _ in range(40)]
    servers = None
    for address in candidates:
        try:
            servers = serve(resolver, address)
            break
        except OSError as e:
            if e.errno == errno.EACCES:
                print("cannot listen on port 53 of %s: %s (run as root, or allow it with "
                      "sysctl net.ipv4.ip_unprivileged_port_start=53)" % (address, e),
                      file=sys.stderr, flush=True)
                sys.exit(3)
            last = e
    if servers is None:
        print("no loopback address with port 53 free: %s" % last, file=sys.stderr, flush=True)
        sys.exit(1)
    for server in servers:
        threading.Thread(target=server.serve_forever, daemon=True).start()
    print("ADDRESS %s" % address, flush=True)
    sys.stdin.read()  # until the test closes stdin or ends


if __name__ == "__main__":
    main()
