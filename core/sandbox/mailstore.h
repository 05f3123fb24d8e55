// The sandbox's inbox on disk: each message byte for byte as received, plus a sidecar with
// the envelope and the session transcript, as records packed into append-only segment files
// (MailSegment), and one index (MailIndex) that lists them all, with where their records are,
// for a fast start. A message appears only once its records are complete and flushed, so a
// client that vanishes mid-DATA leaves nothing behind. Writing and flushing happen on a writer
// thread (MailStoreWriter); it reports back through a queued notice, and a closing store takes
// in whatever it has not reported. The index is watched, so messages another process (a
// headless `postwire sandbox`) stores in the same folder appear here too; each process appends
// only to segments it created.
//
// Space comes back: a segment in which nothing is live any more is deleted, and one a
// twentieth dead is compacted (what is live in it copied to a segment of copies) on the writer
// thread, once every session that stored a message in it has ended (a session writes its
// messages' transcripts again then). Large messages are copied into segments too: one kind of
// record keeps reading, crash recovery and compaction single, and a copy within one file
// system costs less than the flush that follows.
// A folder of Postwire 0.1 (an .eml and a .json per message) is migrated into segments once.
#pragma once

#include "sandbox/incomingmessage.h"
#include "sandbox/mailstorewriter.h"
#include "sandbox/storedmessage.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QThread>
#include <QTimer>

#include <functional>
#include <memory>

class MailStore : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 DefaultSizeCap = 200LL * 1024 * 1024;

    using IncomingFile = std::unique_ptr<IncomingMessage>;
    // Called in the store's thread once a committed message is durable (error empty) or
    // could not be kept.
    using Committed = std::function<void(const StoredMessage &message, const QString &error)>;

    // Creates the folder when needed and reads what earlier runs stored there.
    explicit MailStore(const QString &folder, QObject *parent = nullptr);
    ~MailStore() override;

    static QString defaultFolder();
    QString folder() const { return m_folder; }
    // The oldest messages are deleted once what the store keeps for them (their records and
    // index entries) exceeds this many bytes, and evicted() says so; the newest message stays.
    void setSizeCap(qint64 bytes);
    qint64 sizeCap() const { return m_sizeCap; }

    // Newest first. Each message's transcript is read from its sidecar when it is looked at.
    QList<StoredMessage> messages() const { return m_messages; }
    int count() const { return int(m_messages.size()); }
    qint64 totalSize() const; // of the messages, as received
    // Of every file the store writes (segments, including what is not reclaimed yet, and the
    // index).
    qint64 diskUsage() const;
    bool contains(const QString &id) const { return indexOf(id) >= 0; }
    // Messages listed as damaged (see StoredMessage::damage).
    int damagedCount() const;
    StoredMessage message(const QString &id) const;
    // The message as stored; empty when the id is unknown. A record that is not what was
    // stored (cut off, failing its checksum, gone) marks the message damaged: messageUpdated();
    // what there is of it is returned.
    QByteArray content(const QString &id);
    // The start of the message (at most limit bytes, e.g. for its header block), unchecked.
    QByteArray head(const QString &id, qint64 limit) const;

    // Stores a complete message at once, flushed in the caller's thread (for tests and
    // imports, not for the network); meta.id, size and received are filled in when empty.
    // Returns the id, or an empty string with *error set.
    QString add(StoredMessage meta, const QByteArray &content, QString *error);
    // A message that arrives in pieces is written to this file as it comes, so no one holds
    // it in memory. The file is in the store's folder and is not a message until commit()
    // takes it. Null with *error set when the folder cannot be written.
    IncomingFile beginMessage(QString *error);
    // Hands a complete content file to the writer thread; done runs once the message is
    // durable (it is then listed and messageAdded() was emitted) or refused, unless context
    // is gone by then. meta.size is the file's size; meta.id and received are filled in.
    void commit(StoredMessage meta, IncomingFile content, QObject *context, Committed done);
    // Replaces the transcript kept with a message (the session goes on after the message);
    // written by the writer thread, then messageUpdated(). False when the id is unknown.
    // A message commit() stored is expected to have its transcript replaced once, when its
    // session ends: until then its segment is not compacted (its first sidecar record dies
    // then, and copied before it would die in the new segment).
    bool updateTranscript(const QString &id, const QList<TranscriptEntry> &transcript);
    bool remove(const QString &id);
    void removeAll();
    // Reads the index again, and rebuilds it from the segments when it is missing or damaged,
    // or brings it up to date when it does not list what the segments hold.
    void reload();
    // Reads what was appended to the index since (by this or another process). Also runs on
    // its own when the index changes; public for tests that do not want to wait.
    void readIndexTail();
    // How the last reload() went, for tests and benchmarks.
    enum class IndexState
    {
        Read,    // the index listed the folder exactly
        Updated, // it missed messages or listed gone ones, and was brought up to date
        Rebuilt, // it was missing or damaged and was made anew from the segments
    };
    IndexState indexState() const { return m_indexState; }
    QString lastError() const { return m_lastError; }
    // Groups the writer thread wrote and flushed so far (one flush each), for tests and
    // benchmarks.
    int flushCount() const { return m_flushes; }
    // Segments are begun anew past this size (MailSegment::RollSize); for tests.
    void setSegmentSize(qint64 bytes) { m_writer->setRollSize(bytes); }
    // Compactions done so far, for tests.
    int compactionCount() const { return m_compactions; }
    // A new message id: sorts after every id made before it by this process.
    static QString createId();

