#include "smtp/explain.h"

#include "smtp/smtpreply.h"
#include "smtp/transcriptentry.h"

#include <QList>
#include <QRegularExpression>
#include <QStringList>

namespace {

struct DetailText
{
    int subject;
    int detail;
    const char *meaning;
    const char *advice; // nullptr: only the class's advice applies
};

// RFC 3463 section 3 and the IANA registry of enhanced status codes (RFC 5248), with the
// later additions servers actually send (RFC 4954 authentication, RFC 6531 UTF-8, RFC 7372
// DKIM/SPF, RFC 7505 null MX, RFC 8689 REQUIRETLS).
const DetailText kDetails[] = {
    {0, 0, QT_TRANSLATE_NOOP("SmtpExplain", "other or undefined status"), nullptr},
    {1, 0, QT_TRANSLATE_NOOP("SmtpExplain", "other address status"),
     QT_TRANSLATE_NOOP("SmtpExplain", "check the address")},
    {1, 1, QT_TRANSLATE_NOOP("SmtpExplain", "bad destination mailbox"),
     QT_TRANSLATE_NOOP("SmtpExplain", "fix the address")},
    {1, 2,
     QT_TRANSLATE_NOOP("SmtpExplain", "bad destination system (the domain has no mail server)"),
     QT_TRANSLATE_NOOP("SmtpExplain", "check the domain of the address")},
    {1, 3, QT_TRANSLATE_NOOP("SmtpExplain", "bad destination mailbox address syntax"),
     QT_TRANSLATE_NOOP("SmtpExplain", "fix the way the address is written")},
    {1, 4, QT_TRANSLATE_NOOP("SmtpExplain", "destination mailbox address ambiguous"),
     QT_TRANSLATE_NOOP("SmtpExplain", "give the full address")},
    {1, 5, QT_TRANSLATE_NOOP("SmtpExplain", "destination address valid"), nullptr},
    {1, 6, QT_TRANSLATE_NOOP("SmtpExplain", "mailbox has moved, no forwarding address"),
     QT_TRANSLATE_NOOP("SmtpExplain", "find the recipient's new address")},
    {1, 7, QT_TRANSLATE_NOOP("SmtpExplain", "bad sender mailbox address syntax"),
     QT_TRANSLATE_NOOP("SmtpExplain", "fix the From address")},
    {1, 8, QT_TRANSLATE_NOOP("SmtpExplain", "bad sender system address"),
     QT_TRANSLATE_NOOP("SmtpExplain", "use a From address whose domain accepts mail")},
    {1, 9, QT_TRANSLATE_NOOP("SmtpExplain", "message relayed to a non-compliant mailer"), nullptr},
    {1, 10, QT_TRANSLATE_NOOP("SmtpExplain", "recipient domain accepts no mail (null MX)"),
     QT_TRANSLATE_NOOP("SmtpExplain", "the domain never receives mail: use another address")},
    {2, 0, QT_TRANSLATE_NOOP("SmtpExplain", "other or undefined mailbox status"), nullptr},
    {2, 1, QT_TRANSLATE_NOOP("SmtpExplain", "mailbox disabled, not accepting messages"),
     QT_TRANSLATE_NOOP("SmtpExplain", "reach the recipient another way")},
    {2, 2, QT_TRANSLATE_NOOP("SmtpExplain", "mailbox full"),
     QT_TRANSLATE_NOOP("SmtpExplain", "the recipient must make room")},
    {2, 3, QT_TRANSLATE_NOOP("SmtpExplain", "message longer than the mailbox allows"),
     QT_TRANSLATE_NOOP("SmtpExplain", "make the message smaller")},
    {2, 4, QT_TRANSLATE_NOOP("SmtpExplain", "mailing list expansion problem"),
     QT_TRANSLATE_NOOP("SmtpExplain", "tell the list's owner")},
    {3, 0, QT_TRANSLATE_NOOP("SmtpExplain", "other or undefined mail system status"), nullptr},
    {3, 1, QT_TRANSLATE_NOOP("SmtpExplain", "mail system full"),
     QT_TRANSLATE_NOOP("SmtpExplain", "the server is out of space")},
    {3, 2, QT_TRANSLATE_NOOP("SmtpExplain", "system not accepting network messages"),
     QT_TRANSLATE_NOOP("SmtpExplain", "the server is shutting down or in maintenance")},
    {3, 3, QT_TRANSLATE_NOOP("SmtpExplain", "system not capable of the selected features"),
     QT_TRANSLATE_NOOP("SmtpExplain", "send without the feature the server lacks")},
    {3, 4, QT_TRANSLATE_NOOP("SmtpExplain", "message too big for the system"),
     QT_TRANSLATE_NOOP("SmtpExplain", "make the message smaller")},
    {3, 5, QT_TRANSLATE_NOOP("SmtpExplain", "system incorrectly configured"),
     QT_TRANSLATE_NOOP("SmtpExplain", "tell the server's administrator")},
    {3, 6, QT_TRANSLATE_NOOP("SmtpExplain", "requested priority was changed"), nullptr},
    {4, 0, QT_TRANSLATE_NOOP("SmtpExplain", "other or undefined network or routing status"),
     nullptr},
    {4, 1, QT_TRANSLATE_NOOP("SmtpExplain", "no answer from the next host"), nullptr},
    {4, 2, QT_TRANSLATE_NOOP("SmtpExplain", "bad connection"), nullptr},
    {4, 3, QT_TRANSLATE_NOOP("SmtpExplain", "directory server (e.g. DNS) failure"), nullptr},
    {4, 4, QT_TRANSLATE_NOOP("SmtpExplain", "unable to route"),
     QT_TRANSLATE_NOOP("SmtpExplain", "check the domain of the address")},
    {4, 5, QT_TRANSLATE_NOOP("SmtpExplain", "mail system congestion"), nullptr},
    {4, 6, QT_TRANSLATE_NOOP("SmtpExplain", "routing loop detected"),
     QT_TRANSLATE_NOOP("SmtpExplain", "tell the server's administrator")},
    {4, 7, QT_TRANSLATE_NOOP("SmtpExplain", "delivery time expired"), nullptr},
    {5, 0, QT_TRANSLATE_NOOP("SmtpExplain", "other or undefined protocol status"), nullptr},
    {5, 1, QT_TRANSLATE_NOOP("SmtpExplain", "invalid command"),
     QT_TRANSLATE_NOOP("SmtpExplain", "the server does not know or allow this command here")},
    {5, 2, QT_TRANSLATE_NOOP("SmtpExplain", "syntax error"),
     QT_TRANSLATE_NOOP("SmtpExplain", "the command was malformed")},
    {5, 3, QT_TRANSLATE_NOOP("SmtpExplain", "too many recipients"),
     QT_TRANSLATE_NOOP("SmtpExplain", "send to fewer recipients per message")},
    {5, 4, QT_TRANSLATE_NOOP("SmtpExplain", "invalid command arguments"),
     QT_TRANSLATE_NOOP("SmtpExplain", "check the command's parameters")},
    {5, 5, QT_TRANSLATE_NOOP("SmtpExplain", "wrong protocol version"), nullptr},
    {5, 6, QT_TRANSLATE_NOOP("SmtpExplain", "authentication exchange line too long"), nullptr},
    {6, 0, QT_TRANSLATE_NOOP("SmtpExplain", "other or undefined media error"), nullptr},
    {6, 1, QT_TRANSLATE_NOOP("SmtpExplain", "media not supported"),
     QT_TRANSLATE_NOOP("SmtpExplain", "send the content in another form")},
    {6, 2, QT_TRANSLATE_NOOP("SmtpExplain", "conversion required and prohibited"), nullptr},
    {6, 3, QT_TRANSLATE_NOOP("SmtpExplain", "conversion required but not supported"), nullptr},
    {6, 4, QT_TRANSLATE_NOOP("SmtpExplain", "conversion with loss performed"), nullptr},
    {6, 5, QT_TRANSLATE_NOOP("SmtpExplain", "conversion failed"), nullptr},
    {6, 6, QT_TRANSLATE_NOOP("SmtpExplain", "message content not available"), nullptr},
    {6, 7, QT_TRANSLATE_NOOP("SmtpExplain", "non-ASCII addresses not permitted"),
     QT_TRANSLATE_NOOP("SmtpExplain", "use an ASCII address")},
    {6, 8, QT_TRANSLATE_NOOP("SmtpExplain", "UTF-8 reply required but not permitted by the client"),
     nullptr},
    {6, 9, QT_TRANSLATE_NOOP("SmtpExplain", "UTF-8 headers cannot be transferred to the recipient"),
     QT_TRANSLATE_NOOP("SmtpExplain", "use ASCII addresses and headers")},
    {7, 0, QT_TRANSLATE_NOOP("SmtpExplain", "other or undefined security status"), nullptr},
    {7, 1, QT_TRANSLATE_NOOP("SmtpExplain", "delivery not authorized, message refused"),
     QT_TRANSLATE_NOOP("SmtpExplain",
                       "log in, or check that you may send from and to these addresses")},
    {7, 2, QT_TRANSLATE_NOOP("SmtpExplain", "mailing list expansion prohibited"), nullptr},
    {7, 3, QT_TRANSLATE_NOOP("SmtpExplain", "security conversion required but not possible"),
     nullptr},
    {7, 4, QT_TRANSLATE_NOOP("SmtpExplain", "security features not supported"), nullptr},
    {7, 5, QT_TRANSLATE_NOOP("SmtpExplain", "cryptographic failure"), nullptr},
    {7, 6, QT_TRANSLATE_NOOP("SmtpExplain", "cryptographic algorithm not supported"), nullptr},
    {7, 7, QT_TRANSLATE_NOOP("SmtpExplain", "message integrity failure"), nullptr},
    {7, 8, QT_TRANSLATE_NOOP("SmtpExplain", "authentication credentials invalid"),
     QT_TRANSLATE_NOOP("SmtpExplain", "check the user name and password")},
    {7, 9, QT_TRANSLATE_NOOP("SmtpExplain", "authentication mechanism too weak"),
     QT_TRANSLATE_NOOP("SmtpExplain", "choose a stronger authentication mechanism")},
    {7, 10, QT_TRANSLATE_NOOP("SmtpExplain", "encryption needed"),
     QT_TRANSLATE_NOOP("SmtpExplain", "use TLS (STARTTLS or implicit TLS)")},
    {7, 11,
     QT_TRANSLATE_NOOP("SmtpExplain", "encryption required for this authentication mechanism"),
     QT_TRANSLATE_NOOP("SmtpExplain", "use TLS before authenticating")},
    {7, 12, QT_TRANSLATE_NOOP("SmtpExplain", "a password transition is needed"),
     QT_TRANSLATE_NOOP("SmtpExplain", "log in once with a plain mechanism over TLS")},
    {7, 13, QT_TRANSLATE_NOOP("SmtpExplain", "user account disabled"),
     QT_TRANSLATE_NOOP("SmtpExplain", "ask the provider to enable the account")},
    {7, 14, QT_TRANSLATE_NOOP("SmtpExplain", "trust relationship required"), nullptr},
    {7, 15, QT_TRANSLATE_NOOP("SmtpExplain", "priority level too low"), nullptr},
    {7, 16, QT_TRANSLATE_NOOP("SmtpExplain", "message too big for the requested priority"),
     nullptr},
    {7, 17, QT_TRANSLATE_NOOP("SmtpExplain", "mailbox owner has changed"), nullptr},
    {7, 18, QT_TRANSLATE_NOOP("SmtpExplain", "domain owner has changed"), nullptr},
    {7, 19, QT_TRANSLATE_NOOP("SmtpExplain", "RRVS test cannot be completed"), nullptr},
    {7, 20, QT_TRANSLATE_NOOP("SmtpExplain", "no passing DKIM signature found"),
     QT_TRANSLATE_NOOP("SmtpExplain", "send through the server of the From domain")},
    {7, 21, QT_TRANSLATE_NOOP("SmtpExplain", "no acceptable DKIM signature found"),
     QT_TRANSLATE_NOOP("SmtpExplain", "send through the server of the From domain")},
    {7, 22, QT_TRANSLATE_NOOP("SmtpExplain", "no valid author-matched DKIM signature found"),
     QT_TRANSLATE_NOOP("SmtpExplain", "send through the server of the From domain")},
    {7, 23, QT_TRANSLATE_NOOP("SmtpExplain", "SPF validation failed"),
     QT_TRANSLATE_NOOP("SmtpExplain", "send through a server the sender's domain allows")},
    {7, 24, QT_TRANSLATE_NOOP("SmtpExplain", "SPF validation error"), nullptr},
    {7, 25, QT_TRANSLATE_NOOP("SmtpExplain", "reverse DNS validation failed"),
     QT_TRANSLATE_NOOP("SmtpExplain", "send through a server with proper reverse DNS")},
    {7, 26, QT_TRANSLATE_NOOP("SmtpExplain", "multiple authentication checks failed"),
     QT_TRANSLATE_NOOP("SmtpExplain", "send through the server of the From domain")},
    {7, 27, QT_TRANSLATE_NOOP("SmtpExplain", "sender address has null MX"),
     QT_TRANSLATE_NOOP("SmtpExplain", "use a From address whose domain accepts mail")},
    {7, 30, QT_TRANSLATE_NOOP("SmtpExplain", "REQUIRETLS support required"), nullptr},
};

const DetailText *findDetail(int subject, int detail)
{
    for (const DetailText &d : kDetails) {
        if (d.subject == subject && d.detail == detail)
            return &d;
    }
    return nullptr;
}

QString afterCode(const QString &line)
{
    return line.size() > 4 ? line.mid(4) : QString();
}

} // namespace

