// Splits what an SMTP client sends into lines under a length limit (RFC 5321 section
// 4.5.3.1): a longer line is dropped as it arrives, so a client cannot make the server hold
// more than one limit's worth of a line, however long it is. Also hands out raw BDAT bytes.
#pragma once

#include <QByteArray>

class SandboxLineReader
{
public:
    enum class Result
    {
        Line,    // *line holds one line with its line ending (LF or CRLF)
        TooLong, // a line longer than the limit ended (its bytes are gone)
        NeedMore
    };

    void append(const QByteArray &bytes);
    // maxLength counts the line ending too, as the RFC does.
    Result next(qsizetype maxLength, QByteArray *line);
    // Up to maxBytes raw bytes, for a BDAT chunk.
    QByteArray take(qsizetype maxBytes);
    qsizetype available() const { return m_buffer.size() - m_pos; }
    // Memory the reader holds (what it read but has not handed out, and room for more).
    qsizetype capacity() const { return m_buffer.capacity(); }
    // Puts bytes taken back in front of what is buffered.
    void unread(const QByteArray &bytes);
    // Forgets everything buffered (what a client pipelined after STARTTLS must not be used).
    void clear();
    // Length of the last line reported TooLong (for the transcript).
    qint64 lastDropped() const { return m_lastDropped; }

private:
    void compact();

    QByteArray m_buffer;
    qsizetype m_pos = 0;
    bool m_discarding = false;
    qint64 m_discarded = 0;
    qint64 m_lastDropped = 0;
};
