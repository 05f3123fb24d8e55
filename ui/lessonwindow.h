// Help > Learn SMTP: the guided lessons run in a console against the built-in sandbox. Shows
// the step's instruction, takes the person's line, checks it before it goes (a wrong line is
// explained and may be sent anyway), and explains every reply; lesson 1 ends on the delivered
// message in the sandbox inbox. It never touches the compose form; the sandbox's own
// behaviour settings come back when the window closes. Its sessions are not kept in the
// history: they are practice against the sandbox, and would bury the real attempts.
#pragma once

#include "console/consolesession.h"
#include "lesson/lessonbook.h"
#include "lesson/lessonrunner.h"
#include "sandbox/sandboxbehaviour.h"

#include <QPointer>
#include <QStringList>
#include <QWidget>

#include <optional>

class InboxPanel;
class LessonConversation;
class MainWindowSandbox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSplitter;
class QFrame;

class LessonWindow : public QWidget
{
    Q_OBJECT
public:
    explicit LessonWindow(MainWindowSandbox *sandbox, QWidget *parent = nullptr);
    ~LessonWindow() override;

    const LessonBook &book() const { return m_book; }
    LessonRunner *runner() const { return m_runner; }
    ConsoleSession *session() const { return m_session; }
    QLineEdit *input() const { return m_input; }
    LessonConversation *conversation() const { return m_conversation; }
    InboxPanel *inbox() const { return m_inbox; }
    // The text beside the line: why a line was refused, or what the console could not send.
    QString checkText() const;
    QPushButton *sendAnywayButton() const { return m_sendAnyway; }

    void startLesson(int index);
    int currentLesson() const { return m_lessonIndex; }

public Q_SLOTS:
    // Checks the typed line and sends it when the step accepts it (Enter).
    void submit();
    // Sends it whatever the check said (Ctrl+Enter, "Send Anyway").
    void sendAnyway();

protected:
    void closeEvent(QCloseEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void buildUi();
    void onConnectionWanted(const SandboxBehaviour &behaviour);
    void openSession();
    void endSession();
    void send(const QString &line);
    void showCheck(const QString &text, const QString &hint, bool canSendAnyway);
    void hideCheck();
    void onStepChanged();
    void onFinished();
    void showDeliveredMessage();
    void restoreBehaviour();
    void updateVariables();

    // Owned by the main window, which may delete it before this window when both go at exit.
    QPointer<MainWindowSandbox> m_sandbox;
    LessonBook m_book;
    LessonRunner *m_runner;
    QPointer<ConsoleSession> m_session;
    int m_lessonIndex = -1;
    std::optional<SandboxBehaviour> m_wantedBehaviour; // waits for the sandbox to start
    std::optional<SandboxBehaviour> m_savedBehaviour;  // the person's, restored at the end
    QStringList m_history;
    int m_historyIndex = 0;

    QComboBox *m_lessons;
    QLabel *m_summary;
    QPushButton *m_restart;
    QPushButton *m_next;
    QLabel *m_progress;
    QLabel *m_stepTitle;
    QLabel *m_instruction;
    QLabel *m_example;
    QLabel *m_problems;
    LessonConversation *m_conversation;
    QLineEdit *m_input;
    QPushButton *m_send;
    QFrame *m_check;
    QLabel *m_checkText;
    QPushButton *m_sendAnyway;
    QPushButton *m_reconnect;
    QSplitter *m_splitter;
    InboxPanel *m_inbox;
};
