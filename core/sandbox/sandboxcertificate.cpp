#include "sandbox/sandboxcertificate.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>

#include <filesystem>
#include <system_error>

namespace {

// openssl writes under these names; only a finished, successful run is renamed into place.
QString certificateFile(const QString &folder, bool pending)
{
    return folder + (pending ? QStringLiteral("/cert.pem.new") : QStringLiteral("/cert.pem"));
}

QString keyFile(const QString &folder, bool pending)
{
    return folder + (pending ? QStringLiteral("/key.pem.new") : QStringLiteral("/key.pem"));
}

void removePending(const QString &folder)
{
    QFile::remove(certificateFile(folder, true));
    QFile::remove(keyFile(folder, true));
}

// rename(2): replaces the target in one step, which QFile::rename refuses to do.
bool replaceFile(const QString &from, const QString &to, QString *error)
{
    std::error_code code;
    std::filesystem::rename(QFile::encodeName(from).toStdString(),
                            QFile::encodeName(to).toStdString(), code);
    if (code)
        *error = QStringLiteral("%1: %2").arg(to, QString::fromStdString(code.message()));
    return !code;
}

} // namespace

SandboxCertificate::SandboxCertificate(QObject *parent)
    : QObject(parent)
{}

SandboxCertificate::~SandboxCertificate()
{
    if (!m_process)
        return;
    QProcess *process = m_process;
    process->disconnect(this);
    if (process->state() == QProcess::NotRunning) {
        delete process;
    } else {
        // Waiting for openssl here would freeze a closing window; killed, it is reaped by its
        // own finished() (if the event loop still runs) and never destroyed while running.
        // When the application ends first, the application object deletes it (a window
        // closed during the generation leaked it: LeakSanitizer in the GUI tests).
        connect(process, &QProcess::finished, process, &QObject::deleteLater);
        if (QCoreApplication::instance())
            process->setParent(QCoreApplication::instance());
        process->kill();
    }
    // What it wrote so far is no certificate; a file it creates in its last instant is
    // removed by the next ensure().
    removePending(m_folder);
}

bool SandboxCertificate::loadFiles(const QString &certificatePath, const QString &keyPath,
                                   QString *error)
{
    QFile certFile(certificatePath);
    if (!certFile.open(QIODevice::ReadOnly)) {
        *error = tr("TLS certificate %1: %2").arg(certificatePath, certFile.errorString());
        return false;
    }
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certFile.readAll());
    if (chain.isEmpty() || chain.first().isNull()) {
        *error = tr("TLS certificate %1: no PEM certificate found").arg(certificatePath);
        return false;
    }
    QFile keyFile(keyPath);
    if (!keyFile.open(QIODevice::ReadOnly)) {
        *error = tr("TLS key %1: %2").arg(keyPath, keyFile.errorString());
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
        *error = tr("TLS key %1: not an unencrypted PEM private key").arg(keyPath);
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
    if (m_process)
        return; // the running generation answers this call too
    const QString certPath = certificateFile(folder, false);
    const QString keyPath = keyFile(folder, false);
    QString error;
    if (QFileInfo::exists(certPath) && QFileInfo::exists(keyPath) &&
        loadFiles(certPath, keyPath, &error)) {
        Q_EMIT ready();
        return;
    }
    if (!QDir().mkpath(folder)) {
        Q_EMIT failed(tr("TLS certificate: cannot create folder %1").arg(folder));
        return;
    }
    // Left by a run that was stopped: never reused, the key file must be created afresh
    // with owner-only permissions before openssl writes the key into it.
    removePending(folder);
    QFile keyNew(keyFile(folder, true));
    if (!keyNew.open(QIODevice::WriteOnly | QIODevice::NewOnly,
                     QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        Q_EMIT failed(tr("TLS key %1: %2").arg(keyNew.fileName(), keyNew.errorString()));
        return;
    }
    keyNew.close();
    m_folder = folder;
    m_process = new QProcess;
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->setWorkingDirectory(folder);
    QProcess *process = m_process;
    connect(process, &QProcess::finished, this,
            [this, process] { onGenerated(process, m_folder); });
    connect(process, &QProcess::errorOccurred, this, [this, process](QProcess::ProcessError e) {
        if (e != QProcess::FailedToStart)
            return; // a crash also ends in finished()
        m_process = nullptr;
        process->deleteLater();
        removePending(m_folder);
        Q_EMIT failed(
            tr("TLS certificate: cannot run %1: %2").arg(m_openssl, process->errorString()));
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
    m_process = nullptr;
    process->deleteLater();
    const QString output = QString::fromLocal8Bit(process->readAll()).trimmed();
    if (process->exitStatus() != QProcess::NormalExit || process->exitCode() != 0) {
        removePending(folder);
        Q_EMIT failed(process->exitStatus() == QProcess::NormalExit
                          ? tr("TLS certificate: openssl failed (exit code %1): %2")
                                .arg(process->exitCode())
                                .arg(output)
                          : tr("TLS certificate: openssl stopped: %1: %2")
                                .arg(process->errorString(), output));
        return;
    }
    QString error;
    if (!install(folder, &error)) {
        removePending(folder);
        Q_EMIT failed(
            tr("TLS certificate: cannot store the new files in %1: %2").arg(folder, error));
        return;
    }
    if (loadFiles(certificateFile(folder, false), keyFile(folder, false), &error))
        Q_EMIT ready();
    else
        Q_EMIT failed(error);
}

bool SandboxCertificate::install(const QString &folder, QString *error)
{
    const QString certPath = certificateFile(folder, false);
    const QString keyPath = keyFile(folder, false);
    if (!QFileInfo::exists(certificateFile(folder, true))) {
        *error = tr("openssl wrote no certificate");
        return false;
    }
    // The old certificate goes first: stopped between the steps below, the folder holds a
    // key without a certificate, which ensure() replaces, and never a key and a certificate
    // that do not belong together.
    if (QFileInfo::exists(certPath) && !QFile::remove(certPath)) {
        *error = QStringLiteral("%1 cannot be replaced").arg(certPath);
        return false;
    }
    if (!QFile::setPermissions(keyFile(folder, true),
                               QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        *error = QStringLiteral("%1 cannot be made private").arg(keyFile(folder, true));
        return false;
    }
    return replaceFile(keyFile(folder, true), keyPath, error) &&
           replaceFile(certificateFile(folder, true), certPath, error);
}
