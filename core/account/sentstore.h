// The Sent folder: every message the window delivered (to all or to some recipients), as the
// bytes that went out (.eml) with a sidecar naming the account, the outcome, the attempt in
// the history and the form as it was. One folder, each entry written atomically, owner-only,
// bounded by a count and a size with the eviction said; a damaged entry is set aside.
#pragma once

#include "account/draft.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

struct SentEntry
{
    QString id; // also the file name stem; sorts in the order messages were sent
    QDateTime sent;
    QString accountId;
    QString account; // the account's name when sent
    QString from;
    QStringList to; // every recipient: To, Cc and Bcc, as typed
    QString subject;
    bool partial = false; // some recipients were refused
    QString outcome;      // the result as shown ("Sent: 250 2.0.0 Ok: queued as 4F2A1")
    QString attemptId;    // the attempt in the history (HistoryStore), empty when not kept
    qint64 size = 0;      // bytes of the .eml; 0 when none was kept (too large, or MX)
    Draft draft;          // the form as it went out, for Use as New without an .eml

    // True when every word of text (case-insensitive) is in the subject, a recipient, the
    // sender, the account or the outcome.
    bool matches(const QString &text) const;
    QJsonObject toJson() const;
    static SentEntry fromJson(const QJsonObject &object);
};

class SentStore
{
    Q_DECLARE_TR_FUNCTIONS(SentStore)

public:
    // folder empty: <AppDataLocation>/sent. Reads what earlier runs kept; *problems gets one
    // line per damaged entry set aside.
    explicit SentStore(const QString &folder = QString(), QStringList *problems = nullptr);

    QString folder() const { return m_folder; }
    // The oldest entries go once there are more than maxCount or their files together pass
    // maxBytes; the newest always stays.
    void setCaps(int maxCount, qint64 maxBytes);
    int maxCount() const { return m_maxCount; }
    qint64 maxBytes() const { return m_maxBytes; }

    // Newest first.
    QList<SentEntry> entries() const { return m_entries; }
    QList<SentEntry> search(const QString &text) const;
    int count() const { return int(m_entries.size()); }
    bool contains(const QString &id) const { return indexOf(id) >= 0; }
    SentEntry entry(const QString &id) const;
    // The .eml kept for id, or empty when there is none.
    QString emlPath(const QString &id) const;

    // Keeps a sent message (eml may be empty); fills in entry.id, sent and size. Returns the
    // id, or empty with *error set. *evicted (when given) lists the entries that made room.
    QString add(SentEntry entry, const QByteArray &eml, QString *error,
                QList<SentEntry> *evicted = nullptr);
    bool remove(const QString &id, QString *error);

    static constexpr int DefaultMaxCount = 1000;
    static constexpr qint64 DefaultMaxBytes = 512LL * 1024 * 1024;

private:
    int indexOf(const QString &id) const;
    QString sidecarPath(const QString &id) const;
    QString emlFile(const QString &id) const;
    QList<SentEntry> evict();
    void removeFiles(const QString &id) const;

    QString m_folder;
    int m_maxCount = DefaultMaxCount;
    qint64 m_maxBytes = DefaultMaxBytes;
    QList<SentEntry> m_entries;
};
