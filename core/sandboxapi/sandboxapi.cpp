#include "sandboxapi/sandboxapi.h"

#include "sandbox/mailstore.h"
#include "sandbox/parsedmail.h"
#include "sandbox/storedmessage.h"

#include <QFile>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>

namespace {

using Status = QHttpServerResponder::StatusCode;
using Method = QHttpServerRequest::Method;

// The header section of a stored message, without reading a large body.
constexpr qint64 MaxHeaderBytes = 256 * 1024;

const QString Prefix = QStringLiteral("/api/v1/");

QJsonArray toArray(const QStringList &list)
{
    QJsonArray array;
    for (const QString &s : list)
        array.append(s);
    return array;
}

void reply(QHttpServerResponder &&responder, const QJsonObject &body, Status status = Status::Ok)
{
    responder.write(QJsonDocument(body), status);
}

void error(QHttpServerResponder &&responder, Status status, const QString &message)
{
    reply(std::move(responder), QJsonObject{{QStringLiteral("error"), message}}, status);
}

// The header block of a stored message, read no further than it needs.
QByteArray headerBlock(const MailStore &store, const QString &id)
{
    QByteArray block = store.head(id, MaxHeaderBytes);
    for (const char *blank : {"\r\n\r\n", "\n\n"}) {
        const qsizetype end = block.indexOf(blank);
        if (end >= 0) {
            block.truncate(end + qsizetype(qstrlen(blank)));
            break;
        }
    }
    return block;
}

bool containsFolded(const QString &haystack, const QString &needle)
{
    return needle.isEmpty() || haystack.contains(needle, Qt::CaseInsensitive);
}

} // namespace

SandboxApi::SandboxApi(MailStore *store, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_store(store)
{
    connect(m_store, &MailStore::messageAdded, this, &SandboxApi::onMessageAdded);
    connect(m_store, &MailStore::messageRemoved, this,
            [this](const QString &id) { m_summaries.remove(id); });
    connect(m_store, &MailStore::reloaded, this, [this] { m_summaries.clear(); });
}

SandboxApi::~SandboxApi()
{
    for (const Waiter &w : std::as_const(m_waiters))
        delete w.deadline;
}

bool SandboxApi::start(const QHostAddress &address, quint16 port, QString *error)
{
    if (!address.isLoopback() && m_token.isEmpty()) {
        *error = tr("the API listens on %1, which is not loopback: give it a token, so the "
                    "stored messages are not served to anyone who asks")
                     .arg(address.toString());
        return false;
    }
    const quint16 listening = listen(address, port);
    if (listening == 0) {
        *error = tr("the API cannot listen on %1 port %2").arg(address.toString()).arg(port);
        return false;
    }
    m_address = address;
    m_port = listening;
    return true;
}

bool SandboxApi::authorized(const QHttpServerRequest &request) const
{
    if (m_token.isEmpty())
        return true;
    for (const auto &[name, value] : request.headers()) {
        if (name.compare("authorization", Qt::CaseInsensitive) == 0)
            return value.trimmed() == "Bearer " + m_token;
    }
    return false;
}

bool SandboxApi::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    route(request, socket);
    return true;
}

void SandboxApi::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    error(makeResponder(request, socket), Status::NotFound,
          tr("no such resource: %1").arg(request.url().path()));
}

