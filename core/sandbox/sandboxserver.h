// The built-in sandbox SMTP server: listens on loopback, runs one SandboxSession per
// connection in this thread, and hands complete messages to a MailStore. Behaviour and
// credentials changed here apply to the sessions that start afterwards.
#pragma once

#include "sandbox/mailstore.h"
#include "sandbox/sandboxbehaviour.h"
#include "sandbox/sandboxcredentials.h"
#include "sandbox/storedmessage.h"
#include "smtp/transcriptentry.h"

#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QSslKey>

class SandboxCertificate;
class SandboxSession;

class SandboxServer : public QObject
{
    Q_OBJECT
public:
    explicit SandboxServer(QObject *parent = nullptr);
    ~SandboxServer() override;

    // Uses folder (by default SandboxCredentials::defaultFolder()) for the credentials and
    // the generated certificate. Returns false with *error when the credentials cannot be
    // read or made; the server still works then, with AUTH failing.
    bool useDataFolder(const QString &folder, QString *error);
    QString dataFolder() const { return m_dataFolder; }

    SandboxBehaviour behaviour() const { return m_behaviour; }
    // Returns false (and keeps the old behaviour) when behaviour.validate() finds a problem.
    bool setBehaviour(const SandboxBehaviour &behaviour);
    SandboxCredentials credentials() const { return m_credentials; }
    void setCredentials(const SandboxCredentials &credentials);
    MailStore *store() const { return m_store; }
    void setStore(MailStore *store);
    void setHostName(const QString &name) { m_hostName = name; }
    QString hostName() const { return m_hostName; }

    // TLS: a certificate given directly or as PEM files; without either, one is generated
    // in the data folder on start(). setTlsEnabled(false) turns STARTTLS off altogether.
    void setCertificate(const QSslCertificate &certificate, const QSslKey &key);
    void setCertificateFiles(const QString &certificatePath, const QString &keyPath);
    void setTlsEnabled(bool enabled) { m_tlsEnabled = enabled; }
    bool isTlsAvailable() const { return !m_certificate.isNull() && !m_key.isNull(); }
    QSslCertificate certificate() const { return m_certificate; }
    QString tlsProblem() const { return m_tlsProblem; }
    // Where openssl is looked for when a certificate is generated.
    void setOpensslProgram(const QString &program) { m_openssl = program; }

    // Prepares TLS (which may run openssl in the background), then listens. Emits started()
    // or failed() once. A TLS problem does not stop the server: it runs without STARTTLS.
    void start(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0);
    // Stops listening and closes every session.
    void stop();
    bool isListening() const;
    QHostAddress address() const;
    quint16 port() const;
    int activeSessions() const { return int(m_sessions.size()); }
    quint64 sessionsStarted() const { return m_nextSessionId - 1; }
    // The most client input any one finished session held in memory at once
    // (SandboxSession::peakBufferedBytes()), for tests and benchmarks.
    qint64 peakSessionBufferedBytes() const { return m_peakSessionBuffered; }

Q_SIGNALS:
    void started(const QHostAddress &address, quint16 port);
    void failed(const QString &error);
    void stopped();
    // Something people should know that does not stop the server (e.g. no STARTTLS).
    void notice(const QString &text);
    void behaviourChanged(const SandboxBehaviour &behaviour);
    void credentialsChanged(const SandboxCredentials &credentials);
    void tlsChanged();
    void sessionStarted(quint64 sessionId, const QString &peer);
    void transcriptEntry(quint64 sessionId, const TranscriptEntry &entry);
    void messageReceived(quint64 sessionId, const StoredMessage &message);
    void sessionFinished(quint64 sessionId);

private:
    class Listener;

    void onTlsReady();
    void onTlsFailed(const QString &error);
    void listenNow();
    void onIncoming(qintptr descriptor);

    Listener *m_listener;
    SandboxCertificate *m_tlsSource = nullptr;
    QPointer<MailStore> m_store;
    SandboxBehaviour m_behaviour;
    SandboxCredentials m_credentials;
    QString m_dataFolder;
    QString m_hostName = QStringLiteral("localhost");
    QString m_certificatePath;
    QString m_keyPath;
    QString m_openssl = QStringLiteral("openssl");
    QSslCertificate m_certificate;
    QSslKey m_key;
    QString m_tlsProblem;
    bool m_tlsEnabled = true;
    bool m_starting = false;
    QHostAddress m_requestedAddress;
    quint16 m_requestedPort = 0;
    quint64 m_nextSessionId = 1;
    qint64 m_peakSessionBuffered = 0;
    QHash<quint64, QPointer<SandboxSession>> m_sessions;
};
