#include "sandbox/storedmessage.h"

#include "sandbox/mailsegment.h"
#include "sandbox/parsedmail.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMetaEnum>

namespace {

QJsonArray toArray(const QStringList &list)
{
    QJsonArray array;
    for (const QString &s : list)
        array.append(s);
    return array;
}

QStringList fromArray(const QJsonValue &value)
{
    QStringList list;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &v : array)
        list << v.toString();
    return list;
}

} // namespace

QJsonObject readSidecar(const QString &path, qint64 offset)
{
    QByteArray json;
    QString ignored;
    // Segments are append-only and their names never reused: a record stays where it was
    // written until its segment goes, so any id will do.
    if (path.isEmpty() ||
        !MailSegment::read(path, offset, MailSegment::Kind::Sidecar, {}, &json, &ignored))
        return QJsonObject();
    return QJsonDocument::fromJson(MailSegment::unpackSidecar(json)).object();
}

MessageHeaders MessageHeaders::read(QByteArray head)
{
    MessageHeaders headers;
    // Only the header block is needed for the list.
    head.truncate(64 * 1024);
    const qsizetype end = head.indexOf("\r\n\r\n");
    if (end >= 0)
        head.truncate(end + 4);
    const ParsedMail parsed = ParsedMail::parse(head);
    headers.from = parsed.header(QStringLiteral("From"));
    headers.to = parsed.header(QStringLiteral("To"));
    headers.cc = parsed.header(QStringLiteral("Cc"));
    headers.subject = parsed.header(QStringLiteral("Subject"));
    return headers;
}

QList<TranscriptEntry> transcriptOf(const QJsonObject &sidecar)
{
    QList<TranscriptEntry> entries;
    const QJsonArray array = sidecar.value(QStringLiteral("transcript")).toArray();
    entries.reserve(array.size());
    for (const QJsonValue &v : array)
        entries << StoredMessage::entryFromJson(v.toObject());
    return entries;
}

QString receivedHeaderOf(const QJsonObject &sidecar)
{
    return sidecar.value(QStringLiteral("receivedHeader")).toString();
}

QJsonObject StoredMessage::entryToJson(const TranscriptEntry &entry)
{
    const QMetaEnum directions = QMetaEnum::fromType<TranscriptEntry::Direction>();
    QJsonObject object{
        {QStringLiteral("ms"), entry.elapsedMs},
        {QStringLiteral("dir"), QString::fromLatin1(directions.valueToKey(int(entry.direction)))},
        {QStringLiteral("text"), entry.text}};
    if (entry.redacted)
        object.insert(QStringLiteral("redacted"), true);
    if (entry.latencyMs >= 0)
        object.insert(QStringLiteral("latency"), entry.latencyMs);
    if (entry.replyCode != 0)
        object.insert(QStringLiteral("code"), entry.replyCode);
    if (entry.lastLineOfReply)
        object.insert(QStringLiteral("last"), true);
    if (!entry.details.isEmpty())
        object.insert(QStringLiteral("details"), entry.details);
    return object;
}

TranscriptEntry StoredMessage::entryFromJson(const QJsonObject &object)
{
    const QMetaEnum directions = QMetaEnum::fromType<TranscriptEntry::Direction>();
    TranscriptEntry entry;
    entry.elapsedMs = object.value(QStringLiteral("ms")).toInteger();
    bool ok = false;
    const int direction = directions.keyToValue(
        object.value(QStringLiteral("dir")).toString().toLatin1().constData(), &ok);
    entry.direction = ok ? TranscriptEntry::Direction(direction) : TranscriptEntry::Direction::Info;
    entry.text = object.value(QStringLiteral("text")).toString();
    entry.redacted = object.value(QStringLiteral("redacted")).toBool();
    entry.latencyMs = object.value(QStringLiteral("latency")).toInteger(-1);
    entry.replyCode = object.value(QStringLiteral("code")).toInt();
    entry.lastLineOfReply = object.value(QStringLiteral("last")).toBool();
    entry.details = object.value(QStringLiteral("details")).toString();
    return entry;
}

QJsonObject StoredMessage::toJson() const
{
    QJsonArray entries;
    for (const TranscriptEntry &entry : transcript)
        entries.append(entryToJson(entry));
    return QJsonObject{
        {QStringLiteral("id"), id},
        {QStringLiteral("received"), received.toString(Qt::ISODateWithMs)},
        {QStringLiteral("mailFrom"), mailFrom},
        {QStringLiteral("rcptTo"), toArray(rcptTo)},
        {QStringLiteral("mailParameters"), toArray(mailParameters)},
        {QStringLiteral("rcptParameters"), toArray(rcptParameters)},
        {QStringLiteral("size"), size},
        {QStringLiteral("helo"), helo},
        {QStringLiteral("peer"), peer},
        {QStringLiteral("tls"), tls},
        {QStringLiteral("authMechanism"), authMechanism},
        {QStringLiteral("authUser"), authUser},
        {QStringLiteral("transferCommand"), transferCommand},
        {QStringLiteral("receivedHeader"), receivedHeader.get()},
        {QStringLiteral("sessionId"), QString::number(sessionId)},
        {QStringLiteral("transcript"), entries},
    };
}

StoredMessage StoredMessage::fromJson(const QJsonObject &object)
{
    StoredMessage m;
    m.id = object.value(QStringLiteral("id")).toString();
    m.received = QDateTime::fromString(object.value(QStringLiteral("received")).toString(),
                                       Qt::ISODateWithMs);
    m.mailFrom = object.value(QStringLiteral("mailFrom")).toString();
    m.rcptTo = fromArray(object.value(QStringLiteral("rcptTo")));
    m.mailParameters = fromArray(object.value(QStringLiteral("mailParameters")));
    m.rcptParameters = fromArray(object.value(QStringLiteral("rcptParameters")));
    m.size = object.value(QStringLiteral("size")).toInteger();
    m.helo = object.value(QStringLiteral("helo")).toString();
    m.peer = object.value(QStringLiteral("peer")).toString();
    m.tls = object.value(QStringLiteral("tls")).toString();
    m.authMechanism = object.value(QStringLiteral("authMechanism")).toString();
    m.authUser = object.value(QStringLiteral("authUser")).toString();
    m.transferCommand = object.value(QStringLiteral("transferCommand")).toString();
    m.receivedHeader = receivedHeaderOf(object);
    m.sessionId = object.value(QStringLiteral("sessionId")).toString().toULongLong();
    m.transcript = transcriptOf(object);
    return m;
}
