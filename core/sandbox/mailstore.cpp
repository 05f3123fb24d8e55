#include "sandbox/mailstore.h"

#include "sandbox/sandboxcredentials.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRandomGenerator>

#include <algorithm>

namespace {

// Ids sort in arrival order: the time, then a per-process sequence for messages that
// arrive within the same millisecond, then randomness so two processes never collide.
int nextSequence()
{
    static int sequence = 0;
    sequence = (sequence + 1) % 10000;
    return sequence;
}

// The inbox holds other people's mail as much as the user's own: owner-only, like a mail
// spool, whatever the umask says.
constexpr QFileDevice::Permissions FilePermissions =
    QFileDevice::ReadOwner | QFileDevice::WriteOwner;
constexpr QFileDevice::Permissions FolderPermissions =
    QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner;

// Creates the folder owner-only when it does not exist yet; an existing folder (perhaps one
// the user chose and shares on purpose) keeps its permissions.
bool ensureFolder(const QString &folder)
{
    const QFileInfo info(folder);
    if (info.isDir())
        return true;
    // The last component is created with its permissions at once, so it is never briefly
    // readable by others.
    return QDir().mkpath(info.absolutePath()) && QDir().mkdir(folder, FolderPermissions);
}

} // namespace

void MailStore::DiscardIncoming::operator()(QFile *file) const
{
    // By name, after closing: QFile::remove() keeps a file whose last write failed.
    const QString name = file->fileName();
    delete file;
    QFile::remove(name);
}

MailStore::MailStore(const QString &folder, QObject *parent)
    : QObject(parent)
    , m_folder(folder)
    , m_writer(std::make_unique<MailStoreWriter>(folder))
{
    qRegisterMetaType<StoredMessage>();
    if (!ensureFolder(m_folder))
        m_lastError = QStringLiteral("Sandbox inbox: cannot create folder %1").arg(m_folder);
    m_thread.setObjectName(QStringLiteral("sandbox store writer"));
    m_writer->moveToThread(&m_thread);
    connect(m_writer.get(), &MailStoreWriter::written, this, &MailStore::onWritten);
    m_thread.start();
    reload();
}

MailStore::~MailStore()
{
    // Joins the writer at shutdown: a group being flushed finishes; messages still queued
    // were never acknowledged and are cleaned away as leftovers by a later reload().
    m_thread.quit();
    m_thread.wait();
}

QString MailStore::defaultFolder()
{
    return SandboxCredentials::defaultFolder() + QStringLiteral("/inbox");
}

void MailStore::setSizeCap(qint64 bytes)
{
    m_sizeCap = bytes;
    enforceCap();
}

qint64 MailStore::totalSize() const
{
    qint64 total = 0;
    for (const StoredMessage &m : m_messages)
        total += m.size;
    return total;
}

qint64 MailStore::diskUsage() const
{
    qint64 total = 0;
    for (const StoredMessage &m : m_messages)
        total += m.diskSize;
    return total;
}

qsizetype MailStore::indexOf(const QString &id) const
{
    for (qsizetype i = 0; i < m_messages.size(); ++i) {
        if (m_messages.at(i).id == id)
            return i;
    }
    return -1;
}

StoredMessage MailStore::message(const QString &id) const
{
    const qsizetype i = indexOf(id);
    return i < 0 ? StoredMessage() : m_messages.at(i);
}

QString MailStore::emlPath(const QString &id) const
{
    return MailStoreWriter::emlPath(m_folder, id);
}

QByteArray MailStore::content(const QString &id) const
{
    if (!contains(id))
        return QByteArray();
    QFile file(emlPath(id));
    if (!file.open(QIODevice::ReadOnly))
        return QByteArray();
    return file.readAll();
}

QString MailStore::createId()
{
    return QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd'T'HHmmsszzz")) +
           QStringLiteral("-%1-%2")
               .arg(nextSequence(), 4, 10, QLatin1Char('0'))
               .arg(QRandomGenerator::global()->bounded(0x10000), 4, 16, QLatin1Char('0'));
}

