// Envelope addresses are checked before anything is sent: a CR or LF could inject SMTP
// commands, and a malformed address is better refused with its field named than by a 501.
#include "smtp/envelope.h"

#include <QtTest>

class TestEnvelope : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void checkAddress_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<QString>("problem"); // empty: usable; otherwise part of the reason

        QTest::newRow("plain") << QStringLiteral("ana@example.org") << QString();
        QTest::newRow("plus and dots")
            << QStringLiteral("ana.maria+lists@mail.example.org") << QString();
        QTest::newRow("atext specials")
            << QStringLiteral("a!#$%&'*+-/=?^_`{|}~b@example.org") << QString();
        QTest::newRow("single label domain") << QStringLiteral("root@localhost") << QString();
        QTest::newRow("quoted local part with dots")
            << QStringLiteral("\"a..b.\"@example.org") << QString();
        QTest::newRow("quoted local part with @")
            << QStringLiteral("\"a@b\"@example.org") << QString();
        QTest::newRow("IPv4 literal") << QStringLiteral("postmaster@[192.0.2.1]") << QString();
        QTest::newRow("IPv6 literal")
            << QStringLiteral("postmaster@[IPv6:2001:db8::1]") << QString();
        QTest::newRow("IDN domain") << QStringLiteral("ana@b\u00fccher.de") << QString();
        QTest::newRow("IDN domain, CJK") << QStringLiteral("ana@\u4f8b\u3048.jp") << QString();
        QTest::newRow("non-ASCII local part")
            << QStringLiteral("j\u00f6rg@example.org") << QString();
        QTest::newRow("local part of 64")
            << QString(64, QLatin1Char('a')) + QStringLiteral("@x.org") << QString();

        QTest::newRow("empty") << QString() << QStringLiteral("is empty");
        QTest::newRow("CR") << QStringLiteral("ana@exa\rmple.org")
                            << QStringLiteral("contains a line break");
        QTest::newRow("LF") << QStringLiteral("ana@example.org\n")
                            << QStringLiteral("contains a line break");
        QTest::newRow("command injection")
            << QStringLiteral("ana@example.org>\r\nRCPT TO:<victim@example.net")
            << QStringLiteral("contains a line break");
        QTest::newRow("NUL") << QString::fromUtf8(QByteArray("ana\0@example.org", 16))
                             << QStringLiteral("contains a NUL character");
        QTest::newRow("space") << QStringLiteral("ana maria@example.org")
                               << QStringLiteral("contains a space");
        QTest::newRow("tab") << QStringLiteral("ana@example.org\t")
                             << QStringLiteral("contains a space");
        QTest::newRow("no-break space")
            << QStringLiteral("ana\u00a0@example.org") << QStringLiteral("contains a space");
        QTest::newRow("space in quotes")
            << QStringLiteral("\"ana maria\"@example.org") << QStringLiteral("contains a space");
        QTest::newRow("control character")
            << QStringLiteral("ana\x01@example.org") << QStringLiteral("control character");
        QTest::newRow("DEL") << QStringLiteral("ana\x7f@example.org")
                             << QStringLiteral("control character");
        QTest::newRow("angle brackets")
            << QStringLiteral("<ana@example.org>") << QStringLiteral("< or >");
        QTest::newRow("display name")
            << QStringLiteral("Ana<ana@example.org>") << QStringLiteral("< or >");
        QTest::newRow("missing @") << QStringLiteral("ana.example.org") << QStringLiteral("no @");
        QTest::newRow("nothing before @")
            << QStringLiteral("@example.org") << QStringLiteral("nothing before the @");
        QTest::newRow("nothing after @")
            << QStringLiteral("ana@") << QStringLiteral("no domain after the @");
        QTest::newRow("two @") << QStringLiteral("ana@mail@example.org")
                               << QStringLiteral("more than one @");
        QTest::newRow("leading dot in local part")
            << QStringLiteral(".ana@example.org") << QStringLiteral("dot");
        QTest::newRow("trailing dot in local part")
            << QStringLiteral("ana.@example.org") << QStringLiteral("dot");
        QTest::newRow("two dots in local part")
            << QStringLiteral("a..na@example.org") << QStringLiteral("dot");
        QTest::newRow("comma in local part")
            << QStringLiteral("ana,bob@example.org") << QStringLiteral("\",\"");
        QTest::newRow("parenthesis in local part")
            << QStringLiteral("ana(x)@example.org") << QStringLiteral("\"(\"");
        QTest::newRow("leading dot in domain")
            << QStringLiteral("ana@.example.org") << QStringLiteral("invalid domain");
        QTest::newRow("trailing dot in domain")
            << QStringLiteral("ana@example.org.") << QStringLiteral("invalid domain");
        QTest::newRow("two dots in domain")
            << QStringLiteral("ana@example..org") << QStringLiteral("invalid domain");
        QTest::newRow("bad IPv4 literal")
            << QStringLiteral("ana@[999.1.1.1]") << QStringLiteral("address literal");
        QTest::newRow("name in brackets")
            << QStringLiteral("ana@[example.org]") << QStringLiteral("address literal");
        QTest::newRow("IPv6 without tag")
            << QStringLiteral("ana@[2001:db8::1]") << QStringLiteral("address literal");
        QTest::newRow("local part of 65")
            << QString(65, QLatin1Char('a')) + QStringLiteral("@x.org")
            << QStringLiteral("longer than 64");
        // 64 octets, but 32 characters: the limit is in octets (RFC 5321 section 4.5.3.1.1).
        QTest::newRow("local part of 66 octets")
            << QString(33, QChar(0x00e9)) + QStringLiteral("@x.org")
            << QStringLiteral("longer than 64");
        QTest::newRow("address of 255")
            << QStringLiteral("ana@") + QString(62, QLatin1Char('d')) + QLatin1Char('.') +
                   QString(62, QLatin1Char('d')) + QLatin1Char('.') +
                   QString(62, QLatin1Char('d')) + QLatin1Char('.') + QString(62, QLatin1Char('d'))
            << QStringLiteral("longer than 254");
    }
    void checkAddress()
    {
        QFETCH(QString, address);
        QFETCH(QString, problem);
        const QString why = Envelope::checkAddress(address);
        if (problem.isEmpty())
            QVERIFY2(why.isEmpty(), qPrintable(why));
        else
            QVERIFY2(why.contains(problem), qPrintable(QStringLiteral("got: ") + why));
    }

    void validateNamesTheField_data()
    {
        QTest::addColumn<QString>("sender");
        QTest::addColumn<QStringList>("recipients");
        QTest::addColumn<QString>("problem");
        const QString ok = QStringLiteral("ana@example.org");
        QTest::newRow("fine") << ok << QStringList{QStringLiteral("bob@example.net")} << QString();
        QTest::newRow("null sender") << QString() << QStringList{ok} << QString();
        QTest::newRow("no recipients") << ok << QStringList{} << QStringLiteral("no recipients");
        QTest::newRow("bad sender")
            << QStringLiteral("ana@@x") << QStringList{ok} << QStringLiteral("sender <ana@@x>");
        QTest::newRow("bad second recipient")
            << ok << QStringList{ok, QStringLiteral("bob\n@x.org")}
            << QStringLiteral("recipient <bob\n@x.org> contains a line break");
    }
    void validateNamesTheField()
    {
        QFETCH(QString, sender);
        QFETCH(QStringList, recipients);
        QFETCH(QString, problem);
        Envelope envelope;
        envelope.sender = sender;
        envelope.recipients = recipients;
        const QString why = envelope.validate();
        if (problem.isEmpty())
            QVERIFY2(why.isEmpty(), qPrintable(why));
        else
            QVERIFY2(why.contains(problem), qPrintable(why));
    }

    void wireAddress_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<bool>("utf8Allowed");
        QTest::addColumn<QByteArray>("wire");
        QTest::newRow("ASCII") << QStringLiteral("ana@example.org") << false
                               << QByteArray("ana@example.org");
        QTest::newRow("IDN to A-label")
            << QStringLiteral("ana@b\u00fccher.de") << false << QByteArray("ana@xn--bcher-kva.de");
        QTest::newRow("IDN CJK to A-label")
            << QStringLiteral("ana@\u4f8b\u3048.jp") << false << QByteArray("ana@xn--r8jz45g.jp");
        QTest::newRow("IDN kept with SMTPUTF8") << QStringLiteral("ana@b\u00fccher.de") << true
                                                << QByteArray("ana@b\xc3\xbc"
                                                              "cher.de");
        // A non-ASCII local part has no ASCII form: the caller needs SMTPUTF8 for it.
        QTest::newRow("non-ASCII local part, IDN domain")
            << QStringLiteral("j\u00f6rg@b\u00fccher.de") << false
            << QByteArray("j\xc3\xb6rg@xn--bcher-kva.de");
        QTest::newRow("address literal")
            << QStringLiteral("a@[192.0.2.1]") << false << QByteArray("a@[192.0.2.1]");
    }
    void wireAddress()
    {
        QFETCH(QString, address);
        QFETCH(bool, utf8Allowed);
        QFETCH(QByteArray, wire);
        QCOMPARE(Envelope::wireAddress(address, utf8Allowed), wire);
    }

    void needsSmtpUtf8_data()
    {
        QTest::addColumn<QString>("sender");
        QTest::addColumn<QStringList>("recipients");
        QTest::addColumn<bool>("needed");
        const QString ascii = QStringLiteral("ana@example.org");
        QTest::newRow("all ASCII")
            << ascii << QStringList{QStringLiteral("b@example.net")} << false;
        QTest::newRow("IDN domains only")
            << QStringLiteral("ana@b\u00fccher.de")
            << QStringList{QStringLiteral("b@\u4f8b\u3048.jp")} << false;
        QTest::newRow("non-ASCII sender local part")
            << QStringLiteral("j\u00f6rg@example.org") << QStringList{ascii} << true;
        QTest::newRow("non-ASCII recipient local part")
            << ascii << QStringList{ascii, QStringLiteral("\u00e9lodie@example.fr")} << true;
        QTest::newRow("null sender") << QString() << QStringList{ascii} << false;
    }
    void needsSmtpUtf8()
    {
        QFETCH(QString, sender);
        QFETCH(QStringList, recipients);
        QFETCH(bool, needed);
        Envelope envelope;
        envelope.sender = sender;
        envelope.recipients = recipients;
        QCOMPARE(envelope.needsSmtpUtf8(), needed);
    }
};

QTEST_GUILESS_MAIN(TestEnvelope)
#include "tst_envelope.moc"
