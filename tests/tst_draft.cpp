// Draft conversions, the one place a draft and a message meet: a mailto: URL (RFC 6068) into
// a draft, an .eml saved and opened again keeps the headers the form cannot show, and Bcc
// reaches the envelope but never a header of the message sent.
#include "account/draft.h"
#include "mime/emlparser.h"
#include "mime/emlwriter.h"
#include "mime/mimemessagesource.h"
#include "smtp/capabilities.h"

#include <QTemporaryDir>
#include <QtTest>

Q_DECLARE_METATYPE(CarriedHeaders)

namespace {

QStringList addresses(const QList<Mailbox> &mailboxes)
{
    QStringList out;
    for (const Mailbox &m : mailboxes)
        out << m.address;
    return out;
}

// The bytes a server would receive for this message.
QByteArray sentBytes(const Message &message)
{
    MimeMessageSource source(message);
    QString error;
    QIODevice *device = source.open(Capabilities(), &error);
    if (!device)
        qWarning("cannot write the message: %s", qPrintable(error));
    return device ? device->readAll() : QByteArray();
}

QByteArray headerOf(const QByteArray &bytes)
{
    const qsizetype end = bytes.indexOf("\r\n\r\n");
    return end < 0 ? bytes : bytes.left(end + 2);
}

} // namespace

class TestDraft : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void mailto_data();
    void mailto();
    void emlRoundTripKeepsCarriedHeaders_data();
    void emlRoundTripKeepsCarriedHeaders();
    void bccNeverBecomesAHeader_data();
    void bccNeverBecomesAHeader();
};

void TestDraft::mailto_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("applied");
    QTest::addColumn<QStringList>("to");
    QTest::addColumn<QStringList>("cc");
    QTest::addColumn<QStringList>("bcc");
    QTest::addColumn<QString>("subject"); // the draft had "Old subject"
    QTest::addColumn<QString>("body");    // the draft had "Old body"

    const QString oldSubject = QStringLiteral("Old subject");
    const QString oldBody = QStringLiteral("Old body");
    const QStringList none;
    QTest::newRow("address only: subject and body stay")
        << "mailto:ana@example.org" << true << QStringList{"ana@example.org"} << none << none
        << oldSubject << oldBody;
    QTest::newRow("two addresses in the path") << "mailto:ana@example.org,bo@example.net" << true
                                               << QStringList{"ana@example.org", "bo@example.net"}
                                               << none << none << oldSubject << oldBody;
    QTest::newRow("every field")
        << "mailto:ana@example.org?to=bo@example.net&cc=c@example.org&bcc=hidden@example.org"
           "&subject=Hi%20there&body=Line%201%0D%0ALine%202"
        << true << QStringList{"ana@example.org", "bo@example.net"} << QStringList{"c@example.org"}
        << QStringList{"hidden@example.org"} << "Hi there"
        << "Line 1\r\nLine 2";
    QTest::newRow("no path, to= only")
        << "mailto:?to=ana@example.org&subject=x" << true << QStringList{"ana@example.org"} << none
        << none << "x" << oldBody;
    QTest::newRow("scheme and keys in any case")
        << "MAILTO:ana@example.org?SUBJECT=Up&Cc=c@example.org" << true
        << QStringList{"ana@example.org"} << QStringList{"c@example.org"} << none << "Up"
        << oldBody;
    QTest::newRow("percent-encoded UTF-8")
        << "mailto:j%C3%BCrgen@example.org?subject=Gr%C3%BC%C3%9Fe&body=%E4%B8%AD" << true
        << QStringList{QStringLiteral("jürgen@example.org")} << none << none
        << QStringLiteral("Grüße") << QStringLiteral("中");
    QTest::newRow("a display name, encoded")
        << "mailto:%22Doe%2C%20J%22%20%3Cj%40x.org%3E" << true << QStringList{"j@x.org"} << none
        << none << oldSubject << oldBody;
    QTest::newRow("plus is a plus, not a space")
        << "mailto:ana@example.org?body=1+1%3D2" << true << QStringList{"ana@example.org"} << none
        << none << oldSubject << "1+1=2";
    QTest::newRow("repeated cc") << "mailto:?cc=a@example.org&cc=b@example.org" << true << none
                                 << QStringList{"a@example.org", "b@example.org"} << none
                                 << oldSubject << oldBody;
    QTest::newRow("other header fields ignored")
        << "mailto:ana@example.org?In-Reply-To=%3Cx%40y%3E&X-Evil=1&from=eve@example.org" << true
        << QStringList{"ana@example.org"} << none << none << oldSubject << oldBody;
    QTest::newRow("not a mailto: URL")
        << "https://example.org/?to=ana@example.org" << false << QStringList{"kept@example.org"}
        << none << none << oldSubject << oldBody;
}

