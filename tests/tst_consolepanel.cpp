// The console tab, driven as a person would: choose the server, connect, type lines (Enter),
// recall them (Up/Down), complete them (Tab), see refusals beside the field, answer the
// password question, and the compose window with the console beside its transcript.
#include "account/accountstore.h"
#include "account/prompter.h"
#include "account/sessionsecrets.h"
#include "composewindow.h"
#include "console/consolesession.h"
#include "consoleinput.h"
#include "consolepanel.h"
#include "fakesmtpserver.h"
#include "transcriptmodel.h"

#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

namespace {

// Answers each password question with the next answer, on a later turn, as a dialog would.
class ScriptedPrompter : public Prompter
{
    Q_OBJECT
public:
    using Prompter::Prompter;
    QStringList answers;
    QList<PasswordRequest> asked;

    void askPassword(const PasswordRequest &request) override
    {
        asked << request;
        const QString secret = answers.isEmpty() ? QString() : answers.takeFirst();
        QTimer::singleShot(0, this, [this, request, secret] {
            Q_EMIT passwordAnswered(request.id, SaslCredentials{request.user, secret, {}}, false);
        });
    }
    void askCertificate(const CertificateRequest &request) override
    {
        QTimer::singleShot(0, this, [this, id = request.id] {
            Q_EMIT certificateAnswered(id, CertificateChoice::Refuse);
        });
    }
};

QStringList transcriptLines(const TranscriptModel *model)
{
    QStringList lines;
    for (int row = 0; row < model->rowCount(); ++row) {
        if (const TranscriptEntry *e = model->entry(row))
            lines << e->text;
    }
    return lines;
}

} // namespace

class TestConsolePanel : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    // An account for the fake server, with AUTH as a user without a stored password.
    QString addAccount(AccountStore &store, quint16 port)
    {
        Account a;
        a.name = QStringLiteral("Fake");
        a.host = QStringLiteral("127.0.0.1");
        a.port = port;
        a.security = SmtpSettings::Security::None;
        a.address = QStringLiteral("ana@example.org");
        a.user = QStringLiteral("ana");
        a.authenticate = true;
        a.heloName = QStringLiteral("me.example");
        return store.add(a);
    }

    static void type(ConsolePanel &panel, const QString &line)
    {
        QTest::keyClicks(panel.input(), line);
        QTest::keyClick(panel.input(), Qt::Key_Return);
    }

