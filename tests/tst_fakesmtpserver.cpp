// Tests of the scripted fake server itself: a helper that could not fail would prove nothing.
#include "fakesmtpserver.h"

#include <QSignalSpy>
#include <QTcpSocket>
#include <QtTest>

class TestFakeSmtpServer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void scenarioThatPasses()
    {
        FakeSmtpServer server(QStringLiteral(R"(
            S: 220 test ESMTP
            C: EHLO client.example
            S: 250-test
            S: 250 PIPELINING
            C~ MAIL FROM:<[^>]+>
            S: 250 ok
            D:
            S: 250 queued
            C: QUIT
            S: 221 bye
            X:
        )"));
        QVERIFY(server.listen());
        QVERIFY(server.port() != 0);
        QSignalSpy finished(&server, &FakeSmtpServer::scenarioFinished);

        QTcpSocket client;
        client.connectToHost(QHostAddress::LocalHost, server.port());
        QByteArray received;
        connect(&client, &QTcpSocket::readyRead, this, [&] { received += client.readAll(); });
        QTRY_VERIFY(received.contains("220 test"));
        client.write("EHLO client.example\r\n");
        QTRY_VERIFY(received.contains("250 PIPELINING\r\n"));
        // Several lines in one write, as a pipelining client sends them.
        client.write("MAIL FROM:<a@example.org>\r\nline one\r\n..dot\r\n.\r\nQUIT\r\n");
        QTRY_VERIFY(received.contains("221 bye"));
        QTRY_COMPARE(finished.count(), 1);
        QTRY_COMPARE(client.state(), QAbstractSocket::UnconnectedState);
        QVERIFY2(server.mismatches().isEmpty(), qPrintable(server.report()));
        QVERIFY(server.unconsumed().isEmpty());
        QCOMPARE(server.receivedData(), QByteArray("line one\r\n..dot\r\n"));
        QCOMPARE(server.clientLines().first(), QStringLiteral("EHLO client.example"));
        QVERIFY(server.report().isEmpty());
    }

    void clientLineDiffers_data()
    {
        QTest::addColumn<QString>("expect");
        QTest::addColumn<QByteArray>("sent");
        QTest::newRow("exact") << QStringLiteral("C: EHLO client.example")
                               << QByteArray("HELO client.example\r\n");
        QTest::newRow("regex") << QStringLiteral("C~ EHLO [a-z]+")
                               << QByteArray("EHLO client.example\r\n");
        QTest::newRow("bare LF") << QStringLiteral("C: EHLO x") << QByteArray("EHLO x\n");
    }
    void clientLineDiffers()
    {
        QFETCH(QString, expect);
        QFETCH(QByteArray, sent);
        FakeSmtpServer server(QStringLiteral("S: 220 hi\n") + expect +
                              QStringLiteral("\nS: 250 ok\n"));
        QVERIFY(server.listen());
        QSignalSpy mismatch(&server, &FakeSmtpServer::mismatch);
        QTcpSocket client;
        client.connectToHost(QHostAddress::LocalHost, server.port());
        QTRY_VERIFY(client.bytesAvailable() > 0 || client.canReadLine());
        client.write(sent);
        QTRY_VERIFY(mismatch.count() >= 1);
        QVERIFY(!server.mismatches().isEmpty());
        QVERIFY(!server.report().isEmpty());
        if (QTest::currentDataTag() != QByteArray("bare LF")) {
            QVERIFY2(server.mismatches().first().contains(QStringLiteral("line 2")),
                     qPrintable(server.report()));
            // The unmet expectation and the reply after it are both left unconsumed.
            QCOMPARE(server.unconsumed().size(), 2);
        }
    }

    void clientStopsEarly()
    {
        FakeSmtpServer server(
            QStringLiteral("S: 220 hi\nC: EHLO a\nS: 250 ok\nC: QUIT\nS: 221 bye\n"));
        QVERIFY(server.listen());
        QSignalSpy gone(&server, &FakeSmtpServer::disconnected);
        QTcpSocket client;
        client.connectToHost(QHostAddress::LocalHost, server.port());
        QByteArray received;
        connect(&client, &QTcpSocket::readyRead, this, [&] { received += client.readAll(); });
        QTRY_VERIFY(received.contains("220 hi"));
        client.write("EHLO a\r\n");
        QTRY_VERIFY(received.contains("250 ok"));
        client.disconnectFromHost();
        QTRY_COMPARE(gone.count(), 1);
        QVERIFY(!server.scenarioComplete());
        QCOMPARE(server.unconsumed(), QStringList({QStringLiteral("line 4: C: QUIT"),
                                                   QStringLiteral("line 5: S: 221 bye")}));
        QVERIFY(server.report().contains(QStringLiteral("unconsumed")));
    }

    void extraClientLineIsReported()
    {
        FakeSmtpServer server(QStringLiteral("S: 220 hi\nC: QUIT\nS: 221 bye\n"));
        QVERIFY(server.listen());
        QTcpSocket client;
        client.connectToHost(QHostAddress::LocalHost, server.port());
        QTRY_VERIFY(client.bytesAvailable() > 0);
        client.write("QUIT\r\nNOOP\r\n");
        QTRY_COMPARE(server.mismatches().size(), 1);
        QVERIFY(server.mismatches().first().contains(QStringLiteral("NOOP")));
    }
};

QTEST_GUILESS_MAIN(TestFakeSmtpServer)
#include "tst_fakesmtpserver.moc"
