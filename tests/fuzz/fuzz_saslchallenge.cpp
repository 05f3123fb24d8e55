// The client's side of AUTH against a hostile server: whatever 334 challenges and final replies
// a server sends, for every mechanism, the client sends only single lines, never shows the secret
// (nor the bytes that carry it) outside the wire line, quotes the server only escaped, and counts
// itself authenticated only after a 235 to an exchange it did not cancel. SCRAM-SHA-256 is also
// driven with a fixed client nonce, so that server-first and server-final messages get explored
// past the nonce check.
#include "fuzzcheck.h"
#include "smtp/capabilities.h"
#include "smtp/sasl_scram.h"
#include "smtp/smtpauthentication.h"
#include "smtp/smtpreply.h"

#include <cstdint>

namespace {

const QString Password = QStringLiteral("Fuzz-S3cret!");
const QByteArray Nonce = "rOprNGfwEbeRWgbNEkqO";
const QByteArray Mechanisms[] = {"CRAM-MD5", "SCRAM-SHA-256", "XOAUTH2", "LOGIN", "PLAIN"};

// Text for people holds neither the secret nor the wire bytes that carry it.
void checkShown(const QString &text, const QByteArray &wire)
{
    FUZZ_CHECK(!text.contains(Password));
    FUZZ_CHECK(!text.contains(QString::fromLatin1(Password.toUtf8().toBase64())));
    if (wire.size() > 8 && QByteArray::fromBase64(wire).contains(Password.toUtf8()))
        FUZZ_CHECK(!text.contains(QString::fromLatin1(wire)));
}

void checkStep(const SmtpAuthStep &step)
{
    for (const QString &warning : step.warnings) {
        FUZZ_CHECK(printable(warning));
        checkShown(warning, step.wire);
    }
    FUZZ_CHECK(printable(step.note));
    FUZZ_CHECK(printable(step.message));
    checkShown(step.note, step.wire);
    checkShown(step.message, step.wire);
    checkShown(step.shown, step.wire);
    if (step.action == SmtpAuthStep::Action::Send) {
        // An empty line is a response too (XOAUTH2 ends its error exchange with one).
        FUZZ_CHECK(!step.wire.isEmpty() || step.continuation);
        for (const char c : step.wire)
            FUZZ_CHECK(c >= 0x20 && c < 0x7f);
        if (QByteArray::fromBase64(step.wire).contains(Password.toUtf8()))
            FUZZ_CHECK(step.redacted);
    }
    if (step.action == SmtpAuthStep::Action::Fail)
        FUZZ_CHECK(!step.message.isEmpty());
}

QList<SmtpReply> replies(const QByteArray &data)
{
    SmtpReplyParser parser;
    parser.feed(data);
    QList<SmtpReply> out;
    while (parser.hasReply())
        out << parser.takeReply();
    return out;
}

// The whole exchange as SmtpClient drives it.
void exchange(const QByteArray &mechanism, bool canAsk, const QList<SmtpReply> &fromServer)
{
    SmtpSettings settings;
    settings.host = QStringLiteral("fuzz.test");
    settings.authMechanism = mechanism;
    settings.credentials.user = QStringLiteral("user@fuzz.test");
    settings.credentials.secret = Password;
    SmtpReply ehlo;
    ehlo.code = 250;
    ehlo.lines = {"fuzz.test", "AUTH " + mechanism};
    SmtpAuthentication auth(settings, canAsk);
    SmtpAuthStep step = auth.start(Capabilities::fromEhloReply(ehlo), true, false, false);
    checkStep(step);
    FUZZ_CHECK(step.action == SmtpAuthStep::Action::Send);
    bool cancelled = false;
    for (const SmtpReply &reply : fromServer) {
        step = auth.onReply(reply);
        checkStep(step);
        if (step.action == SmtpAuthStep::Action::Done) {
            FUZZ_CHECK(reply.code == 235);
            FUZZ_CHECK(!cancelled);
            // SCRAM's server proves it knows the password: a random nonce cannot be guessed.
            FUZZ_CHECK(mechanism != "SCRAM-SHA-256");
            return;
        }
        if (step.action == SmtpAuthStep::Action::Fail)
            return;
        if (step.action == SmtpAuthStep::Action::AskCredentials) {
            // The person answers with the same secret.
            step = auth.begin(settings.credentials);
            checkStep(step);
            cancelled = false;
            continue;
        }
        FUZZ_CHECK(step.action == SmtpAuthStep::Action::Send);
        FUZZ_CHECK(reply.code == 334);
        cancelled = step.wire == "*";
    }
}

// SCRAM-SHA-256 with a nonce the corpus knows. PBKDF2 with a server's iteration count costs
// time, not correctness: counts above a few thousand are left to tst_sasl (MaxIterations).
void scram(const QList<SmtpReply> &fromServer)
{
    SaslCredentials credentials{QStringLiteral("user"), Password, {}};
    SaslScramSha256 sasl(credentials);
    sasl.setClientNonce(Nonce);
    const SaslMechanism::Step first = sasl.start();
    FUZZ_CHECK(first.ok && first.response.endsWith(Nonce));
    bool failed = false;
    for (const SmtpReply &reply : fromServer) {
        const QByteArray data = QByteArray::fromBase64(reply.lines.value(0).trimmed());
        if (reply.code == 235) {
            const QString why = sasl.verifySuccess(data);
            FUZZ_CHECK(!why.isEmpty() || !failed);
            return;
        }
        if (reply.code != 334)
            return;
        const qsizetype i = data.indexOf(",i=");
        if (i >= 0 && data.mid(i + 3).split(',').value(0).toLongLong() > 4096)
            return;
        const SaslMechanism::Step step = sasl.respond(data);
        FUZZ_CHECK(step.ok || !step.error.isEmpty());
        FUZZ_CHECK(!step.shown.contains(Password) && !step.error.contains(Password));
        if (step.ok && !step.response.isEmpty()) {
            FUZZ_CHECK(step.redacted && !step.shown.contains(QString::fromLatin1(step.response)));
            FUZZ_CHECK(step.response.startsWith(QByteArray("c=biws,r=" + Nonce)));
        }
        failed = failed || !step.ok;
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size)
{
    if (size == 0)
        return 0;
    const QByteArray data(reinterpret_cast<const char *>(bytes) + 1, qsizetype(size - 1));
    const QByteArray mechanism = Mechanisms[(bytes[0] & 0x7f) % std::size(Mechanisms)];
    const QList<SmtpReply> fromServer = replies(data);
    exchange(mechanism, bytes[0] & 0x80, fromServer);
    if (mechanism == "SCRAM-SHA-256")
        scram(fromServer);
    return 0;
}