Q_SIGNALS:
    void messageAdded(const StoredMessage &message);
    void messageRemoved(const QString &id);
    void messageUpdated(const StoredMessage &message); // e.g. its session's transcript grew
    void reloaded();
    // The writer thread wrote pieces of incoming messages (see IncomingMessage::backlog()).
    void contentWritten();
    // The size cap removed the oldest messages.
    void evicted(int count, qint64 bytes);

private:
    struct Pending
    {
        StoredMessage meta;
        QPointer<QObject> context;
        Committed done;
        bool isUpdate = false; // of a listed message's transcript, not a new message
    };
    qsizetype indexOf(const QString &id) const;
    // Shares meta's values with those of other messages.
    void pool(StoredMessage &meta);
    // Makes meta the small entry the list keeps, and counts it.
    void listed(StoredMessage &meta);
    // m with its transcript and Received: header to be read from its sidecar record.
    StoredMessage withSidecar(StoredMessage m) const;
    // Lists meta at its place among the newest first; false when it is listed already.
    bool insert(StoredMessage meta);
    void removeAt(qsizetype i);
    // A message of Postwire 0.1's layout, read from its .eml and .json.
    StoredMessage readOldMessage(const QString &id, QByteArray *content) const;
    void migrate(const QStringList &ids);
    // Messages found in segments from the given offsets on, that the index does not list.
    QList<StoredMessage> recover(const QHash<QString, qint64> &from) const;
    void watchIndex();
    // After messages left the index.
    void released();
    void clearIndex();
    QString incomingPath() const;
    QString segmentPath(const QString &name) const;
    // The writer has results: taken and handled.
    void onWritten();
    void handleWritten(const QList<MailStoreWriter::Result> &results);
    void onCompacted(const MailStoreWriter::Result &result);
    MailStoreWriter::ContentPtr createContent(QString *error);
    void enforceCap();
    // Counts (sign 1) or no longer counts (-1) m's records as live in their segments.
    void use(const StoredMessage &m, int sign);
    // Drops segments nothing is live in, and compacts those mostly dead.
    void reclaim();
    bool settled(const QString &segment) const;

    QString m_folder;
    qint64 m_sizeCap = DefaultSizeCap;
    QList<StoredMessage> m_messages;
    quint64 m_indexGeneration = 0;
    qint64 m_indexEnd = 0;
    IndexState m_indexState = IndexState::Read;
    QTimer *m_indexChanged = nullptr;
    QTimer *m_releaseMemory = nullptr;
    QString m_lastError;
    QThread m_thread;
    std::unique_ptr<MailStoreWriter> m_writer;
    quint64 m_nextTicket = 0;
    int m_flushes = 0;
    QHash<quint64, Pending> m_pending;
    int m_compactions = 0;
    bool m_closing = false;
    bool m_stopped = false;        // the writer's thread has stopped: nothing more is queued to it
    QHash<QString, qint64> m_live; // bytes of live records per segment
    qint64 m_liveTotal = 0;        // of records and index entries of listed messages
    qint64 m_liveIndex = 0;        // of index entries of listed messages
    quint64 m_doneTicket = 0;      // the last the writer reported
    QSet<QString> m_touched;       // segments that lost live records since reclaim()
    QHash<quint64, QString> m_compacting; // ticket: segment
    // Messages commit() stored whose transcript update has not come: the segment of their
    // sidecar record, and how many there are per segment (not compacted while any is).
    QHash<QString, QString> m_awaiting;
    QHash<QString, int> m_awaitingIn;
    void awaitUpdate(const StoredMessage &m);
    void updateCame(const QString &id);
    // Transcript updates of messages whose segment is being compacted: sent once it is done.
    QHash<QString, QList<TranscriptEntry>> m_deferredUpdates;
    QSet<QString> m_texts;
    QSet<QStringList> m_lists;
    qsizetype m_pooledAfterPrune = 0;
};
