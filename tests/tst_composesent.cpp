// The Sent folder from the window: a delivered send is kept with its bytes, its account and the
// link to its attempt in the history, read back by a new store; a refused send stays a draft
// and never appears in Sent; a sent message comes back to the form.
#include "account/accountstore.h"
#include "account/sentstore.h"
#include "accountform.h"
#include "addressfield.h"
#include "composewindow.h"
#include "fakesmtpserver.h"
#include "historypanel.h"
#include "sentpanel.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTreeWidget>
#include <QtTest>

#include <memory>

namespace {

QString scenario(const QString &dataReply)
{
    return QStringLiteral(R"(
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
    S: %1
    C: QUIT
    S: 221 2.0.0 bye
    X:
)")
        .arg(dataReply);
}

} // namespace

class TestComposeSent : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<ComposeWindow> m_window;

    ComposeWindow *createWindow(quint16 port)
    {
        m_window = std::make_unique<ComposeWindow>();
        m_window->show();
        QApplication::setActiveWindow(m_window.get());
        if (!QTest::qWaitForWindowActive(m_window.get()))
            qWarning("window not active: focus checks may fail");
        Account fake;
        fake.name = QStringLiteral("Fake server");
        fake.address = QStringLiteral("ana@example.org");
        fake.host = QStringLiteral("127.0.0.1");
        fake.port = port;
        fake.security = SmtpSettings::Security::None;
        m_window->accountForm()->selectAccountId(m_window->accountStore()->add(fake));
        return m_window.get();
    }

    static void fillAndSend(ComposeWindow *w, const QString &subject)
    {
        w->fromField()->setText(QStringLiteral("Ana <ana@example.org>"));
        w->toField()->setText(QStringLiteral("bo@example.org"));
        w->subjectField()->setText(subject);
        w->bodyField()->setPlainText(QStringLiteral("Body of ") + subject);
        w->send();
    }

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
        QFile::remove(DraftStore().path());
        QDir(SentStore().folder()).removeRecursively();
    }

    void cleanup()
    {
        if (m_window && m_window->isSending())
            m_window->cancelSend();
        m_window.reset();
    }

    void deliveredSendIsKeptAcrossARestart()
    {
        FakeSmtpServer server(scenario(QStringLiteral("250 2.0.0 Ok: queued as 4F2A1")));
        QVERIFY(server.listen());
        ComposeWindow *w = createWindow(server.port());
        QSignalSpy finished(w, &ComposeWindow::sendFinished);
        fillAndSend(w, QStringLiteral("Quarterly numbers"));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
        QVERIFY2(server.mismatches().isEmpty(), qPrintable(server.report()));

        QCOMPARE(w->sentStore()->count(), 1);
        const SentEntry e = w->sentStore()->entries().first();
        QCOMPARE(e.subject, QStringLiteral("Quarterly numbers"));
        QCOMPARE(e.account, QStringLiteral("Fake server"));
        QVERIFY(!e.partial);
        QVERIFY2(!e.attemptId.isEmpty(), "no link to the history's attempt");
        QString loadError;
        QVERIFY2(w->historyPanel()->store().load(e.attemptId, &loadError).has_value(),
                 qPrintable(loadError));
        QCOMPARE(w->sentPanel()->list()->topLevelItemCount(), 1);
        QVERIFY(w->sentPanel()->preview()->toPlainText().contains(
            QStringLiteral("Subject: Quarterly numbers")));

        // A new store reading the folder, as the next run does.
        SentStore again;
        QCOMPARE(again.count(), 1);
        QFile eml(again.emlPath(e.id));
        QVERIFY(eml.open(QIODevice::ReadOnly));
        const QByteArray bytes = eml.readAll();
        QVERIFY(bytes.contains("Subject: Quarterly numbers\r\n"));
        QVERIFY(bytes.contains("Body of Quarterly numbers"));

        // Use as New: the sent message back in the form (the form is empty after a send).
        Q_EMIT w->sentPanel()->useAsNewRequested(e.id);
        QTRY_COMPARE(w->subjectField()->text(), QStringLiteral("Quarterly numbers"));
        QCOMPARE(w->toField()->text(), QStringLiteral("bo@example.org"));
        QVERIFY(w->bodyField()->toPlainText().startsWith(QStringLiteral("Body of")));

        // The search narrows the list.
        w->sentPanel()->searchField()->setText(QStringLiteral("zebra"));
        QCOMPARE(w->sentPanel()->list()->topLevelItemCount(), 0);
        w->sentPanel()->searchField()->setText(QStringLiteral("quarterly"));
        QCOMPARE(w->sentPanel()->list()->topLevelItemCount(), 1);

        // Deleted after asking.
        w->sentPanel()->deleteCurrent();
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = w->findChild<QMessageBox *>(QStringLiteral("sentDeleteQuestion"))));
        box->button(QMessageBox::Yes)->click();
        QTRY_COMPARE(w->sentStore()->count(), 0);
        QCOMPARE(SentStore().count(), 0);
    }

    void refusedSendStaysADraft()
    {
        FakeSmtpServer server(scenario(QStringLiteral("554 5.7.1 Message refused")));
        QVERIFY(server.listen());
        ComposeWindow *w = createWindow(server.port());
        QSignalSpy finished(w, &ComposeWindow::sendFinished);
        fillAndSend(w, QStringLiteral("Will be refused"));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
        QCOMPARE(w->sentStore()->count(), 0);
        QCOMPARE(SentStore().count(), 0);
        QCOMPARE(w->subjectField()->text(), QStringLiteral("Will be refused"));
    }
};

QTEST_MAIN(TestComposeSent)
#include "tst_composesent.moc"
