// The message as a read-only sequential device that produces its bytes lazily: headers and text
// parts are encoded once when the writer is created, attachments are read and base64-encoded
// chunk by chunk as the reader asks, so an attachment's size never shows up in memory.
#pragma once

#include <QByteArray>
#include <QFile>
#include <QIODevice>
#include <QList>
#include <QString>

#include <memory>

class Message;

class MimeWriter : public QIODevice
{
    Q_OBJECT
public:
    struct Options
    {
        bool eightBit = false;    // the server offers 8BITMIME: text may go as 8bit
        bool utf8Headers = false; // the server offers SMTPUTF8: UTF-8 headers and addresses
        bool includeBcc = false;  // a saved copy: keep Bcc as a header, marked as such
    };

    // Builds the writer (open for reading, positioned at the first byte). On failure returns
    // nullptr and sets *error to a line naming the field or attachment. message.date and
    // message.messageId are used when set, else the current time / a generated id.
    static std::unique_ptr<MimeWriter> create(const Message &message, const Options &options,
                                              QString *error);
    ~MimeWriter() override;

    // The exact number of bytes the device produces in all, known before the first read.
    qint64 totalSize() const { return m_total; }
    qint64 bytesProduced() const { return m_produced; }
    bool has8BitContent() const { return m_has8Bit; }     // any byte >= 0x80 (body or header)
    bool hasUtf8Headers() const { return m_utf8Headers; } // non-ASCII in the header block

    bool isSequential() const override { return true; }
    bool atEnd() const override;
    qint64 bytesAvailable() const override;

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    friend class MimeBuilder;
    // A piece of the message: bytes ready in memory, or a file to be base64-encoded.
    struct Segment
    {
        QByteArray bytes;
        QString path;
        QString shownName;
        qint64 fileSize = -1; // >= 0 for a file segment
        qint64 encodedSize = 0;
    };

    MimeWriter();
    bool fillFromFile(Segment &segment);
    bool fail(const QString &message);

    QList<Segment> m_segments;
    qsizetype m_segment = 0;    // current segment
    qint64 m_segmentOffset = 0; // bytes of the current segment already given out
    std::unique_ptr<QFile> m_file;
    qint64 m_fileRead = 0;
    QByteArray m_chunk; // encoded bytes of the current file segment not yet given out
    qsizetype m_chunkPos = 0;
    qint64 m_total = 0;
    qint64 m_produced = 0;
    bool m_has8Bit = false;
    bool m_utf8Headers = false;
    bool m_failed = false;
};
