#include "sandboxcertificate.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>

SandboxCertificate::SandboxCertificate(QObject *parent)
    : QObject(parent)
{}

bool SandboxCertificate::loadFiles(const QString &certificatePath, const QString &keyPath,
                                   QString *error)
{
    QFile certFile(certificatePath);
    if (!certFile.open(QIODevice::ReadOnly)) {
        *error =
            QStringLiteral("TLS certificate %1: %2").arg(certificatePath, certFile.errorString());
        return false;
    }
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certFile.readAll());
    if (chain.isEmpty() || chain.first().isNull()) {
        *error =
            QStringLiteral("TLS certificate %1: no PEM certificate found").arg(certificatePath);
        return false;
    }
    QFile keyFile(keyPath);
    if (!keyFile.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("TLS key %1: %2").arg(keyPath, keyFile.errorString());
        return false;
    }
    const QByteArray keyPem = keyFile.readAll();
    QSslKey key;
    for (QSsl::KeyAlgorithm algorithm : {QSsl::Ec, QSsl::Rsa, QSsl::Dsa}) {
        key = QSslKey(keyPem, algorithm, QSsl::Pem);
        if (!key.isNull())
            break;
    }
    if (key.isNull()) {
        *error = QStringLiteral("TLS key %1: not an unencrypted PEM private key").arg(keyPath);
        return false;
    }
    m_certificate = chain.first();
    m_key = key;
    return true;
}

void SandboxCertificate::load(const QString &certificatePath, const QString &keyPath)
{
    QString error;
    if (loadFiles(certificatePath, keyPath, &error))
        Q_EMIT ready();
    else
        Q_EMIT failed(error);
}

void SandboxCertificate::ensure(const QString &folder)
{
    const QString certPath = folder + QStringLiteral("/cert.pem");
    const QString keyPath = folder + QStringLiteral("/key.pem");
    QString error;
    if (QFileInfo::exists(certPath) && QFileInfo::exists(keyPath) &&
        loadFiles(certPath, keyPath, &error)) {
        Q_EMIT ready();
        return;
    }
    if (!QDir().mkpath(folder)) {
        Q_EMIT failed(QStringLiteral("TLS certificate: cannot create folder %1").arg(folder));
        return;
    }
    // Written under temporary names and renamed only when openssl succeeded, so an
    // interrupted run never leaves a half-made pair that later runs would trust.
    // The key file exists with owner-only permissions before openssl writes into it.
    QFile keyNew(keyPath + QStringLiteral(".new"));
    if (keyNew.open(QIODevice::WriteOnly | QIODevice::Truncate))
        keyNew.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    keyNew.close();
    auto *process = new QProcess(this);
    process->setProcessChannelMode(QProcess::MergedChannels);
    process->setWorkingDirectory(folder);
    connect(process, &QProcess::finished, this,
            [this, process, folder] { onGenerated(process, folder); });
    connect(process, &QProcess::errorOccurred, this, [this, process](QProcess::ProcessError e) {
        if (e != QProcess::FailedToStart)
            return;
        process->deleteLater();
        Q_EMIT failed(QStringLiteral("TLS certificate: cannot run %1: %2")
                          .arg(m_openssl, process->errorString()));
    });
    process->start(m_openssl,
                   {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                    QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                    QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                    QStringLiteral("-keyout"), QStringLiteral("key.pem.new"),
                    QStringLiteral("-out"), QStringLiteral("cert.pem.new"), QStringLiteral("-days"),
                    QStringLiteral("3650"), QStringLiteral("-subj"),
                    QStringLiteral("/O=Postwire sandbox/CN=localhost"), QStringLiteral("-addext"),
                    QStringLiteral("subjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1")});
}

void SandboxCertificate::onGenerated(QProcess *process, const QString &folder)
{
    process->deleteLater();
    const QString output = QString::fromLocal8Bit(process->readAll()).trimmed();
    const QString certPath = folder + QStringLiteral("/cert.pem");
    const QString keyPath = folder + QStringLiteral("/key.pem");
    if (process->exitStatus() != QProcess::NormalExit || process->exitCode() != 0) {
        QFile::remove(certPath + QStringLiteral(".new"));
        QFile::remove(keyPath + QStringLiteral(".new"));
        Q_EMIT failed(QStringLiteral("TLS certificate: openssl failed (exit code %1): %2")
                          .arg(process->exitCode())
                          .arg(output));
        return;
    }
    QFile::setPermissions(keyPath + QStringLiteral(".new"),
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QFile::remove(certPath);
    QFile::remove(keyPath);
    if (!QFile::rename(keyPath + QStringLiteral(".new"), keyPath) ||
        !QFile::rename(certPath + QStringLiteral(".new"), certPath)) {
        Q_EMIT failed(
            QStringLiteral("TLS certificate: cannot store the new files in %1").arg(folder));
        return;
    }
    QString error;
    if (loadFiles(certPath, keyPath, &error))
        Q_EMIT ready();
    else
        Q_EMIT failed(error);
}
