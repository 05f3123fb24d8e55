#include "smtp/recordingmessagesource.h"

#include <QIODevice>

// Reads through to the inner device and copies what it gives; everything else (atEnd, errors,
// readyRead of a device that produces more later) is the inner device's.
class RecordingMessageSource::Tee : public QIODevice
{
public:
    Tee(QIODevice *inner, RecordingMessageSource *owner)
        : m_inner(inner)
        , m_owner(owner)
    {
        connect(inner, &QIODevice::readyRead, this, &QIODevice::readyRead);
        open(QIODevice::ReadOnly | QIODevice::Unbuffered);
    }
    bool isSequential() const override { return m_inner->isSequential(); }
    bool atEnd() const override { return QIODevice::bytesAvailable() == 0 && m_inner->atEnd(); }
    qint64 bytesAvailable() const override
    {
        return QIODevice::bytesAvailable() + m_inner->bytesAvailable();
    }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        const qint64 n = m_inner->read(data, maxSize);
        if (n < 0) {
            setErrorString(m_inner->errorString());
            return -1;
        }
        if (!m_owner->m_truncated) {
            if (m_owner->m_recorded.size() + n > m_owner->m_limit) {
                m_owner->m_truncated = true;
                m_owner->m_recorded = QByteArray();
            } else {
                m_owner->m_recorded.append(data, n);
            }
        }
        return n;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QIODevice *m_inner;
    RecordingMessageSource *m_owner;
};

RecordingMessageSource::RecordingMessageSource(MessageSource *inner, qint64 limit)
    : m_inner(inner)
    , m_limit(limit)
{}

RecordingMessageSource::~RecordingMessageSource() = default;

QIODevice *RecordingMessageSource::open(const Capabilities &capabilities, QString *error)
{
    m_tee.reset();
    m_recorded.clear();
    m_truncated = false;
    QIODevice *inner = m_inner->open(capabilities, error);
    if (!inner)
        return nullptr;
    m_tee = std::make_unique<Tee>(inner, this);
    return m_tee.get();
}
