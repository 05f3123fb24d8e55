// The first run of a new user (issue 7): the window opens with the "Local sandbox" account
// chosen, a message typed and sent goes to the built-in server, the transcript shows the
// dialogue, and the sandbox inbox shows the message, its envelope beside its headers, and the
// server's side of the session. A person's own accounts are never replaced.
#include "account/accountstore.h"
#include "accountform.h"
#include "addressfield.h"
#include "composewindow.h"
#include "inboxmodel.h"
#include "inboxpanel.h"
#include "mainwindowsandbox.h"
#include "resultpanel.h"
#include "sandbox/mailstore.h"
#include "sandbox/sandboxserver.h"
#include "sandboxpanel.h"
#include "transcriptmodel.h"
#include "transcriptview.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTcpServer>
#include <QtTest>

#include <memory>

namespace {

int rowContaining(const TranscriptModel *model, const QString &text)
{
    for (int i = 0; i < model->rowCount(); ++i) {
        if (model->data(model->index(i)).toString().contains(text))
            return i;
    }
    return -1;
}

QString allRows(const TranscriptModel *model)
{
    QStringList rows;
    for (int i = 0; i < model->rowCount(); ++i)
        rows << model->data(model->index(i)).toString();
    return rows.join(QLatin1Char('\n'));
}

} // namespace

