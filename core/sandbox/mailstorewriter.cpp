#include "sandbox/mailstorewriter.h"

#include "sandbox/mailindex.h"
#include "sandbox/mailsegment.h"

#include <QFile>
#include <QJsonDocument>
#include <QMutexLocker>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

namespace {

QString systemError()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

bool writeAt(int fd, const char *data, qint64 size, qint64 offset)
{
    while (size > 0) {
        const ssize_t n = ::pwrite(fd, data, size_t(size), off_t(offset));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        data += n;
        size -= n;
        offset += n;
    }
    return true;
}

// Copies length bytes at from in source to at in target, in pieces (a message may be large).
bool copyRange(int source, qint64 from, qint64 length, int target, qint64 at)
{
    QByteArray buffer(qMin<qint64>(length, 1024 * 1024), Qt::Uninitialized);
    while (length > 0) {
        const ssize_t n = ::pread(source, buffer.data(),
                                  size_t(qMin<qint64>(length, buffer.size())), off_t(from));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            if (n == 0)
                errno = EIO; // shorter than it should be
            return false;
        }
        if (!writeAt(target, buffer.constData(), n, at))
            return false;
        from += n;
        at += n;
        length -= n;
    }
    return true;
}

QString segmentPath(const QString &folder, const QString &name)
{
    return folder + QLatin1Char('/') + name;
}

} // namespace

MailStoreWriter::MailStoreWriter(const QString &folder)
    : m_folder(folder)
    , m_rollSize(MailSegment::RollSize)
{
    qRegisterMetaType<QList<MailStoreWriter::Result>>();
}

MailStoreWriter::~MailStoreWriter()
{
    for (const Job &job : std::as_const(m_queue)) {
        if (job.content && job.content->fd >= 0)
            discard(*job.content);
    }
    closeSegmentLocked(m_new);
    closeSegmentLocked(m_copies);
}