QString SmtpExplain::replyClass(int code)
{
    switch (code / 100) {
    case 2:
        return tr("positive completion");
    case 3:
        return tr("positive intermediate: the server waits for more");
    case 4:
        return tr("temporary failure");
    case 5:
        return tr("permanent failure");
    default:
        return QString();
    }
}

QString SmtpExplain::replyCode(int code, const QString &command)
{
    const QString cmd = command.toUpper();
    // The same code means different things after different commands; the context comes first.
    if (code == 250) {
        if (cmd == QLatin1String("EHLO"))
            return tr("hello accepted; the lines that follow name the extensions the server "
                      "supports");
        if (cmd == QLatin1String("HELO"))
            return tr("hello accepted (no extensions with HELO)");
        if (cmd == QLatin1String("MAIL"))
            return tr("sender accepted");
        if (cmd == QLatin1String("RCPT"))
            return tr("recipient accepted");
        if (cmd == QLatin1String("."))
            return tr("message accepted: the server has taken responsibility for delivering it");
        if (cmd == QLatin1String("BDAT"))
            return tr("chunk received; the message is accepted only after its LAST chunk");
        if (cmd == QLatin1String("RSET"))
            return tr("transaction reset");
        if (cmd == QLatin1String("NOOP"))
            return tr("still here");
    }
    if (code == 220 && cmd == QLatin1String("STARTTLS"))
        return tr("ready to start TLS: the TLS handshake follows");
    if (code >= 400 && cmd == QLatin1String("RCPT"))
        return tr("this recipient was refused (others may still be accepted)");
    if (code >= 400 && cmd == QLatin1String("MAIL"))
        return tr("the sender was refused, so the message cannot be sent in this transaction");
    if (code >= 400 && (cmd == QLatin1String(".") || cmd == QLatin1String("BDAT")))
        return tr("the message was refused after its content was sent");
    if (code >= 400 && cmd == QLatin1String("AUTH"))
        return tr("authentication failed");

    switch (code) {
    case 211:
        return tr("system status or help reply");
    case 214:
        return tr("help message for people");
    case 220:
        return tr("service ready: the server's greeting");
    case 221:
        return tr("the server is closing the connection");
    case 235:
        return tr("authentication succeeded");
    case 250:
        return tr("requested action okay, completed");
    case 251:
        return tr("user not local; the server will forward the message");
    case 252:
        return tr("cannot verify the user, but the server will accept the message and try");
    case 334:
        return tr("authentication challenge: the client must answer (base64)");
    case 354:
        return tr("start sending the message; end it with a line holding only \".\"");
    case 421:
        return tr("service not available: the server is closing the connection");
    case 432:
        return tr("a password transition is needed");
    case 450:
        return tr("mailbox unavailable for now (busy or temporarily blocked)");
    case 451:
        return tr("local error in processing: the server had a problem");
    case 452:
        return tr("insufficient system storage, or too many recipients");
    case 454:
        return tr("temporary failure: TLS or authentication not available right now");
    case 455:
        return tr("the server cannot accommodate the parameters");
    case 500:
        return tr("syntax error: command unrecognised (or line too long)");
    case 501:
        return tr("syntax error in the command's parameters or arguments");
    case 502:
        return tr("command not implemented");
    case 503:
        return tr("bad sequence of commands");
    case 504:
        return tr("command parameter not implemented");
    case 521:
        return tr("this host does not accept mail");
    case 523:
        return tr("encryption needed");
    case 530:
        return tr("authentication (or STARTTLS) required first");
    case 534:
        return tr("authentication mechanism too weak");
    case 535:
        return tr("authentication credentials invalid");
    case 538:
        return tr("encryption required for the requested authentication mechanism");
    case 550:
        return tr("mailbox unavailable: not found, no access, or refused by policy");
    case 551:
        return tr("user not local; the server will not forward");
    case 552:
        return tr("exceeded storage allocation (message too big)");
    case 553:
        return tr("mailbox name not allowed (bad address syntax)");
    case 554:
        // "No SMTP service here" only as a greeting, which answers no command.
        return cmd.isEmpty() ? tr("transaction failed (in a greeting: no SMTP service here)")
                             : tr("transaction failed");
    case 555:
        return tr("MAIL FROM or RCPT TO parameters not recognised or not implemented");
    case 556:
        return tr("the recipient's domain does not accept mail");
    default:
        break;
    }
    return replyClass(code);
}

