// The compose window end to end: the form filled by keyboard, Send against the scripted fake
// server, the transcript and the result shown; bad input stopped before connecting; Cancel;
// closing while sending; drafts across a restart. (The first run with the built-in sandbox is
// tst_firstrun.)
#include "account/accountstore.h"
#include "accountdialog.h"
#include "accountform.h"
#include "addressfield.h"
#include "addresshistory.h"
#include "attachmentlist.h"
#include "composewindow.h"
#include "credentialdialog.h"
#include "fakesmtpserver.h"
#include "resultpanel.h"
#include "richeditor.h"
#include "transcriptmodel.h"
#include "transcriptview.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QCompleter>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

#include <memory>

namespace {

const QString kHappyScenario = QStringLiteral(R"(
    S: 220 fake.example ESMTP
    C~ EHLO \S+
    S: 250-fake.example
    S: 250 8BITMIME
    C~ MAIL FROM:<ana@example\.org>.*
    S: 250 2.1.0 ok
    C~ RCPT TO:<bo@example\.org>.*
    S: 250 2.1.5 ok
    C~ RCPT TO:<hidden@example\.org>.*
    S: 250 2.1.5 ok
    C: DATA
    S: 354 go ahead
    D:
    S: 250 2.0.0 Ok: queued as 4F2A1
    C: QUIT
    S: 221 2.0.0 bye
    X:
)");

int rowContaining(const TranscriptModel *model, const QString &text)
{
    for (int i = 0; i < model->rowCount(); ++i) {
        if (model->data(model->index(i)).toString().contains(text))
            return i;
    }
    return -1;
}

} // namespace

