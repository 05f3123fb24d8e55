// "Check server" in the window and in the accounts dialog, and what the window does with what
// a server said: the report dialog (findings first, non-modal, Stop), the knowledge kept for
// the account after a check or a send, and the question asked before a send the server would
// refuse. Offscreen, against the scripted fake server.
#include "account/accountstore.h"
#include "account/memorycredentialstore.h"
#include "account/serverknowledge.h"
#include "accountdialog.h"
#include "accountform.h"
#include "addressfield.h"
#include "composewindow.h"
#include "fakesmtpserver.h"
#include "servercheckdialog.h"
#include "transcriptmodel.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QtTest>

#include <memory>

namespace {

QString certs(const QString &name)
{
    return QStringLiteral(POSTWIRE_TEST_CERTS "/") + name;
}

const QString kChecked = QStringLiteral(R"(
    S: 220 fake.example ESMTP
    C~ EHLO \S+
    S: 250-fake.example
    S: 250-AUTH PLAIN LOGIN
    S: 250-SIZE 1000
    S: 250 8BITMIME
    C: QUIT
    S: 221 bye
)");

const QString kSent = QStringLiteral(R"(
    S: 220 fake.example ESMTP
    C~ EHLO \S+
    S: 250-fake.example
    S: 250-SIZE 5000000
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
    X:
)");

SmtpSettings settingsFor(quint16 port)
{
    SmtpSettings s;
    s.host = QStringLiteral("localhost");
    s.port = port;
    s.security = SmtpSettings::Security::StartTlsIfOffered;
    s.heloName = QStringLiteral("client.example");
    s.timeouts = SmtpTimeouts::uniform(5'000);
    return s;
}

template <typename T> T *waitForChild(QObject *parent, const QString &name = QString())
{
    T *found = nullptr;
    return QTest::qWaitFor(
               [&] {
                   found = parent->findChild<T *>(name);
                   return found != nullptr;
               },
               10'000)
               ? found
               : nullptr;
}

} // namespace

class TestServerCheckDialog : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<ComposeWindow> m_window;

    ComposeWindow *createWindow()
    {
        m_window = std::make_unique<ComposeWindow>();
        m_window->show();
        return m_window.get();
    }

    // A new account for the fake server, chosen in the window's form.
    QString pointAt(ComposeWindow *w, quint16 port)
    {
        Account fake;
        fake.name = QStringLiteral("Fake server");
        fake.host = QStringLiteral("127.0.0.1");
        fake.port = port;
        fake.security = SmtpSettings::Security::None;
        const QString id = w->accountStore()->add(fake);
        w->accountForm()->selectAccountId(id);
        return id;
    }

    void fill(ComposeWindow *w, const QString &body)
    {
        w->fromField()->clear();
        QTest::keyClicks(w->fromField(), QStringLiteral("Ana Lima <ana@example.org>"));
        QTest::keyClicks(w->toField(), QStringLiteral("bo@example.org"));
        QTest::keyClicks(w->subjectField(), QStringLiteral("Hello"));
        w->bodyField()->setPlainText(body);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("PostwireTest"));
        QCoreApplication::setApplicationName(QStringLiteral("postwire"));
        qputenv("POSTWIRE_SANDBOX_PORT", "0");
    }

    void init() { QSettings().clear(); }

    void cleanup()
    {
        if (m_window && m_window->isSending())
            m_window->cancelSend();
        m_window.reset();
    }

    // The report: findings first and marked, the extensions side by side, the chain.
    void dialogShowsReport()
    {
        FakeSmtpServer server(QStringLiteral(
            "S: 220 fake ESMTP\nC: EHLO client.example\nS: 250-fake\nS: 250-AUTH PLAIN LOGIN\n"
            "S: 250 STARTTLS\nC: STARTTLS\nS: 220 go ahead\nT:\nC: EHLO client.example\n"
            "S: 250-fake\nS: 250-AUTH PLAIN\nS: 250 SIZE 52428800\nC: QUIT\nS: 221 bye\n"));
        server.setCertificate(certs(QStringLiteral("selfsigned.pem")),
                              certs(QStringLiteral("selfsigned.key")));
        QVERIFY(server.listen());
        ServerCheckDialog dialog(settingsFor(server.port()), QStringLiteral("Fake"));
        dialog.show();
        QVERIFY(!dialog.isModal());
        QSignalSpy finished(&dialog, &ServerCheckDialog::finished);
        dialog.start();
        QVERIFY(dialog.isRunning());
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10'000);
        QVERIFY2(server.mismatches().isEmpty(), qPrintable(server.report()));
        const QString text = dialog.reportView()->toPlainText();
        const qsizetype findings = text.indexOf(QStringLiteral("AUTH is offered before TLS"));
        QVERIFY2(findings >= 0, qPrintable(text));
        QVERIFY(findings < text.indexOf(QStringLiteral("Greeting")));
        QVERIFY(text.contains(QStringLiteral("PROBLEM")));
        QVERIFY(text.contains(QStringLiteral("does NOT verify")));
        QVERIFY(text.contains(QStringLiteral("50.0 MB")));
        QVERIFY(text.contains(QStringLiteral("TLS removed: STARTTLS")));
        QVERIFY(text.contains(QStringLiteral("EHLO after TLS")));
        QVERIFY2(dialog.statusLabel()->text().contains(QStringLiteral("2 problem")),
                 qPrintable(dialog.statusLabel()->text()));
        QVERIFY(dialog.transcript()->rowCount() > 5);
        QVERIFY(dialog.stopButton()->text().contains(QStringLiteral("Again")));
    }

