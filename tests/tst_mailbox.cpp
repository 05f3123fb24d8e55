// Address lists as typed in the compose window, their formatting back, and what Message
// derives from them: the envelope and the per-field validation messages.
#include "mime/mailbox.h"
#include "mime/message.h"

#include <QRandomGenerator>
#include <QTest>

namespace {

// The property: whatever was accepted formats to text that parses to the same mailbox, alone
// and in a list. Returns what differed, or an empty string.
QString roundTripProblem(const QList<MailboxParseResult> &parsed)
{
    QList<Mailbox> accepted;
    for (const MailboxParseResult &r : parsed) {
        if (!r.isValid())
            continue;
        accepted << r.mailbox;
        const MailboxParseResult back = Mailbox::parse(r.mailbox.toString());
        if (!back.isValid() || back.mailbox != r.mailbox) {
            return QStringLiteral("[%1|%2] -> %3 -> [%4|%5] %6")
                .arg(r.mailbox.name, r.mailbox.address, r.mailbox.toString(), back.mailbox.name,
                     back.mailbox.address, back.error);
        }
    }
    QList<Mailbox> again;
    for (const MailboxParseResult &r : Mailbox::parseList(Mailbox::formatList(accepted))) {
        if (!r.isValid())
            return QStringLiteral("list entry refused: %1").arg(r.error);
        again << r.mailbox;
    }
    return again == accepted ? QString()
                             : QStringLiteral("list differs: %1").arg(Mailbox::formatList(again));
}

} // namespace

class TestMailbox : public QObject
{
    Q_OBJECT

private slots:
    void parseList_data();
    void parseList();
    void positions();
    void parseSingle();
    void formatRoundTrip_data();
    void formatRoundTrip();
    void controlCharacters_data();
    void controlCharacters();
    void parseFormatParse_data();
    void parseFormatParse();
    void parseFormatParseRandom();
    void envelope();
    void validate_data();
    void validate();
    void headerNames_data();
    void headerNames();
    void messageId();
};

void TestMailbox::parseList_data()
{
    QTest::addColumn<QString>("text");
    // Each entry "name|address|error-start" (error-start empty: valid).
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("bare") << QStringLiteral("ana@example.org")
                          << QStringList{QStringLiteral("|ana@example.org|")};
    QTest::newRow("display name") << QStringLiteral("Ana <ana@example.org>")
                                  << QStringList{QStringLiteral("Ana|ana@example.org|")};
    QTest::newRow("quoted comma") << QStringLiteral("\"Doe, John\" <j@x.org>, ana@example.org")
                                  << QStringList{QStringLiteral("Doe, John|j@x.org|"),
                                                 QStringLiteral("|ana@example.org|")};
    QTest::newRow("semicolons") << QStringLiteral("a@x.org; b@y.org;c@z.org")
                                << QStringList{QStringLiteral("|a@x.org|"),
                                               QStringLiteral("|b@y.org|"),
                                               QStringLiteral("|c@z.org|")};
    QTest::newRow("empty entries")
        << QStringLiteral(" , a@x.org,, ,") << QStringList{QStringLiteral("|a@x.org|")};
    QTest::newRow("escaped quote")
        << QStringLiteral("\"Ana \\\"the\\\" Dev\" <ana@example.org>")
        << QStringList{QStringLiteral("Ana \"the\" Dev|ana@example.org|")};
    QTest::newRow("angle only") << QStringLiteral("<ana@example.org>")
                                << QStringList{QStringLiteral("|ana@example.org|")};
    QTest::newRow("comment name") << QStringLiteral("ana@example.org (Ana Example)")
                                  << QStringList{QStringLiteral("Ana Example|ana@example.org|")};
    QTest::newRow("unicode") << QStringLiteral("Jürgen <jürgen@bücher.example>")
                             << QStringList{QStringLiteral("Jürgen|jürgen@bücher.example|")};
    QTest::newRow("no at") << QStringLiteral("Doe, John <j@x.org>")
                           << QStringList{QStringLiteral("|Doe|\"Doe\" has no @"),
                                          QStringLiteral("John|j@x.org|")};
    QTest::newRow("no domain") << QStringLiteral("ana@")
                               << QStringList{QStringLiteral("|ana@|\"ana@\" has no domain")};
    QTest::newRow("unclosed angle")
        << QStringLiteral("Ana <ana@example.org")
        << QStringList{QStringLiteral("Ana|ana@example.org|\"Ana <ana@example.org\": the address "
                                      "is missing its closing >")};
    QTest::newRow("unclosed quote")
        << QStringLiteral("\"Ana <ana@example.org>")
        << QStringList{QStringLiteral(
               "Ana <ana@example.org>||\"\"Ana <ana@example.org>\": a quoted name is missing")};
    QTest::newRow("space in address")
        << QStringLiteral("Ana ana@example.org")
        << QStringList{QStringLiteral("|Ana ana@example.org|\"Ana ana@example.org\": write a name "
                                      "with its address as Name <address>")};
    QTest::newRow("text after >") << QStringLiteral("Ana <ana@example.org> extra")
                                  << QStringList{QStringLiteral(
                                         "Ana|ana@example.org|\"Ana <ana@example.org> extra\": "
                                         "unexpected \"extra\" after the >")};
    QTest::newRow("double dot domain")
        << QStringLiteral("a@x..org")
        << QStringList{QStringLiteral("|a@x..org|\"a@x..org\" has an invalid domain")};
    QTest::newRow("empty") << QString() << QStringList{};
}