QString SmtpExplain::enhancedClass(int klass)
{
    switch (klass) {
    case 2:
        return tr("success");
    case 4:
        return tr("temporary failure");
    case 5:
        return tr("permanent failure");
    default:
        return QString();
    }
}

QString SmtpExplain::enhancedSubject(int subject)
{
    switch (subject) {
    case 0:
        return tr("other");
    case 1:
        return tr("addressing");
    case 2:
        return tr("mailbox");
    case 3:
        return tr("mail system");
    case 4:
        return tr("network and routing");
    case 5:
        return tr("mail delivery protocol");
    case 6:
        return tr("message content or media");
    case 7:
        return tr("security or policy");
    default:
        return tr("unknown subject %1").arg(subject);
    }
}

QString SmtpExplain::enhancedDetail(int subject, int detail)
{
    if (const DetailText *d = findDetail(subject, detail))
        return tr(d->meaning);
    if (const DetailText *d = findDetail(subject, 0))
        return tr("%1 (detail %2 is not a registered code)").arg(tr(d->meaning)).arg(detail);
    return tr("unregistered detail %1").arg(detail);
}

QString SmtpExplain::advice(const EnhancedStatus &status)
{
    if (!status.isValid() || status.klass == 2)
        return QString();
    const DetailText *d = findDetail(status.subject, status.detail);
    const QString specific = d && d->advice ? tr(d->advice) : QString();
    if (status.klass == 4) {
        return specific.isEmpty() ? tr("retry later")
                                  : tr("%1; retry later (the condition may pass)").arg(specific);
    }
    return specific.isEmpty() ? tr("do not retry unchanged") : tr("%1, do not retry").arg(specific);
}

