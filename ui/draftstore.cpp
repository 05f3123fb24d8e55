#include "draftstore.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
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
        *error = QObject::tr("Cannot create the drafts folder %1").arg(m_dir);
        return false;
    }
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = QObject::tr("Cannot save the draft to %1: %2").arg(m_path, file.errorString());
        return false;
    }
    file.write(QJsonDocument(draft.toJson()).toJson());
    if (!file.commit()) {
        *error = QObject::tr("Cannot save the draft to %1: %2").arg(m_path, file.errorString());
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
        *error = QObject::tr("Cannot read the draft %1: %2").arg(m_path, file.errorString());
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
        *error = QObject::tr("The draft %1 is damaged (%2)%3")
                     .arg(m_path, parseError.errorString(),
                          moved ? QObject::tr("; it was kept as %1").arg(aside) : QString());
        return std::nullopt;
    }
    return Draft::fromJson(doc.object());
}

void DraftStore::remove() const
{
    QFile::remove(m_path);
}

QString DraftStore::attachmentFolder() const
{
    const QString dir =
        m_dir + QStringLiteral("/attachments/") +
        QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-hhmmsszzz"));
    QDir().mkpath(dir);
    return dir;
}
