#include "smtp/smtpreply.h"

#include "smtp/printable.h"

#include <QStringList>

static bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

QString EnhancedStatus::toString() const
{
    if (!isValid())
        return QString();
    return QStringLiteral("%1.%2.%3").arg(klass).arg(subject).arg(detail);
}

qsizetype EnhancedStatus::parse(const QByteArray &text, EnhancedStatus *out)
{
    // class "." subject "." detail, with class 2, 4 or 5, subject 1-3 digits, detail 1-3 digits,
    // followed by a space or the end of the line (RFC 3463 section 2).
    qsizetype i = 0;
    int parts[3] = {0, 0, 0};
    for (int p = 0; p < 3; ++p) {
        const qsizetype start = i;
        while (i < text.size() && isDigit(text[i]) && i - start < 3)
            parts[p] = parts[p] * 10 + (text[i++] - '0');
        if (i == start || (p == 0 && i - start != 1))
            return 0;
        if (p < 2) {
            if (i >= text.size() || text[i] != '.')
                return 0;
            ++i;
        }
    }
    if (i < text.size() && text[i] != ' ')
        return 0;
    if (parts[0] != 2 && parts[0] != 4 && parts[0] != 5)
        return 0;
    *out = {parts[0], parts[1], parts[2]};
    return i < text.size() ? i + 1 : i;
}

QByteArray SmtpReply::rawLine(qsizetype i) const
{
    const bool last = i == lines.size() - 1;
    const QByteArray text = lines.value(i);
    // "250" alone is a complete last line (RFC 5321 section 4.2: the text is optional).
    if (last && text.isEmpty())
        return QByteArray::number(code);
    return QByteArray::number(code) + (last ? " " : "-") + text;
}

QString SmtpReply::displayLine(qsizetype i) const
{
    return printableText(rawLine(i));
}

QString SmtpReply::message() const
{
    QStringList parts;
    for (const QByteArray &line : lines) {
        EnhancedStatus ignored;
        const qsizetype skip = enhanced.isValid() ? EnhancedStatus::parse(line, &ignored) : 0;
        parts << printableText(QByteArrayView(line).sliced(skip));
    }
    return parts.join(QStringLiteral(" / "));
}

QString SmtpReply::toString() const
{
    QString out = QString::number(code);
    if (enhanced.isValid())
        out += QLatin1Char(' ') + enhanced.toString();
    const QString text = message();
    if (!text.isEmpty())
        out += QLatin1Char(' ') + text;
    return out;
}

void SmtpReplyParser::reset()
{
    m_buffer.clear();
    m_current = SmtpReply();
    m_currentBytes = 0;
    m_complete.clear();
    m_error = Error::None;
    m_errorString.clear();
}

bool SmtpReplyParser::setError(Error error, const QString &text)
{
    m_error = error;
    m_errorString = text;
    m_buffer.clear();
    return false;
}

bool SmtpReplyParser::feed(const QByteArray &bytes)
{
    if (m_error != Error::None)
        return false;
    m_buffer.append(bytes);
    qsizetype start = 0;
    while (true) {
        const qsizetype lf = m_buffer.indexOf('\n', start);
        if (lf < 0)
            break;
        qsizetype end = lf;
        if (end > start && m_buffer[end - 1] == '\r')
            --end;
        if (end - start > MaxLineLength) {
            return setError(Error::LineTooLong, tr("reply line of %1 bytes exceeds the limit of %2")
                                                    .arg(end - start)
                                                    .arg(MaxLineLength));
        }
        if (!parseLine(m_buffer.mid(start, end - start)))
            return false;
        start = lf + 1;
    }
    m_buffer.remove(0, start);
    // One byte more than a line may hold: the CR of a line at the limit whose LF is still
    // on its way.
    if (m_buffer.size() > MaxLineLength + 1 ||
        (m_buffer.size() == MaxLineLength + 1 && !m_buffer.endsWith('\r'))) {
        return setError(Error::LineTooLong,
                        tr("reply line longer than %1 bytes without an end").arg(MaxLineLength));
    }
    return true;
}

bool SmtpReplyParser::parseLine(const QByteArray &line)
{
    auto shown = [&line] {
        return printableText(QByteArrayView(line).first(qMin(line.size(), 60)));
    };
    if (line.size() < 3 || !isDigit(line[0]) || !isDigit(line[1]) || !isDigit(line[2]) ||
        (line.size() > 3 && line[3] != ' ' && line[3] != '-')) {
        return setError(Error::Malformed,
                        tr("malformed reply line \"%1\" (expected a 3-digit code)").arg(shown()));
    }
    const int code = line.left(3).toInt();
    // RFC 5321 section 4.2: first digit 2-5, second digit 0-5.
    if (line[0] < '2' || line[0] > '5' || line[1] > '5') {
        return setError(Error::UnknownCode,
                        tr("unknown reply code %1 in \"%2\"").arg(code).arg(shown()));
    }
    if (m_current.code != 0 && m_current.code != code) {
        return setError(Error::InconsistentCode,
                        tr("reply line \"%1\" changes the code of a %2 reply")
                            .arg(shown())
                            .arg(m_current.code));
    }
    m_current.code = code;
    const QByteArray text = line.size() > 4 ? line.mid(4) : QByteArray();
    if (m_current.lines.isEmpty()) {
        EnhancedStatus status;
        if (EnhancedStatus::parse(text, &status) && status.klass == code / 100)
            m_current.enhanced = status;
    }
    m_currentBytes += text.size();
    if (m_current.lines.size() >= MaxReplyLines) {
        return setError(
            Error::ReplyTooLong,
            tr("a %1 reply of more than %n lines", nullptr, int(MaxReplyLines)).arg(code));
    }
    if (m_currentBytes > MaxReplyBytes) {
        return setError(Error::ReplyTooLong,
                        tr("a %1 reply of more than %2 bytes").arg(code).arg(MaxReplyBytes));
    }
    m_current.lines.append(text);
    const bool last = line.size() == 3 || line[3] == ' ';
    if (last) {
        m_complete.append(m_current);
        m_current = SmtpReply();
        m_currentBytes = 0;
    }
    return true;
}
