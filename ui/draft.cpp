#include "draft.h"

#include <QJsonArray>

namespace {

QString priorityName(Message::Priority p)
{
    switch (p) {
    case Message::Priority::High:
        return QStringLiteral("high");
    case Message::Priority::Low:
        return QStringLiteral("low");
    case Message::Priority::Normal:
        break;
    }
    return QString();
}

Message::Priority priorityFromName(const QString &name)
{
    if (name == QLatin1String("high"))
        return Message::Priority::High;
    if (name == QLatin1String("low"))
        return Message::Priority::Low;
    return Message::Priority::Normal;
}

} // namespace

bool Draft::isEmpty() const
{
    return to.trimmed().isEmpty() && cc.trimmed().isEmpty() && bcc.trimmed().isEmpty() &&
           replyTo.trimmed().isEmpty() && subject.trimmed().isEmpty() && body.trimmed().isEmpty() &&
           attachments.isEmpty();
}

bool Draft::hasHiddenFields() const
{
    return !sender.isEmpty() || !inReplyTo.isEmpty() || !references.isEmpty() ||
           priority != Message::Priority::Normal || !dispositionNotificationTo.isEmpty() ||
           !extraHeaders.isEmpty();
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
    o.insert(QStringLiteral("version"), 2);
    o.insert(QStringLiteral("accountId"), accountId);
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
    if (!sender.isEmpty())
        o.insert(QStringLiteral("sender"), sender);
    if (!inReplyTo.isEmpty())
        o.insert(QStringLiteral("inReplyTo"), inReplyTo);
    if (!references.isEmpty())
        o.insert(QStringLiteral("references"), QJsonArray::fromStringList(references));
    if (priority != Message::Priority::Normal)
        o.insert(QStringLiteral("priority"), priorityName(priority));
    if (!dispositionNotificationTo.isEmpty())
        o.insert(QStringLiteral("dispositionNotificationTo"), dispositionNotificationTo);
    if (!extraHeaders.isEmpty()) {
        QJsonArray headers;
        for (const ExtraHeader &h : extraHeaders)
            headers.append(
                QJsonObject{{QStringLiteral("name"), h.name}, {QStringLiteral("value"), h.value}});
        o.insert(QStringLiteral("headers"), headers);
    }
    return o;
}

Draft Draft::fromJson(const QJsonObject &o)
{
    Draft d;
    d.accountId = o.value(QStringLiteral("accountId")).toString();
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
    d.sender = o.value(QStringLiteral("sender")).toString();
    d.inReplyTo = o.value(QStringLiteral("inReplyTo")).toString();
    const QJsonArray references = o.value(QStringLiteral("references")).toArray();
    for (const QJsonValue &v : references) {
        if (!v.toString().isEmpty())
            d.references.append(v.toString());
    }
    d.priority = priorityFromName(o.value(QStringLiteral("priority")).toString());
    d.dispositionNotificationTo = o.value(QStringLiteral("dispositionNotificationTo")).toString();
    const QJsonArray headers = o.value(QStringLiteral("headers")).toArray();
    for (const QJsonValue &v : headers) {
        const QJsonObject h = v.toObject();
        ExtraHeader extra;
        extra.name = h.value(QStringLiteral("name")).toString();
        extra.value = h.value(QStringLiteral("value")).toString();
        if (!extra.name.isEmpty())
            d.extraHeaders.append(extra);
    }
    return d;
}

bool operator==(const Draft &a, const Draft &b)
{
    if (a.attachments.size() != b.attachments.size() ||
        a.extraHeaders.size() != b.extraHeaders.size())
        return false;
    for (qsizetype i = 0; i < a.attachments.size(); ++i) {
        const Attachment &x = a.attachments[i];
        const Attachment &y = b.attachments[i];
        if (x.path != y.path || x.name != y.name || x.contentType != y.contentType)
            return false;
    }
    for (qsizetype i = 0; i < a.extraHeaders.size(); ++i) {
        if (a.extraHeaders[i].name != b.extraHeaders[i].name ||
            a.extraHeaders[i].value != b.extraHeaders[i].value)
            return false;
    }
    return a.accountId == b.accountId && a.account == b.account && a.from == b.from &&
           a.to == b.to && a.cc == b.cc && a.bcc == b.bcc && a.replyTo == b.replyTo &&
           a.subject == b.subject && a.body == b.body && a.html == b.html &&
           a.showCcBcc == b.showCcBcc && a.sender == b.sender && a.inReplyTo == b.inReplyTo &&
           a.references == b.references && a.priority == b.priority &&
           a.dispositionNotificationTo == b.dispositionNotificationTo;
}
