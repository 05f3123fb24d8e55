#include "history/attempt.h"

#include "mime/mimeparser.h"
#include "smtp/serverreport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMetaEnum>
#include <QSet>

namespace {

template <typename E> QString enumName(E value)
{
    return QString::fromLatin1(QMetaEnum::fromType<E>().valueToKey(int(value)));
}

template <typename E> E enumValue(const QJsonValue &value, E fallback)
{
    bool ok = false;
    const int v = QMetaEnum::fromType<E>().keyToValue(value.toString().toLatin1().constData(), &ok);
    return ok ? E(v) : fallback;
}

QJsonArray toArray(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QStringList toStrings(const QJsonValue &value)
{
    QStringList out;
    for (const QJsonValue &v : value.toArray())
        out << v.toString();
    return out;
}

struct Name
{
    Attempt::Kind kind;
    const char *name;
};
constexpr Name KindNames[] = {{Attempt::Kind::Send, "send"},
                              {Attempt::Kind::TestConnection, "test-connection"},
                              {Attempt::Kind::ServerCheck, "server-check"},
                              {Attempt::Kind::Console, "console"}};
struct OutcomeName
{
    Attempt::Outcome outcome;
    const char *name;
};
constexpr OutcomeName OutcomeNames[] = {{Attempt::Outcome::Success, "success"},
                                        {Attempt::Outcome::PartialSuccess, "partial"},
                                        {Attempt::Outcome::Failure, "failure"},
                                        {Attempt::Outcome::DeliveryUnknown, "delivery-unknown"},
                                        {Attempt::Outcome::Cancelled, "cancelled"},
                                        {Attempt::Outcome::Unknown, "unfinished"}};

} // namespace

QString Attempt::server() const
{
    if (host.isEmpty())
        return QString();
    const QString h = host.contains(QLatin1Char(':')) ? QStringLiteral("[%1]").arg(host) : host;
    return QStringLiteral("%1:%2").arg(h).arg(port);
}

void Attempt::setSettings(const SmtpSettings &settings)
{
    host = settings.host;
    port = settings.port;
    security = settings.security;
    heloName = settings.heloName;
    user = settings.authenticate ? settings.credentials.user : QString();
    authMechanism = settings.authenticate ? QString::fromLatin1(settings.authMechanism) : QString();
    pipelining = settings.usePipelining;
    chunking = settings.useChunking;
    verifyPeer = settings.verifyPeer;
}

void Attempt::setResult(const SendResult &result)
{
    switch (result.outcome) {
    case SendResult::Outcome::Success:
        outcome = Outcome::Success;
        break;
    case SendResult::Outcome::PartialSuccess:
        outcome = Outcome::PartialSuccess;
        break;
    case SendResult::Outcome::Failure:
        outcome = Outcome::Failure;
        break;
    case SendResult::Outcome::DeliveryUnknown:
        outcome = Outcome::DeliveryUnknown;
        break;
    case SendResult::Outcome::Cancelled:
        outcome = Outcome::Cancelled;
        break;
    }
    error = result.error == SendResult::Error::NoError ? QString() : enumName(result.error);
    step = result.step;
    stepLabel = result.stepLabel;
    message = result.message;
    elapsedMs = result.elapsedMs;
}

void Attempt::setEnvelope(const Envelope &envelope)
{
    using Source = CommandOrigin::Source;
    sender = envelope.sender;
    to.clear();
    cc.clear();
    bcc.clear();
    for (qsizetype i = 0; i < envelope.recipients.size(); ++i) {
        const Source field = envelope.recipientFields.value(i, Source::Recipient);
        (field == Source::Cc ? cc : field == Source::Bcc ? bcc : to) << envelope.recipients.at(i);
    }
}

void Attempt::deriveEnvelope()
{
    using Source = CommandOrigin::Source;
    bool mailSeen = false;
    QString from;
    QStringList t, c, b;
    // A set beside each list: a 5,000-recipient attempt took 12.5 million comparisons.
    QSet<QString> seenT, seenC, seenB;
    QStringList header;
    bool headerDone = false;
    for (const TranscriptEntry &e : std::as_const(entries)) {
        if (e.direction == TranscriptEntry::Direction::Client) {
            const CommandOrigin &o = e.command.origin;
            if (e.command.kind == TranscriptCommand::Kind::Mail) {
                mailSeen = true;
                from = o.address;
            } else if (e.command.kind == TranscriptCommand::Kind::Rcpt) {
                const bool cc = o.source == Source::Cc, bcc = o.source == Source::Bcc;
                QStringList &list = cc ? c : bcc ? b : t;
                QSet<QString> &seen = cc ? seenC : bcc ? seenB : seenT;
                if (!o.address.isEmpty() && !seen.contains(o.address)) {
                    seen.insert(o.address);
                    list << o.address;
                }
            }
        }
        // The message's header as it went out (a line per entry, or several in one), up to
        // the blank line that ends it: the Subject is read from it below.
        if (subject.isEmpty() && e.content && !headerDone) {
            QStringList lines = e.text.split(QLatin1Char('\n'));
            if (!e.details.isEmpty())
                lines += e.details.split(QLatin1Char('\n'));
            for (const QString &line : std::as_const(lines)) {
                if (line.trimmed().isEmpty() && !header.isEmpty()) {
                    headerDone = true;
                    break;
                }
                header << line;
            }
        }
    }
    // The Subject unfolded and its RFC 2047 words decoded: a long or non-ASCII subject was
    // shown as its first folded line, "=?UTF-8?Q?…?=".
    for (qsizetype i = 0; subject.isEmpty() && i < header.size(); ++i) {
        if (!header[i].startsWith(QLatin1String("Subject:"), Qt::CaseInsensitive))
            continue;
        QString value = header[i].mid(8);
        while (i + 1 < header.size() && (header[i + 1].startsWith(QLatin1Char(' ')) ||
                                         header[i + 1].startsWith(QLatin1Char('\t'))))
            value += header[++i];
        value.remove(QLatin1Char('\r'));
        subject = MimeParser::decodeHeader(value.trimmed().toUtf8());
    }
    if (!mailSeen)
        return;
    sender = from;
    to = t;
    cc = c;
    bcc = b;
}

QString Attempt::kindName(Kind kind)
{
    for (const Name &n : KindNames) {
        if (n.kind == kind)
            return QLatin1String(n.name);
    }
    return QString();
}

std::optional<Attempt::Kind> Attempt::kindFromName(const QString &name)
{
    for (const Name &n : KindNames) {
        if (name == QLatin1String(n.name))
            return n.kind;
    }
    return std::nullopt;
}

QString Attempt::kindLabel(Kind kind)
{
    switch (kind) {
    case Kind::Send:
        return tr("Send");
    case Kind::TestConnection:
        return tr("Test connection");
    case Kind::ServerCheck:
        return tr("Server check");
    case Kind::Console:
        return tr("Console");
    }
    return QString();
}

QString Attempt::outcomeName(Outcome o)
{
    for (const OutcomeName &n : OutcomeNames) {
        if (n.outcome == o)
            return QLatin1String(n.name);
    }
    return QString();
}

std::optional<Attempt::Outcome> Attempt::outcomeFromName(const QString &name)
{
    for (const OutcomeName &n : OutcomeNames) {
        if (name == QLatin1String(n.name))
            return n.outcome;
    }
    return std::nullopt;
}

QString Attempt::outcomeLabel(Outcome o)
{
    switch (o) {
    case Outcome::Success:
        return tr("Succeeded");
    case Outcome::PartialSuccess:
        return tr("Partly succeeded");
    case Outcome::Failure:
        return tr("Failed");
    case Outcome::DeliveryUnknown:
        return tr("Delivery unknown");
    case Outcome::Cancelled:
        return tr("Cancelled");
    case Outcome::Unknown:
        return tr("Unfinished");
    }
    return QString();
}

QString Attempt::securityName(SmtpSettings::Security security)
{
    // The --security option's words, as the server check's JSON writes them.
    return ServerReport::securityName(security);
}

QJsonObject Attempt::summaryJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("id"), id);
    o.insert(QStringLiteral("time"), started.toUTC().toString(Qt::ISODateWithMs));
    o.insert(QStringLiteral("kind"), kindName(kind));
    o.insert(QStringLiteral("server"), server());
    o.insert(QStringLiteral("account"), account);
    o.insert(QStringLiteral("outcome"), outcomeName(outcome));
    o.insert(QStringLiteral("step"), step);
    o.insert(QStringLiteral("message"), message);
    o.insert(QStringLiteral("elapsedMs"), elapsedMs);
    return o;
}

