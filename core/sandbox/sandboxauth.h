// The server's side of one AUTH exchange (RFC 4954) with PLAIN, LOGIN or CRAM-MD5 against
// the sandbox's one account: takes the client's lines and says what to answer.
#pragma once

#include "sandbox/sandboxcredentials.h"
#include "sandbox/sandboxreply.h"

#include <QByteArray>
#include <QHostAddress>
#include <QString>

#include <optional>

class SandboxAuth
{
public:
    enum class Outcome
    {
        Continue,      // the reply is a 334 challenge: the next line belongs to the exchange
        Authenticated, // 235
        Refused        // the exchange is over without success
    };
    struct Step
    {
        Outcome outcome = Outcome::Refused;
        SandboxReply reply;
    };

    // Whether AUTH must wait for TLS on a connection: when the behaviour asks for it, and
    // always when the connection reached the server on an address other than loopback, since
    // a password sent there in the clear crosses a network (the client applies the same rule).
    static bool needsTls(bool tlsActive, bool requireStartTls, const QHostAddress &localAddress);

    // hostName goes into the CRAM-MD5 challenge.
    SandboxAuth(const SandboxCredentials &credentials, const QString &hostName);

    // "AUTH mechanism [initial-response]", the mechanism as the client wrote it; the
    // initial response still base64 ("=" for an empty one).
    Step start(const QByteArray &mechanism, const std::optional<QByteArray> &initialResponse);
    // A continuation line without its line ending: base64, or "*" to cancel.
    Step respond(const QByteArray &line);
    // Forgets an exchange in progress (its line was refused as too long).
    void cancel() { m_mechanism = Mechanism::None; }

    bool inProgress() const { return m_mechanism != Mechanism::None; }
    // After Outcome::Authenticated: the user and the mechanism's name ("PLAIN").
    QString user() const { return m_user; }
    QString mechanismName() const { return m_mechanismName; }
    // The CRAM-MD5 challenge, unencoded, once the exchange sent one.
    QByteArray challenge() const { return m_challenge; }

private:
    enum class Mechanism
    {
        None,
        Plain,
        Login,
        CramMd5
    };
    Step check(const QByteArray &decoded);
    Step finish(bool ok);
    Step challengeStep(const QByteArray &text);

    SandboxCredentials m_credentials;
    QString m_hostName;
    Mechanism m_mechanism = Mechanism::None;
    QString m_mechanismName;
    bool m_haveLogin = false; // LOGIN: the user name arrived, the password is next
    QByteArray m_login;
    QByteArray m_challenge;
    QString m_user;
};
