// A message held in memory, for tests of the SMTP client that do not need the MIME writer.
#pragma once

#include "messagesource.h"

#include <QBuffer>

class BufferMessageSource : public MessageSource
{
public:
    explicit BufferMessageSource(const QByteArray &bytes, bool eightBit = false,
                                 bool utf8Headers = false)
        : m_bytes(bytes)
        , m_8bit(eightBit)
        , m_utf8(utf8Headers)
    {}

    QIODevice *open(const Capabilities &, QString *) override
    {
        m_buffer.close();
        m_buffer.setData(m_bytes);
        m_buffer.open(QIODevice::ReadOnly);
        return &m_buffer;
    }
    qint64 size() const override { return m_bytes.size(); }
    bool needs8BitMime() const override { return m_8bit; }
    bool needsSmtpUtf8() const override { return m_utf8; }

private:
    QByteArray m_bytes;
    QBuffer m_buffer;
    bool m_8bit;
    bool m_utf8;
};
