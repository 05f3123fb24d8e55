#include "lesson/lessonrunner.h"

#include <QRegularExpression>

QString LessonRunner::commonExplanation(int code)
{
    // The replies any step can meet, so lesson files explain only what is special to them.
    switch (code) {
    case 221:
        return tr("221: the server says goodbye and closes the connection.");
    case 235:
        return tr("235: the login worked; the server now knows who is sending.");
    case 334:
        return tr("334: the server asks for the next part of the login, in base64.");
    case 354:
        return tr("354: go ahead; every line from now on is message text, until a line "
                  "that is only a dot.");
    case 421:
        return tr("421: the server is closing the connection (shutting down, too many "
                  "errors, or it simply will not talk now). Try again later.");
    case 500:
        return tr("500: the server did not understand the line: an unknown command or "
                  "broken syntax.");
    case 501:
        return tr("501: the command is known, but what follows it is wrong (a missing "
                  "address, angle brackets, a colon).");
    case 502:
        return tr("502: the server does not offer this command.");
    case 503:
        return tr("503: bad sequence of commands. The command is fine, but not at this "
                  "point of the dialogue (RCPT before MAIL, DATA before RCPT, a second MAIL "
                  "without RSET).");
    case 530:
        return tr("530: the server wants something first (TLS, or a login) before it "
                  "takes mail.");
    case 535:
        return tr("535: the login failed: wrong user name or password.");
    case 554:
        return tr("554: the transaction failed; the server will not take this.");
    default:
        return QString();
    }
}

LessonRunner::LessonRunner(QObject *parent)
    : QObject(parent)
{}

QString LessonRunner::expand(const QString &text) const
{
    QString out = text;
    QHash<QString, QString> vars = m_variables;
    if (!vars.contains(QStringLiteral("authPlain")) && vars.contains(QStringLiteral("user"))) {
        // RFC 4616: authorization identity (empty), NUL, user, NUL, password.
        QByteArray plain(1, '\0');
        plain += vars.value(QStringLiteral("user")).toUtf8();
        plain += '\0';
        plain += vars.value(QStringLiteral("password")).toUtf8();
        vars.insert(QStringLiteral("authPlain"), QString::fromLatin1(plain.toBase64()));
    }
    for (auto it = vars.cbegin(); it != vars.cend(); ++it)
        out.replace(QLatin1Char('{') + it.key() + QLatin1Char('}'), it.value());
    return out;
}

void LessonRunner::start(const Lesson &lesson)
{
    m_lesson = lesson;
    m_sent.clear();
    m_queueId.clear();
    if (m_lesson.steps.isEmpty()) {
        m_state = State::Idle;
        return;
    }
    enterStep(0);
}

const LessonStep *LessonRunner::currentStep() const
{
    if (m_step < 0 || m_step >= m_lesson.steps.size())
        return nullptr;
    return &m_lesson.steps.at(m_step);
}

QString LessonRunner::progressText() const
{
    if (m_state == State::Finished)
        return tr("Finished");
    return tr("Step %1 of %2").arg(m_step + 1).arg(m_lesson.steps.size());
}

bool LessonRunner::awaitingBlockingReply() const
{
    for (const Sent &sent : m_sent) {
        const LessonStep &step = m_lesson.steps.at(sent.step);
        if (!sent.accepted || step.wait != LessonStep::Wait::Sent)
            return true;
    }
    return false;
}

LessonCheck LessonRunner::check(const QString &line) const
{
    LessonCheck result;
    const LessonStep *step = currentStep();
    if (m_state == State::Idle || m_state == State::Finished || !step) {
        result.verdict = LessonCheck::Verdict::Closed;
        result.explanation = tr("No lesson step is waiting for a line.");
        return result;
    }
    if (m_state == State::Connecting) {
        result.verdict = LessonCheck::Verdict::Closed;
        result.explanation = tr("Wait for the server's greeting first: in SMTP the client "
                                "speaks only after the server has said hello with a 220 reply.");
        return result;
    }
    if (m_continuation) {
        result.verdict = LessonCheck::Verdict::Accepted;
        result.explanation = tr("Your answer to the server's question (its 334 reply).");
        return result;
    }
    if (m_state == State::AwaitingReply) {
        result.verdict = LessonCheck::Verdict::Early;
        result.explanation =
            tr("The server has not answered your last line yet. A client waits for each "
               "reply before it sends the next command, unless the server offered PIPELINING.");
        result.hint = tr("Wait for the reply, or send the line anyway to see what the server "
                         "does with a line that arrives early.");
        return result;
    }
    return checkLine(*step, line);
}

