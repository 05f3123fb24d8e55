// One line of the SMTP dialogue as people see it. AUTH secrets are already replaced by the
// time an entry exists, so nothing above the core can leak them.
#pragma once

#include <QMetaType>
#include <QObject>
#include <QString>

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
        Error
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

    // "C:", "S:", "TLS:", "--" or "!!", the prefix used in text transcripts.
    static QString prefix(Direction direction);
    // "    12 ms C: EHLO host": the plain-text form used by `postwire send` and saved
    // transcripts; the last line of a reply ends with the server's latency "(+3 ms)".
    QString toPlainText() const;
};

Q_DECLARE_METATYPE(TranscriptEntry)
