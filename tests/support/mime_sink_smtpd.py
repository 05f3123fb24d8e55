#!/usr/bin/python3
"""A loopback SMTP server that accepts every message and throws it away as it arrives, for
benchmarks: it never holds a message in memory, so what is measured is the client.

usage: mime_sink_smtpd.py [PORT]   (0 or nothing: any free port)
Prints "PORT <n>" on stdout once listening; a line per message: "MESSAGE <bytes>".
Offers 8BITMIME, SMTPUTF8, PIPELINING and SIZE; not CHUNKING, so every client uses DATA.
"""
import asyncio
import sys


async def session(reader, writer):
    pending = bytearray()  # read but not yet consumed (commands pipelined after the data)

    def send(line):
        writer.write(line.encode() + b"\r\n")

    async def readline():
        while b"\n" not in pending:
            chunk = await reader.read(1 << 16)
            if not chunk:
                return b""
            pending.extend(chunk)
        end = pending.index(b"\n") + 1
        line = bytes(pending[:end])
        del pending[:end]
        return line

    send("220 sink ESMTP ready")
    await writer.drain()
    while True:
        line = await readline()
        if not line:
            break
        verb = line.split(b" ", 1)[0].strip().upper()
        if verb in (b"EHLO", b"HELO"):
            if verb == b"HELO":
                send("250 sink")
            else:
                for kw in ("250-sink", "250-PIPELINING", "250-8BITMIME", "250-SMTPUTF8",
                           "250 SIZE 0"):
                    send(kw)
        elif verb in (b"MAIL", b"RCPT", b"RSET", b"NOOP"):
            send("250 OK")
        elif verb == b"DATA":
            send("354 go ahead")
            await writer.drain()
            total = 0
            tail = b"\r\n"  # the DATA line's CRLF: a message may be just ".\r\n"
            chunk = bytes(pending)
            pending.clear()
            while True:
                if not chunk:
                    chunk = await reader.read(1 << 20)
                    if not chunk:
                        return
                window = tail + chunk
                at = window.find(b"\r\n.\r\n")
                if at >= 0:
                    rest = window[at + 5:]
                    total += len(chunk) - len(rest)
                    pending.extend(rest)
                    break
                total += len(chunk)
                tail = window[-4:]
                chunk = b""
            print(f"MESSAGE {total}", flush=True)
            send("250 OK discarded")
        elif verb == b"QUIT":
            send("221 bye")
            await writer.drain()
            break
        else:
            send("502 not implemented")
        await writer.drain()
    writer.close()


async def main():
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 0
    server = await asyncio.start_server(session, "127.0.0.1", port, limit=1 << 20)
    print(f"PORT {server.sockets[0].getsockname()[1]}", flush=True)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        pass
