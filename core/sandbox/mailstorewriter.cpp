#include "sandbox/mailstorewriter.h"

#include <QFile>
#include <QJsonDocument>
#include <QMutexLocker>

#include <fcntl.h>
#include <unistd.h>

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

void MailStoreWriter::enqueue(const Job &job)
{
    const QMutexLocker lock(&m_mutex);
    m_queue << job;
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
    bool anyWritten = false;
    for (const Job &job : std::as_const(group)) {
        results << write(m_folder, job);
        anyWritten = anyWritten || results.last().error.isEmpty();
    }
    QString error;
    if (anyWritten && !flush(m_folder, &error)) {
        // Not known to be durable: a new message is taken back rather than promised.
        for (qsizetype i = 0; i < group.size(); ++i) {
            if (!results.at(i).error.isEmpty() || group.at(i).incoming.isEmpty())
                continue;
            QFile::remove(sidecarPath(m_folder, group.at(i).meta.id));
            QFile::remove(emlPath(m_folder, group.at(i).meta.id));
            results[i].error = error;
        }
    }
    Q_EMIT written(results);
}

MailStoreWriter::Result MailStoreWriter::write(const QString &folder, const Job &job)
{
    Result result;
    result.ticket = job.ticket;
    const QString id = job.meta.id;
    const QString eml = emlPath(folder, id);
    const QString sidecar = sidecarPath(folder, id);
    const auto fail = [&](const QString &error) {
        result.error = error;
        if (!job.incoming.isEmpty())
            QFile::remove(job.incoming);
        return result;
    };
    // A transcript may come after its message was deleted: nothing to update then.
    if (job.incoming.isEmpty() && !QFile::exists(eml))
        return fail(QStringLiteral("Sandbox inbox: message %1 is gone").arg(id));
    // Both files are written in full under names the store never lists, and renamed only
    // then: whoever reads the folder, even after a crash, sees a message whole or not at all
    // (reload() also checks the .eml against the size the sidecar records).
    const QString temporary = sidecar + QStringLiteral(".incoming");
    QFile file(temporary);
    const QByteArray json = QJsonDocument(job.meta.toJson()).toJson(QJsonDocument::Compact);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
        file.write(json) != json.size() || !file.flush()) {
        const QString why = file.errorString();
        file.remove();
        return fail(
            QStringLiteral("Sandbox inbox: cannot write the sidecar of %1: %2").arg(id, why));
    }
    file.close();
    // The .eml first, the sidecar last: the sidecar is what makes a message exist.
    if (!job.incoming.isEmpty() && ::rename(QFile::encodeName(job.incoming).constData(),
                                            QFile::encodeName(eml).constData()) != 0) {
        QFile::remove(temporary);
        return fail(QStringLiteral("Sandbox inbox: cannot write %1: renaming %2 failed")
                        .arg(eml, job.incoming));
    }
    if (::rename(QFile::encodeName(temporary).constData(),
                 QFile::encodeName(sidecar).constData()) != 0) {
        QFile::remove(temporary);
        if (!job.incoming.isEmpty())
            QFile::remove(eml);
        return fail(QStringLiteral("Sandbox inbox: cannot write the sidecar of %1").arg(id));
    }
    result.sidecarBytes = json.size();
    return result;
}

bool MailStoreWriter::flush(const QString &folder, QString *error)
{
    const int fd = ::open(QFile::encodeName(folder).constData(), O_RDONLY | O_DIRECTORY);
    if (fd < 0) {
        *error = QStringLiteral("Sandbox inbox: cannot open %1 to flush it").arg(folder);
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
        *error = QStringLiteral("Sandbox inbox: flushing %1 to disk failed").arg(folder);
    return ok;
}
