// The sandbox server's side of the wire: whatever a client sends, in whatever pieces, the line
// reader gives the same lines (and BDAT chunks) as for the whole, never holds more than one
// line's limit of an unfinished line, and the command parsers (MAIL FROM and RCPT TO paths and
// parameters, the AUTH exchange) answer with a reply that is one line the wire can carry.
#include "fuzzcheck.h"
#include "sandbox/sandboxauth.h"
#include "sandbox/sandboxbehaviour.h"
#include "sandbox/sandboxlinereader.h"
#include "sandbox/sandboxpathparser.h"

#include <cstdint>

namespace {

// What the reader hands out, in order: a line, a dropped line (empty), a BDAT chunk's bytes.
struct Item
{
    enum Kind
    {
        Line,
        TooLong,
        Chunk
    } kind;
    QByteArray bytes;
    friend bool operator==(const Item &, const Item &) = default;
};

// "BDAT n ..." asks for n raw bytes next (bounded here, as the session bounds it by SIZE).
qsizetype bdatSize(const QByteArray &line)
{
    if (!line.toUpper().startsWith("BDAT "))
        return 0;
    bool ok = false;
    const qsizetype n = line.mid(5).split(' ').value(0).trimmed().toLongLong(&ok);
    return ok && n > 0 ? qMin<qsizetype>(n, 1 << 20) : 0;
}

// The reader's rule written another way: LF ends a line, a longer line than the limit is
// dropped whole, and an unfinished last line is not handed out.
QList<Item> reference(const QByteArray &data, qsizetype maxLength)
{
    QList<Item> out;
    qsizetype at = 0;
    while (at < data.size()) {
        const qsizetype lf = data.indexOf('\n', at);
        if (lf < 0)
            break;
        const QByteArray line = data.mid(at, lf + 1 - at);
        at = lf + 1;
        if (line.size() > maxLength) {
            out << Item{Item::TooLong, {}};
            continue;
        }
        out << Item{Item::Line, line};
        if (const qsizetype n = bdatSize(line); n > 0 && at < data.size()) {
            out << Item{Item::Chunk, data.mid(at, n)};
            at += n;
        }
    }
    return out;
}

// What the session refuses before parsing a command (SandboxSession's isBinary()).
bool isBinary(const QByteArray &line)
{
    for (const char c : line) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && u != '\t') || u == 0x7f)
            return true;
    }
    return !line.isValidUtf8();
}

// A reply the server sends is one line (RFC 5321 section 4.5.3.1.5: 512 octets with the code
// and CRLF): nothing a client wrote may add a line break to it or make it longer.
void checkReply(const SandboxReply &reply)
{
    if (reply.code == 0)
        return;
    FUZZ_CHECK(reply.code >= 200 && reply.code <= 559);
    FUZZ_CHECK(!reply.text.contains('\r') && !reply.text.contains('\n'));
    FUZZ_CHECK(!reply.text.contains('\0'));
    FUZZ_CHECK(4 + reply.enhanced.size() + 1 + reply.text.size() + 2 <= 512);
}

void checkAddress(const QString &address)
{
    for (const QChar c : address)
        FUZZ_CHECK(c.unicode() >= 0x20 && c.unicode() != 0x7f);
}

