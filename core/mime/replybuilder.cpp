#include "mime/replybuilder.h"

#include "mime/mimebuilder.h"

#include <QLocale>
#include <QRegularExpression>
#include <QSet>

namespace {

// Prefixes mail programs put before a subject, by language: English, German (Aw, WG), Nordic
// (Sv, Vs, VB), Dutch (Antw, Doorst), Polish (Odp, PD), French (Réf, TR), Spanish and Italian
// (RV, Rif, I), Turkish (Ynt, Ilt); each may carry a count: "Re[2]:", "Re(3):".
const QString CountSuffix = QStringLiteral(R"((?:\s*[\[(]\d+[\])])?\s*[:：]\s*)");
const QString ReplyWords =
    QStringLiteral("re|aw|sv|vs|antw|odp|r[ée]f|rif|ynt|回复|答复|Отв|Ответ");
const QString ForwardWords = QStringLiteral("fwd?|wg|vb|doorst|pd|tr|rv|enc|i|ilt|转发|Пересл");

QString stripLeading(const QString &subject, const QString &words)
{
    static QHash<QString, QRegularExpression> cache;
    auto it = cache.find(words);
    if (it == cache.end())
        it = cache.insert(
            words, QRegularExpression(QStringLiteral("^\\s*(?:%1)%2").arg(words, CountSuffix),
                                      QRegularExpression::CaseInsensitiveOption |
                                          QRegularExpression::UseUnicodePropertiesOption));
    QString s = subject.trimmed();
    for (;;) {
        const QRegularExpressionMatch m = it->match(s);
        if (!m.hasMatch() || m.capturedLength() == 0)
            return s;
        s = s.mid(m.capturedLength());
    }
}

QString lower(const QString &address)
{
    return address.trimmed().toCaseFolded();
}

QList<Mailbox> headerMailboxes(const Message &m, QLatin1String name)
{
    for (const ExtraHeader &h : m.extraHeaders) {
        if (h.name.compare(name, Qt::CaseInsensitive) != 0)
            continue;
        QList<Mailbox> out;
        for (const MailboxParseResult &r : Mailbox::parseList(h.value)) {
            if (r.isValid())
                out.append(r.mailbox);
        }
        return out;
    }
    return {};
}

// Appends each mailbox not yet listed in seen and not one of the person's own.
void addUnique(QList<Mailbox> *to, const QList<Mailbox> &from, QSet<QString> *seen)
{
    for (const Mailbox &m : from) {
        const QString key = lower(m.address);
        if (key.isEmpty() || seen->contains(key))
            continue;
        seen->insert(key);
        to->append(m);
    }
}

QSet<QString> ownSet(const QList<Mailbox> &own)
{
    QSet<QString> out;
    for (const Mailbox &m : own)
        out.insert(lower(m.address));
    return out;
}

// The text to quote or forward, with LF line breaks as the form's editor has them.
QString bodyText(const Message &original, const ReplyBuilder::HtmlToText &htmlToText)
{
    QString text = original.text.isEmpty() && !original.html.isEmpty() && htmlToText
                       ? htmlToText(original.html)
                       : original.text;
    text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    text.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    return text;
}

QString who(const Mailbox &m)
{
    return m.name.trimmed().isEmpty() ? m.address : m.name.trimmed();
}

QString forwardedBlock(const Message &original, const QString &text)
{
    QStringList lines;
    lines << ReplyBuilder::tr("---------- Forwarded message ----------");
    // Header names stay as the message had them: they are what a reader looks for.
    lines << QStringLiteral("From: ") + original.from.toString();
    if (original.date.isValid())
        lines << QStringLiteral("Date: ") +
                     QString::fromLatin1(MimeBuilder::formatDate(original.date));
    lines << QStringLiteral("Subject: ") + original.subject;
    if (!original.to.isEmpty())
        lines << QStringLiteral("To: ") + Mailbox::formatList(original.to);
    if (!original.cc.isEmpty())
        lines << QStringLiteral("Cc: ") + Mailbox::formatList(original.cc);
    return lines.join(QLatin1Char('\n')) + QStringLiteral("\n\n") + text;
}

} // namespace

QString ReplyBuilder::replySubject(const QString &subject)
{
    return QStringLiteral("Re: ") + stripLeading(subject, ReplyWords);
}

QString ReplyBuilder::forwardSubject(const QString &subject)
{
    return QStringLiteral("Fwd: ") + stripLeading(subject, ForwardWords);
}

QStringList ReplyBuilder::replyReferences(const Message &original)
{
    QStringList refs = original.references;
    if (refs.isEmpty() && !original.inReplyTo.isEmpty() &&
        !original.inReplyTo.contains(QLatin1Char(' ')))
        refs.append(original.inReplyTo);
    if (original.messageId.isEmpty())
        return refs;
    refs.removeAll(original.messageId);
    refs.append(original.messageId);
    if (refs.size() > MaxReferences)
        refs = refs.mid(0, 1) + refs.mid(refs.size() - (MaxReferences - 1));
    return refs;
}

