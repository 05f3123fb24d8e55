// Round trips per message, the cost that matters over a real network (issue 3, "Tests and
// bars"). An in-process proxy holds every chunk back 50 ms in each direction between
// SmtpClient and a scripted local server, and counts the client's turns: a turn is the client
// sending after it has received something, i.e. one full wait for the server. Printed for 1 and
// 20 recipients, with and without PIPELINING and CHUNKING offered.
#include "fakesmtpserver.h"
#include "smtp/messagesource.h"
#include "smtp/smtpclient.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QPointer>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>

namespace {

constexpr int OneWayDelayMs = 50;

// Forwards one connection to the target port, each chunk after the delay, order kept.
class DelayProxy : public QObject
{
public:
    DelayProxy(quint16 targetPort, int delayMs, QObject *parent = nullptr)
        : QObject(parent)
        , m_targetPort(targetPort)
        , m_delayMs(delayMs)
    {
        connect(&m_server, &QTcpServer::newConnection, this, &DelayProxy::onNewConnection);
    }

    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    quint16 port() const { return m_server.serverPort(); }
    int turns() const { return m_turns; }
    qint64 bytesUp() const { return m_bytesUp; }
    qint64 bytesDown() const { return m_bytesDown; }

private:
    void onNewConnection()
    {
        QTcpSocket *client = m_server.nextPendingConnection();
        if (m_client) {
            client->abort(); // one connection per run
            return;
        }
        m_client = client;
        m_client->setParent(this);
        m_upstream = new QTcpSocket(this);
        // Small writes must not wait for Nagle: the delay is to be ours alone.
        m_client->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        m_upstream->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        connect(m_client, &QTcpSocket::readyRead, this, [this] {
            const QByteArray chunk = m_client->readAll();
            m_bytesUp += chunk.size();
            // The client speaks after having heard from the server: one more wait.
            if (m_clientHasReceived) {
                ++m_turns;
                m_clientHasReceived = false;
            }
            later([this, chunk] {
                if (m_upstream)
                    m_upstream->write(chunk);
            });
        });
        connect(m_upstream, &QTcpSocket::readyRead, this, [this] {
            const QByteArray chunk = m_upstream->readAll();
            m_bytesDown += chunk.size();
            later([this, chunk] {
                if (m_client) {
                    m_client->write(chunk);
                    m_clientHasReceived = true;
                }
            });
        });
        // A close travels with the same delay, after the data before it.
        connect(m_client, &QTcpSocket::disconnected, this, [this] {
            later([this] {
                if (m_upstream)
                    m_upstream->disconnectFromHost();
            });
        });
        connect(m_upstream, &QTcpSocket::disconnected, this, [this] {
            later([this] {
                if (m_client)
                    m_client->disconnectFromHost();
            });
        });
        m_upstream->connectToHost(QHostAddress::LocalHost, m_targetPort);
    }

    template <typename F> void later(F f)
    {
        QTimer::singleShot(m_delayMs, Qt::PreciseTimer, this, f);
    }

    QTcpServer m_server;
    QPointer<QTcpSocket> m_client;
    QPointer<QTcpSocket> m_upstream;
    quint16 m_targetPort;
    int m_delayMs;
    int m_turns = 0;
    bool m_clientHasReceived = false;
    qint64 m_bytesUp = 0;
    qint64 m_bytesDown = 0;
};

struct Config
{
    const char *offered; // what the server's EHLO offers, for the table
    bool pipelining;
    bool chunking;
    int recipients;
};

QByteArray regexEscape(const QByteArray &text)
{
    return QRegularExpression::escape(QString::fromLatin1(text)).toLatin1();
}

QString scenario(const Config &config, qint64 messageSize)
{
    QByteArray s = "S: 220 bench.example ESMTP\n"
                   "C~ EHLO .+\n"
                   "S: 250-bench.example\n";
    if (config.pipelining)
        s += "S: 250-PIPELINING\n";
    if (config.chunking)
        s += "S: 250-CHUNKING\n";
    s += "S: 250-8BITMIME\n"
         "S: 250-ENHANCEDSTATUSCODES\n"
         "S: 250 SIZE 10485760\n"
         "C~ MAIL FROM:<sender@example\\.org>.*\n"
         "S: 250 2.1.0 Ok\n";
    for (int i = 1; i <= config.recipients; ++i) {
        s += "C~ RCPT TO:<" + regexEscape("rcpt" + QByteArray::number(i) + "@example.net") +
             ">.*\n"
             "S: 250 2.1.5 Ok\n";
    }
    if (config.chunking) {
        s += "C: BDAT " + QByteArray::number(messageSize) +
             " LAST\n"
             "B: " +
             QByteArray::number(messageSize) +
             "\n"
             "S: 250 2.0.0 Ok: queued as BENCH\n";
    } else {
        s += "C: DATA\n"
             "S: 354 End data with <CR><LF>.<CR><LF>\n"
             "D:\n"
             "S: 250 2.0.0 Ok: queued as BENCH\n";
    }
    s += "C: QUIT\n"
         "S: 221 2.0.0 Bye\n"
         "X:\n";
    return QString::fromLatin1(s);
}

struct Row
{
    Config config;
    int turns = 0;
    qint64 elapsedMs = 0;
    bool ok = false;
    QString problem;
};

// Runs the configurations one after the other, each on a fresh server, proxy and client.
class Runner : public QObject
{
public:
    Runner(const QList<Config> &configs, const QString &messagePath, qint64 messageSize)
        : m_configs(configs)
        , m_messagePath(messagePath)
        , m_messageSize(messageSize)
    {}

