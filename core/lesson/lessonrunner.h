// Runs one lesson against a session it never touches: checks each line the person typed
// before it is sent, matches the server's replies to the lines sent, explains them and moves
// through the steps. Pure logic (no socket), so the window and the tests drive it alike.
#pragma once

#include "lesson/lesson.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

struct LessonCheck
{
    enum class Verdict
    {
        Accepted, // what the step asks for
        Refused,  // not what the step asks for; hint says what to change (may be sent anyway)
        Early,    // the server has not answered the last line yet
        Closed    // no connection to send it on yet
    };
    Verdict verdict = Verdict::Refused;
    QString explanation; // what the line does (accepted) or what is wrong with it
    QString hint;        // how to type it right

    bool accepted() const { return verdict == Verdict::Accepted; }
};

struct LessonNote
{
    enum class Kind
    {
        Step,       // a new step began: its instruction
        LineSent,   // what the line just sent does
        Reply,      // why the server answered as it did, and what it means for the lesson
        Unexpected, // a reply or an end the step did not expect; what to do now
        Done        // the lesson's conclusion
    };
    Kind kind = Kind::Reply;
    QString text;
};

class LessonRunner : public QObject
{
    Q_OBJECT
public:
    enum class State
    {
        Idle,
        Connecting, // waiting for the session to open and the greeting to come
        Typing,     // the person types the current step's line
        AwaitingReply,
        Finished
    };
    Q_ENUM(State)

    explicit LessonRunner(QObject *parent = nullptr);

    // Texts may use {user}, {password}, {authPlain} (base64 of NUL user NUL password),
    // {host} and {port}; the window sets them from the sandbox it runs against.
    void setVariables(const QHash<QString, QString> &variables) { m_variables = variables; }
    QString expand(const QString &text) const;
    // What a common reply code means wherever it comes; empty for codes without one.
    static QString commonExplanation(int code);

    // Starts at the first step (which connects: connectionWanted() follows).
    void start(const Lesson &lesson);

    const Lesson &lesson() const { return m_lesson; }
    State state() const { return m_state; }
    int stepIndex() const { return m_step; }
    const LessonStep *currentStep() const;
    bool isFinished() const { return m_state == State::Finished; }
    // "Step 3 of 9"
    QString progressText() const;
    // The queue id of the last message the server accepted ("queued as ..."), if any.
    QString queueId() const { return m_queueId; }

    // What the current step makes of a line, before it is sent. Changes nothing.
    LessonCheck check(const QString &line) const;
    // What step makes of line, whatever the state (the tests check every step's examples).
    LessonCheck checkLine(const LessonStep &step, const QString &line) const;

    // The session reports (the window forwards them):
    // a line went to the server, checked or sent anyway.
    void lineSent(const QString &line);
    void replyReceived(int code, const QString &text);
    void connectionEnded(const QString &reason);
    // Goes back to the last step that connects and connects again (after a failed greeting).
    void reconnect();

Q_SIGNALS:
    // Open a new session with the sandbox behaving like this (closing any open one first).
    void connectionWanted(const SandboxBehaviour &behaviour);
    void stepChanged(int index);
    void note(const LessonNote &note);
    void finished();

private:
    struct Sent
    {
        int step;      // the step it was typed at
        bool accepted; // what check() said
        QString line;
    };

    void enterStep(int index);
    void advance();
    void emitNote(LessonNote::Kind kind, const QString &text);
    QString explainReply(const Sent *sent, int code, const QString &text) const;
    bool awaitingBlockingReply() const;

    Lesson m_lesson;
    QHash<QString, QString> m_variables;
    State m_state = State::Idle;
    int m_step = -1;
    QList<Sent> m_sent;          // lines whose replies have not come yet, in order (RFC 2920)
    bool m_continuation = false; // the server asked (334): the next line answers it
    QString m_queueId;
};
