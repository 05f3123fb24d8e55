// SASL mechanisms for SMTP AUTH (RFC 4954): PLAIN, LOGIN, CRAM-MD5, XOAUTH2,
// OAUTHBEARER, SCRAM-SHA-256.
// Each mechanism also says how its client lines appear in the transcript, so the secret is
// replaced before any transcript entry exists.
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

#include <memory>

struct SaslCredentials
{
    QString user;
    QString secret;          // a password, or an OAuth 2 access token (XOAUTH2, OAUTHBEARER)
    QString authorizationId; // usually empty
};

// How a client drives a mechanism:
//   - hasInitialResponse(): send "AUTH <name> <base64 of start().response>" ("=" when empty);
//     then pass every decoded 334 challenge to respond().
//   - otherwise: send "AUTH <name>" and pass every decoded 334 challenge, the first one
//     included, to respond(). A respond() before any start() answers the first challenge
//     with the mechanism's first message, so this also works for a client that chose not to
//     send an initial response. (LOGIN's start() also gives its first message, the user name;
//     CRAM-MD5 cannot start without the server's challenge and says so.)
//   - a 235 ends the exchange: call verifySuccess() with the additional data, if any.
// A Step with ok == false means: cancel the exchange ("*" line, RFC 4954 section 4) and report
// error, which names the field or the step.
class SaslMechanism
{
    Q_DECLARE_TR_FUNCTIONS(SaslMechanism)

public:
    struct Step
    {
        bool ok = true;        // false: the exchange cannot go on (error says why)
        QByteArray response;   // raw bytes; the client base64-encodes them for the wire
        QString shown;         // what the transcript shows instead of the base64 response
        bool redacted = false; // shown hides a secret
        QString error;
        // With ok == true: something worth a transcript note, e.g. the decoded JSON error
        // an XOAUTH2 server sends before it fails the exchange.
        QString note;
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
    // The server connected to, for mechanisms that name it (OAUTHBEARER's host and port).
    virtual void setServer(const QString &host, int port)
    {
        Q_UNUSED(host);
        Q_UNUSED(port);
    }
    // The final 235 may carry server data (SCRAM's server signature): check it.
    // serverData is the decoded additional data of the 235 (empty when there is none).
    // Returns an empty string when all is well, otherwise why the server is not trusted.
    virtual QString verifySuccess(const QByteArray &serverData)
    {
        Q_UNUSED(serverData);
        return QString();
    }

    // Mechanisms Postwire implements, strongest first.
    static QList<QByteArray> supported();
    // The strongest mechanism in both lists; empty when there is none. The bearer token
    // mechanisms are considered only with a token, and then come first.
    static QByteArray choose(const QList<QByteArray> &offeredByServer, bool haveOAuthToken);
    // nullptr for a mechanism Postwire does not implement. The name is case-insensitive.
    static std::unique_ptr<SaslMechanism> create(const QByteArray &name,
                                                 const SaslCredentials &credentials);

    // What the transcript shows for a hidden secret.
    static QString mask() { return QStringLiteral("********"); }

protected:
    static Step failure(const QString &error);
    // An empty string when value may be sent: not empty (when required) and without NUL.
    // Otherwise an error naming field.
    static QString checkField(const QString &value, const QString &field, bool required);
};