QJsonObject Attempt::toJson() const
{
    QJsonObject o = summaryJson();
    o.insert(QStringLiteral("format"), 1);
    o.insert(QStringLiteral("host"), host);
    o.insert(QStringLiteral("port"), port);
    o.insert(QStringLiteral("security"), securityName(security));
    o.insert(QStringLiteral("helo"), heloName);
    o.insert(QStringLiteral("user"), user);
    o.insert(QStringLiteral("authMechanism"), authMechanism);
    o.insert(QStringLiteral("pipelining"), pipelining);
    o.insert(QStringLiteral("chunking"), chunking);
    o.insert(QStringLiteral("verifyPeer"), verifyPeer);
    o.insert(QStringLiteral("sender"), sender);
    o.insert(QStringLiteral("to"), toArray(to));
    o.insert(QStringLiteral("cc"), toArray(cc));
    o.insert(QStringLiteral("bcc"), toArray(bcc));
    o.insert(QStringLiteral("subject"), subject);
    o.insert(QStringLiteral("error"), error);
    o.insert(QStringLiteral("stepLabel"), stepLabel);
    QJsonArray list;
    for (const TranscriptEntry &e : entries)
        list.append(entryToJson(e));
    o.insert(QStringLiteral("entries"), list);
    return o;
}

