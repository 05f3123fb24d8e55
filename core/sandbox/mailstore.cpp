#include "sandbox/mailstore.h"

#include "sandbox/mailindex.h"
#include "sandbox/sandboxcredentials.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QJsonDocument>
#include <QRandomGenerator>

#include <algorithm>
#include <dirent.h>

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

// The names of the folder's files: readdir() alone, without a QFileInfo (and perhaps a stat)
// per file, as a folder of 100,000 messages has 200,000 of them.
QStringList fileNames(const QString &folder)
{
    QStringList names;
    DIR *dir = ::opendir(QFile::encodeName(folder).constData());
    if (!dir)
        return names;
    while (const dirent *entry = ::readdir(dir)) {
        if (entry->d_type != DT_REG && entry->d_type != DT_UNKNOWN)
            continue;
        names << QFile::decodeName(entry->d_name);
    }
    ::closedir(dir);
    return names;
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
    watchIndex();
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

int MailStore::damagedCount() const
{
    return int(std::count_if(m_messages.cbegin(), m_messages.cend(),
                             [](const StoredMessage &m) { return !m.damage.isEmpty(); }));
}

qsizetype MailStore::indexOf(const QString &id) const
{
    if (!contains(id))
        return -1;
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

QByteArray MailStore::content(const QString &id)
{
    const qsizetype i = indexOf(id);
    if (i < 0)
        return QByteArray();
    QFile file(emlPath(id));
    const QByteArray bytes = file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    StoredMessage &m = m_messages[i];
    // The index is read at start instead of every file: a file changed behind the store's back
    // is found when it is read, and listed as damaged from then on.
    if (m.damage.isEmpty() && bytes.size() != m.size) {
        m.damage = !file.exists() ? tr("its message file (%1.eml) is missing").arg(id)
                                  : damageOfSize(bytes.size(), m.size);
        QString ignored;
        MailIndex::append(m_folder, MailIndex::record(m), &ignored);
        Q_EMIT messageUpdated(m);
    }
    return bytes;
}

QString MailStore::damageOfSize(qint64 actual, qint64 stored)
{
    return tr("its message file is %n bytes long, %1 were stored", nullptr, int(actual))
        .arg(stored);
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
    if (result.error.isEmpty())
        MailStoreWriter::index(m_folder, {result});
    if (!result.error.isEmpty() || !MailStoreWriter::flush(m_folder, error)) {
        if (!result.error.isEmpty())
            *error = result.error;
        removeFiles(meta.id);
        return QString();
    }
    meta.diskSize = result.diskSize;
    meta.headers = result.headers;
    if (insert(meta))
        Q_EMIT messageAdded(m_messages.at(indexOf(meta.id)));
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

void MailStore::listed(StoredMessage &meta)
{
    // The large parts are in the sidecar now; the index keeps what lists and searches need,
    // and the values most messages share (senders, recipients, client names) only once.
    meta.transcript = StoredTranscript::onDisk(m_folder, meta.id);
    meta.receivedHeader = StoredText::onDisk(m_folder, meta.id);
    for (QString *text :
         {&meta.mailFrom, &meta.helo, &meta.tls, &meta.authMechanism, &meta.authUser,
          &meta.transferCommand, &meta.headers.from, &meta.headers.to, &meta.headers.cc})
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

bool MailStore::insert(StoredMessage meta)
{
    if (m_ids.contains(meta.id))
        return false;
    listed(meta);
    m_ids.insert(meta.id);
    // Newest first; what this process stores is the newest, another's may be older.
    qsizetype at = 0;
    while (at < m_messages.size() && m_messages.at(at).id > meta.id)
        ++at;
    m_messages.insert(at, meta);
    return true;
}

void MailStore::clearIndex()
{
    m_messages.clear();
    m_ids.clear();
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
            meta.diskSize = result.diskSize;
            listed(meta);
            m_messages[i] = meta;
            Q_EMIT messageUpdated(meta);
            continue;
        }
        if (result.error.isEmpty()) {
            meta.diskSize = result.diskSize;
            meta.headers = result.headers;
            // Listed already when the index was read before this result came.
            if (insert(meta))
                Q_EMIT messageAdded(m_messages.at(indexOf(meta.id)));
            else
                meta = message(meta.id);
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
    removeAt(i);
    return true;
}

void MailStore::removeAt(qsizetype i)
{
    const QString id = m_messages.at(i).id;
    removeFiles(id);
    // Not flushed: a removal the index lost is found missing at the next start.
    QString ignored;
    MailIndex::append(m_folder, MailIndex::removal(id), &ignored);
    m_messages.removeAt(i);
    m_ids.remove(id);
    released();
    Q_EMIT messageRemoved(id);
}

void MailStore::removeAll()
{
    const QList<StoredMessage> all = m_messages;
    for (const StoredMessage &m : all)
        removeFiles(m.id);
    clearIndex();
    QString error;
    if (!MailIndex::rewrite(m_folder, {}, &m_indexGeneration, &error))
        QFile::remove(MailIndex::path(m_folder));
    m_indexEnd = 0;
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
        removeAt(m_messages.size() - 1);
    }
    if (count > 0)
        Q_EMIT evicted(count, bytes);
}

StoredMessage MailStore::readMessage(const QString &id) const
{
    const QString eml = emlPath(id);
    StoredMessage m;
    QFile file(MailStoreWriter::sidecarPath(m_folder, id));
    if (file.open(QIODevice::ReadOnly))
        m = StoredMessage::fromJson(QJsonDocument::fromJson(file.readAll()).object());
    const qint64 emlSize = QFileInfo(eml).size();
    // A sidecar that does not name its message, or an .eml shorter or longer than the sidecar
    // says, is not what the store completed: listed as damaged, so the person sees it.
    if (m.id != id) {
        m = StoredMessage();
        m.id = id;
        m.damage = tr("its envelope record (%1.json) cannot be read").arg(id);
    } else if (!QFileInfo::exists(eml)) {
        m.damage = tr("its message file (%1.eml) is missing").arg(id);
    } else if (m.size > 0 && m.size != emlSize) {
        m.damage = damageOfSize(emlSize, m.size);
    }
    if (!m.received.isValid())
        m.received = QFileInfo(eml).lastModified();
    m.size = emlSize;
    m.headers = MessageHeaders::read(eml);
    m.diskSize = m.size + file.size();
    m.diskSize += MailIndex::record(m).size();
    // The large parts stay in the sidecar.
    m.transcript = StoredTranscript();
    m.receivedHeader = StoredText();
    return m;
}

void MailStore::reload()
{
    clearIndex();
    const QDir dir(m_folder);
    const QDateTime now = QDateTime::currentDateTime();
    // One listing of the folder, names only: what a crash left, and the messages there are.
    QSet<QString> onDisk;
    QStringList emls;
    const QStringList names = fileNames(m_folder);
    for (const QString &name : names) {
        if (name.endsWith(QLatin1String(".json"))) {
            onDisk.insert(name.chopped(5));
        } else if (name.endsWith(QLatin1String(".eml"))) {
            emls << name.chopped(4);
        } else if (name.endsWith(QLatin1String(".incoming"))) {
            // What a crash between commit and rename leaves; young ones may be another
            // process's.
            const QFileInfo file(dir.filePath(name));
            if (file.lastModified().secsTo(now) > 60)
                QFile::remove(file.absoluteFilePath());
        }
    }
    for (const QString &id : std::as_const(emls)) {
        if (onDisk.contains(id))
            continue;
        // A .eml without a sidecar is a write that never finished (never acknowledged). A
        // young one may still be finishing in another process sharing the folder.
        const QFileInfo eml(emlPath(id));
        if (eml.lastModified().secsTo(now) > 60)
            QFile::remove(eml.absoluteFilePath());
    }

    const MailIndex::Read index = MailIndex::read(m_folder, 0, 0);
    const bool rebuild = !index.valid || index.damaged;
    bool changed = rebuild;
    if (!rebuild) {
        m_indexGeneration = index.generation;
        m_indexEnd = index.end;
        QHash<QString, qsizetype> at;
        for (const MailIndex::Entry &entry : index.entries) {
            const QString &id = entry.message.id;
            if (entry.removal) {
                if (const auto it = at.constFind(id); it != at.cend())
                    m_messages[*it].id.clear();
                at.remove(id);
                changed = true; // rewritten without it
                continue;
            }
            // A second record of the same message is a later state of it (its transcript grew).
            if (const auto it = at.constFind(id); it != at.cend()) {
                m_messages[*it] = entry.message;
                continue;
            }
            at.insert(id, m_messages.size());
            m_messages << entry.message;
        }
    }
    // The index and the folder must agree: a message stored while the index was not written
    // (a crash between the two), or removed without it, is found here.
    QList<StoredMessage> listedMessages;
    listedMessages.reserve(m_messages.size());
    for (StoredMessage &m : m_messages) {
        if (m.id.isEmpty())
            continue;
        if (!onDisk.contains(m.id)) {
            changed = true;
            continue;
        }
        onDisk.remove(m.id);
        listed(m);
        m_ids.insert(m.id);
        listedMessages << std::move(m);
    }
    m_messages.swap(listedMessages);
    for (const QString &id : std::as_const(onDisk)) {
        StoredMessage m = readMessage(id);
        listed(m);
        m_ids.insert(m.id);
        m_messages << std::move(m);
        changed = true;
    }
    std::sort(m_messages.begin(), m_messages.end(),
              [](const StoredMessage &a, const StoredMessage &b) { return a.id > b.id; });
    m_indexState =
        rebuild ? IndexState::Rebuilt : (changed ? IndexState::Updated : IndexState::Read);
    if (changed) {
        QString error;
        if (MailIndex::rewrite(m_folder, m_messages, &m_indexGeneration, &error))
            m_indexEnd = QFileInfo(MailIndex::path(m_folder)).size();
        else
            m_lastError =
                tr("Sandbox inbox: cannot write its index in %1: %2").arg(m_folder, error);
    }
    Q_EMIT reloaded();
}

void MailStore::readIndexTail()
{
    const MailIndex::Read index = MailIndex::read(m_folder, m_indexEnd, m_indexGeneration);
    if (!index.valid || index.damaged || index.generation != m_indexGeneration) {
        // Rewritten by another process, or damaged: read anew (and rebuilt when needed).
        reload();
        return;
    }
    m_indexEnd = index.end;
    for (const MailIndex::Entry &entry : index.entries) {
        const QString &id = entry.message.id;
        const qsizetype i = indexOf(id);
        if (entry.removal) {
            if (i >= 0) {
                // Its files are gone already; another process removed it.
                m_messages.removeAt(i);
                m_ids.remove(id);
                released();
                Q_EMIT messageRemoved(id);
            }
        } else if (i >= 0) {
            StoredMessage m = entry.message;
            listed(m);
            m_messages[i] = m;
        } else if (insert(entry.message)) {
            Q_EMIT messageAdded(m_messages.at(indexOf(id)));
        }
    }
    if (!index.entries.isEmpty())
        enforceCap();
}

void MailStore::watchIndex()
{
    // Changes come in bursts (a record per group flush): read them together, a little later.
    m_indexChanged = new QTimer(this);
    m_indexChanged->setSingleShot(true);
    m_indexChanged->setInterval(50);
    connect(m_indexChanged, &QTimer::timeout, this, &MailStore::readIndexTail);
    auto *watcher = new QFileSystemWatcher(this);
    const QString path = MailIndex::path(m_folder);
    watcher->addPath(path);
    connect(watcher, &QFileSystemWatcher::fileChanged, this, [this, watcher, path] {
        // A rewritten index is a new file: watch that one.
        if (!watcher->files().contains(path))
            watcher->addPath(path);
        if (!m_indexChanged->isActive())
            m_indexChanged->start();
    });
    // Where file change notification is not available (some network file systems), polling
    // the index's size finds what was appended.
    auto *poll = new QTimer(this);
    poll->setInterval(1000);
    connect(poll, &QTimer::timeout, this, [this, path] {
        if (QFileInfo(path).size() != m_indexEnd && !m_indexChanged->isActive())
            m_indexChanged->start();
    });
    poll->start();
}
