#include "history/attemptexport.h"

#include "smtp/explain.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QMetaEnum>
#include <QRegularExpression>

namespace {

// The explanation of a line, once per reply (under its last line) and once for the message's
// header preview, as `postwire send --explain` gives it.
struct Explainer
{
    bool inContent = false;
    QString operator()(const TranscriptEntry &e)
    {
        return AttemptExport::explanationFor(e, &inContent);
    }
};

QString timeOf(const Attempt &a, const TranscriptEntry &e)
{
    return a.started.addMSecs(e.elapsedMs).toUTC().toString(Qt::ISODateWithMs);
}

} // namespace

QString AttemptExport::explanationFor(const TranscriptEntry &e, bool *inContent)
{
    const bool repeatedContent = e.content && *inContent;
    *inContent = e.content;
    if (repeatedContent ||
        (e.direction == TranscriptEntry::Direction::Server && !e.lastLineOfReply))
        return QString();
    return SmtpExplain::entry(e);
}

QStringList AttemptExport::header(const Attempt &a)
{
    QStringList out;
    out << tr("%1 at %2")
               .arg(Attempt::kindLabel(a.kind),
                    a.started.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
    if (!a.server().isEmpty())
        out << tr("Server: %1 (%2)").arg(a.server(), SmtpSettings::securityLabel(a.security));
    if (!a.account.isEmpty())
        out << tr("Account: %1").arg(a.account);
    QString outcome = Attempt::outcomeLabel(a.outcome);
    if (!a.message.isEmpty())
        outcome += QStringLiteral(": ") + a.message;
    out << tr("Outcome: %1").arg(outcome);
    return out;
}

QStringList AttemptExport::explainedLines(const QList<TranscriptEntry> &entries)
{
    QStringList out;
    Explainer explain;
    for (const TranscriptEntry &e : entries) {
        out << e.toPlainText();
        if (const QString meaning = explain(e); !meaning.isEmpty())
            out << QStringLiteral("              (%1)").arg(meaning);
    }
    return out;
}

QString AttemptExport::toText(const Attempt &a)
{
    QStringList out = header(a);
    out << QString();
    out << explainedLines(a.entries);
    return out.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

QString AttemptExport::toHtml(const Attempt &a)
{
    QString html;
    html +=
        QStringLiteral("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"/><title>%1</title>\n")
            .arg(header(a).first().toHtmlEscaped());
    html += QStringLiteral(
        "<style>body{font-family:sans-serif}table{border-collapse:collapse}"
        "td{padding:1px 8px;vertical-align:top}td.line{font-family:monospace;white-space:pre-wrap}"
        "tr.client td.line{color:#1a4f9c}tr.server td.line{color:#1d6b2a}tr.error "
        "td.line{color:#b00020}"
        "td.explanation{color:#555;font-style:italic}</style></head><body>\n");
    for (const QString &line : header(a))
        html += QStringLiteral("<p>%1</p>\n").arg(line.toHtmlEscaped());
    html += QStringLiteral("<table>\n<tr><th>%1</th><th></th><th>%2</th><th>%3</th></tr>\n")
                .arg(tr("ms").toHtmlEscaped(), tr("Line").toHtmlEscaped(),
                     tr("Explanation").toHtmlEscaped());
    Explainer explain;
    for (const TranscriptEntry &e : a.entries) {
        const QString direction =
            QString::fromLatin1(
                QMetaEnum::fromType<TranscriptEntry::Direction>().valueToKey(int(e.direction)))
                .toLower();
        html += QStringLiteral("<tr class=\"%1\"><td>%2</td><td>%3</td><td class=\"line\">%4</td>"
                               "<td class=\"explanation\">%5</td></tr>\n")
                    .arg(direction)
                    .arg(e.elapsedMs)
                    .arg(TranscriptEntry::prefix(e.direction).toHtmlEscaped(),
                         e.text.toHtmlEscaped(), explain(e).toHtmlEscaped());
    }
    html += QStringLiteral("</table>\n</body></html>\n");
    return html;
}

QJsonDocument AttemptExport::toJson(const Attempt &a)
{
    QJsonObject root = a.summaryJson();
    root.insert(QStringLiteral("security"), Attempt::securityName(a.security));
    QJsonArray events;
    Explainer explain;
    for (const TranscriptEntry &e : a.entries) {
        QJsonObject o;
        o.insert(QStringLiteral("time"), timeOf(a, e));
        o.insert(QStringLiteral("ms"), e.elapsedMs);
        o.insert(QStringLiteral("direction"),
                 QString::fromLatin1(
                     QMetaEnum::fromType<TranscriptEntry::Direction>().valueToKey(int(e.direction)))
                     .toLower());
        o.insert(QStringLiteral("text"), e.text);
        if (e.redacted)
            o.insert(QStringLiteral("redacted"), true);
        if (e.direction == TranscriptEntry::Direction::Server) {
            o.insert(QStringLiteral("code"), e.replyCode);
            if (e.latencyMs >= 0)
                o.insert(QStringLiteral("latencyMs"), e.latencyMs);
            if (e.command.isValid())
                o.insert(QStringLiteral("answers"), Attempt::commandToJson(e.command));
        } else if (e.direction == TranscriptEntry::Direction::Client) {
            if (e.command.isValid())
                o.insert(QStringLiteral("command"), Attempt::commandToJson(e.command));
            if (e.command.origin.source != CommandOrigin::Source::None) {
                QJsonObject origin = Attempt::originToJson(e.command.origin);
                origin.insert(QStringLiteral("description"), e.command.origin.describe());
                o.insert(QStringLiteral("origin"), origin);
            }
            if (e.content)
                o.insert(QStringLiteral("content"), true);
        }
        if (const QString meaning = explain(e); !meaning.isEmpty())
            o.insert(QStringLiteral("explanation"), meaning);
        events.append(o);
    }
    root.insert(QStringLiteral("events"), events);
    return QJsonDocument(root);
}

QByteArray AttemptExport::exported(const Attempt &attempt, Format format)
{
    switch (format) {
    case Format::Text:
        return toText(attempt).toUtf8();
    case Format::Html:
        return toHtml(attempt).toUtf8();
    case Format::Json:
        return toJson(attempt).toJson(QJsonDocument::Indented);
    }
    return QByteArray();
}

AttemptExport::Format AttemptExport::formatForFile(const QString &fileName)
{
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    if (suffix == QLatin1String("html") || suffix == QLatin1String("htm"))
        return Format::Html;
    if (suffix == QLatin1String("json"))
        return Format::Json;
    return Format::Text;
}

QStringList AttemptExport::postwireArguments(const Attempt &a)
{
    const bool send = a.kind == Attempt::Kind::Send;
    QStringList args{QStringLiteral("postwire")};
    if (send) {
        args << QStringLiteral("send") << QStringLiteral("--server") << a.server();
    } else {
        args << QStringLiteral("probe") << a.server();
    }
    args << QStringLiteral("--security") << Attempt::securityName(a.security);
    if (!a.heloName.isEmpty())
        args << QStringLiteral("--helo") << a.heloName;
    if (!send)
        return args;
    if (!a.sender.isEmpty())
        args << QStringLiteral("--from") << a.sender;
    for (const QString &to : a.to)
        args << QStringLiteral("--to") << to;
    for (const QString &cc : a.cc)
        args << QStringLiteral("--cc") << cc;
    for (const QString &bcc : a.bcc)
        args << QStringLiteral("--bcc") << bcc;
    if (!a.subject.isEmpty())
        args << QStringLiteral("--subject") << a.subject;
    if (!a.user.isEmpty()) {
        args << QStringLiteral("--user") << a.user;
        if (!a.authMechanism.isEmpty())
            args << QStringLiteral("--auth") << a.authMechanism;
        args << QStringLiteral("--password-env") << passwordVariable();
    }
    if (!a.pipelining)
        args << QStringLiteral("--no-pipelining");
    if (!a.chunking)
        args << QStringLiteral("--no-chunking");
    if (!a.verifyPeer)
        args << QStringLiteral("--insecure");
    return args;
}

QStringList AttemptExport::swaksArguments(const Attempt &a)
{
    QStringList args{QStringLiteral("swaks"), QStringLiteral("--server"), a.host,
                     QStringLiteral("--port"), QString::number(a.port)};
    switch (a.security) {
    case SmtpSettings::Security::None:
        break;
    case SmtpSettings::Security::StartTls:
        args << QStringLiteral("--tls");
        break;
    case SmtpSettings::Security::StartTlsIfOffered:
        // Postwire's "if offered": on when advertised, and a failed handshake is a failure.
        args << QStringLiteral("--tls-optional-strict");
        break;
    case SmtpSettings::Security::ImplicitTls:
        args << QStringLiteral("--tls-on-connect");
        break;
    }
    // swaks does not verify certificates unless asked; Postwire does unless told not to.
    if (a.security != SmtpSettings::Security::None && a.verifyPeer)
        args << QStringLiteral("--tls-verify");
    if (!a.heloName.isEmpty())
        args << QStringLiteral("--ehlo") << a.heloName;
    if (!a.user.isEmpty()) {
        args << QStringLiteral("--auth");
        if (!a.authMechanism.isEmpty())
            args << a.authMechanism;
        args << QStringLiteral("--auth-user") << a.user << QStringLiteral("--auth-password")
             << QStringLiteral("$%1").arg(passwordVariable());
    }
    if (a.kind == Attempt::Kind::Send) {
        if (!a.sender.isEmpty())
            args << QStringLiteral("--from") << a.sender;
        const QStringList recipients = a.to + a.cc + a.bcc;
        if (!recipients.isEmpty())
            args << QStringLiteral("--to") << recipients.join(QLatin1Char(','));
        if (!a.subject.isEmpty())
            args << QStringLiteral("--header") << QStringLiteral("Subject: %1").arg(a.subject);
        if (a.pipelining)
            args << QStringLiteral("--pipeline");
    } else {
        // A test connection ends after AUTH (or the EHLO), as swaks' stop point says.
        args << QStringLiteral("--quit-after")
             << (a.user.isEmpty() ? QStringLiteral("EHLO") : QStringLiteral("AUTH"));
    }
    return args;
}

QString AttemptExport::shellQuote(const QString &word)
{
    static const QRegularExpression safe(QStringLiteral("^[A-Za-z0-9_@%+=:,./-]+$"));
    static const QRegularExpression variable(QStringLiteral("^\\$[A-Za-z_][A-Za-z0-9_]*$"));
    if (variable.match(word).hasMatch())
        return QLatin1Char('"') + word + QLatin1Char('"');
    if (safe.match(word).hasMatch())
        return word;
    QString quoted = word;
    quoted.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

QString AttemptExport::shellLine(const QStringList &arguments)
{
    QStringList words;
    for (const QString &a : arguments)
        words << shellQuote(a);
    return words.join(QLatin1Char(' '));
}

QString AttemptExport::postwireCommand(const Attempt &attempt)
{
    return shellLine(postwireArguments(attempt));
}

QString AttemptExport::swaksCommand(const Attempt &attempt)
{
    return shellLine(swaksArguments(attempt));
}
