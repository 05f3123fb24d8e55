// One message the sandbox received: the envelope and session facts kept beside the .eml,
// exactly as the server saw them, so envelope and headers can be compared.
#pragma once

#include "smtp/transcriptentry.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <initializer_list>
#include <memory>
#include <optional>

// The sidecar record at offset in the segment at path, as JSON; empty when it is gone or
// unreadable.
QJsonObject readSidecar(const QString &path, qint64 offset);

// A large part of a stored message (its session transcript, its Received: header): held in
// memory while the message is on its way in, and once it is stored read from the message's
// sidecar record (in a MailSegment) the first time someone looks at it, so that a listed message
// costs the store a small index entry and not its whole session. Reads like the value it used to
// be. Small: the store lists 100,000 messages with two of these each.
template <typename T, T (*Read)(const QJsonObject &sidecar)> class SidecarPart
{
public:
    SidecarPart() = default;
    SidecarPart(T value)
        : m_value(std::make_shared<T>(std::move(value)))
    {}
    // What the sidecar record at offset in the segment at path holds; empty when that is gone.
    static SidecarPart onDisk(const QString &path, qint64 offset)
    {
        SidecarPart part;
        part.m_path = path;
        part.m_offset = offset;
        return part;
    }

    const T &get() const
    {
        static const T none{};
        if (!m_value && m_offset >= 0)
            m_value = std::make_shared<T>(Read(readSidecar(m_path, m_offset)));
        return m_value ? *m_value : none;
    }
    operator T() const { return get(); }
    // Still in the sidecar: nothing of it in memory.
    bool isOnDisk() const { return !m_value; }

protected:
    T &edit()
    {
        // Copies share a value read or given; the one edited becomes its own.
        if (!m_value || m_value.use_count() > 1)
            m_value = std::make_shared<T>(get());
        return *m_value;
    }

private:
    QString m_path; // shared with the store's other messages in the segment
    qint64 m_offset = -1;
    mutable std::shared_ptr<T> m_value;
};

QList<TranscriptEntry> transcriptOf(const QJsonObject &sidecar);
QString receivedHeaderOf(const QJsonObject &sidecar);

class StoredTranscript : public SidecarPart<QList<TranscriptEntry>, &transcriptOf>
{
public:
    using SidecarPart::SidecarPart;
    StoredTranscript(const SidecarPart &part)
        : SidecarPart(part)
    {}
    StoredTranscript(std::initializer_list<TranscriptEntry> entries)
        : SidecarPart(QList<TranscriptEntry>(entries))
    {}

    QList<TranscriptEntry>::const_iterator begin() const { return get().cbegin(); }
    QList<TranscriptEntry>::const_iterator end() const { return get().cend(); }
    qsizetype size() const { return get().size(); }
    bool isEmpty() const { return get().isEmpty(); }
    const TranscriptEntry &at(qsizetype i) const { return get().at(i); }
    const TranscriptEntry &first() const { return get().first(); }
    const TranscriptEntry &last() const { return get().last(); }
    TranscriptEntry value(qsizetype i) const { return get().value(i); }
    StoredTranscript &operator<<(const TranscriptEntry &entry)
    {
        edit() << entry;
        return *this;
    }
};

class StoredText : public SidecarPart<QString, &receivedHeaderOf>
{
public:
    using SidecarPart::SidecarPart;
    StoredText(const SidecarPart &part)
        : SidecarPart(part)
    {}

    bool isEmpty() const { return get().isEmpty(); }
    template <typename... Args> bool contains(Args &&...args) const
    {
        return get().contains(std::forward<Args>(args)...);
    }
    template <typename... Args> bool startsWith(Args &&...args) const
    {
        return get().startsWith(std::forward<Args>(args)...);
    }
};

// The headers the inbox lists, decoded, read from a message's header block once when it is
// stored so that the list never opens the message again.
struct MessageHeaders
{
    QString from;
    QString to;
    QString cc;
    QString subject;

    // From the start of a message; empty values when it has no header block.
    static MessageHeaders read(QByteArray head);
};

// Where a stored message's records are (see MailSegment): kept in the index.
struct StoredLocation
{
    QString segment; // file name of the segment with its content record
    qint64 content = -1;
    QString sidecarSegment; // and of its newest sidecar record
    qint64 sidecar = -1;
    qint64 sidecarSize = 0; // of the whole sidecar record
};

struct StoredMessage
{
    QString id; // sorts in the order messages arrived
    QDateTime received;
    QString mailFrom;           // reverse-path as sent, without <>; empty for the null sender
    QStringList rcptTo;         // accepted forward-paths
    QStringList mailParameters; // e.g. "BODY=8BITMIME", "SMTPUTF8", "RET=HDRS"
    QStringList rcptParameters; // per recipient, "" when none (NOTIFY=..., ORCPT=...)
    qint64 size = 0;            // bytes of the message as received
    qint64 diskSize = 0;   // bytes the store wrote for it: its records and index entry (not saved)
    QString helo;          // the client's EHLO/HELO argument
    QString peer;          // "127.0.0.1:40000"
    QString tls;           // "TLSv1.3 TLS_AES_256_GCM_SHA384", empty without TLS
    QString authMechanism; // empty when the client did not authenticate
    QString authUser;
    QString transferCommand; // "DATA" or "BDAT"
    // The Received: header the sandbox would prepend (RFC 5321 section 4.4). It is kept
    // here, not in the message, so the stored message stays byte for byte what the client sent.
    StoredText receivedHeader;
    quint64 sessionId = 0;
    StoredTranscript transcript; // the server's side of the session, secrets redacted
    MessageHeaders headers;      // kept in the index, not in the sidecar
    StoredLocation location;     // kept in the index
    // Why the stored records do not make a whole message (a content record that is missing or
    // fails its checksum, a broken sidecar); empty for a sound one. A damaged message is
    // listed, never hidden.
    QString damage;

    QJsonObject toJson() const;
    static StoredMessage fromJson(const QJsonObject &object);
    static QJsonObject entryToJson(const TranscriptEntry &entry);
    static TranscriptEntry entryFromJson(const QJsonObject &object);
};

Q_DECLARE_METATYPE(StoredMessage)