void TestMailbox::parseList()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    const QList<MailboxParseResult> results = Mailbox::parseList(text);
    QCOMPARE(results.size(), expected.size());
    for (qsizetype i = 0; i < results.size(); ++i) {
        const QStringList want = expected.at(i).split(QLatin1Char('|'));
        QCOMPARE(results.at(i).mailbox.name, want.at(0));
        QCOMPARE(results.at(i).mailbox.address, want.at(1));
        if (want.at(2).isEmpty())
            QVERIFY2(results.at(i).isValid(), qPrintable(results.at(i).error));
        else
            QVERIFY2(results.at(i).error.startsWith(want.at(2)), qPrintable(results.at(i).error));
    }
}

void TestMailbox::positions()
{
    const QString text = QStringLiteral("  a@x.org ,  Bob <b@y.org>;bad");
    const QList<MailboxParseResult> r = Mailbox::parseList(text);
    QCOMPARE(r.size(), 3);
    QCOMPARE(text.mid(r[0].start, r[0].length), QStringLiteral("a@x.org"));
    QCOMPARE(text.mid(r[1].start, r[1].length), QStringLiteral("Bob <b@y.org>"));
    QCOMPARE(text.mid(r[2].start, r[2].length), QStringLiteral("bad"));
    QVERIFY(!r[2].isValid());
}

void TestMailbox::parseSingle()
{
    QVERIFY(Mailbox::parse(QStringLiteral("Ana <ana@example.org>")).isValid());
    QCOMPARE(Mailbox::parse(QString()).error, QStringLiteral("no address given"));
    QVERIFY(Mailbox::parse(QStringLiteral("a@x.org, b@y.org"))
                .error.startsWith(QLatin1String("give one address only")));
}

void TestMailbox::formatRoundTrip_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("formatted");
    QTest::newRow("none") << QString() << QStringLiteral("ana@example.org");
    QTest::newRow("plain") << QStringLiteral("Ana Example")
                           << QStringLiteral("Ana Example <ana@example.org>");
    QTest::newRow("comma") << QStringLiteral("Doe, John")
                           << QStringLiteral("\"Doe, John\" <ana@example.org>");
    QTest::newRow("quote") << QStringLiteral("Ana \"A\" \\ B")
                           << QStringLiteral("\"Ana \\\"A\\\" \\\\ B\" <ana@example.org>");
    QTest::newRow("dot") << QStringLiteral("J. Doe")
                         << QStringLiteral("\"J. Doe\" <ana@example.org>");
    QTest::newRow("unicode") << QStringLiteral("Zoë 李")
                             << QStringLiteral("Zoë 李 <ana@example.org>");
}

void TestMailbox::formatRoundTrip()
{
    QFETCH(QString, name);
    QFETCH(QString, formatted);
    const Mailbox m{name, QStringLiteral("ana@example.org")};
    QCOMPARE(m.toString(), formatted);
    const QList<MailboxParseResult> back = Mailbox::parseList(Mailbox::formatList({m, m}));
    QCOMPARE(back.size(), 2);
    QVERIFY(back.at(1).isValid());
    QCOMPARE(back.at(1).mailbox, m);
}

