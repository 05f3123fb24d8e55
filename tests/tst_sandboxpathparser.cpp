// The arguments of MAIL FROM and RCPT TO as the sandbox reads them: paths, parameters checked
// against what is advertised, and the reply each refusal gets.
#include "sandbox/sandboxbehaviour.h"
#include "sandbox/sandboxpathparser.h"

#include <QtTest>

using Command = SandboxPathParser::Command;

class TestSandboxPathParser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<bool>("mail");
        QTest::addColumn<QByteArray>("args");
        QTest::addColumn<QString>("behaviour"); // "noExt=DSN" or "size=100"
        QTest::addColumn<bool>("transactionUtf8");
        QTest::addColumn<QByteArray>("reply"); // "501 5.5.4 text!" ('!': counts as an error)
        QTest::addColumn<QString>("address");
        QTest::addColumn<QStringList>("parameters");
        QTest::addColumn<bool>("smtpUtf8");

        const auto ok = [](const char *name, bool mail, const char *args, const char *address,
                           const QStringList &parameters = {}, bool smtpUtf8 = false,
                           const char *behaviour = "", bool transactionUtf8 = false) {
            QTest::newRow(name) << mail << QByteArray(args) << QString::fromLatin1(behaviour)
                                << transactionUtf8 << QByteArray() << QString::fromUtf8(address)
                                << parameters << smtpUtf8;
        };
        const auto refused = [](const char *name, bool mail, const char *args, const char *reply,
                                const char *behaviour = "", bool transactionUtf8 = false) {
            QTest::newRow(name) << mail << QByteArray(args) << QString::fromLatin1(behaviour)
                                << transactionUtf8 << QByteArray(reply) << QString()
                                << QStringList() << false;
        };

        // Paths (RFC 5321 section 4.1.2).
        ok("mail plain", true, "FROM:<a@b.example>", "a@b.example");
        ok("mail lower case, space after colon", true, "from: <a@b.example>", "a@b.example");
        ok("null sender", true, "FROM:<>", "");
        ok("source route dropped", true, "FROM:<@relay.example:a@b.example>", "a@b.example");
        ok("quoted local part", true, "FROM:<\"a b\"@b.example>", "\"a b\"@b.example");
        ok("quoted '>'", true, "FROM:<\"a>b\"@b.example>", "\"a>b\"@b.example");
        ok("address literal", true, "FROM:<a@[192.0.2.1]>", "a@[192.0.2.1]");
        ok("rcpt plain", false, "TO:<c@d.example>", "c@d.example");
        ok("rcpt postmaster", false, "TO:<Postmaster>", "Postmaster");
        refused("mail without FROM:", true, "<a@b.example>",
                "501 5.5.4 Syntax: MAIL FROM:<address>!");
        refused("rcpt without TO:", false, "<a@b.example>", "501 5.5.4 Syntax: RCPT TO:<address>!");
        refused("mail without <>", true, "FROM:a@b.example",
                "501 5.1.7 Bad sender address syntax: use MAIL FROM:<address>!");
        refused("rcpt without <>", false, "TO:a@b.example",
                "501 5.1.3 Bad recipient address syntax: use RCPT TO:<address>!");
        refused("missing >", true, "FROM:<a@b.example",
                "501 5.1.7 Bad sender address syntax: missing '>'!");
        refused("text after >", false, "TO:<a@b.example>x",
                "501 5.1.3 Bad recipient address syntax: text after '>'!");
        refused("source route without colon", true, "FROM:<@relay.example>",
                "501 5.1.7 Bad sender address syntax!");
        refused("empty recipient", false, "TO:<>",
                "501 5.1.3 Bad recipient address syntax: empty recipient!");
        refused("not UTF-8", true, "FROM:<a\xff@b.example>",
                "501 5.1.7 Bad sender address syntax: not UTF-8!");
        refused("no domain", false, "TO:<a@>",
                "501 5.1.3 Bad recipient address syntax: expected local-part@domain!");
        refused("no at", false, "TO:<ab.example>",
                "501 5.1.3 Bad recipient address syntax: expected local-part@domain!");
        refused("space in local part", false, "TO:<a\tb@c.example>",
                "501 5.1.3 Bad recipient address syntax: space or control character in the local "
                "part!");
        refused("double dot", true, "FROM:<a..b@c.example>",
                "501 5.1.7 Bad sender address syntax: misplaced '.' in the local part!");
        refused("unterminated literal", true, "FROM:<a@[192.0.2.1>",
                "501 5.1.7 Bad sender address syntax: unterminated address literal!");
        // found by fuzz_sandbox: a TAB inside "[...]" was kept in the stored address
        refused("tab in address literal", false, "TO:<a@[192.0.2.1\tx]>",
                "501 5.1.3 Bad recipient address syntax: invalid character in the address "
                "literal!");
        refused("space in address literal", false, "TO:<a@[IPv6:: 1]>",
                "501 5.1.3 Bad recipient address syntax: invalid character in the address "
                "literal!");
        refused("empty address literal", true, "FROM:<a@[]>",
                "501 5.1.7 Bad sender address syntax: empty address literal!");
        ok("ipv6 address literal", false, "TO:<a@[IPv6:2001:db8::1]>", "a@[IPv6:2001:db8::1]");
        refused("empty label", false, "TO:<a@b..example>",
                "501 5.1.3 Bad recipient address syntax: invalid domain!");
        refused("hyphen label", false, "TO:<a@-b.example>",
                "501 5.1.3 Bad recipient address syntax: invalid domain!");
        refused("underscore in domain", false, "TO:<a@b_c.example>",
                "501 5.1.3 Bad recipient address syntax: invalid character in the domain!");

        // MAIL parameters (RFC 1870, 6152, 6531, 3461, 4954).
        ok("size", true, "FROM:<a@b.example> size=100", "a@b.example",
           {QStringLiteral("SIZE=100")});
        ok("body 8bitmime", true, "FROM:<a@b.example> BODY=8bitmime", "a@b.example",
           {QStringLiteral("BODY=8bitmime")});
        ok("smtputf8", true, "FROM:<ä@b.example> SMTPUTF8", "ä@b.example",
           {QStringLiteral("SMTPUTF8")}, true);
        ok("dsn", true, "FROM:<a@b.example> RET=HDRS ENVID=QQ+2B1", "a@b.example",
           {QStringLiteral("RET=HDRS"), QStringLiteral("ENVID=QQ+2B1")});
        ok("auth", true, "FROM:<a@b.example> AUTH=<>", "a@b.example", {QStringLiteral("AUTH=<>")});
        refused("size not a number", true, "FROM:<a@b.example> SIZE=x",
                "501 5.5.4 Syntax: SIZE=number");
        refused("size over the limit", true, "FROM:<a@b.example> SIZE=101",
                "552 5.3.4 Message size exceeds fixed limit of 100 bytes", "size=100");
        refused("size not advertised", true, "FROM:<a@b.example> SIZE=1",
                "555 5.5.4 Unsupported parameter: SIZE", "noExt=SIZE");
        refused("body unknown", true, "FROM:<a@b.example> BODY=BINARYMIME",
                "555 5.5.4 Unsupported BODY type: BINARYMIME");
        refused("body 8bitmime not advertised", true, "FROM:<a@b.example> BODY=8BITMIME",
                "555 5.5.4 Unsupported BODY type: 8BITMIME", "noExt=8BITMIME");
        refused("smtputf8 with a value", true, "FROM:<a@b.example> SMTPUTF8=yes",
                "555 5.5.4 Unsupported parameter: SMTPUTF8");
        refused("ret bad", true, "FROM:<a@b.example> RET=ALL",
                "501 5.5.4 Syntax error in parameter RET");
        refused("envid not xtext", true, "FROM:<a@b.example> ENVID=a+zz",
                "501 5.5.4 Syntax error in parameter ENVID");
        // found by fuzz_sandbox: the hex check skipped white space
        refused("envid hex escape with a tab", true, "FROM:<a@b.example> ENVID=a+2\tB",
                "501 5.5.4 Syntax error in parameter ENVID");
        refused("dsn not advertised", true, "FROM:<a@b.example> RET=FULL",
                "555 5.5.4 Unsupported parameter: RET", "noExt=DSN");
        refused("twice", true, "FROM:<a@b.example> BODY=7BIT body=7bit",
                "501 5.5.4 Parameter given twice: BODY");
        refused("rcpt parameter on mail", true, "FROM:<a@b.example> NOTIFY=NEVER",
                "555 5.5.4 Unsupported parameter: NOTIFY");
        refused("non-ASCII without smtputf8", true, "FROM:<ä@b.example>",
                "553 5.6.7 Non-ASCII address needs the SMTPUTF8 parameter");

        // RCPT parameters (RFC 3461).
        ok("notify list", false, "TO:<c@d.example> NOTIFY=success,FAILURE", "c@d.example",
           {QStringLiteral("NOTIFY=success,FAILURE")});
        ok("orcpt", false, "TO:<c@d.example> ORCPT=rfc822;c+40d.example", "c@d.example",
           {QStringLiteral("ORCPT=rfc822;c+40d.example")});
        ok("non-ASCII with smtputf8 in MAIL", false, "TO:<ü@d.example>", "ü@d.example", {}, false,
           "", true);
        refused("notify never and more", false, "TO:<c@d.example> NOTIFY=NEVER,DELAY",
                "501 5.5.4 Syntax: NOTIFY=NEVER or a list of SUCCESS,FAILURE,DELAY");
        refused("notify empty", false, "TO:<c@d.example> NOTIFY=",
                "501 5.5.4 Syntax: NOTIFY=NEVER or a list of SUCCESS,FAILURE,DELAY");
        refused("orcpt without type", false, "TO:<c@d.example> ORCPT=;x",
                "501 5.5.4 Syntax: ORCPT=addr-type;xtext");
        refused("mail parameter on rcpt", false, "TO:<c@d.example> SIZE=1",
                "555 5.5.4 Unsupported parameter: SIZE");
        refused("long unknown key cut", false,
                "TO:<c@d.example> ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
                "555 5.5.4 Unsupported parameter: ABCDEFGHIJKLMNOPQRSTUVWXYZ012345");
        refused("non-ASCII without smtputf8 in MAIL", false, "TO:<ü@d.example>",
                "553 5.6.7 Non-ASCII address needs SMTPUTF8 in MAIL FROM");
    }

    void parse()
    {
        QFETCH(bool, mail);
        QFETCH(QByteArray, args);
        QFETCH(QString, behaviour);
        QFETCH(bool, transactionUtf8);
        QFETCH(QByteArray, reply);
        QFETCH(QString, address);
        QFETCH(QStringList, parameters);
        QFETCH(bool, smtpUtf8);

        SandboxBehaviour b;
        b.sizeLimit = 1000;
        if (behaviour.startsWith(QLatin1String("noExt=")))
            b.disabledExtensions.insert(behaviour.mid(6));
        else if (behaviour.startsWith(QLatin1String("size=")))
            b.sizeLimit = behaviour.mid(5).toLongLong();

        const SandboxPathParser::Result result = SandboxPathParser::parse(
            mail ? Command::Mail : Command::Rcpt, args, b, transactionUtf8);
        if (reply.isEmpty()) {
            QVERIFY2(result.ok(), result.error.text.constData());
            QCOMPARE(result.address, address);
            QCOMPARE(result.parameters, parameters);
            QCOMPARE(result.smtpUtf8, smtpUtf8);
            return;
        }
        QVERIFY(!result.ok());
        const bool countsError = reply.endsWith('!');
        if (countsError)
            reply.chop(1);
        QCOMPARE(QByteArray::number(result.error.code) + ' ' + result.error.enhanced + ' ' +
                     result.error.text,
                 reply);
        QCOMPARE(result.error.countsError, countsError);
    }
};

QTEST_APPLESS_MAIN(TestSandboxPathParser)
#include "tst_sandboxpathparser.moc"