    void start()
    {
        QTimer::singleShot(0, this, [this] { next(); });
    }
    bool allOk() const
    {
        for (const Row &row : m_rows) {
            if (!row.ok)
                return false;
        }
        return true;
    }
    const QList<Row> &rows() const { return m_rows; }

private:
    void next()
    {
        if (m_rows.size() == m_configs.size()) {
            QCoreApplication::exit(allOk() ? 0 : 1);
            return;
        }
        const Config config = m_configs[m_rows.size()];
        m_server = new FakeSmtpServer(scenario(config, m_messageSize), this);
        if (!m_server->listen()) {
            std::fprintf(stderr, "the fake server cannot listen\n");
            QCoreApplication::exit(2);
            return;
        }
        m_proxy = new DelayProxy(m_server->port(), OneWayDelayMs, this);
        if (!m_proxy->listen()) {
            std::fprintf(stderr, "the proxy cannot listen\n");
            QCoreApplication::exit(2);
            return;
        }
        m_source = std::make_unique<FileMessageSource>(m_messagePath);
        m_client = new SmtpClient(this);
        SmtpSettings settings;
        settings.host = QStringLiteral("127.0.0.1");
        settings.port = m_proxy->port();
        settings.security = SmtpSettings::Security::None;
        settings.heloName = QStringLiteral("bench.client");
        settings.usePipelining = true;
        settings.useChunking = true;
        Envelope envelope;
        envelope.sender = QStringLiteral("sender@example.org");
        for (int i = 1; i <= config.recipients; ++i)
            envelope.recipients << QStringLiteral("rcpt%1@example.net").arg(i);
        connect(m_client, &SmtpClient::finished, this, [this, config](const SendResult &result) {
            Row row;
            row.config = config;
            row.elapsedMs = m_clock.elapsed();
            row.turns = m_proxy->turns();
            const QString report = m_server->report();
            row.ok = result.outcome == SendResult::Outcome::Success && report.isEmpty();
            if (!row.ok)
                row.problem = result.message + QLatin1Char(' ') + report;
            m_rows << row;
            // Tear down outside the signal's emission.
            QTimer::singleShot(0, this, [this] {
                delete m_client;
                delete m_proxy;
                delete m_server;
                m_source.reset();
                next();
            });
        });
        m_clock.start();
        m_client->send(settings, envelope, m_source.get());
    }

    QList<Config> m_configs;
    QString m_messagePath;
    qint64 m_messageSize;
    QList<Row> m_rows;
    QPointer<FakeSmtpServer> m_server;
    QPointer<DelayProxy> m_proxy;
    QPointer<SmtpClient> m_client;
    std::unique_ptr<FileMessageSource> m_source;
    QElapsedTimer m_clock;
};

QByteArray sampleMessage()
{
    QByteArray m = "From: Sender <sender@example.org>\r\n"
                   "To: rcpt1@example.net\r\n"
                   "Subject: round-trip benchmark\r\n"
                   "Date: Thu, 26 Nov 2026 10:00:00 +0000\r\n"
                   "Message-ID: <bench@example.org>\r\n"
                   "MIME-Version: 1.0\r\n"
                   "Content-Type: text/plain; charset=utf-8\r\n"
                   "\r\n";
    for (int i = 0; i < 40; ++i)
        m +=
            "Line " + QByteArray::number(i) + " of a short message that fits in a few packets.\r\n";
    m += ".a line that starts with a dot\r\n";
    return m;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    if (!dir.isValid())
        return 2;
    const QString path = dir.filePath(QStringLiteral("message.eml"));
    const QByteArray message = sampleMessage();
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(message) != message.size())
        return 2;
    file.close();

    const QList<Config> configs = {
        {"none", false, false, 1},
        {"none", false, false, 20},
        {"CHUNKING", false, true, 1},
        {"CHUNKING", false, true, 20},
        {"PIPELINING", true, false, 1},
        {"PIPELINING", true, false, 20},
        {"PIPELINING CHUNKING", true, true, 1},
        {"PIPELINING CHUNKING", true, true, 20},
    };
    Runner runner(configs, path, message.size());
    runner.start();
    const int rc = app.exec();

    std::printf("SMTP round trips per message, %d ms each way between client and server "
                "(%lld-byte message)\n",
                OneWayDelayMs, static_cast<long long>(message.size()));
    std::printf("turns: the client sends after having received (EHLO and later); "
                "+greeting: with the wait for the greeting\n\n");
    std::printf("%-22s %10s %7s %11s %11s %12s\n", "server offers", "recipients", "turns",
                "+greeting", "elapsed ms", "ms per trip");
    for (const Row &row : runner.rows()) {
        std::printf("%-22s %10d %7d %11d %11lld %12.0f%s\n", row.config.offered,
                    row.config.recipients, row.turns, row.turns + 1,
                    static_cast<long long>(row.elapsedMs),
                    row.turns > 0 ? double(row.elapsedMs) / (row.turns + 1) : 0.0,
                    row.ok ? "" : "  FAILED");
        if (!row.ok)
            std::printf("    %s\n", qPrintable(row.problem));
    }
    return rc;
}