// A control character in a display name, typed, quoted or taken from a comment, is refused
// with a reason that shows it escaped; TAB is white space.
void TestMailbox::controlCharacters_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("error"); // empty: valid
    QTest::addColumn<QString>("name");
    QTest::newRow("NUL and CR in a comment")
        << QStringLiteral("b@example.org (") + QChar(0) + QStringLiteral("\rBob)")
        << QStringLiteral("\"b@example.org (\\0\\rBob)\": the name contains a control "
                          "character (\\0)")
        << QString();
    QTest::newRow("ESC in a quoted name")
        << QStringLiteral("\"Bob\x1b[31m\" <b@x.org>")
        << QStringLiteral("\"\"Bob\\x1b[31m\" <b@x.org>\": the name contains a control character "
                          "(\\x1b)")
        << QString();
    QTest::newRow("BEL in a phrase") << QStringLiteral("Bob\a <b@x.org>")
                                     << QStringLiteral("control character (\\x07)") << QString();
    QTest::newRow("escaped LF in a quoted name")
        << QStringLiteral("\"Bo\\\nb\" <b@x.org>") << QStringLiteral("control character (\\n)")
        << QString();
    QTest::newRow("DEL") << QStringLiteral("Bob\x7f <b@x.org>")
                         << QStringLiteral("control character (\\x7f)") << QString();
    QTest::newRow("C1") << QStringLiteral("b@x.org (Bob\u009b)")
                        << QStringLiteral("control character (\\u009b)") << QString();
    QTest::newRow("TAB is white space") << QStringLiteral("\"Bob\t \tSmith\" <b@x.org>")
                                        << QString() << QStringLiteral("Bob Smith");
    QTest::newRow("comment white space")
        << QStringLiteral("b@x.org ( Bob   Smith )") << QString() << QStringLiteral("Bob Smith");
    QTest::newRow("control in an address")
        << QStringLiteral("Bob <b\x1b@x.org>") << QStringLiteral("\"b\\x1b@x.org\" contains")
        << QStringLiteral("Bob");
}

void TestMailbox::controlCharacters()
{
    QFETCH(QString, text);
    QFETCH(QString, error);
    QFETCH(QString, name);
    const MailboxParseResult r = Mailbox::parse(text);
    if (error.isEmpty()) {
        QVERIFY2(r.isValid(), qPrintable(r.error));
        QCOMPARE(r.mailbox.name, name);
    } else {
        QVERIFY2(r.error.contains(error), qPrintable(r.error));
    }
    // Whatever was read back is shown without raw controls.
    for (const QChar c : r.error)
        QVERIFY(c.unicode() >= 0x20 && c.unicode() != 0x7f);
}

// The shapes of names and addresses that trip a formatter (specials, quotes, backslashes,
// comments, white space runs, quoted local parts, literals), in every syntax an entry can take.
void TestMailbox::parseFormatParse_data()
{
    QTest::addColumn<QStringList>("texts");
    const QStringList names = {
        QStringLiteral("Ana"),
        QStringLiteral("Ana Example"),
        QStringLiteral("Doe, John"),
        QStringLiteral("J. Doe"),
        QStringLiteral("a\"b"),
        QStringLiteral("back\\slash"),
        QStringLiteral("(paren)"),
        QStringLiteral("<angle>"),
        QStringLiteral("semi;colon"),
        QStringLiteral("at@sign"),
        QStringLiteral("colon:"),
        QStringLiteral("[brackets]"),
        QStringLiteral("  spaced   out  "),
        QStringLiteral("tab\there"),
        QStringLiteral("Zo\u00eb \u674e"),
        QStringLiteral("\U0001f4e7 mail"),
        QStringLiteral("=?UTF-8?Q?x?="),
        QStringLiteral("'single'"),
        QStringLiteral("trailing."),
        QStringLiteral("\"\""),
        QStringLiteral("\\"),
        QStringLiteral(")("),
    };
    const QStringList addresses = {
        QStringLiteral("ana@example.org"),     QStringLiteral("\"a,b\"@x.org"),
        QStringLiteral("\"a\\\"b\"@x.org"),    QStringLiteral("\"a(b)\"@x.org"),
        QStringLiteral("a.b+tag@sub.example"), QStringLiteral("j\u00fcrgen@b\u00fccher.example"),
        QStringLiteral("x@[192.0.2.1]"),       QStringLiteral("x@[IPv6:2001:db8::1]"),
        QStringLiteral("o'brien@x.org"),       QStringLiteral("{x}|~!#$%&*=?^`@x.org"),
    };
    auto escaped = [](QString text, QStringView specials) {
        QString out;
        for (const QChar c : text) {
            if (specials.contains(c))
                out += QLatin1Char('\\');
            out += c;
        }
        return out;
    };
    for (const QString &name : names) {
        const QString quoted = escaped(name, u"\"\\");
        const QString comment = escaped(name, u"()\\");
        QStringList quotedForm, phraseForm, commentForm;
        for (const QString &address : addresses) {
            quotedForm << QLatin1Char('"') + quoted + QStringLiteral("\" <") + address +
                              QLatin1Char('>');
            phraseForm << name + QStringLiteral(" <") + address + QLatin1Char('>');
            commentForm << address + QStringLiteral(" (") + comment + QLatin1Char(')');
        }
        QTest::addRow("\"%s\" <address>", qPrintable(name)) << quotedForm;
        // A phrase cannot hold these unquoted: such text is refused, as it should be.
        if (!name.contains(QRegularExpression(QStringLiteral("[\"<>()]"))))
            QTest::addRow("%s <address>", qPrintable(name)) << phraseForm;
        QTest::addRow("address (%s)", qPrintable(name)) << commentForm;
    }
    QStringList bare, angle;
    for (const QString &address : addresses) {
        bare << address;
        angle << QLatin1Char('<') + address + QLatin1Char('>');
    }
    QTest::newRow("address") << bare;
    QTest::newRow("<address>") << angle;
}