QString MailStore::incomingPath() const
{
    // Not "*.eml": reload() never takes a file still arriving (or left by a crash) for a
    // message.
    return m_folder + QLatin1Char('/') + createId() + QStringLiteral(".incoming");
}

MailStore::IncomingFile MailStore::beginMessage(QString *error)
{
    if (!ensureFolder(m_folder)) {
        *error = QStringLiteral("Sandbox inbox: cannot create folder %1").arg(m_folder);
        return nullptr;
    }
    IncomingFile file(new QFile(incomingPath()));
    if (!file->open(QIODevice::WriteOnly | QIODevice::NewOnly) ||
        !file->setPermissions(FilePermissions)) {
        *error = QStringLiteral("Sandbox inbox: cannot write in %1: %2")
                     .arg(m_folder, file->errorString());
        return nullptr;
    }
    return file;
}

QString MailStore::add(StoredMessage meta, const QByteArray &content, QString *error)
{
    IncomingFile file = beginMessage(error);
    if (!file)
        return QString();
    if (file->write(content) != content.size() || !file->flush()) {
        *error = QStringLiteral("Sandbox inbox: cannot write in %1: %2")
                     .arg(m_folder, file->errorString());
        return QString();
    }
    if (meta.id.isEmpty())
        meta.id = createId();
    if (!meta.received.isValid())
        meta.received = QDateTime::currentDateTime();
    meta.size = file->size();
    file->close();
    const MailStoreWriter::Result result =
        MailStoreWriter::write(m_folder, {0, meta, file.release()->fileName()});
    if (!result.error.isEmpty() || !MailStoreWriter::flush(m_folder, error)) {
        if (!result.error.isEmpty())
            *error = result.error;
        removeFiles(meta.id);
        return QString();
    }
    meta.diskSize = meta.size + result.sidecarBytes;
    m_messages.prepend(meta);
    Q_EMIT messageAdded(meta);
    enforceCap();
    return meta.id;
}

void MailStore::commit(StoredMessage meta, IncomingFile content, QObject *context, Committed done)
{
    if (meta.id.isEmpty())
        meta.id = createId();
    if (!meta.received.isValid())
        meta.received = QDateTime::currentDateTime();
    const bool written = content->flush() && content->error() == QFileDevice::NoError;
    meta.size = content->size();
    const quint64 ticket = ++m_nextTicket;
    m_pending.insert(ticket, {meta, context, std::move(done)});
    if (!written) {
        // A write failed on the way in (a full disk): refused, and said like the writer's
        // failures, in a later turn of the event loop.
        const QString error = QStringLiteral("Sandbox inbox: cannot write in %1: %2")
                                  .arg(m_folder, content->errorString());
        QMetaObject::invokeMethod(
            this,
            [this, ticket, error] {
                report({{ticket, error, 0}});
            },
            Qt::QueuedConnection);
        return;
    }
    content->close();
    // From here the writer owns the file: it renames it, or removes it on failure.
    const QString incoming = content.release()->fileName();
    m_writer->enqueue({ticket, meta, incoming});
}

void MailStore::onWritten(const QList<MailStoreWriter::Result> &results)
{
    ++m_flushes;
    report(results);
}

void MailStore::report(const QList<MailStoreWriter::Result> &results)
{
    for (const MailStoreWriter::Result &result : results) {
        Pending pending = m_pending.take(result.ticket);
        StoredMessage &meta = pending.meta;
        if (pending.isUpdate) {
            // A transcript update: the listed message takes the new sidecar's size. One for a
            // message deleted meanwhile has nothing to update.
            const qsizetype i = indexOf(meta.id);
            if (i < 0)
                continue;
            if (!result.error.isEmpty()) {
                m_lastError = result.error;
                continue;
            }
            meta.diskSize = meta.size + result.sidecarBytes;
            m_messages[i] = meta;
            Q_EMIT messageUpdated(meta);
            continue;
        }
        if (result.error.isEmpty()) {
            meta.diskSize = meta.size + result.sidecarBytes;
            m_messages.prepend(meta);
            Q_EMIT messageAdded(meta);
        }
        if (pending.context && pending.done)
            pending.done(meta, result.error);
    }
    enforceCap();
}

