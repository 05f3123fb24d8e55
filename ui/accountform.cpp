#include "accountform.h"

#include "formrow.h"

#include "account/accountstore.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

AccountForm::AccountForm(AccountStore *store, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_accounts(new QComboBox)
    , m_manage(new QPushButton)
    , m_toggle(new QToolButton)
    , m_note(new QLabel)
    , m_details(new QWidget)
    , m_host(new QLineEdit)
    , m_port(new QSpinBox)
    , m_security(new QComboBox)
    , m_user(new QLineEdit)
    , m_detailsNote(new QLabel)
{
    m_accounts->setAccessibleName(tr("Account"));
    m_accounts->setToolTip(tr("The account (mail server) the message is sent through"));
    m_accounts->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_manage->setText(tr("Accounts\u2026"));
    m_manage->setAccessibleName(tr("Manage accounts"));
    m_manage->setToolTip(tr("Add, remove and edit accounts: identity, server, passwords, "
                            "trusted certificates; test a connection"));
    m_toggle->setCheckable(true);
    m_toggle->setText(tr("Server"));
    m_toggle->setAccessibleName(tr("Show server settings"));
    m_toggle->setToolTip(tr("Show the server settings of this account for a quick change"));
    m_toggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toggle->setAutoRaise(true);
    m_note->setObjectName(QStringLiteral("accountNote"));
    m_note->setAccessibleName(tr("About this account"));
    m_note->setWordWrap(true);
    m_note->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_note->setForegroundRole(QPalette::PlaceholderText);
    m_note->setVisible(false);

    m_host->setAccessibleName(tr("Server host name"));
    m_host->setPlaceholderText(tr("smtp.example.org"));
    m_port->setRange(1, 65535);
    m_port->setAccessibleName(tr("Server port"));
    m_port->setToolTip(tr("587: submission with STARTTLS; 465: implicit TLS; 25: relay"));
    m_security->setAccessibleName(tr("Connection security"));
    for (const auto security :
         {SmtpSettings::Security::StartTls, SmtpSettings::Security::StartTlsIfOffered,
          SmtpSettings::Security::ImplicitTls, SmtpSettings::Security::None})
        m_security->addItem(Account::securityLabel(security), int(security));
    m_user->setAccessibleName(tr("User name"));
    m_user->setPlaceholderText(tr("empty: no login"));
    m_detailsNote->setText(tr("Passwords are asked for when the server wants one and can be "
                              "kept in the keychain; more settings under Accounts\u2026"));
    m_detailsNote->setForegroundRole(QPalette::PlaceholderText);
    m_detailsNote->setWordWrap(true);

    auto *selector = new QHBoxLayout;
    selector->setContentsMargins(0, 0, 0, 0);
    auto *label = new QLabel(tr("Acco&unt:"));
    label->setBuddy(m_accounts);
    selector->addWidget(label);
    selector->addWidget(m_accounts, 1);
    selector->addWidget(m_toggle);
    selector->addWidget(m_manage);

    auto *form = new QFormLayout(m_details);
    form->setContentsMargins(0, 0, 0, 0);
    auto *hostRow = new QHBoxLayout;
    hostRow->addWidget(m_host, 1);
    auto *portLabel = new QLabel(tr("&Port:"));
    portLabel->setBuddy(m_port);
    hostRow->addWidget(portLabel);
    hostRow->addWidget(m_port);
    addRowWithBuddy(form, tr("&Server:"), hostRow, m_host);
    form->addRow(tr("Securit&y:"), m_security);
    form->addRow(tr("Us&er:"), m_user);
    form->addRow(QString(), m_detailsNote);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(selector);
    layout->addWidget(m_note);
    layout->addWidget(m_details);

    reload();
    const int initial = m_store->indexOf(m_store->defaultId());
    if (initial >= 0)
        m_accounts->setCurrentIndex(initial);
    showAccount(m_store->at(qMax(0, initial)));

    connect(m_accounts, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (m_loading || index < 0)
            return;
        save(); // a valid quick edit of the account left behind is kept
        showAccount(m_store->at(index));
        Q_EMIT changed();
    });
    connect(m_store, &AccountStore::changed, this, [this] {
        if (m_saving)
            return;
        reload();
        Q_EMIT changed();
    });
    connect(m_manage, &QPushButton::clicked, this, &AccountForm::manageRequested);
    connect(m_toggle, &QToolButton::toggled, this, &AccountForm::setDetailsVisible);
    connect(m_port, &QSpinBox::valueChanged, this, &AccountForm::onPortEdited);
    connect(m_host, &QLineEdit::textEdited, this, &AccountForm::onEdited);
    connect(m_user, &QLineEdit::textEdited, this, &AccountForm::onEdited);
    connect(m_security, &QComboBox::activated, this, &AccountForm::onEdited);
    setDetailsVisible(false);
}

