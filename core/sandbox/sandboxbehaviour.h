// How the sandbox server behaves in the sessions that start after it is set: which
// extensions it advertises and which faults it plays, so people can learn and debug clients.
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>
#include <QString>
#include <QStringList>

struct SandboxBehaviour
{
    Q_DECLARE_TR_FUNCTIONS(SandboxBehaviour)

public:
    // Extension keywords as advertised in the EHLO reply.
    static QStringList allExtensions();
    // Commands after which a session can be made to drop the connection; "DOT" is the
    // final "." of DATA (before its reply: the client cannot know whether mail was taken).
    static QStringList closableCommands();

    QSet<QString> disabledExtensions; // upper-case keywords not advertised, and refused
    bool requireAuth = false;
    bool requireStartTls = false; // before AUTH and MAIL
    QString rejectRecipients;     // regular expression: matching RCPT TO get 550 5.1.1
    QString deferRecipients;      // regular expression: matching RCPT TO get deferCode
    int deferCode = 451;          // 450 (mailbox busy) or 451 (local error)
    bool rejectData = false;      // 554 5.6.0 after the message content
    // The message data also ends at "." between bare line endings (<LF>.<LF>, <CR>.<CR>,
    // <LF>.<CR><LF>, ...), as servers open to SMTP smuggling did (CVE-2023-51764, -51765,
    // -51766). Off: only <CR><LF>.<CR><LF> ends it, and bare line endings stay content.
    bool lenientEndOfData = false;
    int delayMs = 0;                     // before every reply, the greeting included
    QString closeAfter;                  // a closableCommands() entry; empty: never
    bool greeting421 = false;            // answer 421 instead of the greeting, then close
    qint64 sizeLimit = 25 * 1024 * 1024; // SIZE, in bytes; 0: no limit announced or enforced
    int idleTimeoutMs = 300'000;         // RFC 5321 section 4.5.3.2.7
    // Recipients per message; one more gets 452 4.5.3. 100 is RFC 5321's minimum (section
    // 4.5.3.1.8); Postfix takes 1,000; a small number shows how a client handles the 452.
    int maxRecipients = 100;
    static constexpr int MaxRecipientsLimit = 100'000;

    bool advertises(const QString &keyword) const;
    // An empty string when the behaviour can be used, else what is wrong, naming the setting.
    QString validate() const;
    // Case-insensitive, unanchored matches, as the panel explains them.
    bool isRejected(const QString &address) const;
    bool isDeferred(const QString &address) const;

    friend bool operator==(const SandboxBehaviour &, const SandboxBehaviour &) = default;
};