    // A server that never greets: Stop ends the check at once, and says where it stopped.
    void stopCancels()
    {
        FakeSmtpServer server(QStringLiteral("W: 20000\n"));
        QVERIFY(server.listen());
        ServerCheckDialog dialog(settingsFor(server.port()), QStringLiteral("Silent"));
        dialog.show();
        QSignalSpy finished(&dialog, &ServerCheckDialog::finished);
        dialog.start();
        QTRY_VERIFY(server.connectionCount() == 1);
        dialog.stopButton()->click();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 2'000);
        const ServerReport r = finished.at(0).at(0).value<ServerReport>();
        QCOMPARE(r.error, SendResult::Error::Cancelled);
        QVERIFY(!dialog.isRunning());
        QVERIFY(dialog.statusLabel()->text().contains(QStringLiteral("stopped")));
    }

    // The accounts dialog's "Check Server" opens the report and the account remembers.
    void accountsDialogChecksAndRemembers()
    {
        FakeSmtpServer server(kChecked);
        QVERIFY(server.listen());
        QTemporaryDir dir;
        AccountStore store(dir.filePath(QStringLiteral("postwire.conf")));
        store.load();
        Account a = store.at(0);
        a.name = QStringLiteral("Test");
        a.host = QStringLiteral("127.0.0.1");
        a.port = server.port();
        a.security = SmtpSettings::Security::None;
        store.update(a);
        MemoryCredentialStore credentials;
        AccountDialog accounts(&store, &credentials);
        accounts.show();
        accounts.selectAccount(a.id);
        QVERIFY(accounts.checkButton()->isVisible());
        accounts.checkButton()->click();
        auto *dialog = waitForChild<ServerCheckDialog>(&accounts);
        QVERIFY(dialog);
        QSignalSpy finished(dialog, &ServerCheckDialog::finished);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10'000);
        QVERIFY2(server.mismatches().isEmpty(), qPrintable(server.report()));
        QVERIFY(!dialog->isModal());

        // Kept in the accounts' file, read back by a store of its own.
        const ServerKnowledge known =
            ServerKnowledgeStore(store.fileName()).knowledge(*store.account(a.id));
        QVERIFY(known.isValid());
        QCOMPARE(known.capabilities().sizeLimit(), 1000);
        QVERIFY(!known.capabilities().smtpUtf8());
        QVERIFY(known.learntAt.secsTo(QDateTime::currentDateTimeUtc()) < 60);
    }

    // File > Check Server… in the window, for the account in the form.
    void windowMenuAction()
    {
        FakeSmtpServer server(kChecked);
        QVERIFY(server.listen());
        ComposeWindow *w = createWindow();
        const QString id = pointAt(w, server.port());
        auto *action = w->findChild<QAction *>(QStringLiteral("checkServerAction"));
        QVERIFY(action);
        bool inMenu = false;
        for (QAction *menu : w->menuBar()->actions())
            inMenu |= menu->menu() && menu->menu()->actions().contains(action);
        QVERIFY(inMenu);
        action->trigger();
        auto *dialog = waitForChild<ServerCheckDialog>(w);
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QSignalSpy finished(dialog, &ServerCheckDialog::finished);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10'000);
        QTRY_VERIFY(w->serverKnowledge()->knowledge(id).isValid());
        QCOMPARE(w->serverKnowledge()->knowledge(id).capabilities().sizeLimit(), 1000);
    }

