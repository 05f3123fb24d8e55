#include "account/draft.h"

#include <QJsonArray>
#include <QUrlQuery>

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

QString shown(const Mailbox &mailbox)
{
    return mailbox.isEmpty() ? QString() : mailbox.toString();
}

Mailbox parsedOne(const QString &text)
{
    const MailboxParseResult r = Mailbox::parse(text);
    return r.isValid() ? r.mailbox : Mailbox();
}

} // namespace

bool CarriedHeaders::isEmpty() const
{
    return sender.isEmpty() && inReplyTo.isEmpty() && references.isEmpty() &&
           priority == Message::Priority::Normal && dispositionNotificationTo.isEmpty() &&
           extraHeaders.isEmpty();
}

CarriedHeaders CarriedHeaders::of(const Message &message)
{
    CarriedHeaders c;
    c.sender = shown(message.sender);
    c.inReplyTo = message.inReplyTo;
    c.references = message.references;
    c.priority = message.priority;
    c.dispositionNotificationTo = shown(message.dispositionNotificationTo);
    c.extraHeaders = message.extraHeaders;
    return c;
}

void CarriedHeaders::applyTo(Message *message) const
{
    message->sender = sender.isEmpty() ? Mailbox() : Mailbox::parse(sender).mailbox;
    message->inReplyTo = inReplyTo;
    message->references = references;
    message->priority = priority;
    message->dispositionNotificationTo = dispositionNotificationTo.isEmpty()
                                             ? Mailbox()
                                             : Mailbox::parse(dispositionNotificationTo).mailbox;
    message->extraHeaders = extraHeaders;
}

QStringList CarriedHeaders::names() const
{
    QStringList names;
    if (!sender.isEmpty())
        names << QStringLiteral("Sender");
    if (!inReplyTo.isEmpty())
        names << QStringLiteral("In-Reply-To");
    if (!references.isEmpty())
        names << QStringLiteral("References");
    if (priority != Message::Priority::Normal)
        names << (priority == Message::Priority::High ? tr("high priority") : tr("low priority"));
    if (!dispositionNotificationTo.isEmpty())
        names << QStringLiteral("Disposition-Notification-To");
    if (!extraHeaders.isEmpty())
        names << (extraHeaders.size() == 1 ? tr("1 more header")
                                           : tr("%1 more headers").arg(extraHeaders.size()));
    return names;
}

QStringList CarriedHeaders::lines() const
{
    QStringList lines;
    if (!sender.isEmpty())
        lines << QStringLiteral("Sender: ") + sender;
    if (!inReplyTo.isEmpty())
        lines << QStringLiteral("In-Reply-To: ") + inReplyTo;
    if (!references.isEmpty())
        lines << QStringLiteral("References: ") + references.join(QLatin1Char(' '));
    if (priority != Message::Priority::Normal)
        lines << (priority == Message::Priority::High ? tr("high priority") : tr("low priority"));
    if (!dispositionNotificationTo.isEmpty())
        lines << QStringLiteral("Disposition-Notification-To: ") + dispositionNotificationTo;
    for (const ExtraHeader &h : extraHeaders)
        lines << h.name + QStringLiteral(": ") + h.value;
    return lines;
}

void CarriedHeaders::writeTo(QJsonObject *o) const
{
    if (!sender.isEmpty())
        o->insert(QStringLiteral("sender"), sender);
    if (!inReplyTo.isEmpty())
        o->insert(QStringLiteral("inReplyTo"), inReplyTo);
    if (!references.isEmpty())
        o->insert(QStringLiteral("references"), QJsonArray::fromStringList(references));
    if (priority != Message::Priority::Normal)
        o->insert(QStringLiteral("priority"), priorityName(priority));
    if (!dispositionNotificationTo.isEmpty())
        o->insert(QStringLiteral("dispositionNotificationTo"), dispositionNotificationTo);
    if (!extraHeaders.isEmpty()) {
        QJsonArray headers;
        for (const ExtraHeader &h : extraHeaders)
            headers.append(
                QJsonObject{{QStringLiteral("name"), h.name}, {QStringLiteral("value"), h.value}});
        o->insert(QStringLiteral("headers"), headers);
    }
}

CarriedHeaders CarriedHeaders::fromJson(const QJsonObject &o)
{
    CarriedHeaders c;
    c.sender = o.value(QStringLiteral("sender")).toString();
    c.inReplyTo = o.value(QStringLiteral("inReplyTo")).toString();
    const QJsonArray references = o.value(QStringLiteral("references")).toArray();
    for (const QJsonValue &v : references) {
        if (!v.toString().isEmpty())
            c.references.append(v.toString());
    }
    c.priority = priorityFromName(o.value(QStringLiteral("priority")).toString());
    c.dispositionNotificationTo = o.value(QStringLiteral("dispositionNotificationTo")).toString();
    const QJsonArray headers = o.value(QStringLiteral("headers")).toArray();
    for (const QJsonValue &v : headers) {
        const QJsonObject h = v.toObject();
        ExtraHeader extra;
        extra.name = h.value(QStringLiteral("name")).toString();
        extra.value = h.value(QStringLiteral("value")).toString();
        if (!extra.name.isEmpty())
            c.extraHeaders.append(extra);
    }
    return c;
}

