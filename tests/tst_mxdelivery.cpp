// Direct delivery to the recipient's MX, against a real DNS server (tests/support/dns_server.py,
// python3-dnslib on port 53 of a loopback address) and scripted SMTP servers on the mx port.
#include "delivery/mxdelivery.h"

#include "buffermessagesource.h"
#include "dnsserverprocess.h"
#include "fakesmtpserver.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

using Outcome = DomainDelivery::Outcome;

namespace {

const QByteArray Message = "From: ana@sender.test\r\nSubject: hi\r\n\r\nhello\r\n";

// An SMTP server that takes the message for these recipients.
QString accepting(const QStringList &recipients)
{
    QString s = QStringLiteral("S: 220 mx.test ESMTP\nC: EHLO test.example\nS: 250 mx.test\n"
                               "C: MAIL FROM:<ana@sender.test>\nS: 250 ok\n");
    for (const QString &r : recipients)
        s += QStringLiteral("C: RCPT TO:<%1>\nS: 250 ok\n").arg(r);
    return s + QStringLiteral("C: DATA\nS: 354 go\nD:\nS: 250 2.0.0 queued as Q1\n"
                              "C: QUIT\nS: 221 bye\n");
}

// A loopback address with nothing listening on the port (nothing binds 127.66.x.y here).
QString nowhere()
{
    return QStringLiteral("127.66.%1.%2")
        .arg(QRandomGenerator::global()->bounded(256))
        .arg(QRandomGenerator::global()->bounded(2, 254));
}

struct Run
{
    MxDelivery delivery;
    QList<TranscriptEntry> transcript;
    QStringList domainsStarted;
    std::optional<MxDeliveryResult> result;
    BufferMessageSource source{Message};

    Run()
    {
        QObject::connect(&delivery, &MxDelivery::transcriptEntry,
                         [this](const TranscriptEntry &e) { transcript << e; });
        QObject::connect(&delivery, &MxDelivery::domainStarted,
                         [this](const QString &d) { domainsStarted << d; });
        QObject::connect(&delivery, &MxDelivery::finished,
                         [this](const MxDeliveryResult &r) { result = r; });
    }
    void send(const QHostAddress &dns, quint16 port, const QStringList &recipients,
              int dnsTimeoutMs = 5000)
    {
        MxDeliverySettings s;
        s.dnsServer = dns;
        s.port = port;
        s.dnsTimeoutMs = dnsTimeoutMs;
        s.smtp.heloName = QStringLiteral("test.example");
        s.smtp.timeouts = SmtpTimeouts::uniform(5000);
        Envelope e;
        e.sender = QStringLiteral("ana@sender.test");
        e.recipients = recipients;
        delivery.send(s, e, &source);
    }
    QString text() const
    {
        QStringList lines;
        for (const TranscriptEntry &e : transcript)
            lines << e.toPlainText();
        return lines.join(QLatin1Char('\n'));
    }
    int indexOf(const QString &needle) const
    {
        for (int i = 0; i < transcript.size(); ++i) {
            if (transcript[i].text.contains(needle))
                return i;
        }
        return -1;
    }
};

} // namespace

class TestMxDelivery : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<DnsServerProcess> m_dns;
    // Starts the DNS server with these records; false (the test skips or fails) when it cannot.
    bool startDns(const QStringList &records);

private Q_SLOTS:
    void initTestCase();
    void preferenceOrder_data();
    void preferenceOrder();
    void equalPreferencesShuffled();
    void groupByDomain();
    void nextMxWhenRefusedOrBusy_data();
    void nextMxWhenRefusedOrBusy();
    void addressFallbackWithoutMx();
    void nullMx();
    void dnsFailures_data();
    void dnsFailures();
    void recipientsGroupedByDomain();
};

void TestMxDelivery::initTestCase()
{
    // A resolver that gives up after one try of one second: a server that never answers ends
    // the lookup quickly, and Qt's resolver thread is not left waiting when the test ends.
    qputenv("RES_OPTIONS", "timeout:1 attempts:1");
}

bool TestMxDelivery::startDns(const QStringList &records)
{
    m_dns = std::make_unique<DnsServerProcess>();
    m_dns->start(records);
    if (!QTest::qWaitFor([this] { return m_dns->isReady() || m_dns->failed(); }, 10000))
        return false;
    return m_dns->isReady();
}

#define START_DNS(records)                                                                         \
    do {                                                                                           \
        if (!startDns(records)) {                                                                  \
            if (m_dns->notPermitted())                                                             \
                QSKIP(m_dns->errors().constData());                                                \
            QFAIL(QByteArray("the DNS server did not start: " + m_dns->errors()).constData());     \
        }                                                                                          \
    } while (false)

