// The sandbox's TLS identity: a self-signed certificate for localhost made for this
// installation on first use (by running openssl asynchronously), or files given by the user.
#pragma once

#include <QObject>
#include <QSslCertificate>
#include <QSslKey>

class QProcess;

class SandboxCertificate : public QObject
{
    Q_OBJECT
public:
    explicit SandboxCertificate(QObject *parent = nullptr);
    // Stops a generation still running without waiting for it; the pair on disk stays as
    // it was before the generation began.
    ~SandboxCertificate() override;

    // Loads cert.pem/key.pem from folder, generating them first when missing. Emits ready()
    // or failed() once, possibly before returning when the files are already there. Called
    // again while a generation runs, it waits for that one's answer.
    void ensure(const QString &folder);
    // Loads a certificate and key given by the user; emits ready() or failed().
    void load(const QString &certificatePath, const QString &keyPath);

    bool isReady() const { return !m_certificate.isNull() && !m_key.isNull(); }
    QSslCertificate certificate() const { return m_certificate; }
    QSslKey key() const { return m_key; }
    // Where openssl is looked for; tests point it elsewhere to see generation fail.
    void setOpensslProgram(const QString &program) { m_openssl = program; }

Q_SIGNALS:
    void ready();
    void failed(const QString &error);

private:
    void onGenerated(QProcess *process, const QString &folder);
    bool loadFiles(const QString &certificatePath, const QString &keyPath, QString *error);
    bool install(const QString &folder, QString *error);

    // Not a child: it may outlive this object while a killed openssl is being reaped.
    QProcess *m_process = nullptr;
    QString m_folder; // where m_process writes

    QString m_openssl = QStringLiteral("openssl");
    QSslCertificate m_certificate;
    QSslKey m_key;
};