// Parses one command line the way the session dispatches it.
void parseCommand(const QByteArray &rawLine, SandboxAuth *auth, bool *utf8)
{
    QByteArray line = rawLine;
    if (line.endsWith('\n'))
        line.chop(1);
    if (line.endsWith('\r'))
        line.chop(1);
    if (auth->inProgress()) {
        // An AUTH continuation line is not checked for binary bytes by the session.
        const SandboxAuth::Step step = auth->respond(line);
        checkReply(step.reply);
        FUZZ_CHECK(step.reply.code != 0);
        FUZZ_CHECK((step.outcome == SandboxAuth::Outcome::Continue) == auth->inProgress());
        if (step.outcome == SandboxAuth::Outcome::Authenticated)
            FUZZ_CHECK(auth->user() == QStringLiteral("sandbox"));
        return;
    }
    if (isBinary(line))
        return;
    const qsizetype space = line.indexOf(' ');
    const QByteArray verb = (space < 0 ? line : line.left(space)).toUpper();
    const QByteArray args = space < 0 ? QByteArray() : line.mid(space + 1);
    SandboxBehaviour behaviour;
    behaviour.sizeLimit = 1000;
    if (verb == "MAIL" || verb == "RCPT") {
        const bool mail = verb == "MAIL";
        const auto result = SandboxPathParser::parse(mail ? SandboxPathParser::Command::Mail
                                                          : SandboxPathParser::Command::Rcpt,
                                                     args, behaviour, *utf8);
        checkReply(result.error);
        if (result.ok()) {
            FUZZ_CHECK(result.error.code == 0);
            checkAddress(result.address);
            for (const QString &parameter : result.parameters)
                checkAddress(parameter);
            if (mail)
                *utf8 = result.smtpUtf8;
        } else {
            FUZZ_CHECK(result.error.code >= 400);
        }
    } else if (verb == "AUTH") {
        const QList<QByteArray> parts = args.split(' ');
        if (parts.value(0).isEmpty() || parts.size() > 2)
            return;
        const SandboxAuth::Step step = auth->start(
            parts.at(0).toUpper(), parts.size() == 2 ? std::optional(parts.at(1)) : std::nullopt);
        checkReply(step.reply);
        FUZZ_CHECK((step.outcome == SandboxAuth::Outcome::Continue) == auth->inProgress());
    }
}

QList<Item> read(const QList<QByteArray> &pieces, qsizetype maxLength, bool commands)
{
    SandboxCredentials credentials;
    credentials.password = QStringLiteral("fuzz-password");
    SandboxAuth auth(credentials, QStringLiteral("sandbox.test"));
    bool utf8 = false;
    SandboxLineReader reader;
    QList<Item> out;
    qsizetype chunkLeft = 0;
    for (const QByteArray &piece : pieces) {
        reader.append(piece);
        for (;;) {
            if (chunkLeft > 0) {
                const QByteArray chunk = reader.take(chunkLeft);
                if (chunk.isEmpty())
                    break;
                out.last().bytes += chunk;
                chunkLeft -= chunk.size();
                continue;
            }
            QByteArray line;
            const SandboxLineReader::Result r = reader.next(maxLength, &line);
            if (r == SandboxLineReader::Result::NeedMore)
                break;
            if (r == SandboxLineReader::Result::TooLong) {
                FUZZ_CHECK(reader.lastDropped() > maxLength);
                out << Item{Item::TooLong, {}};
                continue;
            }
            FUZZ_CHECK(line.endsWith('\n') && line.size() <= maxLength);
            out << Item{Item::Line, line};
            chunkLeft = bdatSize(line);
            if (chunkLeft > 0)
                out << Item{Item::Chunk, {}};
            if (commands)
                parseCommand(line, &auth, &utf8);
        }
        // An unfinished line is held only up to the limit, however much of it came.
        FUZZ_CHECK(chunkLeft > 0 || reader.available() <= maxLength);
    }
    // A chunk announced at the very end with nothing after it is not an item.
    if (!out.isEmpty() && out.last().kind == Item::Chunk && out.last().bytes.isEmpty())
        out.removeLast();
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size)
{
    const FuzzInput input(bytes, size);
    // The command line limit, or a short one so that dropped lines are explored too.
    const qsizetype maxLength = size > 0 && (bytes[0] & 1) ? 512 : 24;
    const QList<Item> whole = read({input.data}, maxLength, true);
    FUZZ_CHECK(whole == reference(input.data, maxLength));
    FUZZ_CHECK(read(input.pieces, maxLength, false) == whole);
    return 0;
}