void AccountForm::reload()
{
    // Accounts may have been added, renamed or removed (the dialog, the sandbox): the list
    // follows, the choice stays where it was when that account still exists.
    const QString id = m_account.id;
    m_loading = true;
    m_accounts->clear();
    for (const Account &a : m_store->accounts())
        m_accounts->addItem(a.name, a.id);
    int index = m_store->indexOf(id);
    if (index < 0)
        index = qMax(0, m_store->indexOf(m_store->defaultId()));
    m_accounts->setCurrentIndex(index);
    m_loading = false;
    showAccount(m_store->at(index));
}

void AccountForm::showAccount(const Account &account)
{
    const bool other = account.id != m_account.id;
    m_loading = true;
    m_account = account;
    if (m_host->text() != account.host)
        m_host->setText(account.host);
    m_port->setValue(qBound(1, account.port, 65535));
    m_security->setCurrentIndex(m_security->findData(int(account.security)));
    m_user->setText(account.authenticate ? account.user : QString());
    m_loading = false;
    // An account without a server shows its form; a working one keeps the window calm.
    // Direct delivery has no server of its own to edit.
    const bool mx = account.kind == Account::Kind::DirectMx;
    m_toggle->setVisible(!mx);
    if (mx)
        setDetailsVisible(false);
    else if (other)
        setDetailsVisible(account.host.trimmed().isEmpty());
    updateNote();
}

void AccountForm::onEdited()
{
    if (m_loading)
        return;
    m_account.host = m_host->text().trimmed();
    m_account.port = m_port->value();
    m_account.security = SmtpSettings::Security(m_security->currentData().toInt());
    const QString user = m_user->text().trimmed();
    m_account.authenticate = !user.isEmpty();
    if (!user.isEmpty())
        m_account.user = user;
    save();
    Q_EMIT changed();
}

void AccountForm::onPortEdited(int port)
{
    if (m_loading)
        return;
    // The port people choose says which security they mean (RFC 8314 for 465).
    if (const auto security = Account::suggestedSecurity(port))
        m_security->setCurrentIndex(m_security->findData(int(*security)));
    onEdited();
}

void AccountForm::save()
{
    const std::optional<Account> stored = m_store->account(m_account.id);
    if (!stored || *stored == m_account || !m_account.validate().isEmpty())
        return;
    m_saving = true;
    m_store->update(m_account);
    m_saving = false;
    if (const std::optional<Account> saved = m_store->account(m_account.id))
        m_account = *saved; // the store may have made the name unique
}

void AccountForm::setDetailsVisible(bool visible)
{
    m_details->setVisible(visible);
    m_toggle->setArrowType(visible ? Qt::DownArrow : Qt::RightArrow);
    m_toggle->setChecked(visible);
}

void AccountForm::setNote(const QString &accountId, const QString &note)
{
    if (note.isEmpty())
        m_notes.remove(accountId);
    else
        m_notes.insert(accountId, note);
    updateNote();
}

QString AccountForm::note() const
{
    return m_notes.value(m_account.id);
}

void AccountForm::updateNote()
{
    QString text = note();
    if (text.isEmpty() && m_account.kind == Account::Kind::DirectMx) {
        text = tr("Direct to each recipient's mail server (MX), port %1, DNS: %2. Many "
                  "networks block outgoing port 25.")
                   .arg(m_account.port)
                   .arg(m_account.dnsServer.isEmpty() ? tr("the system's resolver")
                                                      : m_account.dnsServer);
    }
    m_note->setText(text);
    m_note->setVisible(!text.isEmpty());
}

QStringList AccountForm::accountNames() const
{
    return m_store->names();
}

QString AccountForm::currentAccount() const
{
    return m_account.name;
}

void AccountForm::selectAccount(const QString &name)
{
    const int index = m_store->indexOfName(name);
    if (index >= 0)
        m_accounts->setCurrentIndex(index);
}

void AccountForm::selectAccountId(const QString &id)
{
    const int index = m_store->indexOf(id);
    if (index >= 0)
        m_accounts->setCurrentIndex(index);
}

QString AccountForm::serverLabel() const
{
    return m_account.serverLabel();
}

QString AccountForm::problem(QWidget **field) const
{
    const QList<Account::Problem> problems = m_account.validate();
    if (problems.isEmpty())
        return QString();
    const Account::Problem &first = problems.first();
    if (field) {
        switch (first.field) {
        case Account::Field::Host:
            *field = m_host;
            break;
        case Account::Field::Port:
            *field = m_port;
            break;
        case Account::Field::Security:
            *field = m_security;
            break;
        case Account::Field::User:
            *field = m_user;
            break;
        default:
            *field = m_manage; // the rest is in the accounts dialog
            break;
        }
    }
    return tr("Account \"%1\": %2").arg(m_account.name, first.message);
}

void AccountForm::setReadOnly(bool readOnly)
{
    m_accounts->setEnabled(!readOnly);
    m_manage->setEnabled(!readOnly);
    m_details->setEnabled(!readOnly);
}
