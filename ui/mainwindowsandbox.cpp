#include "mainwindowsandbox.h"

#include "account/accountstore.h"
#include "mime/mailbox.h"
#include "sandbox/mailstore.h"
#include "sandbox/sandboxcredentials.h"
#include "sandbox/sandboxserver.h"

#include <QFile>
#include <QSettings>

namespace {

const QString AccountIdKey = QStringLiteral("sandbox/accountId");
// The security this class last gave the account: a different one was chosen by the person.
const QString SecurityKey = QStringLiteral("sandbox/security");
// The port this class last gave the account: another one means it points elsewhere now.
const QString PortKey = QStringLiteral("sandbox/port");

bool isLoopback(const QString &host)
{
    const QString h = host.trimmed().toLower();
    return h == QLatin1String("localhost") || QHostAddress(h).isLoopback();
}

// The sender identity of the sandbox account: the login name on this computer.
QString localAddress()
{
    QString login = qEnvironmentVariable("USER");
    if (login.isEmpty())
        login = qEnvironmentVariable("LOGNAME");
    const QString address = login.toLower() + QStringLiteral("@localhost");
    if (!login.isEmpty() && Mailbox::parse(address).isValid())
        return address;
    return QStringLiteral("me@localhost");
}

QSslCertificate firstCertificateIn(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return QSslCertificate();
    return QSslCertificate::fromDevice(&f, QSsl::Pem).value(0);
}

} // namespace

MainWindowSandbox::MainWindowSandbox(AccountStore *accounts, QObject *parent)
    : QObject(parent)
    , m_accounts(accounts)
    , m_store(new MailStore(MailStore::defaultFolder(), this))
    , m_server(new SandboxServer(this))
{
    connect(m_server, &SandboxServer::started, this, &MainWindowSandbox::onStarted);
    connect(m_server, &SandboxServer::failed, this, &MainWindowSandbox::onFailed);
    connect(m_server, &SandboxServer::notice, this, &MainWindowSandbox::notice);
    connect(m_server, &SandboxServer::credentialsChanged, this, &MainWindowSandbox::updateAccount);
    connect(m_server, &SandboxServer::tlsChanged, this, &MainWindowSandbox::updateAccount);
    connect(m_accounts, &AccountStore::changed, this, [this] {
        if (!m_accountId.isEmpty() && m_accounts->indexOf(m_accountId) < 0)
            m_accountId.clear();
        Q_EMIT noteChanged(); // the account may have been pointed elsewhere
    });
}

quint16 MainWindowSandbox::requestedPort(QString *problem)
{
    if (problem)
        problem->clear();
    const QString value = qEnvironmentVariable(PortVariable).trimmed();
    if (value.isEmpty())
        return DefaultPort;
    bool ok = false;
    const int port = value.toInt(&ok);
    if (ok && port >= 0 && port <= 65535)
        return quint16(port);
    if (problem)
        *problem = tr("%1=\"%2\" is not a port (0-65535, 0 for any free port); using %3")
                       .arg(QLatin1String(PortVariable), value)
                       .arg(DefaultPort);
    return DefaultPort;
}

bool MainWindowSandbox::isSandboxAccount(const QString &id) const
{
    if (id.isEmpty() || id != m_accountId)
        return false;
    const std::optional<Account> a = m_accounts->account(id);
    return a && follows(*a);
}

bool MainWindowSandbox::follows(const Account &account) const
{
    return isLoopback(account.host) && account.port == m_accountPort;
}

quint16 MainWindowSandbox::port() const
{
    return m_server->isListening() ? m_server->port() : 0;
}

QString MainWindowSandbox::password() const
{
    return m_server->credentials().password;
}

void MainWindowSandbox::ensureAccount()
{
    QSettings settings(m_accounts->fileName(), QSettings::IniFormat);
    if (settings.contains(AccountIdKey)) {
        // Made once; if the person removed it since, it stays removed.
        m_accountId = settings.value(AccountIdKey).toString();
        m_accountPort = settings.value(PortKey).toInt();
        if (m_accounts->indexOf(m_accountId) < 0)
            m_accountId.clear();
        return;
    }
    // AccountStore hands out a blank "My account" when the file holds none: that placeholder
    // is not the person's, the sandbox account takes its place.
    const bool firstRun = !settings.childGroups().contains(QStringLiteral("accounts"));
    const QList<Account> before = m_accounts->accounts();

    Account a;
    a.name = m_accounts->uniqueName(tr("Local sandbox"));
    a.address = localAddress();
    a.host = QStringLiteral("127.0.0.1");
    const quint16 port = requestedPort();
    a.port = port == 0 ? DefaultPort : port; // the real port is set once the server listens
    // Until the server says whether it has a certificate: no TLS, which is safe on loopback.
    a.security = SmtpSettings::Security::None;
    a.authenticate = true;
    a.user = m_server->credentials().user;
    m_accountId = m_accounts->add(a);
    if (firstRun) {
        for (const Account &placeholder : before) {
            if (placeholder.host.isEmpty())
                m_accounts->remove(placeholder.id);
        }
        m_accounts->setDefault(m_accountId);
    }
    QSettings after(m_accounts->fileName(), QSettings::IniFormat);
    after.setValue(AccountIdKey, m_accountId);
    after.setValue(SecurityKey, int(a.security));
    after.setValue(PortKey, a.port);
    m_accountPort = a.port;
}

