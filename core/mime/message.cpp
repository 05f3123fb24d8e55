#include "mime/message.h"

#include "mime/mimeheader.h"

#include <QFileInfo>
#include <QRandomGenerator>
#include <QSet>
#include <QUrl>

namespace {

bool hasLineBreak(const QString &s)
{
    return s.contains(QLatin1Char('\r')) || s.contains(QLatin1Char('\n'));
}

QString checkText(const QString &text)
{
    if (hasLineBreak(text))
        return Message::tr("contains a line break");
    for (const QChar c : text) {
        if ((c.unicode() < 0x20 && c != QLatin1Char('\t')) || c.unicode() == 0x7f)
            return Message::tr("contains a control character (U+%1)")
                .arg(c.unicode(), 4, 16, QLatin1Char('0'));
    }
    return QString();
}

QString checkMailbox(const QString &field, const Mailbox &m)
{
    if (hasLineBreak(m.name))
        return Message::tr("%1: the name \"%2\" contains a line break")
            .arg(field, m.name.simplified());
    const QString why = m.check();
    if (!why.isEmpty())
        return Message::tr("%1: <%2> %3").arg(field, m.address, why);
    return QString();
}

QString checkMessageId(const QString &field, const QString &id)
{
    QString bare = id.trimmed();
    if (bare.startsWith(QLatin1Char('<')) && bare.endsWith(QLatin1Char('>')))
        bare = bare.mid(1, bare.size() - 2);
    const qsizetype at = bare.lastIndexOf(QLatin1Char('@'));
    bool ok = at > 0 && at < bare.size() - 1 && bare.size() <= 900;
    for (const QChar c : bare)
        ok = ok && c.unicode() > 0x20 && c.unicode() < 0x7f && c != QLatin1Char('<') &&
             c != QLatin1Char('>');
    if (ok)
        return QString();
    return Message::tr("%1: \"%2\" is not a message id (expected <something@domain>)")
        .arg(field, id.simplified());
}

} // namespace

QString Attachment::shownName() const
{
    return name.isEmpty() ? QFileInfo(path).fileName() : name;
}

bool Message::needsUtf8Addresses() const
{
    QList<Mailbox> all = {from, sender, dispositionNotificationTo};
    all += replyTo + to + cc + bcc;
    for (const Mailbox &m : std::as_const(all)) {
        const qsizetype at = m.address.lastIndexOf(QLatin1Char('@'));
        const QString local = m.address.left(at);
        const QString domain = at < 0 ? QString() : m.address.mid(at + 1);
        if (!MimeHeader::isAscii(local))
            return true;
        if (!MimeHeader::isAscii(domain) && QUrl::toAce(domain).isEmpty())
            return true;
    }
    return false;
}

Envelope Message::envelope() const
{
    Envelope envelope;
    envelope.sender = sender.isEmpty() ? from.address : sender.address;
    envelope.dsn = dsn;
    envelope.senderField =
        sender.isEmpty() ? CommandOrigin::Source::From : CommandOrigin::Source::Sender;
    QSet<QString> seen;
    using Source = CommandOrigin::Source;
    const std::pair<const QList<Mailbox> *, Source> fields[] = {
        {&to, Source::To}, {&cc, Source::Cc}, {&bcc, Source::Bcc}};
    for (const auto &[list, field] : fields) {
        for (const Mailbox &m : *list) {
            const QString key = m.address.toCaseFolded();
            if (m.address.isEmpty() || seen.contains(key))
                continue;
            seen.insert(key);
            envelope.recipients.append(m.address);
            envelope.recipientFields.append(field);
        }
    }
    return envelope;
}

QString Message::checkHeaderName(const QString &name)
{
    if (name.isEmpty())
        return tr("the header name is empty");
    if (name.size() > 70)
        return tr("the header name is longer than 70 characters");
    for (const QChar c : name) {
        // RFC 5322 section 3.6.8: printable ASCII except ':'.
        if (c.unicode() < 33 || c.unicode() > 126 || c == QLatin1Char(':'))
            return tr("the header name \"%1\" may only hold printable ASCII "
                      "without spaces or ':'")
                .arg(name.simplified());
    }
    static const QStringList ours = {
        QStringLiteral("date"),
        QStringLiteral("from"),
        QStringLiteral("sender"),
        QStringLiteral("reply-to"),
        QStringLiteral("to"),
        QStringLiteral("cc"),
        QStringLiteral("bcc"),
        QStringLiteral("subject"),
        QStringLiteral("message-id"),
        QStringLiteral("in-reply-to"),
        QStringLiteral("references"),
        QStringLiteral("mime-version"),
        QStringLiteral("x-priority"),
        QStringLiteral("importance"),
        QStringLiteral("user-agent"),
        QStringLiteral("disposition-notification-to"),
        QStringLiteral("return-path"),
        QStringLiteral("received"),
        QStringLiteral("x-postwire-bcc"),
    };
    const QString lower = name.toLower();
    if (ours.contains(lower) || lower.startsWith(QLatin1String("content-")) ||
        lower.startsWith(QLatin1String("resent-")))
        return tr("%1 is written by Postwire itself (use its own field)").arg(name);
    return QString();
}