void TestMxDelivery::preferenceOrder_data()
{
    QTest::addColumn<QList<int>>("preferences");
    QTest::addColumn<QList<int>>("expected");
    QTest::newRow("sorted") << QList<int>{10, 20, 30} << QList<int>{10, 20, 30};
    QTest::newRow("reversed") << QList<int>{30, 20, 10} << QList<int>{10, 20, 30};
    QTest::newRow("ties") << QList<int>{20, 5, 20, 0} << QList<int>{0, 5, 20, 20};
}

void TestMxDelivery::preferenceOrder()
{
    QFETCH(QList<int>, preferences);
    QFETCH(QList<int>, expected);
    QList<MxHost> hosts;
    for (int p : preferences)
        hosts << MxHost{QStringLiteral("mx%1").arg(p), quint16(p), 300, false, {}};
    QRandomGenerator random(7);
    QList<int> got;
    for (const MxHost &h : MxResolver::inPreferenceOrder(hosts, &random))
        got << h.preference;
    QCOMPARE(got, expected);
}

void TestMxDelivery::equalPreferencesShuffled()
{
    // RFC 5321 section 5.1: equal preferences in random order, so load spreads over them.
    const QList<MxHost> hosts{{QStringLiteral("a"), 10, 1, false, {}},
                              {QStringLiteral("b"), 10, 1, false, {}},
                              {QStringLiteral("c"), 5, 1, false, {}}};
    QSet<QString> firstOfTies;
    for (quint32 seed = 1; seed <= 64; ++seed) {
        QRandomGenerator random(seed);
        const QList<MxHost> order = MxResolver::inPreferenceOrder(hosts, &random);
        QCOMPARE(order.first().name, QStringLiteral("c"));
        firstOfTies << order.at(1).name;
    }
    QCOMPARE(firstOfTies, (QSet<QString>{QStringLiteral("a"), QStringLiteral("b")}));
}

void TestMxDelivery::groupByDomain()
{
    Envelope e;
    e.sender = QStringLiteral("ana@sender.test");
    e.recipients = {QStringLiteral("a@one.test"), QStringLiteral("b@two.test"),
                    QStringLiteral("c@ONE.test")};
    e.recipientFields = {CommandOrigin::Source::To, CommandOrigin::Source::Cc,
                         CommandOrigin::Source::Bcc};
    const auto groups = MxDelivery::groupByDomain(e);
    QCOMPARE(groups.size(), 2);
    QCOMPARE(groups[0].domain, QStringLiteral("one.test"));
    QCOMPARE(groups[0].envelope.recipients,
             (QStringList{QStringLiteral("a@one.test"), QStringLiteral("c@ONE.test")}));
    QCOMPARE(groups[0].envelope.recipientFields,
             (QList<CommandOrigin::Source>{CommandOrigin::Source::To, CommandOrigin::Source::Bcc}));
    QCOMPARE(groups[0].envelope.sender, e.sender);
    QCOMPARE(groups[1].domain, QStringLiteral("two.test"));
    QCOMPARE(groups[1].envelope.recipients, QStringList{QStringLiteral("b@two.test")});
}

void TestMxDelivery::nextMxWhenRefusedOrBusy_data()
{
    QTest::addColumn<QString>("firstServer"); // empty: nothing listens there
    QTest::addColumn<QString>("why");
    QTest::newRow("connection refused") << QString() << QStringLiteral("cannot connect");
    QTest::newRow("greeting 421") << QStringLiteral("S: 421 4.3.2 mx1 busy, try later\nX:")
                                  << QStringLiteral("421 4.3.2 mx1 busy");
    QTest::newRow("greeting 450") << QStringLiteral("S: 450 not now\nC: QUIT\nS: 221 bye\n")
                                  << QStringLiteral("450 not now");
}

