// Step mode's rules: which typed lines may go (RFC 5321 section 4.5.3.1.4), what a waiting
// command shows (never a credential), what it will do and why, and the content step's preview
// (which must leave every byte for the send).
#include "smtp/smtpstep.h"
#include "trickledevice.h"

#include <QBuffer>
#include <QtTest>

using Kind = TranscriptCommand::Kind;
Q_DECLARE_METATYPE(Kind)
Q_DECLARE_METATYPE(CommandOrigin)

class TestSmtpStep : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void refuseLine_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<QString>("reason"); // empty: accepted
        QTest::newRow("NOOP") << QByteArray("NOOP") << QString();
        QTest::newRow("510 octets, 512 with CRLF") << QByteArray(510, 'x') << QString();
        QTest::newRow("511 octets") << QByteArray(511, 'x')
                                    << QStringLiteral("at most 512 octets with its CRLF (RFC 5321 "
                                                      "section 4.5.3.1.4); this one has 513");
        QTest::newRow("600 octets") << QByteArray(600, 'x') << QStringLiteral("this one has 602");
        QTest::newRow("CRLF inside") << QByteArray("NOOP\r\nQUIT") << QStringLiteral("CR and LF");
        QTest::newRow("bare LF") << QByteArray("NOOP\nQUIT") << QStringLiteral("CR and LF");
        QTest::newRow("bare CR") << QByteArray("NOOP\r") << QStringLiteral("CR and LF");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("empty");
        QTest::newRow("blanks") << QByteArray("   ") << QStringLiteral("empty");
    }
    void refuseLine()
    {
        QFETCH(QByteArray, line);
        QFETCH(QString, reason);
        const QString refused = SmtpStep::refuseLine(line);
        if (reason.isEmpty())
            QVERIFY2(refused.isEmpty(), qPrintable(refused));
        else
            QVERIFY2(refused.contains(reason), qPrintable(refused));
    }

    void kindOfLine_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<Kind>("kind");
        QTest::newRow("noop") << QByteArray("noop") << Kind::Noop;
        QTest::newRow("VRFY with an address") << QByteArray("VRFY bob") << Kind::Vrfy;
        QTest::newRow("EXPN") << QByteArray("EXPN staff") << Kind::Expn;
        QTest::newRow("HELP") << QByteArray(" HELP") << Kind::Help;
        QTest::newRow("RSET") << QByteArray("RSET") << Kind::Rset;
        QTest::newRow("QUIT") << QByteArray("QUIT") << Kind::Quit;
        QTest::newRow("NOOPX is not NOOP") << QByteArray("NOOPX") << Kind::Other;
        QTest::newRow("anything") << QByteArray("XYZZY 1") << Kind::Other;
    }
    void kindOfLine()
    {
        QFETCH(QByteArray, line);
        QFETCH(Kind, kind);
        QCOMPARE(SmtpStep::kindOfLine(line), kind);
    }

    // An edit keeps the planned command only when its verb is the same.
    void verbOf_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<QByteArray>("verb");
        QTest::newRow("MAIL with its address")
            << QByteArray("mail FROM:<a@example.org>") << QByteArray("MAIL");
        QTest::newRow("leading blanks") << QByteArray("  starttls") << QByteArray("STARTTLS");
        QTest::newRow("EHLO is not HELO") << QByteArray("HELO x") << QByteArray("HELO");
        QTest::newRow("alone") << QByteArray("DATA") << QByteArray("DATA");
    }
    void verbOf()
    {
        QFETCH(QByteArray, line);
        QFETCH(QByteArray, verb);
        QCOMPARE(SmtpStep::verbOf(line), verb);
    }

    void secretsStayHidden_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<bool>("answersChallenge");
        QTest::addColumn<QString>("shown");
        QTest::addColumn<bool>("redacted");
        QTest::newRow("AUTH PLAIN with its response")
            << QByteArray("AUTH PLAIN AGFuYQBzZWNyZXQ=") << false
            << QStringLiteral("AUTH PLAIN ********") << true;
        QTest::newRow("auth login with the user") << QByteArray("auth login YW5h") << false
                                                  << QStringLiteral("auth login ********") << true;
        QTest::newRow("AUTH alone asks for a challenge")
            << QByteArray("AUTH LOGIN") << false << QStringLiteral("AUTH LOGIN") << false;
        QTest::newRow("the answer to a 334")
            << QByteArray("c2VjcmV0") << true << QStringLiteral("********") << true;
        QTest::newRow("a command") << QByteArray("MAIL FROM:<a@example.org>") << false
                                   << QStringLiteral("MAIL FROM:<a@example.org>") << false;
        QTest::newRow("a control byte is shown escaped")
            << QByteArray("NOOP \x1b[2J") << false << QStringLiteral("NOOP \\x1b[2J") << false;
    }
    void secretsStayHidden()
    {
        QFETCH(QByteArray, line);
        QFETCH(bool, answersChallenge);
        QFETCH(QString, shown);
        QFETCH(bool, redacted);
        bool wasRedacted = !redacted;
        QCOMPARE(SmtpStep::shownLine(line, answersChallenge, &wasRedacted), shown);
        QCOMPARE(wasRedacted, redacted);
    }

    void waitingAuthShowsTheMechanismOnly()
    {
        TranscriptCommand auth;
        auth.kind = Kind::Auth;
        auth.line = QStringLiteral("AUTH PLAIN ********");
        auth.origin.source = CommandOrigin::Source::Authentication;
        const TranscriptCommand shown = SmtpStep::shown(auth);
        QCOMPARE(shown.line, QStringLiteral("AUTH PLAIN (credentials hidden)"));
        const QString why = SmtpStep::explain(shown);
        QVERIFY2(why.contains(QStringLiteral("with PLAIN")), qPrintable(why));
        QVERIFY2(why.contains(QStringLiteral("credentials are hidden")), qPrintable(why));
        QVERIFY2(why.contains(QStringLiteral("Why: the account's authentication")),
                 qPrintable(why));
        TranscriptCommand next = auth;
        next.kind = Kind::AuthContinue;
        next.line = QStringLiteral("********");
        QCOMPARE(SmtpStep::shown(next).line, QStringLiteral("(credentials hidden)"));
    }

    void explainSaysWhatAndWhy_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<CommandOrigin>("origin");
        QTest::addColumn<QStringList>("words");
        CommandOrigin to;
        to.source = CommandOrigin::Source::Bcc;
        to.address = QStringLiteral("zoe@example.org");
        CommandOrigin ehlo;
        ehlo.source = CommandOrigin::Source::EhloName;
        CommandOrigin user;
        user.source = CommandOrigin::Source::User;
        QTest::newRow("RCPT from Bcc")
            << QStringLiteral("RCPT TO:<zoe@example.org>") << to
            << QStringList{QStringLiteral("names one envelope recipient"),
                           QStringLiteral("Why: the Bcc field (zoe@example.org), in the envelope "
                                          "only")};
        QTest::newRow("EHLO") << QStringLiteral("EHLO host.example") << ehlo
                              << QStringList{QStringLiteral("\"host.example\""),
                                             QStringLiteral("Why: the account's EHLO name")};
        QTest::newRow("a typed line Postwire does not know")
            << QStringLiteral("XYZZY") << user
            << QStringList{QStringLiteral("the server decides"),
                           QStringLiteral("Why: a line you typed")};
    }
    void explainSaysWhatAndWhy()
    {
        QFETCH(QString, line);
        QFETCH(CommandOrigin, origin);
        QFETCH(QStringList, words);
        TranscriptCommand c;
        c.kind = Kind::Other;
        c.line = line;
        c.origin = origin;
        const QString text = SmtpStep::explain(c);
        for (const QString &w : words)
            QVERIFY2(text.contains(w), qPrintable(text));
    }

    void contentExplained()
    {
        SmtpStep::Content data;
        data.present = true;
        data.size = 2048;
        data.firstLines = {QStringLiteral("Subject: x"), QString(), QStringLiteral(".hidden"),
                           QStringLiteral("..two")};
        const QString text = SmtpStep::explainContent(data);
        QVERIFY2(text.contains(QStringLiteral("2.0 KB (2048 bytes)")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Dot-stuffing (RFC 5321 section 4.5.2)")),
                 qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("a line holding only \".\" ends the message")),
                 qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("2 of the lines shown begin with \".\"")),
                 qPrintable(text));
        data.chunking = true;
        const QString bdat = SmtpStep::explainContent(data);
        QVERIFY2(bdat.contains(QStringLiteral("nothing is dot-stuffed")), qPrintable(bdat));
        QVERIFY(!bdat.contains(QStringLiteral("Dot-stuffing (")));
    }

    // The preview peeks: what the send reads afterwards is the whole message, on a buffer
    // (seekable) and on a sequential device like the MIME writer.
    void previewLeavesTheBytes_data()
    {
        QTest::addColumn<bool>("sequential");
        QTest::newRow("buffer") << false;
        QTest::newRow("sequential") << true;
    }
    void previewLeavesTheBytes()
    {
        QFETCH(bool, sequential);
        QByteArray message = "From: a@example.org\r\nTo: b@example.org\r\nSubject: \x07hi\r\n\r\n";
        for (int i = 0; i < 20; ++i)
            message += "line " + QByteArray::number(i) + "\r\n";
        QBuffer buffer;
        buffer.setData(message);
        buffer.open(QIODevice::ReadOnly);
        TrickleDevice trickle;
        trickle.feed(message);
        trickle.end();
        QIODevice *device = sequential ? static_cast<QIODevice *>(&trickle) : &buffer;
        const QStringList lines = SmtpStep::peekLines(device);
        QCOMPARE(lines.size(), SmtpStep::PreviewLines);
        QCOMPARE(lines.first(), QStringLiteral("From: a@example.org"));
        QCOMPARE(lines[2], QStringLiteral("Subject: \\x07hi")); // escaped, never raw
        QCOMPARE(lines[3], QString());
        QCOMPARE(lines[4], QStringLiteral("line 0"));
        QCOMPARE(device->readAll(), message);
        QCOMPARE(SmtpStep::peekLines(nullptr), QStringList());
    }
};

QTEST_GUILESS_MAIN(TestSmtpStep)
#include "tst_smtpstep.moc"
