#include "sandbox/mailstore.h"

#include "sandbox/mailindex.h"
#include "sandbox/mailsegment.h"
#include "sandbox/sandboxcredentials.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSignalBlocker>

#include <algorithm>
#include <dirent.h>

#ifdef __GLIBC__
#include <malloc.h>
#endif

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
// per file, as a folder of Postwire 0.1 with 100,000 messages has 200,000 of them.
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

// Freed heap goes back to the system: reading a large index leaves many small blocks free.
void releaseFreedMemory()
{
#ifdef __GLIBC__
    ::malloc_trim(0);
#endif
}

bool sameLocation(const StoredMessage &a, const StoredMessage &b)
{
    return a.location.segment == b.location.segment && a.location.content == b.location.content &&
           a.location.sidecarSegment == b.location.sidecarSegment &&
           a.location.sidecar == b.location.sidecar;
}

bool newestFirst(const StoredMessage &a, const StoredMessage &b)
{
    return a.id > b.id;
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
#ifdef __GLIBC__
    // One heap for the process: the writer thread would otherwise get an arena of its own, in
    // which what a burst of messages leaves behind stays (22 MB more resident after 30,000
    // messages of 1 KB). Set before the thread first allocates.
    ::mallopt(M_ARENA_MAX, 1);
#endif
    m_thread.setObjectName(tr("sandbox store writer"));
    m_writer->moveToThread(&m_thread);
    connect(m_writer.get(), &MailStoreWriter::written, this, &MailStore::onWritten);
    connect(m_writer.get(), &MailStoreWriter::contentWritten, this, &MailStore::contentWritten);
    m_thread.start();
    // Sessions and groups leave freed heap behind them; it goes back to the system once a
    // burst is over, not after every message.
    m_releaseMemory = new QTimer(this);
    m_releaseMemory->setSingleShot(true);
    m_releaseMemory->setInterval(2000);
    connect(m_releaseMemory, &QTimer::timeout, this, &releaseFreedMemory);
    reload();
    watchIndex();
}

MailStore::~MailStore()
{
    // Joins the writer at shutdown: a group being flushed finishes.
    m_thread.quit();
    m_thread.wait();
    m_stopped = true;
    // What it was given and did not start is done now, in this thread, and what it did since
    // its last notice is taken in (a compaction done and not handled would leave its new
    // segment unlisted and its old one in place), quietly: its notices no longer reach the
    // store, no one is told of it any more, and no session is answered now (a message made
    // durable without its 250 is kept, as one whose flush ended as the store closed always
    // was). What it hands back may queue more (a transcript update deferred while its segment
    // was compacted): done in turn until nothing is left.
    disconnect(m_writer.get(), nullptr, this, nullptr);
    const QSignalBlocker quiet(this);
    for (Pending &pending : m_pending)
        pending.context = nullptr;
    for (;;) {
        const bool worked = m_writer->finish();
        const QList<MailStoreWriter::Result> results = m_writer->takeWritten();
        if (!worked && results.isEmpty())
            break;
        handleWritten(results);
    }
    // Closing, with nothing on its way: what the last burst left dead in the segment written
    // last (and in any other the last results touched) goes now, and the index is rewritten
    // when stale, so that the folder is left compact.
    if (m_pending.isEmpty() && m_compacting.isEmpty()) {
        m_closing = true;
        m_touched.insert(m_writer->closeSegment());
        reclaim();
    }
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
    qint64 total = QFileInfo(MailIndex::path(m_folder)).size();
    const QStringList names = fileNames(m_folder);
    for (const QString &name : names) {
        if (MailSegment::isSegment(name))
            total += QFileInfo(segmentPath(name)).size();
    }
    return total;
}

int MailStore::damagedCount() const
{
    return int(std::count_if(m_messages.cbegin(), m_messages.cend(),
                             [](const StoredMessage &m) { return !m.damage.isEmpty(); }));
}

qsizetype MailStore::indexOf(const QString &id) const
{
    // Newest first, and ids sort in arrival order.
    StoredMessage key;
    key.id = id;
    const auto it = std::lower_bound(m_messages.cbegin(), m_messages.cend(), key, newestFirst);
    return it != m_messages.cend() && it->id == id ? it - m_messages.cbegin() : -1;
}