void TestDraft::mailto()
{
    QFETCH(QString, url);
    QFETCH(bool, applied);
    QFETCH(QStringList, to);
    QFETCH(QStringList, cc);
    QFETCH(QStringList, bcc);
    QFETCH(QString, subject);
    QFETCH(QString, body);

    Draft d;
    d.accountId = QStringLiteral("acc-1");
    d.from = QStringLiteral("Me <me@example.org>");
    d.to = QStringLiteral("kept@example.org");
    d.subject = QStringLiteral("Old subject");
    d.body = QStringLiteral("Old body");
    d.attachments = {Attachment{QStringLiteral("/tmp/a.txt"), {}, {}, false, {}}};
    d.carried.inReplyTo = QStringLiteral("old.1@example.org");
    const Draft before = d;

    QCOMPARE(d.applyMailto(QUrl(url)), applied);
    if (!applied) {
        QVERIFY(d == before);
        return;
    }
    const Message m = d.toMessage();
    QCOMPARE(addresses(m.to), to);
    QCOMPARE(addresses(m.cc), cc);
    QCOMPARE(addresses(m.bcc), bcc);
    QCOMPARE(d.subject, subject);
    QCOMPARE(d.body, body);
    // Who sends stays; what belonged to the message before goes.
    QCOMPARE(d.accountId, QStringLiteral("acc-1"));
    QCOMPARE(m.from.address, QStringLiteral("me@example.org"));
    QVERIFY(d.attachments.isEmpty());
    QVERIFY(d.carried.isEmpty());
    QVERIFY(m.inReplyTo.isEmpty());
    QVERIFY(m.extraHeaders.isEmpty());
}

void TestDraft::emlRoundTripKeepsCarriedHeaders_data()
{
    QTest::addColumn<CarriedHeaders>("carried");
    QTest::addColumn<QStringList>("names"); // as the compose window's note lists them

    QTest::newRow("nothing") << CarriedHeaders() << QStringList();
    CarriedHeaders sender;
    sender.sender = QStringLiteral("Office <office@example.org>");
    QTest::newRow("sender") << sender << QStringList{"Sender"};
    CarriedHeaders thread;
    thread.inReplyTo = QStringLiteral("first.1@example.org");
    thread.references = {QStringLiteral("root.1@example.org"),
                         QStringLiteral("first.1@example.org")};
    QTest::newRow("threading") << thread << QStringList{"In-Reply-To", "References"};
    CarriedHeaders high;
    high.priority = Message::Priority::High;
    QTest::newRow("high priority") << high << QStringList{"high priority"};
    CarriedHeaders low;
    low.priority = Message::Priority::Low;
    low.dispositionNotificationTo = QStringLiteral("Ana Lima <ana@example.org>");
    QTest::newRow("low priority, read receipt")
        << low << QStringList{"low priority", "Disposition-Notification-To"};
    CarriedHeaders extra;
    extra.extraHeaders = {{QStringLiteral("Organization"), QStringLiteral("Köln GmbH")}};
    QTest::newRow("one extra header, not ASCII") << extra << QStringList{"1 more header"};
    CarriedHeaders all = thread;
    all.sender = sender.sender;
    all.priority = Message::Priority::High;
    all.dispositionNotificationTo = QStringLiteral("ana@example.org");
    all.extraHeaders = {{QStringLiteral("Organization"), QStringLiteral("Example")},
                        {QStringLiteral("Keywords"), QStringLiteral("plan, q3")}};
    QTest::newRow("all six") << all << QStringList{"Sender",
                                                   "In-Reply-To",
                                                   "References",
                                                   "high priority",
                                                   "Disposition-Notification-To",
                                                   "2 more headers"};
}