class TestComposeWindow : public QObject
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

    // A new account pointed at the fake server in the quick server form; the rest is typed as
    // a person would.
    void pointAt(ComposeWindow *w, quint16 port)
    {
        AccountForm *account = w->accountForm();
        Account fake;
        fake.name = QStringLiteral("Fake server");
        fake.host.clear();
        account->selectAccountId(w->accountStore()->add(fake));
        QCOMPARE(account->currentAccount(), QStringLiteral("Fake server"));
        QVERIFY(account->hostField()->isVisible()); // a server still to fill in shows its form
        account->hostField()->clear();
        QTest::keyClicks(account->hostField(), QStringLiteral("127.0.0.1"));
        account->portField()->setValue(port);
        account->securityField()->setCurrentIndex(
            account->securityField()->findData(int(SmtpSettings::Security::None)));
        Q_EMIT account->securityField()->activated(account->securityField()->currentIndex());
    }

    void fill(ComposeWindow *w, const QString &to, const QString &bcc = QString())
    {
        w->fromField()->clear(); // the account's identity may be there
        QTest::keyClicks(w->fromField(), QStringLiteral("Ana Lima <ana@example.org>"));
        QTest::keyClicks(w->toField(), to);
        if (!bcc.isEmpty()) {
            w->setCcBccVisible(true);
            QTest::keyClicks(w->bccField(), bcc);
        }
        QTest::keyClicks(w->subjectField(), QStringLiteral("Hello from the test"));
        QTest::keyClicks(w->bodyField(), QStringLiteral("First line."));
        QTest::keyClick(w->bodyField(), Qt::Key_Return);
        QTest::keyClicks(w->bodyField(), QStringLiteral(".A line with a dot."));
    }

    void pressSend(ComposeWindow *w)
    {
        w->bodyField()->setFocus();
        QTest::keyClick(w, Qt::Key_Return, Qt::ControlModifier);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("PostwireTest"));
        QCoreApplication::setApplicationName(QStringLiteral("postwire"));
        // The window starts the built-in sandbox: on any free port here.
        qputenv("POSTWIRE_SANDBOX_PORT", "0");
    }

    void init()
    {
        // Every test starts like a first run.
        QSettings().clear();
        QFile::remove(DraftStore().path());
    }

    void cleanup()
    {
        // A window left mid-send would ask before closing; tests that need it closed do so.
        if (m_window && m_window->isSending())
            m_window->cancelSend();
        m_window.reset();
    }

    void sendsAndShowsTranscriptAndResult()
    {
        FakeSmtpServer server(kHappyScenario);
        QVERIFY(server.listen());
        ComposeWindow *w = createWindow();
        pointAt(w, server.port());
        fill(w, QStringLiteral("Bo <bo@example.org>"), QStringLiteral("hidden@example.org"));
        QSignalSpy finished(w, &ComposeWindow::sendFinished);
        pressSend(w);
        QVERIFY2(w->isSending() || finished.count() == 1, qPrintable(w->resultPanel()->text()));
        QVERIFY(w->toField()->isLocked() || finished.count() == 1);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
        QVERIFY2(server.mismatches().isEmpty(), qPrintable(server.report()));
        const SendResult result = finished.first().first().value<SendResult>();
        QCOMPARE(result.outcome, SendResult::Outcome::Success);

        QCOMPARE(w->resultPanel()->kind(), ResultPanel::Kind::Success);
        QVERIFY2(w->resultPanel()->text().contains(QStringLiteral("4F2A1")),
                 qPrintable(w->resultPanel()->text()));
        QVERIFY(!w->isSending());
        QVERIFY(!w->toField()->isLocked());
        QVERIFY(w->sendAction()->isEnabled());

        // The message went out with the body dot-stuffed and no Bcc header.
        const QByteArray data = server.receivedData();
        QVERIFY(data.contains("Subject: Hello from the test"));
        QVERIFY(data.contains("\r\n..A line with a dot."));
        QVERIFY(!data.contains("hidden@example.org"));

        // The transcript: a section header, then the dialogue as it happened.
        const TranscriptModel *model = w->transcriptModel();
        QCOMPARE(model->sectionCount(), 1);
        QCOMPARE(model->kind(0), TranscriptModel::RowKind::Section);
        QVERIFY(model->section(0).server.contains(QString::number(server.port())));
        QVERIFY(rowContaining(model, QStringLiteral("S: 220 fake.example ESMTP")) > 0);
        QVERIFY(rowContaining(model, QStringLiteral("C: MAIL FROM:<ana@example.org>")) > 0);
        const int queued = rowContaining(model, QStringLiteral("queued as 4F2A1"));
        QVERIFY(queued > 0);
        QVERIFY(model->explanation(queued).contains(QStringLiteral("message accepted")));
        const int ehlo = rowContaining(model, QStringLiteral("S: 250 8BITMIME"));
        QVERIFY(model->isExpandable(ehlo));

        // Addresses used are offered next time.
        AddressHistory history;
        QVERIFY(history.entries().contains(QStringLiteral("Bo <bo@example.org>")));
        // The draft did its job.
        QVERIFY(!QFile::exists(w->draftPath()));
    }

    void partialSuccessListsRefusedRecipients()
    {
        FakeSmtpServer server(QStringLiteral(R"(
            S: 220 fake.example ESMTP
            C~ EHLO \S+
            S: 250 fake.example
            C~ MAIL FROM:<ana@example\.org>.*
            S: 250 2.1.0 ok
            C~ RCPT TO:<bo@example\.org>.*
            S: 250 2.1.5 ok
            C~ RCPT TO:<nobody@example\.org>.*
            S: 550 5.1.1 <nobody@example.org>: No such user
            C: DATA
            S: 354 go ahead
            D:
            S: 250 2.0.0 Ok: queued as 77
            C: QUIT
            S: 221 bye
            X:
        )"));
        QVERIFY(server.listen());
        ComposeWindow *w = createWindow();
        pointAt(w, server.port());
        fill(w, QStringLiteral("bo@example.org; nobody@example.org"));
        QSignalSpy finished(w, &ComposeWindow::sendFinished);
        pressSend(w);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
        QVERIFY2(server.mismatches().isEmpty(), qPrintable(server.report()));
        QCOMPARE(w->resultPanel()->kind(), ResultPanel::Kind::Partial);
        const QString text = w->resultPanel()->text();
        QVERIFY2(text.contains(QStringLiteral("nobody@example.org")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("550 5.1.1")), qPrintable(text));
        QVERIFY2(!text.contains(QStringLiteral("Refused: bo@")), qPrintable(text));
        const int refused = rowContaining(w->transcriptModel(), QStringLiteral("S: 550 5.1.1"));
        QVERIFY(w->transcriptModel()->explanation(refused).contains(
            QStringLiteral("fix the address, do not retry")));

        // Delivered to some: the form stays for fixing the address, and sending it unchanged
        // once more asks first (bo would get it twice).
        QCOMPARE(w->subjectField()->text(), QStringLiteral("Hello from the test"));
        pressSend(w);
        QMessageBox *again = nullptr;
        QTRY_VERIFY((again = w->findChild<QMessageBox *>(QStringLiteral("sendAgainQuestion"))));
        QVERIFY(!w->isSending());
        again->button(QMessageBox::Cancel)->click();
        QVERIFY(!w->isSending());
        QCOMPARE(finished.count(), 1);
    }

    void sentMessageMovesOnToANewOne()
    {
        FakeSmtpServer server(kHappyScenario);
        QVERIFY(server.listen());
        ComposeWindow *w = createWindow();
        pointAt(w, server.port());
        fill(w, QStringLiteral("Bo <bo@example.org>"), QStringLiteral("hidden@example.org"));
        const Draft sent = w->draft();
        QSignalSpy finished(w, &ComposeWindow::sendFinished);
        pressSend(w);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
        QVERIFY2(server.mismatches().isEmpty(), qPrintable(server.report()));

        // A fresh message from the same sender, the result still in view.
        QCOMPARE(w->fromField()->text(), QStringLiteral("Ana Lima <ana@example.org>"));
        QCOMPARE(w->toField()->text(), QString());
        QCOMPARE(w->bccField()->text(), QString());
        QCOMPARE(w->subjectField()->text(), QString());
        QCOMPARE(w->bodyField()->toPlainText(), QString());
        QCOMPARE(w->resultPanel()->kind(), ResultPanel::Kind::Success);
        QVERIFY(w->resultPanel()->isVisible());
        QVERIFY(!QFile::exists(w->draftPath()));

        // Writing the next message: no "Message sent" over it.
        QTest::keyClicks(w->bodyField(), QStringLiteral("Next"));
        QCOMPARE(w->resultPanel()->kind(), ResultPanel::Kind::None);
        QVERIFY(!w->resultPanel()->isVisible());

        // The sent one comes back (after the question for what was typed), and sending it
        // unchanged asks first.
        QAction *editAsNew = w->findChild<QAction *>(QStringLiteral("editAsNewAction"));
        QVERIFY(editAsNew && editAsNew->isEnabled());
        editAsNew->trigger();
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = w->findChild<QMessageBox *>(QStringLiteral("discardQuestion"))));
        box->button(QMessageBox::Discard)->click();
        QTRY_COMPARE(w->subjectField()->text(), QStringLiteral("Hello from the test"));
        QCOMPARE(w->bccField()->text(), sent.bcc);
        QCOMPARE(w->bodyField()->toPlainText(), sent.body);
        pressSend(w);
        QTRY_VERIFY((box = w->findChild<QMessageBox *>(QStringLiteral("sendAgainQuestion"))));
        box->button(QMessageBox::Cancel)->click();
        QVERIFY(!w->isSending());
        QCOMPARE(finished.count(), 1);
    }

    void failureNamesStepAndKeepsEverything()
    {
        FakeSmtpServer server(QStringLiteral(R"(
            S: 220 fake.example ESMTP
            C~ EHLO \S+
            S: 250 fake.example
            C~ MAIL FROM:<ana@example\.org>.*
            S: 553 5.7.1 Sender address rejected: not owned by user
            C~ (QUIT|RSET)
            S: 221 bye
            X:
        )"));
        QVERIFY(server.listen());
        ComposeWindow *w = createWindow();
        pointAt(w, server.port());
        fill(w, QStringLiteral("bo@example.org"));
        const Draft before = w->draft();
        QSignalSpy finished(w, &ComposeWindow::sendFinished);
        pressSend(w);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
        QCOMPARE(w->resultPanel()->kind(), ResultPanel::Kind::Failure);
        const QString all =
            w->resultPanel()->title() + QLatin1Char('\n') + w->resultPanel()->text();
        QVERIFY2(all.contains(QStringLiteral("553")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("mail"), Qt::CaseInsensitive), qPrintable(all));
        QVERIFY(w->draft() == before);
        QVERIFY(!w->subjectField()->isReadOnly());
        QVERIFY(!w->bodyField()->isReadOnly());
        QCOMPARE(w->transcriptModel()->sectionCount(), 1);
        QVERIFY(rowContaining(w->transcriptModel(), QStringLiteral("S: 553 5.7.1")) > 0);
    }

    void asksForThePasswordOncePerSession()
    {
        // The server wants ana's password, s3cret, for the send and for the test after it.
        const QString authenticated = QStringLiteral(R"(
            S: 220 fake.example ESMTP
            C~ EHLO \S+
            S: 250-fake.example
            S: 250 AUTH PLAIN
            C: AUTH PLAIN AGFuYQBzM2NyZXQ=
            S: 235 2.7.0 Authentication successful
        )");
        FakeSmtpServer server(authenticated + QStringLiteral(R"(
            C~ MAIL FROM:<ana@example\.org>.*
            S: 250 2.1.0 ok
            C~ RCPT TO:<bo@example\.org>.*
            S: 250 2.1.5 ok
            C: DATA
            S: 354 go ahead
            D:
            S: 250 2.0.0 Ok: queued as 99
            C: QUIT
            S: 221 bye
            X:
        )"));
        QVERIFY(server.listen());
        ComposeWindow *w = createWindow();
        pointAt(w, server.port());
        QTest::keyClicks(w->accountForm()->userField(), QStringLiteral("ana"));
        QVERIFY(w->accountForm()->account().authenticate);
        fill(w, QStringLiteral("bo@example.org"));
        QSignalSpy finished(w, &ComposeWindow::sendFinished);
        pressSend(w);
        // Nothing in the keychain (there is none here): the person is asked.
        CredentialDialog *dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
            (dialog = w->findChild<CredentialDialog *>()) != nullptr && dialog->isVisible(), 10000);
        QCOMPARE(dialog->userField()->text(), QStringLiteral("ana"));
        QTest::keyClicks(dialog->secretField(), QStringLiteral("s3cret"));
        QTest::keyClick(dialog->secretField(), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
        QVERIFY2(server.mismatches().isEmpty(), qPrintable(server.report()));
        QCOMPARE(finished.first().first().value<SendResult>().outcome,
                 SendResult::Outcome::Success);
        const TranscriptModel *model = w->transcriptModel();
        QVERIFY(rowContaining(model, QStringLiteral("C: AUTH PLAIN")) > 0);
        QCOMPARE(rowContaining(model, QStringLiteral("s3cret")), -1);
        QCOMPARE(rowContaining(model, QStringLiteral("AGFuYQBzM2NyZXQ=")), -1);

        // Typed once this session: "Test connection" in the accounts dialog does not ask again.
        QTRY_VERIFY(!w->findChild<CredentialDialog *>());
        FakeSmtpServer probed(authenticated + QStringLiteral("C: QUIT\nS: 221 bye\n"));
        QVERIFY(probed.listen());
        const QString id = w->accountForm()->currentId();
        w->openAccounts();
        auto *accounts = w->findChild<AccountDialog *>();
        QVERIFY(accounts);
        QCOMPARE(accounts->currentId(), id);
        accounts->portField()->setText(QString::number(probed.port()));
        Q_EMIT accounts->portField()->textEdited(accounts->portField()->text());
        QSignalSpy tested(accounts, &AccountDialog::testFinished);
        accounts->testButton()->click();
        QTRY_COMPARE_WITH_TIMEOUT(tested.count(), 1, 10000);
        QVERIFY2(tested.first().first().value<SendResult>().delivered(),
                 qPrintable(accounts->transcript()->toPlainText()));
        QVERIFY2(probed.mismatches().isEmpty(), qPrintable(probed.report()));
        QVERIFY(!w->findChild<CredentialDialog *>());
        accounts->close();
    }

    void badInputStopsBeforeConnecting_data()
    {
        QTest::addColumn<QString>("to");
        QTest::addColumn<QString>("reasonContains");
        QTest::addColumn<QString>("focused");
        QTest::newRow("invalid address") << QStringLiteral("bo@example.org, ana@")
                                         << QStringLiteral("To:") << QStringLiteral("to");
        QTest::newRow("no recipient")
            << QString() << QStringLiteral("recipient") << QStringLiteral("to");
        QTest::newRow("missing attachment")
            << QStringLiteral("bo@example.org") << QStringLiteral("does not exist")
            << QStringLiteral("attachments");
    }
    void badInputStopsBeforeConnecting()
    {
        QFETCH(QString, to);
        QFETCH(QString, reasonContains);
        QFETCH(QString, focused);
        FakeSmtpServer server(kHappyScenario);
        QVERIFY(server.listen());
        ComposeWindow *w = createWindow();
        pointAt(w, server.port());
        fill(w, to);
        if (focused == QLatin1String("attachments")) {
            QTemporaryDir dir;
            const QString path = dir.filePath(QStringLiteral("gone.pdf"));
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("%PDF-1.4\n");
            file.close();
            w->attachmentList()->addFiles({path});
            QCOMPARE(w->attachmentList()->count(), 1);
            QVERIFY(QFile::remove(path));
        }
        pressSend(w);
        QVERIFY(!w->isSending());
        QCOMPARE(w->resultPanel()->kind(), ResultPanel::Kind::Problem);
        QVERIFY2(w->resultPanel()->text().contains(reasonContains),
                 qPrintable(w->resultPanel()->text()));
        QVERIFY(w->statusText().contains(reasonContains));
        QWidget *expected = focused == QLatin1String("to")
                                ? static_cast<QWidget *>(w->toField())
                                : static_cast<QWidget *>(w->attachmentList()->tree());
        QTRY_COMPARE(QApplication::focusWidget(), expected);
        if (QTest::currentDataTag() == QByteArray("invalid address")) {
            QVERIFY(w->toField()->isFlagged());
            QVERIFY(w->toField()->toolTip().contains(QStringLiteral("ana@")));
            QCOMPARE(w->toField()->selectedText(), QStringLiteral("ana@"));
        }
        QCOMPARE(server.connectionCount(), 0);
        QCOMPARE(w->transcriptModel()->rowCount(), 0);
    }

    void addressCheckedAsYouType()
    {
        ComposeWindow *w = createWindow();
        QTest::keyClicks(w->toField(), QStringLiteral("Ana <ana@example.org>, bo@"));
        QTRY_VERIFY(w->toField()->isFlagged());
        QVERIFY(w->toField()->problem().startsWith(QStringLiteral("To: ")));
        QTest::keyClicks(w->toField(), QStringLiteral("example.org"));
        QTRY_VERIFY(!w->toField()->isFlagged());
        QVERIFY(w->toField()->problem().isEmpty());
        QCOMPARE(w->toField()->mailboxes().size(), 2);
    }

    void cancelMidSendKeepsTheDraft()
    {
        // The server greets and then never answers EHLO.
        FakeSmtpServer server(QStringLiteral(R"(
            S: 220 fake.example ESMTP
            C~ EHLO \S+
        )"));
        QVERIFY(server.listen());
        ComposeWindow *w = createWindow();
        pointAt(w, server.port());
        fill(w, QStringLiteral("bo@example.org"));
        const Draft before = w->draft();
        QSignalSpy finished(w, &ComposeWindow::sendFinished);
        pressSend(w);
        QVERIFY(w->isSending());
        QVERIFY(w->subjectField()->isReadOnly());
        QVERIFY(w->cancelAction()->isEnabled());
        // The addresses cannot change under the send (typing, deleting, cutting, pasting,
        // undoing), and can still be selected and copied.
        AddressField *to = w->toField();
        QVERIFY(to->isLocked());
        const QString addresses = to->text();
        QVERIFY(!addresses.isEmpty());
        to->setFocus();
        to->end(false);
        QTest::keyClicks(to, QStringLiteral(", x@example.org"));
        QTest::keyClick(to, Qt::Key_Backspace);
        QTest::keyClick(to, Qt::Key_Home);
        QTest::keyClick(to, Qt::Key_Delete);
        QTest::keyClick(to, Qt::Key_A, Qt::ControlModifier);
        QCOMPARE(to->selectedText(), addresses);
        QTest::keyClick(to, Qt::Key_X, Qt::ControlModifier);
        QApplication::clipboard()->setText(QStringLiteral("z@example.org"));
        QTest::keyClick(to, Qt::Key_V, Qt::ControlModifier);
        QTest::keyClick(to, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(to->text(), addresses);
        QTest::keyClick(to, Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(QApplication::clipboard()->text(), addresses);
        QTRY_VERIFY_WITH_TIMEOUT(server.scenarioComplete(), 10000);
        w->cancelAction()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
        QCOMPARE(finished.first().first().value<SendResult>().outcome,
                 SendResult::Outcome::Cancelled);
        QVERIFY(!w->isSending());
        QVERIFY(!w->subjectField()->isReadOnly());
        QVERIFY(!w->toField()->isLocked());
        QVERIFY(w->sendAction()->isEnabled());
        QVERIFY(w->draft() == before);
        // And after the send it takes typing again.
        to->end(false);
        QTest::keyClicks(to, QStringLiteral(", y@example.org"));
        QCOMPARE(to->text(), addresses + QStringLiteral(", y@example.org"));
    }

    void closingWhileSendingAsksAndKeepsTheDraft()
    {
        FakeSmtpServer server(QStringLiteral(R"(
            S: 220 fake.example ESMTP
            C~ EHLO \S+
        )"));
        QVERIFY(server.listen());
        ComposeWindow *w = createWindow();
        pointAt(w, server.port());
        fill(w, QStringLiteral("bo@example.org"));
        pressSend(w);
        QVERIFY(w->isSending());
        QVERIFY(!w->close());
        QVERIFY(w->isVisible());
        QPointer<QMessageBox> box =
            w->findChild<QMessageBox *>(QStringLiteral("closeWhileSending"));
        QVERIFY(box);
        QTRY_VERIFY(box->isVisible());
        QVERIFY(QFile::exists(w->draftPath()));
        // "Keep Sending" is the default: Return keeps the send going.
        QTest::keyClick(box, Qt::Key_Return);
        QTRY_VERIFY(!box);
        QVERIFY(w->isSending());
        QVERIFY(!w->close());
        box = w->findChild<QMessageBox *>(QStringLiteral("closeWhileSending"));
        QVERIFY(box);
        QPushButton *stop = nullptr;
        for (QAbstractButton *b : box->buttons()) {
            if (box->buttonRole(b) == QMessageBox::DestructiveRole)
                stop = qobject_cast<QPushButton *>(b);
        }
        QVERIFY(stop);
        stop->click();
        QTRY_VERIFY(!w->isVisible());
        QVERIFY(!w->isSending());
        DraftStore store;
        QString error;
        const std::optional<Draft> saved = store.load(&error);
        QVERIFY2(saved.has_value(), qPrintable(error));
        QCOMPARE(saved->subject, QStringLiteral("Hello from the test"));
    }

    void draftSurvivesRestart()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("notes.txt"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("some notes\n");
        f.close();

        ComposeWindow *w = createWindow();
        w->setAutosaveInterval(50);
        fill(w, QStringLiteral("bo@example.org, not-an-address"),
             QStringLiteral("hidden@example.org"));
        w->attachmentList()->addFiles({file});
        // Autosaved a moment after the last change, without closing.
        QTRY_VERIFY(QFile::exists(w->draftPath()));
        const Draft typed = w->draft();
        QCOMPARE(typed.to, QStringLiteral("bo@example.org, not-an-address"));
        m_window.reset(); // closing without close(): the autosave already has it

        ComposeWindow *again = createWindow();
        QVERIFY(again->draft() == typed);
        QVERIFY(again->bccField()->isVisible());
        QCOMPARE(again->attachmentList()->count(), 1);
        QVERIFY(again->statusText().contains(QStringLiteral("restored")));

        // Ctrl+S saves at once; closing saves too.
        QTest::keyClicks(again->subjectField(), QStringLiteral(" (edited)"));
        QTest::keyClick(again, Qt::Key_S, Qt::ControlModifier);
        DraftStore store;
        QString error;
        QCOMPARE(store.load(&error)->subject, QStringLiteral("Hello from the test (edited)"));
        again->bodyField()->moveCursor(QTextCursor::End);
        QTest::keyClicks(again->bodyField(), QStringLiteral(" more"));
        QVERIFY(again->close());
        QVERIFY(store.load(&error)->body.endsWith(QStringLiteral(" more")));
    }

    void settingsRestored()
    {
        ComposeWindow *w = createWindow();
        w->setCcBccVisible(true);
        w->resize(1000, 700);
        QVERIFY(w->close());
        m_window.reset();
        ComposeWindow *again = createWindow();
        QVERIFY(again->ccField()->isVisible());
        QCOMPARE(again->size(), QSize(1000, 700));
    }

    void accountRestoredByIdNotName()
    {
        ComposeWindow *w = createWindow();
        Account work;
        work.name = QStringLiteral("Work");
        work.host = QStringLiteral("work.example.org");
        const QString workId = w->accountStore()->add(work);
        Account home;
        home.name = QStringLiteral("Home");
        home.host = QStringLiteral("home.example.org");
        const QString homeId = w->accountStore()->add(home);
        w->accountForm()->selectAccountId(homeId);
        QVERIFY(w->close());
        m_window.reset();

        // Between sessions the other account came to be called "Home" too (a settings file
        // edited or synced by hand): the store keeps the first "Home", the second becomes
        // "Home (2)", and a name would now point at the wrong one.
        {
            QSettings s;
            s.beginGroup(QStringLiteral("accounts"));
            for (const QString &g : s.childGroups()) {
                if (s.value(g + QStringLiteral("/id")).toString() == workId)
                    s.setValue(g + QStringLiteral("/name"), QStringLiteral("Home"));
            }
        }
        ComposeWindow *again = createWindow();
        QCOMPARE(again->accountStore()->account(workId)->name, QStringLiteral("Home"));
        QCOMPARE(again->accountForm()->currentId(), homeId);
        QCOMPARE(again->accountForm()->currentAccount(), QStringLiteral("Home (2)"));

        // A draft names its account by id as well.
        again->accountForm()->selectAccountId(workId);
        Draft d = again->draft();
        QCOMPARE(d.accountId, workId);
        d.accountId = homeId;
        d.account = QStringLiteral("Home");
        again->setDraft(d);
        QCOMPARE(again->accountForm()->currentId(), homeId);
        QVERIFY(again->close());
        m_window.reset();

        // What an earlier version saved, the name, is still read once, then replaced by the id.
        {
            QSettings s;
            QCOMPARE(s.value(QStringLiteral("window/lastAccountId")).toString(), homeId);
            s.remove(QStringLiteral("window/lastAccountId"));
            s.setValue(QStringLiteral("window/lastAccount"), QStringLiteral("Home"));
        }
        QFile::remove(DraftStore().path());
        ComposeWindow *old = createWindow();
        QCOMPARE(old->accountForm()->currentId(), workId);
        QVERIFY(old->close());
        m_window.reset();
        QSettings s;
        QVERIFY(!s.contains(QStringLiteral("window/lastAccount")));
        QCOMPARE(s.value(QStringLiteral("window/lastAccountId")).toString(), workId);
    }

    void mailtoFillsTheForm()
    {
        ComposeWindow *w = createWindow();
        w->openMailto(QUrl(QStringLiteral("mailto:ana@example.org?cc=bo@example.org&subject=Hi%"
                                          "20there&body=Line%201%0ALine%202")));
        QCOMPARE(w->toField()->text(), QStringLiteral("ana@example.org"));
        QCOMPARE(w->ccField()->text(), QStringLiteral("bo@example.org"));
        QCOMPARE(w->subjectField()->text(), QStringLiteral("Hi there"));
        QCOMPARE(w->bodyField()->toPlainText(), QStringLiteral("Line 1\nLine 2"));
        QVERIFY(w->ccField()->isVisible());
    }
    void emlRoundTrip()
    {
        QTemporaryDir dir;
        const QString attachment = dir.filePath(QStringLiteral("data.csv"));
        QFile f(attachment);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("a,b\n1,2\n");
        f.close();
        ComposeWindow *w = createWindow();
        fill(w, QStringLiteral("Bo <bo@example.org>"), QStringLiteral("hidden@example.org"));
        w->attachmentList()->addFiles({attachment});
        const QString path = dir.filePath(QStringLiteral("saved.eml"));
        QSignalSpy saved(w, &ComposeWindow::emlSaved);
        QVERIFY(w->saveEml(path));
        QTRY_COMPARE(saved.count(), 1);
        QCOMPARE(saved.first().at(1).toString(), QString());

        m_window.reset();
        QFile::remove(DraftStore().path());
        ComposeWindow *again = createWindow();
        QString error;
        QVERIFY2(again->openEml(path, &error), qPrintable(error));
        QCOMPARE(again->subjectField()->text(), QStringLiteral("Hello from the test"));
        QCOMPARE(again->toField()->text(), QStringLiteral("Bo <bo@example.org>"));
        QCOMPARE(again->bccField()->text(), QStringLiteral("hidden@example.org"));
        QVERIFY(again->bodyField()->toPlainText().contains(QStringLiteral(".A line with a dot.")));
        QCOMPARE(again->attachmentList()->count(), 1);
        const QString copy = again->attachmentList()->attachments().first().path;
        QFile extracted(copy);
        QVERIFY(extracted.open(QIODevice::ReadOnly));
        QCOMPARE(extracted.readAll(), QByteArray("a,b\n1,2\n"));

        // A file that is not a message is refused with the file named.
        QVERIFY(!again->openEml(attachment, &error) || !error.isEmpty());
    }

    void openedMessageSendsWhatTheFormCannotShow()
    {
        // A reply someone saved: its threading, its sender and its headers must survive being
        // opened, kept as a draft over a restart, and sent.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("reply.eml"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(
            "Received: from mx.example.org by mx.example.net; Thu, 29 Feb 2024 13:05:09 +0100\r\n"
            "From: Ana Lima <ana@example.org>\r\n"
            "Sender: Office <office@example.org>\r\n"
            "To: bo@example.org\r\n"
            "Subject: Re: the plan\r\n"
            "In-Reply-To: <first.1@example.org>\r\n"
            "References: <root.1@example.org> <first.1@example.org>\r\n"
            "X-Priority: 1 (Highest)\r\n"
            "Disposition-Notification-To: ana@example.org\r\n"
            "Organization: Example GmbH\r\n"
            "Keywords: plan\r\n"
            "MIME-Version: 1.0\r\n"
            "Content-Type: text/plain; charset=utf-8\r\n\r\n"
            "Sounds good.\r\n");
        f.close();

        ComposeWindow *w = createWindow();
        QString error;
        QVERIFY2(w->openEml(path, &error), qPrintable(error));
        QLabel *note = w->hiddenFieldsNote();
        QVERIFY(note->isVisible());
        QVERIFY2(note->text().contains(QStringLiteral("In-Reply-To, References")),
                 qPrintable(note->text()));
        QVERIFY2(note->text().contains(QStringLiteral("2 more headers")), qPrintable(note->text()));
        const QString noteText = note->text();
        QVERIFY(w->saveDraft());
        {
            DraftStore store;
            const std::optional<Draft> saved = store.load(&error);
            QVERIFY2(saved.has_value(), qPrintable(error));
            QCOMPARE(saved->carried.inReplyTo, QStringLiteral("first.1@example.org"));
            QCOMPARE(saved->carried.references.size(), 2);
            QCOMPARE(saved->carried.extraHeaders.size(), 2);
        }
        m_window.reset();

        ComposeWindow *again = createWindow();
        QVERIFY(again->hiddenFieldsNote()->isVisible());
        QCOMPARE(again->hiddenFieldsNote()->text(), noteText);
        FakeSmtpServer server(QStringLiteral(R"(
            S: 220 fake.example ESMTP
            C~ EHLO \S+
            S: 250-fake.example
            S: 250 8BITMIME
            C~ MAIL FROM:<office@example\.org>.*
            S: 250 2.1.0 ok
            C~ RCPT TO:<bo@example\.org>.*
            S: 250 2.1.5 ok
            C: DATA
            S: 354 go ahead
            D:
            S: 250 2.0.0 Ok: queued as 77
            C: QUIT
            S: 221 2.0.0 bye
            X:
        )"));
        QVERIFY(server.listen());
        pointAt(again, server.port());
        QCOMPARE(again->fromField()->text(), QStringLiteral("Ana Lima <ana@example.org>"));
        QSignalSpy finished(again, &ComposeWindow::sendFinished);
        pressSend(again);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
        QVERIFY2(server.mismatches().isEmpty(), qPrintable(server.report()));
        const QByteArray data = server.receivedData();
        for (const QByteArray &line :
             {QByteArray("\r\nSender: Office <office@example.org>\r\n"),
              QByteArray("\r\nIn-Reply-To: <first.1@example.org>\r\n"),
              QByteArray("\r\nReferences: <root.1@example.org> <first.1@example.org>\r\n"),
              QByteArray("\r\nX-Priority: 1"), QByteArray("\r\nDisposition-Notification-To: "),
              QByteArray("\r\nOrganization: Example GmbH\r\n"),
              QByteArray("\r\nKeywords: plan\r\n")})
            QVERIFY2(data.contains(line), QByteArray(line + "\nnot in\n" + data).constData());
        QVERIFY(!data.contains("Received:"));

        // The next message, which the form moves on to, leaves them behind.
        QVERIFY(!again->hiddenFieldsNote()->isVisible());
        QVERIFY(!again->draft().hasHiddenFields());
    }

    void switchingAccountNamesAMismatchedSender_data()
    {
        QTest::addColumn<QString>("typed"); // the From typed while Work is chosen; empty: none
        QTest::addColumn<bool>("note");
        QTest::addColumn<QString>("fromAfter"); // after switching to Home
        QTest::newRow("the account's identity follows")
            << QString() << false << "Ana Home <ana@home.example>";
        QTest::newRow("a typed sender of neither account")
            << "Ana <boss@work.example>" << true << "Ana <boss@work.example>";
        QTest::newRow("a typed sender that is Home's address")
            << "Ana <ANA@home.example>" << false << "Ana <ANA@home.example>";
    }

    void switchingAccountNamesAMismatchedSender()
    {
        QFETCH(QString, typed);
        QFETCH(bool, note);
        QFETCH(QString, fromAfter);
        ComposeWindow *w = createWindow();
        Account work;
        work.name = QStringLiteral("Work");
        work.host = QStringLiteral("smtp.work.example");
        work.displayName = QStringLiteral("Ana Work");
        work.address = QStringLiteral("ana@work.example");
        Account home = work;
        home.name = QStringLiteral("Home");
        home.host = QStringLiteral("smtp.home.example");
        home.displayName = QStringLiteral("Ana Home");
        home.address = QStringLiteral("ana@home.example");
        const QString workId = w->accountStore()->add(work);
        const QString homeId = w->accountStore()->add(home);
        w->accountForm()->selectAccountId(workId);
        QCOMPARE(w->fromField()->text(), QStringLiteral("Ana Work <ana@work.example>"));
        QVERIFY(w->fromNote()->isHidden());
        if (!typed.isEmpty()) {
            w->fromField()->clear();
            QTest::keyClicks(w->fromField(), typed);
        }
        w->accountForm()->selectAccountId(homeId);
        QCOMPARE(w->fromField()->text(), fromAfter);
        QCOMPARE(w->fromNote()->isVisible(), note);
        if (!note)
            return;
        const QString text = w->fromNote()->text();
        QVERIFY2(text.contains(QStringLiteral("Home")) &&
                     text.contains(QStringLiteral("ana@home.example")),
                 qPrintable(text));
        Q_EMIT w->fromNote()->linkActivated(QStringLiteral("use"));
        QCOMPARE(w->fromField()->text(), QStringLiteral("Ana Home <ana@home.example>"));
        QVERIFY(w->fromNote()->isHidden());
    }

    void windowShortcutsWorkFromEveryField_data()
    {
        QTest::addColumn<QString>("field");
        QTest::newRow("body") << "body";
        QTest::newRow("To") << "to";
        QTest::newRow("Subject") << "subject";
    }

    void windowShortcutsWorkFromEveryField()
    {
        QFETCH(QString, field);
        ComposeWindow *w = createWindow();
        w->transcriptModel()->beginSection(QStringLiteral("a.example:25"), QStringLiteral("A"));
        QWidget *start = field == QLatin1String("body") ? static_cast<QWidget *>(w->bodyField())
                         : field == QLatin1String("to") ? static_cast<QWidget *>(w->toField())
                                                        : w->subjectField();
        start->setFocus();
        QTRY_VERIFY(start->hasFocus());
        const Draft before = w->draft();
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(w->transcriptView()->searchField()->hasFocus());
        QVERIFY(w->draft() == before); // nothing typed into the form

        // Ctrl+T / Ctrl+M still move between the two sides.
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_M, Qt::ControlModifier);
        QTRY_VERIFY(w->toField()->hasFocus());
        QVERIFY(w->draft() == before);
    }

    void progressSaysHowMuchHasGone_data()
    {
        QTest::addColumn<qint64>("sent");
        QTest::addColumn<qint64>("total");
        QTest::addColumn<QString>("percent");
        QTest::newRow("start") << qint64(0) << qint64(2048) << "(0%)";
        QTest::newRow("half of a megabyte") << qint64(512 * 1024) << qint64(1024 * 1024) << "(50%)";
        QTest::newRow("done") << qint64(4096) << qint64(4096) << "(100%)";
    }

    void progressSaysHowMuchHasGone()
    {
        QFETCH(qint64, sent);
        QFETCH(qint64, total);
        QFETCH(QString, percent);
        ComposeWindow *w = createWindow();
        Q_EMIT w->submission()->progress(sent, total);
        QProgressBar *bar = w->progressBar();
        const QString text = bar->text();
        QVERIFY2(text.endsWith(percent), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral(" of ")), qPrintable(text));
        QVERIFY(bar->isTextVisible());
        // Readable whole: the bar is wider than its text.
        QVERIFY(bar->minimumWidth() > bar->fontMetrics().horizontalAdvance(text));
    }

    void bodyGetsMostOfASmallWindow_data()
    {
        QTest::addColumn<bool>("restored"); // the window state of a closed session restored
        QTest::newRow("first run") << false;
        QTest::newRow("state restored") << true;
    }

    void bodyGetsMostOfASmallWindow()
    {
        QFETCH(bool, restored);
        if (restored) {
            ComposeWindow *first = createWindow();
            first->resize(1600, 1000);
            QTRY_COMPARE(first->height(), 1000);
            QVERIFY(first->close());
            m_window.reset();
        }
        ComposeWindow *w = createWindow();
        QVERIFY(w->sandboxDock()->isVisible());
        // The window can be made as low as a small laptop's screen, and lower.
        QVERIFY2(w->minimumSizeHint().height() <= 600,
                 qPrintable(QString::number(w->minimumSizeHint().height())));
        w->resize(1024, 700);
        QTRY_COMPARE(w->height(), 700);
        // The message text takes more height than the sandbox below it.
        QTRY_VERIFY2(w->bodyField()->height() > w->sandboxDock()->height(),
                     qPrintable(QStringLiteral("body %1, sandbox %2")
                                    .arg(w->bodyField()->height())
                                    .arg(w->sandboxDock()->height())));
        QVERIFY2(w->bodyField()->height() >= 10 * w->bodyField()->fontMetrics().lineSpacing(),
                 qPrintable(QString::number(w->bodyField()->height())));
    }

    void everyReplacementAsksBeforeDiscarding_data()
    {
        QTest::addColumn<QString>("action");
        QTest::addColumn<QString>("subjectAfter"); // what the form shows once replaced
        QTest::newRow("File > New Message") << "new" << QString();
        QTest::newRow("File > Open .eml") << "open"
                                          << "From the file";
        QTest::newRow("a mailto: link") << "mailto"
                                        << "From the link";
    }

    void everyReplacementAsksBeforeDiscarding()
    {
        QFETCH(QString, action);
        QFETCH(QString, subjectAfter);
        QTemporaryDir dir;
        const QString eml = dir.filePath(QStringLiteral("other.eml"));
        QFile f(eml);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("From: ana@example.org\r\nTo: cy@example.org\r\nSubject: From the file\r\n\r\n"
                "other\r\n");
        f.close();

        ComposeWindow *w = createWindow();
        fill(w, QStringLiteral("bo@example.org"), QStringLiteral("hidden@example.org"));
        const Draft typed = w->draft();
        const auto replace = [&] {
            if (action == QLatin1String("new")) {
                w->findChild<QAction *>(QStringLiteral("newAction"))->trigger();
            } else if (action == QLatin1String("open")) {
                w->findChild<QAction *>(QStringLiteral("openAction"))->trigger();
                QFileDialog *dialog = nullptr;
                QTRY_VERIFY((dialog = w->findChild<QFileDialog *>()));
                dialog->selectFile(eml);
                QMetaObject::invokeMethod(dialog, "accept"); // as the Open button does
            } else {
                w->openMailto(
                    QUrl(QStringLiteral("mailto:cy@example.org?subject=From%20the%20link")));
            }
        };
        const auto answer = [&](QMessageBox::StandardButton button) {
            QMessageBox *box = nullptr;
            QTRY_VERIFY((box = w->findChild<QMessageBox *>(QStringLiteral("discardQuestion"))));
            QVERIFY2(box->text().contains(QStringLiteral("Discard")), qPrintable(box->text()));
            QVERIFY(w->draft() == typed); // nothing replaced while the question is open
            box->button(button)->click();
        };

        replace();
        answer(QMessageBox::Cancel);
        QVERIFY(w->draft() == typed);
        QTRY_VERIFY(!w->findChild<QMessageBox *>(QStringLiteral("discardQuestion")));

        replace();
        answer(QMessageBox::Discard);
        QTRY_COMPARE(w->subjectField()->text(), subjectAfter);
        QCOMPARE(w->bccField()->text(), QString());
        QVERIFY(!w->bodyField()->toPlainText().contains(QStringLiteral("First line.")));
        QTRY_VERIFY(!w->findChild<QMessageBox *>(QStringLiteral("discardQuestion")));

        // An empty form has nothing to lose: replaced without a question.
        w->newMessage();
        if (!w->draft().isEmpty()) {
            QMessageBox *box = nullptr;
            QTRY_VERIFY((box = w->findChild<QMessageBox *>(QStringLiteral("discardQuestion"))));
            box->button(QMessageBox::Discard)->click();
        }
        QTRY_VERIFY(w->draft().isEmpty());
        QTRY_VERIFY(!w->findChild<QMessageBox *>(QStringLiteral("discardQuestion")));
        replace();
        QTRY_COMPARE(w->subjectField()->text(), subjectAfter);
        QVERIFY(!w->findChild<QMessageBox *>(QStringLiteral("discardQuestion")));
    }

    void emlAttachmentFoldersGoWithTheirDraft()
    {
        QTemporaryDir dir;
        auto writeEml = [&dir](const QString &name) {
            const QString path = dir.filePath(name);
            QFile f(path);
            if (f.open(QIODevice::WriteOnly))
                f.write("From: ana@example.org\r\nTo: bo@example.org\r\nSubject: files\r\n"
                        "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
                        "--b\r\nContent-Type: text/plain\r\n\r\nsee attached\r\n"
                        "--b\r\nContent-Type: text/csv\r\n"
                        "Content-Disposition: attachment; filename=data.csv\r\n\r\na,b\r\n"
                        "--b--\r\n");
            return path;
        };
        // Left by an earlier session that crashed: nothing refers to it.
        const QString leftOver = DraftStore().attachmentFolder();
        ComposeWindow *w = createWindow();
        QVERIFY(!QFileInfo::exists(leftOver));

        QString error;
        QVERIFY2(w->openEml(writeEml(QStringLiteral("one.eml")), &error), qPrintable(error));
        const QString first = QFileInfo(w->attachmentList()->attachments().at(0).path).path();
        QVERIFY(QFileInfo::exists(first));
        QVERIFY2(w->openEml(writeEml(QStringLiteral("two.eml")), &error), qPrintable(error));
        const QString second = QFileInfo(w->attachmentList()->attachments().at(0).path).path();
        QVERIFY(second != first);
        QVERIFY(!QFileInfo::exists(first)); // replaced
        QVERIFY(QFileInfo::exists(second));

        // Kept over a restart while its draft is.
        m_window.reset();
        w = createWindow();
        QVERIFY(QFileInfo::exists(second));
        QCOMPARE(w->attachmentList()->count(), 1);

        w->newMessage();
        QMessageBox *discard = nullptr;
        QTRY_VERIFY((discard = w->findChild<QMessageBox *>()));
        discard->button(QMessageBox::Discard)->click();
        QVERIFY(!QFileInfo::exists(second)); // discarded

        FakeSmtpServer server(QStringLiteral(R"(
            S: 220 fake.example ESMTP
            C~ EHLO \S+
            S: 250 fake.example
            C~ MAIL FROM:<ana@example\.org>.*
            S: 250 ok
            C~ RCPT TO:<bo@example\.org>.*
            S: 250 ok
            C: DATA
            S: 354 go ahead
            D:
            S: 250 Ok: queued as 9
            C: QUIT
            S: 221 bye
            X:
        )"));
        QVERIFY(server.listen());
        pointAt(w, server.port());
        QVERIFY2(w->openEml(writeEml(QStringLiteral("three.eml")), &error), qPrintable(error));
        const QString third = QFileInfo(w->attachmentList()->attachments().at(0).path).path();
        QSignalSpy finished(w, &ComposeWindow::sendFinished);
        w->send();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
        QVERIFY2(server.mismatches().isEmpty(), qPrintable(server.report()));
        QVERIFY(server.receivedData().contains("data.csv"));
        QTRY_VERIFY(!QFileInfo::exists(third)); // sent
        QCOMPARE(w->attachmentList()->count(), 0);
    }

    void completesFromAddressesUsedBefore()
    {
        AddressHistory history;
        history.remember({Mailbox{QStringLiteral("Bo Chen"), QStringLiteral("bo@example.org")},
                          Mailbox{QString(), QStringLiteral("carla@example.net")}});
        ComposeWindow *w = createWindow();
        QTest::keyClicks(w->toField(), QStringLiteral("ana@example.org, bo"));
        QCompleter *completer = w->toField()->findChild<QCompleter *>();
        QVERIFY(completer);
        QTRY_VERIFY(completer->popup()->isVisible());
        QCOMPARE(completer->currentCompletion(), QStringLiteral("Bo Chen <bo@example.org>"));
        QTest::keyClick(completer->popup(), Qt::Key_Down);
        QTest::keyClick(completer->popup(), Qt::Key_Return);
        QCOMPARE(w->toField()->text(),
                 QStringLiteral("ana@example.org, Bo Chen <bo@example.org>, "));
        QCOMPARE(w->toField()->mailboxes().size(), 2);
    }

    void droppedFilesBecomeAttachments()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("photo.png"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(2048, 'x'));
        f.close();
        ComposeWindow *w = createWindow();
        QMimeData data;
        data.setUrls({QUrl::fromLocalFile(path)});
        const QPoint at = w->bodyField()->viewport()->rect().center();
        QDragEnterEvent enter(at, Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(w->bodyField()->viewport(), &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(at), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(w->bodyField()->viewport(), &drop);
        QCOMPARE(w->attachmentList()->count(), 1);
        QCOMPARE(w->attachmentList()->totalSize(), qint64(2048));
        QVERIFY(w->bodyField()->toPlainText().isEmpty()); // not pasted as a file URL
        // The same file twice is listed once.
        w->attachmentList()->addFiles({path});
        QCOMPARE(w->attachmentList()->count(), 1);
    }
    void htmlBodyGetsBothParts()
    {
        // Issue 14 item 18: the rich text keeps its lines in both parts, and the plain part
        // is the text, never the HTML source.
        QTemporaryDir dir;
        ComposeWindow *w = createWindow();
        w->editor()->setRich(true);
        w->fromField()->clear();
        QTest::keyClicks(w->fromField(), QStringLiteral("ana@example.org"));
        QTest::keyClicks(w->toField(), QStringLiteral("bo@example.org"));
        QTest::keyClicks(w->bodyField(), QStringLiteral("Hello "));
        w->editor()->findChild<QAction *>(QStringLiteral("boldAction"))->trigger();
        QTest::keyClicks(w->bodyField(), QStringLiteral("there"));
        QTest::keyClick(w->bodyField(), Qt::Key_Return);
        w->editor()->findChild<QAction *>(QStringLiteral("boldAction"))->trigger();
        QTest::keyClicks(w->bodyField(), QStringLiteral("Second line"));
        QVERIFY(w->draft().html);
        const QString path = dir.filePath(QStringLiteral("html.eml"));
        QSignalSpy saved(w, &ComposeWindow::emlSaved);
        QVERIFY(w->saveEml(path));
        QTRY_COMPARE(saved.count(), 1);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray eml = file.readAll();
        QVERIFY(eml.contains("multipart/alternative"));
        QVERIFY(eml.contains("text/html"));
        QVERIFY(eml.contains("text/plain"));
        QVERIFY(eml.contains("Hello there\r\nSecond line"));
        QVERIFY(eml.contains("<div>Hello <b>there</b></div>\r\n<div>Second line</div>"));
    }
};

QTEST_MAIN(TestComposeWindow)
#include "tst_composewindow.moc"