StoredMessage MailStore::message(const QString &id) const
{
    const qsizetype i = indexOf(id);
    return i < 0 ? StoredMessage() : withSidecar(m_messages.at(i));
}

StoredMessage MailStore::withSidecar(StoredMessage m) const
{
    // Each caller gets parts of its own: what one reads is not kept in the list.
    m.transcript =
        StoredTranscript::onDisk(segmentPath(m.location.sidecarSegment), m.location.sidecar);
    m.receivedHeader =
        StoredText::onDisk(segmentPath(m.location.sidecarSegment), m.location.sidecar);
    return m;
}

QString MailStore::segmentPath(const QString &name) const
{
    return m_folder + QLatin1Char('/') + name;
}

QByteArray MailStore::content(const QString &id)
{
    qsizetype i = indexOf(id);
    if (i < 0)
        return QByteArray();
    QByteArray bytes;
    QString damage;
    const auto read = [&] {
        const StoredLocation &at = m_messages.at(i).location;
        return MailSegment::read(segmentPath(at.segment), at.content, MailSegment::Kind::Content,
                                 id, &bytes, &damage);
    };
    bool ok = read();
    if (!ok && !QFile::exists(segmentPath(m_messages.at(i).location.segment))) {
        // Another process sharing the folder may have compacted it: its index says where the
        // message is now.
        readIndexTail();
        if ((i = indexOf(id)) < 0)
            return QByteArray();
        ok = read();
    }
    StoredMessage &m = m_messages[i];
    // The index is read at start instead of every record: a record changed behind the store's
    // back is found when it is read, and listed as damaged from then on.
    if (!ok && m.damage.isEmpty()) {
        m.damage = damage;
        m_writer->appendIndex(MailIndex::record(m));
        Q_EMIT messageUpdated(withSidecar(m));
    }
    return bytes;
}

QByteArray MailStore::head(const QString &id, qint64 limit) const
{
    const qsizetype i = indexOf(id);
    if (i < 0)
        return QByteArray();
    const StoredLocation &at = m_messages.at(i).location;
    QByteArray bytes;
    QString ignored;
    MailSegment::read(segmentPath(at.segment), at.content, MailSegment::Kind::Content, id, &bytes,
                      &ignored, limit);
    return bytes;
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
    // reload() never takes a file still arriving (or left by a crash) for a message.
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
        m_writer->commit({MailStoreWriter::Job::Kind::Commit, 0, meta, file, {}, {}, {}});
    if (result.error.isEmpty())
        m_writer->index({result});
    if (!result.error.isEmpty() || !MailStoreWriter::flush(m_folder, error)) {
        if (!result.error.isEmpty()) {
            *error = result.error;
        } else {
            meta.location = result.location;
            m_writer->remove(meta);
        }
        return QString();
    }
    meta.diskSize = result.diskSize;
    meta.headers = result.headers;
    meta.location = result.location;
    if (insert(meta))
        Q_EMIT messageAdded(withSidecar(m_messages.at(indexOf(meta.id))));
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
    m_writer->enqueue(
        {MailStoreWriter::Job::Kind::Commit, ticket, meta, content->finish(), {}, {}, {}});
}

void MailStore::use(const StoredMessage &m, int sign)
{
    const qint64 content = MailSegment::recordSize(m.id, m.size);
    m_live[m.location.segment] += sign * content;
    m_live[m.location.sidecarSegment] += sign * m.location.sidecarSize;
    m_liveTotal += sign * m.diskSize;
    m_liveIndex += sign * (m.diskSize - content - m.location.sidecarSize);
    if (sign < 0) {
        m_touched.insert(m.location.segment);
        m_touched.insert(m.location.sidecarSegment);
    }
}

