// A read-only sequential device that passes another device through with every line ending
// as CRLF (bare CR and bare LF become CRLF) and a final CRLF added when missing. Mail on disk
// often has Unix line endings; SMTP requires CRLF (RFC 5321 section 2.3.8).
#pragma once

#include <QIODevice>

class CrlfReader : public QIODevice
{
    Q_OBJECT
public:
    // The reader does not own the source; the source must be open for reading. A sequential
    // source may produce its bytes over time: while its atEnd() is false, a read that finds
    // nothing returns 0 and the reader's readyRead follows the source's.
    // prefix: bytes that come before the source's (e.g. a header block rewritten in memory).
    explicit CrlfReader(QIODevice *source, QObject *parent = nullptr);
    CrlfReader(const QByteArray &prefix, QIODevice *source, QObject *parent = nullptr);

    // The source is read a chunk at a time and only when nothing normalised is left, so the
    // reader holds at most MaxBuffered bytes whatever the size of the message (a chunk of bare
    // LFs doubles; a prefix is held as given).
    static constexpr qint64 ChunkSize = 1 << 16;
    static constexpr qint64 MaxBuffered = 3 * ChunkSize;

    bool isSequential() const override { return true; }
    bool atEnd() const override;
    qint64 bytesAvailable() const override;

    // The size the normalised form of source has, by reading it once (then rewound to where
    // it was); -1 when the source cannot be read or rewound.
    static qint64 normalizedSize(QIODevice *source, const QByteArray &prefix = {});

protected:
    // Returns 0 at the end (a sequential device's end of data, not an error) and -1 only when
    // the source fails, with errorString() saying why.
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    bool fill();

    QIODevice *m_source;
    QByteArray m_out;
    QByteArray m_chunk;
    bool m_pendingCr = false;
    bool m_endsWithLf = true; // the empty message needs no line ending
    bool m_done = false;
};