QString ReplyBuilder::attribution(const Message &original)
{
    const QString name = who(original.from);
    if (!original.date.isValid())
        return tr("%1 wrote:").arg(name);
    // The sender's clock, as the Date header gave it: the reader sees the time they saw.
    const QDateTime local = original.date.toOffsetFromUtc(original.date.offsetFromUtc());
    const QString date = QLocale::c().toString(local, QStringLiteral("ddd, d MMM yyyy HH:mm"));
    return tr("On %1, %2 wrote:").arg(date, name);
}

QString ReplyBuilder::quote(const QString &text)
{
    QString normal = text;
    while (normal.endsWith(QLatin1Char('\n')))
        normal.chop(1);
    QStringList lines = normal.split(QLatin1Char('\n'));
    for (QString &line : lines) {
        if (line.isEmpty() || line.startsWith(QLatin1Char('>')))
            line.prepend(QLatin1Char('>'));
        else
            line.prepend(QStringLiteral("> "));
    }
    return lines.join(QLatin1Char('\n'));
}

Mailbox ReplyBuilder::addressedIdentity(const Message &original, const QList<Mailbox> &own)
{
    for (const QList<Mailbox> *list : {&original.to, &original.cc}) {
        for (const Mailbox &m : *list) {
            for (const Mailbox &mine : own) {
                if (lower(mine.address) == lower(m.address))
                    return mine;
            }
        }
    }
    return {};
}

QString ReplyBuilder::attachmentName(const Message &original)
{
    QString name = original.subject.simplified();
    static const QRegularExpression unsafe(QStringLiteral(R"([\\/:*?"<>|\x00-\x1f])"));
    name.replace(unsafe, QStringLiteral("_"));
    name = name.left(80).trimmed();
    if (name.isEmpty())
        name = tr("message");
    return name + QStringLiteral(".eml");
}

Message ReplyBuilder::build(const Message &original, Kind kind, const QList<Mailbox> &own,
                            const QString &emlPath, const HtmlToText &htmlToText)
{
    Message m;
    m.from = addressedIdentity(original, own);
    const QString text = bodyText(original, htmlToText);
    if (kind == Kind::Forward || kind == Kind::ForwardAsAttachment) {
        m.subject = forwardSubject(original.subject);
        if (kind == Kind::Forward) {
            m.text = QStringLiteral("\n\n") + forwardedBlock(original, text);
            m.attachments = original.attachments;
        } else {
            Attachment a;
            a.path = emlPath;
            a.name = attachmentName(original);
            a.contentType = QStringLiteral("message/rfc822");
            m.attachments.append(a);
        }
        return m;
    }

    m.subject = replySubject(original.subject);
    m.inReplyTo = original.messageId;
    m.references = replyReferences(original);
    m.text = attribution(original) + QLatin1Char('\n') + quote(text) + QStringLiteral("\n\n");

    const QSet<QString> mine = ownSet(own);
    // Where the author wants replies: Mail-Reply-To, then Reply-To, then From.
    QList<Mailbox> author = headerMailboxes(original, QLatin1String("Mail-Reply-To"));
    if (author.isEmpty())
        author = original.replyTo;
    if (author.isEmpty() && !original.from.isEmpty())
        author = {original.from};
    // A reply to one's own message goes on to the people it went to, as mail programs do.
    const bool fromMe = !original.from.isEmpty() && mine.contains(lower(original.from.address));

    QSet<QString> seen = mine;
    if (kind == Kind::Reply) {
        addUnique(&m.to, fromMe ? original.to : author, &seen);
        if (m.to.isEmpty()) // written to oneself only
            m.to = fromMe ? original.to : author;
        return m;
    }
    // Reply all: the list's Mail-Followup-To (the author's wish for the thread) replaces the
    // recipients; otherwise the author in To, everyone else in Cc.
    const QList<Mailbox> followup = headerMailboxes(original, QLatin1String("Mail-Followup-To"));
    if (!followup.isEmpty()) {
        addUnique(&m.to, followup, &seen);
        return m;
    }
    if (fromMe) {
        addUnique(&m.to, original.to, &seen);
    } else {
        addUnique(&m.to, author, &seen);
        addUnique(&m.cc, original.to, &seen);
    }
    addUnique(&m.cc, original.cc, &seen);
    if (m.to.isEmpty() && !m.cc.isEmpty())
        m.to.append(m.cc.takeFirst());
    if (m.to.isEmpty()) // everyone was oneself
        m.to = author;
    return m;
}