void MailStore::pool(StoredMessage &meta)
{
    // The large parts are in the sidecar record now; the index keeps what lists and searches
    // need, and the values messages share (senders, recipients, clients, subjects of the mail
    // a test suite sends, segment names) only once.
    for (QString *text :
         {&meta.mailFrom, &meta.helo, &meta.tls, &meta.authMechanism, &meta.authUser,
          &meta.transferCommand, &meta.peer, &meta.headers.from, &meta.headers.to, &meta.headers.cc,
          &meta.headers.subject, &meta.location.segment, &meta.location.sidecarSegment})
        intern(m_texts, *text);
    for (QStringList *list : {&meta.rcptTo, &meta.mailParameters, &meta.rcptParameters})
        intern(m_lists, *list);
}

void MailStore::listed(StoredMessage &meta)
{
    pool(meta);
    QString path = segmentPath(meta.location.sidecarSegment);
    intern(m_texts, path);
    meta.transcript = StoredTranscript::onDisk(path, meta.location.sidecar);
    meta.receivedHeader = StoredText::onDisk(path, meta.location.sidecar);
    use(meta, 1);
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
    if (contains(meta.id))
        return false;
    listed(meta);
    // Newest first; what this process stores is the newest, another's may be older.
    const auto at = std::lower_bound(m_messages.begin(), m_messages.end(), meta, newestFirst);
    m_messages.insert(at, std::move(meta));
    return true;
}

void MailStore::clearIndex()
{
    m_messages.clear();
    m_texts.clear();
    m_lists.clear();
    m_pooledAfterPrune = 0;
    m_live.clear();
    m_liveTotal = 0;
    m_liveIndex = 0;
    m_touched.clear();
    m_awaiting.clear();
    m_awaitingIn.clear();
}

void MailStore::onWritten()
{
    handleWritten(m_writer->takeWritten());
}

void MailStore::handleWritten(const QList<MailStoreWriter::Result> &results)
{
    ++m_flushes;
    for (const MailStoreWriter::Result &result : results) {
        m_doneTicket = qMax(m_doneTicket, result.ticket);
        if (m_compacting.contains(result.ticket)) {
            onCompacted(result);
            continue;
        }
        Pending pending = m_pending.take(result.ticket);
        StoredMessage &meta = pending.meta;
        if (pending.isUpdate) {
            // A transcript update: the listed message takes the new sidecar record. One for a
            // message deleted meanwhile has nothing to update.
            const qsizetype i = indexOf(meta.id);
            if (i < 0)
                continue;
            if (!result.error.isEmpty()) {
                m_lastError = result.error;
                continue;
            }
            meta.diskSize = result.diskSize;
            meta.location = result.location;
            use(m_messages.at(i), -1);
            listed(meta);
            m_messages[i] = meta;
            Q_EMIT messageUpdated(withSidecar(meta));
            continue;
        }
        if (result.error.isEmpty()) {
            meta.diskSize = result.diskSize;
            meta.headers = result.headers;
            meta.location = result.location;
            // Listed already when the index was read before this result came.
            if (insert(meta)) {
                // Its session's update comes when it ends; a session gone meanwhile sends none.
                if (pending.context)
                    awaitUpdate(meta);
                Q_EMIT messageAdded(withSidecar(m_messages.at(indexOf(meta.id))));
            } else {
                meta = message(meta.id);
            }
        }
        if (pending.context && pending.done)
            pending.done(meta, result.error);
    }
    enforceCap();
    reclaim();
    // At the end of a burst at once, during one every two seconds.
    if (m_pending.isEmpty())
        releaseFreedMemory();
    else if (!m_releaseMemory->isActive())
        m_releaseMemory->start();
}

