#include "fakesmtpserver.h"

#include <QFile>
#include <QRegularExpression>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTimer>

class FakeSmtpServer::Listener : public QTcpServer
{
public:
    explicit Listener(FakeSmtpServer *owner)
        : QTcpServer(owner)
        , m_owner(owner)
    {}

protected:
    void incomingConnection(qintptr descriptor) override { m_owner->onConnection(descriptor); }

private:
    FakeSmtpServer *m_owner;
};

static QByteArray unescape(const QByteArray &in)
{
    QByteArray out;
    for (qsizetype i = 0; i < in.size(); ++i) {
        if (in[i] != '\\' || i + 1 >= in.size()) {
            out.append(in[i]);
            continue;
        }
        const char c = in[++i];
        switch (c) {
        case 'r':
            out.append('\r');
            break;
        case 'n':
            out.append('\n');
            break;
        case 't':
            out.append('\t');
            break;
        case 'x':
            out.append(char(in.mid(i + 1, 2).toInt(nullptr, 16)));
            i += 2;
            break;
        default:
            out.append(c);
        }
    }
    return out;
}

FakeSmtpServer::FakeSmtpServer(const QString &scenario, QObject *parent)
    : QObject(parent)
    , m_listener(new Listener(this))
    , m_waitTimer(new QTimer(this))
{
    m_waitTimer->setSingleShot(true);
    connect(m_waitTimer, &QTimer::timeout, this, [this] {
        m_waiting = false;
        ++m_step;
        advance();
    });
    parse(scenario);
}

FakeSmtpServer::~FakeSmtpServer()
{
    if (m_socket)
        m_socket->abort();
}

void FakeSmtpServer::parse(const QString &scenario)
{
    const QStringList lines = scenario.split(QLatin1Char('\n'));
    static const QRegularExpression directive(QStringLiteral("^([SRCDBTWX])([:~])\\s?(.*)$"));
    for (int n = 0; n < lines.size(); ++n) {
        QString line = lines[n];
        while (line.startsWith(QLatin1Char(' ')) || line.startsWith(QLatin1Char('\t')))
            line.remove(0, 1);
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const auto m = directive.match(line);
        if (!m.hasMatch()) {
            m_mismatches
                << QStringLiteral("scenario line %1 is not a directive: %2").arg(n + 1).arg(line);
            continue;
        }
        const QChar d = m.captured(1).at(0);
        const bool regex = m.captured(2) == QLatin1String("~");
        const QByteArray arg = m.captured(3).toUtf8();
        Kind kind;
        switch (d.toLatin1()) {
        case 'S':
            kind = Kind::Send;
            break;
        case 'R':
            kind = Kind::Raw;
            break;
        case 'C':
            kind = regex ? Kind::ExpectRegex : Kind::Expect;
            break;
        case 'D':
            kind = Kind::Data;
            break;
        case 'B':
            kind = Kind::Bytes;
            break;
        case 'T':
            kind = Kind::StartTls;
            break;
        case 'W':
            kind = Kind::Wait;
            break;
        default:
            kind = Kind::Close;
            break;
        }
        m_steps.append({kind, arg, n + 1, line});
    }
}

bool FakeSmtpServer::listen(const QHostAddress &address, quint16 port)
{
    if (!m_listener->listen(address, port)) {
        m_mismatches << QStringLiteral("cannot listen: %1").arg(m_listener->errorString());
        return false;
    }
    return true;
}

quint16 FakeSmtpServer::port() const
{
    return m_listener->serverPort();
}

QHostAddress FakeSmtpServer::address() const
{
    return m_listener->serverAddress();
}

void FakeSmtpServer::setCertificate(const QString &certificatePemPath, const QString &keyPemPath)
{
    QFile cert(certificatePemPath);
    QFile key(keyPemPath);
    if (!cert.open(QIODevice::ReadOnly) || !key.open(QIODevice::ReadOnly)) {
        m_mismatches << QStringLiteral("cannot read certificate %1 or key %2")
                            .arg(certificatePemPath, keyPemPath);
        return;
    }
    m_certificate = QSslCertificate(cert.readAll(), QSsl::Pem);
    m_key = QSslKey(key.readAll(), QSsl::Ec, QSsl::Pem);
    if (m_key.isNull())
        m_key = QSslKey(key.readAll(), QSsl::Rsa, QSsl::Pem);
}

QStringList FakeSmtpServer::unconsumed() const
{
    QStringList out;
    for (qsizetype i = m_step; i < m_steps.size(); ++i)
        out << QStringLiteral("line %1: %2").arg(m_steps[i].lineNumber).arg(m_steps[i].source);
    return out;
}

QString FakeSmtpServer::report() const
{
    QStringList parts;
    if (!m_mismatches.isEmpty())
        parts << QStringLiteral("mismatches: ") + m_mismatches.join(QStringLiteral("; "));
    const QStringList rest = unconsumed();
    if (!rest.isEmpty())
        parts << QStringLiteral("unconsumed: ") + rest.join(QStringLiteral("; "));
    return parts.join(QStringLiteral(" | "));
}

