#include "accountform.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHostAddress>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QSpinBox>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

AccountForm::AccountForm(QWidget *parent)
    : QWidget(parent)
    , m_accounts(new QComboBox)
    , m_add(new QToolButton)
    , m_remove(new QToolButton)
    , m_toggle(new QToolButton)
    , m_details(new QWidget)
    , m_name(new QLineEdit)
    , m_host(new QLineEdit)
    , m_port(new QSpinBox)
    , m_security(new QComboBox)
    , m_user(new QLineEdit)
    , m_password(new QLineEdit)
    , m_passwordNote(new QLabel)
{
    m_accounts->setAccessibleName(tr("Account"));
    m_accounts->setToolTip(tr("The account (mail server) the message is sent through"));
    m_add->setText(tr("New"));
    m_add->setAccessibleName(tr("New account"));
    m_add->setToolTip(tr("Add an account"));
    m_remove->setText(tr("Remove"));
    m_remove->setAccessibleName(tr("Remove account"));
    m_remove->setToolTip(tr("Remove the selected account"));
    m_toggle->setCheckable(true);
    m_toggle->setText(tr("Server settings"));
    m_toggle->setAccessibleName(tr("Show server settings"));
    m_toggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toggle->setAutoRaise(true);

    m_name->setAccessibleName(tr("Account name"));
    m_host->setAccessibleName(tr("Server host name"));
    m_host->setPlaceholderText(tr("smtp.example.org"));
    m_port->setRange(1, 65535);
    m_port->setAccessibleName(tr("Server port"));
    m_port->setToolTip(tr("587: submission with STARTTLS; 465: implicit TLS; 25: relay"));
    m_security->setAccessibleName(tr("Connection security"));
    m_security->addItem(tr("STARTTLS (required)"), int(SmtpSettings::Security::StartTls));
    m_security->addItem(tr("STARTTLS if offered"), int(SmtpSettings::Security::StartTlsIfOffered));
    m_security->addItem(tr("TLS from the start (implicit)"),
                        int(SmtpSettings::Security::ImplicitTls));
    m_security->addItem(tr("None (plain text)"), int(SmtpSettings::Security::None));
    m_user->setAccessibleName(tr("User name"));
    m_user->setPlaceholderText(tr("empty: no login"));
    m_password->setAccessibleName(tr("Password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("asked for when needed"));
    m_passwordNote->setText(tr("The password is kept only until Postwire quits."));
    m_passwordNote->setEnabled(false);
    m_passwordNote->setWordWrap(true);

    auto *selector = new QHBoxLayout;
    selector->setContentsMargins(0, 0, 0, 0);
    auto *label = new QLabel(tr("Acco&unt:"));
    label->setBuddy(m_accounts);
    selector->addWidget(label);
    selector->addWidget(m_accounts, 1);
    selector->addWidget(m_toggle);
    selector->addWidget(m_add);
    selector->addWidget(m_remove);

    auto *form = new QFormLayout(m_details);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("&Name:"), m_name);
    auto *hostRow = new QHBoxLayout;
    hostRow->addWidget(m_host, 1);
    auto *portLabel = new QLabel(tr("P&ort:"));
    portLabel->setBuddy(m_port);
    hostRow->addWidget(portLabel);
    hostRow->addWidget(m_port);
    form->addRow(tr("Ser&ver:"), hostRow);
    form->addRow(tr("Securit&y:"), m_security);
    auto *userRow = new QHBoxLayout;
    userRow->addWidget(m_user, 1);
    auto *passwordLabel = new QLabel(tr("Pass&word:"));
    passwordLabel->setBuddy(m_password);
    userRow->addWidget(passwordLabel);
    userRow->addWidget(m_password, 1);
    form->addRow(tr("Us&er:"), userRow);
    form->addRow(QString(), m_passwordNote);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(selector);
    layout->addWidget(m_details);

    load();
    connect(m_accounts, &QComboBox::currentIndexChanged, this, [this](int index) {
        storeFields();
        showAccount(index);
        Q_EMIT changed();
    });
    connect(m_add, &QToolButton::clicked, this, &AccountForm::addAccount);
    connect(m_remove, &QToolButton::clicked, this, &AccountForm::removeAccount);
    connect(m_toggle, &QToolButton::toggled, this, &AccountForm::setDetailsVisible);
    connect(m_port, &QSpinBox::valueChanged, this, &AccountForm::onPortEdited);
    auto edited = [this] {
        if (m_loading)
            return;
        storeFields();
        Q_EMIT changed();
    };
    connect(m_name, &QLineEdit::textEdited, this, [this, edited] {
        edited();
        if (m_current >= 0)
            m_accounts->setItemText(m_current, m_list[m_current].name);
    });
    connect(m_host, &QLineEdit::textEdited, this, edited);
    connect(m_user, &QLineEdit::textEdited, this, edited);
    connect(m_password, &QLineEdit::textEdited, this, edited);
    connect(m_security, &QComboBox::activated, this, edited);
}

void AccountForm::load()
{
    QSettings s;
    const int n = s.beginReadArray(QStringLiteral("accounts"));
    for (int i = 0; i < n; ++i) {
        s.setArrayIndex(i);
        Account a;
        a.name = s.value(QStringLiteral("name")).toString();
        a.host = s.value(QStringLiteral("host")).toString();
        a.port = qBound(1, s.value(QStringLiteral("port"), 587).toInt(), 65535);
        a.security =
            SmtpSettings::Security(qBound(0, s.value(QStringLiteral("security"), 1).toInt(), 3));
        a.user = s.value(QStringLiteral("user")).toString();
        if (!a.name.isEmpty())
            m_list.append(a);
    }
    s.endArray();
    if (m_list.isEmpty()) {
        // A first run: one account to fill in, on the usual submission port.
        Account a;
        a.name = tr("My account");
        m_list.append(a);
    }
    m_loading = true;
    for (const Account &a : std::as_const(m_list))
        m_accounts->addItem(a.name);
    m_loading = false;
    showAccount(0);
}

void AccountForm::save() const
{
    QSettings s;
    s.beginWriteArray(QStringLiteral("accounts"), int(m_list.size()));
    for (int i = 0; i < m_list.size(); ++i) {
        const Account &a = m_list[i];
        s.setArrayIndex(i);
        s.setValue(QStringLiteral("name"), a.name);
        s.setValue(QStringLiteral("host"), a.host);
        s.setValue(QStringLiteral("port"), a.port);
        s.setValue(QStringLiteral("security"), int(a.security));
        s.setValue(QStringLiteral("user"), a.user);
    }
    s.endArray();
}

void AccountForm::showAccount(int index)
{
    if (index < 0 || index >= m_list.size())
        return;
    m_loading = true;
    m_current = index;
    const Account &a = m_list[index];
    m_name->setText(a.name);
    m_host->setText(a.host);
    m_port->setValue(a.port);
    m_security->setCurrentIndex(m_security->findData(int(a.security)));
    m_user->setText(a.user);
    m_password->setText(m_passwords.value(a.name));
    m_remove->setEnabled(m_list.size() > 1);
    m_loading = false;
    // An account without a server shows its form; a working one keeps the window calm.
    m_toggle->setChecked(a.host.isEmpty());
    setDetailsVisible(m_toggle->isChecked());
}

void AccountForm::storeFields()
{
    if (m_loading || m_current < 0 || m_current >= m_list.size())
        return;
    Account &a = m_list[m_current];
    const QString oldName = a.name;
    a.name = m_name->text().trimmed().isEmpty() ? oldName : m_name->text().trimmed();
    a.host = m_host->text().trimmed();
    a.port = m_port->value();
    a.security = SmtpSettings::Security(m_security->currentData().toInt());
    a.user = m_user->text().trimmed();
    m_passwords.remove(oldName);
    if (!m_password->text().isEmpty())
        m_passwords.insert(a.name, m_password->text());
}

void AccountForm::addAccount()
{
    storeFields();
    Account a;
    int n = int(m_list.size()) + 1;
    do {
        a.name = tr("Account %1").arg(n++);
    } while (accountNames().contains(a.name));
    m_list.append(a);
    m_accounts->addItem(a.name);
    m_accounts->setCurrentIndex(int(m_list.size()) - 1);
    m_toggle->setChecked(true);
    m_name->setFocus();
    m_name->selectAll();
}

void AccountForm::removeAccount()
{
    if (m_list.size() <= 1 || m_current < 0)
        return;
    const int index = m_current;
    m_passwords.remove(m_list[index].name);
    m_list.removeAt(index);
    m_current = -1; // the removed one must not be stored back
    m_accounts->removeItem(index);
    save();
    Q_EMIT changed();
}

void AccountForm::onPortEdited(int port)
{
    if (m_loading)
        return;
    // The port people choose says which security they mean (RFC 8314 for 465).
    if (port == 465)
        m_security->setCurrentIndex(m_security->findData(int(SmtpSettings::Security::ImplicitTls)));
    else if (port == 587 || port == 25)
        m_security->setCurrentIndex(m_security->findData(int(SmtpSettings::Security::StartTls)));
    storeFields();
    Q_EMIT changed();
}

void AccountForm::setDetailsVisible(bool visible)
{
    m_details->setVisible(visible);
    m_toggle->setArrowType(visible ? Qt::DownArrow : Qt::RightArrow);
    m_toggle->setChecked(visible);
}

QStringList AccountForm::accountNames() const
{
    QStringList names;
    for (const Account &a : m_list)
        names << a.name;
    return names;
}

QString AccountForm::currentAccount() const
{
    return m_current >= 0 && m_current < m_list.size() ? m_list[m_current].name : QString();
}

void AccountForm::selectAccount(const QString &name)
{
    const int index = int(accountNames().indexOf(name));
    if (index >= 0)
        m_accounts->setCurrentIndex(index);
}

SmtpSettings AccountForm::settings() const
{
    SmtpSettings s;
    s.host = m_host->text().trimmed();
    s.port = quint16(m_port->value());
    s.security = SmtpSettings::Security(m_security->currentData().toInt());
    s.authenticate = !m_user->text().trimmed().isEmpty();
    s.credentials.user = m_user->text().trimmed();
    s.credentials.secret = m_password->text();
    return s;
}

QString AccountForm::serverLabel() const
{
    const QString host = m_host->text().trimmed();
    // An IPv6 literal needs brackets before the port.
    const QString shown = host.contains(QLatin1Char(':')) ? QStringLiteral("[%1]").arg(host) : host;
    return QStringLiteral("%1:%2").arg(shown).arg(m_port->value());
}

QString AccountForm::problem(QWidget **field) const
{
    const QString host = m_host->text().trimmed();
    QString why;
    if (host.isEmpty())
        why = tr("Server: give the host name of your mail server (e.g. smtp.example.org)");
    else if (host.contains(QLatin1Char(' ')) ||
             (QHostAddress(host).isNull() && QUrl::toAce(host).isEmpty()))
        why = tr("Server: \"%1\" is not a host name or address").arg(host);
    if (!why.isEmpty()) {
        if (field)
            *field = m_host;
        return why;
    }
    return QString();
}

void AccountForm::setSessionPassword(const QString &password)
{
    m_password->setText(password);
    if (m_current >= 0)
        m_passwords.insert(m_list[m_current].name, password);
}

void AccountForm::setReadOnly(bool readOnly)
{
    m_accounts->setEnabled(!readOnly);
    m_add->setEnabled(!readOnly);
    m_remove->setEnabled(!readOnly && m_list.size() > 1);
    m_details->setEnabled(!readOnly);
}