void TestDraft::emlRoundTripKeepsCarriedHeaders()
{
    QFETCH(CarriedHeaders, carried);
    QFETCH(QStringList, names);
    QCOMPARE(carried.names(), names);
    QCOMPARE(carried.isEmpty(), names.isEmpty());

    Draft d;
    d.from = QStringLiteral("Ana Lima <ana@example.org>");
    d.to = QStringLiteral("bo@example.org");
    d.cc = QStringLiteral("\"Doe, J\" <j@x.org>");
    d.bcc = QStringLiteral("hidden@example.org");
    d.subject = QStringLiteral("Re: the plan");
    d.body = QStringLiteral("Sounds good.\n");
    d.carried = carried;

    // Saved as an .eml and opened again, as a person does with a reply kept for later.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("reply.eml"));
    QString error;
    QVERIFY2(EmlWriter::save(d.toMessage(), path, &error), qPrintable(error));
    const std::optional<Message> opened = EmlParser::parseFile(path, dir.path(), &error);
    QVERIFY2(opened, qPrintable(error));
    const Draft back = Draft::fromMessage(*opened);
    QCOMPARE(back.carried.sender, carried.sender);
    QCOMPARE(back.carried.inReplyTo, carried.inReplyTo);
    QCOMPARE(back.carried.references, carried.references);
    QCOMPARE(back.carried.priority, carried.priority);
    QCOMPARE(back.carried.dispositionNotificationTo, carried.dispositionNotificationTo);
    QCOMPARE(back.carried.extraHeaders.size(), carried.extraHeaders.size());
    QVERIFY(back.carried == carried);
    QCOMPARE(back.to, d.to);
    QCOMPARE(back.cc, d.cc);
    QCOMPARE(back.bcc, d.bcc); // the saved copy keeps it, marked
    QVERIFY(back.showCcBcc);
    QCOMPARE(back.subject, d.subject);

    // Kept as a draft over a restart, then sent: the headers go out.
    const Draft restored = Draft::fromJson(back.toJson());
    QVERIFY(restored == back);
    const QByteArray header = headerOf(sentBytes(restored.toMessage()));
    for (const QString &line : carried.lines()) {
        if (line.endsWith(QLatin1String("priority")))
            continue; // X-Priority and Importance: checked below
        const QByteArray name = line.section(QLatin1Char(':'), 0, 0).toLatin1();
        QVERIFY2(header.contains(QByteArray("\r\n" + name + ": ")), header.constData());
    }
    QCOMPARE(header.contains("\r\nX-Priority: 1"), carried.priority == Message::Priority::High);
    QCOMPARE(header.contains("\r\nX-Priority: 5"), carried.priority == Message::Priority::Low);
}

void TestDraft::bccNeverBecomesAHeader_data()
{
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("bcc");
    QTest::addColumn<QStringList>("recipients"); // RCPT TO, in order

    QTest::newRow("Bcc only") << ""
                              << "hidden@example.org" << QStringList{"hidden@example.org"};
    QTest::newRow("To and Bcc") << "bo@example.org"
                                << "hidden@example.org, Second <second@example.org>"
                                << QStringList{"bo@example.org", "hidden@example.org",
                                               "second@example.org"};
    QTest::newRow("Bcc repeats To") << "bo@example.org"
                                    << "BO@example.org" << QStringList{"bo@example.org"};
}

void TestDraft::bccNeverBecomesAHeader()
{
    QFETCH(QString, to);
    QFETCH(QString, bcc);
    QFETCH(QStringList, recipients);

    Draft d;
    d.from = QStringLiteral("ana@example.org");
    d.to = to;
    d.bcc = bcc;
    d.subject = QStringLiteral("x");
    d.body = QStringLiteral("y");
    const Message m = d.toMessage();
    QCOMPARE(m.envelope().recipients, recipients);
    const QByteArray header = headerOf(sentBytes(m));
    QVERIFY(!header.isEmpty());
    QVERIFY2(!header.contains("\nBcc:") && !header.toLower().contains("bcc"), header.constData());
    QVERIFY2(!header.contains("hidden@") && !header.contains("second@"), header.constData());
}

QTEST_MAIN(TestDraft)
#include "tst_draft.moc"