void SandboxApi::route(const QHttpServerRequest &request, QTcpSocket *socket)
{
    QHttpServerResponder responder = makeResponder(request, socket);
    if (!authorized(request)) {
        error(std::move(responder), Status::Unauthorized,
              tr("missing or wrong token: send \"Authorization: Bearer <token>\""));
        return;
    }
    const QString path = request.url().path();
    if (!path.startsWith(Prefix)) {
        error(std::move(responder), Status::NotFound, tr("no such resource: %1").arg(path));
        return;
    }
    const QStringList parts = path.mid(Prefix.size()).split(QLatin1Char('/'), Qt::SkipEmptyParts);
    const Method method = request.method();
    const bool get = method == Method::Get;
    const bool del = method == Method::Delete;
    const auto notAllowed = [&] {
        error(std::move(responder), Status::MethodNotAllowed,
              tr("%1 does not take this method").arg(path));
    };

    if (parts == QStringList{QStringLiteral("wait")}) {
        if (!get)
            return notAllowed();
        return wait(request, socket);
    }
    if (parts.value(0) != QLatin1String("messages") || parts.size() > 4) {
        error(std::move(responder), Status::NotFound, tr("no such resource: %1").arg(path));
        return;
    }
    if (parts.size() == 1) {
        if (del) {
            m_store->removeAll();
            return responder.write(Status::NoContent);
        }
        if (!get)
            return notAllowed();
        Filter filter;
        QString problem;
        if (!filterFrom(request, &filter, &problem))
            return error(std::move(responder), Status::BadRequest, problem);
        QJsonArray list;
        for (const StoredMessage &m : m_store->messages()) {
            const QJsonObject s = summary(m);
            if (filter.matches(s))
                list.append(s);
        }
        return reply(std::move(responder), {{QStringLiteral("total"), m_store->count()},
                                            {QStringLiteral("count"), list.size()},
                                            {QStringLiteral("messages"), list}});
    }
    const QString id = parts[1];
    if (!m_store->contains(id)) {
        error(std::move(responder), Status::NotFound, tr("no message with id %1").arg(id));
        return;
    }
    const StoredMessage message = m_store->message(id);
    if (parts.size() == 2 && del) {
        m_store->remove(id);
        return responder.write(Status::NoContent);
    }
    if (!get)
        return notAllowed();
    if (parts.size() == 2) {
        const QByteArray raw = m_store->content(id);
        return reply(std::move(responder), details(message, raw));
    }
    const QString what = parts[2];
    if (parts.size() == 3 && what == QLatin1String("raw")) {
        return responder.write(m_store->content(id), "message/rfc822");
    }
    if (parts.size() == 3 && what == QLatin1String("transcript")) {
        QJsonArray entries;
        for (const TranscriptEntry &e : message.transcript)
            entries.append(StoredMessage::entryToJson(e));
        return reply(std::move(responder),
                     {{QStringLiteral("id"), id}, {QStringLiteral("transcript"), entries}});
    }
    if (parts.size() == 4 && what == QLatin1String("attachments")) {
        bool ok = false;
        const int index = parts[3].toInt(&ok);
        const QList<ParsedMail::Part> attachments =
            ParsedMail::parse(m_store->content(id)).attachments();
        if (!ok || index < 0 || index >= attachments.size())
            return error(
                std::move(responder), Status::NotFound,
                tr("message %1 has no attachment %2 (it has %n)", nullptr, int(attachments.size()))
                    .arg(id, parts[3]));
        const ParsedMail::Part &part = attachments[index];
        return responder.write(part.data, part.contentType.isEmpty()
                                              ? QByteArray("application/octet-stream")
                                              : part.contentType.toUtf8());
    }
    error(std::move(responder), Status::NotFound, tr("no such resource: %1").arg(path));
}

bool SandboxApi::filterFrom(const QHttpServerRequest &request, Filter *filter, QString *error)
{
    const QUrlQuery query = request.query();
    static const QStringList known = {QStringLiteral("to"), QStringLiteral("from"),
                                      QStringLiteral("subject"), QStringLiteral("timeout"),
                                      QStringLiteral("after")};
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (!known.contains(key)) {
            *error = tr("unknown parameter \"%1\" (known: %2)")
                         .arg(key, known.join(QStringLiteral(", ")));
            return false;
        }
    }
    filter->to = query.queryItemValue(QStringLiteral("to"), QUrl::FullyDecoded);
    filter->from = query.queryItemValue(QStringLiteral("from"), QUrl::FullyDecoded);
    filter->subject = query.queryItemValue(QStringLiteral("subject"), QUrl::FullyDecoded);
    return true;
}

bool SandboxApi::Filter::matches(const QJsonObject &s) const
{
    const QJsonObject envelope = s.value(QStringLiteral("envelope")).toObject();
    const QJsonObject headers = s.value(QStringLiteral("headers")).toObject();
    const auto anyOf = [](const QStringList &values, const QString &needle) {
        if (needle.isEmpty())
            return true;
        for (const QString &v : values) {
            if (containsFolded(v, needle))
                return true;
        }
        return false;
    };
    QStringList recipients;
    for (const QJsonValue &v : envelope.value(QStringLiteral("rcptTo")).toArray())
        recipients << v.toString();
    recipients << headers.value(QStringLiteral("to")).toString()
               << headers.value(QStringLiteral("cc")).toString();
    return anyOf(recipients, to) &&
           anyOf({envelope.value(QStringLiteral("mailFrom")).toString(),
                  headers.value(QStringLiteral("from")).toString()},
                 from) &&
           containsFolded(headers.value(QStringLiteral("subject")).toString(), subject);
}

QJsonObject SandboxApi::summary(const StoredMessage &m)
{
    if (const auto it = m_summaries.constFind(m.id); it != m_summaries.cend())
        return *it;
    const ParsedMail head = ParsedMail::parse(headerBlock(*m_store, m.id));
    QJsonObject headers;
    for (const char *name : {"From", "To", "Cc", "Subject", "Date", "Message-ID"}) {
        const QString key = QString::fromLatin1(name).toLower();
        headers.insert(key == QLatin1String("message-id") ? QStringLiteral("messageId") : key,
                       head.header(QString::fromLatin1(name)));
    }
    const QJsonObject s{
        {QStringLiteral("id"), m.id},
        {QStringLiteral("received"), m.received.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("size"), m.size},
        {QStringLiteral("envelope"),
         QJsonObject{{QStringLiteral("mailFrom"), m.mailFrom},
                     {QStringLiteral("rcptTo"), toArray(m.rcptTo)},
                     {QStringLiteral("mailParameters"), toArray(m.mailParameters)},
                     {QStringLiteral("rcptParameters"), toArray(m.rcptParameters)}}},
        {QStringLiteral("headers"), headers},
        {QStringLiteral("session"),
         QJsonObject{{QStringLiteral("helo"), m.helo},
                     {QStringLiteral("peer"), m.peer},
                     {QStringLiteral("tls"), m.tls},
                     {QStringLiteral("authMechanism"), m.authMechanism},
                     {QStringLiteral("authUser"), m.authUser},
                     {QStringLiteral("transferCommand"), m.transferCommand}}},
    };
    m_summaries.insert(m.id, s);
    return s;
}

