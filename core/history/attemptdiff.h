// Two attempts side by side, aligned step by step (the greeting, each EHLO, each command and
// its reply; RCPT by recipient), with what changed: the command, the reply, the extensions a
// server added or removed, and how much slower or faster each step answered. What a person
// needs after changing a server's configuration.
#pragma once

#include "history/attempt.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

// One step of an attempt: a command and its reply, or the greeting.
struct AttemptStep
{
    QString key;   // what it is aligned by: "RCPT <b@example.org>#0", "EHLO#1"
    QString label; // for people: "RCPT TO <b@example.org>", "EHLO (after TLS)"
    TranscriptCommand command;
    QString commandLine;    // as sent ("" for the greeting)
    QStringList replyLines; // as received
    int replyCode = 0;
    qint64 latencyMs = -1; // how long the reply took; -1 without a reply
    qint64 atMs = -1;      // when the step began, since the connection started
};

class AttemptDiff
{
    Q_DECLARE_TR_FUNCTIONS(AttemptDiff)
public:
    struct Row
    {
        enum class Change
        {
            Same,      // the same command and reply (the text may differ in details)
            Differs,   // the command or the reply code differs
            OnlyLeft,  // a step the first attempt had and the second lacks
            OnlyRight, // a step only the second attempt had
        };
        Change change = Change::Same;
        int left = -1; // index into steps of the first attempt
        int right = -1;
        QString label;
        bool commandDiffers = false;
        bool replyCodeDiffers = false;
        bool replyTextDiffers = false;
        qint64 latencyDeltaMs = 0; // right minus left, when both have a reply
        bool hasLatencyDelta = false;
        QStringList extensionsAdded, extensionsRemoved, extensionsChanged; // EHLO rows
    };

    AttemptDiff(const Attempt &left, const Attempt &right);

    static QList<AttemptStep> steps(const Attempt &attempt);
    const QList<AttemptStep> &leftSteps() const { return m_left; }
    const QList<AttemptStep> &rightSteps() const { return m_right; }
    const QList<Row> &rows() const { return m_rows; }
    bool identical() const;

    // "RCPT TO <b@example.org>: +1500 ms"
    static QString timing(const Row &row);
    // The whole comparison for a terminal.
    QString toText() const;

private:
    Attempt m_a; // copies: a diff may outlive the attempts it was made from
    Attempt m_b;
    QList<AttemptStep> m_left, m_right;
    QList<Row> m_rows;
};
