// What the user composed, before it becomes bytes: the model the compose window fills, the
// .eml parser produces, and MimeMessageSource / EmlWriter turn into an RFC 5322 message.
#pragma once

#include "mime/mailbox.h"
#include "smtp/envelope.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

struct Attachment
{
    QString path;          // the file; read only when the message is written, never kept in memory
    QString name;          // the file name shown to the recipient; empty: the file's own name
    QString contentType;   // e.g. "application/pdf"; empty: QMimeDatabase, by content and name
    bool isInline = false; // Content-Disposition inline instead of attachment
    QString contentId;     // Content-ID without <> for cid: links in HTML; empty: none

    // The name that goes into the message: name, or the file name of path.
    QString shownName() const;
};

// An image (or other part) the HTML shows from memory: pasted or dropped into the rich editor,
// sent inside multipart/related and referred to as "cid:<contentId>" (RFC 2387, RFC 2392).
struct InlinePart
{
    QString contentId;   // without <>; the HTML's src="cid:..."
    QString contentType; // e.g. "image/png"
    QString name;        // the file name offered when a reader saves it
    QByteArray data;

    friend bool operator==(const InlinePart &a, const InlinePart &b)
    {
        return a.contentId == b.contentId && a.contentType == b.contentType && a.name == b.name &&
               a.data == b.data;
    }
};

struct ExtraHeader
{
    QString name;  // field name, checked by Message::checkHeaderName()
    QString value; // unstructured text; encoded as RFC 2047 words when it is not plain ASCII
};

class Message
{
    Q_DECLARE_TR_FUNCTIONS(Message)

public:
    enum class Priority
    {
        Normal,
        High, // X-Priority: 1, Importance: high
        Low,  // X-Priority: 5, Importance: low
    };

    Mailbox from;
    Mailbox sender; // empty unless someone sends on behalf of From
    QList<Mailbox> replyTo;
    QList<Mailbox> to;
    QList<Mailbox> cc;
    QList<Mailbox> bcc; // envelope only; a Bcc header appears only in a saved .eml
    QString subject;
    QString text; // plain-text body; any mix of CR, LF and CRLF line breaks
    QString html; // empty: no HTML part (otherwise multipart/alternative with text)
    // Shown by the HTML through cid: links: the HTML part becomes multipart/related with them.
    QList<InlinePart> inlineParts;
    // The text part is sent as format=flowed (RFC 3676): wrapped at spaces for any screen.
    bool flowed = false;
    QList<Attachment> attachments;
    QList<ExtraHeader> extraHeaders;
    Priority priority = Priority::Normal;
    Mailbox dispositionNotificationTo; // empty: no read receipt requested
    QString inReplyTo;                 // a message id, with or without <>
    QStringList references;            // message ids, oldest first, with or without <>
    QString messageId; // without <>; empty: MimeMessageSource generates one on From's domain
    QDateTime date;    // invalid: the time the message is written
    DsnOptions dsn;    // delivery status notifications asked for in the envelope (RFC 3461)

    // The SMTP envelope: MAIL FROM is the Sender address if set, else From; RCPT TO is
    // To + Cc + Bcc, duplicates (compared case-insensitively) removed, first occurrence kept.
    Envelope envelope() const;

    // An address that has no ASCII form: a non-ASCII local part, or a non-ASCII domain that
    // is not a valid IDN. Only such a message needs SMTPUTF8 and raw UTF-8 headers (RFC
    // 6531/6532); every other one is written in ASCII (RFC 2047/2231), so that no relay
    // further on has to bounce it for lack of SMTPUTF8.
    bool needsUtf8Addresses() const;

    // Everything that would stop the message from being written, as one line naming the
    // field: "To: <ana@> has no domain after the @", "Subject: contains a line break",
    // "Attachment report.pdf: file does not exist". Empty when the message can be sent (the
    // server's capabilities may still refuse it: see MimeMessageSource::open()).
    QString validate() const;

    // Why a user-added header name cannot be used (not an RFC 5322 field name, or one
    // Postwire writes itself such as "Date" or "Content-Type"), or an empty string.
    static QString checkHeaderName(const QString &name);

    // A new unique id "<random>@<domain>" (without <>) on the domain of the Sender or From
    // address (as its A-label), or on "postwire.invalid" when there is none.
    QString generateMessageId() const;
};
