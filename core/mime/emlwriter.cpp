#include "mime/emlwriter.h"

#include "mime/message.h"
#include "mime/mimeheader.h"
#include "mime/mimewriter.h"

#include <QSaveFile>

namespace {

constexpr qint64 Chunk = 256 * 1024;

// A saved copy must hold every address as typed: UTF-8 headers only when an address cannot
// be written any other way (a non-ASCII local part has no ASCII form).
MimeWriter::Options savedCopyOptions(const Message &message)
{
    MimeWriter::Options options;
    options.includeBcc = true;
    QList<Mailbox> all = {message.from, message.sender, message.dispositionNotificationTo};
    all += message.replyTo + message.to + message.cc + message.bcc;
    for (const Mailbox &m : all) {
        const qsizetype at = m.address.lastIndexOf(QLatin1Char('@'));
        if (!MimeHeader::isAscii(m.address.left(at)))
            options.utf8Headers = options.eightBit = true;
    }
    return options;
}

} // namespace

EmlWriter::EmlWriter(QObject *parent)
    : QObject(parent)
{}

EmlWriter::~EmlWriter()
{
    if (m_file)
        m_file->cancelWriting();
}

bool EmlWriter::save(const Message &message, const QString &path, QString *error)
{
    auto writer = MimeWriter::create(message, savedCopyOptions(message), error);
    if (!writer)
        return false;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = tr("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    QByteArray buffer(Chunk, Qt::Uninitialized);
    for (;;) {
        const qint64 n = writer->read(buffer.data(), Chunk);
        if (n < 0) {
            *error = writer->errorString();
            file.cancelWriting();
            return false;
        }
        if (n == 0)
            break;
        if (file.write(buffer.constData(), n) != n) {
            *error = tr("cannot write %1: %2").arg(path, file.errorString());
            file.cancelWriting();
            return false;
        }
    }
    if (!file.commit()) {
        *error = tr("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

bool EmlWriter::start(const Message &message, const QString &path)
{
    if (m_writer)
        return false;
    m_path = path;
    QString error;
    m_writer = MimeWriter::create(message, savedCopyOptions(message), &error);
    if (m_writer) {
        m_file = std::make_unique<QSaveFile>(path);
        if (!m_file->open(QIODevice::WriteOnly))
            error = tr("cannot write %1: %2").arg(path, m_file->errorString());
    }
    // finished() is never emitted from inside start(): the caller connects first or after.
    if (!error.isEmpty()) {
        QMetaObject::invokeMethod(
            this, [this, error] { finish(error); }, Qt::QueuedConnection);
        return true;
    }
    QMetaObject::invokeMethod(this, &EmlWriter::writeChunk, Qt::QueuedConnection);
    return true;
}

void EmlWriter::cancel()
{
    if (m_writer)
        finish(tr("saving %1 was cancelled").arg(m_path));
}

void EmlWriter::writeChunk()
{
    if (!m_writer || !m_file)
        return;
    QByteArray buffer(Chunk, Qt::Uninitialized);
    const qint64 n = m_writer->read(buffer.data(), Chunk);
    if (n < 0) {
        finish(m_writer->errorString());
        return;
    }
    if (n > 0 && m_file->write(buffer.constData(), n) != n) {
        finish(tr("cannot write %1: %2").arg(m_path, m_file->errorString()));
        return;
    }
    Q_EMIT progress(m_writer->bytesProduced(), m_writer->totalSize());
    if (n == 0 || m_writer->atEnd()) {
        if (!m_file->commit()) {
            const QString error = tr("cannot write %1: %2").arg(m_path, m_file->errorString());
            m_file.reset();
            finish(error);
            return;
        }
        m_file.reset();
        finish(QString());
        return;
    }
    QMetaObject::invokeMethod(this, &EmlWriter::writeChunk, Qt::QueuedConnection);
}

void EmlWriter::finish(const QString &error)
{
    if (m_file)
        m_file->cancelWriting();
    m_file.reset();
    m_writer.reset();
    Q_EMIT finished(m_path, error);
}
