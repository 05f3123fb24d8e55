// One lesson of the guided course (Help > Learn SMTP) as data: what each step asks the person
// to type, which lines it accepts, and how it explains the server's replies. Read from a
// JSON file; a damaged file is an error naming the file, the step and the field.
#pragma once

#include "sandbox/sandboxbehaviour.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <optional>

struct LessonMistake
{
    QRegularExpression match; // on the whole line, case-insensitive
    QString hint;
};

struct LessonStep
{
    enum class Kind
    {
        Connect, // a new connection to the sandbox; the greeting is its reply
        Command, // a command line: a verb and what may follow it
        Content  // a line of message text after DATA's 354
    };
    // When the lesson moves on past the step.
    enum class Wait
    {
        Reply, // on a reply in advanceOn (to the line the step accepted)
        Sent,  // as soon as the line is sent; its reply is explained when it comes
        None,  // no reply comes (message text)
        Close  // when the server closes the connection
    };

    QString id;
    Kind kind = Kind::Command;
    Wait wait = Wait::Reply;
    QString title;                  // a few words: "The sender (MAIL FROM)"
    QString instruction;            // what to type and why
    QString example;                // a line the step accepts, shown beside the instruction
    QString verb;                   // Command: "HELO", "MAIL FROM:"
    QRegularExpression verbPattern; // made from verb: tolerant of case and spacing
    std::optional<QRegularExpression> argument; // what follows the verb; none: nothing may
    std::optional<QRegularExpression> text;     // Content: the whole line
    QList<LessonMistake> mistakes;
    QString hint;                    // when a line is refused and no mistake matches
    QString explain;                 // what the accepted line does, shown when it is accepted
    QStringList advanceOn;           // "250", "2xx"
    QStringList continueOn;          // "334": the next line answers the server and is not checked
    QHash<QString, QString> replies; // "250", "5xx", "default" -> why the server said so
    std::optional<SandboxBehaviour> behaviour; // Connect: how the sandbox behaves
    QStringList acceptedExamples;              // lines the step must accept (checked by the tests)
    QStringList refusedExamples;               // lines it must refuse

    // True when code is in the list: exact ("250") or by class ("2xx").
    static bool codeIn(int code, const QStringList &codes);
    // The explanation in map for code: exact, then class, then "default"; empty when none.
    static QString explanationFor(const QHash<QString, QString> &map, int code);
};

struct Lesson
{
    Q_DECLARE_TR_FUNCTIONS(Lesson)
public:
    QString id;       // the file's name without language and extension: "1-first-dialogue"
    QString fileName; // where it was read from, for errors
    QString title;
    QString summary;
    QString conclusion;
    bool showMessage = false;        // the end shows the delivered message in the sandbox inbox
    QHash<QString, QString> replies; // for replies the steps do not explain
    QList<LessonStep> steps;

    // Parses and validates a lesson file. On failure returns std::nullopt and sets *error
    // to a sentence naming the file, the step and the field.
    static std::optional<Lesson> fromJson(const QByteArray &json, const QString &fileName,
                                          QString *error);
};
