#include "datastuffer.h"

void DataStuffer::process(const char *data, qint64 size, QByteArray *out)
{
    out->reserve(out->size() + size + size / 64 + 8);
    for (qint64 i = 0; i < size; ++i) {
        const char c = data[i];
        if (m_pendingCr) {
            // A CR ends the line whether or not LF follows; a bare CR becomes CRLF.
            m_pendingCr = false;
            out->append("\r\n", 2);
            m_atLineStart = true;
            ++m_lines;
            if (c == '\n')
                continue;
        }
        if (c == '\r') {
            m_pendingCr = true;
            continue;
        }
        if (c == '\n') {
            out->append("\r\n", 2);
            m_atLineStart = true;
            ++m_lines;
            continue;
        }
        if (m_atLineStart && c == '.')
            out->append('.');
        m_atLineStart = false;
        out->append(c);
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