QString Message::generateMessageId() const
{
    const QString address = sender.isEmpty() ? from.address : sender.address;
    const qsizetype at = address.lastIndexOf(QLatin1Char('@'));
    QByteArray domain = at >= 0 ? QUrl::toAce(address.mid(at + 1)) : QByteArray();
    if (domain.isEmpty())
        domain = "postwire.invalid";
    // 120 random bits and the time: unique without keeping any state.
    quint32 random[4];
    QRandomGenerator::system()->fillRange(random);
    const QByteArray left =
        QByteArray::number(QDateTime::currentMSecsSinceEpoch(), 36) + '.' +
        QByteArray(reinterpret_cast<const char *>(random), 15)
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    return QString::fromLatin1(left + '@' + domain);
}

QString Message::validate() const
{
    if (from.isEmpty())
        return tr("From: no address given");
    QString error = checkMailbox(tr("From"), from);
    if (error.isEmpty() && !sender.isEmpty())
        error = checkMailbox(tr("Sender"), sender);
    const QList<QPair<QString, const QList<Mailbox> *>> lists = {
        {tr("Reply-To"), &replyTo},
        {tr("To"), &to},
        {tr("Cc"), &cc},
        {tr("Bcc"), &bcc},
    };
    for (const auto &[field, list] : lists) {
        for (const Mailbox &m : *list) {
            if (error.isEmpty())
                error = checkMailbox(field, m);
        }
    }
    if (!error.isEmpty())
        return error;
    if (to.isEmpty() && cc.isEmpty() && bcc.isEmpty())
        return tr("To: no recipients: give at least one To, Cc or Bcc address");
    if (!dispositionNotificationTo.isEmpty()) {
        error =
            checkMailbox(QStringLiteral("Disposition-Notification-To"), dispositionNotificationTo);
        if (!error.isEmpty())
            return error;
    }
    error = checkText(subject);
    if (!error.isEmpty())
        return tr("Subject: ") + error;
    for (const ExtraHeader &h : extraHeaders) {
        error = checkHeaderName(h.name);
        if (!error.isEmpty())
            return tr("Header %1: %2").arg(h.name.simplified(), error);
        error = checkText(h.value);
        if (!error.isEmpty())
            return tr("%1: %2").arg(h.name, error);
    }
    if (!messageId.isEmpty()) {
        error = checkMessageId(QStringLiteral("Message-ID"), messageId);
        if (!error.isEmpty())
            return error;
    }
    if (!inReplyTo.trimmed().isEmpty()) {
        error = checkMessageId(QStringLiteral("In-Reply-To"), inReplyTo);
        if (!error.isEmpty())
            return error;
    }
    for (const QString &r : references) {
        error = checkMessageId(QStringLiteral("References"), r);
        if (!error.isEmpty())
            return error;
    }
    for (const Attachment &a : attachments) {
        const QString who = tr("Attachment %1").arg(a.shownName().simplified());
        if (a.shownName().isEmpty())
            return tr("Attachment: no file given");
        const QString nameError = checkText(a.shownName());
        if (!nameError.isEmpty())
            return tr("%1: the name %2").arg(who, nameError);
        const QFileInfo info(a.path);
        if (!info.exists())
            return tr("%1: file does not exist (%2)").arg(who, a.path);
        if (!info.isFile())
            return tr("%1: %2 is not a file").arg(who, a.path);
        if (!info.isReadable())
            return tr("%1: %2 cannot be read (permission denied)").arg(who, a.path);
        const QString type = a.contentType.trimmed();
        if (!type.isEmpty()) {
            const qsizetype slash = type.indexOf(QLatin1Char('/'));
            bool ok = slash > 0 && slash < type.size() - 1 &&
                      type.indexOf(QLatin1Char('/'), slash + 1) < 0;
            for (const QChar c : type)
                ok = ok && c.unicode() > 0x20 && c.unicode() < 0x7f &&
                     !QStringView(u"()<>@,;:\\\"[]?=").contains(c);
            if (!ok)
                return tr("%1: \"%2\" is not a content type (e.g. application/pdf)").arg(who, type);
        }
        if (!a.contentId.isEmpty()) {
            error = checkMessageId(who + QStringLiteral(" Content-ID"), a.contentId);
            if (!error.isEmpty())
                return error;
        }
    }
    return QString();
}
