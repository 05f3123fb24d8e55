// SCRAM-SHA-256 (RFC 5802, RFC 7677): a salted challenge-response in which the password never
// crosses the wire and the server proves, with its signature, that it knows the password too.
// SASLprep (RFC 4013) is reduced to this: ASCII passes through unchanged, anything else is sent
// as its UTF-8 bytes without NFKC normalisation or mapping, which is what RFC 4013 gives for
// most passwords (NUL is refused). A non-ASCII password that needs mapping may not match.
#pragma once

#include "smtp/sasl.h"

class SaslScramSha256 : public SaslMechanism
{
public:
    explicit SaslScramSha256(const SaslCredentials &credentials);

    QByteArray name() const override { return QByteArrayLiteral("SCRAM-SHA-256"); }
    bool hasInitialResponse() const override { return true; }
    Step start() override;
    Step respond(const QByteArray &challenge) override;
    QString verifySuccess(const QByteArray &serverData) override;

    // Tests use the fixed nonce of RFC 7677's example; normally a random one is made by start().
    void setClientNonce(const QByteArray &nonce) { m_clientNonce = nonce; }
    QByteArray clientNonce() const { return m_clientNonce; }

    // A server asking for more PBKDF2 iterations than this is refused: the derivation runs in
    // the one thread, and a hostile server could otherwise freeze the client.
    static constexpr int MaxIterations = 1'000'000;

private:
    enum class Phase
    {
        Initial,
        SentClientFirst,
        SentClientFinal,
        Verified,
        Failed
    };

    Step clientFinal(const QByteArray &serverFirst);
    QString checkServerFinal(const QByteArray &serverFinal);

    SaslCredentials m_credentials;
    Phase m_phase = Phase::Initial;
    QByteArray m_clientNonce;
    QByteArray m_gs2Header;
    QByteArray m_clientFirstBare;
    QByteArray m_expectedServerSignature;
};