void TestMailbox::parseFormatParse()
{
    QFETCH(QStringList, texts);
    int accepted = 0;
    for (const QString &text : texts) {
        const QList<MailboxParseResult> parsed = Mailbox::parseList(text);
        for (const MailboxParseResult &r : parsed)
            accepted += r.isValid();
        const QString problem = roundTripProblem(parsed);
        QVERIFY2(problem.isEmpty(), qPrintable(text + QStringLiteral(": ") + problem));
    }
    // The shapes are meant to be accepted: a parser that refused them all would pass trivially.
    QVERIFY(accepted > 0);
}

// The same property over 20,000 entries made of the characters that matter to the syntax.
void TestMailbox::parseFormatParseRandom()
{
    const QString alphabet = QStringLiteral("aZ9 .,;:@<>()[]\"\\\t'=?_-\u00e4");
    QRandomGenerator random(17);
    int accepted = 0;
    for (int i = 0; i < 20000; ++i) {
        QString text;
        const int length = random.bounded(1, 24);
        for (int k = 0; k < length; ++k)
            text += alphabet.at(random.bounded(alphabet.size()));
        // Most random text has no valid address; give half of them one to wrap.
        if (i % 2)
            text.insert(random.bounded(text.size() + 1), QStringLiteral("<a@x.org>"));
        const QList<MailboxParseResult> parsed = Mailbox::parseList(text);
        for (const MailboxParseResult &r : parsed)
            accepted += r.isValid();
        const QString problem = roundTripProblem(parsed);
        QVERIFY2(problem.isEmpty(), qPrintable(text + QStringLiteral(": ") + problem));
    }
    QVERIFY(accepted > 1000);
}

void TestMailbox::envelope()
{
    Message m;
    m.from = {QStringLiteral("Ana"), QStringLiteral("ana@example.org")};
    m.to = {{QString(), QStringLiteral("bob@example.net")},
            {QString(), QStringLiteral("Carol@Example.com")}};
    m.cc = {{QString(), QStringLiteral("BOB@example.NET")},
            {QString(), QStringLiteral("dave@example.com")}};
    m.bcc = {{QString(), QStringLiteral("carol@example.com")},
             {QString(), QStringLiteral("eve@example.com")}};
    Envelope e = m.envelope();
    QCOMPARE(e.sender, QStringLiteral("ana@example.org"));
    QCOMPARE(e.recipients,
             (QStringList{QStringLiteral("bob@example.net"), QStringLiteral("Carol@Example.com"),
                          QStringLiteral("dave@example.com"), QStringLiteral("eve@example.com")}));
    m.sender = {QStringLiteral("Office"), QStringLiteral("office@example.org")};
    QCOMPARE(m.envelope().sender, QStringLiteral("office@example.org"));
}

