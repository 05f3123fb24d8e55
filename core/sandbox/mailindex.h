// The sandbox inbox's index: one file beside the segments that lists what the inbox shows
// (envelope, the From/To/Cc/Subject headers, size, damage) and where each message's records
// are (StoredLocation), so that opening a large inbox
// reads one file instead of every message. It is a log: the writer thread appends a record
// per committed message in the same group flush, a deletion appends a removal, and every
// process sharing the folder appends to the same file, so reading its tail shows what another
// process stored. Each record has a checksum; a damaged or stale index is rebuilt from the
// segments (MailStore::reload()).
#pragma once

#include "sandbox/storedmessage.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>

class MailIndex
{
public:
    struct Entry
    {
        bool removal = false;
        bool update = false;   // see update() and apply()
        StoredMessage message; // only message.id for a removal
    };
    struct Read
    {
        bool valid = false;     // the file exists and starts with an index header
        bool damaged = false;   // a record in the middle does not check out
        quint64 generation = 0; // changes whenever the file is rewritten
        qint64 end = 0;         // the offset after the last whole record
        QList<Entry> entries;
    };

    static QString path(const QString &folder);
    // Reads from offset (0: the whole file, header first). A record cut off at the end (being
    // written, or left by a crash) is not read; end stays before it.
    // With each, every entry is handed to it as it is read (so that a large index is never
    // held twice) and entries stays empty.
    static Read read(const QString &folder, qint64 offset, quint64 generation,
                     const std::function<void(Entry &)> &each = {});
    static QByteArray record(const StoredMessage &message);
    // What the store wrote for a message at its location: its content and sidecar records and
    // its index record.
    static qint64 diskSize(const StoredMessage &message);
    // Where a message's records are now: a newer sidecar (a transcript update), or its
    // records moved (contentMoved) by a compaction. Small, so that the log stays near one
    // record per message.
    static QByteArray update(const StoredMessage &message, bool contentMoved = false);
    // Applies an update entry's message to the listed m.
    static void apply(const StoredMessage &update, StoredMessage *m);
    static QByteArray removal(const QString &id);
    // One write at the end of the file (O_APPEND), so records of several writers never mix.
    static bool append(const QString &folder, const QByteArray &records, QString *error);
    // Replaces the file with one that lists messages (under a new generation), atomically.
    static bool rewrite(const QString &folder, const QList<StoredMessage> &messages,
                        quint64 *generation, QString *error);
};