    // Learnt from a check: the window says before sending that the message is too large, sends
    // nothing until the person decides, and sends on "Send Anyway".
    void windowWarnsBeforeSending()
    {
        FakeSmtpServer server(kSent);
        QVERIFY(server.listen());
        ComposeWindow *w = createWindow();
        const QString id = pointAt(w, server.port());
        SmtpReply ehlo;
        ehlo.code = 250;
        ehlo.lines = {"fake.example", "SIZE 200", "8BITMIME"};
        w->serverKnowledge()->learn(
            id, ServerKnowledge::from(Capabilities::fromEhloReply(ehlo),
                                      w->accountStore()->account(id)->serverLabel(), false));
        fill(w, QString(400, QLatin1Char('x')));
        QSignalSpy sent(w, &ComposeWindow::sendFinished);

        w->send();
        auto *box = waitForChild<QMessageBox>(w, QStringLiteral("serverWarning"));
        QVERIFY2(box, qPrintable(w->statusText() + w->serverKnowledge()->knowledge(id).server));
        QVERIFY2(box->informativeText().contains(QStringLiteral("larger than the 200 B")),
                 qPrintable(box->informativeText()));
        QCOMPARE(server.connectionCount(), 0);
        box->button(QMessageBox::Cancel)->click();
        QTRY_VERIFY(!w->findChild<QMessageBox *>(QStringLiteral("serverWarning")));
        QVERIFY(!w->isSending());
        QCOMPARE(server.connectionCount(), 0);

        w->send();
        box = waitForChild<QMessageBox>(w, QStringLiteral("serverWarning"));
        QVERIFY(box);
        QPushButton *anyway = nullptr;
        for (QAbstractButton *b : box->buttons()) {
            if (box->buttonRole(b) == QMessageBox::AcceptRole)
                anyway = qobject_cast<QPushButton *>(b);
        }
        QVERIFY(anyway);
        anyway->click();
        QTRY_COMPARE_WITH_TIMEOUT(sent.size(), 1, 10'000);
        QVERIFY2(server.mismatches().isEmpty(), qPrintable(server.report()));
        QCOMPARE(sent.at(0).at(0).value<SendResult>().outcome, SendResult::Outcome::Success);

        // The send taught the window the server's real limit: no question any more.
        QCOMPARE(w->serverKnowledge()->knowledge(id).capabilities().sizeLimit(), 5000000);
    }

    // The DSN option is there only where the server is known to offer DSN; asked for, it goes
    // into RCPT TO; a server known not to offer it is said before sending.
    void dsnOnlyWhereOffered()
    {
        FakeSmtpServer server(QStringLiteral(R"(
            S: 220 fake.example ESMTP
            C~ EHLO \S+
            S: 250-fake.example
            S: 250 DSN
            C~ MAIL FROM:<ana@example\.org>.*
            S: 250 2.1.0 ok
            C: RCPT TO:<bo@example.org> NOTIFY=SUCCESS,FAILURE
            S: 250 2.1.5 ok
            C: DATA
            S: 354 go ahead
            D:
            S: 250 2.0.0 Ok: queued as 4F2A1
            C: QUIT
            S: 221 2.0.0 bye
            X:
        )"));
        QVERIFY(server.listen());
        ComposeWindow *w = createWindow();
        auto *dsn = w->findChild<QAction *>(QStringLiteral("dsnAction"));
        QVERIFY(dsn);
        const QString id = pointAt(w, server.port());
        QVERIFY2(!dsn->isVisible(), "nothing is known about this server yet");
        const QString label = w->accountStore()->account(id)->serverLabel();
        SmtpReply ehlo;
        ehlo.code = 250;
        ehlo.lines = {"fake.example", "SIZE 100000"};
        w->serverKnowledge()->learn(
            id, ServerKnowledge::from(Capabilities::fromEhloReply(ehlo), label, false));
        QVERIFY2(!dsn->isVisible(), "the server does not offer DSN");
        ehlo.lines << "DSN";
        w->serverKnowledge()->learn(
            id, ServerKnowledge::from(Capabilities::fromEhloReply(ehlo), label, false));
        QVERIFY(dsn->isVisible());
        dsn->setChecked(true);

        // Asked for while the server is known not to offer it (learnt anew): said first.
        ehlo.lines.removeLast();
        w->serverKnowledge()->learn(
            id, ServerKnowledge::from(Capabilities::fromEhloReply(ehlo), label, false));
        QVERIFY2(dsn->isVisible(), "a ticked choice stays in sight");
        fill(w, QStringLiteral("Hi"));
        w->send();
        auto *box = waitForChild<QMessageBox>(w, QStringLiteral("serverWarning"));
        QVERIFY(box);
        QVERIFY2(box->informativeText().contains(QStringLiteral("DSN")),
                 qPrintable(box->informativeText()));
        box->button(QMessageBox::Cancel)->click();
        QTRY_VERIFY(!w->findChild<QMessageBox *>(QStringLiteral("serverWarning")));

        ehlo.lines << "DSN";
        w->serverKnowledge()->learn(
            id, ServerKnowledge::from(Capabilities::fromEhloReply(ehlo), label, false));
        QSignalSpy sent(w, &ComposeWindow::sendFinished);
        w->send();
        QTRY_COMPARE_WITH_TIMEOUT(sent.size(), 1, 10'000);
        QVERIFY2(server.mismatches().isEmpty(), qPrintable(server.report()));
    }
};

QTEST_MAIN(TestServerCheckDialog)
#include "tst_servercheckdialog.moc"
