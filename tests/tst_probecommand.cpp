// `postwire probe` run as a program against the scripted fake server: exit codes, the
// readable report, and the JSON document parsed back.
#include "fakesmtpserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QtTest>

namespace {

const QString Greet = QStringLiteral("S: 220 fake ESMTP\nC: EHLO probe.example\n");
const QString Quit = QStringLiteral("C: QUIT\nS: 221 bye\n");

QString certs(const QString &name)
{
    return QStringLiteral(POSTWIRE_TEST_CERTS "/") + name;
}

// A port on loopback where nothing listens.
quint16 closedPort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost);
    return server.serverPort();
}

} // namespace

class TestProbeCommand : public QObject
{
    Q_OBJECT
private:
    struct Outcome
    {
        int exitCode = -1;
        QByteArray out;
        QString err;
    };

    Outcome run(const QStringList &arguments)
    {
        QProcess process;
        process.start(QStringLiteral(POSTWIRE_BINARY),
                      QStringList{QStringLiteral("probe")} + arguments);
        QSignalSpy finished(&process, &QProcess::finished);
        [&] { QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, 30000); }();
        return {process.exitCode(), process.readAllStandardOutput(),
                QString::fromUtf8(process.readAllStandardError())};
    }

    static QStringList base(quint16 port)
    {
        return {QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("--helo"),
                QStringLiteral("probe.example"), QStringLiteral("--timeout"), QStringLiteral("2")};
    }

