#include "history/historystore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

#include <algorithm>

namespace {

constexpr QFileDevice::Permissions FilePermissions =
    QFileDevice::ReadOwner | QFileDevice::WriteOwner;
constexpr QFileDevice::Permissions FolderPermissions =
    QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner;

QString settingsFile()
{
    return QStringLiteral("settings.json");
}

bool writeAtomically(const QString &path, const QByteArray &bytes, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = file.errorString();
        return false;
    }
    // Before the first byte: the temporary file is the one renamed into place.
    file.setPermissions(FilePermissions);
    if (file.write(bytes) != bytes.size() || !file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

} // namespace

HistoryStore::HistoryStore(const QString &folder)
    : m_folder(folder.isEmpty()
                   ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
                         QStringLiteral("/history")
                   : folder)
{}

QString HistoryStore::pathOf(const QString &id) const
{
    return m_folder + QLatin1Char('/') + id + QStringLiteral(".json");
}

bool HistoryStore::ensureFolder(QString *error) const
{
    const QFileInfo info(m_folder);
    if (info.isDir())
        return true;
    if (info.exists() || !QDir().mkpath(info.absolutePath()) ||
        !QDir().mkdir(m_folder, FolderPermissions)) {
        *error = tr("cannot create the history folder %1").arg(QDir::toNativeSeparators(m_folder));
        return false;
    }
    return true;
}

int HistoryStore::limit() const
{
    QFile file(m_folder + QLatin1Char('/') + settingsFile());
    if (!file.open(QIODevice::ReadOnly))
        return DefaultLimit;
    const int value =
        QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("limit")).toInt();
    return value >= 1 && value <= MaxLimit ? value : DefaultLimit;
}

bool HistoryStore::setLimit(int limit, QString *error)
{
    if (limit < 1 || limit > MaxLimit) {
        *error = tr("the number of attempts kept must be from 1 to %1").arg(MaxLimit);
        return false;
    }
    if (!ensureFolder(error))
        return false;
    QJsonObject o;
    o.insert(QStringLiteral("limit"), limit);
    QString why;
    if (!writeAtomically(m_folder + QLatin1Char('/') + settingsFile(), QJsonDocument(o).toJson(),
                         &why)) {
        *error = tr("cannot save the history's settings in %1: %2")
                     .arg(QDir::toNativeSeparators(m_folder), why);
        return false;
    }
    evict();
    return true;
}

HistoryStore::Saved HistoryStore::save(Attempt &attempt, const QByteArray &encodedEntries) const
{
    Saved saved;
    if (!attempt.started.isValid())
        attempt.started = QDateTime::currentDateTimeUtc();
    QString why;
    if (!ensureFolder(&why)) {
        saved.error = tr("This attempt was not saved to the history: %1.").arg(why);
        return saved;
    }
    if (attempt.id.isEmpty()) {
        // Sortable by time, so eviction and listing need no file opened.
        const QString stamp =
            attempt.started.toUTC().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz"));
        QString id = stamp;
        for (int n = 2; QFileInfo::exists(pathOf(id)); ++n)
            id = stamp + QStringLiteral("-%1").arg(n);
        attempt.id = id;
    }
    if (!writeAtomically(pathOf(attempt.id), attempt.toCompactJson(encodedEntries), &why)) {
        saved.error = tr("This attempt was not saved to the history (%1): %2")
                          .arg(QDir::toNativeSeparators(pathOf(attempt.id)), why);
        return saved;
    }
    saved.ok = true;
    saved.evicted = evict();
    if (saved.evicted > 0)
        saved.notice = tr("%n older attempts removed from the history, which keeps the last %1.",
                          nullptr, saved.evicted)
                           .arg(limit());
    return saved;
}

QStringList HistoryStore::ids() const
{
    QStringList names = QDir(m_folder).entryList({QStringLiteral("*.json")}, QDir::Files);
    names.removeAll(settingsFile());
    for (QString &n : names)
        n.chop(5);
    std::sort(names.begin(), names.end(), std::greater<>());
    return names;
}

int HistoryStore::evict() const
{
    const QStringList all = ids();
    const int keep = limit();
    int removed = 0;
    for (qsizetype i = keep; i < all.size(); ++i) {
        if (QFile::remove(pathOf(all.at(i))))
            ++removed;
    }
    return removed;
}

QString HistoryStore::setAside(const QString &path) const
{
    const QString folder = m_folder + QStringLiteral("/damaged");
    QDir().mkdir(folder, FolderPermissions);
    const QString aside = folder + QLatin1Char('/') + QFileInfo(path).fileName();
    QFile::remove(aside);
    return QFile::rename(path, aside) ? aside : QString();
}

std::optional<Attempt> HistoryStore::load(const QString &id, QString *error) const
{
    const QString path = pathOf(id);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("Cannot read the history entry %1: %2")
                     .arg(QDir::toNativeSeparators(path), file.errorString());
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    file.close();
    QString why;
    std::optional<Attempt> attempt;
    if (!doc.isObject())
        why = parseError.error != QJsonParseError::NoError ? parseError.errorString()
                                                           : tr("not a JSON object");
    else
        attempt = Attempt::fromJson(doc.object(), &why);
    if (!attempt) {
        // Kept, not deleted: it may still be read by hand; the rest of the history loads.
        const QString aside = setAside(path);
        *error = aside.isEmpty() ? tr("The history entry %1 is damaged (%2) and was skipped.")
                                       .arg(QDir::toNativeSeparators(path), why)
                                 : tr("The history entry %1 is damaged (%2); it was moved to %3.")
                                       .arg(QDir::toNativeSeparators(path), why,
                                            QDir::toNativeSeparators(aside));
        return std::nullopt;
    }
    attempt->id = id; // the file's name is the id, whatever a hand-edited file says
    return attempt;
}

QList<Attempt> HistoryStore::list(QStringList *warnings) const
{
    QList<Attempt> out;
    for (const QString &id : ids()) {
        QString error;
        if (std::optional<Attempt> a = load(id, &error))
            out.append(std::move(*a));
        else if (warnings)
            warnings->append(error);
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const Attempt &a, const Attempt &b) { return a.started > b.started; });
    return out;
}

QString HistoryStore::resolve(const QString &idOrPrefix, QString *error) const
{
    const QString wanted = idOrPrefix.trimmed();
    if (wanted.isEmpty()) {
        *error = tr("no attempt id given");
        return QString();
    }
    const QStringList all = ids();
    if (all.contains(wanted))
        return wanted;
    QStringList matches;
    for (const QString &id : all) {
        if (id.startsWith(wanted))
            matches << id;
    }
    if (matches.size() == 1)
        return matches.first();
    *error = matches.isEmpty()
                 ? tr("no attempt \"%1\" in the history (postwire history list shows the ids)")
                       .arg(wanted)
                 : tr("\"%1\" names %n attempts; give more of the id", nullptr, int(matches.size()))
                       .arg(wanted);
    return QString();
}

bool HistoryStore::remove(const QString &id, QString *error) const
{
    if (id.isEmpty() || id.contains(QLatin1Char('/')) || !QFileInfo::exists(pathOf(id))) {
        *error = tr("no attempt \"%1\" in the history").arg(id);
        return false;
    }
    if (!QFile::remove(pathOf(id))) {
        *error = tr("cannot delete the history entry %1").arg(QDir::toNativeSeparators(pathOf(id)));
        return false;
    }
    return true;
}