void MailStore::onCompacted(const MailStoreWriter::Result &result)
{
    const QString segment = m_compacting.take(result.ticket);
    if (!result.error.isEmpty())
        m_lastError = tr("Sandbox inbox: compacting %1 failed: %2").arg(segment, result.error);
    for (StoredMessage moved : result.moved) {
        const qsizetype i = indexOf(moved.id);
        if (i < 0) {
            // Deleted meanwhile: its copies are dead records of the new segment.
            m_touched.insert(moved.location.segment);
            m_touched.insert(moved.location.sidecarSegment);
            continue;
        }
        // Only what was in the segment moved; a newer sidecar record written meanwhile
        // stays, and the index hears of it again after the compaction's record.
        StoredMessage m = m_messages.at(i);
        if (m.location.segment == segment) {
            m.location.segment = moved.location.segment;
            m.location.content = moved.location.content;
        }
        if (m.location.sidecarSegment == segment) {
            m.location.sidecarSegment = moved.location.sidecarSegment;
            m.location.sidecar = moved.location.sidecar;
            m.location.sidecarSize = moved.location.sidecarSize;
        }
        if (m.location.sidecarSegment != moved.location.sidecarSegment ||
            m.location.sidecar != moved.location.sidecar)
            m_writer->appendIndex(MailIndex::update(m, true));
        use(m_messages.at(i), -1);
        listed(m);
        m_messages[i] = m;
    }
    if (result.error.isEmpty()) {
        ++m_compactions;
        m_touched.insert(segment);
    }
    const auto deferred = std::exchange(m_deferredUpdates, {});
    for (auto it = deferred.cbegin(); it != deferred.cend(); ++it)
        updateTranscript(it.key(), it.value());
}

void MailStore::awaitUpdate(const StoredMessage &m)
{
    m_awaiting.insert(m.id, m.location.sidecarSegment);
    ++m_awaitingIn[m.location.sidecarSegment];
}

void MailStore::updateCame(const QString &id)
{
    const auto it = m_awaiting.constFind(id);
    if (it == m_awaiting.cend())
        return;
    if (--m_awaitingIn[*it] <= 0)
        m_awaitingIn.remove(*it);
    m_awaiting.erase(it);
}

bool MailStore::updateTranscript(const QString &id, const QList<TranscriptEntry> &transcript)
{
    updateCame(id);
    const qsizetype i = indexOf(id);
    if (i < 0)
        return false;
    StoredMessage updated = m_messages.at(i);
    // Written once the records have their new places, or the index would point to the old.
    for (const QString &segment : std::as_const(m_compacting)) {
        if (updated.location.segment == segment || updated.location.sidecarSegment == segment) {
            m_deferredUpdates.insert(id, transcript);
            return true;
        }
    }
    updated.transcript = transcript;
    const quint64 ticket = ++m_nextTicket;
    m_pending.insert(ticket, {updated, nullptr, nullptr, true});
    m_writer->enqueue({MailStoreWriter::Job::Kind::Update, ticket, updated, nullptr, {}, {}, {}});
    return true;
}

bool MailStore::remove(const QString &id)
{
    const qsizetype i = indexOf(id);
    if (i < 0)
        return false;
    removeAt(i);
    reclaim();
    return true;
}

void MailStore::removeAt(qsizetype i)
{
    const StoredMessage m = m_messages.at(i);
    updateCame(m.id);
    m_writer->remove(m);
    use(m, -1);
    m_messages.removeAt(i);
    released();
    Q_EMIT messageRemoved(m.id);
}

bool MailStore::settled(const QString &segment) const
{
    // Nothing of it is on its way to being reported, and no one appends to it any more.
    return m_writer->settled(segment, m_doneTicket);
}