void TestMxDelivery::nextMxWhenRefusedOrBusy()
{
    QFETCH(QString, firstServer);
    QFETCH(QString, why);
    // mx2 (preference 20) listens on 127.0.0.1; mx1 (preference 10) on another loopback
    // address and the same port, or nothing listens there.
    FakeSmtpServer second(accepting({QStringLiteral("bo@example.test")}));
    QVERIFY(second.listen());
    const quint16 port = second.port();
    const QString firstAddress = nowhere();
    std::unique_ptr<FakeSmtpServer> first;
    if (!firstServer.isEmpty()) {
        first = std::make_unique<FakeSmtpServer>(firstServer);
        QVERIFY2(first->listen(QHostAddress(firstAddress), port), qPrintable(first->report()));
    }
    START_DNS((QStringList{
        QStringLiteral("example.test. MX 3600 20 mx2.example.test."),
        QStringLiteral("example.test. MX 3600 10 mx1.example.test."),
        QStringLiteral("mx1.example.test. A 300 %1").arg(firstAddress),
        QStringLiteral("mx2.example.test. A 300 127.0.0.1"),
    }));
    Run run;
    run.send(m_dns->address(), port, {QStringLiteral("bo@example.test")});
    QTRY_VERIFY_WITH_TIMEOUT(run.result.has_value(), 15000);
    const DomainDelivery d = run.result->domains.value(0);
    QCOMPARE(d.outcome, Outcome::Delivered);
    QCOMPARE(d.host, QStringLiteral("mx2.example.test"));
    QCOMPARE(d.attempts.size(), 1);
    QVERIFY2(d.attempts[0].startsWith(QStringLiteral("mx1.example.test (%1)").arg(firstAddress)),
             qPrintable(d.attempts[0]));
    QVERIFY2(d.attempts[0].contains(why), qPrintable(d.attempts[0]));
    QVERIFY2(second.report().isEmpty(), qPrintable(second.report()));
    if (first)
        QCOMPARE(first->connectionCount(), 1);
    // The DNS steps, each answer with its preference and TTL, come before the sessions, and
    // mx1 is tried before mx2.
    const QString text = run.text();
    QVERIFY2(text.contains(QStringLiteral("DNS: MX example.test? (asking the DNS server %1)")
                               .arg(m_dns->address().toString())),
             qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("DNS: example.test MX 10 mx1.example.test (TTL 3600 s)")),
             qPrintable(text));
    QVERIFY2(
        text.contains(QStringLiteral("DNS: mx1.example.test A %1 (TTL 300 s)").arg(firstAddress)),
        qPrintable(text));
    const int tryFirst = run.indexOf(QStringLiteral("trying mx1.example.test"));
    const int trySecond = run.indexOf(QStringLiteral("trying mx2.example.test"));
    QVERIFY(tryFirst > 0);
    QVERIFY2(trySecond > tryFirst, qPrintable(text));
    // The time of the lookup is on its last answer line, like a server's latency.
    const int answer = run.indexOf(QStringLiteral("example.test MX 20 mx2.example.test"));
    const int lastAnswer = std::max(answer, run.indexOf(QStringLiteral("MX 10 mx1")));
    QCOMPARE(run.transcript[lastAnswer].direction, TranscriptEntry::Direction::Dns);
    QVERIFY(run.transcript[lastAnswer].latencyMs >= 0);
    QCOMPARE(run.domainsStarted, QStringList{QStringLiteral("example.test")});
}

void TestMxDelivery::addressFallbackWithoutMx()
{
    FakeSmtpServer server(accepting({QStringLiteral("bo@plain.test")}));
    QVERIFY(server.listen());
    START_DNS((QStringList{QStringLiteral("plain.test. A 60 127.0.0.1")}));
    Run run;
    run.send(m_dns->address(), server.port(), {QStringLiteral("bo@plain.test")});
    QTRY_VERIFY_WITH_TIMEOUT(run.result.has_value(), 15000);
    const DomainDelivery d = run.result->domains.value(0);
    QCOMPARE(d.outcome, Outcome::Delivered);
    QCOMPARE(d.host, QStringLiteral("plain.test"));
    QVERIFY2(server.report().isEmpty(), qPrintable(server.report()));
    const QString text = run.text();
    QVERIFY2(
        text.contains(QStringLiteral("plain.test has no MX records: the domain's own address")),
        qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("DNS: plain.test A 127.0.0.1 (TTL 60 s)")),
             qPrintable(text));
    QVERIFY(m_dns->queries().contains(QStringLiteral("plain.test. MX")));
}

void TestMxDelivery::nullMx()
{
    FakeSmtpServer server(accepting({QStringLiteral("bo@nomail.test")}));
    QVERIFY(server.listen());
    START_DNS((QStringList{QStringLiteral("nomail.test. MX 3600 0 ."),
                           QStringLiteral("nomail.test. A 60 127.0.0.1")}));
    Run run;
    run.send(m_dns->address(), server.port(), {QStringLiteral("bo@nomail.test")});
    QTRY_VERIFY_WITH_TIMEOUT(run.result.has_value(), 15000);
    const DomainDelivery d = run.result->domains.value(0);
    QCOMPARE(d.outcome, Outcome::NoMail);
    QVERIFY2(d.message.contains(QStringLiteral("nomail.test takes no mail")),
             qPrintable(d.message));
    QVERIFY2(d.message.contains(QStringLiteral("nothing was sent")), qPrintable(d.message));
    QCOMPARE(server.connectionCount(), 0);
    QCOMPARE(d.recipientResults.size(), 1);
    QVERIFY(!d.recipientResults[0].accepted);
    QVERIFY(!run.result->anyDelivered());
}

