#include "draft.h"

#include <QJsonArray>

bool Draft::isEmpty() const
{
    return to.trimmed().isEmpty() && cc.trimmed().isEmpty() && bcc.trimmed().isEmpty() &&
           replyTo.trimmed().isEmpty() && subject.trimmed().isEmpty() && body.trimmed().isEmpty() &&
           attachments.isEmpty();
}

QJsonObject Draft::toJson() const
{
    QJsonArray files;
    for (const Attachment &a : attachments) {
        QJsonObject o;
        o.insert(QStringLiteral("path"), a.path);
        if (!a.name.isEmpty())
            o.insert(QStringLiteral("name"), a.name);
        if (!a.contentType.isEmpty())
            o.insert(QStringLiteral("type"), a.contentType);
        files.append(o);
    }
    QJsonObject o;
    o.insert(QStringLiteral("version"), 1);
    o.insert(QStringLiteral("account"), account);
    o.insert(QStringLiteral("from"), from);
    o.insert(QStringLiteral("to"), to);
    o.insert(QStringLiteral("cc"), cc);
    o.insert(QStringLiteral("bcc"), bcc);
    o.insert(QStringLiteral("replyTo"), replyTo);
    o.insert(QStringLiteral("subject"), subject);
    o.insert(QStringLiteral("body"), body);
    o.insert(QStringLiteral("html"), html);
    o.insert(QStringLiteral("showCcBcc"), showCcBcc);
    o.insert(QStringLiteral("attachments"), files);
    return o;
}

Draft Draft::fromJson(const QJsonObject &o)
{
    Draft d;
    d.account = o.value(QStringLiteral("account")).toString();
    d.from = o.value(QStringLiteral("from")).toString();
    d.to = o.value(QStringLiteral("to")).toString();
    d.cc = o.value(QStringLiteral("cc")).toString();
    d.bcc = o.value(QStringLiteral("bcc")).toString();
    d.replyTo = o.value(QStringLiteral("replyTo")).toString();
    d.subject = o.value(QStringLiteral("subject")).toString();
    d.body = o.value(QStringLiteral("body")).toString();
    d.html = o.value(QStringLiteral("html")).toBool();
    d.showCcBcc = o.value(QStringLiteral("showCcBcc")).toBool();
    const QJsonArray files = o.value(QStringLiteral("attachments")).toArray();
    for (const QJsonValue &v : files) {
        const QJsonObject f = v.toObject();
        Attachment a;
        a.path = f.value(QStringLiteral("path")).toString();
        a.name = f.value(QStringLiteral("name")).toString();
        a.contentType = f.value(QStringLiteral("type")).toString();
        if (!a.path.isEmpty())
            d.attachments.append(a);
    }
    return d;
}

bool operator==(const Draft &a, const Draft &b)
{
    if (a.attachments.size() != b.attachments.size())
        return false;
    for (qsizetype i = 0; i < a.attachments.size(); ++i) {
        const Attachment &x = a.attachments[i];
        const Attachment &y = b.attachments[i];
        if (x.path != y.path || x.name != y.name || x.contentType != y.contentType)
            return false;
    }
    return a.account == b.account && a.from == b.from && a.to == b.to && a.cc == b.cc &&
           a.bcc == b.bcc && a.replyTo == b.replyTo && a.subject == b.subject && a.body == b.body &&
           a.html == b.html && a.showCcBcc == b.showCcBcc;
}
