#include "messagesource.h"

#include "crlfreader.h"

#include <QFile>

FileMessageSource::FileMessageSource(const QString &path)
    : m_path(path)
{}

FileMessageSource::~FileMessageSource()
{
    delete m_device;
    delete m_file;
}

QIODevice *FileMessageSource::open(const Capabilities &capabilities, QString *error)
{
    Q_UNUSED(capabilities);
    delete m_device;
    delete m_file;
    m_device = nullptr;
    auto *file = new QFile(m_path);
    m_file = file;
    if (!file->open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read message file %1: %2").arg(m_path, file->errorString());
        return nullptr;
    }
    // One pass over the file: 8-bit bytes anywhere mean BODY=8BITMIME; in the header block
    // (up to the first empty line) they mean UTF-8 headers (SMTPUTF8).
    m_8bit = m_utf8Headers = false;
    bool inHeaders = true;
    bool atLineStart = true;
    while (!file->atEnd()) {
        const QByteArray chunk = file->read(1 << 16);
        for (const char ch : chunk) {
            const auto c = static_cast<unsigned char>(ch);
            if (c >= 0x80) {
                m_8bit = true;
                m_utf8Headers = m_utf8Headers || inHeaders;
            }
            if (!inHeaders || c == '\r')
                continue;
            if (c == '\n') {
                inHeaders = !atLineStart;
                atLineStart = true;
            } else {
                atLineStart = false;
            }
        }
    }
    if (!file->seek(0)) {
        *error = QStringLiteral("cannot rewind message file %1: %2").arg(m_path, file->errorString());
        return nullptr;
    }
    m_size = CrlfReader::normalizedSize(file);
    if (m_size < 0) {
        *error = QStringLiteral("cannot read message file %1: %2").arg(m_path, file->errorString());
        return nullptr;
    }
    m_device = new CrlfReader(file);
    return m_device;
}
