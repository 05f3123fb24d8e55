// The window sending from a "Direct to the recipient's server (MX)" account: the account is
// kept with its kind and DNS server, the quick form says what it does, the message goes to
// each recipient domain's MX (a real DNS server, scripted SMTP servers), the transcript has a
// section per domain with its DNS steps, and the banner says what became of each domain; the
// history keeps one attempt per domain.
#include "account/accountstore.h"
#include "accountform.h"
#include "addressfield.h"
#include "composewindow.h"
#include "dnsserverprocess.h"
#include "fakesmtpserver.h"
#include "history/historystore.h"
#include "historypanel.h"
#include "resultpanel.h"
#include "transcriptmodel.h"

#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

class TestMxCompose : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("PostwireTest"));
        QCoreApplication::setApplicationName(QStringLiteral("postwire"));
        qputenv("POSTWIRE_SANDBOX_PORT", "0");
        qputenv("RES_OPTIONS", "timeout:1 attempts:1");
        QSettings().clear();
        QDir(HistoryStore().folder()).removeRecursively();
    }

    void accountKindIsKept()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("accounts.ini"));
        QString id;
        {
            AccountStore store(file);
            Account a;
            a.name = QStringLiteral("Direct");
            a.kind = Account::Kind::DirectMx;
            a.port = 25;
            a.dnsServer = QStringLiteral("192.0.2.53");
            QVERIFY(a.validate().isEmpty()); // no host needed
            id = store.add(a);
        }
        AccountStore again(file);
        QVERIFY(again.load());
        const std::optional<Account> a = again.account(id);
        QVERIFY(a.has_value());
        QCOMPARE(a->kind, Account::Kind::DirectMx);
        QCOMPARE(a->dnsServer, QStringLiteral("192.0.2.53"));
        QCOMPARE(a->serverLabel(), QStringLiteral("the recipients' mail servers (MX)"));

        Account bad = *a;
        bad.dnsServer = QStringLiteral("ns.example.org");
        QVERIFY(
            bad.problem(Account::Field::DnsServer).contains(QStringLiteral("not an IP address")));
        bad.dnsServer.clear();
        bad.authenticate = true;
        bad.user = QStringLiteral("ana");
        QVERIFY(!bad.problem(Account::Field::Authentication).isEmpty());
    }

    void sendsToEachDomain()
    {
        FakeSmtpServer server(QStringLiteral(R"(
            S: 220 mx.one.test ESMTP
            C~ EHLO \S+
            S: 250 mx.one.test
            C~ MAIL FROM:<ana@sender\.test>.*
            S: 250 ok
            C~ RCPT TO:<bo@one\.test>.*
            S: 250 ok
            C: DATA
            S: 354 go
            D:
            S: 250 2.0.0 queued as MX1
            C: QUIT
            S: 221 bye
        )"));
        QVERIFY(server.listen());
        DnsServerProcess dns;
        dns.start({QStringLiteral("one.test. MX 600 10 mx.one.test."),
                   QStringLiteral("mx.one.test. A 60 127.0.0.1"),
                   QStringLiteral("nomail.test. MX 600 0 .")});
        QTRY_VERIFY_WITH_TIMEOUT(dns.isReady() || dns.failed(), 10000);
        if (dns.notPermitted())
            QSKIP(dns.errors().constData());
        QVERIFY2(dns.isReady(), dns.errors().constData());

        auto w = std::make_unique<ComposeWindow>();
        w->show();
        Account direct;
        direct.name = QStringLiteral("Direct");
        direct.kind = Account::Kind::DirectMx;
        direct.port = server.port();
        direct.dnsServer = dns.address().toString();
        AccountForm *form = w->accountForm();
        form->selectAccountId(w->accountStore()->add(direct));
        QCOMPARE(form->currentAccount(), QStringLiteral("Direct"));
        QVERIFY(!form->hostField()->isVisible()); // no server of its own to edit
        QVERIFY2(form->noteLabel()->text().contains(
                     QStringLiteral("Direct to each recipient's mail server (MX)")),
                 qPrintable(form->noteLabel()->text()));
        QVERIFY(form->noteLabel()->text().contains(dns.address().toString()));

        // Set, not typed: the address completer remembers earlier runs.
        w->fromField()->setText(QStringLiteral("ana@sender.test"));
        w->toField()->setText(QStringLiteral("bo@one.test, zed@nomail.test"));
        QTest::keyClicks(w->subjectField(), QStringLiteral("Direct"));
        QTest::keyClicks(w->bodyField(), QStringLiteral("Hello."));
        w->send();

        ResultPanel *result = w->resultPanel();
        QTRY_VERIFY2_WITH_TIMEOUT(result->kind() == ResultPanel::Kind::Partial,
                                  qPrintable(result->title() + QLatin1Char('\n') + result->text()),
                                  15000);
        QCOMPARE(result->title(), QStringLiteral("Delivered to 1 of 2 recipient domains"));
        QVERIFY2(result->text().contains(
                     QStringLiteral("one.test: delivered by mx.one.test, queue id MX1")),
                 qPrintable(result->text()));
        QVERIFY2(result->text().contains(
                     QStringLiteral("nomail.test takes no mail: its MX record is a null MX")),
                 qPrintable(result->text()));
        QVERIFY(result->text().contains(QStringLiteral("zed@nomail.test: not sent")));
        QVERIFY2(server.report().isEmpty(), qPrintable(server.report()));

        // A section per domain, each with its DNS steps.
        TranscriptModel *t = w->transcriptModel();
        QCOMPARE(t->sectionCount(), 2);
        QVERIFY(t->section(0).server.startsWith(QStringLiteral("one.test (MX) for bo@one.test")));
        QVERIFY(t->section(1).server.startsWith(QStringLiteral("nomail.test (MX)")));
        QCOMPARE(t->section(1).account, QStringLiteral("Direct"));
        int dnsRows = 0;
        bool sawAnswer = false;
        for (int row = 0; row < t->rowCount(); ++row) {
            const TranscriptEntry *e = t->entry(row);
            if (!e || e->direction != TranscriptEntry::Direction::Dns)
                continue;
            ++dnsRows;
            QCOMPARE(t->data(t->index(row), TranscriptModel::PrefixRole).toString(),
                     QStringLiteral("DNS:"));
            sawAnswer =
                sawAnswer || e->text == QStringLiteral("one.test MX 10 mx.one.test (TTL 600 s)");
        }
        QVERIFY(dnsRows >= 5); // MX question and answer, A and AAAA of mx.one.test, null MX
        QVERIFY(sawAnswer);
        QVERIFY(w->sendAction()->isEnabled());

        // One Send attempt per domain, newest first, with the MX that held the session.
        const QList<Attempt> &attempts = w->historyPanel()->attempts();
        QTRY_COMPARE(attempts.size(), 2);
        const Attempt &noMail = attempts.at(0), &one = attempts.at(1);
        QCOMPARE(one.kind, Attempt::Kind::Send);
        QCOMPARE(one.outcome, Attempt::Outcome::Success);
        QCOMPARE(one.server(), QStringLiteral("mx.one.test:%1").arg(server.port()));
        QCOMPARE(one.account, QStringLiteral("Direct"));
        QCOMPARE(one.to, QStringList{QStringLiteral("bo@one.test")});
        QCOMPARE(one.subject, w->subjectField()->text());
        QCOMPARE(noMail.kind, Attempt::Kind::Send);
        QCOMPARE(noMail.outcome, Attempt::Outcome::Failure);
        QVERIFY(noMail.host.isEmpty());
        QVERIFY2(noMail.message.contains(QStringLiteral("null MX")), qPrintable(noMail.message));
        QVERIFY(!noMail.entries.isEmpty());
    }
};

QTEST_MAIN(TestMxCompose)
#include "tst_mxcompose.moc"
