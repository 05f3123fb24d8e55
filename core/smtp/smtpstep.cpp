#include "smtp/smtpstep.h"

#include "smtp/explain.h"
#include "smtp/printable.h"
#include "smtp/sasl.h"

#include <QIODevice>
#include <QList>

#include <utility>

using Kind = TranscriptCommand::Kind;

QString SmtpStep::refuseLine(const QByteArray &line)
{
    if (line.trimmed().isEmpty())
        return tr("the line is empty: type a command, or send the planned one as it is");
    if (line.contains('\r') || line.contains('\n'))
        return tr("a command is one line: CR and LF cannot be part of it (Postwire adds the "
                  "CRLF that ends it)");
    if (line.size() + 2 > MaxCommandLine)
        return tr("a command line is at most %1 octets with its CRLF (RFC 5321 section "
                  "4.5.3.1.4); this one has %2")
            .arg(MaxCommandLine)
            .arg(line.size() + 2);
    return QString();
}

QByteArray SmtpStep::verbOf(const QByteArray &line)
{
    return line.trimmed().split(' ').value(0).toUpper();
}

Kind SmtpStep::kindOfLine(const QByteArray &line)
{
    const QByteArray verb = verbOf(line);
    static const QList<std::pair<QByteArray, Kind>> verbs = {
        {"NOOP", Kind::Noop}, {"RSET", Kind::Rset}, {"VRFY", Kind::Vrfy},
        {"EXPN", Kind::Expn}, {"HELP", Kind::Help}, {"QUIT", Kind::Quit},
    };
    for (const auto &[name, kind] : verbs) {
        if (verb == name)
            return kind;
    }
    return Kind::Other;
}

QString SmtpStep::shownLine(const QByteArray &line, bool answersChallenge, bool *redacted)
{
    *redacted = false;
    if (answersChallenge) {
        *redacted = true;
        return SaslMechanism::mask();
    }
    const QList<QByteArray> words = line.trimmed().split(' ');
    if (words.size() > 2 && words[0].toUpper() == "AUTH") {
        // AUTH <mechanism> <initial response>: the response carries the credentials.
        *redacted = true;
        return QString::fromUtf8(words[0] + ' ' + words[1] + ' ') + SaslMechanism::mask();
    }
    return printableText(line);
}

TranscriptCommand SmtpStep::shown(const TranscriptCommand &command)
{
    TranscriptCommand c = command;
    if (c.kind == Kind::Auth)
        c.line =
            c.line.section(QLatin1Char(' '), 0, 1) + QLatin1Char(' ') + tr("(credentials hidden)");
    else if (c.kind == Kind::AuthContinue)
        c.line = tr("(credentials hidden)");
    return c;
}

QString SmtpStep::explain(const TranscriptCommand &command)
{
    QString what = SmtpExplain::command(command.line);
    if (command.kind == Kind::Auth)
        what = tr("%1; the credentials are hidden here and in the transcript").arg(what);
    else if (command.kind == Kind::AuthContinue)
        what = tr("an answer in the authentication exchange (base64); the credentials are hidden "
                  "here and in the transcript");
    else if (what.isEmpty())
        what = tr("a command Postwire does not know: the server decides what it means");
    const QString why = command.origin.describe();
    if (why.isEmpty())
        return what;
    return tr("%1. Why: %2").arg(what, why);
}

QString SmtpStep::explainContent(const Content &content)
{
    const QString size =
        content.size < 1024
            ? tr("%n bytes", nullptr, int(content.size))
            : tr("%1 (%2 bytes)").arg(SmtpExplain::formatSize(content.size)).arg(content.size);
    if (content.chunking)
        return tr("The message, %1, goes as one BDAT chunk whose size is announced first "
                  "(CHUNKING, RFC 3030): the server counts the bytes, so nothing is dot-stuffed "
                  "and no \".\" line ends it.")
            .arg(size);
    int dotted = 0;
    for (const QString &line : content.firstLines)
        dotted += line.startsWith(QLatin1Char('.')) ? 1 : 0;
    QString text =
        tr("The message, %1, goes line by line after the 354. Dot-stuffing (RFC 5321 section "
           "4.5.2): every line that begins with \".\" gets a second \".\" in front, so no line "
           "of the text can end the data early; the server removes it again. Then a line "
           "holding only \".\" ends the message, and the server answers with its verdict.")
            .arg(size);
    if (dotted > 0)
        text += QLatin1Char(' ') +
                tr("%n of the lines shown begin with \".\" and will be stuffed.", nullptr, dotted);
    return text;
}

QStringList SmtpStep::peekLines(QIODevice *device, int lines)
{
    QStringList out;
    if (!device || !device->isReadable())
        return out;
    // Sequential devices keep peeked bytes for the next read(); others seek back.
    const QByteArray head = device->peek(4096);
    const QList<QByteArray> all = head.split('\n');
    for (qsizetype i = 0; i < all.size() && out.size() < lines; ++i) {
        if (i == all.size() - 1 && (head.endsWith('\n') || all[i].isEmpty()))
            break; // nothing after the last line break
        QByteArray line = all[i];
        if (line.endsWith('\r'))
            line.chop(1);
        out << printableText(line);
    }
    return out;
}
