#include "smtp/smtptransaction.h"

#include <QRegularExpression>

namespace {

using Action = SmtpTransaction::Step::Action;

QString stepName(SmtpClient::State state)
{
    return SmtpClient::stateName(state);
}

// Queue ids as the common servers phrase them: Postfix "queued as 4F3A2", Exim "id=1q2w3e",
// Sendmail "4F3A2 Message accepted", Exchange/Gmail "<id> ... Queued".
QString extractQueueId(const SmtpReply &reply)
{
    const QString text = reply.message();
    static const QRegularExpression patterns[] = {
        QRegularExpression(QStringLiteral("queued as ([A-Za-z0-9._-]+)"),
                           QRegularExpression::CaseInsensitiveOption),
        QRegularExpression(QStringLiteral("\\bid=([^\\s;,]+)")),
        QRegularExpression(QStringLiteral("^([A-Za-z0-9]{6,}) (?:Message accepted|mail accepted)"),
                           QRegularExpression::CaseInsensitiveOption),
        QRegularExpression(
            QStringLiteral("^(?:OK )?<?([^\\s<>]+@[^\\s<>]+|[A-Za-z0-9._-]{8,})>? ")),
    };
    for (const QRegularExpression &re : patterns) {
        const auto m = re.match(text);
        if (m.hasMatch())
            return m.captured(1);
    }
    return QString();
}

SmtpTransaction::Step step(Action action, int recipient = -1)
{
    SmtpTransaction::Step s;
    s.action = action;
    s.recipient = recipient;
    return s;
}

} // namespace

SmtpTransaction::SmtpTransaction(const Envelope &envelope, const Capabilities &caps,
                                 bool pipelining, bool chunking)
    : m_envelope(envelope)
    , m_caps(caps)
    , m_pipelining(pipelining)
    , m_chunking(chunking)
    , m_envelopeUtf8(envelope.needsSmtpUtf8())
{
    for (const QString &r : envelope.recipients)
        m_recipients.append({r, false, SmtpReply()});
}

QString SmtpTransaction::nonAsciiAddress(const Envelope &envelope)
{
    for (const QString &a : QStringList{envelope.sender} + envelope.recipients) {
        for (const QChar c : a.left(a.lastIndexOf(QLatin1Char('@')))) {
            if (c.unicode() > 0x7f)
                return a;
        }
    }
    return QString();
}

SmtpTransaction::Command SmtpTransaction::mailCommand(qint64 size, bool eightBit, bool utf8Headers,
                                                      QStringList *warnings) const
{
    const bool utf8 = m_envelopeUtf8 || (utf8Headers && m_caps.smtpUtf8());
    Command mail;
    mail.line = "MAIL FROM:<" + Envelope::wireAddress(m_envelope.sender, utf8) + '>';
    mail.origin = m_envelope.senderOrigin();
    mail.what = QStringLiteral("MAIL FROM <%1>").arg(m_envelope.sender);
    const auto add = [&mail](const QByteArray &parameter, const QString &option) {
        mail.line += ' ' + parameter;
        if (!mail.origin.options.contains(option))
            mail.origin.options << option;
    };
    if (m_caps.size())
        add("SIZE=" + QByteArray::number(size), QStringLiteral("SIZE"));
    if (eightBit && m_caps.eightBitMime())
        add("BODY=8BITMIME", QStringLiteral("BODY=8BITMIME"));
    else if (eightBit)
        *warnings << tr("warning: the message has 8-bit content and the server does not "
                        "offer 8BITMIME; sending it as it is");
    if (utf8)
        add("SMTPUTF8", QStringLiteral("SMTPUTF8"));
    const DsnOptions &dsn = m_envelope.dsn;
    if (dsn.isRequested() && !m_caps.dsn()) {
        *warnings << tr("warning: delivery status notifications were asked for, but the "
                        "server does not offer DSN; sending without them");
    }
    if (m_caps.dsn() && dsn.ret != DsnOptions::Return::Unspecified)
        add(dsn.ret == DsnOptions::Return::Full ? "RET=FULL" : "RET=HDRS", QStringLiteral("DSN"));
    if (m_caps.dsn() && !dsn.envelopeId.isEmpty())
        add("ENVID=" + DsnOptions::xtext(dsn.envelopeId), QStringLiteral("DSN"));
    return mail;
}

SmtpTransaction::Command SmtpTransaction::recipientCommand(int i) const
{
    const QString address = m_envelope.recipients.at(i);
    Command rcpt;
    rcpt.line = "RCPT TO:<" + Envelope::wireAddress(address, m_envelopeUtf8) + '>';
    rcpt.origin = m_envelope.recipientOrigin(i);
    rcpt.what = QStringLiteral("RCPT TO <%1>").arg(address);
    const DsnOptions &dsn = m_envelope.dsn;
    if (dsn.notify != 0 && m_caps.dsn()) {
        QList<QByteArray> notify;
        if (dsn.notify & DsnOptions::Never) {
            notify << "NEVER";
        } else {
            if (dsn.notify & DsnOptions::Success)
                notify << "SUCCESS";
            if (dsn.notify & DsnOptions::Failure)
                notify << "FAILURE";
            if (dsn.notify & DsnOptions::Delay)
                notify << "DELAY";
        }
        rcpt.line += " NOTIFY=" + notify.join(',');
        rcpt.origin.options << QStringLiteral("DSN");
    }
    return rcpt;
}

