// The MailStore's disk work, on a thread of its own so that no disk flush stalls a session or
// the window: files get their final names in the order they arrive, and every message that
// arrived together is made durable by one flush (group commit) before it is reported.
#pragma once

#include "sandbox/storedmessage.h"

#include <QList>
#include <QMutex>
#include <QObject>
#include <QString>

class MailStoreWriter : public QObject
{
    Q_OBJECT
public:
    struct Job
    {
        quint64 ticket = 0;
        StoredMessage meta; // written as the sidecar
        // A new message: its content, complete, under a name the store never lists; it
        // becomes meta.id's .eml. Empty: only the sidecar is replaced (a transcript update).
        QString incoming;
    };
    struct Result
    {
        quint64 ticket = 0;
        QString error; // empty: written and flushed
        qint64 sidecarBytes = 0;
    };

    explicit MailStoreWriter(const QString &folder);

    // From any thread: the job is done with whatever else is waiting, in one group.
    void enqueue(const Job &job);
    // In the caller's thread: writes the files (no flush); the files are gone on failure.
    static Result write(const QString &folder, const Job &job);
    // One flush of everything written in the folder's file system.
    static bool flush(const QString &folder, QString *error);
    static QString sidecarPath(const QString &folder, const QString &id);
    static QString emlPath(const QString &folder, const QString &id);

Q_SIGNALS:
    // One group's results, in the order the jobs came; the store's thread receives it queued.
    void written(const QList<MailStoreWriter::Result> &results);

private:
    void drain();

    const QString m_folder;
    QMutex m_mutex;
    QList<Job> m_queue;
    bool m_scheduled = false;
};
