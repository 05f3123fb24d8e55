// The SMTP reply parser and the EHLO capabilities: whatever a server sends, in whatever pieces,
// the parser gives the same replies and error as for the whole, stays within its bounds, and
// nothing it returns for people holds a control character.
#include "fuzzcheck.h"
#include "smtp/capabilities.h"
#include "smtp/smtpreply.h"

#include <cstdint>

namespace {

struct Run
{
    QList<SmtpReply> replies;
    SmtpReplyParser::Error error = SmtpReplyParser::Error::None;
};

Run parse(const QList<QByteArray> &pieces)
{
    SmtpReplyParser parser;
    Run run;
    for (const QByteArray &piece : pieces) {
        const bool ok = parser.feed(piece);
        FUZZ_CHECK(ok == (parser.error() == SmtpReplyParser::Error::None));
        while (parser.hasReply())
            run.replies << parser.takeReply();
        if (!ok)
            break;
    }
    run.error = parser.error();
    return run;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size)
{
    const FuzzInput input(bytes, size);
    const Run whole = parse({input.data});
    const Run pieces = parse(input.pieces);
    FUZZ_CHECK(whole.error == pieces.error);
    FUZZ_CHECK(whole.replies.size() == pieces.replies.size());
    for (qsizetype r = 0; r < whole.replies.size(); ++r) {
        const SmtpReply &reply = whole.replies.at(r);
        FUZZ_CHECK(reply.code == pieces.replies.at(r).code);
        FUZZ_CHECK(reply.lines == pieces.replies.at(r).lines);
        FUZZ_CHECK(reply.code >= 200 && reply.code <= 559);
        FUZZ_CHECK(reply.lines.size() <= SmtpReplyParser::MaxReplyLines);
        qsizetype bytesInReply = 0;
        for (qsizetype i = 0; i < reply.lines.size(); ++i) {
            FUZZ_CHECK(reply.rawLine(i).size() <= SmtpReplyParser::MaxLineLength);
            FUZZ_CHECK(printable(reply.displayLine(i)));
            bytesInReply += reply.lines.at(i).size();
        }
        FUZZ_CHECK(bytesInReply <= SmtpReplyParser::MaxReplyBytes);
        FUZZ_CHECK(printable(reply.toString()));
        FUZZ_CHECK(printable(reply.message()));
        const Capabilities caps = Capabilities::fromEhloReply(reply);
        FUZZ_CHECK(caps.sizeLimit() >= 0);
        for (const QByteArray &mechanism : caps.authMechanisms())
            FUZZ_CHECK(!mechanism.isEmpty() && mechanism == mechanism.toUpper());
        FUZZ_CHECK(caps.entries().size() <= reply.lines.size());
    }
    return 0;
}