int SmtpTransaction::acceptedCount() const
{
    int n = 0;
    for (const RecipientResult &r : m_recipients)
        n += r.accepted ? 1 : 0;
    return n;
}

void SmtpTransaction::refuse(SendResult::Error error, const QString &step, const QString &message,
                             const SmtpReply &reply)
{
    m_verdict.outcome = SendResult::Outcome::Failure;
    m_verdict.error = error;
    m_verdict.step = step;
    m_verdict.message = message;
    m_verdict.reply = reply;
}

void SmtpTransaction::allRefused(bool contentSent)
{
    QStringList refusals;
    for (const RecipientResult &r : std::as_const(m_recipients))
        refusals << QStringLiteral("<%1>: %2").arg(r.address, r.reply.toString());
    const QString list = refusals.join(QStringLiteral("; "));
    refuse(SendResult::Error::AllRecipientsRefused, stepName(SmtpClient::State::RcptTo),
           contentSent ? tr("every recipient was refused, nothing was delivered: %1; the "
                            "message content had already gone out, pipelined behind the RCPT "
                            "commands (BDAT … LAST), and could not be held back")
                             .arg(list)
                       : tr("every recipient was refused, nothing was sent: %1").arg(list),
           m_recipients.isEmpty() ? SmtpReply() : m_recipients.last().reply);
}

SmtpTransaction::Step SmtpTransaction::onMail(const SmtpReply &reply)
{
    if (!reply.isPositive()) {
        m_mailRefused = true;
        m_aborted = true;
        refuse(SendResult::Error::Refused, stepName(SmtpClient::State::MailFrom),
               tr("MAIL FROM <%1> refused: %2").arg(m_envelope.sender, reply.toString()), reply);
        return step(m_pipelining ? Action::Wait : Action::Abort);
    }
    return m_pipelining ? step(Action::Wait) : step(Action::SendRecipient, takeRecipient());
}

SmtpTransaction::Step SmtpTransaction::onRecipient(int index, const SmtpReply &reply)
{
    RecipientResult &r = m_recipients[index];
    r.reply = reply;
    r.accepted = reply.isPositive() && !m_mailRefused;
    Step next;
    if (!m_pipelining) {
        next =
            recipientsLeft() ? step(Action::SendRecipient, takeRecipient()) : recipientsSettled();
    }
    next.report = !m_mailRefused;
    return next;
}

SmtpTransaction::Step SmtpTransaction::recipientsSettled()
{
    if (acceptedCount() == 0) {
        m_aborted = true;
        allRefused();
        return step(Action::Abort);
    }
    return step(m_chunking ? Action::StartContent : Action::SendData);
}

SmtpTransaction::Step SmtpTransaction::onData(const SmtpReply &reply)
{
    if (reply.code == 354) {
        if (m_aborted || acceptedCount() == 0) {
            // RFC 2920 section 3.1: DATA was accepted although no recipient was; end the
            // empty message at once so the server can reject it.
            m_aborted = true;
            return step(Action::EndEmptyMessage);
        }
        return step(Action::StartContent);
    }
    if (!m_aborted) {
        m_aborted = true;
        if (acceptedCount() == 0)
            allRefused();
        else
            refuse(SendResult::Error::Refused, stepName(SmtpClient::State::Data),
                   tr("DATA refused: %1").arg(reply.toString()), reply);
    }
    return step(Action::Abort);
}

SmtpTransaction::Step SmtpTransaction::onEndOfData(const SmtpReply &reply)
{
    if (m_aborted) {
        if (acceptedCount() == 0 && !m_mailRefused)
            allRefused();
        return step(Action::Abort);
    }
    if (acceptedCount() == 0) {
        // CHUNKING with PIPELINING: BDAT LAST left with the RCPTs, so its reply comes after
        // every recipient was refused. The outcome is what happened to the recipients, not
        // what the last reply says (and never an acceptance, whatever the server answered).
        m_aborted = true;
        allRefused(true);
        return step(Action::Refused);
    }
    if (!reply.isPositive()) {
        refuse(SendResult::Error::Refused, stepName(SmtpClient::State::EndOfData),
               tr("the message was refused after its content: %1").arg(reply.toString()), reply);
        return step(Action::Refused);
    }
    const int accepted = acceptedCount();
    m_verdict.outcome = accepted == m_recipients.size() ? SendResult::Outcome::Success
                                                        : SendResult::Outcome::PartialSuccess;
    m_verdict.error = SendResult::Error::NoError;
    m_verdict.reply = reply;
    m_verdict.step = stepName(SmtpClient::State::EndOfData);
    m_verdict.queueId = extractQueueId(reply);
    m_verdict.message = m_verdict.outcome == SendResult::Outcome::Success
                            ? tr("message accepted: %1").arg(reply.toString())
                            : tr("message accepted for %1 of %2 recipients: %3")
                                  .arg(accepted)
                                  .arg(m_recipients.size())
                                  .arg(reply.toString());
    return step(Action::Accepted);
}
