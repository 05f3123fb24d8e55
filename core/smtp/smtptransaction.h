// The rules of one mail transaction (RFC 5321 section 3.3, RFC 2920, RFC 3030): what the
// replies to MAIL, each RCPT, DATA and the end of the data mean, and what the client does
// next. It decides; SmtpClient sends.
#pragma once

#include "smtp/smtpclient.h"

#include <QCoreApplication>

// MAIL FROM or RCPT TO as it goes on the wire, and what produced it.
struct SmtpCommandLine
{
    QByteArray line;      // without CRLF
    CommandOrigin origin; // the field and the parameters added ("SIZE", "DSN", ...)
    QString what;         // for errors: "RCPT TO <ana@example.org>"
};

// What the client does after a reply of the transaction.
struct SmtpTransactionStep
{
    enum class Action
    {
        Wait,            // more replies of the pipelined group are on their way
        SendRecipient,   // RCPT TO for recipient
        SendData,        // DATA
        StartContent,    // the message: after DATA's 354, or BDAT when chunking
        EndEmptyMessage, // a lone "." after a 354 that nothing should follow (RFC 2920 3.1)
        Abort,           // nothing will be delivered: RSET once all replies are in
        Accepted,        // the server took the message: verdict() says for whom
        Refused, // nothing was delivered after the content went: verdict() says why and where
    };
    Action action = Action::Wait;
    int recipient = -1;  // SendRecipient
    bool report = false; // a recipient's result is final: report it (recipientResult())
};

class SmtpTransaction
{
    Q_DECLARE_TR_FUNCTIONS(SmtpTransaction)
public:
    using Step = SmtpTransactionStep;

    using Command = SmtpCommandLine;

    SmtpTransaction(const Envelope &envelope, const Capabilities &caps, bool pipelining,
                    bool chunking);

    // MAIL FROM with the parameters the server takes: SIZE, BODY=8BITMIME, SMTPUTF8, and
    // RET/ENVID (origin option "DSN"). warnings: what the message wanted and the server lacks.
    Command mailCommand(qint64 size, bool eightBit, bool utf8Headers, QStringList *warnings) const;
    // RCPT TO for recipient i, with NOTIFY (origin option "DSN") when the server takes it.
    Command recipientCommand(int i) const;
    // The first address with non-ASCII characters before its @ (for the SMTPUTF8 refusal).
    static QString nonAsciiAddress(const Envelope &envelope);

    // The next recipient to send RCPT TO for (all of them at once when pipelining).
    int takeRecipient() { return m_nextRecipient++; }
    bool recipientsLeft() const { return m_nextRecipient < m_recipients.size(); }

    Step onMail(const SmtpReply &reply);
    Step onRecipient(int index, const SmtpReply &reply);
    Step onData(const SmtpReply &reply);
    Step onEndOfData(const SmtpReply &reply);

    const QList<RecipientResult> &recipients() const { return m_recipients; }
    int acceptedCount() const;
    bool aborted() const { return m_aborted; }
    // Outcome, error, step, message, reply and queue id of what was decided so far.
    const SendResult &verdict() const { return m_verdict; }

private:
    // After the last RCPT reply without pipelining: DATA (or the content), or nothing to send.
    Step recipientsSettled();
    void refuse(SendResult::Error error, const QString &step, const QString &message,
                const SmtpReply &reply);
    // contentSent: the message had gone out pipelined behind the RCPTs (BDAT LAST).
    void allRefused(bool contentSent = false);

    Envelope m_envelope;
    Capabilities m_caps;
    QList<RecipientResult> m_recipients;
    bool m_pipelining = false;
    bool m_chunking = false;
    // Looked at every address: asked once, not once per RCPT (5,000 recipients, 5,000 RCPTs).
    bool m_envelopeUtf8 = false;
    int m_nextRecipient = 0;
    bool m_mailRefused = false;
    bool m_aborted = false; // the transaction will not deliver; RSET ends it
    SendResult m_verdict;
};
