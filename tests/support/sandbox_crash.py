#!/usr/bin/python3
"""Crash safety of `postwire sandbox`: a message is complete on disk or absent.

Starts `postwire sandbox --port 0` with its own store, runs S concurrent sessions that each
send messages one after another (pipelined MAIL/RCPT/DATA, distinct bodies), and kills the
server with SIGKILL in the middle of the burst. Then, with the server gone, reading the
store's segments with an independent reader (pwstore.py): every message that got its
`250 ... queued as ID` must be in the store as ID, its content record byte for byte what was
sent and its sidecar record valid JSON naming it; every message the segments hold must be
one whole message that was sent. A restarted server must list at least the acknowledged messages.
Prints the figures; exit 0 and "PASSED" when all held.

Usage: sandbox_crash.py POSTWIRE_BINARY WORKDIR [--sessions 20] [--kill-after 150]
"""
import asyncio
import glob
import os
import signal
import sys

import pwstore
from sandbox_load import Failure, sandbox_command, script_main, start_sandbox


def body(session, index):
    # Big enough to be written in several pieces, distinct so a mix-up shows.
    head = b"Subject: crash %d.%d\r\n\r\n" % (session, index)
    return head + (b"%06d.%06d line of the crash test body\r\n" % (session, index)) * 300


async def read_reply(reader):
    lines = []
    while True:
        line = await reader.readline()
        if not line:
            return None  # the server is gone
        lines.append(line)
        if len(line) < 4 or line[3:4] == b" ":
            return b"".join(lines)


async def sender(port, session, acked, stop):
    try:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
    except OSError:
        return
    try:
        if not (await read_reply(reader) or b"").startswith(b"220"):
            return
        writer.write(b"EHLO crash%d.example\r\n" % session)
        if not (await read_reply(reader) or b"").startswith(b"250"):
            return
        index = 0
        while not stop.is_set():
            content = body(session, index)
            writer.write(b"MAIL FROM:<s%d@example.org>\r\nRCPT TO:<sink@example.org>\r\nDATA\r\n"
                         % session)
            for code in (b"250", b"250", b"354"):
                reply = await read_reply(reader)
                if reply is None:
                    return
                if not reply.startswith(code):
                    raise Failure("session %d: expected %s, got %r" % (session, code, reply))
            writer.write(content + b".\r\n")
            reply = await read_reply(reader)
            if reply is None:
                return
            if reply.startswith(b"250"):
                acked[reply.split()[-1].decode()] = content
            index += 1
    except (ConnectionError, OSError):
        return
    finally:
        writer.close()


def check_store(store, acked, sent):
    stored = pwstore.messages(store)
    for ident, content in acked.items():
        if ident not in stored:
            raise Failure("message %s got a 250 but is not in the store" % ident)
        if stored[ident].content != content or not stored[ident].intact:
            raise Failure("message %s got a 250 but is not whole on disk" % ident)
    for ident, m in stored.items():
        if m.sidecar is None:
            raise Failure("the sidecar of %s is not whole" % ident)
        if m.sidecar.get("id") != ident:
            raise Failure("the sidecar of %s names %r" % (ident, m.sidecar.get("id")))
        if m.content not in sent:
            raise Failure("stored message %s is not a whole message that was sent" % ident)
    return len(stored)


async def run(args):
    command, store = sandbox_command(args.binary, args.workdir)
    server, port = await start_sandbox(command)
    acked = {}
    try:
        asyncio.get_running_loop().run_in_executor(None, server.stdout.read)
        stop = asyncio.Event()
        tasks = [asyncio.create_task(sender(port, s, acked, stop))
                 for s in range(args.sessions)]
        # Mid-burst: once messages are flowing, at no particular point of any session.
        while len(acked) < args.kill_after:
            await asyncio.sleep(0.01)
        server.send_signal(signal.SIGKILL)
        server.wait()
        stop.set()
        await asyncio.wait_for(asyncio.gather(*tasks), 30)
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
    # The bodies are deterministic: rebuild only those up to the highest index seen.
    top = 0
    for content in acked.values():
        top = max(top, int(content.split(b"\r\n", 1)[0].split(b".")[-1]))
    sent = {body(s, i) for s in range(args.sessions) for i in range(top + 3)}
    complete = check_store(store, acked, sent)
    print("killed after %d acknowledged messages; %d complete messages on disk, "
          "%d .incoming files left" % (len(acked), complete,
                                       len(glob.glob(os.path.join(store, "*.incoming")))))
    # A restart lists every acknowledged message.
    server, _ = await start_sandbox(command)
    server.send_signal(signal.SIGTERM)
    server.wait(30)
    check_store(store, acked, sent)


def arguments(p):
    p.add_argument("--sessions", type=int, default=20)
    p.add_argument("--kill-after", type=int, default=150)


if __name__ == "__main__":
    sys.exit(script_main(run, arguments))