LessonCheck LessonRunner::checkLine(const LessonStep &stepRef, const QString &line) const
{
    const LessonStep *step = &stepRef;
    LessonCheck result;
    bool ok = false;
    bool verbMatched = false;
    if (step->kind == LessonStep::Kind::Command) {
        const QRegularExpressionMatch m = step->verbPattern.match(line);
        verbMatched = m.hasMatch();
        if (verbMatched) {
            const QString rest = line.mid(m.capturedEnd()).trimmed();
            ok = step->argument ? step->argument->match(rest).hasMatch() : rest.isEmpty();
        }
    } else if (step->text) {
        ok = step->text->match(line).hasMatch();
    }
    if (ok) {
        result.verdict = LessonCheck::Verdict::Accepted;
        result.explanation = expand(step->explain);
        return result;
    }

    result.verdict = LessonCheck::Verdict::Refused;
    result.hint = tr("Type for example: %1").arg(expand(step->example));
    for (const LessonMistake &mistake : step->mistakes) {
        if (mistake.match.match(line).hasMatch()) {
            result.explanation = expand(mistake.hint);
            return result;
        }
    }
    if (!step->hint.isEmpty()) {
        result.explanation = expand(step->hint);
    } else if (line.trimmed().isEmpty()) {
        result.explanation = tr("The line is empty; this step asks for a line of its own.");
    } else if (step->kind == LessonStep::Kind::Command && !verbMatched) {
        const QString first = line.trimmed().section(QLatin1Char(' '), 0, 0);
        result.explanation = tr("This step asks for %1, and your line starts with \"%2\".")
                                 .arg(step->verb.trimmed(), first);
    } else if (step->kind == LessonStep::Kind::Command) {
        result.explanation = tr("%1 is right, but what follows it is not what this step asks for.")
                                 .arg(step->verb.trimmed());
    } else {
        result.explanation = tr("This is not the text this step asks for.");
    }
    return result;
}

void LessonRunner::lineSent(const QString &line)
{
    const LessonStep *step = currentStep();
    if (!step || m_state == State::Finished || m_state == State::Idle)
        return;
    if (m_continuation) {
        // An answer to the server's 334: the reply it gets still answers the step's line.
        m_continuation = false;
        m_state = State::AwaitingReply;
        return;
    }
    const bool early = m_state == State::AwaitingReply;
    const LessonCheck verdict = check(line);
    const bool accepted = verdict.accepted();
    if (accepted) {
        if (!verdict.explanation.isEmpty())
            emitNote(LessonNote::Kind::LineSent, verdict.explanation);
        switch (step->wait) {
        case LessonStep::Wait::Reply:
        case LessonStep::Wait::Close:
            m_sent << Sent{m_step, true, line};
            m_state = State::AwaitingReply;
            return;
        case LessonStep::Wait::Sent:
            m_sent << Sent{m_step, true, line};
            advance();
            return;
        case LessonStep::Wait::None:
            advance();
            return;
        }
        return;
    }
    // Sent anyway: a command gets a reply, a line of message text does not.
    if (step->kind == LessonStep::Kind::Command || early) {
        m_sent << Sent{m_step, false, line};
        m_state = State::AwaitingReply;
        emitNote(LessonNote::Kind::LineSent,
                 early ? tr("Sent before the last reply came. The server reads it when it is "
                            "ready; its reply follows the one it still owes.")
                       : tr("Sent anyway. The next reply is the server's answer to it; this "
                            "step then still waits for its own line."));
    } else {
        emitNote(LessonNote::Kind::LineSent,
                 tr("Sent anyway, as message text: the server does not answer lines of text."));
    }
}

QString LessonRunner::explainReply(const Sent *sent, int code, const QString &text) const
{
    QString explanation;
    if (sent && sent->accepted)
        explanation = LessonStep::explanationFor(m_lesson.steps.at(sent->step).replies, code);
    if (explanation.isEmpty())
        explanation = LessonStep::explanationFor(m_lesson.replies, code);
    if (explanation.isEmpty())
        explanation = commonExplanation(code);
    if (explanation.isEmpty()) {
        switch (code / 100) {
        case 2:
            explanation = tr("A 2xx reply: the server did what the line asked.");
            break;
        case 3:
            explanation = tr("A 3xx reply: the server waits for more from you.");
            break;
        case 4:
            explanation = tr("A 4xx reply is a temporary failure: the same line may work "
                             "later, so a mail server would try again.");
            break;
        default:
            explanation = tr("A 5xx reply is a permanent refusal: the same line will not work "
                             "again; something in it has to change.");
            break;
        }
    }
    QString out = expand(explanation);
    out.replace(QStringLiteral("{code}"), QString::number(code));
    out.replace(QStringLiteral("{reply}"), text);
    return out;
}

