#include "account/draftstore.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>
#include <QStandardPaths>

DraftStore::DraftStore(const QString &dir)
    : m_dir(dir.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
                                QStringLiteral("/drafts")
                          : dir)
    , m_path(m_dir + QStringLiteral("/current.json"))
{}

bool DraftStore::save(const Draft &draft, QString *error) const
{
    if (!QDir().mkpath(m_dir)) {
        *error = tr("Cannot create the drafts folder %1").arg(m_dir);
        return false;
    }
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = tr("Cannot save the draft to %1: %2").arg(m_path, file.errorString());
        return false;
    }
    file.write(QJsonDocument(draft.toJson()).toJson());
    if (!file.commit()) {
        *error = tr("Cannot save the draft to %1: %2").arg(m_path, file.errorString());
        return false;
    }
    return true;
}

std::optional<Draft> DraftStore::load(QString *error) const
{
    QFile file(m_path);
    if (!file.exists())
        return std::nullopt;
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("Cannot read the draft %1: %2").arg(m_path, file.errorString());
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!doc.isObject()) {
        // Kept aside, so the next autosave does not overwrite what may still be recovered.
        file.close();
        const QString aside = m_path + QStringLiteral(".damaged");
        QFile::remove(aside);
        const bool moved = QFile::rename(m_path, aside);
        *error = tr("The draft %1 is damaged (%2)%3")
                     .arg(m_path, parseError.errorString(),
                          moved ? tr("; it was kept as %1").arg(aside) : QString());
        return std::nullopt;
    }
    return Draft::fromJson(doc.object());
}

void DraftStore::remove() const
{
    QFile::remove(m_path);
}

QString DraftStore::attachmentRoot() const
{
    return m_dir + QStringLiteral("/attachments");
}

QString DraftStore::attachmentFolder() const
{
    const QString stamp =
        QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-hhmmsszzz"));
    // Two .eml files opened within the same millisecond must not share (and then lose) one.
    QString dir = attachmentRoot() + QLatin1Char('/') + stamp;
    for (int n = 2; QFileInfo::exists(dir); ++n)
        dir = attachmentRoot() + QLatin1Char('/') + stamp + QStringLiteral("-%1").arg(n);
    QDir().mkpath(dir);
    return dir;
}

QString DraftStore::attachmentFolderOf(const Draft &draft) const
{
    const QString root = QDir::cleanPath(attachmentRoot()) + QLatin1Char('/');
    for (const Attachment &a : draft.attachments) {
        const QString path = QDir::cleanPath(a.path);
        if (!path.startsWith(root))
            continue;
        const qsizetype slash = path.indexOf(QLatin1Char('/'), root.size());
        if (slash > root.size())
            return path.left(slash);
    }
    return QString();
}

bool DraftStore::removeAttachmentFolder(const QString &folder) const
{
    if (folder.isEmpty())
        return false;
    // Only a folder right inside the attachment root, ".." resolved first: a path from a
    // damaged or edited draft must never make this remove anything else.
    const QString path = QDir::cleanPath(QFileInfo(folder).absoluteFilePath());
    const QString root = QDir::cleanPath(QFileInfo(attachmentRoot()).absoluteFilePath());
    if (QFileInfo(path).path() != root || !QFileInfo(path).isDir())
        return false;
    return QDir(path).removeRecursively();
}

// Folder names are a time stamp with an optional "-n": "…123" is a prefix of "…123-2", so a
// plain substring test would keep an orphan whenever a damaged draft names its younger twin.
static bool namesFolder(const QByteArray &text, const QByteArray &name)
{
    for (qsizetype at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
        const qsizetype end = at + name.size();
        const bool startsName = at == 0 || text.at(at - 1) == '/';
        const char next = end < text.size() ? text.at(end) : '/';
        const bool endsName = next != '-' && (next < '0' || next > '9');
        if (startsName && endsName)
            return true;
    }
    return false;
}

int DraftStore::removeUnusedAttachmentFolders() const
{
    const QDir root(attachmentRoot());
    const QStringList folders = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    if (folders.isEmpty())
        return 0;
    QString keep;
    QString error;
    if (const std::optional<Draft> d = load(&error))
        keep = QFileInfo(attachmentFolderOf(*d)).fileName();
    else if (!error.isEmpty())
        return 0; // unreadable: what it refers to cannot be known, so nothing goes
    // A damaged draft is kept for recovery; so is whatever it names, found in its bytes.
    QFile damaged(m_path + QStringLiteral(".damaged"));
    const QByteArray damagedText =
        damaged.open(QIODevice::ReadOnly) ? damaged.readAll() : QByteArray();
    int removed = 0;
    for (const QString &name : folders) {
        if (name == keep || namesFolder(damagedText, name.toUtf8()))
            continue;
        if (QDir(root.filePath(name)).removeRecursively())
            ++removed;
    }
    return removed;
}
