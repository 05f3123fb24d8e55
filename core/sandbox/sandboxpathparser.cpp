#include "sandbox/sandboxpathparser.h"

#include "sandbox/sandboxbehaviour.h"

#include <QSet>

#include <iterator>

namespace {

using Command = SandboxPathParser::Command;

SandboxReply syntaxError(const QByteArray &text)
{
    return {501, "5.5.4", text};
}

// xtext (RFC 3461 section 4): printable ASCII except "=", with "+XX" hex escapes.
bool isXtext(const QByteArray &value)
{
    if (value.isEmpty())
        return false;
    for (qsizetype i = 0; i < value.size(); ++i) {
        const char c = value.at(i);
        if (c < 33 || c > 126 || c == '=')
            return false;
        if (c == '+') {
            // Two upper-case hex digits, checked one by one: toInt() would skip white space
            // and let "+2<TAB>" through (found by fuzz_sandbox).
            const QByteArray hex = value.mid(i + 1, 2);
            const auto isHex = [](char h) {
                return (h >= '0' && h <= '9') || (h >= 'A' && h <= 'F');
            };
            if (hex.size() != 2 || !isHex(hex.at(0)) || !isHex(hex.at(1)))
                return false;
            i += 2;
        }
    }
    return true;
}

bool hasNonAscii(const QString &s)
{
    for (const QChar c : s) {
        if (c.unicode() >= 0x80)
            return true;
    }
    return false;
}

SandboxReply checkSize(const QByteArray &value, const SandboxBehaviour &b)
{
    bool ok = false;
    const qint64 size = value.toLongLong(&ok);
    if (!ok || size < 0)
        return syntaxError("Syntax: SIZE=number");
    if (b.sizeLimit > 0 && size > b.sizeLimit)
        return {552, "5.3.4",
                "Message size exceeds fixed limit of " + QByteArray::number(b.sizeLimit) +
                    " bytes"};
    return {};
}

SandboxReply checkBody(const QByteArray &value, const SandboxBehaviour &b)
{
    const QByteArray body = value.toUpper();
    if (body == "7BIT" || (body == "8BITMIME" && b.advertises(QStringLiteral("8BITMIME"))))
        return {};
    return {555, "5.5.4", "Unsupported BODY type: " + value};
}

SandboxReply checkRet(const QByteArray &value, const SandboxBehaviour &)
{
    const QByteArray ret = value.toUpper();
    return ret == "FULL" || ret == "HDRS" ? SandboxReply()
                                          : syntaxError("Syntax error in parameter RET");
}

SandboxReply checkEnvid(const QByteArray &value, const SandboxBehaviour &)
{
    return isXtext(value) && value.size() <= 100 ? SandboxReply()
                                                 : syntaxError("Syntax error in parameter ENVID");
}

SandboxReply checkNotify(const QByteArray &value, const SandboxBehaviour &)
{
    const QList<QByteArray> items = value.toUpper().split(',');
    bool ok = !value.isEmpty();
    for (const QByteArray &item : items) {
        if (item != "SUCCESS" && item != "FAILURE" && item != "DELAY" &&
            !(item == "NEVER" && items.size() == 1))
            ok = false;
    }
    return ok ? SandboxReply()
              : syntaxError("Syntax: NOTIFY=NEVER or a list of SUCCESS,FAILURE,DELAY");
}

SandboxReply checkOrcpt(const QByteArray &value, const SandboxBehaviour &)
{
    const qsizetype semi = value.indexOf(';');
    return semi > 0 && isXtext(value.mid(semi + 1)) ? SandboxReply()
                                                    : syntaxError("Syntax: ORCPT=addr-type;xtext");
}

SandboxReply accept(const QByteArray &, const SandboxBehaviour &)
{
    return {};
}

// The parameters the sandbox knows. One that is not here, belongs to the other command,
// or whose extension is not advertised is refused as unsupported.
struct ParameterRule
{
    const char *key;
    Command command;
    const char *extension; // nullptr: needs no advertised extension
    bool flag;             // takes no value
    SandboxReply (*check)(const QByteArray &value, const SandboxBehaviour &behaviour);
};

constexpr ParameterRule Rules[] = {
    {"SIZE", Command::Mail, "SIZE", false, checkSize},
    {"BODY", Command::Mail, nullptr, false, checkBody},
    {"SMTPUTF8", Command::Mail, "SMTPUTF8", true, accept},
    {"RET", Command::Mail, "DSN", false, checkRet},
    {"ENVID", Command::Mail, "DSN", false, checkEnvid},
    // RFC 4954 section 5: accepted, and not trusted without authentication.
    {"AUTH", Command::Mail, "AUTH", false, accept},
    {"NOTIFY", Command::Rcpt, "DSN", false, checkNotify},
    {"ORCPT", Command::Rcpt, "DSN", false, checkOrcpt},
};

const ParameterRule *findRule(Command command, const QByteArray &key, bool hasValue,
                              const SandboxBehaviour &b)
{
    for (const ParameterRule &rule : Rules) {
        if (rule.command == command && key == rule.key && !(rule.flag && hasValue) &&
            (!rule.extension || b.advertises(QLatin1String(rule.extension))))
            return &rule;
    }
    return nullptr;
}

// "<local@domain> PARAM=value ..." after "FROM:" or "TO:" (RFC 5321 section 4.1.2); the
// address, and the parameters still unchecked.
SandboxReply parsePath(QByteArray args, Command command, QString *address,
                       QList<QByteArray> *parameters)
{
    const bool isSender = command == Command::Mail;
    const QByteArray bad = isSender ? "Bad sender address syntax" : "Bad recipient address syntax";
    const SandboxReply badSyntax{501, isSender ? "5.1.7" : "5.1.3", bad, true};
    const auto fail = [&badSyntax](const QByteArray &why) {
        SandboxReply r = badSyntax;
        r.text += why;
        return r;
    };
    args = args.trimmed(); // a space after the colon is common enough to accept
    if (!args.startsWith('<'))
        return fail(isSender ? ": use MAIL FROM:<address>" : ": use RCPT TO:<address>");
    qsizetype end = -1;
    bool quoted = false;
    for (qsizetype i = 1; i < args.size(); ++i) {
        const char c = args.at(i);
        if (quoted && c == '\\') {
            ++i;
        } else if (c == '"') {
            quoted = !quoted;
        } else if (!quoted && c == '>') {
            end = i;
            break;
        }
    }
    if (end < 0)
        return fail(": missing '>'");
    QByteArray path = args.mid(1, end - 1);
    const QByteArray rest = args.mid(end + 1);
    if (!rest.isEmpty() && !rest.startsWith(' '))
        return fail(": text after '>'");
    // A source route (@a,@b:) is obsolete and ignored (RFC 5321 section 4.1.1.3 and C).
    if (path.startsWith('@')) {
        const qsizetype colon = path.indexOf(':');
        if (colon < 0)
            return badSyntax;
        path = path.mid(colon + 1);
    }
    for (const QByteArray &p : rest.split(' ')) {
        if (!p.isEmpty())
            *parameters << p;
    }
    if (path.isEmpty())
        return isSender ? SandboxReply() : fail(": empty recipient");
    if (!path.isValidUtf8())
        return fail(": not UTF-8");
    const QString text = QString::fromUtf8(path);
    if (!isSender && text.compare(QLatin1String("postmaster"), Qt::CaseInsensitive) == 0) {
        *address = text;
        return {};
    }
    const qsizetype at = text.lastIndexOf(QLatin1Char('@'));
    if (at <= 0 || at == text.size() - 1)
        return fail(": expected local-part@domain");
    const QString local = text.left(at);
    const QString domain = text.mid(at + 1);
    const bool localQuoted =
        local.startsWith(QLatin1Char('"')) && local.endsWith(QLatin1Char('"')) && local.size() >= 2;
    for (const QChar c : local) {
        if ((c.unicode() < 0x21 || c.unicode() == 0x7f) && !(localQuoted && c == QLatin1Char(' ')))
            return fail(": space or control character in the local part");
    }
    if (!localQuoted && (local.startsWith(QLatin1Char('.')) || local.endsWith(QLatin1Char('.')) ||
                         local.contains(QLatin1String(".."))))
        return fail(": misplaced '.' in the local part");
    if (domain.startsWith(QLatin1Char('['))) {
        if (!domain.endsWith(QLatin1Char(']')))
            return fail(": unterminated address literal");
        // dcontent (RFC 5321 section 4.1.3): printable ASCII but the brackets and '\'; a TAB
        // or a space inside "[...]" was once stored as part of the address (found by fuzz_sandbox).
        const QStringView literal = QStringView(domain).mid(1, domain.size() - 2);
        if (literal.isEmpty())
            return fail(": empty address literal");
        for (const QChar c : literal) {
            const char16_t u = c.unicode();
            if (u < 33 || u > 126 || u == '[' || u == '\\' || u == ']')
                return fail(": invalid character in the address literal");
        }
    } else {
        for (const QString &label : domain.split(QLatin1Char('.'))) {
            if (label.isEmpty() || label.startsWith(QLatin1Char('-')) ||
                label.endsWith(QLatin1Char('-')))
                return fail(": invalid domain");
            for (const QChar c : label) {
                if (c.unicode() < 0x80 && !c.isLetterOrNumber() && c != QLatin1Char('-'))
                    return fail(": invalid character in the domain");
            }
        }
    }
    *address = text;
    return {};
}

} // namespace

