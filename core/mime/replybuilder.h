// Makes a reply or a forward of a received message: who it goes to (Reply-To, Mail-Reply-To,
// Mail-Followup-To honoured, the person's own addresses left out), its subject, its threading
// headers (RFC 5322 section 3.6.4) and its quoted text. Pure: no widgets, no files written.
#pragma once

#include "mime/message.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

class ReplyBuilder
{
    Q_DECLARE_TR_FUNCTIONS(ReplyBuilder)

public:
    enum class Kind
    {
        Reply,
        ReplyAll,
        Forward,             // the text inline, the attachments kept
        ForwardAsAttachment, // the whole message as a message/rfc822 part
    };

    using HtmlToText = std::function<QString(const QString &html)>;

    // own: the person's addresses (the account's and its other identities), the first being
    // the default; compared case-insensitively. emlPath: the original as a file, attached by
    // ForwardAsAttachment. htmlToText: for a message with only an HTML part, to quote it.
    static Message build(const Message &original, Kind kind, const QList<Mailbox> &own,
                         const QString &emlPath = QString(), const HtmlToText &htmlToText = {});

    // "Re: Subject" without doubling "Re:", "RE:", "Aw:", "Re[2]:"... already there.
    static QString replySubject(const QString &subject);
    // "Fwd: Subject" without doubling "Fwd:", "Fw:", "WG:"... already there.
    static QString forwardSubject(const QString &subject);
    // The References of a reply (RFC 5322 section 3.6.4): the parent's References (or its
    // single In-Reply-To) followed by its Message-ID; long chains keep the first and the last.
    static QStringList replyReferences(const Message &original);
    // "On Tue, 1 Jul 2003 10:52, Ana Example wrote:" (the date in the sender's own offset).
    static QString attribution(const Message &original);
    // Every line (LF-separated) prefixed "> " (">" before a line already quoted, and alone
    // on an empty one).
    static QString quote(const QString &text);
    // Which of own the message was sent to (To, then Cc), so a reply goes out from the
    // identity that received it; an empty Mailbox when none (e.g. a Bcc).
    static Mailbox addressedIdentity(const Message &original, const QList<Mailbox> &own);
    // The file name an attached message gets: its subject made safe, ending ".eml".
    static QString attachmentName(const Message &original);

    // More references than this keep the first and the newest (as RFC 5322 allows trimming).
    static constexpr int MaxReferences = 20;
};
