// Help > Learn SMTP: lesson 1 run through to the end by typing, with a wrong line that is
// explained and corrected, a line sent anyway, the message found in the sandbox store and
// shown in the window's inbox; the compose form and the sandbox's own settings untouched.
#include "composewindow.h"
#include "inboxpanel.h"
#include "lessonconversation.h"
#include "lessonwindow.h"
#include "mainwindowsandbox.h"
#include "sandbox/mailstore.h"
#include "sandbox/sandboxserver.h"

#include <QAction>
#include <QApplication>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QtTest>

#include <memory>

class TestLessonWindow : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<ComposeWindow> m_window;

    static void type(LessonWindow *lessons, const QString &line)
    {
        lessons->input()->clear();
        QTest::keyClicks(lessons->input(), line);
        QTest::keyClick(lessons->input(), Qt::Key_Return);
    }
    // Waits until the runner expects the person's next line.
    static bool ready(LessonWindow *lessons, int step)
    {
        return QTest::qWaitFor(
            [&] {
                return lessons->runner()->stepIndex() == step &&
                       lessons->runner()->state() == LessonRunner::State::Typing;
            },
            10000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("PostwireTest"));
        QCoreApplication::setApplicationName(QStringLiteral("postwire"));
        qputenv("POSTWIRE_SANDBOX_PORT", "0");
        QSettings().clear();
    }
    void cleanup() { m_window.reset(); }

    void firstLessonToTheEnd()
    {
        m_window = std::make_unique<ComposeWindow>();
        ComposeWindow *w = m_window.get();
        w->show();
        QTRY_COMPARE_WITH_TIMEOUT(w->sandbox()->status(), MainWindowSandbox::Status::Running,
                                  20000);
        // The person's own sandbox settings, which the lesson must give back.
        SandboxBehaviour own;
        own.rejectRecipients = QStringLiteral("^spam@");
        QVERIFY(w->sandbox()->server()->setBehaviour(own));
        w->subjectField()->setText(QStringLiteral("My draft, not the lesson's"));

        QAction *learn = w->findChild<QAction *>(QStringLiteral("learnSmtpAction"));
        QVERIFY(learn);
        learn->trigger();
        QPointer<LessonWindow> lessons = w->lessonWindow();
        QVERIFY(lessons);
        QVERIFY(lessons->isVisible());
        QCOMPARE(lessons->book().lessons().size(), 4);
        QVERIFY(lessons->book().errors().isEmpty());
        QCOMPARE(lessons->currentLesson(), 0);
        QSignalSpy finished(lessons->runner(), &LessonRunner::finished);

        QVERIFY(ready(lessons, 1)); // the greeting came
        QVERIFY(lessons->conversation()->plainText().contains(QLatin1String("S: 220 ")));
        QVERIFY(lessons->conversation()->plainText().contains(QLatin1String("service ready")));

        // A wrong line: explained beside the line, kept for correcting, nothing sent.
        type(lessons, QStringLiteral("HELLO learner.example"));
        QVERIFY2(lessons->checkText().contains(QLatin1String("HELO, not HELLO")),
                 qPrintable(lessons->checkText()));
        QVERIFY(lessons->checkText().contains(QLatin1String("HELO learner.example")));
        QVERIFY(lessons->sendAnywayButton()->isVisible());
        QCOMPARE(lessons->input()->text(), QStringLiteral("HELLO learner.example"));
        QCOMPARE(lessons->runner()->stepIndex(), 1);
        QVERIFY(!lessons->conversation()->plainText().contains(QLatin1String("C: HELLO")));

        type(lessons, QStringLiteral("helo learner.example"));
        QVERIFY(lessons->checkText().isEmpty());
        QVERIFY(ready(lessons, 2));
        QVERIFY(lessons->conversation()->plainText().contains(QLatin1String("C: helo")));

        // Sent anyway (Ctrl+Enter): the server's answer is explained, the step still waits.
        lessons->input()->clear();
        QTest::keyClicks(lessons->input(), QStringLiteral("RCPT TO:<friend@example.net>"));
        QTest::keyClick(lessons->input(), Qt::Key_Return, Qt::ControlModifier);
        QTRY_VERIFY(lessons->conversation()->plainText().contains(QLatin1String("S: 503")));
        QVERIFY(ready(lessons, 2));
        QVERIFY(lessons->conversation()->plainText().contains(QLatin1String("bad sequence")));

        type(lessons, QStringLiteral("MAIL FROM: <learner@example.org>"));
        QVERIFY(ready(lessons, 3));
        type(lessons, QStringLiteral("RCPT TO: <friend@example.net>"));
        QVERIFY(ready(lessons, 4));
        type(lessons, QStringLiteral("DATA"));
        QVERIFY(ready(lessons, 5));
        type(lessons, QStringLiteral("Hi!"));
        QVERIFY(ready(lessons, 6));
        type(lessons, QStringLiteral("."));
        QVERIFY(ready(lessons, 7));
        type(lessons, QStringLiteral("QUIT"));
        QTRY_COMPARE(finished.count(), 1);

        const QString id = lessons->runner()->queueId();
        QVERIFY(!id.isEmpty());
        QTRY_VERIFY(w->sandbox()->store()->contains(id));
        QTRY_VERIFY(lessons->inbox()->isVisible());
        QTRY_COMPARE(lessons->inbox()->currentId(), id);
        QVERIFY(lessons->conversation()->plainText().contains(QLatin1String("envelope")));

        // The form is untouched; closing gives the sandbox its settings back.
        QCOMPARE(w->subjectField()->text(), QStringLiteral("My draft, not the lesson's"));
        QVERIFY(w->sandbox()->server()->behaviour() != own);
        lessons->close();
        QTRY_VERIFY(!lessons);
        QCOMPARE(w->sandbox()->server()->behaviour(), own);
    }

    // Quitting with a lesson open: the main window deletes its sandbox before the lesson
    // window; nothing may touch it after.
    void mainWindowClosesWithTheLessonOpen()
    {
        m_window = std::make_unique<ComposeWindow>();
        m_window->show();
        QTRY_COMPARE_WITH_TIMEOUT(m_window->sandbox()->status(), MainWindowSandbox::Status::Running,
                                  20000);
        m_window->showLessons();
        QPointer<LessonWindow> lessons = m_window->lessonWindow();
        QVERIFY(ready(lessons, 1));
        type(lessons, QStringLiteral("HELO learner.example"));
        m_window.reset();
        QVERIFY(!lessons);
    }
};

QTEST_MAIN(TestLessonWindow)
#include "tst_lessonwindow.moc"
