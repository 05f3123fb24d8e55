// An SMTP reply (RFC 5321 section 4.2) as a value, and the incremental parser that turns
// whatever bytes arrived into complete replies: several per read, or one split over many.
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QMetaType>
#include <QString>

// RFC 3463 class.subject.detail; invalid (all zero) when the server sent none.
struct EnhancedStatus
{
    int klass = 0;
    int subject = 0;
    int detail = 0;

    bool isValid() const { return klass != 0; }
    QString toString() const;
    // Parses "5.1.1" at the start of text; returns the length consumed (0 when there is none).
    static qsizetype parse(const QByteArray &text, EnhancedStatus *out);
    friend bool operator==(const EnhancedStatus &, const EnhancedStatus &) = default;
};

class SmtpReply
{
public:
    int code = 0;
    EnhancedStatus enhanced;
    QList<QByteArray> lines; // the text of each line, after the code and separator

    bool isValid() const { return code != 0; }
    bool isPositive() const { return code >= 200 && code < 400; }
    bool isIntermediate() const { return code >= 300 && code < 400; }
    bool isTransientFailure() const { return code >= 400 && code < 500; }
    bool isPermanentFailure() const { return code >= 500; }
    // The whole reply as text for people: "550 5.1.1 No such user" (lines joined by " / ").
    // Like message() and displayLine(), control characters are escaped (printableText()).
    QString toString() const;
    // The wire form of line i: "250-PIPELINING". Server bytes as sent: never show it raw.
    QByteArray rawLine(qsizetype i) const;
    // The wire form of line i for people: "554 \rOK" instead of a CR that overwrites the line.
    QString displayLine(qsizetype i) const;
    // The text of all lines without the enhanced status code prefix, for people.
    QString message() const;
};

Q_DECLARE_METATYPE(SmtpReply)

class SmtpReplyParser
{
    Q_DECLARE_TR_FUNCTIONS(SmtpReplyParser)
public:
    enum class Error
    {
        None,
        LineTooLong,
        ReplyTooLong,
        Malformed,
        UnknownCode,
        InconsistentCode
    };

    // The bounds on what a server can make the client hold. Nothing else grows: the partial
    // line is held up to MaxLineLength, the reply being read up to MaxReplyLines lines and
    // MaxReplyBytes bytes of text, and complete replies are only those of the bytes of one
    // feed(). Real replies are far below them (an EHLO has a few dozen lines, a long 554 a
    // few kilobytes); an endless "250-" continuation (a 200,000-line EHLO) fails as a protocol
    // error after 1,000 lines, having held less than 300 KB.
    // Longest reply line accepted. RFC 5321 says 512; real servers exceed that, junk exceeds 4 KB.
    static constexpr qsizetype MaxLineLength = 4096;
    // Most lines in one reply, counting the last.
    static constexpr qsizetype MaxReplyLines = 1000;
    // Most bytes of text (the lines after their code and separator) in one reply.
    static constexpr qsizetype MaxReplyBytes = 256 * 1024;

    // Consumes bytes; returns false once the stream is broken (see error()).
    bool feed(const QByteArray &bytes);
    bool hasReply() const { return !m_complete.isEmpty(); }
    SmtpReply takeReply() { return m_complete.takeFirst(); }
    // Lines received so far of a reply that is not complete yet.
    bool hasPartialReply() const { return !m_current.lines.isEmpty() || !m_buffer.isEmpty(); }

    Error error() const { return m_error; }
    QString errorString() const { return m_errorString; }
    void reset();

private:
    bool parseLine(const QByteArray &line);
    bool setError(Error error, const QString &text);

    QByteArray m_buffer;
    SmtpReply m_current;
    qsizetype m_currentBytes = 0;
    QList<SmtpReply> m_complete;
    Error m_error = Error::None;
    QString m_errorString;
};