QByteArray Attempt::toCompactJson(const QByteArray &encodedEntries) const
{
    if (encodedEntries.isEmpty())
        return QJsonDocument(toJson()).toJson(QJsonDocument::Compact);
    Attempt head = *this;
    head.entries.clear();
    QByteArray json = QJsonDocument(head.toJson()).toJson(QJsonDocument::Compact);
    // Inside a string value the key's quotes would be escaped, so this finds the key itself.
    static const QByteArray key = QByteArrayLiteral("\"entries\":[");
    const qsizetype at = json.indexOf(key);
    Q_ASSERT(at >= 0);
    json.insert(at + key.size(), encodedEntries);
    return json;
}

QByteArray Attempt::encodeEntry(const TranscriptEntry &entry)
{
    return QJsonDocument(entryToJson(entry)).toJson(QJsonDocument::Compact);
}

std::optional<Attempt> Attempt::fromJson(const QJsonObject &o, QString *error)
{
    Attempt a;
    a.id = o.value(QStringLiteral("id")).toString();
    const auto kind = kindFromName(o.value(QStringLiteral("kind")).toString());
    const auto outcome = outcomeFromName(o.value(QStringLiteral("outcome")).toString());
    a.started =
        QDateTime::fromString(o.value(QStringLiteral("time")).toString(), Qt::ISODateWithMs);
    if (a.id.isEmpty()) {
        *error = tr("it has no id");
        return std::nullopt;
    }
    if (!kind) {
        *error = tr("its kind \"%1\" is unknown").arg(o.value(QStringLiteral("kind")).toString());
        return std::nullopt;
    }
    if (!outcome) {
        *error =
            tr("its outcome \"%1\" is unknown").arg(o.value(QStringLiteral("outcome")).toString());
        return std::nullopt;
    }
    if (!a.started.isValid()) {
        *error = tr("its time is missing or not a time");
        return std::nullopt;
    }
    if (!o.value(QStringLiteral("entries")).isArray()) {
        *error = tr("it has no transcript");
        return std::nullopt;
    }
    a.kind = *kind;
    a.outcome = *outcome;
    a.account = o.value(QStringLiteral("account")).toString();
    a.host = o.value(QStringLiteral("host")).toString();
    a.port = o.value(QStringLiteral("port")).toInt();
    const QString security = o.value(QStringLiteral("security")).toString();
    for (auto s :
         {SmtpSettings::Security::None, SmtpSettings::Security::StartTls,
          SmtpSettings::Security::StartTlsIfOffered, SmtpSettings::Security::ImplicitTls}) {
        if (securityName(s) == security)
            a.security = s;
    }
    a.heloName = o.value(QStringLiteral("helo")).toString();
    a.user = o.value(QStringLiteral("user")).toString();
    a.authMechanism = o.value(QStringLiteral("authMechanism")).toString();
    a.pipelining = o.value(QStringLiteral("pipelining")).toBool(true);
    a.chunking = o.value(QStringLiteral("chunking")).toBool(true);
    a.verifyPeer = o.value(QStringLiteral("verifyPeer")).toBool(true);
    a.sender = o.value(QStringLiteral("sender")).toString();
    a.to = toStrings(o.value(QStringLiteral("to")));
    a.cc = toStrings(o.value(QStringLiteral("cc")));
    a.bcc = toStrings(o.value(QStringLiteral("bcc")));
    a.subject = o.value(QStringLiteral("subject")).toString();
    a.error = o.value(QStringLiteral("error")).toString();
    a.step = o.value(QStringLiteral("step")).toString();
    a.stepLabel = o.value(QStringLiteral("stepLabel")).toString();
    a.message = o.value(QStringLiteral("message")).toString();
    a.elapsedMs = o.value(QStringLiteral("elapsedMs")).toInteger(-1);
    for (const QJsonValue &v : o.value(QStringLiteral("entries")).toArray()) {
        if (!v.isObject()) {
            *error = tr("a line of its transcript is not an object");
            return std::nullopt;
        }
        a.entries.append(entryFromJson(v.toObject()));
    }
    return a;
}

