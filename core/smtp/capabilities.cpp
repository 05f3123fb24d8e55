#include "smtp/capabilities.h"

#include "smtp/smtpreply.h"

Capabilities Capabilities::fromEhloReply(const SmtpReply &reply)
{
    Capabilities caps;
    // The first line is the server's greeting name; each further line is one extension.
    for (qsizetype i = 1; i < reply.lines.size(); ++i) {
        const QByteArray line = reply.lines[i].trimmed();
        if (line.isEmpty())
            continue;
        qsizetype split = line.indexOf(' ');
        // Old servers announce "AUTH=LOGIN PLAIN" (seen from Outlook-era clients' servers).
        const qsizetype eq = line.indexOf('=');
        if (eq > 0 && (split < 0 || eq < split) && line.left(eq).toUpper() == "AUTH")
            split = eq;
        const QByteArray keyword = (split < 0 ? line : line.left(split)).toUpper();
        const QByteArray params = split < 0 ? QByteArray() : line.mid(split + 1).trimmed();
        caps.m_keywords.append({keyword, params});
    }
    return caps;
}

bool Capabilities::has(const QByteArray &keyword) const
{
    const QByteArray upper = keyword.toUpper();
    for (const auto &entry : m_keywords) {
        if (entry.first == upper)
            return true;
    }
    return false;
}

QByteArray Capabilities::parameters(const QByteArray &keyword) const
{
    const QByteArray upper = keyword.toUpper();
    for (const auto &entry : m_keywords) {
        if (entry.first == upper)
            return entry.second;
    }
    return QByteArray();
}

qint64 Capabilities::sizeLimit() const
{
    bool ok = false;
    const qint64 limit = parameters("SIZE").trimmed().toLongLong(&ok);
    return ok && limit > 0 ? limit : 0;
}

QList<QByteArray> Capabilities::authMechanisms() const
{
    QList<QByteArray> out;
    for (const auto &entry : m_keywords) {
        if (entry.first != "AUTH")
            continue;
        for (const QByteArray &mech : entry.second.simplified().split(' ')) {
            const QByteArray upper = mech.toUpper();
            if (!upper.isEmpty() && !out.contains(upper))
                out.append(upper);
        }
    }
    return out;
}