void LessonRunner::replyReceived(int code, const QString &text)
{
    const LessonStep *step = currentStep();
    if (!step || m_state == State::Finished || m_state == State::Idle)
        return;
    static const QRegularExpression queued(tr("queued as (\\S+)"));
    if (code == 250) {
        const QRegularExpressionMatch m = queued.match(text);
        if (m.hasMatch())
            m_queueId = m.captured(1);
    }

    if (m_state == State::Connecting && m_sent.isEmpty()) {
        // The greeting: the connect step's own reply.
        const Sent greeting{m_step, true, QString()};
        const QString explanation = explainReply(&greeting, code, text);
        if (LessonStep::codeIn(code, step->advanceOn)) {
            emitNote(LessonNote::Kind::Reply, explanation);
            advance();
        } else {
            emitNote(LessonNote::Kind::Unexpected,
                     explanation + QLatin1Char(' ') +
                         tr("The greeting was not the one this step waits for. Use Reconnect "
                            "to try again."));
        }
        return;
    }

    if (m_sent.isEmpty()) {
        emitNote(LessonNote::Kind::Unexpected,
                 explainReply(nullptr, code, text) + QLatin1Char(' ') +
                     tr("No line of yours was waiting for this reply."));
        return;
    }
    if (const Sent &front = m_sent.constFirst();
        front.step == m_step && front.accepted && LessonStep::codeIn(code, step->continueOn)) {
        // The exchange goes on (AUTH's 334): the person, or the console for an AUTH typed
        // alone, answers; the line stays the one the next reply answers.
        m_continuation = true;
        m_state = State::Typing;
        emitNote(LessonNote::Kind::Reply, explainReply(&front, code, text));
        return;
    }
    const Sent sent = m_sent.takeFirst();
    const QString explanation = explainReply(&sent, code, text);
    const LessonStep &from = m_lesson.steps.at(sent.step);
    const bool blocking = awaitingBlockingReply();
    if (!blocking && m_state == State::AwaitingReply &&
        !(sent.step == m_step && sent.accepted && step->wait == LessonStep::Wait::Close))
        m_state = State::Typing;

    if (!sent.accepted) {
        emitNote(LessonNote::Kind::Reply,
                 explanation + QLatin1Char(' ') +
                     tr("This step still waits for its own line: %1").arg(expand(step->example)));
        return;
    }
    if (sent.step != m_step || from.wait == LessonStep::Wait::Sent) {
        // The reply to a line of an earlier step that did not wait for it (pipelined).
        emitNote(LessonNote::Kind::Reply, explanation);
        return;
    }
    if (from.wait == LessonStep::Wait::Reply && LessonStep::codeIn(code, from.advanceOn)) {
        emitNote(LessonNote::Kind::Reply, explanation);
        advance();
        return;
    }
    if (from.wait == LessonStep::Wait::Close) {
        m_state = State::Typing;
        emitNote(LessonNote::Kind::Unexpected,
                 explanation + QLatin1Char(' ') +
                     tr("This step expected the server to close the connection instead. Type "
                        "the line again to see it."));
        return;
    }
    emitNote(LessonNote::Kind::Unexpected,
             explanation + QLatin1Char(' ') +
                 tr("That is not the reply this step leads to. Read what the server said, then "
                    "type the line again, or another one."));
}

void LessonRunner::connectionEnded(const QString &reason)
{
    const LessonStep *step = currentStep();
    if (!step || m_state == State::Finished || m_state == State::Idle)
        return;
    const QString because = reason.isEmpty() ? tr("the server closed the connection") : reason;
    if (step->wait == LessonStep::Wait::Close && !m_sent.isEmpty() &&
        m_sent.constLast().step == m_step && m_sent.constLast().accepted) {
        m_sent.clear();
        QString explanation = step->replies.value(QStringLiteral("closed"));
        emitNote(LessonNote::Kind::Reply, explanation.isEmpty()
                                              ? tr("The connection ended: %1.").arg(because)
                                              : expand(explanation));
        advance();
        return;
    }
    m_sent.clear();
    m_continuation = false;
    if (m_state == State::Connecting) {
        emitNote(LessonNote::Kind::Unexpected,
                 tr("The connection ended before the server's greeting: %1. Use Reconnect to "
                    "try again.")
                     .arg(because));
        return;
    }
    int restart = m_step;
    while (restart > 0 && m_lesson.steps.at(restart).kind != LessonStep::Kind::Connect)
        --restart;
    emitNote(LessonNote::Kind::Unexpected,
             tr("The connection ended: %1. An SMTP session cannot go on after that, so the "
                "lesson goes back to \"%2\" and connects again.")
                 .arg(because, expand(m_lesson.steps.at(restart).title)));
    enterStep(restart);
}

void LessonRunner::reconnect()
{
    int restart = qMax(0, m_step);
    while (restart > 0 && m_lesson.steps.at(restart).kind != LessonStep::Kind::Connect)
        --restart;
    if (m_lesson.steps.isEmpty())
        return;
    enterStep(restart);
}

void LessonRunner::enterStep(int index)
{
    m_step = index;
    m_continuation = false;
    const LessonStep &step = m_lesson.steps.at(index);
    emit stepChanged(index);
    emitNote(LessonNote::Kind::Step, expand(step.instruction));
    if (step.kind == LessonStep::Kind::Connect) {
        m_sent.clear();
        m_state = State::Connecting;
        emit connectionWanted(*step.behaviour);
        return;
    }
    m_state = awaitingBlockingReply() ? State::AwaitingReply : State::Typing;
}

void LessonRunner::advance()
{
    if (m_step + 1 >= m_lesson.steps.size()) {
        m_state = State::Finished;
        emitNote(LessonNote::Kind::Done, expand(m_lesson.conclusion));
        emit finished();
        return;
    }
    enterStep(m_step + 1);
}

void LessonRunner::emitNote(LessonNote::Kind kind, const QString &text)
{
    if (text.isEmpty())
        return;
    emit note(LessonNote{kind, text});
}