QString SmtpExplain::enhancedStatus(const EnhancedStatus &status)
{
    if (!status.isValid())
        return QString();
    QString out = tr("%1, %2: %3")
                      .arg(enhancedClass(status.klass), enhancedSubject(status.subject),
                           enhancedDetail(status.subject, status.detail));
    const QString todo = advice(status);
    if (!todo.isEmpty())
        out += QStringLiteral("; ") + todo;
    return out;
}

QString SmtpExplain::reply(int code, const EnhancedStatus &status, const QString &command)
{
    QString head = QString::number(code);
    if (status.isValid())
        head += QLatin1Char(' ') + status.toString();
    const QString meaning = replyCode(code, command);
    QString out = head + QStringLiteral(" \u2014 ") + meaning;
    if (status.isValid()) {
        out += QStringLiteral("; ") + enhancedStatus(status);
    } else if (code >= 400 && code < 600) {
        out += code >= 500 ? tr("; do not retry unchanged") : tr("; retry later");
    }
    return out;
}

QString SmtpExplain::serverLine(const QString &line, const QString &command)
{
    if (line.size() < 3)
        return QString();
    bool ok = false;
    const int code = QStringView(line).left(3).toInt(&ok);
    if (!ok || code < 200 || code > 599 ||
        (line.size() > 3 && line[3] != QLatin1Char(' ') && line[3] != QLatin1Char('-')))
        return QString();
    EnhancedStatus status;
    EnhancedStatus::parse(afterCode(line).toUtf8(), &status);
    // An enhanced code only counts in a class that matches the reply's (RFC 3463 section 2).
    if (status.isValid() && status.klass != code / 100)
        status = EnhancedStatus();
    return reply(code, status, command);
}

