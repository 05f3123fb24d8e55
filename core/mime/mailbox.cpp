#include "mime/mailbox.h"

#include "smtp/envelope.h"
#include "smtp/printable.h"

namespace {

// Where an entry's parts are, found by one scan that respects quotes, <> and comments.
struct Scan
{
    qsizetype angleOpen = -1;
    qsizetype angleClose = -1;
    bool unterminatedQuote = false;
    bool unterminatedComment = false;
};

bool needsQuoting(const QString &name)
{
    if (name.startsWith(QLatin1Char(' ')) || name.endsWith(QLatin1Char(' ')))
        return true;
    for (const QChar c : name) {
        if (QStringView(u"()<>[]:;@\\,.\"").contains(c))
            return true;
    }
    return false;
}

// The first C0 control (but TAB, which is white space), DEL or C1 control in a display name,
// escaped for the error message; empty when there is none. Such a name would reach a
// terminal, a view or a header raw, and would not read back the same.
QString controlIn(QStringView name)
{
    for (const QChar c : name) {
        const char16_t u = c.unicode();
        if ((u < 0x20 && u != u'\t') || (u >= 0x7f && u < 0xa0))
            return printableText(QStringView(&c, 1));
    }
    return QString();
}

// Removes the quotes and backslash escapes of a quoted-string, and comments outside quotes;
// *comment receives the text of the first comment (an old-style "addr (Name)").
QString unquote(QStringView text, QString *comment = nullptr)
{
    QString out;
    bool inQuote = false;
    int depth = 0;
    QString firstComment;
    bool haveComment = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('\\') && (inQuote || depth > 0) && i + 1 < text.size()) {
            (depth > 0 ? firstComment : out) += text.at(++i);
            continue;
        }
        if (depth > 0) {
            if (c == QLatin1Char('('))
                ++depth;
            else if (c == QLatin1Char(')') && --depth == 0) {
                haveComment = true;
                continue;
            }
            if (!haveComment)
                firstComment += c;
            continue;
        }
        if (c == QLatin1Char('"')) {
            inQuote = !inQuote;
            continue;
        }
        if (c == QLatin1Char('(') && !inQuote) {
            ++depth;
            continue;
        }
        out += c;
    }
    if (comment)
        *comment = firstComment.trimmed();
    return out;
}

struct Nesting
{
    bool unterminatedQuote = false;
    bool unterminatedComment = false;
};

// Calls visit(index, character) for every character outside quoted strings and comments
// (RFC 5322 sections 3.2.4 and 3.2.2), where a backslash escapes the next character; the one
// rule both the list splitter and the entry parser follow.
template <typename Visit> Nesting forEachStructural(QStringView text, Visit visit)
{
    bool inQuote = false;
    int depth = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('\\') && (inQuote || depth > 0)) {
            ++i;
            continue;
        }
        if (inQuote) {
            inQuote = c != QLatin1Char('"');
            continue;
        }
        if (depth > 0) {
            depth += c == QLatin1Char('(') ? 1 : c == QLatin1Char(')') ? -1 : 0;
            continue;
        }
        if (c == QLatin1Char('"'))
            inQuote = true;
        else if (c == QLatin1Char('('))
            depth = 1;
        else
            visit(i, c);
    }
    return {inQuote, depth > 0};
}

