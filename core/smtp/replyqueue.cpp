#include "smtp/replyqueue.h"

#include <QHash>

void ReplyQueue::expectFirst(const Awaited &awaited)
{
    qsizetype i = 0;
    while (i < m_queue.size() && m_queue[i].written)
        ++i;
    m_queue.insert(i, awaited);
}

void ReplyQueue::written(const QList<TranscriptCommand> &commands, qint64 now)
{
    // By id, not by a search of the list for each: a group of 5,000 RCPTs made this 25 million
    // comparisons in the window's thread.
    QHash<int, const TranscriptCommand *> byId;
    byId.reserve(commands.size());
    for (const TranscriptCommand &c : commands)
        byId.insert(c.id, &c); // the last of one id wins, as before
    for (Awaited &a : m_queue) {
        if (a.written)
            continue;
        if (const TranscriptCommand *c = byId.value(a.command.id))
            a.command = *c;
        a.written = true;
        a.sentAt = now;
    }
}

void ReplyQueue::dropUnwritten()
{
    m_queue.removeIf([](const Awaited &a) { return !a.written; });
}

ReplyQueue::Match ReplyQueue::match(const SmtpReply &reply)
{
    Match m;
    if (!waiting())
        return m;
    m.awaited = m_queue.takeFirst();
    m.result = fits(m.awaited.command.kind, reply.code, m.awaited.command.lastChunk)
                   ? Match::Result::Answers
                   : Match::Result::WrongKind;
    return m;
}

bool ReplyQueue::fits(Kind kind, int code, bool lastChunk)
{
    const int type = code / 100;
    if (type != 2 && type != 3)
        return kind != Kind::None; // refused, deferred (or odd): any command can get that
    switch (kind) {
    case Kind::Greeting:
        // RFC 5321 section 4.2: 220 (or a refusal). A 250 is the reply to an EHLO the client
        // has not sent: the server skipped its greeting.
        return code == 220;
    case Kind::Data:
        return code == 354;
    case Kind::Auth:
    case Kind::AuthContinue:
        return type == 2 || code == 334;
    case Kind::EndOfData:
        return code == 250;
    case Kind::Bdat:
        return lastChunk ? code == 250 : type == 2;
    case Kind::None:
        return false;
    case Kind::Noop:
    case Kind::Vrfy:
    case Kind::Expn:
    case Kind::Help:
    case Kind::Other:
        // A line a person sent in step mode or the console: whatever the server answers is
        // shown; the engine does not depend on it.
        return true;
    default:
        return type == 2;
    }
}