QJsonObject Attempt::originToJson(const CommandOrigin &origin)
{
    QJsonObject o;
    o.insert(QStringLiteral("source"), enumName(origin.source));
    if (!origin.address.isEmpty())
        o.insert(QStringLiteral("address"), origin.address);
    if (origin.recipient >= 0)
        o.insert(QStringLiteral("recipient"), origin.recipient);
    if (!origin.options.isEmpty())
        o.insert(QStringLiteral("options"), toArray(origin.options));
    return o;
}

CommandOrigin Attempt::originFromJson(const QJsonObject &o)
{
    CommandOrigin origin;
    origin.source = enumValue(o.value(QStringLiteral("source")), CommandOrigin::Source::None);
    origin.address = o.value(QStringLiteral("address")).toString();
    origin.recipient = o.value(QStringLiteral("recipient")).toInt(-1);
    origin.options = toStrings(o.value(QStringLiteral("options")));
    return origin;
}

QJsonObject Attempt::commandToJson(const TranscriptCommand &c)
{
    QJsonObject o;
    o.insert(QStringLiteral("kind"), enumName(c.kind));
    o.insert(QStringLiteral("line"), c.line);
    o.insert(QStringLiteral("id"), c.id);
    if (c.group >= 0) {
        o.insert(QStringLiteral("group"), c.group);
        o.insert(QStringLiteral("groupIndex"), c.groupIndex);
        o.insert(QStringLiteral("groupSize"), c.groupSize);
    }
    if (c.lastChunk)
        o.insert(QStringLiteral("lastChunk"), true);
    if (c.origin.source != CommandOrigin::Source::None)
        o.insert(QStringLiteral("origin"), originToJson(c.origin));
    return o;
}

TranscriptCommand Attempt::commandFromJson(const QJsonObject &o)
{
    TranscriptCommand c;
    c.kind = enumValue(o.value(QStringLiteral("kind")), TranscriptCommand::Kind::None);
    c.line = o.value(QStringLiteral("line")).toString();
    c.id = o.value(QStringLiteral("id")).toInt(-1);
    c.group = o.value(QStringLiteral("group")).toInt(-1);
    c.groupIndex = o.value(QStringLiteral("groupIndex")).toInt(0);
    c.groupSize = o.value(QStringLiteral("groupSize")).toInt(1);
    c.lastChunk = o.value(QStringLiteral("lastChunk")).toBool();
    c.origin = originFromJson(o.value(QStringLiteral("origin")).toObject());
    return c;
}

QJsonObject Attempt::entryToJson(const TranscriptEntry &e)
{
    QJsonObject o;
    o.insert(QStringLiteral("ms"), e.elapsedMs);
    o.insert(QStringLiteral("direction"), enumName(e.direction));
    o.insert(QStringLiteral("text"), e.text);
    if (e.redacted)
        o.insert(QStringLiteral("redacted"), true);
    if (e.latencyMs >= 0)
        o.insert(QStringLiteral("latencyMs"), e.latencyMs);
    if (e.replyCode)
        o.insert(QStringLiteral("code"), e.replyCode);
    if (e.lastLineOfReply)
        o.insert(QStringLiteral("last"), true);
    if (!e.details.isEmpty())
        o.insert(QStringLiteral("details"), e.details);
    if (e.content)
        o.insert(QStringLiteral("content"), true);
    if (e.command.kind != TranscriptCommand::Kind::None || e.command.id >= 0)
        o.insert(QStringLiteral("command"), commandToJson(e.command));
    return o;
}

TranscriptEntry Attempt::entryFromJson(const QJsonObject &o)
{
    TranscriptEntry e;
    e.elapsedMs = o.value(QStringLiteral("ms")).toInteger();
    e.direction = enumValue(o.value(QStringLiteral("direction")), TranscriptEntry::Direction::Info);
    e.text = o.value(QStringLiteral("text")).toString();
    e.redacted = o.value(QStringLiteral("redacted")).toBool();
    e.latencyMs = o.value(QStringLiteral("latencyMs")).toInteger(-1);
    e.replyCode = o.value(QStringLiteral("code")).toInt();
    e.lastLineOfReply = o.value(QStringLiteral("last")).toBool();
    e.details = o.value(QStringLiteral("details")).toString();
    e.content = o.value(QStringLiteral("content")).toBool();
    e.command = commandFromJson(o.value(QStringLiteral("command")).toObject());
    return e;
}
