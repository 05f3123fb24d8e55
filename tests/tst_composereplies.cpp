// Replies and forwards in the compose window: Ctrl+R on an opened .eml, Reply All from the
// sandbox inbox, Forward as Attachment; each asks before replacing a message being written.
#include "account/accountstore.h"
#include "accountform.h"
#include "addressfield.h"
#include "attachmentlist.h"
#include "composewindow.h"
#include "inboxpanel.h"
#include "mainwindowsandbox.h"
#include "resultpanel.h"
#include "sandbox/mailstore.h"
#include "sandboxpanel.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

namespace {

const QByteArray kOriginal = "From: Ana Lima <ana@example.com>\r\n"
                             "To: Me <me@example.org>, bo@example.com\r\n"
                             "Cc: cy@example.com\r\n"
                             "Subject: RE: Lunch on Friday\r\n"
                             "Date: Fri, 3 Jul 2026 09:15:00 +0200\r\n"
                             "Message-ID: <lunch-2@example.com>\r\n"
                             "References: <lunch-1@example.com>\r\n"
                             "\r\n"
                             "Shall we meet at noon?\r\n";

} // namespace

class TestComposeReplies : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<ComposeWindow> m_window;
    QTemporaryDir m_dir;

    ComposeWindow *createWindow()
    {
        m_window = std::make_unique<ComposeWindow>();
        m_window->show();
        QApplication::setActiveWindow(m_window.get());
        if (!QTest::qWaitForWindowActive(m_window.get()))
            qWarning("window not active: focus checks may fail");
        Account me;
        me.name = QStringLiteral("Me");
        me.displayName = QStringLiteral("Me");
        me.address = QStringLiteral("me@example.org");
        me.host = QStringLiteral("127.0.0.1");
        m_window->accountForm()->selectAccountId(m_window->accountStore()->add(me));
        return m_window.get();
    }

    QString writeOriginal()
    {
        const QString path = m_dir.filePath(QStringLiteral("lunch.eml"));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write(kOriginal);
        return path;
    }

    static void discardWhenAsked(ComposeWindow *w)
    {
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = w->findChild<QMessageBox *>(QStringLiteral("discardQuestion"))));
        box->button(QMessageBox::Discard)->click();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("PostwireTest"));
        QCoreApplication::setApplicationName(QStringLiteral("postwire"));
        qputenv("POSTWIRE_SANDBOX_PORT", "0");
        QVERIFY(m_dir.isValid());
    }

    void init()
    {
        QSettings().clear();
        QFile::remove(DraftStore().path());
    }

    void cleanup() { m_window.reset(); }

    void replyToOpenedEmlWithTheShortcut()
    {
        ComposeWindow *w = createWindow();
        QString error;
        QVERIFY2(w->openEml(writeOriginal(), &error), qPrintable(error));
        QCOMPARE(w->replyAction(ReplyBuilder::Kind::Reply)->shortcut(),
                 QKeySequence(QStringLiteral("Ctrl+R")));
        w->subjectField()->setFocus();
        QTest::keyClick(w, Qt::Key_R, Qt::ControlModifier);
        // The opened message is in the form: replacing it asks first; Cancel keeps it.
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = w->findChild<QMessageBox *>(QStringLiteral("discardQuestion"))));
        box->button(QMessageBox::Cancel)->click();
        QCOMPARE(w->subjectField()->text(), QStringLiteral("RE: Lunch on Friday"));
        QTest::keyClick(w, Qt::Key_R, Qt::ControlModifier);
        discardWhenAsked(w);

        QTRY_COMPARE(w->subjectField()->text(), QStringLiteral("Re: Lunch on Friday"));
        QCOMPARE(w->toField()->text(), QStringLiteral("Ana Lima <ana@example.com>"));
        QCOMPARE(w->ccField()->text(), QString());
        QCOMPARE(w->fromField()->text(), QStringLiteral("Me <me@example.org>"));
        const QString body = w->bodyField()->toPlainText();
        QVERIFY2(body.startsWith(QStringLiteral(
                     "On Fri, 3 Jul 2026 09:15, Ana Lima wrote:\n> Shall we meet at noon?\n")),
                 qPrintable(body));
        QCOMPARE(w->bodyField()->textCursor().position(), body.size());
        const Draft d = w->draft();
        QCOMPARE(d.carried.inReplyTo, QStringLiteral("lunch-2@example.com"));
        QCOMPARE(d.carried.references, (QStringList{"lunch-1@example.com", "lunch-2@example.com"}));
        QVERIFY(d.carried.extraHeaders.isEmpty());
        QVERIFY(w->hiddenFieldsNote()->text().contains(QStringLiteral("In-Reply-To")));
        QVERIFY(d.attachments.isEmpty());
    }

    void replyAllFromTheSandboxInbox()
    {
        ComposeWindow *w = createWindow();
        QString error;
        StoredMessage meta;
        meta.mailFrom = QStringLiteral("ana@example.com");
        meta.rcptTo = {QStringLiteral("me@example.org")};
        const QString id = w->sandbox()->store()->add(meta, kOriginal, &error);
        QVERIFY2(!id.isEmpty(), qPrintable(error));
        w->showSandboxInbox();
        InboxPanel *inbox = w->sandboxPanel()->inbox();
        inbox->selectMessage(id);
        QTRY_COMPARE(inbox->currentId(), id);
        // The form is empty: no question.
        w->replyAction(ReplyBuilder::Kind::ReplyAll)->trigger();
        QTRY_COMPARE(w->subjectField()->text(), QStringLiteral("Re: Lunch on Friday"));
        QCOMPARE(w->toField()->text(), QStringLiteral("Ana Lima <ana@example.com>"));
        // Not me (the account's address), everyone else once.
        QCOMPARE(w->ccField()->text(), QStringLiteral("bo@example.com, cy@example.com"));
        QVERIFY(w->ccField()->isVisible());
    }

    void forwardAsAttachmentFromTheInboxMenu()
    {
        ComposeWindow *w = createWindow();
        QString error;
        const QString id = w->sandbox()->store()->add(StoredMessage(), kOriginal, &error);
        QVERIFY2(!id.isEmpty(), qPrintable(error));
        QTest::keyClicks(w->bodyField(), QStringLiteral("Something typed"));
        Q_EMIT w->sandboxPanel()->inbox()->replyRequested(id,
                                                          ReplyBuilder::Kind::ForwardAsAttachment);
        discardWhenAsked(w);
        QTRY_COMPARE(w->subjectField()->text(), QStringLiteral("Fwd: RE: Lunch on Friday"));
        const QList<Attachment> attached = w->attachmentList()->attachments();
        QCOMPARE(attached.size(), 1);
        QCOMPARE(attached.first().contentType, QStringLiteral("message/rfc822"));
        QCOMPARE(attached.first().name, QStringLiteral("RE_ Lunch on Friday.eml"));
        QFile copy(attached.first().path);
        QVERIFY(copy.open(QIODevice::ReadOnly));
        QCOMPARE(copy.readAll(), kOriginal);
        QCOMPARE(w->toField()->text(), QString());
        QCOMPARE(w->draft().carried.inReplyTo, QString());
    }

    void forwardInlineKeepsTheCursorAbove()
    {
        ComposeWindow *w = createWindow();
        w->replyToFile(writeOriginal(), ReplyBuilder::Kind::Forward);
        QTRY_COMPARE(w->subjectField()->text(), QStringLiteral("Fwd: RE: Lunch on Friday"));
        QCOMPARE(w->bodyField()->textCursor().position(), 0);
        QVERIFY(w->bodyField()->toPlainText().contains(QStringLiteral("Shall we meet at noon?")));
        QVERIFY(w->toField()->hasFocus());
    }

    void unreadableFileIsNamed()
    {
        ComposeWindow *w = createWindow();
        w->replyToFile(m_dir.filePath(QStringLiteral("missing.eml")), ReplyBuilder::Kind::Reply);
        QCOMPARE(w->resultPanel()->kind(), ResultPanel::Kind::Problem);
        QVERIFY2(w->resultPanel()->text().contains(QStringLiteral("missing.eml")),
                 qPrintable(w->resultPanel()->text()));
        QCOMPARE(w->subjectField()->text(), QString());
    }
};

QTEST_MAIN(TestComposeReplies)
#include "tst_composereplies.moc"