private Q_SLOTS:
    void session()
    {
        FakeSmtpServer server(QStringLiteral("S: 220 fake ESMTP\nC: EHLO me.example\nS: 250-fake\n"
                                             "S: 250-AUTH PLAIN LOGIN\nS: 250 SIZE 1000\n"
                                             "C: AUTH PLAIN AGFuYQBzM2NyZXQ=\nS: 235 2.7.0 ok\n"
                                             "C: MAIL FROM:<ana@example.org> SIZE=10\nS: 250 ok\n"
                                             "C: QUIT\nS: 221 bye\n"));
        QVERIFY(server.listen());
        AccountStore store(m_dir.filePath(QStringLiteral("session.conf")));
        const QString id = addAccount(store, server.port());
        SessionSecrets secrets;
        ScriptedPrompter prompter;
        prompter.answers << QStringLiteral("s3cret");
        ConsolePanel panel(&store, &secrets, &prompter);
        panel.resize(700, 500);
        panel.show();
        panel.selectAccount(id);
        QVERIFY(!panel.input()->isEnabled());
        panel.findChild<QPushButton *>(QStringLiteral("consoleConnect"))->click();
        QTRY_VERIFY(panel.input()->isEnabled());
        QTRY_VERIFY(
            transcriptLines(panel.transcriptModel()).contains(QStringLiteral("220 fake ESMTP")));

        // A refused line stays in the field, with the reason beside it; nothing is sent.
        type(panel, QStringLiteral("NOOP \\q"));
        QVERIFY2(panel.problem().contains(QStringLiteral("not an escape")),
                 qPrintable(panel.problem()));
        QCOMPARE(panel.input()->text(), QStringLiteral("NOOP \\q"));
        panel.input()->clear();

        // Tab completes a verb; the extensions come from the EHLO reply.
        QTest::keyClicks(panel.input(), QStringLiteral("eh"));
        QTest::keyClick(panel.input(), Qt::Key_Tab);
        QCOMPARE(panel.input()->text(), QStringLiteral("EHLO "));
        QTest::keyClicks(panel.input(), QStringLiteral("me.example"));
        QTest::keyClick(panel.input(), Qt::Key_Return);
        QVERIFY(panel.problem().isEmpty());
        QTRY_VERIFY(panel.session()->capabilities().size());
        QTRY_VERIFY(!panel.session()->isWaiting());
        QTest::keyClicks(panel.input(), QStringLiteral("AUTH P"));
        QTest::keyClick(panel.input(), Qt::Key_Tab);
        QCOMPARE(panel.input()->text(), QStringLiteral("AUTH PLAIN "));

        // AUTH typed alone: the password is asked for, never shown.
        QTest::keyClick(panel.input(), Qt::Key_Return);
        QTRY_COMPARE(prompter.asked.size(), 1);
        QCOMPARE(prompter.asked[0].user, QStringLiteral("ana"));
        QTRY_VERIFY(!panel.session()->isBusy() && !panel.session()->isWaiting());
        QCOMPARE(secrets.secret(id), QStringLiteral("s3cret")); // not asked again this session
        const QStringList lines = transcriptLines(panel.transcriptModel());
        QVERIFY(lines.contains(QStringLiteral("AUTH PLAIN ********")));
        QVERIFY(!lines.join(QLatin1Char('\n')).contains(QStringLiteral("AGFuYQBzM2NyZXQ=")));

        QTest::keyClicks(panel.input(), QStringLiteral("MAIL F"));
        QTest::keyClick(panel.input(), Qt::Key_Tab);
        QCOMPARE(panel.input()->text(), QStringLiteral("MAIL FROM:<"));
        QTest::keyClicks(panel.input(), QStringLiteral("ana@example.org> S"));
        QTest::keyClick(panel.input(), Qt::Key_Tab);
        QCOMPARE(panel.input()->text(), QStringLiteral("MAIL FROM:<ana@example.org> SIZE="));
        QTest::keyClicks(panel.input(), QStringLiteral("10"));
        QTest::keyClick(panel.input(), Qt::Key_Return);
        QTRY_VERIFY(!panel.session()->isWaiting());

        // Up and Down walk the lines sent, and come back to what was being typed.
        QTest::keyClicks(panel.input(), QStringLiteral("QU"));
        QTest::keyClick(panel.input(), Qt::Key_Up);
        QCOMPARE(panel.input()->text(), QStringLiteral("MAIL FROM:<ana@example.org> SIZE=10"));
        QTest::keyClick(panel.input(), Qt::Key_Up);
        QCOMPARE(panel.input()->text(), QStringLiteral("AUTH PLAIN "));
        QTest::keyClick(panel.input(), Qt::Key_Down);
        QTest::keyClick(panel.input(), Qt::Key_Down);
        QCOMPARE(panel.input()->text(), QStringLiteral("QU"));

        panel.findChild<QPushButton *>(QStringLiteral("consoleConnect"))->click(); // Disconnect
        QTRY_VERIFY(!panel.session()->isOpen());
        QVERIFY2(server.mismatches().isEmpty() && server.unconsumed().isEmpty(),
                 qPrintable(server.report()));
        QVERIFY(!panel.input()->isEnabled());
        QVERIFY(panel.findChild<QLabel *>(QStringLiteral("consoleState"))
                    ->text()
                    .contains(QStringLiteral("QUIT")));
        QVERIFY(transcriptLines(panel.transcriptModel())
                    .contains(QStringLiteral("the session ended after QUIT: 221 bye")));
    }

    void serverClosesShowsTheReason()
    {
        FakeSmtpServer server(QStringLiteral("S: 220 fake\nC: NOOP\nS: 421 4.3.2 bye now\nX:\n"));
        QVERIFY(server.listen());
        AccountStore store(m_dir.filePath(QStringLiteral("closes.conf")));
        const QString id = addAccount(store, server.port());
        SessionSecrets secrets;
        ScriptedPrompter prompter;
        ConsolePanel panel(&store, &secrets, &prompter);
        panel.selectAccount(id);
        panel.connectToServer();
        QTRY_VERIFY(panel.input()->isEnabled() && !panel.session()->isWaiting());
        type(panel, QStringLiteral("NOOP"));
        QTRY_VERIFY(!panel.session()->isOpen());
        const QString state = panel.findChild<QLabel *>(QStringLiteral("consoleState"))->text();
        QVERIFY2(state.contains(QStringLiteral("closed the connection")), qPrintable(state));
        QVERIFY(!panel.input()->isEnabled());
    }

    // The console is a tab beside the transcript; using it leaves the compose form alone.
    void besideTheTranscript()
    {
        ComposeWindow window;
        QTabWidget *tabs = window.transcriptTabs();
        QVERIFY(tabs);
        QCOMPARE(tabs->count(), 2);
        QCOMPARE(tabs->widget(1), window.consolePanel());
        QVERIFY(window.consolePanel()->accountBox()->count() >= 1);
        QCOMPARE(window.consolePanel()->transcriptModel() == window.transcriptModel(), false);
    }
};

QTEST_MAIN(TestConsolePanel)
#include "tst_consolepanel.moc"
