#include "sandbox/sandboxcredentials.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QStandardPaths>

QString SandboxCredentials::defaultFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/sandbox");
}

QString SandboxCredentials::generatePassword()
{
    // No look-alike characters: people copy this from the panel by eye as often as by clipboard.
    static const char alphabet[] = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    QString out;
    for (int i = 0; i < 16; ++i)
        out +=
            QLatin1Char(alphabet[QRandomGenerator::system()->bounded(int(sizeof(alphabet) - 1))]);
    return out;
}

SandboxCredentials SandboxCredentials::loadOrCreate(const QString &folder, QString *error)
{
    SandboxCredentials credentials;
    const QString path = folder + QStringLiteral("/credentials.json");
    QFile file(path);
    if (file.open(QIODevice::ReadOnly)) {
        const QJsonObject object = QJsonDocument::fromJson(file.readAll()).object();
        credentials.user = object.value(QStringLiteral("user")).toString(credentials.user);
        credentials.password = object.value(QStringLiteral("password")).toString();
        if (!credentials.password.isEmpty())
            return credentials;
    }
    if (!QDir().mkpath(folder)) {
        *error = tr("Sandbox credentials: cannot create folder %1").arg(folder);
        credentials.password.clear();
        return credentials;
    }
    credentials.password = generatePassword();
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly)) {
        *error = tr("Sandbox credentials: cannot write %1: %2").arg(path, out.errorString());
        credentials.password.clear();
        return credentials;
    }
    out.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    const QJsonObject object{{QStringLiteral("user"), credentials.user},
                             {QStringLiteral("password"), credentials.password}};
    out.write(QJsonDocument(object).toJson());
    if (!out.commit()) {
        *error = tr("Sandbox credentials: cannot write %1: %2").arg(path, out.errorString());
        credentials.password.clear();
    }
    return credentials;
}