QString SmtpExplain::entry(const TranscriptEntry &e)
{
    using Kind = TranscriptCommand::Kind;
    const TranscriptCommand &c = e.command;
    if (e.direction == TranscriptEntry::Direction::Client) {
        if (e.content)
            return tr("a header line of the message itself, sent as data");
        if (!c.isValid())
            return QString();
        QString meaning = command(e.text);
        if (meaning.isEmpty() && c.kind == Kind::AuthContinue)
            meaning = tr("an answer in the authentication exchange (base64)");
        const auto source = c.origin.source;
        if (source != CommandOrigin::Source::None && source != CommandOrigin::Source::Protocol)
            meaning = tr("%1; from %2").arg(meaning, c.origin.describe());
        if (e.redacted)
            meaning = tr("%1; the secret is hidden in the transcript").arg(meaning);
        return meaning;
    }
    if (e.direction != TranscriptEntry::Direction::Server)
        return QString();
    const QString meaning = serverLine(e.text, c.verb());
    if (meaning.isEmpty() || !c.isValid() || c.kind == Kind::Greeting)
        return meaning;
    QString said = meaning;
    if (e.replyCode == 334 && (c.kind == Kind::Auth || c.kind == Kind::AuthContinue)) {
        const QString mechanism =
            c.kind == Kind::Auth ? c.line.section(QLatin1Char(' '), 1, 1).toUpper() : QString();
        if (const QString decoded = challenge(e.text, mechanism); !decoded.isEmpty())
            said = tr("%1; %2").arg(meaning, decoded);
    }
    // Which command this reply answers: in a pipelined group the reply before it may answer
    // another recipient, so it is always said.
    QString answered = c.describe();
    if (c.kind == Kind::Rcpt || c.kind == Kind::Mail)
        answered = tr("%1 (%2)").arg(answered, c.origin.describe());
    return tr("answers %1: %2").arg(answered, said);
}