void FakeSmtpServer::fail(const QString &what)
{
    m_mismatches << what;
    Q_EMIT mismatch(what);
}

void FakeSmtpServer::onConnection(qintptr descriptor)
{
    ++m_connections;
    auto *socket = new QSslSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        fail(QStringLiteral("cannot take the connection: %1").arg(socket->errorString()));
        socket->deleteLater();
        return;
    }
    if (m_socket) {
        fail(QStringLiteral("a second connection arrived; the scenario plays one"));
        socket->abort();
        socket->deleteLater();
        return;
    }
    m_socket = socket;
    socket->setLocalCertificate(m_certificate);
    socket->setPrivateKey(m_key);
    connect(socket, &QSslSocket::readyRead, this, &FakeSmtpServer::onReadyRead);
    connect(socket, &QSslSocket::disconnected, this, [this] {
        m_disconnected = true;
        Q_EMIT disconnected();
    });
    connect(socket, &QSslSocket::encrypted, this, [this] {
        // Bytes that arrived with the end of the handshake may not come with a readyRead.
        m_buffer.append(m_socket->readAll());
        if (m_tlsPending) {
            m_tlsPending = false;
            ++m_step;
        }
        advance();
    });
    connect(socket, &QSslSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
        for (const QSslError &e : errors)
            fail(QStringLiteral("TLS error on the server side: %1").arg(e.errorString()));
    });
    Q_EMIT clientConnected();
    if (m_implicitTls) {
        m_socket->startServerEncryption();
        return;
    }
    advance();
}

void FakeSmtpServer::onReadyRead()
{
    if (!m_socket)
        return;
    m_buffer.append(m_socket->readAll());
    advance();
}

bool FakeSmtpServer::takeLine(QByteArray *line)
{
    const qsizetype lf = m_buffer.indexOf('\n');
    if (lf < 0)
        return false;
    *line = m_buffer.left(lf + 1);
    m_buffer.remove(0, lf + 1);
    if (!line->endsWith("\r\n")) {
        fail(QStringLiteral("client line ends with a bare LF: %1").arg(QString::fromUtf8(*line)));
        line->chop(1);
    } else {
        line->chop(2);
    }
    return true;
}

void FakeSmtpServer::advance()
{
    if (!m_socket || m_waiting || m_tlsPending)
        return;
    QByteArray out;
    auto flush = [&] {
        if (!out.isEmpty() && m_socket)
            m_socket->write(out);
        out.clear();
    };
    while (m_step < m_steps.size()) {
        const Step &step = m_steps[m_step];
        switch (step.kind) {
        case Kind::Send:
            out += step.argument + "\r\n";
            ++m_step;
            continue;
        case Kind::Raw:
            out += unescape(step.argument);
            ++m_step;
            continue;
        case Kind::Expect:
        case Kind::ExpectRegex: {
            flush();
            QByteArray line;
            if (!takeLine(&line))
                return;
            m_clientLines << QString::fromUtf8(line);
            const QString got = QString::fromUtf8(line);
            const QString want = QString::fromUtf8(step.argument);
            const bool ok =
                step.kind == Kind::Expect
                    ? got == want
                    : QRegularExpression(QStringLiteral("\\A(?:") + want + QStringLiteral(")\\z"))
                          .match(got)
                          .hasMatch();
            if (!ok) {
                fail(QStringLiteral("line %1: expected \"%2\", client sent \"%3\"")
                         .arg(step.lineNumber)
                         .arg(step.source, got));
                m_socket->abort();
                return;
            }
            ++m_step;
            continue;
        }
        case Kind::Data: {
            flush();
            QByteArray line;
            bool ended = false;
            while (!ended && takeLine(&line)) {
                ended = line == ".";
                if (!ended)
                    m_data += line + "\r\n";
            }
            if (!ended)
                return;
            ++m_step;
            continue;
        }
        case Kind::Bytes: {
            flush();
            const qsizetype n = step.argument.trimmed().toLongLong();
            if (m_buffer.size() < n)
                return;
            m_data += m_buffer.left(n);
            m_buffer.remove(0, n);
            ++m_step;
            continue;
        }
        case Kind::StartTls:
            flush();
            if (m_certificate.isNull()) {
                fail(QStringLiteral("line %1: T: without a certificate").arg(step.lineNumber));
                ++m_step;
                continue;
            }
            m_tlsPending = true;
            m_socket->startServerEncryption();
            return;
        case Kind::Wait:
            flush();
            m_waiting = true;
            m_waitTimer->start(step.argument.trimmed().toInt());
            return;
        case Kind::Close:
            flush();
            ++m_step;
            m_socket->disconnectFromHost();
            if (!m_finishedEmitted) {
                m_finishedEmitted = true;
                Q_EMIT scenarioFinished();
            }
            return;
        }
    }
    flush();
    if (!m_finishedEmitted) {
        m_finishedEmitted = true;
        Q_EMIT scenarioFinished();
    }
    QByteArray line;
    while (takeLine(&line)) {
        m_clientLines << QString::fromUtf8(line);
        fail(QStringLiteral("unexpected client line after the scenario ended: \"%1\"")
                 .arg(QString::fromUtf8(line)));
    }
}
