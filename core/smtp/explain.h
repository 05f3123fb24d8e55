// Plain-words explanations of the SMTP dialogue for people learning or debugging it: reply
// codes (RFC 5321 classes), enhanced status codes (RFC 3463) with advice, client commands and
// EHLO extensions. Shared by the transcript pane and `postwire send`.
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

struct EnhancedStatus;
class TranscriptEntry;
struct CommandOrigin;
struct TranscriptCommand;

class SmtpExplain
{
    Q_DECLARE_TR_FUNCTIONS(SmtpExplain)
public:
    // "permanent failure" etc. for the first digit of a reply code; empty for a bad code.
    static QString replyClass(int code);
    // What a reply code means, in the context of the command it answers when that is known
    // (the command's verb, e.g. "RCPT", "EHLO", "." for the end of message data).
    static QString replyCode(int code, const QString &command = QString());
    // The three parts of an enhanced status code and what to do about it:
    // "permanent failure, addressing: bad destination mailbox; fix the address, do not retry".
    static QString enhancedStatus(const EnhancedStatus &status);
    static QString enhancedClass(int klass);
    static QString enhancedSubject(int subject);
    static QString enhancedDetail(int subject, int detail);
    static QString advice(const EnhancedStatus &status);
    // A whole reply: "550 5.1.1 — permanent failure, addressing: ...". The enhanced part is
    // used when valid; otherwise the reply code alone is explained.
    static QString reply(int code, const EnhancedStatus &status,
                         const QString &command = QString());
    // One server line as it appears on the wire ("550-5.1.1 No such user"); empty if the line
    // does not start with a reply code.
    static QString serverLine(const QString &line, const QString &command = QString());
    // What a client line does ("MAIL FROM:<a@b> SIZE=120"); empty for lines that are not
    // commands (message data, authentication responses).
    static QString command(const QString &line);
    // The verb of a client line, upper case: "MAIL", "RCPT", "EHLO", "." (end of data).
    static QString commandVerb(const QString &line);
    // One transcript line in its context, read from the links the client put in the entry
    // (never re-derived): a command with what it does and where it came from, a reply with
    // the command it answers and what it means for that command. Empty for lines with
    // nothing to explain (notes, a reply line that is not the last of its reply).
    static QString entry(const TranscriptEntry &entry);
    // The quiet tag beside a reply in a pipelined group, saying which command it answers
    // without a click: "← RCPT TO:<zoe@example.org> (To)". Empty for no command.
    static QString answerTag(const TranscriptCommand &command);
    // The form field or setting an origin names, in one or two words ("To", "Bcc", "the
    // account"); empty when it names none.
    static QString originField(const CommandOrigin &origin);
    // What people get wrong about an address field on the wire, for a note beside the field or
    // a line it produced: header "From", "To", "Cc", "Bcc" or "Reply-To"; empty for others.
    static QString fieldNote(const QString &header);
    // A server's 334 line in an authentication exchange, its challenge decoded for people
    // ("decoded: \"Username:\", the server asks for the user name"); mechanism is the one the
    // AUTH command named, when known. Empty when the line carries nothing to decode. The
    // client's answers are never decoded: they hold the secrets.
    static QString challenge(const QString &line, const QString &mechanism = QString());
    // One EHLO keyword with its parameters, in one line.
    static QString extension(const QByteArray &keyword, const QByteArray &parameters);
    // Bytes for people: "512 B", "48.0 KB", "12.4 MB" (units of 1024, as file managers show).
    static QString formatSize(qint64 bytes);
};