QString SmtpExplain::challenge(const QString &line, const QString &mechanism)
{
    if (!line.startsWith(QLatin1String("334")))
        return QString();
    const QByteArray encoded = line.mid(4).trimmed().toLatin1();
    if (encoded.isEmpty())
        return tr("an empty challenge: the server waits for the client's first response");
    const auto result =
        QByteArray::fromBase64Encoding(encoded, QByteArray::AbortOnBase64DecodingErrors);
    if (!result)
        return QString();
    const QByteArray decoded = *result;
    const QString text = QString::fromUtf8(decoded);
    bool printable = !decoded.isEmpty() && !text.contains(QChar::ReplacementCharacter);
    for (const QChar ch : text)
        printable = printable && (ch.isPrint() || ch == QLatin1Char(' '));
    if (!printable)
        return tr("a binary challenge of %n bytes", nullptr, int(decoded.size()));
    const QString lower = text.trimmed().toLower();
    if (mechanism == QLatin1String("CRAM-MD5"))
        return tr("the challenge, decoded: \"%1\"; the client answers with the user name and an "
                  "HMAC-MD5 of this challenge keyed with the password, so the password itself "
                  "never crosses the wire")
            .arg(text);
    if (lower == QLatin1String("username:") || lower == QLatin1String("user name:"))
        return tr("decoded: \"%1\", the server asks for the user name (the answer is hidden)")
            .arg(text);
    if (lower == QLatin1String("password:"))
        return tr("decoded: \"%1\", the server asks for the password (the answer is hidden)")
            .arg(text);
    if (mechanism.startsWith(QLatin1String("SCRAM-")) || text.startsWith(QLatin1String("r=")))
        return tr("decoded: \"%1\", the server's nonce (r=), salt (s=) and iteration count (i=)")
            .arg(text);
    if (text.startsWith(QLatin1Char('{')))
        return tr("decoded: %1, the server's reason for refusing the token; the client answers "
                  "with an empty line to end the exchange")
            .arg(text);
    return tr("decoded: \"%1\"").arg(text);
}

QString SmtpExplain::originField(const CommandOrigin &origin)
{
    using Source = CommandOrigin::Source;
    switch (origin.source) {
    case Source::None:
    case Source::Protocol:
    case Source::Message:
        return QString();
    case Source::EhloName:
    case Source::Security:
    case Source::Authentication:
        return tr("account");
    case Source::From:
        return QStringLiteral("From");
    case Source::Sender:
        return QStringLiteral("Sender");
    case Source::EnvelopeSender:
        return tr("envelope sender");
    case Source::To:
        return QStringLiteral("To");
    case Source::Cc:
        return QStringLiteral("Cc");
    case Source::Bcc:
        return QStringLiteral("Bcc");
    case Source::Recipient:
        return tr("envelope");
    case Source::User:
        return tr("typed");
    }
    return QString();
}

QString SmtpExplain::fieldNote(const QString &header)
{
    const QString h = header.toLower();
    if (h == QLatin1String("bcc"))
        return tr("Bcc is never written into the message: each Bcc address only gets its own "
                  "RCPT TO in the envelope, so the other recipients cannot see it. The sandbox "
                  "inbox lists it under RCPT TO as envelope only.");
    if (h == QLatin1String("cc"))
        return tr("Cc is both: a header every recipient sees in the message, and a RCPT TO in "
                  "the envelope that makes the server deliver a copy.");
    if (h == QLatin1String("to"))
        return tr("To is a header the recipients see, and each address also gets a RCPT TO: "
                  "the server delivers by the envelope alone, never by the headers.");
    if (h == QLatin1String("from") || h == QLatin1String("sender"))
        return tr("MAIL FROM (the envelope sender) and the From header may differ. MAIL FROM "
                  "says where bounces go and is what SPF checks; From is the author the "
                  "recipient's program shows, which DMARC checks against. Mailing lists and "
                  "bounce handlers send with a MAIL FROM of their own.");
    if (h == QLatin1String("reply-to"))
        return tr("Reply-To is only a header inside the message: it tells the recipient's "
                  "program where answers should go. No SMTP command carries it, so it never "
                  "appears in the dialogue as a command.");
    return QString();
}

QString SmtpExplain::answerTag(const TranscriptCommand &c)
{
    const QString what = c.describe();
    if (!c.isValid() || what.isEmpty())
        return QString();
    const QString field = originField(c.origin);
    return field.isEmpty() ? tr("\u2190 %1").arg(what) : tr("\u2190 %1 (%2)").arg(what, field);
}

QString SmtpExplain::commandVerb(const QString &line)
{
    const QString trimmed = line.trimmed();
    if (trimmed == QLatin1String("."))
        return trimmed;
    const qsizetype end = trimmed.indexOf(QRegularExpression(QStringLiteral("[ :]")));
    return (end < 0 ? trimmed : trimmed.left(end)).toUpper();
}

