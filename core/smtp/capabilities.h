// What a server advertised in its EHLO reply (RFC 5321 section 4.1.1.1), parsed once per EHLO.
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>

class SmtpReply;

class Capabilities
{
public:
    static Capabilities fromEhloReply(const SmtpReply &reply);

    bool isEmpty() const { return m_keywords.isEmpty(); }
    // Keyword lookup is case-insensitive; keyword is upper case ("PIPELINING").
    bool has(const QByteArray &keyword) const;
    QByteArray parameters(const QByteArray &keyword) const;

    bool pipelining() const { return has("PIPELINING"); }
    bool eightBitMime() const { return has("8BITMIME"); }
    bool smtpUtf8() const { return has("SMTPUTF8"); }
    bool startTls() const { return has("STARTTLS"); }
    bool chunking() const { return has("CHUNKING"); }
    bool dsn() const { return has("DSN"); }
    bool enhancedStatusCodes() const { return has("ENHANCEDSTATUSCODES"); }
    bool requireTls() const { return has("REQUIRETLS"); }
    bool size() const { return has("SIZE"); }
    // The SIZE limit in bytes; 0 when the server advertised SIZE without a limit or no SIZE.
    qint64 sizeLimit() const;
    // AUTH mechanisms, upper case, in the server's order ("AUTH=" lines of old servers included).
    QList<QByteArray> authMechanisms() const;

    // Every keyword line as (KEYWORD upper case, parameters as sent), in the server's order.
    QList<QPair<QByteArray, QByteArray>> entries() const { return m_keywords; }

private:
    QList<QPair<QByteArray, QByteArray>> m_keywords;
};