MailStoreWriter::ContentPtr MailStoreWriter::create(const QString &path, QString *error)
{
    auto content = std::make_shared<Content>();
    content->path = path;
    // Owner-only from the start, whatever the umask: the inbox holds other people's mail.
    // Read back by the writer when the message is committed into a segment.
    content->fd = ::open(QFile::encodeName(path).constData(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC,
                         S_IRUSR | S_IWUSR);
    if (content->fd < 0) {
        *error = systemError();
        return nullptr;
    }
    return content;
}

void MailStoreWriter::append(Content &content, const QByteArray &data)
{
    if (!content.failed) {
        if (writeAt(content.fd, data.constData(), data.size(), content.written)) {
            content.checksum =
                MailSegment::checksum(data.constData(), data.size(), content.checksum);
            content.written += data.size();
        } else {
            content.error = systemError();
            content.failed = true;
        }
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
    if (job.kind == Job::Kind::Compact) {
        const QMutexLocker lock(&m_segmentMutex);
        ++m_compactions;
    }
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
        case Job::Kind::Compact:
            // Flushed on its own before its old segment goes.
            results << compact(job);
            committed << &job;
            break;
        case Job::Kind::Commit:
        case Job::Kind::Update:
            results << commit(job);
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
        index(results);
    if (anyWritten && !flush(m_folder, &error)) {
        // Not known to be durable: a new message is taken back rather than promised.
        for (qsizetype i = 0; i < committed.size(); ++i) {
            if (!results.at(i).error.isEmpty() || committed.at(i)->kind != Job::Kind::Commit)
                continue;
            StoredMessage gone = committed.at(i)->meta;
            gone.location = results.at(i).location;
            remove(gone);
            results[i].error = error;
        }
    }
    bool first = false;
    {
        const QMutexLocker lock(&m_mutex);
        first = m_written.isEmpty();
        m_written << results;
    }
    // One notice for whatever the store has not taken yet.
    if (first)
        Q_EMIT written();
}

QList<MailStoreWriter::Result> MailStoreWriter::takeWritten()
{
    const QMutexLocker lock(&m_mutex);
    return std::exchange(m_written, {});
}

bool MailStoreWriter::finish()
{
    {
        const QMutexLocker lock(&m_mutex);
        if (m_queue.isEmpty())
            return false;
    }
    drain();
    return true;
}

void MailStoreWriter::openSegmentLocked(Stream &stream, QString *error)
{
    if (stream.fd >= 0 && stream.size < m_rollSize)
        return;
    closeSegmentLocked(stream);
    const QString name = MailSegment::newName();
    const int fd = ::open(QFile::encodeName(segmentPath(m_folder, name)).constData(),
                          O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, S_IRUSR | S_IWUSR);
    if (fd < 0) {
        *error = systemError();
        return;
    }
    // Held while this process appends to it: another process sharing the folder never drops
    // or compacts it meanwhile (dropSegment()). Released by close(), or by a crash.
    ::flock(fd, LOCK_EX | LOCK_NB);
    stream = {fd, name, 0};
}

void MailStoreWriter::closeSegmentLocked(Stream &stream)
{
    if (stream.fd >= 0)
        ::close(stream.fd);
    stream = {};
}

QString MailStoreWriter::closeSegment(bool copiesToo)
{
    const QMutexLocker lock(&m_segmentMutex);
    const QString name = m_new.name;
    closeSegmentLocked(m_new);
    if (copiesToo)
        closeSegmentLocked(m_copies);
    return name;
}

void MailStoreWriter::setRollSize(qint64 bytes)
{
    const QMutexLocker lock(&m_segmentMutex);
    m_rollSize = bytes;
}

bool MailStoreWriter::settled(const QString &segment, quint64 done)
{
    const QMutexLocker lock(&m_segmentMutex);
    return segment != m_new.name && segment != m_copies.name && m_lastTicket.value(segment) <= done;
}

bool MailStoreWriter::appendsTo(const QString &segment)
{
    const QMutexLocker lock(&m_segmentMutex);
    return !segment.isEmpty() && (segment == m_new.name || segment == m_copies.name);
}

void MailStoreWriter::closeSegment(const QString &segment)
{
    const QMutexLocker lock(&m_segmentMutex);
    for (Stream *stream : {&m_new, &m_copies}) {
        if (!segment.isEmpty() && stream->name == segment)
            closeSegmentLocked(*stream);
    }
}

qint64 MailStoreWriter::appendRecord(Stream &to, const QByteArray &head, int source, qint64 from,
                                     qint64 length, const QByteArray &data, QString *error)
{
    openSegmentLocked(to, error);
    if (to.fd < 0)
        return -1;
    const qint64 start = to.size;
    qint64 at = start;
    bool ok = writeAt(to.fd, head.constData(), head.size(), at);
    at += head.size();
    if (ok && length > 0) {
        ok = copyRange(source, from, length, to.fd, at);
        at += length;
    }
    if (ok) {
        ok = writeAt(to.fd, data.constData(), data.size(), at);
        at += data.size();
    }
    if (!ok) {
        *error = systemError();
        // No half record stays behind for the next one to follow.
        if (::ftruncate(to.fd, start) != 0)
            closeSegmentLocked(to);
        return -1;
    }
    to.size = at;
    return start;
}

MailStoreWriter::Result MailStoreWriter::commit(const Job &job)
{
    Result result;
    result.ticket = job.ticket;
    const QString id = job.meta.id;
    const bool isNew = job.kind == Job::Kind::Commit;
    StoredMessage meta = job.meta;
    const auto done = [&] {
        if (isNew)
            discard(*job.content);
        return result;
    };
    if (isNew) {
        const Content &content = *job.content;
        if (content.failed) {
            result.error = tr("Sandbox inbox: cannot write in %1: %2").arg(m_folder, content.error);
            return done();
        }
        QByteArray head(qMin<qint64>(content.written, 64 * 1024), Qt::Uninitialized);
        head.resize(qMax<ssize_t>(0, ::pread(content.fd, head.data(), size_t(head.size()), 0)));
        meta.headers = result.headers = MessageHeaders::read(head);
    }
    const QByteArray json = QJsonDocument(meta.toJson()).toJson(QJsonDocument::Compact);
    const QByteArray sidecar =
        MailSegment::record(isNew ? MailSegment::Kind::Sidecar : MailSegment::Kind::Update, id,
                            MailSegment::packSidecar(json));
    const QMutexLocker lock(&m_segmentMutex);
    QString why;
    if (isNew) {
        const Content &content = *job.content;
        const QByteArray head =
            MailSegment::head(MailSegment::Kind::Content, id, content.written, content.checksum);
        meta.location.content = appendRecord(m_new, head, content.fd, 0, content.written, {}, &why);
        meta.location.segment = m_new.name;
        if (meta.location.content < 0) {
            result.error = tr("Sandbox inbox: cannot write in %1: %2").arg(m_folder, why);
            return done();
        }
    }
    // The sidecar last: a crash between the two leaves a content record without a sidecar,
    // which is no message (it was never acknowledged).
    const qint64 sidecarAt = appendRecord(m_new, {}, -1, 0, 0, sidecar, &why);
    if (sidecarAt < 0) {
        if (isNew && m_new.name == meta.location.segment) {
            m_new.size = meta.location.content; // the content record goes too
            if (::ftruncate(m_new.fd, m_new.size) != 0)
                closeSegmentLocked(m_new);
        }
        result.error = tr("Sandbox inbox: cannot write the sidecar of %1: %2").arg(id, why);
        return done();
    }
    meta.location.sidecarSegment = m_new.name;
    meta.location.sidecar = sidecarAt;
    m_lastTicket.insert(m_new.name, job.ticket);
    if (isNew)
        m_lastTicket.insert(meta.location.segment, job.ticket);
    meta.location.sidecarSize = sidecar.size();
    // With its index record, which holds no disk size and so can count itself.
    meta.diskSize = MailIndex::diskSize(meta);
    result.diskSize = meta.diskSize;
    result.location = meta.location;
    // A transcript update says only where the newer sidecar is: the index stays about one
    // record per message.
    result.indexRecord = isNew ? MailIndex::record(meta) : MailIndex::update(meta);
    return done();
}

void MailStoreWriter::remove(const StoredMessage &m)
{
    const QMutexLocker lock(&m_segmentMutex);
    // A compaction queued before this must not list the message again.
    if (m_compactions > 0)
        m_removedMeanwhile.insert(m.id);
    // The removal names the segments that still hold the message's records: once they are
    // gone, so is the need for it (compaction leaves it behind then).
    QByteArray names = m.location.segment.toUtf8();
    if (m.location.sidecarSegment != m.location.segment)
        names += '\n' + m.location.sidecarSegment.toUtf8();
    QString ignored;
    appendRecord(m_new, {}, -1, 0, 0, MailSegment::record(MailSegment::Kind::Removal, m.id, names),
                 &ignored);
    MailIndex::append(m_folder, MailIndex::removal(m.id), &ignored);
}

MailStoreWriter::Result MailStoreWriter::compact(const Job &job)
{
    Result result;
    result.ticket = job.ticket;
    const QString old = segmentPath(m_folder, job.segment);
    const int source = ::open(QFile::encodeName(old).constData(), O_RDONLY | O_CLOEXEC);
    if (source < 0) {
        result.error = systemError();
        const QMutexLocker lock(&m_segmentMutex);
        if (--m_compactions == 0)
            m_removedMeanwhile.clear();
        return result;
    }
    // Removal records are kept while a segment they name is still there.
    QByteArray removals;
    for (const MailSegment::Record &r : MailSegment::scan(old)) {
        if (r.kind != MailSegment::Kind::Removal || !r.intact)
            continue;
        for (const QByteArray &name : r.data.split('\n')) {
            const QString segment = QString::fromUtf8(name);
            if (segment != job.segment && QFile::exists(segmentPath(m_folder, segment))) {
                removals += MailSegment::record(r.kind, r.id, r.data);
                break;
            }
        }
    }
    QByteArray records;
    {
        const QMutexLocker lock(&m_segmentMutex);
        for (Stream *stream : {&m_new, &m_copies}) {
            if (stream->name == job.segment)
                closeSegmentLocked(*stream);
        }
        QString error;
        for (StoredMessage m : job.messages) {
            if (m_removedMeanwhile.contains(m.id))
                continue;
            bool ok = true;
            const bool contentMoves = m.location.segment == job.segment;
            // Byte for byte: a record keeps its checksum, and a damaged one stays damaged.
            if (contentMoves) {
                m.location.content =
                    appendRecord(m_copies, {}, source, m.location.content,
                                 MailSegment::recordSize(m.id, m.size), {}, &error);
                m.location.segment = m_copies.name;
                m_lastTicket.insert(m_copies.name, job.ticket);
                ok = m.location.content >= 0;
            }
            if (ok && m.location.sidecarSegment == job.segment) {
                m.location.sidecar = appendRecord(m_copies, {}, source, m.location.sidecar,
                                                  m.location.sidecarSize, {}, &error);
                m.location.sidecarSegment = m_copies.name;
                ok = m.location.sidecar >= 0;
            }
            if (!ok) {
                result.error = error;
                break;
            }
            m_lastTicket.insert(m_copies.name, job.ticket);
            records += MailIndex::update(m, contentMoves);
            result.moved << m;
        }
        if (result.error.isEmpty() && !removals.isEmpty())
            appendRecord(m_copies, {}, -1, 0, 0, removals, &result.error);
        if (result.error.isEmpty() && !records.isEmpty())
            MailIndex::append(m_folder, records, &error);
    }
    ::close(source);
    {
        const QMutexLocker lock(&m_segmentMutex);
        if (--m_compactions == 0)
            m_removedMeanwhile.clear();
    }
    // The old segment may go once the copies are durable; the store drops it when it has taken
    // the new places, so that it never reads from a segment that is gone.
    if (result.error.isEmpty())
        flush(m_folder, &result.error);
    if (!result.error.isEmpty())
        result.moved.clear();
    return result;
}

MailStoreWriter::Result MailStoreWriter::compactNow(const Job &job)
{
    {
        const QMutexLocker lock(&m_segmentMutex);
        ++m_compactions;
    }
    return compact(job);
}

bool MailStoreWriter::isWritten(const QString &folder, const QString &name)
{
    const int fd =
        ::open(QFile::encodeName(segmentPath(folder, name)).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    // A lock held by the process appending to it, this one included (flock() locks belong
    // to an open file, not to a process).
    const bool written = ::flock(fd, LOCK_EX | LOCK_NB) != 0;
    ::close(fd);
    return written;
}

bool MailStoreWriter::dropSegment(const QString &folder, const QString &name)
{
    const QByteArray path = QFile::encodeName(segmentPath(folder, name));
    const int fd = ::open(path.constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return errno == ENOENT;
    // A process still appending to it holds its lock.
    const bool unused = ::flock(fd, LOCK_EX | LOCK_NB) == 0;
    const bool gone = unused && ::unlink(path.constData()) == 0;
    ::close(fd);
    return gone;
}

void MailStoreWriter::index(const QList<Result> &results)
{
    const QMutexLocker lock(&m_segmentMutex);
    QByteArray records;
    for (const Result &result : results) {
        if (result.error.isEmpty())
            records += result.indexRecord;
    }
    // The index is rebuilt from the segments when it misses one, so a failed append costs a
    // slower start, never a message.
    QString ignored;
    if (!records.isEmpty())
        MailIndex::append(m_folder, records, &ignored);
}

void MailStoreWriter::appendIndex(const QByteArray &records)
{
    const QMutexLocker lock(&m_segmentMutex);
    QString ignored;
    MailIndex::append(m_folder, records, &ignored);
}

bool MailStoreWriter::rewriteIndex(const QList<StoredMessage> &messages, quint64 *generation,
                                   QString *error)
{
    const QMutexLocker lock(&m_segmentMutex);
    return MailIndex::rewrite(m_folder, messages, generation, error);
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
