// `postwire probe` run as a program against the scripted fake server: exit codes, the
// readable report, and the JSON document parsed back.
#include "fakesmtpserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTcpServer>
#include <QUdpSocket>
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

// Answers MX questions over UDP on port 53 of a random loopback address (Qt 6.4's QDnsLookup
// asks port 53 only), from a table: a name maps to its MX records, "0 ." being a null MX; a
// name with no records gets an empty answer, any other name NXDOMAIN.
class MxResponder : public QObject
{
public:
    using Records = QList<std::pair<int, QByteArray>>; // preference, exchange
    explicit MxResponder(const QHash<QByteArray, Records> &zone)
        : m_zone(zone)
    {
        for (int attempt = 0; attempt < 20 && m_address.isNull(); ++attempt) {
            const QHostAddress candidate(
                quint32(0x7f000000 | (QRandomGenerator::global()->bounded(1, 0xfffe) << 8) | 2));
            if (m_socket.bind(candidate, 53))
                m_address = candidate;
        }
        connect(&m_socket, &QUdpSocket::readyRead, this, &MxResponder::answer);
    }
    QHostAddress address() const { return m_address; }

private:
    static QByteArray encodeName(const QByteArray &name)
    {
        QByteArray out;
        for (const QByteArray &label : name.split('.')) {
            if (!label.isEmpty())
                out += char(label.size()) + label;
        }
        return out + '\0';
    }
    static void put16(QByteArray &out, int v) { out += char(v >> 8), out += char(v & 0xff); }

    void answer()
    {
        while (m_socket.hasPendingDatagrams()) {
            QHostAddress from;
            quint16 port = 0;
            QByteArray q(int(m_socket.pendingDatagramSize()), '\0');
            m_socket.readDatagram(q.data(), q.size(), &from, &port);
            if (q.size() < 17)
                continue;
            // The question: labels from offset 12 up to the zero byte, then type and class.
            QByteArray name;
            int i = 12;
            while (i < q.size() && q[i] != 0) {
                const int len = quint8(q[i]);
                name += (name.isEmpty() ? QByteArray() : QByteArray(".")) + q.mid(i + 1, len);
                i += len + 1;
            }
            const QByteArray question = q.mid(12, i + 5 - 12);
            const int type = (quint8(q[i + 1]) << 8) | quint8(q[i + 2]);
            const bool known = m_zone.contains(name.toLower());
            const Records records = type == 15 ? m_zone.value(name.toLower()) : Records();
            // A name without MX records has the address 127.0.0.1 (an implicit MX).
            const bool address = type == 1 && known && m_zone.value(name.toLower()).isEmpty();
            QByteArray r = q.left(2);
            put16(r, known ? 0x8580 : 0x8583); // response, authoritative, RD+RA; NXDOMAIN
            put16(r, 1);
            put16(r, int(records.size()) + (address ? 1 : 0));
            put16(r, 0);
            put16(r, 0);
            r += question;
            for (const auto &[preference, exchange] : records) {
                put16(r, 0xc00c);
                put16(r, 15); // MX
                put16(r, 1);  // IN
                put16(r, 0);
                put16(r, 300); // TTL
                const QByteArray data = encodeName(exchange);
                put16(r, int(data.size()) + 2);
                put16(r, preference);
                r += data;
            }
            if (address) {
                put16(r, 0xc00c);
                put16(r, 1); // A
                put16(r, 1);
                put16(r, 0);
                put16(r, 300);
                put16(r, 4);
                r += QByteArray("\x7f\x00\x00\x01", 4);
            }
            m_socket.writeDatagram(r, from, port);
        }
    }

