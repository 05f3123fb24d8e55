// A server that sends without end and without a line break: the client fails with a protocol
// error naming the step, within a bounded time, holding a bounded amount of what was sent (its
// socket reads at most SmtpClient::ReadBufferSize ahead, its parser at most one line).
#include "buffermessagesource.h"
#include "smtp/smtpclient.h"

#include <QElapsedTimer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

#include <optional>

namespace {

// Offers up to Total bytes, a chunk whenever the last one left, so the test's own memory
// stays small too.
constexpr qint64 Total = 64LL * 1024 * 1024;
constexpr qint64 Chunk = 256 * 1024;

class FloodServer : public QTcpServer
{
public:
    QByteArray first;            // sent on connection
    bool afterFirstLine = false; // the flood starts once the client sent a line
    QByteArray floodStart;       // the flood's first bytes
    qint64 sent = 0;

    explicit FloodServer(QObject *parent = nullptr)
        : QTcpServer(parent)
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            QTcpSocket *socket = nextPendingConnection();
            connect(socket, &QTcpSocket::bytesWritten, socket, [this, socket] {
                if (socket->bytesToWrite() == 0 && (sent > 0 || !afterFirstLine))
                    flood(socket);
            });
            connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                socket->readAll();
                if (afterFirstLine && sent == 0)
                    flood(socket);
            });
            socket->write(first);
            if (!afterFirstLine)
                flood(socket);
        });
    }

private:
    void flood(QTcpSocket *socket)
    {
        if (sent >= Total || socket->state() != QAbstractSocket::ConnectedState)
            return;
        socket->write(sent == 0 ? floodStart + QByteArray(Chunk, 'A') : QByteArray(Chunk, 'A'));
        sent += Chunk;
    }
};

} // namespace

class TestClientReadBuffer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void endlessLine_data();
    void endlessLine();
};

void TestClientReadBuffer::endlessLine_data()
{
    QTest::addColumn<QByteArray>("first");
    QTest::addColumn<bool>("afterFirstLine");
    QTest::addColumn<QByteArray>("floodStart");
    QTest::addColumn<QString>("step");
    QTest::newRow("greeting") << QByteArray() << false << QByteArray("220-")
                              << QStringLiteral("Greeting");
    QTest::newRow("EHLO reply") << QByteArray("220 flood.test\r\n") << true << QByteArray("250-")
                                << QStringLiteral("Ehlo");
}

void TestClientReadBuffer::endlessLine()
{
    QFETCH(QByteArray, first);
    QFETCH(bool, afterFirstLine);
    QFETCH(QByteArray, floodStart);
    QFETCH(QString, step);

    FloodServer server;
    server.first = first;
    server.afterFirstLine = afterFirstLine;
    server.floodStart = floodStart;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));

    SmtpClient client;
    std::optional<SendResult> result;
    QObject::connect(&client, &SmtpClient::finished, [&](const SendResult &r) { result = r; });
    SmtpSettings settings;
    settings.host = QStringLiteral("127.0.0.1");
    settings.port = server.serverPort();
    settings.security = SmtpSettings::Security::None;
    settings.heloName = QStringLiteral("test.example");
    settings.timeouts = SmtpTimeouts::uniform(5'000);
    Envelope envelope;
    envelope.sender = QStringLiteral("a@example.org");
    envelope.recipients = {QStringLiteral("b@example.org")};
    BufferMessageSource source("Subject: x\r\n\r\nx\r\n");

    QElapsedTimer clock;
    clock.start();
    client.send(settings, envelope, &source);
    QTRY_VERIFY(client.findChild<QSslSocket *>());
    // What the socket may hold of the server's bytes before the client reads them.
    QCOMPARE(client.findChild<QSslSocket *>()->readBufferSize(), SmtpClient::ReadBufferSize);
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 10'000);
    QVERIFY(clock.elapsed() < 10'000);
    QCOMPARE(result->error, SendResult::Error::Protocol);
    QVERIFY2(result->step == step, qPrintable(result->message));
    QVERIFY2(result->message.contains(result->stepLabel), qPrintable(result->message));
    // The client gave up at the first line over the limit: most of the flood never left the
    // server (the kernel's buffers hold a few MB at most).
    QVERIFY2(server.sent < Total / 4, QByteArray::number(server.sent).constData());
}

QTEST_GUILESS_MAIN(TestClientReadBuffer)
#include "tst_clientreadbuffer.moc"