void MailStore::reclaim()
{
    // Stopped and not yet closing: what is touched is reclaimed when it closes.
    if (m_stopped && !m_closing)
        return;
    const QSet<QString> touched = std::exchange(m_touched, {});
    for (const QString &segment : touched) {
        if (segment.isEmpty() || m_compacting.values().contains(segment))
            continue;
        const qint64 live = m_live.value(segment);
        const qint64 size = QFileInfo(segmentPath(segment)).size();
        if (size == 0 && !QFileInfo::exists(segmentPath(segment))) {
            m_live.remove(segment);
            continue;
        }
        // A segment a twentieth dead (mostly the first sidecar record of each message, once its
        // session ended and wrote the whole transcript): what is left is copied, so that the
        // store stays within about a twentieth more than what it keeps (a move costs the index
        // a record of about 45 bytes, and the index is rewritten once that adds up).
        // When the store closes, whatever is dead goes: the folder is left at rest with no more
        // than what it keeps (1,000 dead first records of 100,000 messages were 0.1x of it).
        const bool worth = m_closing ? live < size : live * 20 <= size * 19;
        // Sessions that stored messages in it have not ended: the first sidecar records of
        // their messages die when they do. Looked at again then (their update touches it).
        if (!m_closing && m_awaitingIn.contains(segment))
            continue;
        if (m_writer->appendsTo(segment)) {
            // Still filling (with new records or a compaction's copies), and records of this
            // process may be on their way into it: looked at again after the next group, and
            // once it is full; taken now only between bursts.
            if (!worth || !m_pending.isEmpty() || !m_compacting.isEmpty()) {
                m_touched.insert(segment);
                continue;
            }
            m_writer->closeSegment(segment);
        } else if (!worth) {
            continue;
        }
        // Not while this process (a transcript update on its way) or another (appending to
        // it) may still write what concerns it: looked at again after the next group.
        const bool updating =
            std::any_of(m_pending.cbegin(), m_pending.cend(), [&](const Pending &p) {
                return p.isUpdate && (p.meta.location.segment == segment ||
                                      p.meta.location.sidecarSegment == segment);
            });
        if (updating || !settled(segment) || MailStoreWriter::isWritten(m_folder, segment)) {
            m_touched.insert(segment);
            continue;
        }
        if (live <= 0) {
            if (MailStoreWriter::dropSegment(m_folder, segment))
                m_live.remove(segment);
            continue;
        }
        MailStoreWriter::Job job;
        job.kind = MailStoreWriter::Job::Kind::Compact;
        job.ticket = ++m_nextTicket;
        job.segment = segment;
        for (const StoredMessage &m : std::as_const(m_messages)) {
            if (m.location.segment == segment || m.location.sidecarSegment == segment)
                job.messages << m;
        }
        m_compacting.insert(job.ticket, segment);
        if (m_closing) {
            m_doneTicket = job.ticket;
            onCompacted(m_writer->compactNow(job));
            if (MailStoreWriter::dropSegment(m_folder, segment))
                m_live.remove(segment);
            continue;
        }
        m_writer->enqueue(std::move(job));
    }
    // The index is a log: rewritten once a third of it is records of what is gone or moved
    // (between bursts: a rewrite of a large index takes a moment).
    const qint64 indexSize = QFileInfo(MailIndex::path(m_folder)).size();
    // Closing, whatever it holds of what is gone goes too.
    const bool stale = m_closing ? indexSize > m_liveIndex
                                 : indexSize > 1024 * 1024 && 2 * indexSize > 3 * m_liveIndex;
    if (stale && m_pending.isEmpty() && m_compacting.isEmpty()) {
        QString error;
        if (m_writer->rewriteIndex(m_messages, &m_indexGeneration, &error))
            m_indexEnd = QFileInfo(MailIndex::path(m_folder)).size();
    }
}

void MailStore::removeAll()
{
    const QList<StoredMessage> all = m_messages;
    clearIndex();
    QString error;
    if (!m_writer->rewriteIndex({}, &m_indexGeneration, &error))
        QFile::remove(MailIndex::path(m_folder));
    m_indexEnd = QFileInfo(MailIndex::path(m_folder)).size();
    if (m_pending.isEmpty() && m_compacting.isEmpty())
        m_writer->closeSegment(true);
    const QStringList names = fileNames(m_folder);
    for (const QString &name : names) {
        if (MailSegment::isSegment(name) && settled(name))
            MailStoreWriter::dropSegment(m_folder, name);
    }
    // What could not be dropped (being written, by this or another process) is said removed
    // in a record, so that a rebuilt index does not list it again.
    for (const StoredMessage &m : all) {
        if (QFile::exists(segmentPath(m.location.segment)))
            m_writer->remove(m);
    }
    releaseFreedMemory();
    Q_EMIT reloaded();
}

void MailStore::enforceCap()
{
    if (m_sizeCap <= 0)
        return;
    int count = 0;
    qint64 bytes = 0;
    while (m_liveTotal > m_sizeCap && m_messages.size() > 1) {
        bytes += m_messages.last().diskSize;
        ++count;
        removeAt(m_messages.size() - 1);
    }
    if (count > 0) {
        Q_EMIT evicted(count, bytes);
        reclaim();
    }
}

