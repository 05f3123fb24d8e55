// One line of the SMTP dialogue as people see it. AUTH secrets are already replaced by the
// time an entry exists, so nothing above the core can leak them.
#pragma once

#include <QCoreApplication>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QStringList>

// What produced a client command: a field of the message, an address in it, a setting of the
// account, or the person (a line typed or edited in step mode or the console). Views show it
// and highlight the field; nothing above the core works it out again.
struct CommandOrigin
{
    Q_GADGET
    Q_DECLARE_TR_FUNCTIONS(CommandOrigin)
public:
    enum class Source
    {
        None,           // a note, or a reply with no command (the greeting)
        Protocol,       // the client's own step: the greeting's wait, RSET, QUIT
        EhloName,       // the account's EHLO name (or the local host's)
        Security,       // the account's security setting (STARTTLS)
        Authentication, // the account's user and authentication (AUTH and its exchange)
        From,           // MAIL FROM: the From field
        Sender,         // MAIL FROM: the Sender field (it wins over From)
        EnvelopeSender, // MAIL FROM: set for the envelope alone (--from with --eml, an account)
        To,             // RCPT TO: an address of the To field
        Cc,             // RCPT TO: an address of the Cc field
        Bcc,            // RCPT TO: an address of the Bcc field (never a header)
        Recipient,      // RCPT TO: an envelope recipient with no header field (--to with --eml)
        Message,        // DATA, BDAT and the content: the message itself
        User,           // a line the person typed or edited
    };
    Q_ENUM(Source)

    Source source = Source::None;
    QString address;     // From, Sender, To, Cc, Bcc, Recipient: the address
    int recipient = -1;  // RCPT: the recipient's index in the envelope
    QStringList options; // settings that added parameters: "DSN", "SIZE", "SMTPUTF8", ...

    // For people: "the To field (ana@example.org)", "the account's EHLO name".
    QString describe() const;
    bool operator==(const CommandOrigin &) const = default;
};

// A command of the dialogue. A client line that is a command carries it; every reply carries
// the command it answers, matched strictly in order (RFC 2920), so a pipelined group's
// replies are each explained against their own command.
struct TranscriptCommand
{
    Q_GADGET
    Q_DECLARE_TR_FUNCTIONS(TranscriptCommand)
public:
    enum class Kind
    {
        None, // not a command (a note, message content) or a reply to none
        Greeting,
        Ehlo,
        Helo,
        StartTls,
        Auth,
        AuthContinue, // a response in the AUTH exchange (or "*" to cancel it)
        Mail,
        Rcpt,
        Data,
        Bdat,
        EndOfData, // the lone "." after the content
        Rset,
        Noop,
        Vrfy,
        Expn,
        Help,
        Quit,
        Other, // any other line (typed or edited by a person)
    };
    Q_ENUM(Kind)

    Kind kind = Kind::None;
    QString line;           // exactly as sent, secrets replaced ("." for the end of data)
    int id = -1;            // the command's number in this session: a reply's id is its command's
    int group = -1;         // pipelined group number in this session, -1 when sent alone
    int groupIndex = 0;     // place in the group, from 0
    int groupSize = 1;      // commands in the group
    bool lastChunk = false; // BDAT: the LAST chunk, so its reply ends the message
    CommandOrigin origin;

    bool isValid() const { return kind != Kind::None; }
    bool pipelined() const { return group >= 0 && groupSize > 1; }
    // The verb explanations are looked up with: "EHLO", "RCPT", "." for the end of data
    // (also a BDAT LAST chunk, whose reply is the end of data's), "" for the greeting.
    QString verb() const;
    // For people: "RCPT TO:<ana@example.org>", "the greeting", "the end of the message data".
    QString describe() const;
};

class TranscriptEntry
{
    Q_GADGET
public:
    enum class Direction
    {
        Client,
        Server,
        Tls,
        Info,
        Error,
        // A DNS question and its answers (direct delivery looks up the recipient's MX): a step
        // of the attempt like a command and its reply, timed the same way, but not SMTP.
        Dns
    };
    Q_ENUM(Direction)

    qint64 elapsedMs = 0; // monotonic time since the connection attempt started
    Direction direction = Direction::Info;
    QString text;          // the line as sent or received (without CRLF), or the note
    bool redacted = false; // a secret in this line was replaced by asterisks
    qint64 latencyMs = -1; // server lines: how long the server took to answer the command
    int replyCode = 0;     // server lines: the reply code (the same on every line of a reply)
    bool lastLineOfReply = false; // server lines: this line ends its reply
    QString details; // optional longer content, e.g. the message headers of a DATA summary
    // Client lines: the command this line is (kind None for message content). Server lines:
    // the command the reply answers (kind Greeting for the greeting, None for a reply to no
    // command). Notes: usually None.
    TranscriptCommand command;
    bool content = false; // a line of the message data (the header preview)

    // "C:", "S:", "TLS:", "--", "!!" or "DNS:", the prefix used in text transcripts.
    static QString prefix(Direction direction);
    // "    12 ms C: EHLO host": the plain-text form used by `postwire send` and saved
    // transcripts; the last line of a reply ends with the server's latency "(+3 ms)".
    QString toPlainText() const;
};

Q_DECLARE_METATYPE(TranscriptEntry)
Q_DECLARE_METATYPE(TranscriptCommand)
