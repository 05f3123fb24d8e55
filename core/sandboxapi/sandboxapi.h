// The sandbox's JSON API over HTTP, for test suites: the application under test sends mail to
// the sandbox, the test asks here what arrived (as with Mailpit or smtp4dev), and can wait for
// the next matching message instead of sleeping. Built on Qt HTTP Server; the only core library
// that links more than Qt Core and Network (Qt6::HttpServer, itself Core + Network only).
#pragma once

#include <QAbstractHttpServer>
#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QJsonObject>
#include <QList>
#include <QPointer>
#include <QString>

#include <memory>

class MailStore;
struct StoredMessage;
class QHttpServerResponder;
class QTcpSocket;
class QTimer;

class SandboxApi : public QAbstractHttpServer
{
    Q_OBJECT
public:
    // How long a wait request may last at most, and by default (seconds).
    static constexpr int MaxWaitSeconds = 300;
    static constexpr int DefaultWaitSeconds = 30;

    explicit SandboxApi(MailStore *store, QObject *parent = nullptr);
    ~SandboxApi() override;

    // Requests must then carry "Authorization: Bearer <token>"; required off loopback.
    void setToken(const QByteArray &token) { m_token = token; }
    // Listens on address:port (0: any free port). Off loopback only with a token, so the
    // messages are not served to the network by accident. False with *error otherwise.
    bool start(const QHostAddress &address, quint16 port, QString *error);
    quint16 port() const { return m_port; }
    QHostAddress address() const { return m_address; }
    int waitingRequests() const { return int(m_waiters.size()); }

    // The JSON summary of a stored message as the list shows it (also for the window).
    QJsonObject summary(const StoredMessage &message);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    struct Filter
    {
        QString to;      // envelope recipient, To or Cc header (substring, any case)
        QString from;    // envelope sender or From header
        QString subject; // Subject header
        bool matches(const QJsonObject &summary) const;
    };
    struct Waiter
    {
        QPointer<QTcpSocket> socket;
        const QHttpServerRequest *request = nullptr;
        Filter filter;
        QTimer *deadline = nullptr;
        int seconds = 0;
    };

    void route(const QHttpServerRequest &request, QTcpSocket *socket);
    bool authorized(const QHttpServerRequest &request) const;
    static bool filterFrom(const QHttpServerRequest &request, Filter *filter, QString *error);
    QJsonObject details(const StoredMessage &message, const QByteArray &raw);
    void wait(const QHttpServerRequest &request, QTcpSocket *socket);
    void onMessageAdded(const StoredMessage &message);
    void finishWaiter(qsizetype index, const QJsonObject *message);

    MailStore *m_store;
    QByteArray m_token;
    QHostAddress m_address;
    quint16 m_port = 0;
    QHash<QString, QJsonObject> m_summaries; // by message id; headers read once
    QList<Waiter> m_waiters;
};