StoredMessage MailStore::readOldMessage(const QString &id, QByteArray *content) const
{
    const QString stem = m_folder + QLatin1Char('/') + id;
    StoredMessage m;
    QFile sidecar(stem + QStringLiteral(".json"));
    if (sidecar.open(QIODevice::ReadOnly))
        m = StoredMessage::fromJson(QJsonDocument::fromJson(sidecar.readAll()).object());
    QFile eml(stem + QStringLiteral(".eml"));
    *content = eml.open(QIODevice::ReadOnly) ? eml.readAll() : QByteArray();
    // A sidecar that does not name its message, or an .eml shorter or longer than the sidecar
    // says, is not what the store completed: listed as damaged, so the person sees it.
    if (m.id != id) {
        m = StoredMessage();
        m.id = id;
        m.damage = tr("its envelope record (%1.json) cannot be read").arg(id);
    } else if (!eml.exists()) {
        m.damage = tr("its message file (%1.eml) is missing").arg(id);
    } else if (m.size > 0 && m.size != content->size()) {
        m.damage =
            tr("its message file is %n bytes long, %1 were stored", nullptr, int(content->size()))
                .arg(m.size);
    }
    if (!m.received.isValid())
        m.received = QFileInfo(eml).lastModified();
    return m;
}

void MailStore::migrate(const QStringList &ids)
{
    // Postwire 0.1 kept an .eml and a .json per message: each pair becomes records in a
    // segment, made durable by one flush, and only then do the old files go.
    QList<StoredMessage> migrated;
    for (const QString &id : ids) {
        QByteArray bytes;
        StoredMessage m = readOldMessage(id, &bytes);
        QString error;
        const MailStoreWriter::ContentPtr file = createContent(&error);
        if (!file) {
            m_lastError = error;
            return;
        }
        MailStoreWriter::append(*file, bytes);
        m.size = bytes.size();
        const MailStoreWriter::Result result =
            m_writer->commit({MailStoreWriter::Job::Kind::Commit, 0, m, file, {}, {}, {}});
        if (!result.error.isEmpty()) {
            m_lastError = result.error;
            return;
        }
        m.diskSize = result.diskSize;
        m.headers = result.headers;
        m.location = result.location;
        migrated << std::move(m);
    }
    QString error;
    if (!MailStoreWriter::flush(m_folder, &error)) {
        m_lastError = error;
        return;
    }
    for (StoredMessage &m : migrated) {
        const QString stem = m_folder + QLatin1Char('/') + m.id;
        // The sidecar first: without it the message no longer exists even if the .eml stays.
        QFile::remove(stem + QStringLiteral(".json"));
        QFile::remove(stem + QStringLiteral(".eml"));
        m_messages << std::move(m);
    }
}

