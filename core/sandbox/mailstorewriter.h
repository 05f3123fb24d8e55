// The MailStore's disk work, on a thread of its own so that no write or flush stalls a session
// or the window: message content is written as its pieces arrive, files get their final names
// in order, and every message that arrived together is made durable by one flush (group
// commit) before it is reported.
#pragma once

#include "sandbox/storedmessage.h"

#include <QByteArray>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

class MailStoreWriter : public QObject
{
    Q_OBJECT
public:
    // A message's content on its way in: a file under a name the store never lists, opened
    // by the store's thread and from then on written and closed by the writer thread.
    struct Content
    {
        QString path;
        int fd = -1;
        std::atomic<qint64> backlog{0}; // bytes handed over and not written yet
        std::atomic<bool> failed{false};
        QString error; // set by the writer thread before failed
    };
    using ContentPtr = std::shared_ptr<Content>;

    struct Job
    {
        enum class Kind
        {
            Write,   // data goes to the end of content
            Commit,  // content becomes meta.id's .eml, with meta as its sidecar
            Update,  // only the sidecar of meta.id is replaced (a transcript update)
            Discard, // content is given up: its file goes
        };
        Kind kind = Kind::Commit;
        quint64 ticket = 0;
        StoredMessage meta;
        ContentPtr content;
        QByteArray data;
    };
    struct Result
    {
        quint64 ticket = 0;
        QString error;          // empty: written and flushed
        qint64 diskSize = 0;    // of everything written for the message: .eml, sidecar, index
        MessageHeaders headers; // of a new message, read from its content
        QByteArray indexRecord; // appended to the index before the group's flush
    };

    explicit MailStoreWriter(const QString &folder);
    // Once its thread has stopped: what is still queued was never acknowledged, and goes.
    ~MailStoreWriter() override;

    // Creates the content file owner-only; null with *error when it cannot.
    static ContentPtr create(const QString &path, QString *error);
    // From any thread: the job is done in order with whatever else is waiting, in one group.
    void enqueue(Job job);
    // In the caller's thread. append() and commit() record a failure in content.
    static void append(Content &content, const QByteArray &data);
    static void discard(Content &content);
    // Commit or Update, without the flush; the files are gone on failure.
    static Result commit(const QString &folder, const Job &job);
    // Appends the index records of results that succeeded, in one write.
    static void index(const QString &folder, const QList<Result> &results);
    // One flush of everything written in the folder's file system.
    static bool flush(const QString &folder, QString *error);
    static QString sidecarPath(const QString &folder, const QString &id);
    static QString emlPath(const QString &folder, const QString &id);

Q_SIGNALS:
    // One group's commits and updates, in the order they came; received queued.
    void written(const QList<MailStoreWriter::Result> &results);
    // Pieces of content were written: backlogs shrank.
    void contentWritten();

private:
    void drain();

    const QString m_folder;
    QMutex m_mutex;
    QList<Job> m_queue;
    bool m_scheduled = false;
};
