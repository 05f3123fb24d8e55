// The AUTH exchange (RFC 4954) as decisions: whether the password may cross this link, which
// mechanism, each line to send and what the server's answers mean. SmtpClient sends, asks the
// person and notes; the secret never leaves this class but in the wire line.
#pragma once

#include "smtp/smtpclient.h"

#include <QCoreApplication>

// What the client does next in the exchange.
struct SmtpAuthStep
{
    enum class Action
    {
        Send,           // wire (AUTH, or a response when continuation)
        AskCredentials, // a secret is missing or was refused: ask the person (message: why)
        Done,           // authenticated
        Fail,           // message says why
    };
    Action action = Action::Fail;
    QByteArray wire; // Send: the line without CRLF
    QString shown;   // Send: the line as the transcript shows it
    bool redacted = false;
    bool continuation = false; // Send: a response in the exchange, not the AUTH command
    QStringList warnings;      // for the transcript first (as errors)
    QString note;              // for the transcript first (as information)
    QString message;
};

class SmtpAuthentication
{
    Q_DECLARE_TR_FUNCTIONS(SmtpAuthentication)
public:
    using Step = SmtpAuthStep;

    // canAsk: someone can be asked for a missing or refused secret (credentialsNeeded()).
    SmtpAuthentication(const SmtpSettings &settings, bool canAsk);

    // Before anything is sent: the link, the mechanism, the secret.
    Step start(const Capabilities &caps, bool encrypted, bool loopback, bool heloFallback);
    // The AUTH command with these credentials (from start(), or after a person answered).
    Step begin(const SaslCredentials &credentials);
    // A reply to AUTH or to a response.
    Step onReply(const SmtpReply &reply);

    QByteArray mechanism() const { return m_mechanism; }

private:
    Step fail(const QString &message) const;

    SmtpSettings m_settings;
    bool m_canAsk;
    QByteArray m_mechanism;
    std::unique_ptr<SaslMechanism> m_sasl;
    QString m_cancelReason; // why the client cancelled the exchange with "*"
    bool m_retried = false; // a refused secret is asked for again once
};