SandboxPathParser::Result SandboxPathParser::parse(Command command, const QByteArray &args,
                                                   const SandboxBehaviour &behaviour,
                                                   bool transactionUtf8)
{
    const bool mail = command == Command::Mail;
    Result result;
    const QByteArray prefix = mail ? "FROM:" : "TO:";
    if (!args.toUpper().startsWith(prefix)) {
        result.error = {501, "5.5.4",
                        mail ? "Syntax: MAIL FROM:<address>" : "Syntax: RCPT TO:<address>", true};
        return result;
    }
    QList<QByteArray> parameters;
    result.error = parsePath(args.mid(prefix.size()), command, &result.address, &parameters);
    if (!result.ok())
        return result;
    QSet<QByteArray> seen;
    for (const QByteArray &p : std::as_const(parameters)) {
        const qsizetype eq = p.indexOf('=');
        const QByteArray key = (eq < 0 ? p : p.left(eq)).toUpper();
        const QByteArray value = eq < 0 ? QByteArray() : p.mid(eq + 1);
        if (seen.contains(key)) {
            result.error = syntaxError("Parameter given twice: " + key);
            return result;
        }
        seen.insert(key);
        const ParameterRule *rule = findRule(command, key, !value.isEmpty(), behaviour);
        if (!rule) {
            result.error = {555, "5.5.4", "Unsupported parameter: " + key.left(32)};
            return result;
        }
        result.error = rule->check(value, behaviour);
        if (!result.ok())
            return result;
        if (key == "SMTPUTF8")
            result.smtpUtf8 = true;
        result.parameters << (mail ? QString::fromUtf8(key) +
                                         (eq < 0 ? QString()
                                                 : QLatin1Char('=') + QString::fromUtf8(value))
                                   : QString::fromUtf8(p));
    }
    if (hasNonAscii(result.address) && !(mail ? result.smtpUtf8 : transactionUtf8)) {
        result.error = {553, "5.6.7",
                        mail ? "Non-ASCII address needs the SMTPUTF8 parameter"
                             : "Non-ASCII address needs SMTPUTF8 in MAIL FROM"};
        return result;
    }
    return result;
}
