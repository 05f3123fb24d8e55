// The sandbox inbox's records on disk: messages and their sidecars are packed into append-only
// segment files ("<unique-name>.pws" in the store's folder) instead of a file pair per message,
// so that a 1 KB message costs about 1 KB of disk, not two file system blocks. Each record is
// [head: magic, kind, id length, data length, data checksum, head checksum] + id + data; a
// record whose data does not check out is damage, a record cut off at a segment's end is what
// a crash left and is ignored. Each process appends only to segments it created (it holds a
// lock on the one it writes), so several processes can share one folder.
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

class MailSegment
{
    Q_DECLARE_TR_FUNCTIONS(MailSegment)
public:
    enum class Kind : char
    {
        Content = 'M', // the message as received, byte for byte
        Sidecar = 'S', // its envelope and session (packSidecar()), written with the message
        // A newer sidecar (the whole session, written when it ended): replaces the Sidecar
        // record whatever the order of their segments (a compaction's copies go to segments of
        // their own, named before newer segments of new records may be), and a later Update
        // an earlier one.
        Update = 'U',
        Removal = 'D', // the message was deleted (data: the segments that held its records)
    };
    static bool isSidecar(Kind kind) { return kind == Kind::Sidecar || kind == Kind::Update; }
    static constexpr qsizetype HeadSize = 24;
    // A segment is closed and a new one begun past this size: small enough that dropping or
    // compacting one is quick, large enough that a folder of 100,000 messages has few files.
    static constexpr qint64 RollSize = 32LL * 1024 * 1024;

    static QString suffix() { return QStringLiteral(".pws"); }
    static bool isSegment(const QString &fileName) { return fileName.endsWith(suffix()); }
    // A new segment's file name: sorts after every name made before it by this process.
    static QString newName();
    static qint64 recordSize(const QString &id, qint64 dataSize);
    // The head and id of a record whose data (dataSize bytes) has checksum dataChecksum.
    static QByteArray head(Kind kind, const QString &id, qint64 dataSize, quint32 dataChecksum);
    static QByteArray record(Kind kind, const QString &id, const QByteArray &data);
    // A sidecar's JSON as a sidecar record holds it: its fields in the compact encoding of
    // varint.h (keys known by their place, numbers as varints, a transcript entry as a row of
    // the values it has), compressed (zlib, as qCompress() writes it), after a 'P'; a JSON
    // session transcript is otherwise one and a half times a small message, and the keys are a
    // fifth of what is compressed. A sidecar with a key or value outside that form is kept as
    // compressed JSON, its entries as arrays under "rows" (as version 1 wrote every sidecar).
    static QByteArray packSidecar(const QByteArray &json);
    // The JSON back; empty when data is not what packSidecar() makes.
    static QByteArray unpackSidecar(const QByteArray &data);
    // CRC-32 (the zlib one), continued from crc.
    static quint32 checksum(const char *data, qsizetype size, quint32 crc = 0);

    // The data of the record of id (any when empty) and kind (a Sidecar for either kind of
    // sidecar) at offset in the segment at path;
    // false and *damage (for a person) when it is missing, another record, cut off or damaged
    // (*data is then what there is of it). With limit, only the first limit bytes are read,
    // unchecked.
    static bool read(const QString &path, qint64 offset, Kind kind, const QString &id,
                     QByteArray *data, QString *damage, qint64 limit = -1);

    struct Record
    {
        Kind kind = Kind::Content;
        QString id;
        qint64 offset = 0; // of the head
        qint64 dataSize = 0;
        bool intact = true; // its data checks out
        QByteArray data;    // of a message, only the start (its header block)
    };
    // Every record from offset from whose head checks out, in order; past a damaged head the
    // scan looks for the next record. *end: where the last whole record ends (a cut-off tail
    // starts there).
    static QList<Record> scan(const QString &path, qint64 from = 0, qint64 *end = nullptr);
};
