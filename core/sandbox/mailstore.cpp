#include "sandbox/mailstore.h"

#include "sandbox/sandboxcredentials.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSaveFile>

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

MailStore::MailStore(const QString &folder, QObject *parent)
    : QObject(parent)
    , m_folder(folder)
{
    qRegisterMetaType<StoredMessage>();
    if (!ensureFolder(m_folder))
        m_lastError = QStringLiteral("Sandbox inbox: cannot create folder %1").arg(m_folder);
    reload();
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
    return m_folder + QLatin1Char('/') + id + QStringLiteral(".eml");
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

bool MailStore::writeSidecar(const StoredMessage &message, QString *error)
{
    QSaveFile file(m_folder + QLatin1Char('/') + message.id + QStringLiteral(".json"));
    if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(FilePermissions)) {
        *error = file.errorString();
        return false;
    }
    file.write(QJsonDocument(message.toJson()).toJson(QJsonDocument::Compact));
    if (!file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

QString MailStore::incomingPath() const
{
    // Not "*.eml": reload() never takes a file still arriving (or left by a crash) for a
    // message.
    return m_folder + QLatin1Char('/') + createId() + QStringLiteral(".incoming");
}

std::unique_ptr<QSaveFile> MailStore::beginMessage(QString *error)
{
    if (!ensureFolder(m_folder)) {
        *error = QStringLiteral("Sandbox inbox: cannot create folder %1").arg(m_folder);
        return nullptr;
    }
    // QSaveFile writes to a temporary file (unnamed where the system allows) and gives it
    // its name only on commit(), so an abandoned message leaves no file at all.
    auto file = std::make_unique<QSaveFile>(incomingPath());
    if (!file->open(QIODevice::WriteOnly) || !file->setPermissions(FilePermissions)) {
        *error = QStringLiteral("Sandbox inbox: cannot write in %1: %2")
                     .arg(m_folder, file->errorString());
        return nullptr;
    }
    return file;
}

QString MailStore::add(StoredMessage meta, const QByteArray &content, QString *error)
{
    std::unique_ptr<QSaveFile> file = beginMessage(error);
    if (!file)
        return QString();
    if (file->write(content) != content.size()) {
        *error = QStringLiteral("Sandbox inbox: cannot write in %1: %2")
                     .arg(m_folder, file->errorString());
        return QString();
    }
    return add(std::move(meta), file.get(), error);
}

QString MailStore::add(StoredMessage meta, QSaveFile *content, QString *error)
{
    if (meta.id.isEmpty())
        meta.id = createId();
    if (!meta.received.isValid())
        meta.received = QDateTime::currentDateTime();
    meta.size = content->size();
    // The .eml first, the sidecar last: the sidecar is what makes a message exist. The
    // content is committed under a name reload() ignores, then renamed, so no .eml is ever
    // incomplete.
    const QString incoming = content->fileName();
    if (!content->commit()) {
        *error = QStringLiteral("Sandbox inbox: cannot write %1: %2")
                     .arg(emlPath(meta.id), content->errorString());
        return QString();
    }
    if (!QFile::rename(incoming, emlPath(meta.id))) {
        QFile::remove(incoming);
        *error = QStringLiteral("Sandbox inbox: cannot write %1: renaming %2 failed")
                     .arg(emlPath(meta.id), incoming);
        return QString();
    }
    QString sidecarError;
    if (!writeSidecar(meta, &sidecarError)) {
        QFile::remove(emlPath(meta.id));
        *error = QStringLiteral("Sandbox inbox: cannot write the sidecar of %1: %2")
                     .arg(meta.id, sidecarError);
        return QString();
    }
    m_messages.prepend(meta);
    Q_EMIT messageAdded(meta);
    enforceCap();
    return meta.id;
}

bool MailStore::updateTranscript(const QString &id, const QList<TranscriptEntry> &transcript)
{
    const qsizetype i = indexOf(id);
    if (i < 0)
        return false;
    StoredMessage updated = m_messages.at(i);
    updated.transcript = transcript;
    QString error;
    if (!writeSidecar(updated, &error)) {
        m_lastError =
            QStringLiteral("Sandbox inbox: cannot update the transcript of %1: %2").arg(id, error);
        return false;
    }
    m_messages[i] = updated;
    Q_EMIT messageUpdated(updated);
    return true;
}

void MailStore::removeFiles(const QString &id)
{
    // Sidecar first: without it the message no longer exists even if the .eml stays.
    QFile::remove(m_folder + QLatin1Char('/') + id + QStringLiteral(".json"));
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
    qint64 total = totalSize();
    while (total > m_sizeCap && m_messages.size() > 1) {
        const StoredMessage oldest = m_messages.last();
        total -= oldest.size;
        remove(oldest.id);
    }
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
        const QString sidecar =
            m_folder + QLatin1Char('/') + eml.completeBaseName() + QStringLiteral(".json");
        QFile file(sidecar);
        if (!file.open(QIODevice::ReadOnly)) {
            // A .eml without a sidecar is a write that never finished. A young one may still
            // be finishing in another process sharing the folder, so only old ones go.
            if (eml.lastModified().secsTo(now) > 60)
                QFile::remove(eml.absoluteFilePath());
            continue;
        }
        StoredMessage m = StoredMessage::fromJson(QJsonDocument::fromJson(file.readAll()).object());
        if (m.id != eml.completeBaseName())
            continue;
        m.size = eml.size();
        m_messages << m;
    }
    std::sort(m_messages.begin(), m_messages.end(),
              [](const StoredMessage &a, const StoredMessage &b) { return a.id > b.id; });
    Q_EMIT reloaded();
}
