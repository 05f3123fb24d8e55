#include "mime/mimewriter.h"

#include "mime/base64.h"
#include "mime/mimebuilder.h"

#include <cstring>

namespace {
// 1024 base64 lines per read from the file: 57 KiB in, 78 KiB out.
constexpr qint64 InputChunk = Base64::BytesPerLine * 1024;
} // namespace

MimeWriter::MimeWriter() = default;
MimeWriter::~MimeWriter() = default;

std::unique_ptr<MimeWriter> MimeWriter::create(const Message &message, const Options &options,
                                               QString *error)
{
    std::unique_ptr<MimeWriter> writer(new MimeWriter);
    MimeBuilder builder(message, options);
    if (!builder.build(writer.get(), error))
        return nullptr;
    for (const Segment &s : writer->m_segments)
        writer->m_total += s.fileSize >= 0 ? s.encodedSize : s.bytes.size();
    // Unbuffered: the reader's chunk is filled straight from the segments, so QIODevice
    // keeps no second copy.
    writer->QIODevice::open(QIODevice::ReadOnly | QIODevice::Unbuffered);
    return writer;
}

bool MimeWriter::atEnd() const
{
    return !m_failed && m_produced == m_total && QIODevice::bytesAvailable() == 0;
}

qint64 MimeWriter::bytesAvailable() const
{
    if (m_failed)
        return 0;
    return m_total - m_produced + QIODevice::bytesAvailable();
}

bool MimeWriter::fail(const QString &message)
{
    m_failed = true;
    m_file.reset();
    m_chunk.clear();
    setErrorString(message);
    return false;
}

bool MimeWriter::fillFromFile(Segment &segment)
{
    const QString who = QStringLiteral("Attachment %1").arg(segment.shownName);
    if (!m_file) {
        m_file = std::make_unique<QFile>(segment.path);
        m_fileRead = 0;
        if (!m_file->open(QIODevice::ReadOnly))
            return fail(QStringLiteral("%1: cannot read %2: %3")
                            .arg(who, segment.path, m_file->errorString()));
    }
    const qint64 want = qMin(InputChunk, segment.fileSize - m_fileRead);
    QByteArray input(want, Qt::Uninitialized);
    qint64 got = 0;
    while (got < want) {
        const qint64 n = m_file->read(input.data() + got, want - got);
        if (n < 0)
            return fail(QStringLiteral("%1: reading %2 failed: %3")
                            .arg(who, segment.path, m_file->errorString()));
        if (n == 0)
            return fail(QStringLiteral("%1: %2 became shorter while it was being sent "
                                       "(%3 of %4 bytes read)")
                            .arg(who, segment.path)
                            .arg(m_fileRead + got)
                            .arg(segment.fileSize));
        got += n;
    }
    m_fileRead += got;
    if (m_fileRead == segment.fileSize) {
        char extra;
        if (m_file->read(&extra, 1) > 0)
            return fail(QStringLiteral("%1: %2 grew while it was being sent (it had %3 bytes)")
                            .arg(who, segment.path)
                            .arg(segment.fileSize));
    }
    m_chunk.resize(Base64::encodedSize(got));
    m_chunk.resize(Base64::encodeLines(input.constData(), got, m_chunk.data()));
    m_chunkPos = 0;
    return true;
}

qint64 MimeWriter::readData(char *data, qint64 maxSize)
{
    if (m_failed)
        return -1;
    qint64 done = 0;
    while (done < maxSize && m_segment < m_segments.size()) {
        Segment &s = m_segments[m_segment];
        if (s.fileSize < 0) {
            const qint64 n = qMin(maxSize - done, s.bytes.size() - m_segmentOffset);
            std::memcpy(data + done, s.bytes.constData() + m_segmentOffset, size_t(n));
            done += n;
            m_segmentOffset += n;
            if (m_segmentOffset == s.bytes.size()) {
                ++m_segment;
                m_segmentOffset = 0;
            }
            continue;
        }
        if (m_chunkPos == m_chunk.size()) {
            if (m_segmentOffset == s.encodedSize) {
                m_file.reset();
                m_chunk.clear();
                m_chunkPos = 0;
                ++m_segment;
                m_segmentOffset = 0;
                continue;
            }
            if (!fillFromFile(s)) {
                // What was produced in this call is still handed out; the next read fails.
                m_produced += done;
                return done > 0 ? done : -1;
            }
        }
        const qint64 n = qMin(maxSize - done, m_chunk.size() - m_chunkPos);
        std::memcpy(data + done, m_chunk.constData() + m_chunkPos, size_t(n));
        done += n;
        m_chunkPos += n;
        m_segmentOffset += n;
    }
    m_produced += done;
    return done;
}
