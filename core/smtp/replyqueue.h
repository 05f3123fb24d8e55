// The commands sent and still waiting for their replies. Replies are matched strictly in
// order (RFC 2920 section 3.1): each answers the oldest command that left the client, and a
// reply that cannot answer that kind of command is a protocol error naming both.
#pragma once

#include "smtp/smtpreply.h"
#include "smtp/transcriptentry.h"

#include <QList>

class ReplyQueue
{
public:
    using Kind = TranscriptCommand::Kind;

    struct Awaited
    {
        TranscriptCommand command;
        QString what;  // the command as people know it, for errors: "RCPT TO <ana@example.org>"
        int index = 0; // RCPT: which recipient
        qint64 sentAt = 0;
        bool written = false; // a reply can only answer a command that left the client
    };

    struct Match
    {
        enum class Result
        {
            Answers,   // the reply answers awaited
            NoCommand, // nothing sent is waiting for a reply
            WrongKind, // awaited cannot be answered with this code
        };
        Result result = Result::NoCommand;
        Awaited awaited; // Answers, WrongKind: the command, now off the queue
    };

    // A command that will wait for a reply once written.
    void expect(const Awaited &awaited) { m_queue.append(awaited); }
    // A command that goes before the ones planned but not yet written (step mode's extra one).
    void expectFirst(const Awaited &awaited);
    // The planned commands left the client now, with their final form (group and place).
    void written(const QList<TranscriptCommand> &commands, qint64 now);
    // Forgets the planned commands that were never written.
    void dropUnwritten();
    // Matches the reply with the oldest written command, taking that command off the queue.
    Match match(const SmtpReply &reply);

    bool isEmpty() const { return m_queue.isEmpty(); }
    // The oldest command: the one the next reply answers.
    const Awaited &front() const { return m_queue.first(); }
    // Whether a written command still waits (the next reply has something to answer).
    bool waiting() const { return !m_queue.isEmpty() && m_queue.first().written; }

    // Whether a reply with this code can answer a command of this kind at all: 3xx only where
    // the protocol asks for more (354 to DATA, 334 to AUTH), only 250 ends the data (RFC 5321
    // section 4.1.1.4, RFC 3030), the greeting's 220 is no answer to QUIT's 221 and the like.
    static bool fits(Kind kind, int code, bool lastChunk = true);

private:
    QList<Awaited> m_queue;
};
