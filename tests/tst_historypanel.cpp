// The History panel in the window: every send, test connection, server check and console
// session kept (a console's typed AUTH secret never on disk) and there after a
// restart, one opened in the transcript view, two compared step by step with the changes
// marked, filters, export (text, HTML, JSON parsed back), Copy as Command, delete, and a
// history that cannot be written shown as a problem while the send still succeeds.
#include "account/account.h"
#include "account/accountstore.h"
#include "accountdialog.h"
#include "accountform.h"
#include "composewindow.h"
#include "console/consolesession.h"
#include "consoleinput.h"
#include "consolepanel.h"
#include "fakesmtpserver.h"
#include "history/attemptexport.h"
#include "history/historystore.h"
#include "historycompareview.h"
#include "historypanel.h"
#include "transcriptmodel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

namespace {

using Kind = TranscriptCommand::Kind;

const QString kScenario = QStringLiteral(R"(
    S: 220 fake.example ESMTP
    C~ EHLO \S+
    S: 250-fake.example
    S: 250 8BITMIME
    C~ MAIL FROM:<ana@example\.org>.*
    S: 250 2.1.0 ok
    C~ RCPT TO:<bo@example\.org>.*
    S: 250 2.1.5 ok
    C: DATA
    S: 354 go ahead
    D:
    S: 250 2.0.0 Ok: queued as 4F2A1
    C: QUIT
    S: 221 2.0.0 bye
)");

Account fakeAccount(quint16 port)
{
    Account a;
    a.id = QStringLiteral("fake");
    a.name = QStringLiteral("Fake server");
    a.host = QStringLiteral("127.0.0.1");
    a.port = port;
    a.security = SmtpSettings::Security::None;
    a.heloName = QStringLiteral("test.example");
    a.address = QStringLiteral("ana@example.org");
    return a;
}

// An attempt as the client records it: the greeting, EHLO, MAIL, each RCPT with its reply
// and latency, QUIT.
Attempt made(const QStringList &rcpts, const QStringList &replies, qint64 rcptLatency, int minute)
{
    Attempt a;
    a.host = QStringLiteral("mx.example.org");
    a.port = 25;
    a.account = QStringLiteral("Work");
    a.started = QDateTime(QDate(2026, 11, 30), QTime(1, minute), Qt::UTC);
    a.outcome = replies.contains(QStringLiteral("250 ok")) ? Attempt::Outcome::Success
                                                           : Attempt::Outcome::Failure;
    int id = 0;
    qint64 t = 0;
    const auto add = [&](Kind kind, const QString &line, const QString &address,
                         const QString &reply, qint64 latency) {
        TranscriptCommand c;
        c.kind = kind;
        c.line = line;
        c.id = kind == Kind::Greeting ? -1 : id++;
        c.origin.address = address;
        c.origin.source =
            kind == Kind::Rcpt ? CommandOrigin::Source::To : CommandOrigin::Source::Protocol;
        if (kind != Kind::Greeting) {
            TranscriptEntry e;
            e.direction = TranscriptEntry::Direction::Client;
            e.elapsedMs = t;
            e.text = line;
            e.command = c;
            a.entries << e;
        }
        t += latency;
        TranscriptEntry r;
        r.direction = TranscriptEntry::Direction::Server;
        r.elapsedMs = t;
        r.text = reply;
        r.replyCode = reply.left(3).toInt();
        r.lastLineOfReply = true;
        r.latencyMs = latency;
        r.command = c;
        a.entries << r;
    };
    add(Kind::Greeting, QString(), QString(), QStringLiteral("220 mx ESMTP"), 5);
    add(Kind::Ehlo, QStringLiteral("EHLO me.example"), QString(), QStringLiteral("250 mx"), 5);
    add(Kind::Mail, QStringLiteral("MAIL FROM:<a@example.org>"), QStringLiteral("a@example.org"),
        QStringLiteral("250 ok"), 5);
    for (qsizetype i = 0; i < rcpts.size(); ++i)
        add(Kind::Rcpt, QStringLiteral("RCPT TO:<%1>").arg(rcpts.at(i)), rcpts.at(i), replies.at(i),
            rcptLatency);
    add(Kind::Quit, QStringLiteral("QUIT"), QString(), QStringLiteral("221 bye"), 5);
    a.deriveEnvelope();
    return a;
}

} // namespace

