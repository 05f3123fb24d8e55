// The message being composed exactly as typed (addresses as text, even when invalid), so a
// draft restores what the person wrote, not what could be parsed. Never holds a password.
#pragma once

#include "message.h"

#include <QJsonObject>
#include <QString>

struct Draft
{
    QString account;
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

    bool isEmpty() const;
    QJsonObject toJson() const;
    static Draft fromJson(const QJsonObject &object);
    friend bool operator==(const Draft &a, const Draft &b);
};