void TestMxDelivery::dnsFailures_data()
{
    QTest::addColumn<QString>("domain");
    QTest::addColumn<int>("dnsTimeoutMs");
    QTest::addColumn<QString>("expected");
    QTest::newRow("NXDOMAIN") << QStringLiteral("missing.test") << 5000
                              << QStringLiteral("no such domain (NXDOMAIN)");
    QTest::newRow("no MX and no address")
        << QStringLiteral("empty.test") << 5000
        << QStringLiteral("empty.test has no MX records and no address (A or AAAA)");
    QTest::newRow("SERVFAIL") << QStringLiteral("broken.test") << 5000
                              << QStringLiteral("server failure (SERVFAIL)");
    // The resolver gives up after its one second (RES_OPTIONS)...
    QTest::newRow("resolver times out")
        << QStringLiteral("silent.test") << 5000 << QStringLiteral("timeout");
    // ...or Postwire's own limit ends the wait first.
    QTest::newRow("own timeout") << QStringLiteral("silent.test") << 300
                                 << QStringLiteral("timeout");
}

void TestMxDelivery::dnsFailures()
{
    QFETCH(QString, domain);
    QFETCH(int, dnsTimeoutMs);
    QFETCH(QString, expected);
    START_DNS((QStringList{QStringLiteral("empty.test. TXT 60 \"no mail here\""),
                           QStringLiteral("broken.test. SERVFAIL"),
                           QStringLiteral("silent.test. SILENT")}));
    Run run;
    run.send(m_dns->address(), 25, {QStringLiteral("bo@%1").arg(domain)}, dnsTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(run.result.has_value(), 15000);
    const DomainDelivery d = run.result->domains.value(0);
    QCOMPARE(d.outcome, Outcome::DnsFailed);
    QVERIFY2(d.message.contains(expected), qPrintable(d.message));
    // Named per domain, with the resolver asked.
    QVERIFY2(d.message.contains(domain), qPrintable(d.message));
    QVERIFY2(d.message.contains(m_dns->address().toString()), qPrintable(d.message));
    QCOMPARE(d.resolver, QStringLiteral("the DNS server %1").arg(m_dns->address().toString()));
    QVERIFY(run.indexOf(QStringLiteral("connecting")) < 0);
}

void TestMxDelivery::recipientsGroupedByDomain()
{
    // one.test's MX is 127.0.0.1, two.test's another loopback address on the same port: each
    // server must see its own domain's recipients only, in one session.
    FakeSmtpServer one(accepting({QStringLiteral("a@one.test"), QStringLiteral("c@one.test")}));
    QVERIFY(one.listen());
    const QString twoAddress = nowhere();
    FakeSmtpServer two(accepting({QStringLiteral("b@two.test")}));
    QVERIFY2(two.listen(QHostAddress(twoAddress), one.port()), qPrintable(two.report()));
    START_DNS((QStringList{QStringLiteral("one.test. MX 600 10 mx.one.test."),
                           QStringLiteral("mx.one.test. A 600 127.0.0.1"),
                           QStringLiteral("two.test. MX 600 10 mx.two.test."),
                           QStringLiteral("mx.two.test. A 600 %1").arg(twoAddress)}));
    Run run;
    run.send(
        m_dns->address(), one.port(),
        {QStringLiteral("a@one.test"), QStringLiteral("b@two.test"), QStringLiteral("c@one.test")});
    QTRY_VERIFY_WITH_TIMEOUT(run.result.has_value(), 15000);
    QCOMPARE(run.domainsStarted,
             (QStringList{QStringLiteral("one.test"), QStringLiteral("two.test")}));
    QCOMPARE(run.result->domains.size(), 2);
    QCOMPARE(run.result->domains[0].outcome, Outcome::Delivered);
    QCOMPARE(run.result->domains[0].recipientResults.size(), 2);
    QVERIFY(run.result->domains[0].recipientResults[1].accepted);
    QCOMPARE(run.result->domains[1].outcome, Outcome::Delivered);
    QCOMPARE(run.result->domains[1].host, QStringLiteral("mx.two.test"));
    QVERIFY2(one.report().isEmpty(), qPrintable(one.report()));
    QVERIFY2(two.report().isEmpty(), qPrintable(two.report()));
    QCOMPARE(one.connectionCount(), 1);
    QCOMPARE(two.connectionCount(), 1);
    QVERIFY(run.result->allDelivered());
}

QTEST_GUILESS_MAIN(TestMxDelivery)
#include "tst_mxdelivery.moc"
