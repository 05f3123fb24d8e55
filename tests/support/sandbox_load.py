#!/usr/bin/python3
"""Load and robustness check of `postwire sandbox`, as a separate process on loopback.

Starts `postwire sandbox --port 0` with its own store, reads the port from its first line,
then: N concurrent sessions that each deliver one message; a 1 MB line; binary junk;
commands out of order; a client that disappears mid-DATA (and mid-BDAT). After each, a
normal session must still be served, and the store must hold exactly the complete
messages (no half message). Before all that, M concurrent sessions each send one big
message, and the server's peak RSS is printed before and after them: the server streams
message content to disk, so the figure should not grow by M times the message size.
Finally SIGTERM must stop the server with exit code 0.
Everything is bounded in time; figures are printed. Exit 0 when all held.

Usage: sandbox_load.py POSTWIRE_BINARY WORKDIR [--sessions 200] [--big-sessions 20]
                       [--big-mib 5] [--deadline 120]
"""
import argparse
import asyncio
import os
import shutil
import signal
import statistics
import subprocess
import sys
import time

import pwstore


class Failure(Exception):
    pass


async def read_reply(reader, timeout=20):
    """Returns the complete reply (all lines) as bytes."""
    lines = []
    while True:
        line = await asyncio.wait_for(reader.readline(), timeout)
        if not line:
            raise Failure("connection closed while waiting for a reply (got %r)" % lines)
        lines.append(line)
        if len(line) < 4 or line[3:4] == b" ":
            return b"".join(lines)


async def expect(reader, code, what):
    reply = await read_reply(reader)
    if not reply.startswith(code):
        raise Failure("%s: expected %s, got %r" % (what, code.decode(), reply[:200]))
    return reply


def message(index):
    return b"Subject: load %d\r\n\r\n" % index + b"line of the load test body\r\n" * 40


async def session(port, index):
    start = time.monotonic()
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        await expect(reader, b"220", "greeting")
        writer.write(b"EHLO load%d.example\r\n" % index)
        await expect(reader, b"250", "EHLO")
        # Pipelined, as a PIPELINING client sends them.
        writer.write(b"MAIL FROM:<load%d@example.org>\r\nRCPT TO:<sink@example.org>\r\nDATA\r\n"
                     % index)
        await expect(reader, b"250", "MAIL")
        await expect(reader, b"250", "RCPT")
        await expect(reader, b"354", "DATA")
        body = message(index)
        writer.write(body + b".\r\n")
        await expect(reader, b"250", "end of data")
        writer.write(b"QUIT\r\n")
        await expect(reader, b"221", "QUIT")
    finally:
        writer.close()
    return time.monotonic() - start