void MainWindowSandbox::start()
{
    if (m_status == Status::Starting || m_status == Status::Running)
        return;
    QString problem;
    m_requested = requestedPort(&problem);
    if (!problem.isEmpty())
        Q_EMIT notice(problem);
    QString error;
    if (!m_server->useDataFolder(SandboxCredentials::defaultFolder(), &error))
        Q_EMIT notice(error);
    m_server->setStore(m_store);
    m_status = Status::Starting;
    m_problem.clear();
    m_retried = false;
    Q_EMIT noteChanged();
    m_server->start(QHostAddress::LocalHost, m_requested);
}

void MainWindowSandbox::onStarted(const QHostAddress &, quint16 port)
{
    m_status = Status::Running;
    if (m_retried)
        Q_EMIT notice(tr("Local sandbox: port %1 is in use (another Postwire?), so it listens on "
                         "port %2; the \"Local sandbox\" account follows.")
                          .arg(m_requested)
                          .arg(port));
    updateAccount();
    Q_EMIT noteChanged();
    Q_EMIT started(port);
}

void MainWindowSandbox::onFailed(const QString &error)
{
    if (!m_retried && m_requested != 0) {
        // Another Postwire (or `postwire sandbox`) may have the usual port.
        m_retried = true;
        m_server->start(QHostAddress::LocalHost, 0);
        return;
    }
    m_status = Status::Failed;
    m_problem = error;
    Q_EMIT noteChanged();
    Q_EMIT failed(error);
}

void MainWindowSandbox::updateAccount()
{
    if (m_status != Status::Running || m_accountId.isEmpty())
        return;
    const std::optional<Account> current = m_accounts->account(m_accountId);
    if (!current) {
        m_accountId.clear();
        return;
    }
    if (!follows(*current))
        return;
    Account a = *current;
    a.port = m_server->port();
    a.authenticate = true;
    a.user = m_server->credentials().user;

    QSettings settings(m_accounts->fileName(), QSettings::IniFormat);
    const int ours = settings.value(SecurityKey, -1).toInt();
    const bool securityIsOurs = ours < 0 || ours == int(a.security);
    const QString certificateFile = m_server->dataFolder() + QStringLiteral("/cert.pem");
    if (m_server->isTlsAvailable()) {
        // STARTTLS, verified for real: the certificate made for this installation is the
        // account's CA, so the chain and the name (127.0.0.1 is in its SANs) are checked as
        // for any server. Should the server use another certificate, its fingerprint is
        // pinned instead.
        if (securityIsOurs)
            a.security = SmtpSettings::Security::StartTls;
        if (firstCertificateIn(certificateFile) == m_server->certificate()) {
            a.caFile = certificateFile;
        } else {
            if (a.caFile == certificateFile)
                a.caFile.clear();
            a.pin(Account::fingerprint(m_server->certificate()));
        }
    } else {
        // No certificate (openssl missing or failing): plain SMTP, which never leaves this
        // computer; STARTTLS comes back once the sandbox has a certificate.
        if (securityIsOurs)
            a.security = SmtpSettings::Security::None;
        if (a.caFile == certificateFile)
            a.caFile.clear();
    }
    m_accountPort = a.port;
    settings.setValue(PortKey, a.port);
    m_accounts->update(a);
    if (securityIsOurs)
        settings.setValue(SecurityKey, int(a.security));
    Q_EMIT noteChanged();
}

QString MainWindowSandbox::note() const
{
    if (m_accountId.isEmpty())
        return QString();
    const std::optional<Account> a = m_accounts->account(m_accountId);
    if (!a || !follows(*a))
        return QString();
    switch (m_status) {
    case Status::Stopped:
    case Status::Starting:
        return tr("Postwire's built-in mail server on this computer. It is starting (on the "
                  "first run it first makes a TLS certificate for this installation)\u2026");
    case Status::Failed:
        return tr("Postwire's built-in mail server could not start: %1").arg(m_problem);
    case Status::Running:
        break;
    }
    QString security;
    if (a->security == SmtpSettings::Security::None && m_server->isTlsAvailable())
        security = tr("no encryption (chosen in the account)");
    else if (a->security == SmtpSettings::Security::None)
        security = tr("no encryption: the sandbox has no certificate (%1); nothing leaves this "
                      "computer")
                       .arg(m_server->tlsProblem());
    else if (!a->caFile.isEmpty())
        security = tr("STARTTLS, its certificate (made for this installation) trusted as the "
                      "account's CA");
    else
        security = tr("STARTTLS, its certificate trusted by fingerprint");
    return tr("Postwire's built-in server, port %1: %2; login \"%3\". Messages stay on this "
              "computer, in the sandbox inbox.")
        .arg(m_server->port())
        .arg(security, m_server->credentials().user);
}
