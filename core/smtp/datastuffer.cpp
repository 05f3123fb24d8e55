#include "smtp/datastuffer.h"

void DataStuffer::process(const char *data, qint64 size, QByteArray *out)
{
    // Grow geometrically: a caller feeding small pieces into one buffer must not pay for a
    // reallocation on every call.
    const qint64 needed = out->size() + size + size / 64 + 8;
    if (out->capacity() < needed)
        out->reserve(qMax<qint64>(needed, out->capacity() * 2));
    qint64 i = 0;
    while (i < size) {
        if (m_pendingCr) {
            // A CR ends the line whether or not LF follows; a bare CR becomes CRLF.
            m_pendingCr = false;
            out->append("\r\n", 2);
            m_atLineStart = true;
            ++m_lines;
            if (data[i] == '\n') {
                ++i;
                continue;
            }
        }
        const char c = data[i];
        if (c == '\r') {
            // Decided by the next byte, which may be in the next chunk.
            m_pendingCr = true;
            ++i;
            continue;
        }
        if (c == '\n') {
            out->append("\r\n", 2);
            m_atLineStart = true;
            ++m_lines;
            ++i;
            continue;
        }
        if (m_atLineStart && c == '.')
            out->append('.');
        m_atLineStart = false;
        // The rest of the line goes over as it is, in one piece.
        qint64 end = i + 1;
        while (end < size && data[end] != '\r' && data[end] != '\n')
            ++end;
        out->append(data + i, end - i);
        i = end;
    }
}

void DataStuffer::finish(QByteArray *out)
{
    if (m_pendingCr || !m_atLineStart) {
        out->append("\r\n", 2);
        ++m_lines;
    }
    m_pendingCr = false;
    m_atLineStart = true;
    out->append(".\r\n", 3);
}