QJsonObject SandboxApi::details(const StoredMessage &message, const QByteArray &raw)
{
    QJsonObject out = summary(message);
    const ParsedMail mail = ParsedMail::parse(raw);
    QJsonArray headers;
    for (const auto &[name, value] : mail.headers)
        headers.append(
            QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("value"), value}});
    QJsonArray attachments;
    const QList<ParsedMail::Part> parts = mail.attachments();
    for (qsizetype i = 0; i < parts.size(); ++i) {
        attachments.append(QJsonObject{
            {QStringLiteral("index"), int(i)},
            {QStringLiteral("fileName"), parts[i].fileName},
            {QStringLiteral("contentType"), parts[i].contentType},
            {QStringLiteral("contentId"), parts[i].contentId},
            {QStringLiteral("size"), qint64(parts[i].data.size())},
            {QStringLiteral("url"),
             QString(Prefix +
                     QStringLiteral("messages/%1/attachments/%2").arg(message.id).arg(i))}});
    }
    out.insert(QStringLiteral("allHeaders"), headers);
    out.insert(QStringLiteral("text"), mail.text);
    out.insert(QStringLiteral("html"), mail.html);
    out.insert(QStringLiteral("attachments"), attachments);
    return out;
}

// Long poll: answers with the first message matching the filter that arrives after the
// request (or, with after=ID, after that message), or 408 when none came in time.
void SandboxApi::wait(const QHttpServerRequest &request, QTcpSocket *socket)
{
    Waiter w;
    QString problem;
    if (!filterFrom(request, &w.filter, &problem))
        return error(makeResponder(request, socket), Status::BadRequest, problem);
    const QUrlQuery query = request.query();
    w.seconds = DefaultWaitSeconds;
    if (query.hasQueryItem(QStringLiteral("timeout"))) {
        bool ok = false;
        w.seconds = query.queryItemValue(QStringLiteral("timeout")).toInt(&ok);
        if (!ok || w.seconds < 0 || w.seconds > MaxWaitSeconds)
            return error(makeResponder(request, socket), Status::BadRequest,
                         tr("timeout: give whole seconds from 0 to %1").arg(MaxWaitSeconds));
    }
    if (query.hasQueryItem(QStringLiteral("after"))) {
        const QString after = query.queryItemValue(QStringLiteral("after"));
        if (!after.isEmpty() && !m_store->contains(after))
            return error(makeResponder(request, socket), Status::NotFound,
                         tr("after: no message with id %1").arg(after));
        // Ids sort in the order messages arrived: the oldest match after that one.
        const QList<StoredMessage> all = m_store->messages(); // newest first
        for (qsizetype i = all.size() - 1; i >= 0; --i) {
            if (all[i].id <= after)
                continue;
            const QJsonObject s = summary(all[i]);
            if (w.filter.matches(s))
                return reply(makeResponder(request, socket), {{QStringLiteral("message"), s}});
        }
    }
    w.socket = socket;
    w.request = &request; // lives as long as its socket (Qt HTTP Server keeps one per connection)
    w.deadline = new QTimer(this);
    w.deadline->setSingleShot(true);
    QTimer *deadline = w.deadline;
    connect(deadline, &QTimer::timeout, this, [this, deadline] {
        for (qsizetype i = 0; i < m_waiters.size(); ++i) {
            if (m_waiters[i].deadline == deadline)
                return finishWaiter(i, nullptr);
        }
    });
    // A client that gives up is forgotten, never answered on a socket that is gone.
    connect(socket, &QObject::destroyed, deadline, [this, deadline] {
        for (qsizetype i = 0; i < m_waiters.size(); ++i) {
            if (m_waiters[i].deadline == deadline) {
                m_waiters.removeAt(i);
                deadline->deleteLater();
                return;
            }
        }
    });
    deadline->start(w.seconds * 1000);
    m_waiters.append(w);
}

void SandboxApi::onMessageAdded(const StoredMessage &message)
{
    if (m_waiters.isEmpty())
        return;
    const QJsonObject s = summary(message);
    for (qsizetype i = m_waiters.size() - 1; i >= 0; --i) {
        if (m_waiters[i].filter.matches(s))
            finishWaiter(i, &s);
    }
}

void SandboxApi::finishWaiter(qsizetype index, const QJsonObject *message)
{
    const Waiter w = m_waiters.takeAt(index);
    w.deadline->deleteLater();
    if (!w.socket || w.socket->state() != QAbstractSocket::ConnectedState)
        return;
    QHttpServerResponder responder = makeResponder(*w.request, w.socket);
    if (message)
        reply(std::move(responder), {{QStringLiteral("message"), *message}});
    else
        error(std::move(responder), Status::RequestTimeout,
              tr("no matching message arrived within %n seconds", nullptr, w.seconds));
}
