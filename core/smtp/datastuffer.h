// Turns message bytes into the DATA stream (RFC 5321 section 4.5.2): every line ending CRLF,
// a "." doubled at the start of every line (the first one included), and the terminating
// CRLF.CRLF. Works on chunks of any size, so the message never has to be whole in memory.
#pragma once

#include <QByteArray>

class DataStuffer
{
public:
    // Appends the wire form of chunk to out.
    void process(const char *data, qint64 size, QByteArray *out);
    void process(const QByteArray &chunk, QByteArray *out)
    {
        process(chunk.constData(), chunk.size(), out);
    }
    // Appends the end of the data: a CRLF if the message did not end with one, then ".\r\n".
    void finish(QByteArray *out);

    qint64 linesSeen() const { return m_lines; }

private:
    bool m_atLineStart = true;
    bool m_pendingCr = false;
    qint64 m_lines = 0;
};
