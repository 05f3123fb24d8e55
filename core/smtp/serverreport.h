// What a server check learnt about an SMTP server (greeting, extensions before and after TLS,
// the TLS session and certificate chain, the time of each step) and the findings drawn from it.
// A value type: ServerCheck fills it, the CLI prints it, the window shows it, JSON carries it.
#pragma once

#include "smtp/capabilities.h"
#include "smtp/smtpclient.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

struct ServerCheckStep
{
    QString step;  // machine name: "connect", "greeting", "ehlo", "starttls", "tls", ...
    QString label; // for people: "Connect", "EHLO after TLS"
    qint64 startMs = 0;
    qint64 durationMs = 0;
};

struct ServerCertificateInfo
{
    QString subject;
    QString issuer;
    QStringList subjectAltNames; // "DNS:mail.example.org", "IP:192.0.2.1"
    QDateTime notBefore;
    QDateTime notAfter;
    qint64 daysLeft = 0; // negative once expired
    QString keyType;     // "RSA", "EC", "DSA", "DH"
    int keyBits = 0;
    QString sha256; // "AB:CD:..."
    bool selfSigned = false;

    static ServerCertificateInfo from(const QSslCertificate &certificate, const QDateTime &now);
};

struct ServerFinding
{
    enum class Severity
    {
        Info,
        Warning,
        Problem,
    };
    QString id; // stable, for scripts: "auth-before-tls", "no-pipelining", ...
    Severity severity = Severity::Info;
    QString text;      // for people
    QString reference; // the RFC or best practice behind it: "RFC 8314 section 3"

    static QString severityName(Severity severity);  // "info", "warning", "problem"
    static QString severityLabel(Severity severity); // for people, translated
};

// One EHLO keyword seen before TLS, after it, or both, with what it means.
struct ServerExtensionRow
{
    QByteArray keyword;
    QByteArray parametersBefore;
    QByteArray parametersAfter;
    bool before = false;
    bool after = false;
    QString meaning;
    QString rfc; // "RFC 1870"; empty when the extension has none
};

class ServerReport
{
    Q_DECLARE_TR_FUNCTIONS(ServerReport)
public:
    QString host;
    quint16 port = 0;
    SmtpSettings::Security security = SmtpSettings::Security::StartTlsIfOffered;
    QDateTime checkedAt; // UTC
    QString peerAddress;

    bool connected = false;
    QStringList greetingLines; // as the server sent them (printable form)
    int greetingCode = 0;      // 0: no greeting came
    qint64 greetingMs = -1;    // from connected to the greeting's last line

    bool ehloAnswered = false; // before TLS (or the only EHLO with implicit TLS)
    bool heloFallback = false; // EHLO refused, HELO accepted: no extensions
    Capabilities beforeTls;    // with implicit TLS: empty, everything is after TLS
    bool ehloAfterTlsAnswered = false;
    Capabilities afterTls;

    bool startTlsOffered = false;
    bool tlsActive = false;
    QString tlsProtocol; // "TLS 1.3"
    QString cipher;
    int cipherBits = 0;
    bool tlsProtocolBelow12 = false;
    QList<ServerCertificateInfo> chain; // [0] the server's own
    bool certificateVerified = false;
    QStringList certificateProblems; // every verification error, in plain words

    QList<ServerCheckStep> steps;
    bool completed = false; // every step ran (QUIT's own reply does not matter)
    SendResult::Error error = SendResult::Error::NoError;
    QString stoppedStep;  // machine name of SmtpClient's state where it stopped
    QString stoppedLabel; // "at the greeting"
    QString message;      // why it stopped, for people

    QList<ServerFinding> findings;

    // The extensions in force for a message: after TLS when TLS is up, else before.
    const Capabilities &effective() const { return tlsActive ? afterTls : beforeTls; }
    // Before and after TLS side by side, in the server's order (before first).
    QList<ServerExtensionRow> extensionRows() const;
    QList<QByteArray> addedByTls() const;
    QList<QByteArray> removedByTls() const;

    // Draws the findings from what was learnt; called once the check ends.
    void evaluate();
    bool hasFinding(const QString &id) const;

    QJsonObject toJson() const;
    // The readable report the CLI prints.
    QString toText() const;

    static QString stepLabel(const QString &step);
    static QString extensionRfc(const QByteArray &keyword);
    static QString securityName(SmtpSettings::Security security); // "starttls-optional"

private:
    void add(const QString &id, ServerFinding::Severity severity, const QString &text,
             const QString &reference);
};

Q_DECLARE_METATYPE(ServerReport)