class TestHistoryPanel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("PostwireTest"));
        QCoreApplication::setApplicationName(QStringLiteral("postwire"));
        qputenv("POSTWIRE_SANDBOX_PORT", "0");
    }
    void init()
    {
        QSettings().clear();
        QDir(HistoryStore().folder()).removeRecursively();
    }

    void keptAcrossARestartOfTheWindow()
    {
        FakeSmtpServer server(kScenario);
        QVERIFY(server.listen());
        FakeSmtpServer probed(QStringLiteral(
            "S: 220 fake.example ESMTP\nC~ EHLO \\S+\nS: 250 fake.example\nC: QUIT\nS: 221 bye\n"));
        QVERIFY(probed.listen());
        QStringList ids;
        {
            ComposeWindow w;
            w.show();
            HistoryPanel *panel = w.historyPanel();
            QVERIFY(panel);
            QVERIFY(panel->attempts().isEmpty());
            // View > History opens the panel.
            QAction *toggle = w.findChild<QAction *>(QStringLiteral("historyToggleAction"));
            QVERIFY(toggle);
            QVERIFY(w.historyDock()->isHidden());
            toggle->trigger();
            QVERIFY(w.historyDock()->isVisible());
            bool inViewMenu = false;
            for (QAction *menu : w.menuBar()->actions()) {
                if (menu->menu() && menu->menu()->actions().contains(toggle))
                    inViewMenu = menu->text() == QStringLiteral("&View");
            }
            QVERIFY(inViewMenu);

            // A send through the window's submission, as Send does.
            Message message;
            message.from = Mailbox::parse(QStringLiteral("ana@example.org")).mailbox;
            message.to = {Mailbox::parse(QStringLiteral("bo@example.org")).mailbox};
            message.subject = QStringLiteral("Hi <there> & you");
            message.text = QStringLiteral("Hello.");
            QString problem;
            QCOMPARE(w.submission()->send(fakeAccount(server.port()), message, &problem),
                     Submission::Start::Started);
            QTRY_COMPARE_WITH_TIMEOUT(panel->attempts().size(), 1, 10000);
            QVERIFY2(server.report().isEmpty(), qPrintable(server.report()));

            // Test connection in the accounts dialog is kept too.
            w.openAccounts();
            auto *dialog = w.findChild<AccountDialog *>();
            QVERIFY(dialog);
            QCOMPARE(dialog->submission()->probe(fakeAccount(probed.port()), &problem),
                     Submission::Start::Started);
            QTRY_COMPARE_WITH_TIMEOUT(panel->attempts().size(), 2, 10000);
            dialog->close();
            for (const Attempt &a : panel->attempts())
                ids << a.id;
            QCOMPARE(panel->shownIds(), ids);
            QCOMPARE(panel->attempts().at(0).kind, Attempt::Kind::TestConnection);
            QCOMPARE(panel->attempts().at(1).kind, Attempt::Kind::Send);
            QCOMPARE(panel->attempts().at(1).account, QStringLiteral("Fake server"));
            QCOMPARE(panel->attempts().at(1).outcome, Attempt::Outcome::Success);
            QCOMPARE(panel->attempts().at(1).subject, QStringLiteral("Hi <there> & you"));
        }
        // A new window (a restart) lists the same attempts.
        ComposeWindow again;
        again.show();
        HistoryPanel *panel = again.historyPanel();
        QCOMPARE(panel->shownIds(), ids);
        // Opening one shows its transcript in the transcript view, with the explanations.
        panel->selectIds({ids.at(1)});
        QCOMPARE(panel->details()->currentIndex(), 1);
        const TranscriptModel *model = panel->transcript();
        int rcpt = -1;
        for (int i = 0; i < model->rowCount(); ++i) {
            if (model->data(model->index(i))
                    .toString()
                    .contains(QLatin1String("RCPT TO:<bo@example.org>")))
                rcpt = i;
        }
        QVERIFY(rcpt > 0);
        QVERIFY(!model->explanation(rcpt + 1).isEmpty()); // the reply, explained against RCPT
        QCOMPARE(model->section(0).account, QStringLiteral("Fake server"));
    }

    void checkAndConsoleAreKept()
    {
        FakeSmtpServer checked(QStringLiteral(
            "S: 220 fake.example ESMTP\nC~ EHLO \\S+\nS: 250-fake.example\nS: 250 8BITMIME\n"
            "C: QUIT\nS: 221 bye\n"));
        QVERIFY(checked.listen());
        const QByteArray secret = "typed-s3cret";
        const QString auth =
            QStringLiteral("AUTH PLAIN ") +
            QString::fromLatin1(QByteArray(QByteArray("\0ana\0", 5) + secret).toBase64());
        FakeSmtpServer typed(QStringLiteral("S: 220 fake ESMTP\nC: EHLO me.example\n"
                                            "S: 250-fake\nS: 250 AUTH PLAIN\nC: %1\n"
                                            "S: 235 2.7.0 ok\nC: QUIT\nS: 221 bye\n")
                                 .arg(auth));
        QVERIFY(typed.listen());
        ComposeWindow w;
        w.show();
        HistoryPanel *panel = w.historyPanel();

        // File > Check Server... for the account in the form.
        Account account = fakeAccount(checked.port());
        account.id.clear();
        const QString id = w.accountStore()->add(account);
        w.accountForm()->selectAccountId(id);
        w.findChild<QAction *>(QStringLiteral("checkServerAction"))->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(panel->attempts().size(), 1, 10000);
        QVERIFY2(checked.report().isEmpty(), qPrintable(checked.report()));
        const Attempt check = panel->attempts().at(0);
        QCOMPARE(check.kind, Attempt::Kind::ServerCheck);
        QCOMPARE(check.outcome, Attempt::Outcome::Success);
        QCOMPARE(check.server(), QStringLiteral("127.0.0.1:%1").arg(checked.port()));
        QCOMPARE(check.account, QStringLiteral("Fake server"));
        QVERIFY(check.entries.size() >= 4); // greeting, EHLO and its reply, QUIT

        // The accounts dialog's Check server is kept too.
        FakeSmtpServer again(QStringLiteral(
            "S: 220 fake.example ESMTP\nC~ EHLO \\S+\nS: 250 fake.example\nC: QUIT\nS: 221 bye\n"));
        QVERIFY(again.listen());
        Account moved = *w.accountStore()->account(id);
        moved.port = again.port();
        w.accountStore()->update(moved);
        w.openAccounts();
        auto *accounts = w.findChild<AccountDialog *>();
        QVERIFY(accounts);
        accounts->selectAccount(id);
        accounts->checkButton()->click();
        QTRY_COMPARE_WITH_TIMEOUT(panel->attempts().size(), 2, 10000);
        QVERIFY2(again.report().isEmpty(), qPrintable(again.report()));
        QCOMPARE(panel->attempts().at(0).kind, Attempt::Kind::ServerCheck);
        QCOMPARE(panel->attempts().at(0).server(),
                 QStringLiteral("127.0.0.1:%1").arg(again.port()));
        QCOMPARE(panel->attempts().at(0).account, QStringLiteral("Fake server"));
        accounts->close();

        // The Console tab: one attempt for the session, the typed AUTH line masked on disk.
        account.port = typed.port();
        account.name = QStringLiteral("Typed");
        ConsolePanel *console = w.consolePanel();
        console->selectAccount(w.accountStore()->add(account));
        console->connectToServer();
        const auto type = [console](const QString &line) {
            QTRY_VERIFY(console->input()->isEnabled() && !console->session()->isWaiting());
            console->input()->setText(line);
            console->sendLine();
            QVERIFY2(console->problem().isEmpty(), qPrintable(console->problem()));
        };
        type(QStringLiteral("EHLO me.example"));
        type(auth);
        type(QStringLiteral("QUIT"));
        QTRY_COMPARE_WITH_TIMEOUT(panel->attempts().size(), 3, 10000);
        QVERIFY2(typed.report().isEmpty(), qPrintable(typed.report()));
        const Attempt session = panel->attempts().at(0);
        QCOMPARE(session.kind, Attempt::Kind::Console);
        QCOMPARE(session.outcome, Attempt::Outcome::Success);
        QCOMPARE(session.account, QStringLiteral("Typed"));
        QCOMPARE(session.server(), QStringLiteral("127.0.0.1:%1").arg(typed.port()));
        QFile saved(HistoryStore().folder() + QLatin1Char('/') + session.id +
                    QStringLiteral(".json"));
        QVERIFY(saved.open(QIODevice::ReadOnly));
        const QByteArray file = saved.readAll();
        QVERIFY(file.contains("EHLO me.example") && file.contains("AUTH PLAIN"));
        QVERIFY2(!file.contains(auth.mid(11).toLatin1()) && !file.contains(secret),
                 file.constData());
    }

    void compareTwoStepByStep()
    {
        const HistoryStore store;
        Attempt before = made({QStringLiteral("b@example.org")}, {QStringLiteral("250 ok")}, 10, 0);
        Attempt after =
            made({QStringLiteral("b@example.org"), QStringLiteral("c@example.org")},
                 {QStringLiteral("550 5.1.1 no such user"), QStringLiteral("250 ok")}, 1510, 5);
        QVERIFY(store.save(before).ok);
        QVERIFY(store.save(after).ok);
        HistoryPanel panel(store);
        panel.show();
        QCOMPARE(panel.shownIds(), (QStringList{after.id, before.id}));
        QVERIFY(!panel.compareButton()->isEnabled());
        panel.selectIds({before.id, after.id});
        QVERIFY(panel.compareButton()->isEnabled());
        QTest::mouseClick(panel.compareButton(), Qt::LeftButton);
        QCOMPARE(panel.details()->currentWidget(), panel.compareView());
        QTableWidget *table = panel.compareView()->table();
        QStringList steps;
        for (int r = 0; r < table->rowCount(); ++r)
            steps << table->item(r, HistoryCompareView::StepColumn)->text();
        QCOMPARE(steps, (QStringList{QStringLiteral("= Greeting"), QStringLiteral("= EHLO"),
                                     QStringLiteral("= MAIL FROM <a@example.org>"),
                                     QStringLiteral("! RCPT TO <b@example.org>"),
                                     QStringLiteral("+ RCPT TO <c@example.org>"),
                                     QStringLiteral("= QUIT")}));
        // The older attempt is A: the slower, refused RCPT is B's.
        QVERIFY(table->item(3, HistoryCompareView::RightColumn)
                    ->text()
                    .contains(QLatin1String("550 5.1.1")));
        QVERIFY(table->item(3, HistoryCompareView::LeftColumn)
                    ->text()
                    .contains(QLatin1String("250 ok")));
        QCOMPARE(table->item(3, HistoryCompareView::TimingColumn)->text(),
                 QStringLiteral("+1500 ms"));
        QVERIFY(table->item(4, HistoryCompareView::LeftColumn)->text().isEmpty());
        // Differences are highlighted, the same steps are not.
        const QBrush same = table->item(0, HistoryCompareView::StepColumn)->background();
        QVERIFY(table->item(3, HistoryCompareView::StepColumn)->background() != same);
        QVERIFY(table->item(4, HistoryCompareView::StepColumn)->background() != same);
        QVERIFY(table->item(3, HistoryCompareView::StepColumn)->background() !=
                table->item(4, HistoryCompareView::StepColumn)->background());
        QVERIFY(panel.compareView()->summary()->text().contains(QLatin1String("2 steps differ")));
    }

    void filtersExportCopyDelete()
    {
        const HistoryStore store;
        Attempt ok = made({QStringLiteral("b@example.org")}, {QStringLiteral("250 ok")}, 10, 0);
        Attempt refused = made({QStringLiteral("b@example.org")},
                               {QStringLiteral("550 <b@example.org> & \"no\"")}, 10, 1);
        refused.host = QStringLiteral("other.example.org");
        refused.account = QStringLiteral("Home");
        refused.user = QStringLiteral("ana");
        QVERIFY(store.save(ok).ok);
        QVERIFY(store.save(refused).ok);
        HistoryPanel panel(store);
        QCOMPARE(panel.shownIds().size(), 2);
        // Filters: by outcome, by server, by account; "any" again shows all.
        QComboBox *outcome = panel.outcomeFilter();
        outcome->setCurrentIndex(outcome->findData(QStringLiteral("failure")));
        QCOMPARE(panel.shownIds(), QStringList{refused.id});
        outcome->setCurrentIndex(0);
        panel.serverFilter()->setCurrentIndex(
            panel.serverFilter()->findData(QStringLiteral("mx.example.org:25")));
        QCOMPARE(panel.shownIds(), QStringList{ok.id});
        panel.serverFilter()->setCurrentIndex(0);
        panel.accountFilter()->setCurrentIndex(
            panel.accountFilter()->findData(QStringLiteral("Home")));
        QCOMPARE(panel.shownIds(), QStringList{refused.id});
        panel.accountFilter()->setCurrentIndex(0);
        QCOMPARE(panel.shownIds().size(), 2);

        // Export in the three formats, each read back.
        QTemporaryDir dir;
        QString error;
        QVERIFY(panel.exportTo(refused.id, dir.filePath(QStringLiteral("a.json")), &error));
        QFile json(dir.filePath(QStringLiteral("a.json")));
        QVERIFY(json.open(QIODevice::ReadOnly));
        const QJsonObject o = QJsonDocument::fromJson(json.readAll()).object();
        const QJsonArray events = o.value(QStringLiteral("events")).toArray();
        QCOMPARE(events.size(), refused.entries.size());
        QCOMPARE(events.at(events.size() - 3).toObject().value(QStringLiteral("text")).toString(),
                 QStringLiteral("550 <b@example.org> & \"no\""));
        QVERIFY(panel.exportTo(refused.id, dir.filePath(QStringLiteral("a.html")), &error));
        QFile html(dir.filePath(QStringLiteral("a.html")));
        QVERIFY(html.open(QIODevice::ReadOnly));
        const QByteArray page = html.readAll();
        QVERIFY(page.contains("550 &lt;b@example.org&gt; &amp; &quot;no&quot;"));
        QVERIFY(page.contains("class=\"explanation\">"));
        QVERIFY(panel.exportTo(refused.id, dir.filePath(QStringLiteral("a.txt")), &error));
        QFile text(dir.filePath(QStringLiteral("a.txt")));
        QVERIFY(text.open(QIODevice::ReadOnly));
        QVERIFY(text.readAll().contains("C: RCPT TO:<b@example.org>"));
        QVERIFY(
            !panel.exportTo(refused.id, dir.filePath(QStringLiteral("missing/dir/a.txt")), &error));
        QVERIFY(error.contains(QLatin1String("a.txt")));

        // Copy as Command: the line on the clipboard, the password left to a variable.
        const QString line = panel.copyCommand(refused.id, false);
        QCOMPARE(QApplication::clipboard()->text(), line);
        QVERIFY(line.startsWith(QLatin1String("postwire send --server other.example.org:25")));
        QVERIFY(line.contains(QLatin1String("--password-env POSTWIRE_PASSWORD")));
        QVERIFY(panel.copyCommand(refused.id, true)
                    .startsWith(QLatin1String("swaks --server other.example.org")));

        // Delete.
        QVERIFY(panel.deleteAttempts({refused.id}, &error));
        QCOMPARE(panel.shownIds(), QStringList{ok.id});
        QCOMPARE(store.ids(), QStringList{ok.id});
    }

    void aSaveThatFailsIsShownAndTheSendStands()
    {
        QTemporaryDir dir;
        const QString blocked = dir.filePath(QStringLiteral("history"));
        QFile file(blocked);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        FakeSmtpServer server(
            QStringLiteral("S: 220 fake ESMTP\nC~ EHLO \\S+\nS: 250 fake\nC: QUIT\nS: 221 bye\n"));
        QVERIFY(server.listen());
        HistoryPanel panel{HistoryStore(blocked)};
        SmtpClient client;
        panel.follow(&client, Attempt::Kind::TestConnection);
        QSignalSpy notice(&panel, &HistoryPanel::notice);
        QSignalSpy finished(&client, &SmtpClient::finished);
        SmtpSettings settings;
        settings.host = QStringLiteral("127.0.0.1");
        settings.port = server.port();
        settings.security = SmtpSettings::Security::None;
        client.probe(settings);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
        QCOMPARE(finished.first().first().value<SendResult>().outcome,
                 SendResult::Outcome::Success);
        QCOMPARE(notice.size(), 1);
        QVERIFY(!panel.problems()->isHidden());
        QVERIFY2(panel.problems()->text().contains(QLatin1String("not saved")),
                 qPrintable(panel.problems()->text()));
    }

    void aDamagedEntryIsShownNotFatal()
    {
        const HistoryStore store;
        Attempt ok = made({QStringLiteral("b@example.org")}, {QStringLiteral("250 ok")}, 10, 0);
        QVERIFY(store.save(ok).ok);
        QFile bad(store.folder() + QStringLiteral("/20200101-000000-000.json"));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("not json");
        bad.close();
        HistoryPanel panel(store);
        QCOMPARE(panel.shownIds(), QStringList{ok.id});
        QVERIFY(!panel.problems()->isHidden());
        QVERIFY(panel.problems()->text().contains(QLatin1String("damaged")));
    }
};

QTEST_MAIN(TestHistoryPanel)
#include "tst_historypanel.moc"
