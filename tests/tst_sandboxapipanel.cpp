// The sandbox panel's JSON API setting, offscreen and over real HTTP: off until asked, then
// served on loopback with the address and a curl line to copy, off loopback only with a token,
// a port in use said, and the setting kept for the next start.
#include "sandbox/mailstore.h"
#include "sandboxapi/sandboxapi.h"
#include "sandboxapipanel.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

class TestSandboxApiPanel : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QNetworkAccessManager m_http;

    // GET path from the panel's API; the reply's status and body.
    std::pair<int, QByteArray> get(const QString &url, const QByteArray &token = {})
    {
        QNetworkRequest request{QUrl(url)};
        if (!token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + token);
        std::unique_ptr<QNetworkReply> reply(m_http.get(request));
        QSignalSpy done(reply.get(), &QNetworkReply::finished);
        if (!done.wait(10000))
            return {-1, {}};
        return {reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                reply->readAll()};
    }

private Q_SLOTS:
    void init() { QSettings().remove(QStringLiteral("sandboxApi")); }

    void offUntilAskedThenServesTheStoreOnLoopback()
    {
        MailStore store(m_dir.filePath(QStringLiteral("served")));
        StoredMessage meta;
        meta.mailFrom = QStringLiteral("ana@example.org");
        meta.rcptTo = {QStringLiteral("zoe@example.org")};
        QString error;
        QVERIFY2(!store.add(meta, "Subject: hello api\r\n\r\nbody\r\n", &error).isEmpty(),
                 qPrintable(error));

        SandboxApiPanel panel(&store);
        panel.show();
        QVERIFY(!panel.enableBox()->isChecked());
        QVERIFY(!panel.api());
        QVERIFY(panel.curlField()->text().isEmpty());
        QVERIFY(!panel.copyButton()->isEnabled());
        QCOMPARE(panel.portBox()->value(), SandboxApiPanel::DefaultPort);

        panel.portBox()->setValue(0); // any free port: tests never take a fixed one
        panel.enableBox()->setChecked(true);
        QVERIFY2(panel.api(), qPrintable(panel.statusLabel()->text()));
        QVERIFY(panel.api()->address().isLoopback());
        QVERIFY(panel.api()->port() != 0);
        const QString base = QStringLiteral("http://127.0.0.1:%1").arg(panel.api()->port());
        QCOMPARE(panel.url(), base);
        QVERIFY(panel.statusLabel()->text().contains(base));
        QCOMPARE(panel.curlField()->text(),
                 QStringLiteral("curl -s '%1/api/v1/messages'").arg(base));

        const auto [status, body] = get(base + QStringLiteral("/api/v1/messages"));
        QCOMPARE(status, 200);
        const QJsonObject list = QJsonDocument::fromJson(body).object();
        QCOMPARE(list.value(QStringLiteral("total")).toInt(), 1);
        QVERIFY(body.contains("hello api"));

        panel.copyButton()->click();
        QCOMPARE(QApplication::clipboard()->text(), panel.curlField()->text());

        // Off again: nothing listens any more.
        panel.enableBox()->setChecked(false);
        QVERIFY(!panel.api());
        QVERIFY(!panel.copyButton()->isEnabled());
        QVERIFY(get(base + QStringLiteral("/api/v1/messages")).first != 200);
    }

    void otherComputersOnlyWithAToken()
    {
        MailStore store(m_dir.filePath(QStringLiteral("network")));
        SandboxApiPanel panel(&store);
        panel.portBox()->setValue(0);
        panel.enableBox()->setChecked(true);
        QVERIFY(panel.api());
        panel.networkBox()->setChecked(true);
        // No token: refused, said, and nothing left listening.
        QVERIFY(!panel.api());
        QVERIFY(panel.statusLabel()->text().contains(QStringLiteral("token")));
        QVERIFY(panel.curlField()->text().isEmpty());

        panel.tokenField()->setText(QStringLiteral("s3cret-token"));
        panel.apply();
        QVERIFY2(panel.api(), qPrintable(panel.statusLabel()->text()));
        QVERIFY(!panel.api()->address().isLoopback());
        QVERIFY(panel.curlField()->text().contains(
            QStringLiteral("-H 'Authorization: Bearer s3cret-token'")));
        const QString url = panel.url() + QStringLiteral("/api/v1/messages");
        QCOMPARE(get(url).first, 401);
        QCOMPARE(get(url, "wrong").first, 401);
        QCOMPARE(get(url, "s3cret-token").first, 200);
    }

    void aPortInUseIsSaid()
    {
        QTcpServer taken;
        QVERIFY(taken.listen(QHostAddress::LocalHost, 0));
        MailStore store(m_dir.filePath(QStringLiteral("taken")));
        SandboxApiPanel panel(&store);
        QSignalSpy status(&panel, &SandboxApiPanel::statusChanged);
        panel.portBox()->setValue(taken.serverPort());
        panel.enableBox()->setChecked(true);
        QVERIFY(!panel.api());
        QVERIFY(!status.isEmpty());
        QVERIFY(panel.statusLabel()->text().contains(QString::number(taken.serverPort())));
        QVERIFY(panel.curlField()->text().isEmpty());
    }

    void theSettingIsKeptForTheNextStart()
    {
        MailStore store(m_dir.filePath(QStringLiteral("kept")));
        {
            SandboxApiPanel panel(&store);
            panel.portBox()->setValue(0);
            panel.tokenField()->setText(QStringLiteral("kept-token"));
            panel.enableBox()->setChecked(true);
            QVERIFY(panel.api());
        }
        SandboxApiPanel again(&store);
        QVERIFY(again.enableBox()->isChecked());
        QCOMPARE(again.portBox()->value(), 0);
        QCOMPARE(again.tokenField()->text(), QStringLiteral("kept-token"));
        QVERIFY2(again.api(), qPrintable(again.statusLabel()->text()));
        QCOMPARE(get(again.url() + QStringLiteral("/api/v1/messages"), "kept-token").first, 200);
    }

    void withoutAStoreItSaysWhy()
    {
        SandboxApiPanel panel(nullptr);
        panel.enableBox()->setChecked(true);
        QVERIFY(!panel.api());
        QVERIFY(!panel.statusLabel()->text().isEmpty());
    }
};

QTEST_MAIN(TestSandboxApiPanel)
#include "tst_sandboxapipanel.moc"