bool operator==(const CarriedHeaders &a, const CarriedHeaders &b)
{
    if (a.extraHeaders.size() != b.extraHeaders.size())
        return false;
    for (qsizetype i = 0; i < a.extraHeaders.size(); ++i) {
        if (a.extraHeaders[i].name != b.extraHeaders[i].name ||
            a.extraHeaders[i].value != b.extraHeaders[i].value)
            return false;
    }
    return a.sender == b.sender && a.inReplyTo == b.inReplyTo && a.references == b.references &&
           a.priority == b.priority && a.dispositionNotificationTo == b.dispositionNotificationTo;
}

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
    if (!inlineParts.isEmpty()) {
        QJsonArray parts;
        for (const InlinePart &p : inlineParts) {
            QJsonObject part;
            part.insert(QStringLiteral("cid"), p.contentId);
            part.insert(QStringLiteral("type"), p.contentType);
            part.insert(QStringLiteral("name"), p.name);
            part.insert(QStringLiteral("data"), QString::fromLatin1(p.data.toBase64()));
            parts.append(part);
        }
        o.insert(QStringLiteral("inline"), parts);
    }
    if (!spellLanguage.isEmpty())
        o.insert(QStringLiteral("spellLanguage"), spellLanguage);
    o.insert(QStringLiteral("showCcBcc"), showCcBcc);
    o.insert(QStringLiteral("attachments"), files);
    carried.writeTo(&o);
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
    for (const QJsonValue &v : o.value(QStringLiteral("inline")).toArray()) {
        const QJsonObject part = v.toObject();
        d.inlineParts.append(
            {part.value(QStringLiteral("cid")).toString(),
             part.value(QStringLiteral("type")).toString(),
             part.value(QStringLiteral("name")).toString(),
             QByteArray::fromBase64(part.value(QStringLiteral("data")).toString().toLatin1())});
    }
    d.spellLanguage = o.value(QStringLiteral("spellLanguage")).toString();
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
    d.carried = CarriedHeaders::fromJson(o);
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
    return a.accountId == b.accountId && a.account == b.account && a.from == b.from &&
           a.to == b.to && a.cc == b.cc && a.bcc == b.bcc && a.replyTo == b.replyTo &&
           a.subject == b.subject && a.body == b.body && a.html == b.html &&
           a.inlineParts == b.inlineParts && a.spellLanguage == b.spellLanguage &&
           a.showCcBcc == b.showCcBcc && a.carried == b.carried;
}

Draft Draft::fromMessage(const Message &message)
{
    Draft d;
    d.from = shown(message.from);
    d.to = Mailbox::formatList(message.to);
    d.cc = Mailbox::formatList(message.cc);
    d.bcc = Mailbox::formatList(message.bcc);
    d.replyTo = Mailbox::formatList(message.replyTo);
    d.subject = message.subject;
    d.html = !message.html.isEmpty();
    d.body = d.html ? message.html : message.text;
    if (d.html)
        d.inlineParts = message.inlineParts;
    d.showCcBcc = !d.cc.isEmpty() || !d.bcc.isEmpty();
    d.attachments = message.attachments;
    d.carried = CarriedHeaders::of(message);
    return d;
}

bool Draft::applyMailto(const QUrl &url)
{
    if (url.scheme().compare(QLatin1String("mailto"), Qt::CaseInsensitive) != 0)
        return false;
    QStringList toList;
    const QString path = url.path(QUrl::FullyDecoded);
    if (!path.isEmpty())
        toList << path;
    QStringList ccList;
    QStringList bccList;
    for (const auto &item : QUrlQuery(url).queryItems(QUrl::FullyDecoded)) {
        const QString key = item.first.toLower();
        if (key == QLatin1String("to"))
            toList << item.second;
        else if (key == QLatin1String("cc"))
            ccList << item.second;
        else if (key == QLatin1String("bcc"))
            bccList << item.second;
        else if (key == QLatin1String("subject"))
            subject = item.second;
        else if (key == QLatin1String("body"))
            body = item.second;
    }
    to = toList.join(QStringLiteral(", "));
    cc = ccList.join(QStringLiteral(", "));
    bcc = bccList.join(QStringLiteral(", "));
    attachments.clear();
    // A new message: nothing of an .eml opened before (its threading, its headers) goes along.
    carried = CarriedHeaders();
    return true;
}

QList<Mailbox> Draft::addressesIn(const QString &text)
{
    QList<Mailbox> out;
    for (const MailboxParseResult &r : Mailbox::parseList(text)) {
        if (r.isValid())
            out.append(r.mailbox);
    }
    return out;
}

Message Draft::toMessage(const HtmlToText &htmlToText, const ReadAddresses &addresses) const
{
    const auto read = [&addresses](const QString &text) {
        return addresses ? addresses(text) : addressesIn(text);
    };
    Message m;
    m.from = addresses ? addresses(from).value(0) : parsedOne(from);
    m.to = read(to);
    m.cc = read(cc);
    m.bcc = read(bcc);
    m.replyTo = read(replyTo);
    m.subject = subject;
    if (html) {
        m.html = body;
        if (htmlToText)
            m.text = htmlToText(body);
        m.inlineParts = inlineParts;
    } else {
        m.text = body;
        // Typed in a plain box: wrapped by the reader, never by the sender (RFC 3676).
        m.flowed = true;
    }
    m.attachments = attachments;
    carried.applyTo(&m);
    return m;
}
