#include "smtp/crlfreader.h"

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
    , m_chunk(ChunkSize, Qt::Uninitialized)
{
    connect(source, &QIODevice::readyRead, this, &QIODevice::readyRead);
    QIODevice::open(QIODevice::ReadOnly);
}

CrlfReader::CrlfReader(const QByteArray &prefix, QIODevice *source, QObject *parent)
    : CrlfReader(source, parent)
{
    normalize(prefix.constData(), prefix.size(), &m_out, &m_pendingCr, &m_endsWithLf);
}

bool CrlfReader::fill()
{
    while (m_out.size() < ChunkSize && !m_done) {
        const qint64 n = m_source->read(m_chunk.data(), m_chunk.size());
        if (n < 0) {
            const QString why = m_source->errorString();
            setErrorString(why.isEmpty() ? tr("the message source failed") : why);
            return false;
        }
        if (n == 0) {
            // Nothing now but more to come: the source's readyRead brings the caller back.
            if (m_source->isSequential() && !m_source->atEnd())
                break;
            if (m_pendingCr || !m_endsWithLf)
                m_out.append("\r\n", 2);
            m_pendingCr = false;
            m_done = true;
            break;
        }
        normalize(m_chunk.constData(), n, &m_out, &m_pendingCr, &m_endsWithLf);
    }
    return true;
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
    if (m_out.isEmpty() && !fill())
        return -1;
    const qint64 n = qMin<qint64>(maxSize, m_out.size());
    if (n > 0) {
        memcpy(data, m_out.constData(), n);
        m_out.remove(0, n);
    }
    return n;
}

qint64 CrlfReader::normalizedSize(QIODevice *source, const QByteArray &prefix)
{
    const qint64 start = source->pos();
    bool pendingCr = false;
    bool endsWithLf = true;
    QByteArray chunk(CrlfReader::ChunkSize, Qt::Uninitialized);
    QByteArray out;
    normalize(prefix.constData(), prefix.size(), &out, &pendingCr, &endsWithLf);
    qint64 total = out.size();
    while (true) {
        const qint64 n = source->read(chunk.data(), chunk.size());
        if (n < 0)
            return -1;
        if (n == 0)
            break;
        out.clear();
        normalize(chunk.constData(), n, &out, &pendingCr, &endsWithLf);
        total += out.size();
    }
    if (pendingCr || !endsWithLf)
        total += 2;
    if (!source->seek(start))
        return -1;
    return total;
}
