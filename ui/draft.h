// The message being composed exactly as typed (addresses as text, even when invalid), so a
// draft restores what the person wrote, not what could be parsed. Never holds a password.
#pragma once

#include "mime/message.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

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
    bool html = false;      // body is HTML source
    bool showCcBcc = false; // the Cc/Bcc rows were shown
    QList<Attachment> attachments;

    // What an opened message had that the form has no field for: sent along unchanged, so a
    // reply opened from an .eml and sent again keeps its threading and its headers.
    QString sender; // as Mailbox::toString()
    QString inReplyTo;
    QStringList references;
    Message::Priority priority = Message::Priority::Normal;
    QString dispositionNotificationTo; // as Mailbox::toString()
    QList<ExtraHeader> extraHeaders;

    bool isEmpty() const;
    // True when any of the fields the form does not show is set.
    bool hasHiddenFields() const;
    QJsonObject toJson() const;
    static Draft fromJson(const QJsonObject &object);
    friend bool operator==(const Draft &a, const Draft &b);
};
