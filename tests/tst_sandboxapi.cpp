// The sandbox's JSON API over real HTTP (QNetworkAccessManager on loopback): listing and
// filtering, one message parsed and raw, its attachments and transcript, deleting, the long
// poll that lets tests wait without sleeping, tokens, and malformed requests.
#include "sandbox/mailstore.h"
#include "sandboxapi/sandboxapi.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

namespace {

QByteArray message(const QByteArray &to, const QByteArray &subject)
{
    return "From: Ana <ana@example.org>\r\nTo: " + to + "\r\nSubject: " + subject +
           "\r\nMIME-Version: 1.0\r\n"
           "Content-Type: multipart/mixed; boundary=b\r\n\r\n"
           "--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nHello\r\n"
           "--b\r\nContent-Type: application/octet-stream\r\n"
           "Content-Disposition: attachment; filename=data.bin\r\n"
           "Content-Transfer-Encoding: base64\r\n\r\nAAECAw==\r\n--b--\r\n";
}

struct Response
{
    int status = 0;
    QByteArray body;
    QByteArray contentType;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    // The id of the message a wait returned.
    QString messageId() const
    {
        return json()
            .value(QStringLiteral("message"))
            .toObject()
            .value(QStringLiteral("id"))
            .toString();
    }
};

} // namespace