QString SmtpExplain::command(const QString &line)
{
    const QString verb = commandVerb(line);
    const QString rest = line.mid(verb.size()).trimmed();
    const QStringList args = rest.split(QLatin1Char(' '), Qt::SkipEmptyParts);

    auto parameterNotes = [&](qsizetype from) {
        QStringList notes;
        for (qsizetype i = from; i < args.size(); ++i) {
            const QString p = args[i];
            const QString key = p.section(QLatin1Char('='), 0, 0).toUpper();
            const QString value = p.section(QLatin1Char('='), 1);
            if (key == QLatin1String("SIZE"))
                notes << tr("SIZE=%1 declares the message size (%2) so the server can refuse "
                            "early")
                             .arg(value, formatSize(value.toLongLong()));
            else if (key == QLatin1String("BODY") && value.toUpper() == QLatin1String("8BITMIME"))
                notes << tr("BODY=8BITMIME: the message contains 8-bit bytes");
            else if (key == QLatin1String("BODY") && value.toUpper() == QLatin1String("BINARYMIME"))
                notes << tr("BODY=BINARYMIME: the message contains binary content");
            else if (key == QLatin1String("BODY"))
                notes << tr("BODY=7BIT: plain ASCII content");
            else if (key == QLatin1String("SMTPUTF8"))
                notes << tr("SMTPUTF8: addresses or headers contain UTF-8");
            else if (key == QLatin1String("RET"))
                notes << tr("RET=%1: a delivery notification returns %2")
                             .arg(value, value.toUpper() == QLatin1String("FULL")
                                             ? tr("the full message")
                                             : tr("only the headers"));
            else if (key == QLatin1String("ENVID"))
                notes << tr("ENVID: an identifier echoed in delivery notifications");
            else if (key == QLatin1String("NOTIFY"))
                notes << tr("NOTIFY=%1: which delivery notifications to send").arg(value);
            else if (key == QLatin1String("ORCPT"))
                notes << tr("ORCPT: the original recipient, for delivery notifications");
            else if (key == QLatin1String("REQUIRETLS"))
                notes << tr("REQUIRETLS: every hop must use TLS");
            else if (key == QLatin1String("AUTH"))
                notes << tr("AUTH=: the authenticated submitter");
            else
                notes << tr("%1: a parameter of an extension").arg(key);
        }
        return notes.isEmpty()
                   ? QString()
                   : QStringLiteral(" (") + notes.join(QStringLiteral("; ")) + QLatin1Char(')');
    };

    if (verb == QLatin1String("EHLO"))
        return tr("extended hello: the client introduces itself as \"%1\" and asks which "
                  "extensions the server supports (RFC 5321)")
            .arg(rest);
    if (verb == QLatin1String("HELO"))
        return tr("hello without extensions (the original SMTP greeting)");
    if (verb == QLatin1String("STARTTLS"))
        return tr("asks to switch this connection to TLS (RFC 3207); after the handshake the "
                  "client says EHLO again");
    if (verb == QLatin1String("AUTH")) {
        const QString mech = args.value(0).toUpper();
        QString how;
        if (mech == QLatin1String("PLAIN"))
            how = tr("user name and password in one base64 message: only safe over TLS");
        else if (mech == QLatin1String("LOGIN"))
            how = tr("user name, then password, each base64: only safe over TLS");
        else if (mech == QLatin1String("CRAM-MD5"))
            how = tr("challenge-response: the password itself is never sent");
        else if (mech == QLatin1String("XOAUTH2") || mech == QLatin1String("OAUTHBEARER"))
            how = tr("an OAuth 2 access token instead of a password");
        else if (mech.startsWith(QLatin1String("SCRAM-")))
            how = tr("salted challenge-response: both sides prove they know the password");
        else
            how = tr("mechanism %1").arg(mech);
        return tr("starts authentication (RFC 4954) with %1: %2").arg(mech, how);
    }
    // "MAIL FROM: <a@b>", as the article that taught many people SMTP writes it: the path
    // is the next word, not a parameter, and the space is worth a word.
    const bool spaced = (verb == QLatin1String("MAIL") || verb == QLatin1String("RCPT")) &&
                        args.value(0).endsWith(QLatin1Char(':')) && args.size() > 1;
    const QString space =
        spaced ? tr("; the space after \"%1\" is not in RFC 5321's grammar: many servers "
                    "accept it, strict ones refuse it with 501")
                     .arg(args.value(0).toUpper())
               : QString();
    if (verb == QLatin1String("MAIL"))
        return tr("names the envelope sender (where bounces go) and starts a message "
                  "transaction") +
               space + parameterNotes(spaced ? 2 : 1);
    if (verb == QLatin1String("RCPT"))
        return tr("names one envelope recipient: To, Cc and Bcc addresses each get a RCPT TO") +
               space + parameterNotes(spaced ? 2 : 1);
    if (verb == QLatin1String("DATA"))
        return tr("asks to send the message; after the server's 354 the content follows, "
                  "ended by a line holding only \".\"");
    if (verb == QLatin1String("."))
        return tr("end of the message data: the server now accepts or refuses the message");
    if (verb == QLatin1String("BDAT")) {
        const bool last = args.value(1).toUpper() == QLatin1String("LAST");
        return tr("sends %1 of message content as one chunk (CHUNKING, RFC 3030)%2")
            .arg(formatSize(args.value(0).toLongLong()),
                 last ? tr("; LAST: this is the final chunk") : QString());
    }
    if (verb == QLatin1String("RSET"))
        return tr("abandons the current transaction; the connection stays open");
    if (verb == QLatin1String("NOOP"))
        return tr("does nothing: checks that the server is still there");
    if (verb == QLatin1String("QUIT"))
        return tr("ends the session: the server answers 221 and closes the connection");
    if (verb == QLatin1String("VRFY"))
        return tr("asks whether an address exists (most servers answer 252: won't say)");
    if (verb == QLatin1String("EXPN"))
        return tr("asks for the members of a mailing list (usually refused)");
    if (verb == QLatin1String("HELP"))
        return tr("asks for help text");
    return QString();
}