QList<StoredMessage> MailStore::recover(const QHash<QString, qint64> &from) const
{
    struct Found
    {
        StoredMessage meta;
        QByteArray sidecar;
        QByteArray head;
        bool content = false;
        bool hasSidecar = false;
        bool updated = false; // the sidecar is an Update record
        bool intact = true;
        bool removed = false;
    };
    QHash<QString, Found> found;
    QStringList segments = from.keys();
    // Oldest first, so that a later sidecar record of a message replaces an earlier one of the
    // same kind (an Update replaces a Sidecar whatever the order).
    std::sort(segments.begin(), segments.end());
    for (const QString &segment : std::as_const(segments)) {
        for (MailSegment::Record &r :
             MailSegment::scan(segmentPath(segment), from.value(segment))) {
            Found &f = found[r.id];
            StoredLocation &at = f.meta.location;
            switch (r.kind) {
            case MailSegment::Kind::Content:
                f.content = true;
                f.intact = r.intact;
                f.head = std::move(r.data);
                f.meta.size = r.dataSize;
                at.segment = segment;
                at.content = r.offset;
                break;
            case MailSegment::Kind::Sidecar:
            case MailSegment::Kind::Update:
                if (f.updated && r.kind == MailSegment::Kind::Sidecar)
                    break;
                f.updated = r.kind == MailSegment::Kind::Update;
                // A broken record is still a sidecar: the message was complete, and is damaged.
                // Unpacked once it is known which one is kept.
                f.hasSidecar = true;
                f.sidecar = r.intact ? std::move(r.data) : QByteArray();
                at.sidecarSegment = segment;
                at.sidecar = r.offset;
                at.sidecarSize = MailSegment::recordSize(r.id, r.dataSize);
                break;
            case MailSegment::Kind::Removal:
                f.removed = true;
                break;
            }
        }
    }
    QList<StoredMessage> messages;
    for (auto it = found.begin(); it != found.end(); ++it) {
        Found &f = it.value();
        // A message without its sidecar record never completed (a crash between the two).
        if (!f.content || !f.hasSidecar || f.removed)
            continue;
        StoredMessage m = StoredMessage::fromJson(
            QJsonDocument::fromJson(MailSegment::unpackSidecar(f.sidecar)).object());
        if (m.id != it.key()) {
            m = StoredMessage();
            m.id = it.key();
            m.damage = tr("its envelope record cannot be read");
        } else if (!f.intact) {
            m.damage = tr("its message record does not match its checksum");
        }
        if (!m.received.isValid())
            m.received = QDateTime::currentDateTime();
        m.size = f.meta.size;
        m.location = f.meta.location;
        m.headers = MessageHeaders::read(f.head);
        m.diskSize = MailIndex::diskSize(m);
        // The large parts stay in the sidecar record.
        m.transcript = StoredTranscript();
        m.receivedHeader = StoredText();
        messages << std::move(m);
    }
    return messages;
}

