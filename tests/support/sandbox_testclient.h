// A raw SMTP client for the sandbox's tests: it sends exactly the bytes a test gives and
// collects every complete reply, so tests can pipeline, send junk, or vanish mid-DATA.
#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QSslSocket>

class SandboxTestClient : public QObject
{
    Q_OBJECT
public:
    explicit SandboxTestClient(quint16 port, QObject *parent = nullptr)
        : QObject(parent)
    {
        connect(&socket, &QSslSocket::readyRead, this, [this] { read(); });
        connect(&socket, &QSslSocket::disconnected, this, [this] { closed = true; });
        connect(&socket, &QSslSocket::encrypted, this, [this] { encrypted = true; });
        socket.connectToHost(QHostAddress::LocalHost, port);
    }

    void send(const QByteArray &bytes) { socket.write(bytes); }
    void line(const QByteArray &text) { socket.write(text + "\r\n"); }
    QByteArray last() const { return replies.isEmpty() ? QByteArray() : replies.last(); }
    // The final line of each reply, "250 2.1.0 Ok"; earlier lines are kept in full[].
    QList<QByteArray> replies;
    QList<QByteArray> full;
    QSslSocket socket;
    bool closed = false;
    bool encrypted = false;

private:
    void read()
    {
        m_buffer += socket.readAll();
        qsizetype end;
        while ((end = m_buffer.indexOf("\r\n")) >= 0) {
            const QByteArray l = m_buffer.left(end);
            m_buffer.remove(0, end + 2);
            m_current += l + '\n';
            if (l.size() < 4 || l.at(3) == ' ') {
                replies << l;
                full << m_current;
                m_current.clear();
            }
        }
    }
    QByteArray m_buffer;
    QByteArray m_current;
};