void TestMailbox::validate_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("error");
    QTest::newRow("ok") << QString() << QString() << QString();
    QTest::newRow("from empty") << QStringLiteral("from") << QString()
                                << QStringLiteral("From: no address given");
    QTest::newRow("from bad") << QStringLiteral("from") << QStringLiteral("ana")
                              << QStringLiteral("From: <ana> has no @");
    QTest::newRow("to bad") << QStringLiteral("to") << QStringLiteral("bob@")
                            << QStringLiteral("To: <bob@> has no domain after the @");
    QTest::newRow("cc bad") << QStringLiteral("cc") << QStringLiteral("a b@x.org")
                            << QStringLiteral("Cc: <a b@x.org> contains a space");
    QTest::newRow("bcc bad") << QStringLiteral("bcc") << QStringLiteral("@x.org")
                             << QStringLiteral("Bcc: <@x.org> has nothing before the @");
    QTest::newRow("reply-to bad") << QStringLiteral("replyto") << QStringLiteral("x")
                                  << QStringLiteral("Reply-To: <x> has no @");
    QTest::newRow("no recipients")
        << QStringLiteral("norcpt") << QString() << QStringLiteral("To: no recipients");
    QTest::newRow("subject break") << QStringLiteral("subject") << QStringLiteral("a\nb")
                                   << QStringLiteral("Subject: contains a line break");
    QTest::newRow("subject nul") << QStringLiteral("subject") << QStringLiteral("a\x01")
                                 << QStringLiteral(
                                        "Subject: contains a control character (U+0001)");
    QTest::newRow("message id") << QStringLiteral("id") << QStringLiteral("no-at-sign")
                                << QStringLiteral("Message-ID: \"no-at-sign\" is not a message id");
    QTest::newRow("references") << QStringLiteral("refs") << QStringLiteral("<a b@c>")
                                << QStringLiteral("References: ");
    QTest::newRow("attachment") << QStringLiteral("attachment")
                                << QStringLiteral("/no/such/report.pdf")
                                << QStringLiteral("Attachment report.pdf: file does not exist");
    QTest::newRow("attachment dir") << QStringLiteral("attachment") << QStringLiteral("/tmp")
                                    << QStringLiteral("Attachment tmp: /tmp is not a file");
    QTest::newRow("content type")
        << QStringLiteral("type") << QStringLiteral("pdf")
        << QStringLiteral("Attachment tst_mailbox.cpp: \"pdf\" is not a content type");
}

void TestMailbox::validate()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, error);
    Message m;
    m.from = {QStringLiteral("Ana"), QStringLiteral("ana@example.org")};
    m.to = {{QString(), QStringLiteral("bob@example.net")}};
    if (field == QLatin1String("from"))
        m.from.address = value;
    else if (field == QLatin1String("to"))
        m.to = {{QString(), value}};
    else if (field == QLatin1String("cc"))
        m.cc = {{QString(), value}};
    else if (field == QLatin1String("bcc"))
        m.bcc = {{QString(), value}};
    else if (field == QLatin1String("replyto"))
        m.replyTo = {{QString(), value}};
    else if (field == QLatin1String("norcpt"))
        m.to.clear();
    else if (field == QLatin1String("subject"))
        m.subject = value;
    else if (field == QLatin1String("id"))
        m.messageId = value;
    else if (field == QLatin1String("refs"))
        m.references = {value};
    else if (field == QLatin1String("attachment"))
        m.attachments = {{value, QString(), QString(), false, {}}};
    else if (field == QLatin1String("type"))
        m.attachments = {{QStringLiteral(POSTWIRE_SOURCE_DIR "/tests/tst_mailbox.cpp"),
                          QString(),
                          value,
                          false,
                          {}}};
    const QString got = m.validate();
    if (error.isEmpty())
        QVERIFY2(got.isEmpty(), qPrintable(got));
    else
        QVERIFY2(got.startsWith(error), qPrintable(got));
}

void TestMailbox::headerNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");
    QTest::newRow("x-header") << QStringLiteral("X-Ticket") << true;
    QTest::newRow("list") << QStringLiteral("List-Unsubscribe") << true;
    QTest::newRow("space") << QStringLiteral("X Ticket") << false;
    QTest::newRow("colon") << QStringLiteral("X-A:b") << false;
    QTest::newRow("crlf") << QStringLiteral("X-A\r\nBcc") << false;
    QTest::newRow("non-ascii") << QStringLiteral("X-Grüße") << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("ours") << QStringLiteral("message-id") << false;
    QTest::newRow("content") << QStringLiteral("Content-Transfer-Encoding") << false;
    QTest::newRow("bcc") << QStringLiteral("BCC") << false;
}

void TestMailbox::headerNames()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    QCOMPARE(Message::checkHeaderName(name).isEmpty(), valid);
}

void TestMailbox::messageId()
{
    Message m;
    m.from = {QString(), QStringLiteral("ana@bücher.example")};
    const QString a = m.generateMessageId();
    const QString b = m.generateMessageId();
    QVERIFY(a != b);
    QVERIFY2(a.endsWith(QLatin1String("@xn--bcher-kva.example")), qPrintable(a));
    QVERIFY(m.validate().isEmpty() || !m.validate().startsWith(QLatin1String("Message-ID")));
    m.messageId = a;
    m.to = {{QString(), QStringLiteral("b@x.org")}};
    QVERIFY2(m.validate().isEmpty(), qPrintable(m.validate()));
    m.sender = {QString(), QStringLiteral("office@example.org")};
    QVERIFY(m.generateMessageId().endsWith(QLatin1String("@example.org")));
}

QTEST_GUILESS_MAIN(TestMailbox)
#include "tst_mailbox.moc"
