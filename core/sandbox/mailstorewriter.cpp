#include "sandbox/mailstorewriter.h"

#include "sandbox/mailindex.h"

#include <QFile>
#include <QJsonDocument>
#include <QMutexLocker>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

QString systemError()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

} // namespace

MailStoreWriter::MailStoreWriter(const QString &folder)
    : m_folder(folder)
{
    qRegisterMetaType<QList<MailStoreWriter::Result>>();
}

QString MailStoreWriter::sidecarPath(const QString &folder, const QString &id)
{
    return folder + QLatin1Char('/') + id + QStringLiteral(".json");
}

QString MailStoreWriter::emlPath(const QString &folder, const QString &id)
{
    return folder + QLatin1Char('/') + id + QStringLiteral(".eml");
}

MailStoreWriter::~MailStoreWriter()
{
    for (const Job &job : std::as_const(m_queue)) {
        if (job.content && job.content->fd >= 0)
            discard(*job.content);
    }
}

MailStoreWriter::ContentPtr MailStoreWriter::create(const QString &path, QString *error)
{
    auto content = std::make_shared<Content>();
    content->path = path;
    // Owner-only from the start, whatever the umask: the inbox holds other people's mail.
    content->fd = ::open(QFile::encodeName(path).constData(),
                         O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, S_IRUSR | S_IWUSR);
    if (content->fd < 0) {
        *error = systemError();
        return nullptr;
    }
    return content;
}

void MailStoreWriter::append(Content &content, const QByteArray &data)
{
    const char *at = data.constData();
    qsizetype left = data.size();
    while (left > 0 && !content.failed) {
        const ssize_t n = ::write(content.fd, at, size_t(left));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            content.error = systemError();
            content.failed = true;
            break;
        }
        at += n;
        left -= n;
    }
    content.backlog -= data.size();
}

void MailStoreWriter::discard(Content &content)
{
    if (content.fd >= 0)
        ::close(content.fd);
    content.fd = -1;
    QFile::remove(content.path);
}

void MailStoreWriter::enqueue(Job job)
{
    const QMutexLocker lock(&m_mutex);
    m_queue << std::move(job);
    if (m_scheduled)
        return;
    m_scheduled = true;
    QMetaObject::invokeMethod(this, &MailStoreWriter::drain, Qt::QueuedConnection);
}

void MailStoreWriter::drain()
{
    // Whatever queued up while the last group was being flushed is the next group.
    QList<Job> group;
    {
        const QMutexLocker lock(&m_mutex);
        group.swap(m_queue);
        m_scheduled = false;
    }
    QList<Result> results;
    QList<const Job *> committed;
    bool anyWritten = false;
    bool wroteContent = false;
    for (const Job &job : std::as_const(group)) {
        switch (job.kind) {
        case Job::Kind::Write:
            append(*job.content, job.data);
            wroteContent = true;
            break;
        case Job::Kind::Discard:
            discard(*job.content);
            break;
        case Job::Kind::Commit:
        case Job::Kind::Update:
            results << commit(m_folder, job);
            committed << &job;
            anyWritten = anyWritten || results.last().error.isEmpty();
            break;
        }
    }
    if (wroteContent)
        Q_EMIT contentWritten();
    if (results.isEmpty())
        return;
    QString error;
    if (anyWritten)
        index(m_folder, results);
    if (anyWritten && !flush(m_folder, &error)) {
        // Not known to be durable: a new message is taken back rather than promised.
        for (qsizetype i = 0; i < committed.size(); ++i) {
            if (!results.at(i).error.isEmpty() || committed.at(i)->kind != Job::Kind::Commit)
                continue;
            QFile::remove(sidecarPath(m_folder, committed.at(i)->meta.id));
            QFile::remove(emlPath(m_folder, committed.at(i)->meta.id));
            results[i].error = error;
            QString ignored;
            MailIndex::append(m_folder, MailIndex::removal(committed.at(i)->meta.id), &ignored);
        }
    }
    Q_EMIT written(results);
}

