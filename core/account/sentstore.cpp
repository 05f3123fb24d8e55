#include "account/sentstore.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QStandardPaths>

namespace {

constexpr QFileDevice::Permissions OwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

bool writeAtomically(const QString &path, const QByteArray &data, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        *error = SentStore::tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    QFile::setPermissions(path, OwnerOnly);
    return true;
}

} // namespace

bool SentEntry::matches(const QString &text) const
{
    const QString haystack =
        QStringList{subject, to.join(QLatin1Char(' ')), from, account, outcome}.join(
            QLatin1Char('\n'));
    const QStringList words = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    return std::all_of(words.begin(), words.end(), [&haystack](const QString &w) {
        return haystack.contains(w, Qt::CaseInsensitive);
    });
}

QJsonObject SentEntry::toJson() const
{
    return {
        {QStringLiteral("id"), id},
        {QStringLiteral("sent"), sent.toString(Qt::ISODateWithMs)},
        {QStringLiteral("accountId"), accountId},
        {QStringLiteral("account"), account},
        {QStringLiteral("from"), from},
        {QStringLiteral("to"), QJsonArray::fromStringList(to)},
        {QStringLiteral("subject"), subject},
        {QStringLiteral("partial"), partial},
        {QStringLiteral("outcome"), outcome},
        {QStringLiteral("attemptId"), attemptId},
        {QStringLiteral("size"), size},
        {QStringLiteral("draft"), draft.toJson()},
    };
}

SentEntry SentEntry::fromJson(const QJsonObject &o)
{
    SentEntry e;
    e.id = o.value(QLatin1String("id")).toString();
    e.sent = QDateTime::fromString(o.value(QLatin1String("sent")).toString(), Qt::ISODateWithMs);
    e.accountId = o.value(QLatin1String("accountId")).toString();
    e.account = o.value(QLatin1String("account")).toString();
    e.from = o.value(QLatin1String("from")).toString();
    for (const QJsonValue &v : o.value(QLatin1String("to")).toArray())
        e.to.append(v.toString());
    e.subject = o.value(QLatin1String("subject")).toString();
    e.partial = o.value(QLatin1String("partial")).toBool();
    e.outcome = o.value(QLatin1String("outcome")).toString();
    e.attemptId = o.value(QLatin1String("attemptId")).toString();
    e.size = o.value(QLatin1String("size")).toInteger();
    e.draft = Draft::fromJson(o.value(QLatin1String("draft")).toObject());
    return e;
}

SentStore::SentStore(const QString &folder, QStringList *problems)
    : m_folder(folder.isEmpty()
                   ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
                         QStringLiteral("/sent")
                   : folder)
{
    const QDir dir(m_folder);
    const QStringList sidecars =
        dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name | QDir::Reversed);
    for (const QString &name : sidecars) {
        const QString path = dir.filePath(name);
        QFile file(path);
        QJsonParseError parseError{};
        const QJsonDocument doc = file.open(QIODevice::ReadOnly)
                                      ? QJsonDocument::fromJson(file.readAll(), &parseError)
                                      : QJsonDocument();
        file.close();
        SentEntry e = doc.isObject() ? SentEntry::fromJson(doc.object()) : SentEntry();
        const QString stem = name.chopped(5);
        if (e.id != stem || !e.sent.isValid()) {
            // Set aside, never fatal and never lost: the person may still want it.
            const QString aside = path + QStringLiteral(".damaged");
            QFile::remove(aside);
            QFile::rename(path, aside);
            if (problems)
                problems->append(
                    tr("The Sent entry %1 is damaged; it was kept as %2").arg(path, aside));
            continue;
        }
        if (!QFile::exists(emlFile(e.id)))
            e.size = 0;
        m_entries.append(e);
    }
}

void SentStore::setCaps(int maxCount, qint64 maxBytes)
{
    m_maxCount = qMax(1, maxCount);
    m_maxBytes = qMax<qint64>(1, maxBytes);
}

QList<SentEntry> SentStore::search(const QString &text) const
{
    QList<SentEntry> out;
    for (const SentEntry &e : m_entries) {
        if (e.matches(text))
            out.append(e);
    }
    return out;
}

SentEntry SentStore::entry(const QString &id) const
{
    const int i = indexOf(id);
    return i >= 0 ? m_entries.at(i) : SentEntry();
}

QString SentStore::emlPath(const QString &id) const
{
    const int i = indexOf(id);
    return i >= 0 && m_entries.at(i).size > 0 ? emlFile(id) : QString();
}

QString SentStore::add(SentEntry entry, const QByteArray &eml, QString *error,
                       QList<SentEntry> *evicted)
{
    if (!QDir().mkpath(m_folder)) {
        *error = tr("Cannot create the Sent folder %1").arg(m_folder);
        return {};
    }
    QFile::setPermissions(m_folder, OwnerOnly | QFileDevice::ExeOwner);
    entry.sent = QDateTime::currentDateTimeUtc();
    // Ids sort by time, newest last, and the folder is read back in that order: two sends in
    // one millisecond would come back in a random order, so a later one is never earlier.
    if (!m_entries.isEmpty() && entry.sent <= m_entries.first().sent)
        entry.sent = m_entries.first().sent.addMSecs(1);
    // The random tail keeps two stores writing into one folder apart.
    entry.id = entry.sent.toString(QStringLiteral("yyyyMMdd-HHmmsszzz-")) +
               QString::number(QRandomGenerator::global()->bounded(0x10000), 16)
                   .rightJustified(4, QLatin1Char('0'));
    entry.size = eml.size();
    // The .eml first: a sidecar is only ever written for a message that is complete.
    if (!eml.isEmpty() && !writeAtomically(emlFile(entry.id), eml, error))
        return {};
    if (!writeAtomically(sidecarPath(entry.id), QJsonDocument(entry.toJson()).toJson(), error)) {
        QFile::remove(emlFile(entry.id));
        return {};
    }
    m_entries.prepend(entry);
    const QList<SentEntry> gone = evict();
    if (evicted)
        *evicted = gone;
    return entry.id;
}

QList<SentEntry> SentStore::evict()
{
    QList<SentEntry> gone;
    qint64 bytes = 0;
    for (const SentEntry &e : std::as_const(m_entries))
        bytes += e.size;
    while (m_entries.size() > 1 && (m_entries.size() > m_maxCount || bytes > m_maxBytes)) {
        const SentEntry oldest = m_entries.takeLast();
        bytes -= oldest.size;
        removeFiles(oldest.id);
        gone.append(oldest);
    }
    return gone;
}

bool SentStore::remove(const QString &id, QString *error)
{
    const int i = indexOf(id);
    if (i < 0) {
        *error = tr("No sent message %1").arg(id);
        return false;
    }
    if (QFile::exists(sidecarPath(id)) && !QFile::remove(sidecarPath(id))) {
        *error = tr("Cannot delete %1").arg(sidecarPath(id));
        return false;
    }
    QFile::remove(emlFile(id));
    m_entries.removeAt(i);
    return true;
}

int SentStore::indexOf(const QString &id) const
{
    for (int i = 0; i < m_entries.size(); ++i) {
        if (m_entries.at(i).id == id)
            return i;
    }
    return -1;
}

QString SentStore::sidecarPath(const QString &id) const
{
    return m_folder + QLatin1Char('/') + id + QStringLiteral(".json");
}

QString SentStore::emlFile(const QString &id) const
{
    return m_folder + QLatin1Char('/') + id + QStringLiteral(".eml");
}

void SentStore::removeFiles(const QString &id) const
{
    QFile::remove(sidecarPath(id));
    QFile::remove(emlFile(id));
}
