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

template <typename T> void intern(QSet<T> &pool, T &value)
{
    const auto it = pool.constFind(value);
    if (it != pool.cend())
        value = *it;
    else
        pool.insert(value);
}

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

MailStore::MailStore(const QString &folder, QObject *parent)
    : QObject(parent)
    , m_folder(folder)
    , m_writer(std::make_unique<MailStoreWriter>(folder))
{
    qRegisterMetaType<StoredMessage>();
    if (!ensureFolder(m_folder))
        m_lastError = tr("Sandbox inbox: cannot create folder %1").arg(m_folder);
    m_thread.setObjectName(tr("sandbox store writer"));
    m_writer->moveToThread(&m_thread);
    connect(m_writer.get(), &MailStoreWriter::written, this, &MailStore::onWritten);
    connect(m_writer.get(), &MailStoreWriter::contentWritten, this, &MailStore::contentWritten);
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

MailStoreWriter::ContentPtr MailStore::createContent(QString *error)
{
    if (!ensureFolder(m_folder)) {
        *error = tr("Sandbox inbox: cannot create folder %1").arg(m_folder);
        return nullptr;
    }
    QString why;
    MailStoreWriter::ContentPtr content = MailStoreWriter::create(incomingPath(), &why);
    if (!content)
        *error = tr("Sandbox inbox: cannot write in %1: %2").arg(m_folder, why);
    return content;
}

MailStore::IncomingFile MailStore::beginMessage(QString *error)
{
    MailStoreWriter::ContentPtr content = createContent(error);
    if (!content)
        return nullptr;
    return std::make_unique<IncomingMessage>(m_writer.get(), std::move(content));
}

QString MailStore::add(StoredMessage meta, const QByteArray &content, QString *error)
{
    const MailStoreWriter::ContentPtr file = createContent(error);
    if (!file)
        return QString();
    MailStoreWriter::append(*file, content);
    if (meta.id.isEmpty())
        meta.id = createId();
    if (!meta.received.isValid())
        meta.received = QDateTime::currentDateTime();
    meta.size = content.size();
    const MailStoreWriter::Result result =
        MailStoreWriter::commit(m_folder, {MailStoreWriter::Job::Kind::Commit, 0, meta, file, {}});
    if (!result.error.isEmpty() || !MailStoreWriter::flush(m_folder, error)) {
        if (!result.error.isEmpty())
            *error = result.error;
        removeFiles(meta.id);
        return QString();
    }
    listed(meta, result.sidecarBytes);
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
    meta.size = content->size();
    const quint64 ticket = ++m_nextTicket;
    m_pending.insert(ticket, {meta, context, std::move(done)});
    // After the content's last pieces, in the writer's order; a write that failed on the
    // way (a full disk) fails the commit.
    m_writer->enqueue({MailStoreWriter::Job::Kind::Commit, ticket, meta, content->finish(), {}});
}

void MailStore::listed(StoredMessage &meta, qint64 sidecarBytes)
{
    meta.diskSize = meta.size + sidecarBytes;
    // The large parts are in the sidecar now; the index keeps what lists and searches need,
    // and the values most messages share (senders, recipients, client names) only once.
    meta.transcript = StoredTranscript::onDisk(m_folder, meta.id);
    meta.receivedHeader = StoredText::onDisk(m_folder, meta.id);
    for (QString *text : {&meta.mailFrom, &meta.helo, &meta.tls, &meta.authMechanism,
                          &meta.authUser, &meta.transferCommand})
        intern(m_texts, *text);
    for (QStringList *list : {&meta.rcptTo, &meta.mailParameters, &meta.rcptParameters})
        intern(m_lists, *list);
}

void MailStore::released()
{
    // Shared values no listed message uses any more go, so that the pools never outgrow the
    // index (a detached value is held by the pool alone). Pruned when the pools doubled since
    // the last time, so that the work stays proportional to what was added.
    if (m_texts.size() + m_lists.size() < 2 * m_pooledAfterPrune + 64)
        return;
    m_texts.removeIf([](const QString &text) { return text.isDetached(); });
    m_lists.removeIf([](const QStringList &list) { return list.isDetached(); });
    m_pooledAfterPrune = m_texts.size() + m_lists.size();
}

void MailStore::clearIndex()
{
    m_messages.clear();
    m_texts.clear();
    m_lists.clear();
    m_pooledAfterPrune = 0;
}

void MailStore::onWritten(const QList<MailStoreWriter::Result> &results)
{
    ++m_flushes;
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
            listed(meta, result.sidecarBytes);
            m_messages[i] = meta;
            Q_EMIT messageUpdated(meta);
            continue;
        }
        if (result.error.isEmpty()) {
            listed(meta, result.sidecarBytes);
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
    m_writer->enqueue({MailStoreWriter::Job::Kind::Update, ticket, updated, nullptr, {}});
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
    released();
    Q_EMIT messageRemoved(id);
    return true;
}

void MailStore::removeAll()
{
    const QList<StoredMessage> all = m_messages;
    for (const StoredMessage &m : all)
        removeFiles(m.id);
    clearIndex();
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
    clearIndex();
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
        listed(m, file.size());
        m_messages << m;
    }
    std::sort(m_messages.begin(), m_messages.end(),
              [](const StoredMessage &a, const StoredMessage &b) { return a.id > b.id; });
    Q_EMIT reloaded();
}
