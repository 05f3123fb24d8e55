// The main window's built-in sandbox: starts the local SMTP server and its inbox on loopback,
// and keeps the "Local sandbox" account pointing at it (real port, TLS trust, login), so a
// first run can send without any mail server of its own.
#pragma once

#include <QHostAddress>
#include <QObject>
#include <QString>

class AccountStore;
struct Account;
class MailStore;
class SandboxServer;

class MainWindowSandbox : public QObject
{
    Q_OBJECT
public:
    enum class Status
    {
        Stopped,
        Starting,
        Running,
        Failed
    };
    Q_ENUM(Status)

    static constexpr quint16 DefaultPort = 2525; // what `postwire sandbox` listens on too
    static constexpr const char *PortVariable = "POSTWIRE_SANDBOX_PORT";

    explicit MainWindowSandbox(AccountStore *accounts, QObject *parent = nullptr);

    // The port asked for: POSTWIRE_SANDBOX_PORT when set (0: any free port), else 2525.
    // *problem says why a bad value was ignored.
    static quint16 requestedPort(QString *problem = nullptr);

    // Adds the "Local sandbox" account once per installation. When there were no accounts yet
    // it replaces the blank placeholder and becomes the default; otherwise the person's
    // accounts, and which one is the default, are left exactly as they were.
    void ensureAccount();
    // Starts listening on 127.0.0.1 (the certificate is made first on a first run). When the
    // port is taken, any free port is used instead and the account follows.
    void start();

    SandboxServer *server() const { return m_server; }
    MailStore *store() const { return m_store; }
    Status status() const { return m_status; }
    QString problem() const { return m_problem; }
    quint16 port() const;
    // Empty when the person removed the account.
    QString accountId() const { return m_accountId; }
    // True while the account follows the sandbox: it is the one made for it and still points
    // at it (host on loopback, the port the sandbox gave it). Pointed elsewhere by the person,
    // it is an account like any other and is left alone.
    bool isSandboxAccount(const QString &id) const;
    // The password the server accepts (shown in its panel, never stored in the account).
    QString password() const;
    // What the account is and why it is set up as it is, for the account selector.
    QString note() const;

Q_SIGNALS:
    void started(quint16 port);
    void failed(const QString &error);
    // Something the person should know that does not stop the sandbox.
    void notice(const QString &text);
    void noteChanged();

private:
    void onStarted(const QHostAddress &address, quint16 port);
    void onFailed(const QString &error);
    // Port, login and TLS trust of the account follow the server.
    void updateAccount();
    bool follows(const Account &account) const;

    AccountStore *m_accounts;
    MailStore *m_store;
    SandboxServer *m_server;
    QString m_accountId;
    int m_accountPort = 0; // the port last given to the account
    Status m_status = Status::Stopped;
    QString m_problem;
    quint16 m_requested = DefaultPort;
    bool m_retried = false;
};