def big_message(index, mib):
    line = b"%-76d\r\n" % index  # 78 bytes, well under the 1000-octet line limit
    return b"Subject: big %d\r\n\r\n" % index + line * (mib * 1024 * 1024 // len(line))


async def big_session(port, index, mib):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        await expect(reader, b"220", "greeting")
        writer.write(b"EHLO big%d.example\r\nMAIL FROM:<big%d@example.org>\r\n"
                     b"RCPT TO:<sink@example.org>\r\nDATA\r\n" % (index, index))
        await expect(reader, b"250", "EHLO")
        await expect(reader, b"250", "MAIL")
        await expect(reader, b"250", "RCPT")
        await expect(reader, b"354", "DATA")
        body = big_message(index, mib)
        for start in range(0, len(body), 256 * 1024):
            writer.write(body[start:start + 256 * 1024])
            await writer.drain()
        writer.write(b".\r\n")
        await expect(reader, b"250", "end of a big message")
        writer.write(b"QUIT\r\n")
        await expect(reader, b"221", "QUIT")
    finally:
        writer.close()
    return len(body)


async def normal_session(port, label):
    try:
        await session(port, 0)
    except Exception as e:  # noqa: BLE001 - reported with the step's name
        raise Failure("the session after %s was not served: %s" % (label, e)) from e


async def malformed(port, results):
    # 1 MB line without a line ending for most of it.
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    await expect(reader, b"220", "greeting")
    writer.write(b"NOOP " + b"x" * (1024 * 1024) + b"\r\n")
    await writer.drain()
    await expect(reader, b"500", "1 MB line")
    writer.write(b"NOOP\r\n")
    await expect(reader, b"250", "NOOP after the 1 MB line")
    writer.close()
    await normal_session(port, "a 1 MB line")
    results.append("1 MB line: 500 line too long, the same session goes on")

    # Binary junk, including what a TLS ClientHello looks like.
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    await expect(reader, b"220", "greeting")
    writer.write(b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" + bytes(range(256)) + b"\r\n")
    reply = await read_reply(reader)
    if not reply.startswith(b"500"):
        raise Failure("binary junk: expected 500, got %r" % reply[:200])
    writer.close()
    await normal_session(port, "binary junk")
    results.append("binary junk: 500")

    # Commands out of order.
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    await expect(reader, b"220", "greeting")
    for command, code in ((b"DATA", b"503"), (b"RCPT TO:<a@b.example>", b"503"),
                          (b"MAIL FROM:<a@b.example>", b"503"), (b"EHLO c", b"250"),
                          (b"RCPT TO:<a@b.example>", b"503"), (b"DATA", b"503"),
                          (b"BDAT 3 LAST\r\nabc", b"503")):
        writer.write(command + b"\r\n")
        await expect(reader, code, "out of order %r" % command)
    writer.close()
    await normal_session(port, "commands out of order")
    results.append("commands out of order: 503 each")

    # A client that disappears mid-DATA and mid-BDAT.
    for command in (b"DATA\r\n", b"BDAT 100000 LAST\r\n"):
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        await expect(reader, b"220", "greeting")
        writer.write(b"EHLO c\r\nMAIL FROM:<a@b.example>\r\nRCPT TO:<half@b.example>\r\n" + command)
        await expect(reader, b"250", "EHLO")
        await expect(reader, b"250", "MAIL")
        await expect(reader, b"250", "RCPT")
        if command.startswith(b"DATA"):
            await expect(reader, b"354", "DATA")
        writer.write(b"Subject: half\r\n\r\nonly half of the message")
        await writer.drain()
        writer.transport.abort()
        await normal_session(port, "a client vanishing after %s" % command.split()[0].decode())
    results.append("client vanishing mid-DATA and mid-BDAT: nothing stored")


async def noop_flood(port, count):
    """One session that pipelines count NOOPs around a message, as a hostile client would;
    returns once the server said goodbye."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        await expect(reader, b"220", "greeting")
        writer.write(b"EHLO flood.example\r\n" + b"NOOP\r\n" * count +
                     b"MAIL FROM:<flood@example.org>\r\nRCPT TO:<sink@example.org>\r\nDATA\r\n")
        await writer.drain()
        for _ in range(count + 4):  # EHLO, the NOOPs, MAIL, RCPT, DATA
            await read_reply(reader, timeout=60)
        writer.write(message(0) + b".\r\n" + b"NOOP\r\n" * count + b"QUIT\r\n")
        await writer.drain()
        await expect(reader, b"250", "end of data after the NOOPs")
        for _ in range(count):
            await read_reply(reader, timeout=60)
        await expect(reader, b"221", "QUIT after the NOOPs")
    finally:
        writer.close()


def stored(store):
    """The messages in the store's segments (pwstore.py): their contents, and how many have
    a sidecar that reads."""
    found = pwstore.messages(store)
    return ([m.content for m in found.values() if m.intact],
            [m.sidecar for m in found.values() if m.sidecar is not None])


def peak_rss_kib(pid):
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return -1


def sandbox_command(binary, workdir):
    """`postwire sandbox` on a free port with its own store in a fresh WORKDIR; the store's
    folder."""
    workdir = os.path.abspath(workdir)
    shutil.rmtree(workdir, ignore_errors=True)
    os.makedirs(workdir)
    store = os.path.join(workdir, "inbox")
    return ([binary, "sandbox", "--port", "0", "--store", store, "--data-dir",
             os.path.join(workdir, "data"), "--store-cap", "0", "--quiet"], store)


async def start_sandbox(command):
    """Starts the server; returns it and the port its first line names."""
    server = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=sys.stderr)
    try:
        first = await asyncio.wait_for(asyncio.to_thread(server.stdout.readline), 30)
        text = first.decode().strip()
        if not text.startswith("listening on 127.0.0.1:"):
            raise Failure("first line of `postwire sandbox` was %r" % text)
    except BaseException:
        server.kill()
        server.wait()
        raise
    return server, int(text.rsplit(":", 1)[1])


async def run(args):
    command, store = sandbox_command(args.binary, args.workdir)
    server, port = await start_sandbox(command)
    try:
        # Keep reading its output so a full pipe never blocks the server.
        drain = asyncio.create_task(asyncio.to_thread(server.stdout.read))

        before = peak_rss_kib(server.pid)
        begin = time.monotonic()
        sizes = await asyncio.gather(*(big_session(port, i, args.big_mib)
                                       for i in range(args.big_sessions)),
                                     return_exceptions=True)
        wall = time.monotonic() - begin
        errors = [s for s in sizes if isinstance(s, BaseException)]
        if errors:
            raise Failure("%d of %d big-message sessions failed; first: %r"
                          % (len(errors), args.big_sessions, errors[0]))
        after = peak_rss_kib(server.pid)
        print("big: %d concurrent sessions, each one message of %d bytes, wall %.3f s"
              % (args.big_sessions, sizes[0] if sizes else 0, wall))
        print("big: server peak RSS %d KiB before, %d KiB after (+%d KiB for %d MiB in flight)"
              % (before, after, after - before, args.big_sessions * args.big_mib))
        emls, sidecars = stored(store)
        if len(emls) != args.big_sessions or len(sidecars) != args.big_sessions:
            raise Failure("store holds %d .eml / %d .json after %d big messages"
                          % (len(emls), len(sidecars), args.big_sessions))
        for content in emls:
            index = int(content.split(b"\r\n", 1)[0].split()[-1])
            if content != big_message(index, args.big_mib):
                raise Failure("big message %d not stored byte for byte" % index)

        begin = time.monotonic()
        durations = await asyncio.gather(*(session(port, i) for i in range(args.sessions)),
                                         return_exceptions=True)
        wall = time.monotonic() - begin
        errors = [d for d in durations if isinstance(d, BaseException)]
        if errors:
            raise Failure("%d of %d concurrent sessions failed; first: %r"
                          % (len(errors), args.sessions, errors[0]))
        durations.sort()
        print("load: %d concurrent sessions, each EHLO/MAIL/RCPT/DATA(%d bytes)/QUIT"
              % (args.sessions, len(message(0))))
        print("load: wall %.3f s, %.1f sessions/s, session time median %.1f ms, "
              "p95 %.1f ms, max %.1f ms"
              % (wall, args.sessions / wall, statistics.median(durations) * 1000,
                 durations[int(len(durations) * 0.95) - 1] * 1000, durations[-1] * 1000))
        emls, sidecars = stored(store)
        if (len(emls) != args.sessions + args.big_sessions
                or len(sidecars) != args.sessions + args.big_sessions):
            raise Failure("store holds %d messages / %d sidecars after %d + %d sessions"
                          % (len(emls), len(sidecars), args.big_sessions, args.sessions))

        results = []
        await malformed(port, results)
        for r in results:
            print("robustness:", r)
        await noop_flood(port, args.flood)
        print("robustness: %d pipelined NOOPs before and after a message: served" % args.flood)
        # One normal session after each of the 5 malformed cases, and the flood's message.
        expected = args.big_sessions + args.sessions + 5 + 1
        emls, sidecars = stored(store)
        # index.pwi lists the messages for a fast start; anything else is a leftover.
        leftovers = [f for f in os.listdir(store)
                     if not f.endswith(".pws") and f != "index.pwi"]
        if len(emls) != expected or len(sidecars) != expected or leftovers:
            raise Failure("store holds %d messages / %d sidecars / other %r, expected %d "
                          "complete" % (len(emls), len(sidecars), leftovers, expected))
        for content in emls:
            if b"only half" in content:
                raise Failure("a half message was stored: %r" % content[:60])
        print("store: %d complete messages, no half message" % expected)
        print("server peak RSS: %d KiB" % peak_rss_kib(server.pid))

        server.send_signal(signal.SIGTERM)
        code = await asyncio.wait_for(asyncio.to_thread(server.wait), 15)
        printed = len(await asyncio.wait_for(drain, 5))  # after the first line
        if code != 0:
            raise Failure("postwire sandbox exited with %d after SIGTERM" % code)
        print("SIGTERM: exit code 0")
        # --quiet prints a few lines per session and message, whatever a client sends: the
        # flood's 2 x --flood commands must not show. The sessions are those above, the 5
        # malformed cases with one normal session each, the flood and a few lines at start.
        sessions = args.big_sessions + args.sessions + 10 + 1
        bound = 300 * sessions + 1000
        print("--quiet printed %d bytes for %d sessions (bound %d)" % (printed, sessions, bound))
        if printed > bound:
            raise Failure("--quiet printed %d bytes, more than %d: not bounded by sessions"
                          % (printed, bound))
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()


def script_main(run, add_arguments):
    """Parses BINARY WORKDIR [--deadline] and the script's own options, runs run(args)
    within the deadline and prints PASSED or FAILED; the exit code."""
    p = argparse.ArgumentParser()
    p.add_argument("binary")
    p.add_argument("workdir")
    p.add_argument("--deadline", type=float, default=120)
    add_arguments(p)
    args = p.parse_args()
    try:
        asyncio.run(asyncio.wait_for(run(args), args.deadline))
    except Failure as e:
        print("FAILED:", e)
        return 1
    except asyncio.TimeoutError:
        print("FAILED: not done within %.0f s" % args.deadline)
        return 1
    print("PASSED")
    return 0


def arguments(p):
    p.add_argument("--sessions", type=int, default=200)
    p.add_argument("--big-sessions", type=int, default=20)
    p.add_argument("--big-mib", type=int, default=5)
    p.add_argument("--flood", type=int, default=20000)


if __name__ == "__main__":
    sys.exit(script_main(run, arguments))