void MailStore::reload()
{
    clearIndex();
    const QDir dir(m_folder);
    const QDateTime now = QDateTime::currentDateTime();
    // One listing of the folder, names only: the segments, what a crash left, and messages in
    // Postwire 0.1's layout.
    QSet<QString> segments;
    QSet<QString> oldSidecars;
    QStringList emls;
    const QStringList names = fileNames(m_folder);
    for (const QString &name : names) {
        if (MailSegment::isSegment(name)) {
            segments.insert(name);
        } else if (name.endsWith(QLatin1String(".json"))) {
            oldSidecars.insert(name.chopped(5));
        } else if (name.endsWith(QLatin1String(".eml"))) {
            emls << name.chopped(4);
        } else if (name.endsWith(QLatin1String(".incoming"))) {
            // Content a crash left before its commit; young ones may be another process's.
            const QFileInfo file(dir.filePath(name));
            if (file.lastModified().secsTo(now) > 60)
                QFile::remove(file.absoluteFilePath());
        }
    }
    for (const QString &id : std::as_const(emls)) {
        if (oldSidecars.contains(id))
            continue;
        // An .eml without a sidecar is a write of Postwire 0.1 that never finished.
        const QFileInfo eml(dir.filePath(id + QStringLiteral(".eml")));
        if (eml.lastModified().secsTo(now) > 60)
            QFile::remove(eml.absoluteFilePath());
    }

    // Each entry is pooled as it is read, so that what many share is never held twice and the
    // heap is not left full of holes.
    QSet<QString> removed;
    QHash<QString, qsizetype> at;
    const MailIndex::Read index = MailIndex::read(m_folder, 0, 0, [&](MailIndex::Entry &entry) {
        StoredMessage &m = entry.message;
        if (entry.removal) {
            // Ids are never used again: a removal is final, whatever comes after it.
            removed.insert(m.id);
            return;
        }
        const auto it = at.constFind(m.id);
        if (entry.update) {
            if (it != at.cend()) {
                MailIndex::apply(m, &m_messages[*it]);
                pool(m_messages[*it]);
            }
            return;
        }
        pool(m);
        if (it != at.cend()) {
            // A later state of the message (compacted, marked damaged).
            m.id = m_messages.at(*it).id;
            m_messages[*it] = std::move(m);
            return;
        }
        at.insert(m.id, m_messages.size());
        m_messages << std::move(m);
    });
    at = QHash<QString, qsizetype>();
    const bool rebuild = !index.valid || index.damaged;
    bool changed = rebuild || !removed.isEmpty();
    if (rebuild) {
        m_messages.clear();
        removed.clear();
    } else {
        m_indexGeneration = index.generation;
        m_indexEnd = index.end;
    }
    // The index and the segments must agree: a message whose segment is gone is not listed,
    // and one stored while the index was not written (a crash between the two) is found in
    // its segment after the last record the index knows there.
    QHash<QString, qint64> scanFrom;
    for (const QString &segment : std::as_const(segments))
        scanFrom.insert(segment, 0);
    m_messages.removeIf([&](const StoredMessage &m) {
        if (removed.contains(m.id))
            return true;
        const bool gone =
            !segments.contains(m.location.segment) || !segments.contains(m.location.sidecarSegment);
        changed = changed || gone;
        return gone;
    });
    for (StoredMessage &m : m_messages) {
        qint64 &content = scanFrom[m.location.segment];
        content = qMax(content, m.location.content + MailSegment::recordSize(m.id, m.size));
        qint64 &sidecar = scanFrom[m.location.sidecarSegment];
        sidecar = qMax(sidecar, m.location.sidecar + m.location.sidecarSize);
        listed(m);
    }
    std::sort(m_messages.begin(), m_messages.end(), newestFirst);
    QList<StoredMessage> found = recover(scanFrom);
    found.removeIf(
        [&](const StoredMessage &m) { return removed.contains(m.id) || contains(m.id); });
    for (StoredMessage &m : found) {
        changed = true;
        listed(m);
        m_messages << std::move(m);
    }
    std::sort(m_messages.begin(), m_messages.end(), newestFirst);
    QStringList old;
    for (const QString &id : std::as_const(oldSidecars)) {
        if (!contains(id))
            old << id;
    }
    if (!old.isEmpty()) {
        const qsizetype before = m_messages.size();
        migrate(old);
        for (qsizetype i = before; i < m_messages.size(); ++i)
            listed(m_messages[i]);
        changed = true;
        std::sort(m_messages.begin(), m_messages.end(), newestFirst);
    }
    m_indexState =
        rebuild ? IndexState::Rebuilt : (changed ? IndexState::Updated : IndexState::Read);
    if (changed) {
        QString error;
        if (m_writer->rewriteIndex(m_messages, &m_indexGeneration, &error))
            m_indexEnd = QFileInfo(MailIndex::path(m_folder)).size();
        else
            m_lastError =
                tr("Sandbox inbox: cannot write its index in %1: %2").arg(m_folder, error);
    }
    // Every segment is looked at once (dropped when nothing in it is listed, compacted when
    // mostly dead), in the background.
    m_touched = segments;
    reclaim();
    releaseFreedMemory();
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
                // Another process removed it (and wrote the removal record).
                use(m_messages.at(i), -1);
                m_messages.removeAt(i);
                released();
                Q_EMIT messageRemoved(id);
            }
        } else if (entry.update) {
            if (i < 0)
                continue;
            StoredMessage m = m_messages.at(i);
            MailIndex::apply(entry.message, &m);
            if (sameLocation(m, m_messages.at(i)))
                continue; // this process's own update, listed already
            use(m_messages.at(i), -1);
            listed(m);
            m_messages[i] = m;
        } else if (i >= 0) {
            // Read back, this process's own records change nothing: the listed values stay
            // (and the heap is not churned for each message stored).
            if (sameLocation(entry.message, m_messages.at(i)) &&
                entry.message.damage == m_messages.at(i).damage)
                continue;
            StoredMessage m = entry.message;
            use(m_messages.at(i), -1);
            listed(m);
            m_messages[i] = m;
        } else if (insert(entry.message)) {
            Q_EMIT messageAdded(withSidecar(m_messages.at(indexOf(id))));
        }
    }
    if (!index.entries.isEmpty()) {
        enforceCap();
        reclaim();
    }
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
