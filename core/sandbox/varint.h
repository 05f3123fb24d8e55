// The compact encoding of the sandbox store's index records and sidecar records: unsigned
// LEB128 varints (signed values zigzagged), strings as their UTF-8 length and bytes, lists as
// their count and strings. A reader never reads past its data: a length beyond what is left,
// or a number longer than 64 bits, makes it not ok.
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <limits>
#include <utility>

class VarintWriter
{
public:
    void number(quint64 v)
    {
        while (v >= 0x80) {
            m_out += char(v | 0x80);
            v >>= 7;
        }
        m_out += char(v);
    }
    void signedNumber(qint64 v) { number((quint64(v) << 1) ^ quint64(v >> 63)); }
    void text(const QString &s)
    {
        const QByteArray bytes = s.toUtf8();
        number(quint64(bytes.size()));
        m_out += bytes;
    }
    void list(const QStringList &list)
    {
        number(quint64(list.size()));
        for (const QString &s : list)
            text(s);
    }
    QByteArray take() { return std::exchange(m_out, {}); }

private:
    QByteArray m_out;
};

class VarintReader
{
public:
    // Reads data, which must outlive it.
    explicit VarintReader(const QByteArray &data)
        : m_data(data)
    {}
    quint64 number()
    {
        quint64 v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (m_at >= m_data.size()) {
                m_ok = false;
                return 0;
            }
            const auto byte = quint8(m_data.at(m_at++));
            if (shift == 63 && byte > 1)
                break; // more than 64 bits
            v |= quint64(byte & 0x7f) << shift;
            if (!(byte & 0x80))
                return v;
        }
        m_ok = false; // longer than any 64-bit number
        return 0;
    }
    // A size or an offset: a number a qint64 holds.
    qint64 size()
    {
        const quint64 v = number();
        if (v > quint64(std::numeric_limits<qint64>::max()))
            m_ok = false;
        return m_ok ? qint64(v) : 0;
    }
    qint64 signedNumber()
    {
        const quint64 v = number();
        return qint64(v >> 1) ^ -qint64(v & 1);
    }
    QString text()
    {
        const quint64 n = number();
        if (!m_ok || n > quint64(m_data.size() - m_at)) {
            m_ok = false;
            return QString();
        }
        const QString s = QString::fromUtf8(m_data.constData() + m_at, qsizetype(n));
        m_at += qsizetype(n);
        return s;
    }
    QStringList list()
    {
        const quint64 n = number();
        QStringList list;
        // Each string takes at least a byte: a count beyond what is left is damage.
        if (!m_ok || n > quint64(m_data.size() - m_at)) {
            m_ok = false;
            return list;
        }
        for (quint64 i = 0; i < n && m_ok; ++i)
            list << text();
        return list;
    }
    // Nothing read was cut off or too long so far.
    bool ok() const { return m_ok; }
    // Every field read, and nothing left over.
    bool done() const { return m_ok && m_at == m_data.size(); }

private:
    const QByteArray &m_data;
    qsizetype m_at = 0;
    bool m_ok = true;
};
