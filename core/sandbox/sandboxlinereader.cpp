#include "sandbox/sandboxlinereader.h"

void SandboxLineReader::append(const QByteArray &bytes)
{
    m_buffer.append(bytes);
}

void SandboxLineReader::compact()
{
    if (m_pos == m_buffer.size()) {
        m_buffer.clear();
        m_pos = 0;
    } else if (m_pos > 65536 && m_pos > m_buffer.size() / 2) {
        m_buffer.remove(0, m_pos);
        m_pos = 0;
    }
}

SandboxLineReader::Result SandboxLineReader::next(qsizetype maxLength, QByteArray *line)
{
    const qsizetype lf = m_buffer.indexOf('\n', m_pos);
    if (lf < 0) {
        if (m_discarding || available() > maxLength) {
            // No end in sight: drop what came so far instead of keeping it.
            m_discarded += available();
            m_discarding = true;
            m_pos = m_buffer.size();
            compact();
        }
        return Result::NeedMore;
    }
    const qsizetype length = lf + 1 - m_pos;
    if (m_discarding || length > maxLength) {
        m_discarded += length;
        m_lastDropped = m_discarded;
        m_discarded = 0;
        m_pos = lf + 1;
        m_discarding = false;
        compact();
        return Result::TooLong;
    }
    *line = m_buffer.mid(m_pos, length);
    m_pos = lf + 1;
    compact();
    return Result::Line;
}

QByteArray SandboxLineReader::take(qsizetype maxBytes)
{
    const qsizetype n = qMin(maxBytes, available());
    const QByteArray out = m_buffer.mid(m_pos, n);
    m_pos += n;
    compact();
    return out;
}

void SandboxLineReader::unread(const QByteArray &bytes)
{
    if (bytes.isEmpty())
        return;
    m_buffer = m_buffer.mid(m_pos).prepend(bytes);
    m_pos = 0;
}

void SandboxLineReader::clear()
{
    m_buffer.clear();
    m_pos = 0;
    m_discarding = false;
    m_discarded = 0;
}
