// The SMTP envelope: who the server is told the mail is from and to (RFC 5321 section 2.3.1),
// which is not the same as the From/To/Cc headers (Bcc recipients are only here).
#pragma once

#include "smtp/transcriptentry.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

// Delivery status notifications (RFC 3461), sent only to a server that offers DSN.
struct DsnOptions
{
    enum Notify
    {
        Success = 1,
        Failure = 2,
        Delay = 4,
        Never = 8 // alone: no notification at all
    };
    enum class Return
    {
        Unspecified, // the server's choice
        Full,        // RET=FULL
        Headers      // RET=HDRS
    };
    int notify = 0; // 0: not requested (the server's default)
    Return ret = Return::Unspecified;
    QByteArray envelopeId; // ENVID=, sent as xtext
    bool isRequested() const
    {
        return notify != 0 || ret != Return::Unspecified || !envelopeId.isEmpty();
    }
    // RFC 3461 section 4: "+" and "=", controls, spaces and 8-bit bytes as "+XX".
    static QByteArray xtext(const QByteArray &value);
};

class Envelope
{
    Q_DECLARE_TR_FUNCTIONS(Envelope)

public:
    QString sender;         // reverse-path; may be empty for a null sender "<>"
    QStringList recipients; // forward-paths, To + Cc + Bcc
    DsnOptions dsn;
    // Where the addresses came from, for the transcript's command origins: From or Sender
    // for the sender, To, Cc or Bcc for each recipient (parallel to recipients). Missing
    // entries mean envelope-only addresses (EnvelopeSender, Recipient).
    CommandOrigin::Source senderField = CommandOrigin::Source::EnvelopeSender;
    QList<CommandOrigin::Source> recipientFields;

    // The origin of MAIL FROM and of the RCPT TO of recipient i.
    CommandOrigin senderOrigin() const;
    CommandOrigin recipientOrigin(int i) const;

    // Checks an address for use in MAIL FROM/RCPT TO: returns an empty string when it is
    // usable, otherwise why not ("contains a line break", "has no @", ...).
    static QString checkAddress(const QString &address);
    // Checks every address; returns an error naming the field ("To: ...") or an empty string.
    QString validate() const;

    bool needsSmtpUtf8() const; // an address has non-ASCII characters
    // The address as it goes on the wire: the domain as its IDNA A-label unless utf8 is allowed.
    static QByteArray wireAddress(const QString &address, bool utf8Allowed);
};
