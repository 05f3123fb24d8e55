#include "sandbox/sandboxserver.h"

#include "sandbox/mailstore.h"
#include "sandbox/sandboxcertificate.h"
#include "sandbox/sandboxsession.h"

#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpServer>

class SandboxServer::Listener : public QTcpServer
{
public:
    explicit Listener(SandboxServer *server)
        : QTcpServer(server)
        , m_server(server)
    {}

protected:
    // QSslSocket needs the descriptor itself; QTcpServer would wrap it in a QTcpSocket.
    void incomingConnection(qintptr descriptor) override { m_server->onIncoming(descriptor); }

private:
    SandboxServer *m_server;
};

SandboxServer::SandboxServer(QObject *parent)
    : QObject(parent)
    , m_listener(new Listener(this))
    , m_dataFolder(SandboxCredentials::defaultFolder())
{
    qRegisterMetaType<TranscriptEntry>();
    qRegisterMetaType<StoredMessage>();
    // 200 clients may connect at once; the kernel queue must hold them until accepted.
    m_listener->setListenBacklogSize(512);
}

SandboxServer::~SandboxServer()
{
    stop();
}

bool SandboxServer::useDataFolder(const QString &folder, QString *error)
{
    m_dataFolder = folder;
    QString problem;
    const SandboxCredentials credentials = SandboxCredentials::loadOrCreate(folder, &problem);
    setCredentials(credentials);
    if (!problem.isEmpty()) {
        *error = problem;
        return false;
    }
    return true;
}

bool SandboxServer::setBehaviour(const SandboxBehaviour &behaviour)
{
    if (!behaviour.validate().isEmpty())
        return false;
    if (behaviour == m_behaviour)
        return true;
    m_behaviour = behaviour;
    Q_EMIT behaviourChanged(m_behaviour);
    return true;
}

void SandboxServer::setCredentials(const SandboxCredentials &credentials)
{
    m_credentials = credentials;
    Q_EMIT credentialsChanged(m_credentials);
}

void SandboxServer::setStore(MailStore *store)
{
    if (m_store)
        disconnect(m_store, &MailStore::evicted, this, nullptr);
    m_store = store;
    if (!m_store)
        return;
    // Eviction is said, never silent: whoever shows the server's notices shows this.
    connect(m_store, &MailStore::evicted, this, [this](int count, qint64 bytes) {
        Q_EMIT notice(tr("the inbox is over its size cap of %1 bytes: removed the %n oldest "
                         "messages (%2 bytes)",
                         nullptr, count)
                          .arg(m_store->sizeCap())
                          .arg(bytes));
    });
}

void SandboxServer::setCertificate(const QSslCertificate &certificate, const QSslKey &key)
{
    m_certificate = certificate;
    m_key = key;
    m_tlsProblem.clear();
    Q_EMIT tlsChanged();
}

void SandboxServer::setCertificateFiles(const QString &certificatePath, const QString &keyPath)
{
    m_certificatePath = certificatePath;
    m_keyPath = keyPath;
}

void SandboxServer::start(const QHostAddress &address, quint16 port)
{
    if (m_starting || m_listener->isListening())
        return;
    m_requestedAddress = address;
    m_requestedPort = port;
    if (!m_tlsEnabled || isTlsAvailable()) {
        listenNow();
        return;
    }
    m_starting = true;
    m_tlsSource = new SandboxCertificate(this);
    m_tlsSource->setOpensslProgram(m_openssl);
    connect(m_tlsSource, &SandboxCertificate::ready, this, &SandboxServer::onTlsReady);
    connect(m_tlsSource, &SandboxCertificate::failed, this, &SandboxServer::onTlsFailed);
    if (!m_certificatePath.isEmpty())
        m_tlsSource->load(m_certificatePath, m_keyPath);
    else
        m_tlsSource->ensure(m_dataFolder);
}

void SandboxServer::onTlsReady()
{
    m_certificate = m_tlsSource->certificate();
    m_key = m_tlsSource->key();
    m_tlsProblem.clear();
    m_tlsSource->deleteLater();
    m_tlsSource = nullptr;
    Q_EMIT tlsChanged();
    listenNow();
}

void SandboxServer::onTlsFailed(const QString &error)
{
    m_tlsSource->deleteLater();
    m_tlsSource = nullptr;
    // Given files that do not load are the user's explicit choice: do not quietly go on.
    if (!m_certificatePath.isEmpty()) {
        m_starting = false;
        Q_EMIT failed(error);
        return;
    }
    m_tlsProblem = error;
    Q_EMIT notice(tr("STARTTLS is not offered: %1").arg(error));
    listenNow();
}

void SandboxServer::listenNow()
{
    m_starting = false;
    if (!m_listener->listen(m_requestedAddress, m_requestedPort)) {
        Q_EMIT failed(tr("Sandbox: cannot listen on %1:%2: %3")
                          .arg(m_requestedAddress.toString())
                          .arg(m_requestedPort)
                          .arg(m_listener->errorString()));
        return;
    }
    Q_EMIT started(m_listener->serverAddress(), m_listener->serverPort());
}

void SandboxServer::stop()
{
    const bool wasListening = m_listener->isListening();
    m_listener->close();
    const auto sessions = m_sessions;
    m_sessions.clear();
    for (const QPointer<SandboxSession> &session : sessions) {
        if (session)
            delete session.data();
    }
    if (wasListening)
        Q_EMIT stopped();
}

bool SandboxServer::isListening() const
{
    return m_listener->isListening();
}

QHostAddress SandboxServer::address() const
{
    return m_listener->serverAddress();
}

quint16 SandboxServer::port() const
{
    return m_listener->serverPort();
}

void SandboxServer::onIncoming(qintptr descriptor)
{
    auto *socket = new QSslSocket;
    if (!socket->setSocketDescriptor(descriptor)) {
        Q_EMIT notice(tr("Sandbox: cannot accept a connection: %1").arg(socket->errorString()));
        delete socket;
        return;
    }
    SandboxSession::Config config;
    config.behaviour = m_behaviour;
    config.credentials = m_credentials;
    config.hostName = m_hostName;
    if (m_tlsEnabled && isTlsAvailable()) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setLocalCertificate(m_certificate);
        tls.setPrivateKey(m_key);
        tls.setPeerVerifyMode(QSslSocket::VerifyNone);
        tls.setProtocol(QSsl::TlsV1_2OrLater);
        config.tls = tls;
    }
    const quint64 id = m_nextSessionId++;
    auto *session = new SandboxSession(id, socket, config, m_store.data(), this);
    m_sessions.insert(id, session);
    connect(session, &SandboxSession::transcriptEntry, this, &SandboxServer::transcriptEntry);
    connect(session, &SandboxSession::messageReceived, this, &SandboxServer::messageReceived);
    connect(session, &SandboxSession::finished, this, [this, session](quint64 sessionId) {
        m_peakSessionBuffered = qMax(m_peakSessionBuffered, session->peakBufferedBytes());
        m_sessions.remove(sessionId);
        Q_EMIT sessionFinished(sessionId);
    });
    Q_EMIT sessionStarted(id, socket->peerAddress().toString() + QLatin1Char(':') +
                                  QString::number(socket->peerPort()));
    session->start();
}
