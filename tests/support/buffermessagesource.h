// A message held in memory, for tests of the SMTP client that do not need the MIME writer.
#pragma once

#include "smtp/messagesource.h"

#include <QBuffer>

#include <memory>

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

// A device that gives some bytes and then fails, like an attachment deleted mid-send.
class FailingDevice : public QIODevice
{
public:
    FailingDevice(const QByteArray &good, const QString &why)
        : m_good(good)
        , m_why(why)
    {
        open(QIODevice::ReadOnly);
    }
    bool isSequential() const override { return true; }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        if (m_pos >= m_good.size()) {
            setErrorString(m_why);
            return -1;
        }
        const qint64 n = qMin<qint64>(maxSize, m_good.size() - m_pos);
        memcpy(data, m_good.constData() + m_pos, n);
        m_pos += n;
        return n;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_good;
    QString m_why;
    qint64 m_pos = 0;
};

// A message source whose bytes stop with a read error partway.
class FailingMessageSource : public MessageSource
{
public:
    FailingMessageSource(const QByteArray &good, qint64 announcedSize, const QString &why)
        : m_good(good)
        , m_size(announcedSize)
        , m_why(why)
    {}
    QIODevice *open(const Capabilities &, QString *) override
    {
        m_device = std::make_unique<FailingDevice>(m_good, m_why);
        return m_device.get();
    }
    qint64 size() const override { return m_size; }
    bool needs8BitMime() const override { return false; }
    bool needsSmtpUtf8() const override { return false; }

private:
    QByteArray m_good;
    qint64 m_size;
    QString m_why;
    std::unique_ptr<FailingDevice> m_device;
};
