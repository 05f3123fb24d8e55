// The one account the sandbox accepts for AUTH: user "sandbox" and a password made up on
// first run for this installation, kept in the app's data folder and shown in the UI.
#pragma once

#include <QCoreApplication>
#include <QString>

struct SandboxCredentials
{
    Q_DECLARE_TR_FUNCTIONS(SandboxCredentials)

public:
    QString user = QStringLiteral("sandbox");
    QString password;

    // The folder the sandbox keeps its credentials, certificate and inbox in.
    static QString defaultFolder();
    // Reads folder/credentials.json, creating it (owner-only) with a new password when missing.
    // On failure returns credentials with an empty password and sets *error.
    static SandboxCredentials loadOrCreate(const QString &folder, QString *error);
    static QString generatePassword();

    friend bool operator==(const SandboxCredentials &, const SandboxCredentials &) = default;
};