MailStoreWriter::Result MailStoreWriter::commit(const QString &folder, const Job &job)
{
    Result result;
    result.ticket = job.ticket;
    const QString id = job.meta.id;
    const QString eml = emlPath(folder, id);
    const QString sidecar = sidecarPath(folder, id);
    const bool isNew = job.kind == Job::Kind::Commit;
    const QString incoming = isNew ? job.content->path : QString();
    const auto fail = [&](const QString &error) {
        result.error = error;
        if (isNew)
            QFile::remove(incoming);
        return result;
    };
    if (isNew) {
        Content &content = *job.content;
        // close() can be where a delayed write error shows.
        if (::close(content.fd) != 0 && !content.failed) {
            content.error = systemError();
            content.failed = true;
        }
        content.fd = -1;
        if (content.failed)
            return fail(tr("Sandbox inbox: cannot write in %1: %2").arg(folder, content.error));
    } else if (!QFile::exists(eml)) {
        // A transcript may come after its message was deleted: nothing to update then.
        return fail(tr("Sandbox inbox: message %1 is gone").arg(id));
    }
    StoredMessage meta = job.meta;
    if (isNew)
        meta.headers = result.headers = MessageHeaders::read(incoming);
    // Both files are written in full under names the store never lists, and renamed only
    // then: whoever reads the folder, even after a crash, sees a message whole or not at all
    // (reload() also checks the .eml against the size the sidecar records).
    const QString temporary = sidecar + QStringLiteral(".incoming");
    QFile file(temporary);
    const QByteArray json = QJsonDocument(meta.toJson()).toJson(QJsonDocument::Compact);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
        file.write(json) != json.size() || !file.flush()) {
        const QString why = file.errorString();
        file.remove();
        return fail(tr("Sandbox inbox: cannot write the sidecar of %1: %2").arg(id, why));
    }
    file.close();
    // The .eml first, the sidecar last: the sidecar is what makes a message exist.
    if (isNew && ::rename(QFile::encodeName(incoming).constData(),
                          QFile::encodeName(eml).constData()) != 0) {
        QFile::remove(temporary);
        return fail(tr("Sandbox inbox: cannot write %1: renaming %2 failed").arg(eml, incoming));
    }
    if (::rename(QFile::encodeName(temporary).constData(),
                 QFile::encodeName(sidecar).constData()) != 0) {
        QFile::remove(temporary);
        if (isNew)
            QFile::remove(eml);
        return fail(tr("Sandbox inbox: cannot write the sidecar of %1").arg(id));
    }
    // The index record counts itself: its size does not depend on the numbers in it.
    meta.diskSize = meta.size + json.size();
    meta.diskSize += MailIndex::record(meta).size();
    result.diskSize = meta.diskSize;
    result.indexRecord = MailIndex::record(meta);
    return result;
}

void MailStoreWriter::index(const QString &folder, const QList<Result> &results)
{
    QByteArray records;
    for (const Result &result : results) {
        if (result.error.isEmpty())
            records += result.indexRecord;
    }
    // The index is rebuilt from the messages when it misses one, so a failed append costs a
    // slower start, never a message.
    QString ignored;
    if (!records.isEmpty())
        MailIndex::append(folder, records, &ignored);
}

bool MailStoreWriter::flush(const QString &folder, QString *error)
{
    const int fd = ::open(QFile::encodeName(folder).constData(), O_RDONLY | O_DIRECTORY);
    if (fd < 0) {
        *error = tr("Sandbox inbox: cannot open %1 to flush it").arg(folder);
        return false;
    }
#ifdef Q_OS_LINUX
    // One call makes every file of the group durable, contents and names together.
    const bool ok = ::syncfs(fd) == 0;
#else
    ::sync();
    const bool ok = ::fsync(fd) == 0;
#endif
    ::close(fd);
    if (!ok)
        *error = tr("Sandbox inbox: flushing %1 to disk failed").arg(folder);
    return ok;
}
