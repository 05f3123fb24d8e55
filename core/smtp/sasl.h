// SASL mechanisms for SMTP AUTH (RFC 4954): PLAIN, LOGIN, CRAM-MD5, XOAUTH2, SCRAM-SHA-256.
// Each mechanism also says how its client lines appear in the transcript, so the secret is
// replaced before any transcript entry exists.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>

struct SaslCredentials
{
    QString user;
    QString secret;          // a password, or an OAuth 2 access token for XOAUTH2
    QString authorizationId; // usually empty
};

class SaslMechanism
{
public:
    struct Step
    {
        bool ok = true;        // false: the exchange cannot go on (error says why)
        QByteArray response;   // raw bytes; the client base64-encodes them for the wire
        QString shown;         // what the transcript shows instead of the base64 response
        bool redacted = false; // shown hides a secret
        QString error;
    };

    virtual ~SaslMechanism() = default;

    virtual QByteArray name() const = 0;
    // Whether the mechanism can send its first message with the AUTH command (RFC 4954 section 4).
    virtual bool hasInitialResponse() const = 0;
    // The first client message (sent with AUTH when the mechanism has an initial response,
    // otherwise after the first, usually empty, 334 challenge).
    virtual Step start() = 0;
    // Answer one decoded 334 challenge.
    virtual Step respond(const QByteArray &challenge) = 0;
    // The final 235 may carry server data (SCRAM's server signature): check it.
    // Returns an empty string when all is well, otherwise why the server is not trusted.
    virtual QString verifySuccess(const QByteArray &serverData)
    {
        Q_UNUSED(serverData);
        return QString();
    }

    // Mechanisms Postwire implements, strongest first.
    static QList<QByteArray> supported();
    // The strongest mechanism in both lists; empty when there is none.
    static QByteArray choose(const QList<QByteArray> &offeredByServer, bool haveOAuthToken);
    // nullptr for a mechanism Postwire does not implement.
    static std::unique_ptr<SaslMechanism> create(const QByteArray &name,
                                                 const SaslCredentials &credentials);
};
