// A sequential source that is fed over time, like a writer producing a message lazily: what
// was fed is readable, more may come until end(), and a read can be made to fail.
#pragma once

#include <QByteArray>
#include <QIODevice>

#include <cstring>

class TrickleDevice : public QIODevice
{
public:
    TrickleDevice() { open(QIODevice::ReadOnly); }
    void feed(const QByteArray &bytes)
    {
        m_data += bytes;
        Q_EMIT readyRead();
    }
    void end()
    {
        m_ended = true;
        Q_EMIT readyRead();
    }
    void failNext() { m_fail = true; }
    bool isSequential() const override { return true; }
    bool atEnd() const override { return m_ended && m_data.isEmpty() && QIODevice::atEnd(); }
    qint64 bytesAvailable() const override { return m_data.size() + QIODevice::bytesAvailable(); }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        if (m_fail) {
            setErrorString(QStringLiteral("attachment.pdf vanished"));
            return -1;
        }
        const qint64 n = qMin<qint64>(maxSize, m_data.size());
        std::memcpy(data, m_data.constData(), n);
        m_data.remove(0, n);
        return n;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_data;
    bool m_ended = false;
    bool m_fail = false;
};