class TestSandboxApi : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<MailStore> m_store;
    std::unique_ptr<SandboxApi> m_api;
    QNetworkAccessManager m_http;

    QString add(const QByteArray &to, const QByteArray &subject,
                const QString &envelopeTo = QString())
    {
        StoredMessage meta;
        meta.mailFrom = QStringLiteral("bounce@example.org");
        meta.rcptTo = {envelopeTo.isEmpty() ? QString::fromLatin1(to) : envelopeTo};
        TranscriptEntry e;
        e.direction = TranscriptEntry::Direction::Client;
        e.text = QStringLiteral("EHLO test");
        meta.transcript = {e};
        QString error;
        const QString id = m_store->add(meta, message(to, subject), &error);
        [&] { QVERIFY2(!id.isEmpty(), qPrintable(error)); }();
        return id;
    }

    QNetworkReply *start(const QString &path, const QByteArray &verb = "GET",
                         const QByteArray &token = QByteArray())
    {
        QNetworkRequest request(
            QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_api->port()).arg(path)));
        if (!token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + token);
        return m_http.sendCustomRequest(request, verb);
    }

    Response finish(QNetworkReply *reply, int timeoutMs = 10000)
    {
        QSignalSpy done(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            [&] { QTRY_VERIFY_WITH_TIMEOUT(done.count() == 1, timeoutMs); }();
        Response r;
        r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        r.body = reply->readAll();
        r.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
        reply->deleteLater();
        return r;
    }

    Response request(const QString &path, const QByteArray &verb = "GET",
                     const QByteArray &token = QByteArray())
    {
        return finish(start(path, verb, token));
    }

private Q_SLOTS:
    void init()
    {
        m_store = std::make_unique<MailStore>(m_dir.filePath(QStringLiteral("inbox")));
        m_store->removeAll();
        m_api = std::make_unique<SandboxApi>(m_store.get());
        QString error;
        QVERIFY2(m_api->start(QHostAddress::LocalHost, 0, &error), qPrintable(error));
        QVERIFY(m_api->port() != 0);
    }
    void cleanup()
    {
        m_api.reset();
        m_store.reset();
    }

    void listAndFilter_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QStringList>("subjects");
        QTest::newRow("all") << QString()
                             << QStringList{QStringLiteral("Third"), QStringLiteral("Second"),
                                            QStringLiteral("First")};
        QTest::newRow("to, header")
            << QStringLiteral("?to=ben@") << QStringList{QStringLiteral("First")};
        QTest::newRow("to, envelope only (Bcc)")
            << QStringLiteral("?to=hidden@") << QStringList{QStringLiteral("Third")};
        QTest::newRow("subject, any case")
            << QStringLiteral("?subject=SECOND") << QStringList{QStringLiteral("Second")};
        QTest::newRow("from and subject")
            << QStringLiteral("?from=ana@example.org&subject=ir")
            << QStringList{QStringLiteral("Third"), QStringLiteral("First")};
        QTest::newRow("nothing matches") << QStringLiteral("?to=nobody") << QStringList();
    }
    void listAndFilter()
    {
        QFETCH(QString, query);
        QFETCH(QStringList, subjects);
        add("Ben <ben@example.org>", "First");
        add("cid@example.org", "Second");
        add("cid@example.org", "Third", QStringLiteral("hidden@example.org"));
        const Response r = request(QStringLiteral("/api/v1/messages") + query);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("total")).toInt(), 3);
        QStringList got;
        for (const QJsonValue &m : r.json().value(QStringLiteral("messages")).toArray())
            got << m.toObject()
                       .value(QStringLiteral("headers"))
                       .toObject()
                       .value(QStringLiteral("subject"))
                       .toString();
        QCOMPARE(got, subjects);
    }

    void oneMessage()
    {
        const QString id = add("ben@example.org", "Parts");
        const Response r = request(QStringLiteral("/api/v1/messages/") + id);
        QCOMPARE(r.status, 200);
        const QJsonObject m = r.json();
        QCOMPARE(m.value(QStringLiteral("id")).toString(), id);
        QCOMPARE(m.value(QStringLiteral("text")).toString().trimmed(), QStringLiteral("Hello"));
        QCOMPARE(m.value(QStringLiteral("envelope"))
                     .toObject()
                     .value(QStringLiteral("mailFrom"))
                     .toString(),
                 QStringLiteral("bounce@example.org"));
        const QJsonArray attachments = m.value(QStringLiteral("attachments")).toArray();
        QCOMPARE(attachments.size(), 1);
        const QJsonObject a = attachments[0].toObject();
        QCOMPARE(a.value(QStringLiteral("fileName")).toString(), QStringLiteral("data.bin"));
        QCOMPARE(a.value(QStringLiteral("size")).toInt(), 4);

        const Response raw = request(QStringLiteral("/api/v1/messages/%1/raw").arg(id));
        QCOMPARE(raw.status, 200);
        QCOMPARE(raw.contentType, QByteArray("message/rfc822"));
        QCOMPARE(raw.body, message("ben@example.org", "Parts"));

        const Response bytes = request(a.value(QStringLiteral("url")).toString());
        QCOMPARE(bytes.status, 200);
        QCOMPARE(bytes.body, QByteArray("\x00\x01\x02\x03", 4));
        QCOMPARE(bytes.contentType, QByteArray("application/octet-stream"));

        const Response transcript =
            request(QStringLiteral("/api/v1/messages/%1/transcript").arg(id));
        QCOMPARE(transcript.status, 200);
        QVERIFY(transcript.body.contains("EHLO test"));
    }

    void deleting()
    {
        const QString first = add("a@example.org", "one");
        add("b@example.org", "two");
        QCOMPARE(request(QStringLiteral("/api/v1/messages/") + first, "DELETE").status, 204);
        QCOMPARE(m_store->count(), 1);
        QCOMPARE(request(QStringLiteral("/api/v1/messages/") + first).status, 404);
        QCOMPARE(request(QStringLiteral("/api/v1/messages"), "DELETE").status, 204);
        QCOMPARE(m_store->count(), 0);
    }

    // A test asks for the next message and gets it when it arrives: no sleeping, no polling.
    void waitForTheNextMessage()
    {
        add("early@example.org", "before the wait");
        QNetworkReply *waiting = start(QStringLiteral("/api/v1/wait?to=zoe@&timeout=20"));
        QTRY_COMPARE(m_api->waitingRequests(), 1);
        add("other@example.org", "not for zoe");
        QCOMPARE(m_api->waitingRequests(), 1);
        const QString id = add("zoe@example.org", "for zoe");
        const Response r = finish(waiting);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.messageId(), id);
        QCOMPARE(m_api->waitingRequests(), 0);
    }

    // after=ID: a message that arrived between two requests is not missed.
    void waitAfterAKnownMessage()
    {
        const QString first = add("zoe@example.org", "one");
        const QString second = add("zoe@example.org", "two");
        const Response r = request(QStringLiteral("/api/v1/wait?to=zoe&after=%1").arg(first));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.messageId(), second);
    }

    void waitTimesOut()
    {
        const Response r = request(QStringLiteral("/api/v1/wait?to=nobody&timeout=0"));
        QCOMPARE(r.status, 408);
        QVERIFY(r.json()
                    .value(QStringLiteral("error"))
                    .toString()
                    .contains(QStringLiteral("no matching message")));
    }

    // A client that gives up while waiting is forgotten; the next message does not write to
    // its closed socket and the API goes on serving.
    void waiterThatLeaves()
    {
        QTcpSocket client;
        client.connectToHost(QHostAddress::LocalHost, m_api->port());
        QTRY_COMPARE(client.state(), QAbstractSocket::ConnectedState);
        client.write("GET /api/v1/wait?timeout=30 HTTP/1.1\r\nHost: x\r\n\r\n");
        QTRY_COMPARE(m_api->waitingRequests(), 1);
        client.abort();
        QTRY_COMPARE(m_api->waitingRequests(), 0);
        add("a@example.org", "after the client left");
        QCOMPARE(request(QStringLiteral("/api/v1/messages")).status, 200);
    }

    void badRequests_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("verb");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("says");
        QTest::newRow("unknown parameter") << QStringLiteral("/api/v1/messages?colour=red")
                                           << QByteArray("GET") << 400 << QStringLiteral("colour");
        QTest::newRow("timeout not a number")
            << QStringLiteral("/api/v1/wait?timeout=soon") << QByteArray("GET") << 400
            << QStringLiteral("timeout");
        QTest::newRow("timeout too long") << QStringLiteral("/api/v1/wait?timeout=100000")
                                          << QByteArray("GET") << 400 << QStringLiteral("timeout");
        QTest::newRow("unknown message") << QStringLiteral("/api/v1/messages/nope")
                                         << QByteArray("GET") << 404 << QStringLiteral("nope");
        QTest::newRow("unknown after") << QStringLiteral("/api/v1/wait?after=nope")
                                       << QByteArray("GET") << 404 << QStringLiteral("nope");
        QTest::newRow("unknown path") << QStringLiteral("/api/v1/mailboxes") << QByteArray("GET")
                                      << 404 << QStringLiteral("mailboxes");
        QTest::newRow("outside the API") << QStringLiteral("/index.html") << QByteArray("GET")
                                         << 404 << QStringLiteral("index.html");
        QTest::newRow("wrong method") << QStringLiteral("/api/v1/messages") << QByteArray("POST")
                                      << 405 << QStringLiteral("method");
    }
    void badRequests()
    {
        QFETCH(QString, path);
        QFETCH(QByteArray, verb);
        QFETCH(int, status);
        QFETCH(QString, says);
        const Response r = request(path, verb);
        QCOMPARE(r.status, status);
        const QString error = r.json().value(QStringLiteral("error")).toString();
        QVERIFY2(error.contains(says), r.body.constData());
    }

    void tokens()
    {
        SandboxApi open(m_store.get());
        QString error;
        // Off loopback the messages would be served to the network: only with a token.
        QVERIFY(!open.start(QHostAddress::AnyIPv4, 0, &error));
        QVERIFY2(error.contains(QStringLiteral("token")), qPrintable(error));

        m_api->setToken("s3cret");
        add("a@example.org", "private");
        QCOMPARE(request(QStringLiteral("/api/v1/messages")).status, 401);
        QCOMPARE(request(QStringLiteral("/api/v1/messages"), "GET", "wrong").status, 401);
        QCOMPARE(request(QStringLiteral("/api/v1/messages"), "GET", "s3cret").status, 200);
    }
};

QTEST_GUILESS_MAIN(TestSandboxApi)
#include "tst_sandboxapi.moc"
