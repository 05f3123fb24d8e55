// The message being composed exactly as typed (addresses as text, even when invalid), so a
// draft restores what the person wrote, not what could be parsed; and the one place a draft
// and a Message convert into each other (an .eml or inbox message opened, a mailto: link,
// a send or a save). Never holds a password.
#pragma once

#include "mime/message.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <functional>

// What an opened message had that the compose form has no field for: sent along unchanged,
// so a reply opened from an .eml and sent again keeps its threading and its headers.
struct CarriedHeaders
{
    QString sender; // as Mailbox::toString()
    QString inReplyTo;
    QStringList references;
    Message::Priority priority = Message::Priority::Normal;
    QString dispositionNotificationTo; // as Mailbox::toString()
    QList<ExtraHeader> extraHeaders;

    bool isEmpty() const;
    static CarriedHeaders of(const Message &message);
    void applyTo(Message *message) const;

    // For the note that says what else goes out: short names ("In-Reply-To", "high
    // priority", "2 more headers") and one line per header as it is sent.
    QStringList names() const;
    QStringList lines() const;

    void writeTo(QJsonObject *object) const;
    static CarriedHeaders fromJson(const QJsonObject &object);
    friend bool operator==(const CarriedHeaders &a, const CarriedHeaders &b);

    Q_DECLARE_TR_FUNCTIONS(CarriedHeaders)
};

struct Draft
{
    QString accountId; // AccountStore id: names can be renamed and, in a hand-edited file, repeat
    QString account;   // the account's name: for people reading the file, and for drafts older
                       // than the id, which are matched by it
    QString from;
    QString to;
    QString cc;
    QString bcc;
    QString replyTo;
    QString subject;
    QString body;
    bool html = false;             // body is HTML source
    QList<InlinePart> inlineParts; // images the HTML shows through cid: links
    QString spellLanguage;         // the spelling dictionary chosen for this message, or empty
    bool showCcBcc = false;        // the Cc/Bcc rows were shown
    QList<Attachment> attachments;
    CarriedHeaders carried;

    bool isEmpty() const;
    // True when the message carries headers the form does not show.
    bool hasHiddenFields() const { return !carried.isEmpty(); }
    QJsonObject toJson() const;
    static Draft fromJson(const QJsonObject &object);
    friend bool operator==(const Draft &a, const Draft &b);

    // An opened message (.eml, an inbox message) as a draft: its fields as text, the HTML part
    // as the body when there is one, and everything the form cannot show carried along.
    static Draft fromMessage(const Message &message);
    // A mailto: URL (RFC 6068) applied to this draft: recipients (the path and to=, cc=,
    // bcc=) replace the ones typed, subject= and body= replace theirs when given; the
    // account and From stay. A new message: attachments and carried headers go. Other
    // header fields of the URL are ignored: a link must not set what a person cannot see.
    // False (and the draft untouched) when the URL is not a mailto: URL.
    bool applyMailto(const QUrl &url);

    // The message to send or save. Address entries that do not parse are left out (the form
    // names them before it gets here); html: the plain-text alternative is made from the
    // HTML by htmlToText, or left empty without one.
    using HtmlToText = std::function<QString(const QString &html)>;
    // How an address field's text becomes its valid mailboxes; empty: parsed here. The window
    // passes its fields' own parse, made already (5,000 addresses take milliseconds).
    using ReadAddresses = std::function<QList<Mailbox>(const QString &text)>;
    // The valid mailboxes of an address field's text: the parse toMessage() makes by itself.
    static QList<Mailbox> addressesIn(const QString &text);
    Message toMessage(const HtmlToText &htmlToText = {}, const ReadAddresses &addresses = {}) const;
};
