#include "crlfreader.h"

namespace {

// Normalises one chunk; state carries a CR seen at the end of the previous chunk.
void normalize(const char *in, qint64 size, QByteArray *out, bool *pendingCr, bool *endsWithLf)
{
    out->reserve(out->size() + size + size / 32 + 2);
    for (qint64 i = 0; i < size; ++i) {
        const char c = in[i];
        if (*pendingCr) {
            *pendingCr = false;
            out->append("\r\n", 2);
            *endsWithLf = true;
            if (c == '\n')
                continue;
        }
        if (c == '\r') {
            *pendingCr = true;
        } else if (c == '\n') {
            out->append("\r\n", 2);
            *endsWithLf = true;
        } else {
            out->append(c);
            *endsWithLf = false;
        }
    }
}

} // namespace

CrlfReader::CrlfReader(QIODevice *source, QObject *parent)
    : QIODevice(parent)
    , m_source(source)
{
    QIODevice::open(QIODevice::ReadOnly);
}

void CrlfReader::fill()
{
    while (m_out.size() < (1 << 16) && !m_done) {
        const QByteArray chunk = m_source->read(1 << 16);
        if (chunk.isEmpty()) {
            if (m_pendingCr || !m_endsWithLf)
                m_out.append("\r\n", 2);
            m_pendingCr = false;
            m_done = true;
            break;
        }
        normalize(chunk.constData(), chunk.size(), &m_out, &m_pendingCr, &m_endsWithLf);
    }
}

bool CrlfReader::atEnd() const
{
    return m_done && m_out.isEmpty() && QIODevice::bytesAvailable() == 0;
}

qint64 CrlfReader::bytesAvailable() const
{
    return m_out.size() + QIODevice::bytesAvailable();
}

qint64 CrlfReader::readData(char *data, qint64 maxSize)
{
    if (m_out.isEmpty())
        fill();
    if (m_out.isEmpty())
        return m_done ? -1 : 0;
    const qint64 n = qMin<qint64>(maxSize, m_out.size());
    memcpy(data, m_out.constData(), n);
    m_out.remove(0, n);
    return n;
}

qint64 CrlfReader::normalizedSize(QIODevice *source)
{
    const qint64 start = source->pos();
    qint64 total = 0;
    bool pendingCr = false;
    bool endsWithLf = true;
    QByteArray out;
    while (true) {
        const QByteArray chunk = source->read(1 << 16);
        if (chunk.isEmpty())
            break;
        out.clear();
        normalize(chunk.constData(), chunk.size(), &out, &pendingCr, &endsWithLf);
        total += out.size();
    }
    if (pendingCr || !endsWithLf)
        total += 2;
    source->seek(start);
    return total;
}