private Q_SLOTS:
    void exitCodes_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("outputContains");

        QTest::newRow("checked") << Greet + QStringLiteral("S: 250-fake\nS: 250 PIPELINING\n") +
                                        Quit
                                 << QStringList() << 0 << QStringLiteral("No 8BITMIME");
        QTest::newRow("greeting refused") << QStringLiteral("S: 554 go away\nC: QUIT\nS: 221 bye\n")
                                          << QStringList() << 4 << QStringLiteral("554 go away");
        QTest::newRow("never greets") << QStringLiteral("W: 10000\n") << QStringList() << 4
                                      << QStringLiteral("stopped at the greeting");
        QTest::newRow("STARTTLS required, not offered")
            << Greet + QStringLiteral("S: 250 fake\n") + Quit
            << QStringList{QStringLiteral("--security"), QStringLiteral("starttls")} << 5
            << QStringLiteral("STARTTLS");
        QTest::newRow("dropped after EHLO: the check ran, the report says where")
            << Greet + QStringLiteral("X:\n") << QStringList() << 0
            << QStringLiteral("stopped at the introduction (EHLO)");
    }

    void exitCodes()
    {
        QFETCH(QString, scenario);
        QFETCH(QStringList, extra);
        QFETCH(int, exitCode);
        QFETCH(QString, outputContains);
        FakeSmtpServer server(scenario);
        QVERIFY(server.listen());
        const Outcome o = run(base(server.port()) + extra);
        QVERIFY2(o.exitCode == exitCode,
                 qPrintable(QString::number(o.exitCode) + o.err + QString::fromUtf8(o.out)));
        QVERIFY2(QString::fromUtf8(o.out).contains(outputContains), o.out.constData());
        QVERIFY2(server.mismatches().isEmpty(), qPrintable(server.report()));
    }

    void cannotConnect()
    {
        const Outcome o = run(base(closedPort()) + QStringList{QStringLiteral("--json")});
        QCOMPARE(o.exitCode, 3);
        const QJsonObject json = QJsonDocument::fromJson(o.out).object();
        QCOMPARE(json.value(QStringLiteral("connected")).toBool(true), false);
        QCOMPARE(json.value(QStringLiteral("stopped"))[QStringLiteral("step")].toString(),
                 QStringLiteral("Connecting"));
    }

    void badOptions_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("named");
        QTest::newRow("no host") << QStringList() << "HOST";
        QTest::newRow("two hosts")
            << QStringList{QStringLiteral("a.example"), QStringLiteral("b.example")} << "HOST";
        QTest::newRow("port 0") << QStringList{QStringLiteral("a.example:0")} << "HOST";
        QTest::newRow("bad security")
            << QStringList{QStringLiteral("a.example"), QStringLiteral("--security"),
                           QStringLiteral("maybe")}
            << "--security";
        QTest::newRow("bad timeout")
            << QStringList{QStringLiteral("a.example"), QStringLiteral("--timeout"),
                           QStringLiteral("soon")}
            << "--timeout";
        QTest::newRow("unreadable CA file")
            << QStringList{QStringLiteral("a.example"), QStringLiteral("--ca-file"),
                           QStringLiteral("/nonexistent.pem")}
            << "--ca-file";
        QTest::newRow("HELO with a space")
            << QStringList{QStringLiteral("a.example"), QStringLiteral("--helo"),
                           QStringLiteral("two words")}
            << "--helo";
        QTest::newRow("unknown option")
            << QStringList{QStringLiteral("--frobnicate")} << "frobnicate";
    }

    void badOptions()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, named);
        const Outcome o = run(arguments);
        QCOMPARE(o.exitCode, 2);
        QVERIFY2(o.err.contains(named), qPrintable(o.err));
        QVERIFY(o.out.isEmpty());
    }

    // STARTTLS with a self-signed certificate, all in one JSON document a script can read.
    void jsonDocument()
    {
        FakeSmtpServer server(
            Greet +
            QStringLiteral("S: 250-fake\nS: 250-AUTH PLAIN\nS: 250-SIZE 1048576\nS: 250 STARTTLS\n"
                           "C: STARTTLS\nS: 220 go\nT:\nC: EHLO probe.example\nS: 250-fake\n"
                           "S: 250-AUTH PLAIN LOGIN\nS: 250-SIZE 1048576\nS: 250 PIPELINING\n") +
            Quit);
        server.setCertificate(certs(QStringLiteral("selfsigned.pem")),
                              certs(QStringLiteral("selfsigned.key")));
        QVERIFY(server.listen());
        const Outcome o = run(base(server.port()) + QStringList{QStringLiteral("--json")});
        QCOMPARE(o.exitCode, 0);
        QJsonParseError error;
        const QJsonObject json = QJsonDocument::fromJson(o.out, &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, o.out.constData());
        QCOMPARE(json.value(QStringLiteral("host")).toString(), QStringLiteral("127.0.0.1"));
        QCOMPARE(json.value(QStringLiteral("port")).toInt(), int(server.port()));
        QCOMPARE(json.value(QStringLiteral("completed")).toBool(), true);
        QCOMPARE(json.value(QStringLiteral("greeting"))[QStringLiteral("lines")].toArray(),
                 QJsonArray{QStringLiteral("220 fake ESMTP")});
        const QJsonObject ext = json.value(QStringLiteral("extensions")).toObject();
        QCOMPARE(ext.value(QStringLiteral("addedByTls")).toArray(),
                 QJsonArray{QStringLiteral("PIPELINING")});
        QCOMPARE(ext.value(QStringLiteral("removedByTls")).toArray(),
                 QJsonArray{QStringLiteral("STARTTLS")});
        QCOMPARE(json.value(QStringLiteral("auth"))[QStringLiteral("afterTls")].toArray(),
                 (QJsonArray{QStringLiteral("PLAIN"), QStringLiteral("LOGIN")}));
        QCOMPARE(json.value(QStringLiteral("size"))[QStringLiteral("text")].toString(),
                 QStringLiteral("1.0 MB"));
        const QJsonObject tls = json.value(QStringLiteral("tls")).toObject();
        QCOMPARE(tls.value(QStringLiteral("active")).toBool(), true);
        QCOMPARE(tls.value(QStringLiteral("verified")).toBool(true), false);
        QVERIFY(!tls.value(QStringLiteral("problems")).toArray().isEmpty());
        const QJsonObject leaf = tls.value(QStringLiteral("chain"))[0].toObject();
        QCOMPARE(leaf.value(QStringLiteral("keyType")).toString(), QStringLiteral("EC"));
        QCOMPARE(leaf.value(QStringLiteral("selfSigned")).toBool(), true);
        QStringList ids;
        for (const QJsonValue &f : json.value(QStringLiteral("findings")).toArray())
            ids << f[QStringLiteral("id")].toString();
        QVERIFY2(ids.contains(QStringLiteral("certificate-not-verified")),
                 qPrintable(ids.join(' ')));
        QVERIFY(ids.contains(QStringLiteral("auth-before-tls")));
        QVERIFY(!ids.contains(QStringLiteral("no-pipelining")));
        QStringList steps;
        for (const QJsonValue &s : json.value(QStringLiteral("steps")).toArray())
            steps << s[QStringLiteral("step")].toString();
        QCOMPARE(steps.join(QLatin1Char(' ')),
                 QStringLiteral("connect greeting ehlo starttls tls ehlo-tls quit"));
        QVERIFY2(server.mismatches().isEmpty(), qPrintable(server.report()));

        // The same check trusted through --ca-file? The self-signed certificate is its own CA.
        FakeSmtpServer again(
            Greet +
            QStringLiteral("S: 250-fake\nS: 250 STARTTLS\nC: STARTTLS\nS: 220 go\nT:\n"
                           "C: EHLO probe.example\nS: 250 fake\n") +
            Quit);
        again.setCertificate(certs(QStringLiteral("server.pem")),
                             certs(QStringLiteral("server.key")));
        QVERIFY(again.listen());
        QStringList args = base(again.port());
        args[0] = QStringLiteral("localhost:%1").arg(again.port());
        const Outcome trusted =
            run(args + QStringList{QStringLiteral("--ca-file"), certs(QStringLiteral("ca.pem"))});
        QCOMPARE(trusted.exitCode, 0);
        QVERIFY2(QString::fromUtf8(trusted.out)
                     .contains(QStringLiteral("certificate verifies for localhost")),
                 trusted.out.constData());
    }

    void readableReport()
    {
        FakeSmtpServer server(Greet +
                              QStringLiteral("S: 250-fake\nS: 250-SIZE 35882577\n"
                                             "S: 250 8BITMIME\n") +
                              Quit);
        QVERIFY(server.listen());
        const Outcome o = run(base(server.port()));
        QCOMPARE(o.exitCode, 0);
        const QString out = QString::fromUtf8(o.out);
        for (const char *part : {"FINDINGS", "GREETING", "EXTENSIONS", "TLS", "STEPS", "34.2 MB",
                                 "No PIPELINING", "(RFC 2920)", "220 fake ESMTP"})
            QVERIFY2(out.contains(QLatin1String(part)),
                     qPrintable(part + QStringLiteral(" in ") + out));
    }
};

QTEST_GUILESS_MAIN(TestProbeCommand)
#include "tst_probecommand.moc"