    QHash<QByteArray, Records> m_zone;
    QUdpSocket m_socket;
    QHostAddress m_address;
};

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

    // --mx: every MX in preference order, a report for each; the first that cannot be reached
    // decides the status. NXDOMAIN and a null MX end before any connection.
    void mx()
    {
        FakeSmtpServer server(Greet + QStringLiteral("S: 250-fake\nS: 250 PIPELINING\n") + Quit);
        QVERIFY(server.listen());
        MxResponder dns({{"example.test", {{20, "127.0.0.1"}, {10, "localhost"}}},
                         {"null.test", {{0, "."}}},
                         {"bare.test", {}}});
        if (dns.address().isNull())
            QSKIP("cannot bind port 53 on a loopback address here");
        const QStringList common{QStringLiteral("--dns-server"), dns.address().toString(),
                                 QStringLiteral("--port"),       QString::number(server.port()),
                                 QStringLiteral("--helo"),       QStringLiteral("probe.example"),
                                 QStringLiteral("--timeout"),    QStringLiteral("2"),
                                 QStringLiteral("--json")};
        Outcome o =
            run(QStringList{QStringLiteral("--mx"), QStringLiteral("example.test")} + common);
        QJsonObject json = QJsonDocument::fromJson(o.out).object();
        QVERIFY2(!json.isEmpty(), qPrintable(o.err + QString::fromUtf8(o.out)));
        QCOMPARE(json.value(QStringLiteral("domain")).toString(), QStringLiteral("example.test"));
        const QJsonArray mx = json.value(QStringLiteral("mx")).toArray();
        QCOMPARE(mx.size(), 2);
        QCOMPARE(mx[0][QStringLiteral("host")].toString(), QStringLiteral("localhost"));
        QCOMPARE(mx[1][QStringLiteral("preference")].toInt(), 20);
        const QJsonArray reports = json.value(QStringLiteral("reports")).toArray();
        QCOMPARE(reports.size(), 2);
        QCOMPARE(reports[0][QStringLiteral("host")].toString(), QStringLiteral("localhost"));
        QCOMPARE(reports[1][QStringLiteral("host")].toString(), QStringLiteral("127.0.0.1"));
        // One scripted server, one session: the first MX got it, the second could not connect
        // (the server takes one connection) or ran; either way each has a report.
        QVERIFY(reports[0][QStringLiteral("completed")].toBool() ||
                reports[1][QStringLiteral("completed")].toBool());

        o = run(QStringList{QStringLiteral("--mx"), QStringLiteral("null.test")} + common);
        QCOMPARE(o.exitCode, 16);
        json = QJsonDocument::fromJson(o.out).object();
        QVERIFY(
            json.value(QStringLiteral("dnsError")).toString().contains(QStringLiteral("null MX")));
        QVERIFY(json.value(QStringLiteral("reports")).toArray().isEmpty());

        o = run(QStringList{QStringLiteral("--mx"), QStringLiteral("nowhere.test")} + common);
        QCOMPARE(o.exitCode, 16);
        QVERIFY(
            !QJsonDocument::fromJson(o.out).object().value(QStringLiteral("dnsError")).isNull());

        // No MX at all: the domain itself is its mail server (RFC 5321 section 5.1).
        o = run(QStringList{QStringLiteral("--mx"), QStringLiteral("bare.test")} + common);
        json = QJsonDocument::fromJson(o.out).object();
        QVERIFY2(json.value(QStringLiteral("implicitMx")).toBool(), o.out.constData());
        QCOMPARE(json.value(QStringLiteral("reports"))[0][QStringLiteral("host")].toString(),
                 QStringLiteral("bare.test"));

        // Readable: the MX line first.
        o = run(QStringList{QStringLiteral("--mx"), QStringLiteral("null.test"),
                            QStringLiteral("--dns-server"), dns.address().toString()});
        QVERIFY2(QString::fromUtf8(o.out).contains(QStringLiteral("takes no mail")),
                 o.out.constData());

        QCOMPARE(
            run({QStringLiteral("--mx"), QStringLiteral("a.test"), QStringLiteral("b.example")})
                .exitCode,
            2);
        QCOMPARE(run({QStringLiteral("a.example"), QStringLiteral("--port"), QStringLiteral("25")})
                     .exitCode,
                 2);
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