class TestFirstRun : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<ComposeWindow> m_window;

    ComposeWindow *createWindow()
    {
        m_window = std::make_unique<ComposeWindow>();
        m_window->show();
        QApplication::setActiveWindow(m_window.get());
        if (!QTest::qWaitForWindowActive(m_window.get()))
            qWarning("window not active: focus checks may fail");
        return m_window.get();
    }

    // Settings, drafts and the sandbox's data (credentials, certificate, inbox) gone: what a
    // new user has. The organisation name keeps this away from anything real.
    void forgetEverything()
    {
        QSettings().clear();
        QSettings().sync();
        const QString data = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        QVERIFY(data.contains(QStringLiteral("PostwireFirstRunTest")));
        QDir(data).removeRecursively();
        QFile::remove(DraftStore().path());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("PostwireFirstRunTest"));
        QCoreApplication::setApplicationName(QStringLiteral("postwire"));
        qputenv("POSTWIRE_SANDBOX_PORT", "0"); // never the fixed port in tests
    }

    void init() { forgetEverything(); }

    void cleanup()
    {
        if (m_window && m_window->isSending())
            m_window->cancelSend();
        m_window.reset();
        qputenv("POSTWIRE_SANDBOX_PORT", "0");
    }

    void sendsToTheSandboxOutOfTheBox()
    {
        ComposeWindow *w = createWindow();
        MainWindowSandbox *sandbox = w->sandbox();

        // Opened with the sandbox account, the only one, and the default.
        QCOMPARE(w->accountStore()->count(), 1);
        QCOMPARE(w->accountForm()->currentAccount(), QStringLiteral("Local sandbox"));
        QCOMPARE(w->accountForm()->currentId(), sandbox->accountId());
        QCOMPARE(w->accountStore()->defaultId(), sandbox->accountId());
        QVERIFY(sandbox->isSandboxAccount(sandbox->accountId()));
        QVERIFY(!w->fromField()->text().isEmpty()); // the account's identity
        QVERIFY2(w->fromField()->problem().isEmpty(), qPrintable(w->fromField()->problem()));
        QVERIFY(w->sandboxDock()->isVisible());
        QVERIFY(!w->accountForm()->note().isEmpty());
        // The transcript pane is not blank: it says what will appear there.
        auto *hint = w->transcriptView()->findChild<QLabel *>(QStringLiteral("transcriptHint"));
        QVERIFY(hint && hint->isVisible());
        QVERIFY2(hint->text().contains(QStringLiteral("server")), qPrintable(hint->text()));

        // Typed as a person would, sent at once: on a first run the certificate may still be
        // in the making, and the send waits for the server instead of failing.
        QTest::keyClicks(w->toField(), QStringLiteral("Bo <bo@example.org>"));
        QTest::keyClicks(w->subjectField(), QStringLiteral("Hello, sandbox"));
        QTest::keyClicks(w->bodyField(), QStringLiteral("My first message."));
        QSignalSpy finished(w, &ComposeWindow::sendFinished);
        const bool starting = sandbox->status() == MainWindowSandbox::Status::Starting;
        w->bodyField()->setFocus();
        QTest::keyClick(w, Qt::Key_Return, Qt::ControlModifier);
        if (starting && finished.isEmpty() && !w->isSending())
            QVERIFY2(w->statusText().contains(QStringLiteral("Waiting for the local sandbox")),
                     qPrintable(w->statusText()));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        const SendResult result = finished.first().first().value<SendResult>();
        QVERIFY2(result.outcome == SendResult::Outcome::Success, qPrintable(result.message));
        QCOMPARE(w->resultPanel()->kind(), ResultPanel::Kind::Success);
        QVERIFY(!result.queueId.isEmpty());

        // The account follows the running server: its real port, STARTTLS with the
        // certificate made for this installation, the server's login.
        SandboxServer *server = sandbox->server();
        QCOMPARE(sandbox->status(), MainWindowSandbox::Status::Running);
        QVERIFY(server->port() != 0);
        QVERIFY2(server->isTlsAvailable(), qPrintable(server->tlsProblem()));
        const Account account = *w->accountStore()->account(sandbox->accountId());
        QCOMPARE(account.host, QStringLiteral("127.0.0.1"));
        QCOMPARE(account.port, int(server->port()));
        QCOMPARE(account.security, SmtpSettings::Security::StartTls);
        QVERIFY(!account.caFile.isEmpty());
        QVERIFY(account.authenticate);
        QCOMPARE(account.user, server->credentials().user);

        // The transcript: the whole dialogue, encrypted and authenticated, the secret hidden.
        const TranscriptModel *model = w->transcriptModel();
        QCOMPARE(model->sectionCount(), 1);
        QVERIFY(!hint->isVisible());
        QVERIFY(model->section(0).server.contains(QString::number(server->port())));
        const QString transcript = allRows(model);
        for (const QString &line : QStringList{
                 QStringLiteral("S: 220"), QStringLiteral("C: STARTTLS"), QStringLiteral("C: AUTH"),
                 QStringLiteral("C: MAIL FROM:<"), QStringLiteral("C: RCPT TO:<bo@example.org>"),
                 QString(QStringLiteral("queued as ") + result.queueId)})
            QVERIFY2(rowContaining(model, line) > 0,
                     qPrintable(line + QLatin1String(" in:\n") + transcript));
        const QString password = server->credentials().password;
        QVERIFY(!password.isEmpty());
        QVERIFY(!transcript.contains(password));
        const QString plain = QString::fromLatin1(
            QByteArray(QByteArray(1, '\0') + account.user.toUtf8() + '\0' + password.toUtf8())
                .toBase64());
        QVERIFY(!transcript.contains(plain));

        // The inbox: the message selected, envelope beside headers, the server's side.
        InboxPanel *inbox = w->sandboxPanel()->inbox();
        QTRY_COMPARE(inbox->currentId(), result.queueId);
        QCOMPARE(inbox->model()->rowCount(), 1);
        QVERIFY(w->sandboxDock()->isVisible());
        auto *envelope = inbox->findChild<QLabel *>(QStringLiteral("inboxEnvelope"));
        QVERIFY(envelope);
        QVERIFY2(envelope->text().contains(QStringLiteral("MAIL FROM")) &&
                     envelope->text().contains(QStringLiteral("bo@example.org")) &&
                     envelope->text().contains(QStringLiteral("Hello, sandbox")),
                 qPrintable(envelope->text()));
        auto *serverSide = inbox->findChild<QPlainTextEdit *>(QStringLiteral("inboxTranscript"));
        QVERIFY(serverSide);
        // Complete once the session has ended (after QUIT).
        QTRY_VERIFY2_WITH_TIMEOUT(
            serverSide->toPlainText().contains(QStringLiteral("QUIT")) &&
                serverSide->toPlainText().contains(QStringLiteral("STARTTLS")),
            qPrintable(serverSide->toPlainText()), 10000);
        QVERIFY(!serverSide->toPlainText().contains(password));
        const StoredMessage stored = sandbox->store()->message(result.queueId);
        QCOMPARE(stored.rcptTo, QStringList{QStringLiteral("bo@example.org")});
        QCOMPARE(stored.mailFrom, Mailbox::parse(w->fromField()->text()).mailbox.address);
        QVERIFY(!stored.tls.isEmpty());
        QCOMPARE(stored.authUser, account.user);
        QVERIFY(sandbox->store()->content(result.queueId).contains("My first message."));
    }

    void sandboxIsReachableByKeyboard()
    {
        ComposeWindow *w = createWindow();
        QAction *toggle = w->findChild<QAction *>(QStringLiteral("sandboxToggleAction"));
        QAction *goTo = w->findChild<QAction *>(QStringLiteral("sandboxInboxAction"));
        QVERIFY(toggle && goTo);
        QVERIFY(!toggle->shortcut().isEmpty());
        QVERIFY(!goTo->shortcut().isEmpty());
        QVERIFY(w->sandboxDock()->isVisible());
        QTest::keySequence(w, toggle->shortcut());
        QTRY_VERIFY(!w->sandboxDock()->isVisible());
        QTest::keySequence(w, goTo->shortcut());
        QTRY_VERIFY(w->sandboxDock()->isVisible());
        QTRY_VERIFY(QApplication::focusWidget() &&
                    w->sandboxPanel()->isAncestorOf(QApplication::focusWidget()));
    }

    void keepsThePersonsAccounts()
    {
        // Someone who set up an account before the sandbox account existed.
        QString workId;
        Account work;
        {
            AccountStore store;
            store.load();
            work = AccountStore::blankAccount();
            work.name = QStringLiteral("Work");
            work.address = QStringLiteral("ana@example.org");
            work.host = QStringLiteral("smtp.example.org");
            work.port = 587;
            work.authenticate = true;
            work.user = QStringLiteral("ana");
            workId = store.add(work);
            work.id = workId;
            QVERIFY(store.setDefault(workId));
            // The placeholder the store made for an empty file goes; "Work" stays.
            for (const Account &a : store.accounts()) {
                if (a.id != workId)
                    QVERIFY(store.remove(a.id));
            }
            QCOMPARE(store.count(), 1);
        }

        ComposeWindow *w = createWindow();
        AccountStore *store = w->accountStore();
        QCOMPARE(store->count(), 2);
        QCOMPARE(*store->account(workId), work);
        QCOMPARE(store->defaultId(), workId);
        QCOMPARE(w->accountForm()->currentId(), workId);
        QCOMPARE(w->fromField()->text(), QStringLiteral("ana@example.org"));
        const QString sandboxId = w->sandbox()->accountId();
        QVERIFY(!sandboxId.isEmpty() && sandboxId != workId);
        QTRY_COMPARE(w->sandbox()->status(), MainWindowSandbox::Status::Running);
        QCOMPARE(*store->account(workId), work); // the sandbox touched only its own
        QVERIFY(w->close());

        // Made once: not again at the next start, and not again after it was removed.
        w = createWindow();
        QCOMPARE(w->accountStore()->count(), 2);
        QCOMPARE(w->sandbox()->accountId(), sandboxId);
        QVERIFY(w->accountStore()->remove(sandboxId));
        QVERIFY(w->sandbox()->accountId().isEmpty());
        QVERIFY(w->close());
        w = createWindow();
        QCOMPARE(w->accountStore()->count(), 1);
        QCOMPARE(*w->accountStore()->account(workId), work);
        QVERIFY(w->sandbox()->accountId().isEmpty());
        // The sandbox itself still runs, for other clients and for the inbox.
        QTRY_COMPARE(w->sandbox()->status(), MainWindowSandbox::Status::Running);
    }

    void accountPointedElsewhereIsLeftAlone()
    {
        ComposeWindow *w = createWindow();
        const QString id = w->sandbox()->accountId();
        QTRY_COMPARE(w->sandbox()->status(), MainWindowSandbox::Status::Running);
        // The person points the account at another server on this computer.
        w->accountForm()->showDetails();
        w->accountForm()->portField()->setValue(2626);
        QCOMPARE(w->accountStore()->account(id)->port, 2626);
        QVERIFY(!w->sandbox()->isSandboxAccount(id));
        QVERIFY(w->accountForm()->note().isEmpty());
        QVERIFY(w->close());
        w = createWindow();
        QTRY_COMPARE(w->sandbox()->status(), MainWindowSandbox::Status::Running);
        QCOMPARE(w->accountStore()->account(id)->port, 2626);
    }

    void takenPortFallsBackToAFreeOne()
    {
        QTcpServer blocker;
        QVERIFY(blocker.listen(QHostAddress::LocalHost, 0));
        qputenv("POSTWIRE_SANDBOX_PORT", QByteArray::number(blocker.serverPort()));
        QCOMPARE(MainWindowSandbox::requestedPort(), blocker.serverPort());
        ComposeWindow *w = createWindow();
        QTRY_COMPARE_WITH_TIMEOUT(w->sandbox()->status(), MainWindowSandbox::Status::Running,
                                  30000);
        const quint16 port = w->sandbox()->server()->port();
        QVERIFY(port != 0 && port != blocker.serverPort());
        QCOMPARE(w->accountStore()->account(w->sandbox()->accountId())->port, int(port));
        QVERIFY(w->accountForm()->note().contains(QString::number(port)));
    }

    void badPortVariableIsNamed()
    {
        qputenv("POSTWIRE_SANDBOX_PORT", "70000");
        QString problem;
        QCOMPARE(MainWindowSandbox::requestedPort(&problem), MainWindowSandbox::DefaultPort);
        QVERIFY(problem.contains(QStringLiteral("POSTWIRE_SANDBOX_PORT")));
        qputenv("POSTWIRE_SANDBOX_PORT", "0");
        QCOMPARE(MainWindowSandbox::requestedPort(&problem), quint16(0));
        QVERIFY(problem.isEmpty());
    }
};

QTEST_MAIN(TestFirstRun)
#include "tst_firstrun.moc"
