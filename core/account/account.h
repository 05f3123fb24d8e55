// A sending account as people configure it: identity, server, security, authentication and the
// TLS trust decisions made for it. A value type with no secret in it: passwords and tokens live
// in a CredentialStore, keyed by the account's id.
#pragma once

#include "mime/mailbox.h"
#include "smtp/smtpclient.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

struct Account
{
    // The parts of the form a problem belongs to, so a dialog can put the message beside it.
    enum class Field
    {
        Name,
        Address,
        DisplayName,
        Host,
        Port,
        Security,
        Authentication,
        User,
        HeloName,
        Timeouts,
        CaFile,
        PinnedFingerprints,
        DnsServer,
        Identities,
    };
    // How the account sends: through a submission server (host, port, security, login), or
    // straight to each recipient domain's mail server (MX) on port 25, as a server does.
    enum class Kind
    {
        Submission,
        DirectMx,
    };

    struct Problem
    {
        Field field;
        QString message; // names the field: "Port: 70000 is outside 1-65535"
    };

    QString id;   // stable key for settings and the credential store; never shown
    QString name; // what people call it, unique in a store
    QString displayName;
    QString address;
    Kind kind = Kind::Submission;
    QString host; // Submission only
    // DirectMx: the port of the recipients' servers (25; another only for test setups).
    int port = 587;
    QString dnsServer; // DirectMx: an IP address asked instead of the system's resolver // int, not
                       // quint16, so a bad value can be held and refused with its reason
    SmtpSettings::Security security = SmtpSettings::Security::StartTls;
    bool authenticate = false;
    QByteArray authMechanism; // empty: the strongest both sides offer
    QString user;
    QString heloName; // empty: the local host name
    SmtpTimeouts timeouts;
    bool allowPlaintextAuth = false; // AUTH without TLS to a host that is not loopback
    bool richText = false;           // new messages start with formatting (HTML), else plain text
    QString caFile; // extra CA certificates (PEM) trusted for this account, besides the system's
    QList<QByteArray> pinnedFingerprints; // SHA-256, lower-case hex, trusted despite errors
    // What each pinned certificate was when it was trusted (pinLabel()), so that the list of
    // trusted certificates names them rather than showing bare fingerprints.
    QMap<QByteArray, QString> pinLabels;
    // Other From addresses the server lets this account send as ("Name <addr>", one per
    // entry); a reply goes out from the one the message was addressed to.
    QStringList identities;
    // Put below the text after a "-- " line (RFC 3676 section 4.3); signatureHtml, when set,
    // is its rich form for an HTML body.
    QString signature;
    QString signatureHtml;
    // OAuth 2 (XOAUTH2, OAUTHBEARER): the provider's endpoints and scopes and the client the
    // person registered with it. The client secret and the tokens are secrets: they live in the
    // credential store under oauthSecretKey(), never here.
    QString oauthAuthorizationUrl;
    QString oauthTokenUrl;
    QString oauthScope;
    QString oauthClientId;

    // Whether the account authenticates with an OAuth 2 access token rather than a password.
    bool usesOAuth() const;
    // The credential store's key of the account's OAuth 2 secret: "<id>:oauth".
    static QString oauthSecretKey(const QString &accountId);

    // The account's own address first, then the identities that parse.
    QList<Mailbox> fromIdentities() const;

    // Every reason the account cannot be used, each naming its field; empty when it can.
    QList<Problem> validate() const;
    // The problem of one field, or an empty string.
    QString problem(Field field) const;
    static QString fieldLabel(Field field);

    // The connection settings for SmtpClient. The CA file is read here: when it cannot be
    // used, *error names it (and the settings are still returned without it).
    SmtpSettings toSmtpSettings(const QString &secret = QString(), QString *error = nullptr) const;

    static QString kindLabel(Kind kind);
    // "smtp.example.org:587" (IPv6 in brackets); "the recipients' mail servers (MX)".
    QString serverLabel() const;
    // The security a port is normally used with (25/587: STARTTLS, 465: TLS), if it has one.
    static std::optional<SmtpSettings::Security> suggestedSecurity(int port);
    // The usual port for a security choice (TLS: 465, otherwise 587).
    static int usualPort(SmtpSettings::Security security);
    static QString securityLabel(SmtpSettings::Security security);

    // A SHA-256 fingerprint in the form pins are kept in (lower-case hex, no separators).
    static QByteArray fingerprint(const QSslCertificate &certificate);
    // "mail.example.org, RSA 2048 bits, valid until 2027-05-01": a pinned certificate for people.
    static QString pinLabel(const QSslCertificate &certificate);
    void pin(const QByteArray &sha256Hex, const QString &label = QString());

    static QString checkHost(const QString &host);
    static QString checkHeloName(const QString &helo);
    static QString newId();

    friend bool operator==(const Account &a, const Account &b);

    // Last: the macro leaves "private:" behind, which must not hide the fields above.
    Q_DECLARE_TR_FUNCTIONS(Account)
};
