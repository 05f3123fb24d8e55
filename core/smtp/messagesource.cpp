#include "smtp/messagesource.h"

#include "smtp/crlfreader.h"

#include <QFile>

namespace {

// A header block larger than this is left as it is (no mail program writes one).
constexpr qint64 MaxHeaderBlock = 1 << 20;

// Removes the Bcc field (and the marker Postwire's saved copies carry) from a header block:
// Bcc recipients are in the envelope; a Bcc header would show them to everyone (RFC 5322
// section 3.6.3). Returns the number of fields removed.
int removeBccFields(QByteArray *headers)
{
    QByteArray kept;
    bool dropping = false;
    int removed = 0;
    qsizetype pos = 0;
    while (pos < headers->size()) {
        qsizetype end = headers->indexOf('\n', pos);
        end = end < 0 ? headers->size() : end + 1;
        const QByteArray line = headers->mid(pos, end - pos);
        pos = end;
        const bool continuation = line.startsWith(' ') || line.startsWith('\t');
        if (!continuation) {
            const QByteArray name = line.left(line.indexOf(':')).trimmed().toLower();
            dropping = name == "bcc" || name == "x-postwire-bcc";
            removed += dropping ? 1 : 0;
        }
        if (!dropping)
            kept += line;
    }
    *headers = kept;
    return removed;
}

} // namespace

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
        *error = tr("cannot read message file %1: %2").arg(m_path, file->errorString());
        return nullptr;
    }
    // One pass over the file: 8-bit bytes anywhere mean BODY=8BITMIME; in the header block
    // (up to the first empty line) they mean UTF-8 headers (SMTPUTF8).
    m_8bit = m_utf8Headers = false;
    bool inHeaders = true;
    bool atLineStart = true;
    qint64 offset = 0;
    qint64 bodyStart = -1;
    while (!file->atEnd()) {
        const QByteArray chunk = file->read(1 << 16);
        if (chunk.isEmpty())
            break;
        for (qsizetype i = 0; i < chunk.size(); ++i) {
            const auto c = static_cast<unsigned char>(chunk[i]);
            if (c >= 0x80) {
                m_8bit = true;
                m_utf8Headers = m_utf8Headers || inHeaders;
            }
            if (!inHeaders || c == '\r')
                continue;
            if (c == '\n') {
                if (atLineStart) {
                    inHeaders = false;
                    bodyStart = offset + i + 1;
                }
                atLineStart = true;
            } else {
                atLineStart = false;
            }
        }
        offset += chunk.size();
    }
    if (!file->seek(0)) {
        *error = tr("cannot rewind message file %1: %2").arg(m_path, file->errorString());
        return nullptr;
    }
    QByteArray headers;
    if (bodyStart > 0 && bodyStart <= MaxHeaderBlock) {
        headers = file->read(bodyStart);
        if (removeBccFields(&headers) == 0) {
            headers.clear();
            file->seek(0);
        }
    }
    m_size = CrlfReader::normalizedSize(file, headers);
    if (m_size < 0) {
        *error = tr("cannot read message file %1: %2").arg(m_path, file->errorString());
        return nullptr;
    }
    m_device = new CrlfReader(headers, file);
    return m_device;
}
