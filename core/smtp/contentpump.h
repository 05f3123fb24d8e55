// Moves the message from its device to the wire: dot-stuffed for DATA (RFC 5321 section
// 4.5.2), as it is for BDAT (RFC 3030); it picks out the header lines the transcript shows and
// counts what it read. It never touches the socket: SmtpClient writes what it returns.
#pragma once

#include <QCoreApplication>
#include <QStringList>

#include "smtp/datastuffer.h"

class QIODevice;

class ContentPump
{
    Q_DECLARE_TR_FUNCTIONS(ContentPump)
public:
    struct Step
    {
        enum class Next
        {
            More,       // room ran out: call read() again when the socket has drained
            WaitDevice, // the device has nothing now but more later (its readyRead)
            Done,       // the whole message was read: finish() ends it
            Failed,     // the device failed: error says why; nothing must end the data
        };
        Next next = Next::More;
        QByteArray wire;         // bytes to write
        QStringList headerLines; // header lines met in this read, for the transcript
        QString error;
    };

    ContentPump(QIODevice *device, bool chunking);

    // Reads until about room bytes of wire data are ready, the device pauses or it ends.
    Step read(qint64 room);
    // The end of the data for DATA: a CRLF if the message lacks one, then ".\r\n". Empty for
    // BDAT, where the size announced ends the chunk.
    QByteArray finish();

    qint64 bytesRead() const { return m_read; }
    // Header lines shown, and their text (the DATA summary's details).
    int headerLines() const { return m_headerLines; }
    const QString &headerText() const { return m_headerText; }
    // Lines of the body, the header block and its empty line not counted.
    qint64 bodyLines() const { return qMax<qint64>(0, m_lines - m_headerLines - 1); }

    // Header lines shown in the transcript before the body is summarised.
    static constexpr int MaxHeaderLinesShown = 200;

private:
    void collectHeaders(const QByteArray &chunk, QStringList *lines);

    QIODevice *m_device;
    bool m_chunking;
    DataStuffer m_stuffer;
    qint64 m_read = 0;
    qint64 m_lines = 0;
    bool m_headerDone = false;
    int m_headerLines = 0;
    QByteArray m_headerPartial;
    QString m_headerText;
};