bool MailStore::updateTranscript(const QString &id, const QList<TranscriptEntry> &transcript)
{
    const qsizetype i = indexOf(id);
    if (i < 0)
        return false;
    StoredMessage updated = m_messages.at(i);
    updated.transcript = transcript;
    const quint64 ticket = ++m_nextTicket;
    m_pending.insert(ticket, {updated, nullptr, nullptr, true});
    m_writer->enqueue({ticket, updated, QString()});
    return true;
}

void MailStore::removeFiles(const QString &id)
{
    // Sidecar first: without it the message no longer exists even if the .eml stays.
    QFile::remove(MailStoreWriter::sidecarPath(m_folder, id));
    QFile::remove(emlPath(id));
}

bool MailStore::remove(const QString &id)
{
    const qsizetype i = indexOf(id);
    if (i < 0)
        return false;
    removeFiles(id);
    m_messages.removeAt(i);
    Q_EMIT messageRemoved(id);
    return true;
}

void MailStore::removeAll()
{
    const QList<StoredMessage> all = m_messages;
    for (const StoredMessage &m : all)
        removeFiles(m.id);
    m_messages.clear();
    Q_EMIT reloaded();
}

void MailStore::enforceCap()
{
    if (m_sizeCap <= 0)
        return;
    qint64 total = diskUsage();
    int count = 0;
    qint64 bytes = 0;
    while (total > m_sizeCap && m_messages.size() > 1) {
        const StoredMessage oldest = m_messages.last();
        total -= oldest.diskSize;
        bytes += oldest.diskSize;
        ++count;
        remove(oldest.id);
    }
    if (count > 0)
        Q_EMIT evicted(count, bytes);
}

void MailStore::reload()
{
    m_messages.clear();
    const QDir dir(m_folder);
    const QDateTime now = QDateTime::currentDateTime();
    // What a crash between commit and rename leaves; young ones may be another process's.
    const QFileInfoList incoming =
        dir.entryInfoList({QStringLiteral("*.incoming")}, QDir::Files | QDir::Hidden);
    for (const QFileInfo &file : incoming) {
        if (file.lastModified().secsTo(now) > 60)
            QFile::remove(file.absoluteFilePath());
    }
    const QFileInfoList emls = dir.entryInfoList({QStringLiteral("*.eml")}, QDir::Files);
    for (const QFileInfo &eml : emls) {
        QFile file(MailStoreWriter::sidecarPath(m_folder, eml.completeBaseName()));
        if (!file.open(QIODevice::ReadOnly)) {
            // A .eml without a sidecar is a write that never finished. A young one may still
            // be finishing in another process sharing the folder, so only old ones go.
            if (eml.lastModified().secsTo(now) > 60)
                QFile::remove(eml.absoluteFilePath());
            continue;
        }
        StoredMessage m = StoredMessage::fromJson(QJsonDocument::fromJson(file.readAll()).object());
        // A sidecar that does not name its message, or an .eml shorter or longer than the
        // sidecar says, is not a message the store completed.
        if (m.id != eml.completeBaseName() || (m.size > 0 && m.size != eml.size()))
            continue;
        m.size = eml.size();
        m.diskSize = m.size + file.size();
        m_messages << m;
    }
    std::sort(m_messages.begin(), m_messages.end(),
              [](const StoredMessage &a, const StoredMessage &b) { return a.id > b.id; });
    Q_EMIT reloaded();
}