MailboxParseResult parseEntry(const QString &text, qsizetype start, qsizetype length)
{
    MailboxParseResult result;
    result.start = start;
    result.length = length;
    const QStringView entry = QStringView(text).mid(start, length);

    Scan scan;
    const Nesting nesting = forEachStructural(entry, [&scan](qsizetype i, QChar c) {
        if (c == QLatin1Char('<') && scan.angleOpen < 0)
            scan.angleOpen = i;
        else if (c == QLatin1Char('>') && scan.angleOpen >= 0 && scan.angleClose < 0)
            scan.angleClose = i;
    });
    scan.unterminatedQuote = nesting.unterminatedQuote;
    scan.unterminatedComment = nesting.unterminatedComment;

    // Quoted back escaped: the entry may hold anything a file or a paste brought.
    const QString shown = printableText(entry);
    if (scan.unterminatedQuote) {
        result.mailbox.name = unquote(entry).trimmed();
        result.error = Mailbox::tr("\"%1\": a quoted name is missing its closing \"").arg(shown);
        return result;
    }
    if (scan.unterminatedComment) {
        result.error = Mailbox::tr("\"%1\": a ( is missing its closing )").arg(shown);
        return result;
    }
    QString rawName;
    if (scan.angleOpen >= 0) {
        rawName = unquote(entry.left(scan.angleOpen));
        result.mailbox.name = rawName.simplified();
        if (scan.angleClose < 0) {
            result.mailbox.address = entry.mid(scan.angleOpen + 1).trimmed().toString();
            result.error = Mailbox::tr("\"%1\": the address is missing its closing >").arg(shown);
            return result;
        }
        result.mailbox.address = entry.mid(scan.angleOpen + 1, scan.angleClose - scan.angleOpen - 1)
                                     .trimmed()
                                     .toString();
        const QString after = unquote(entry.mid(scan.angleClose + 1)).trimmed();
        if (!after.isEmpty()) {
            result.error = Mailbox::tr("\"%1\": unexpected \"%2\" after the >")
                               .arg(shown, printableText(after));
            return result;
        }
    } else {
        result.mailbox.address = unquote(entry, &rawName).trimmed();
        result.mailbox.name = rawName.simplified();
        if (result.mailbox.address.contains(QLatin1Char(' ')) &&
            result.mailbox.address.contains(QLatin1Char('@'))) {
            result.error = Mailbox::tr("\"%1\": write a name with its address as "
                                       "Name <address>")
                               .arg(shown);
            return result;
        }
    }
    const QString control = controlIn(rawName);
    if (!control.isEmpty()) {
        result.error =
            Mailbox::tr("\"%1\": the name contains a control character (%2)").arg(shown, control);
        return result;
    }
    const QString why = Envelope::checkAddress(result.mailbox.address);
    if (!why.isEmpty())
        result.error = Mailbox::tr("\"%1\" %2").arg(printableText(result.mailbox.address), why);
    return result;
}

} // namespace

QString Mailbox::check() const
{
    return Envelope::checkAddress(address);
}

QString Mailbox::toString() const
{
    // Outside <> a quoted local part ("a,b"@x.org) would lose its quotes, and a comma,
    // semicolon or parenthesis that a domain let through would split or hide part of it.
    if (name.isEmpty()) {
        for (const QChar c : address) {
            if (QStringView(u"\",;()\\").contains(c))
                return QLatin1Char('<') + address + QLatin1Char('>');
        }
        return address;
    }
    QString shownName = name;
    if (needsQuoting(name)) {
        shownName.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
        shownName.replace(QLatin1Char('"'), QLatin1String("\\\""));
        shownName = QLatin1Char('"') + shownName + QLatin1Char('"');
    }
    return shownName + QLatin1String(" <") + address + QLatin1Char('>');
}

QString Mailbox::formatList(const QList<Mailbox> &mailboxes)
{
    QStringList parts;
    for (const Mailbox &m : mailboxes)
        parts.append(m.toString());
    return parts.join(QLatin1String(", "));
}

QList<MailboxParseResult> Mailbox::parseList(const QString &text)
{
    QList<MailboxParseResult> results;
    bool inAngle = false;
    qsizetype entryStart = 0;
    auto finishEntry = [&](qsizetype end) {
        qsizetype s = entryStart;
        qsizetype e = end;
        while (s < e && text.at(s).isSpace())
            ++s;
        while (e > s && text.at(e - 1).isSpace())
            --e;
        if (e > s)
            results.append(parseEntry(text, s, e - s));
    };
    forEachStructural(text, [&](qsizetype i, QChar c) {
        if (c == QLatin1Char('<')) {
            inAngle = true;
        } else if (c == QLatin1Char('>')) {
            inAngle = false;
        } else if (!inAngle && (c == QLatin1Char(',') || c == QLatin1Char(';'))) {
            finishEntry(i);
            entryStart = i + 1;
        }
    });
    finishEntry(text.size());
    return results;
}

MailboxParseResult Mailbox::parse(const QString &text)
{
    const QList<MailboxParseResult> all = parseList(text);
    if (all.size() == 1)
        return all.first();
    MailboxParseResult result;
    result.length = text.size();
    if (all.isEmpty()) {
        result.error = tr("no address given");
    } else {
        result.mailbox = all.first().mailbox;
        result.error = tr("give one address only (found %1)").arg(all.size());
    }
    return result;
}
