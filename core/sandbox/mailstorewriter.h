// The MailStore's disk work, on a thread of its own so that no write or flush stalls a session
// or the window: message content is written to an incoming file as its pieces arrive, then
// copied with its sidecar into the segment this process appends to (MailSegment), and every
// message that arrived together is made durable by one flush (group commit) before it is
// reported. Compaction (copying what is still live out of a mostly dead segment) runs here too.
#pragma once

#include "sandbox/storedmessage.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QSet>
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
        QString error;        // set by the writer thread before failed
        quint32 checksum = 0; // of what was written, for the content record
        qint64 written = 0;
    };
    using ContentPtr = std::shared_ptr<Content>;

    struct Job
    {
        enum class Kind
        {
            Write,   // data goes to the end of content
            Commit,  // content becomes meta.id's content record, with meta as its sidecar
            Update,  // a newer sidecar record of meta.id (a transcript update)
            Discard, // content is given up: its file goes
            Compact, // the live records of segment (listed in messages) move to a new segment
        };
        Kind kind = Kind::Commit;
        quint64 ticket = 0;
        StoredMessage meta;
        ContentPtr content;
        QByteArray data;
        QString segment;
        QList<StoredMessage> messages;
    };
    struct Result
    {
        quint64 ticket = 0;
        QString error;          // empty: written and flushed
        qint64 diskSize = 0;    // of everything written for the message: records, index entry
        MessageHeaders headers; // of a new message, read from its content
        StoredLocation location;
        QByteArray indexRecord; // appended to the index before the group's flush
        // Compact: the messages moved, with their new locations.
        QList<StoredMessage> moved;
    };

    explicit MailStoreWriter(const QString &folder);
    // Once its thread has stopped (and finish() ran).
    ~MailStoreWriter() override;

    // Creates the content file owner-only; null with *error when it cannot.
    static ContentPtr create(const QString &path, QString *error);
    // From any thread: the job is done in order with whatever else is waiting, in one group.
    void enqueue(Job job);
    // In the caller's thread. append() and commit() record a failure in content.
    static void append(Content &content, const QByteArray &data);
    static void discard(Content &content);
    // Commit or Update, without the flush, from any thread; nothing of it stays on failure.
    Result commit(const Job &job);
    // A Compact job done at once in the caller's thread (the store closing), flushed.
    Result compactNow(const Job &job);
    // Appends the index records of results that succeeded, in one write. The index is written
    // only through these (from any thread), so that a rewrite never loses an append.
    void index(const QList<Result> &results);
    void appendIndex(const QByteArray &records);
    bool rewriteIndex(const QList<StoredMessage> &messages, quint64 *generation, QString *error);
    // One flush of everything written in the folder's file system.
    static bool flush(const QString &folder, QString *error);
    // From any thread: a removal record for m (not flushed: a removal a crash loses shows the
    // message again, never loses one) and its removal from the index.
    void remove(const StoredMessage &m);
    // From any thread: the segment new records are written to now is closed (it can then be
    // dropped or compacted), and with copiesToo the one compactions copy to; the next record
    // begins a new one. The name of the first is returned.
    QString closeSegment(bool copiesToo = false);
    // Segments are rolled past this size (MailSegment::RollSize unless a test says otherwise).
    void setRollSize(qint64 bytes);
    // Whether this process appends to the segment now (new records or a compaction's copies).
    bool appendsTo(const QString &segment);
    // From any thread: no more is appended to the segment (if this process appends to it).
    void closeSegment(const QString &segment);
    // From any thread: no one appends to segment any more, and of what this process wrote in
    // it, nothing after ticket done is unreported.
    bool settled(const QString &segment, quint64 done);
    // Whether a process (this one too) is still appending to the segment.
    static bool isWritten(const QString &folder, const QString &name);
    // Deletes the segment unless a process is still appending to it; true when it is gone.
    static bool dropSegment(const QString &folder, const QString &name);

    // The results of the groups done since the last call (commits, updates and compactions in
    // the order they came); written() says there are some. Taken by the store's thread, and by
    // the store closing once the thread has stopped, so that no result done is lost.
    QList<Result> takeWritten();
    // Once the thread has stopped: what is still queued is done in the caller's thread, so that
    // a transcript update or a compaction asked for just before the store closed is not lost.
    // True when there was anything queued.
    bool finish();

Q_SIGNALS:
    // Results are waiting to be taken (takeWritten()); received queued.
    void written();
    // Pieces of content were written: backlogs shrank.
    void contentWritten();

private:
    void drain();
    // Appends head, length bytes of source from offset from, and data to the segment of to (a
    // new one when there is none or it is full); the offset it starts at, or -1 with *error.
    // A segment this process appends to.
    struct Stream
    {
        int fd = -1;
        QString name;
        qint64 size = 0;
    };
    qint64 appendRecord(Stream &to, const QByteArray &head, int source, qint64 from, qint64 length,
                        const QByteArray &data, QString *error);
    void openSegmentLocked(Stream &stream, QString *error);
    static void closeSegmentLocked(Stream &stream);
    Result compact(const Job &job);

    const QString m_folder;
    QMutex m_mutex;
    QList<Job> m_queue;
    bool m_scheduled = false;
    QList<Result> m_written; // done, and not taken yet
    // The segment this process appends to (locked against being dropped while it is).
    QMutex m_segmentMutex;
    // New records (messages, transcript updates, removals) go to one segment, the records a
    // compaction copies to another: copies are live records of sessions that ended, so the
    // segments they fill stay live (mixed with new records, whose first sidecar records die
    // when their sessions end, they would leave segments a few per cent dead, under what is
    // worth compacting again).
    Stream m_new;
    Stream m_copies;
    qint64 m_rollSize;
    QHash<QString, quint64> m_lastTicket; // the last job that wrote in a segment
    int m_compactions = 0;                // queued and not done
    QSet<QString> m_removedMeanwhile;
};