QString SmtpExplain::extension(const QByteArray &keyword, const QByteArray &parameters)
{
    const QByteArray k = keyword.toUpper();
    const QString params = QString::fromUtf8(parameters);
    if (k == "SIZE") {
        const qint64 limit = parameters.trimmed().toLongLong();
        return limit > 0 ? tr("largest message accepted: %1 (RFC 1870)").arg(formatSize(limit))
                         : tr("the client may declare the message size; no fixed limit (RFC 1870)");
    }
    if (k == "PIPELINING")
        return tr("several commands may be sent without waiting for each reply (RFC 2920)");
    if (k == "8BITMIME")
        return tr("the message may contain 8-bit text (RFC 6152)");
    if (k == "SMTPUTF8")
        return tr("addresses and headers may be UTF-8 (RFC 6531)");
    if (k == "STARTTLS")
        return tr("the connection can be switched to TLS (RFC 3207)");
    if (k == "AUTH")
        return tr("login offered with: %1 (RFC 4954)").arg(params);
    if (k == "ENHANCEDSTATUSCODES")
        return tr("replies carry class.subject.detail codes such as 5.1.1 (RFC 2034)");
    if (k == "CHUNKING")
        return tr("the message may be sent in BDAT chunks instead of DATA (RFC 3030)");
    if (k == "BINARYMIME")
        return tr("binary content may be sent with BDAT (RFC 3030)");
    if (k == "DSN")
        return tr("delivery status notifications can be requested (RFC 3461)");
    if (k == "REQUIRETLS")
        return tr("a message can demand TLS on every hop (RFC 8689)");
    if (k == "DELIVERBY")
        return tr("a delivery deadline can be set (RFC 2852)");
    if (k == "ETRN")
        return tr("a remote host can ask to flush its queue (RFC 1985)");
    if (k == "VRFY")
        return tr("addresses can be verified with VRFY");
    if (k == "EXPN")
        return tr("mailing lists can be expanded with EXPN");
    if (k == "HELP")
        return tr("help text is available with HELP");
    if (k == "MT-PRIORITY")
        return tr("messages can carry a priority (RFC 6710)");
    if (k == "FUTURERELEASE")
        return tr("delivery can be held until a later time (RFC 4865)");
    if (k == "LIMITS")
        return tr("the server announces its limits: %1 (RFC 9422)").arg(params);
    if (k == "NO-SOLICITING")
        return tr("the server asks not to be solicited (RFC 3865)");
    if (k.startsWith("X-") || k.startsWith('X'))
        return tr("a non-standard extension of this server");
    return tr("an extension Postwire does not know");
}

QString SmtpExplain::formatSize(qint64 bytes)
{
    if (bytes < 1024)
        return tr("%1 B").arg(bytes);
    if (bytes < 1024 * 1024)
        return tr("%1 KB").arg(double(bytes) / 1024.0, 0, 'f', 1);
    if (bytes < 1024LL * 1024 * 1024)
        return tr("%1 MB").arg(double(bytes) / (1024.0 * 1024.0), 0, 'f', 1);
    return tr("%1 GB").arg(double(bytes) / (1024.0 * 1024.0 * 1024.0), 0, 'f', 1);
}
