#include "accountdialog.h"
#include "smtp/tlstrustdecision.h"

#include "account/accountpreset.h"
#include "account/accountstore.h"
#include "account/credentialstore.h"
#include "account/serverknowledge.h"
#include "dialogprompter.h"
#include "oauthaccess.h"
#include "oauthaccountrows.h"
#include "servercheckdialog.h"
#include "smtp/sasl.h"
#include "smtp/smtpclient.h"
#include "transcriptmodel.h"
#include "transcriptview.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QStyle>
#include <QVBoxLayout>

namespace {

const char *const Best = "*"; // the authentication box's "best offered"

bool sameTimeouts(const SmtpTimeouts &a, const SmtpTimeouts &b)
{
    return a.connect == b.connect && a.greeting == b.greeting && a.command == b.command &&
           a.mail == b.mail && a.rcpt == b.rcpt && a.data == b.data && a.dataBlock == b.dataBlock &&
           a.endOfData == b.endOfData && a.tlsHandshake == b.tlsHandshake && a.quit == b.quit;
}

} // namespace

AccountDialog::AccountDialog(AccountStore *store, CredentialStore *credentials, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_credentials(credentials)
    , m_secrets(&m_ownSecrets)
    , m_submission(new Submission(credentials, m_secrets,
                                  new DialogPrompter(this, CertificateDialog::Paused::Test), this))
{
    setWindowTitle(tr("Accounts"));

    m_notice = new QLabel;
    m_notice->setObjectName(QStringLiteral("notice"));
    m_notice->setWordWrap(true);
    m_notice->setVisible(false);
    for (const QString &p : m_store->loadProblems())
        addNotice(p);
    connect(m_credentials, &CredentialStore::notice, this, &AccountDialog::addNotice);

    // Left: the accounts.
    auto *left = new QWidget;
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    m_list = new QListWidget;
    leftLayout->addWidget(m_list, 1);
    auto *listButtons = new QHBoxLayout;
    m_add = new QPushButton(tr("&Add"));
    m_remove = new QPushButton(tr("Remo&ve"));
    m_default = new QPushButton(tr("Make &Default"));
    for (QPushButton *b : {m_add, m_remove, m_default}) {
        b->setAutoDefault(false);
        listButtons->addWidget(b);
    }
    leftLayout->addLayout(listButtons);

    auto *scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setWidget(buildForm());

    auto *top = new QSplitter(Qt::Horizontal);
    top->addWidget(left);
    top->addWidget(scroll);
    top->setStretchFactor(1, 1);

    // Bottom: the probe's dialogue and its verdict.
    auto *bottom = new QWidget;
    auto *bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    auto *testRow = new QHBoxLayout;
    m_test = new QPushButton(tr("&Test Connection"));
    m_test->setAutoDefault(false);
    m_verdict = new QLabel(tr("Not tested yet."));
    m_verdict->setObjectName(QStringLiteral("verdict"));
    m_verdict->setWordWrap(true);
    m_verdict->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_check = new QPushButton(tr("Chec&k Server\u2026"));
    m_check->setObjectName(QStringLiteral("checkServerButton"));
    m_check->setAutoDefault(false);
    m_check->setToolTip(tr("What the server offers before and after TLS, its certificate, "
                           "and what could be better; sends no mail and no password"));
    testRow->addWidget(m_test);
    testRow->addWidget(m_check);
    testRow->addWidget(m_verdict, 1);
    bottomLayout->addLayout(testRow);
    m_transcript = new TranscriptModel(this);
    m_transcriptView = new TranscriptView(m_transcript);
    bottomLayout->addWidget(m_transcriptView, 1);

    auto *split = new QSplitter(Qt::Vertical);
    split->addWidget(top);
    split->addWidget(bottom);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_notice);
    layout->addWidget(split, 1);
    layout->addWidget(buttons);

    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0 && row < m_store->count())
            showAccount(m_store->at(row).id);
    });
    connect(m_add, &QPushButton::clicked, this, &AccountDialog::addAccount);
    connect(m_remove, &QPushButton::clicked, this, &AccountDialog::removeAccount);
    connect(m_default, &QPushButton::clicked, this, &AccountDialog::makeDefault);
    connect(m_test, &QPushButton::clicked, this, &AccountDialog::testConnection);
    connect(m_check, &QPushButton::clicked, this, &AccountDialog::checkServer);
    m_knowledge = new ServerKnowledgeStore(m_store->fileName(), this);
    m_knowledge->watch(m_submission);
    connect(m_credentials, &CredentialStore::readFinished, this,
            [this](const QString &id, const QString &secret, CredentialStore::Error error) {
                if (id.endsWith(QLatin1String(":oauth")))
                    return; // the OAuth rows' own
                m_hasStoredSecret.insert(id, error == CredentialStore::Error::NoError &&
                                                 !secret.isEmpty());
                if (id == m_currentId)
                    refreshPasswordNote();
            });
    connect(m_credentials, &CredentialStore::writeFinished, this,
            [this](const QString &id, CredentialStore::Error error, const QString &message) {
                if (id.endsWith(QLatin1String(":oauth")))
                    return; // the OAuth rows say their own
                if (error == CredentialStore::Error::NoError)
                    m_hasStoredSecret.insert(id, true);
                else
                    addNotice(tr("The password could not be stored: %1").arg(message));
                if (id == m_currentId)
                    refreshPasswordNote();
            });
    connect(m_store, &AccountStore::saveFailed, this, &AccountDialog::addNotice);
    m_submission->setAccountStore(m_store);
    connect(m_submission, &Submission::transcriptEntry, m_transcript, &TranscriptModel::append);
    connect(m_submission, &Submission::finished, this, &AccountDialog::onTestFinished);
    connect(m_submission, &Submission::certificatePinned, this,
            [this](const QString &id, const QByteArray &pin) {
                if (id != m_currentId)
                    return;
                const std::optional<Account> stored = m_store->account(id);
                addPinItem(pin, stored ? stored->pinLabels.value(pin) : QString());
                showProblems(formAccount());
            });

    reloadList();
    selectAccount(m_store->defaultId());

    // The form is what people come here for: it gets its whole width and as much of its
    // height as the screen allows; the transcript (which scrolls) the rest; the list needs
    // little. Left to the splitters' defaults, the form sat in a small box with scroll bars.
    const QSize form = scroll->widget()->sizeHint();
    const int listWidth = qMax(left->minimumSizeHint().width(), m_list->sizeHintForColumn(0) + 40);
    const int scrollBar = style()->pixelMetric(QStyle::PM_ScrollBarExtent);
    const int transcriptHeight = 260;
    const QRect area = screen()->availableGeometry();
    const QSize wanted(listWidth + form.width() + scrollBar + 60,
                       form.height() + transcriptHeight + 120);
    // At least 900x600 where the screen has room, never more than 90% of it.
    const QSize most = area.size() * 9 / 10;
    resize(qBound(qMin(900, most.width()), wanted.width(), most.width()),
           qBound(qMin(600, most.height()), wanted.height(), most.height()));
    top->setSizes({listWidth, width() - listWidth});
    split->setSizes({qMax(height() - transcriptHeight - 80, height() / 2), transcriptHeight});
}

AccountDialog::~AccountDialog()
{
    // A test still running ends here, before the widgets it reports to are gone.
    delete m_submission;
}

QWidget *AccountDialog::buildForm()
{
    auto *page = new QWidget;
    auto *form = new QFormLayout(page);

    m_preset = new QComboBox;
    m_preset->addItem(tr("Fill in from a provider\u2026"));
    for (const AccountPreset &p : AccountPreset::all())
        m_preset->addItem(p.label, p.key);
    form->addRow(tr("Preset:"), m_preset);
    m_presetNote = new QLabel;
    m_presetNote->setWordWrap(true);
    m_presetNote->setVisible(false);
    form->addRow(QString(), m_presetNote);

    m_name = new QLineEdit;
    m_displayName = new QLineEdit;
    m_address = new QLineEdit;
    m_address->setPlaceholderText(QStringLiteral("ana@example.org"));
    m_kind = new QComboBox;
    for (const auto kind : {Account::Kind::Submission, Account::Kind::DirectMx})
        m_kind->addItem(Account::kindLabel(kind), int(kind));
    m_kind->setToolTip(tr("Direct: the message goes to each recipient domain's own mail server "
                          "(its MX records) on port 25, as a mail server sends it: no login, "
                          "STARTTLS when offered. Many networks block outgoing port 25."));
    m_dnsServer = new QLineEdit;
    m_dnsServer->setPlaceholderText(tr("the system's resolver"));
    m_dnsServer->setToolTip(tr("An IP address: ask this DNS server for the MX records instead "
                               "of the system's resolver (split-horizon DNS, tests)"));
    m_host = new QLineEdit;
    m_host->setPlaceholderText(QStringLiteral("smtp.example.org"));
    m_port = new QLineEdit;
    m_security = new QComboBox;
    using S = SmtpSettings::Security;
    for (S s : {S::StartTls, S::ImplicitTls, S::StartTlsIfOffered, S::None})
        m_security->addItem(Account::securityLabel(s), int(s));
    m_auth = new QComboBox;
    m_auth->addItem(tr("None"), QByteArray());
    m_auth->addItem(tr("Best offered by the server"), QByteArray(Best));
    for (const QByteArray &m : SaslMechanism::supported())
        m_auth->addItem(QString::fromLatin1(m), m);
    m_user = new QLineEdit;
    m_password = new QLineEdit;
    m_password->setEchoMode(QLineEdit::Password);
    m_passwordNote = new QLabel;
    m_passwordNote->setWordWrap(true);
    m_identities = new QLineEdit;
    m_identities->setPlaceholderText(tr("e.g. Ana Lima <sales@example.org>, ana@alias.example"));
    m_identities->setToolTip(tr("Other addresses this server lets the account send as: chosen "
                                "in the From field, and used to answer mail sent to them"));
    m_signature = new QPlainTextEdit;
    m_signature->setTabChangesFocus(true);
    m_signature->setMaximumHeight(5 * m_signature->fontMetrics().lineSpacing());
    m_signature->setAccessibleName(tr("Signature"));
    m_signature->setToolTip(tr("Put below the text of each message after a \"-- \" line, and "
                               "replaced when another account is chosen"));
    m_helo = new QLineEdit;
    m_helo->setPlaceholderText(tr("this computer's name"));
    m_timeout = new QSpinBox;
    m_timeout->setRange(0, 3600);
    m_timeout->setSuffix(tr(" s"));
    m_timeout->setSpecialValueText(tr("RFC 5321 defaults (up to 10 minutes per step)"));
    m_plaintext = new QCheckBox(tr("Allow the password over an unencrypted connection "
                                   "(anyone in between can read it)"));
    m_richText = new QCheckBox(tr("Start new messages with formatting (HTML with a plain-text "
                                  "part); otherwise plain text"));
    m_richText->setObjectName(QStringLiteral("richTextBox"));
    m_caFile = new QLineEdit;
    m_caFile->setPlaceholderText(tr("only the system's certificate authorities"));
    auto *browse = new QPushButton(tr("&Browse\u2026"));
    browse->setAutoDefault(false);
    auto *caRow = new QWidget;
    auto *caLayout = new QHBoxLayout(caRow);
    caLayout->setContentsMargins(0, 0, 0, 0);
    caLayout->addWidget(m_caFile, 1);
    caLayout->addWidget(browse);
    m_pins = new QListWidget;
    m_pins->setMaximumHeight(80);
    m_removePin = new QPushButton(tr("Stop Trusting"));
    m_removePin->setAutoDefault(false);
    auto *pinRow = new QWidget;
    auto *pinLayout = new QHBoxLayout(pinRow);
    pinLayout->setContentsMargins(0, 0, 0, 0);
    pinLayout->addWidget(m_pins, 1);
    pinLayout->addWidget(m_removePin, 0, Qt::AlignTop);

    using F = Account::Field;
    addRow(form, tr("&Name:"), m_name, F::Name);
    addRow(form, tr("Your na&me:"), m_displayName, F::DisplayName);
    addRow(form, tr("Add&ress:"), m_address, F::Address);
    addRow(form, tr("Other From addresses:"), m_identities, F::Identities);
    form->addRow(tr("Signature:"), m_signature);
    form->addRow(tr("Sends:"), m_kind);
    addRow(form, tr("DNS server:"), m_dnsServer, F::DnsServer);
    addRow(form, tr("&Host:"), m_host, F::Host);
    addRow(form, tr("&Port:"), m_port, F::Port);
    addRow(form, tr("&Security:"), m_security, F::Security);
    addRow(form, tr("Authenticati&on:"), m_auth, F::Authentication);
    addRow(form, tr("&User name:"), m_user, F::User);
    form->addRow(tr("Pass&word:"), m_password);
    form->addRow(QString(), m_passwordNote);
    m_oauth = new OAuthAccountRows(m_credentials, form, this);
    m_oauth->setAccountSource([this] { return formAccount(); });
    connect(m_oauth, &OAuthAccountRows::edited, this, &AccountDialog::onEdited);
    addRow(form, tr("&EHLO name:"), m_helo, F::HeloName);
    addRow(form, tr("T&imeout:"), m_timeout, F::Timeouts);
    form->addRow(QString(), m_plaintext);
    form->addRow(tr("New messages:"), m_richText);
    addRow(form, tr("CA certi&ficates:"), caRow, F::CaFile);
    // The row is a line edit with its Browse button: the mnemonic goes to the line edit.
    static_cast<QLabel *>(form->labelForField(caRow))->setBuddy(m_caFile);
    addRow(form, tr("Trusted certificates:"), pinRow, F::PinnedFingerprints);

    for (QLineEdit *e : {m_name, m_displayName, m_address, m_host, m_user, m_helo, m_caFile,
                         m_dnsServer, m_identities})
        connect(e, &QLineEdit::textEdited, this, &AccountDialog::onEdited);
    connect(m_signature, &QPlainTextEdit::textChanged, this, [this] {
        if (m_signature->hasFocus())
            onEdited();
    });
    connect(m_kind, &QComboBox::activated, this, [this] {
        // Port 25 is direct delivery's; a submission port left from before would not answer.
        const bool mx = Account::Kind(m_kind->currentData().toInt()) == Account::Kind::DirectMx;
        if (mx && m_port->text().trimmed() != QLatin1String("25"))
            m_port->setText(QStringLiteral("25"));
        else if (!mx && m_port->text().trimmed() == QLatin1String("25"))
            m_port->setText(QStringLiteral("587"));
        if (mx)
            m_auth->setCurrentIndex(0); // a recipient's server takes mail without a login
        applyKind();
        onEdited();
    });
    connect(m_port, &QLineEdit::textEdited, this, &AccountDialog::onPortEdited);
    connect(m_security, &QComboBox::activated, this, &AccountDialog::onEdited);
    connect(m_auth, &QComboBox::activated, this, &AccountDialog::onEdited);
    connect(m_auth, &QComboBox::activated, this, [this] {
        m_oauth->setVisible(formAccount().usesOAuth());
        refreshPasswordNote();
    });
    connect(m_timeout, &QSpinBox::valueChanged, this, &AccountDialog::onEdited);
    connect(m_plaintext, &QCheckBox::toggled, this, &AccountDialog::onEdited);
    connect(m_richText, &QCheckBox::toggled, this, &AccountDialog::onEdited);
    connect(m_preset, &QComboBox::activated, this, &AccountDialog::onPresetChosen);
    // What decides whether a test passes: once it changes, the last verdict is about
    // something else.
    for (QLineEdit *e : {m_host, m_port, m_user, m_password, m_helo, m_caFile})
        connect(e, &QLineEdit::textEdited, this, &AccountDialog::forgetVerdict);
    connect(m_security, &QComboBox::activated, this, &AccountDialog::forgetVerdict);
    connect(m_auth, &QComboBox::activated, this, &AccountDialog::forgetVerdict);
    connect(m_timeout, &QSpinBox::valueChanged, this, [this] {
        if (!m_loading)
            forgetVerdict();
    });
    connect(m_plaintext, &QCheckBox::toggled, this, [this] {
        if (!m_loading)
            forgetVerdict();
    });
    connect(m_password, &QLineEdit::editingFinished, this, &AccountDialog::storeTypedPassword);
    connect(m_removePin, &QPushButton::clicked, this, &AccountDialog::removePin);
    connect(browse, &QPushButton::clicked, this, &AccountDialog::browseCaFile);
    return page;
}

void AccountDialog::addRow(QFormLayout *form, const QString &label, QWidget *field,
                           Account::Field which)
{
    form->addRow(label, field);
    auto *problem = new QLabel;
    problem->setObjectName(QStringLiteral("problem-%1").arg(int(which)));
    problem->setWordWrap(true);
    problem->setStyleSheet(QStringLiteral("color: #b00020"));
    problem->setVisible(false);
    form->addRow(QString(), problem);
    m_problemLabels.insert(int(which), problem);
}

void AccountDialog::reloadList()
{
    m_loading = true;
    m_list->clear();
    for (const Account &a : m_store->accounts()) {
        m_list->addItem(a.id == m_store->defaultId() ? tr("%1 (default)").arg(a.name) : a.name);
    }
    const int row = m_store->indexOf(m_currentId);
    m_list->setCurrentRow(row);
    m_loading = false;
    m_remove->setEnabled(m_store->count() > 1);
}

void AccountDialog::selectAccount(const QString &id)
{
    const int row = m_store->indexOf(id);
    if (row < 0)
        return;
    showAccount(id);
    m_loading = true;
    m_list->setCurrentRow(row);
    m_loading = false;
}

void AccountDialog::showAccount(const QString &id)
{
    if (m_loading)
        return;
    const auto account = m_store->account(id);
    if (!account)
        return;
    const Account &a = *account;
    m_currentId = id;
    m_loading = true;
    m_name->setText(a.name);
    m_displayName->setText(a.displayName);
    m_address->setText(a.address);
    m_kind->setCurrentIndex(m_kind->findData(int(a.kind)));
    m_dnsServer->setText(a.dnsServer);
    m_host->setText(a.host);
    m_port->setText(QString::number(a.port));
    m_security->setCurrentIndex(m_security->findData(int(a.security)));
    m_auth->setCurrentIndex(
        !a.authenticate
            ? 0
            : qMax(1, m_auth->findData(a.authMechanism.isEmpty() ? QByteArray(Best)
                                                                 : a.authMechanism.toUpper())));
    m_user->setText(a.user);
    m_password->clear();
    m_helo->setText(a.heloName);
    m_identities->setText(a.identities.join(QStringLiteral(", ")));
    m_signature->setPlainText(a.signature);
    m_timeout->setValue(sameTimeouts(a.timeouts, SmtpTimeouts()) ? 0 : a.timeouts.command / 1000);
    m_plaintext->setChecked(a.allowPlaintextAuth);
    m_richText->setChecked(a.richText);
    m_caFile->setText(a.caFile);
    m_pins->clear();
    for (const QByteArray &p : a.pinnedFingerprints)
        addPinItem(p, a.pinLabels.value(p));
    m_preset->setCurrentIndex(0);
    m_presetNote->setVisible(false);
    m_oauth->show(a);
    applyKind();
    m_loading = false;
    m_default->setEnabled(id != m_store->defaultId());
    forgetVerdict();
    showProblems(a);
    refreshPasswordNote();
    if (!m_hasStoredSecret.contains(id))
        m_credentials->read(id); // only to say whether one is stored
}

Account AccountDialog::formAccount() const
{
    Account a = m_store->account(m_currentId).value_or(Account());
    a.name = m_name->text().trimmed();
    a.displayName = m_displayName->text();
    a.address = m_address->text().trimmed();
    a.kind = Account::Kind(m_kind->currentData().toInt());
    a.dnsServer = m_dnsServer->text().trimmed();
    a.host = m_host->text().trimmed();
    bool ok = false;
    const int port = m_port->text().trimmed().toInt(&ok);
    a.port = ok ? port : -1;
    a.security = SmtpSettings::Security(m_security->currentData().toInt());
    const QByteArray auth = m_auth->currentData().toByteArray();
    a.authenticate = !auth.isEmpty();
    a.authMechanism = auth == Best ? QByteArray() : auth;
    a.user = m_user->text();
    a.heloName = m_helo->text().trimmed();
    a.identities.clear();
    const QString identities = m_identities->text().trimmed();
    for (const MailboxParseResult &r : Mailbox::parseList(identities))
        a.identities.append(identities.mid(r.start, r.length).trimmed());
    a.signature = m_signature->toPlainText();
    const SmtpTimeouts stored = a.timeouts;
    if (m_timeout->value() == 0)
        a.timeouts = SmtpTimeouts();
    else if (m_timeout->value() * 1000 != stored.command || sameTimeouts(stored, SmtpTimeouts()))
        a.timeouts = SmtpTimeouts::uniform(m_timeout->value() * 1000);
    a.allowPlaintextAuth = m_plaintext->isChecked();
    a.richText = m_richText->isChecked();
    a.caFile = m_caFile->text().trimmed();
    m_oauth->applyTo(a);
    a.pinnedFingerprints.clear();
    a.pinLabels.clear();
    for (int i = 0; i < m_pins->count(); ++i)
        a.pin(m_pins->item(i)->data(Qt::UserRole).toByteArray(),
              m_pins->item(i)->data(Qt::UserRole + 1).toString());
    return a;
}

// A trusted certificate reads as what it was ("mail.example.org, RSA 2048 bits, valid until
// ...") with its fingerprint; the pin itself rides along in the item's data.
void AccountDialog::addPinItem(const QByteArray &pin, const QString &label)
{
    const QString fingerprint = TlsTrustDecision::fingerprintText(pin);
    auto *item = new QListWidgetItem(
        label.isEmpty() ? fingerprint : tr("%1 \u2014 SHA-256 %2").arg(label, fingerprint), m_pins);
    item->setToolTip(tr("SHA-256 %1").arg(fingerprint));
    item->setData(Qt::UserRole, pin);
    item->setData(Qt::UserRole + 1, label);
}

void AccountDialog::showProblems(const Account &account)
{
    QList<Account::Problem> problems = account.validate();
    if (m_port->text().trimmed().toInt() == 0 && m_port->text().trimmed() != QLatin1String("0")) {
        // Not a number at all: say that rather than "-1 is outside".
        for (Account::Problem &p : problems) {
            if (p.field == Account::Field::Port)
                p.message = m_port->text().trimmed().isEmpty()
                                ? tr("Port: give the server's port, e.g. 587")
                                : tr("Port: \"%1\" is not a number").arg(m_port->text());
        }
    }
    const int other = m_store->indexOfName(account.name);
    if (other >= 0 && m_store->at(other).id != account.id)
        problems.append({Account::Field::Name,
                         tr("Name: another account is already called \"%1\"").arg(account.name)});
    for (auto it = m_problemLabels.begin(); it != m_problemLabels.end(); ++it) {
        QStringList messages;
        for (const Account::Problem &p : std::as_const(problems)) {
            if (int(p.field) == it.key())
                messages << p.message;
        }
        it.value()->setText(messages.join(QLatin1Char('\n')));
        it.value()->setVisible(!messages.isEmpty());
    }
}

QString AccountDialog::shownProblem(Account::Field field) const
{
    QLabel *l = m_problemLabels.value(int(field));
    return l && !l->isHidden() ? l->text() : QString();
}

void AccountDialog::onEdited()
{
    if (m_loading || m_currentId.isEmpty())
        return;
    const Account a = formAccount();
    showProblems(a);
    bool clean = true;
    for (QLabel *l : std::as_const(m_problemLabels))
        clean = clean && l->isHidden();
    // An account that cannot be used is not saved: the form says why, the store keeps the
    // last good version.
    if (clean) {
        m_store->update(a);
        const int row = m_store->indexOf(a.id);
        if (QListWidgetItem *item = m_list->item(row))
            item->setText(a.id == m_store->defaultId() ? tr("%1 (default)").arg(a.name) : a.name);
        refreshPasswordNote(); // pointed elsewhere, the window may no longer hold its secret
    }
}

void AccountDialog::applyKind()
{
    const bool mx = Account::Kind(m_kind->currentData().toInt()) == Account::Kind::DirectMx;
    for (QWidget *w : std::initializer_list<QWidget *>{m_host, m_security, m_auth, m_user,
                                                       m_password, m_plaintext})
        w->setEnabled(!mx);
    m_dnsServer->setEnabled(mx);
    m_oauth->setVisible(formAccount().usesOAuth());
    m_port->setToolTip(mx ? tr("25, where mail servers take mail; another port only for test "
                               "setups")
                          : QString());
}

void AccountDialog::onPortEdited()
{
    bool ok = false;
    const int port = m_port->text().trimmed().toInt(&ok);
    if (ok) {
        if (const auto suggested = Account::suggestedSecurity(port)) {
            const auto current = SmtpSettings::Security(m_security->currentData().toInt());
            // Only between the two secure choices: never downgrade what someone picked.
            if (current != *suggested && current != SmtpSettings::Security::None &&
                current != SmtpSettings::Security::StartTlsIfOffered)
                m_security->setCurrentIndex(m_security->findData(int(*suggested)));
        }
    }
    onEdited();
}

void AccountDialog::onPresetChosen(int index)
{
    const auto preset = AccountPreset::find(m_preset->itemData(index).toString());
    if (!preset)
        return;
    Account a = formAccount();
    preset->applyTo(a);
    m_loading = true;
    m_host->setText(a.host);
    m_port->setText(QString::number(a.port));
    m_security->setCurrentIndex(m_security->findData(int(a.security)));
    m_auth->setCurrentIndex(!a.authenticate             ? 0
                            : a.authMechanism.isEmpty() ? 1
                                                        : m_auth->findData(a.authMechanism));
    m_oauth->show(a);
    m_loading = false;
    m_presetNote->setText(preset->note);
    m_presetNote->setVisible(!preset->note.isEmpty());
    onEdited();
    forgetVerdict();
}

void AccountDialog::addAccount()
{
    Account a = AccountStore::blankAccount();
    a.name = m_store->uniqueName(tr("New account"));
    const QString id = m_store->add(a);
    m_currentId = id;
    reloadList();
    selectAccount(id);
    m_name->setFocus();
    m_name->selectAll();
}

void AccountDialog::removeAccount()
{
    const std::optional<Account> account = m_store->account(m_currentId);
    if (m_store->count() < 2 || !account)
        return;
    // No undo: the account and its password go for good, so the person confirms, knowing which.
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Remove Account"),
                                tr("Remove the account \"%1\"?").arg(account->name),
                                QMessageBox::NoButton, this);
    box->setInformativeText(
        tr("Its settings and the password or OAuth 2 sign-in stored for it in the keychain "
           "are deleted. This cannot be undone."));
    box->setObjectName(QStringLiteral("removeQuestion"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *remove = box->addButton(tr("&Remove"), QMessageBox::DestructiveRole);
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(QMessageBox::Cancel);
    const QString id = account->id;
    connect(box, &QMessageBox::finished, this, [this, box, remove, id] {
        if (box->clickedButton() == remove)
            removeAccountNow(id);
    });
    box->open();
}

void AccountDialog::removeAccountNow(const QString &id)
{
    if (m_store->count() < 2 || m_store->indexOf(id) < 0)
        return;
    m_store->remove(id);
    m_credentials->remove(id);
    m_oauth->forget(id);
    m_hasStoredSecret.remove(id);
    m_currentId = m_store->defaultId();
    reloadList();
    selectAccount(m_currentId);
}

void AccountDialog::makeDefault()
{
    m_store->setDefault(m_currentId);
    reloadList();
    m_default->setEnabled(false);
}

void AccountDialog::removePin()
{
    delete m_pins->currentItem();
    onEdited();
    forgetVerdict();
}

void AccountDialog::browseCaFile()
{
    auto *dialog = new QFileDialog(this, tr("CA certificates"), QString(),
                                   tr("PEM certificates (*.pem *.crt);;All files (*)"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &file) {
        m_caFile->setText(file);
        onEdited();
    });
    dialog->open();
}

void AccountDialog::addNotice(const QString &text)
{
    const QString shown = m_notice->text();
    if (shown.contains(text))
        return;
    m_notice->setText(shown.isEmpty() ? text : shown + QLatin1Char('\n') + text);
    m_notice->setVisible(true);
}

void AccountDialog::setSessionSecrets(SessionSecrets *secrets)
{
    m_secrets = secrets;
    m_submission->setSessionSecrets(secrets);
    refreshPasswordNote();
}

void AccountDialog::setSecretProvider(SessionSecrets::Provider provider)
{
    m_secrets->setProvider(std::move(provider));
    refreshPasswordNote();
}

QString AccountDialog::providedSecret(const QString &id) const
{
    return m_secrets->provided(id);
}

void AccountDialog::refreshPasswordNote()
{
    // A password typed for such an account would be stored and never used.
    const bool provided = !providedSecret(m_currentId).isEmpty();
    if (formAccount().usesOAuth()) {
        m_password->setEnabled(false);
        m_password->setPlaceholderText(tr("none: OAuth 2"));
        m_passwordNote->setText(tr("No password: the access token comes from the OAuth 2 "
                                   "sign-in below."));
        return;
    }
    m_password->setEnabled(!provided);
    if (provided) {
        m_password->setPlaceholderText(tr("given by Postwire"));
        m_passwordNote->setText(
            tr("Postwire gives this account its password when it connects; none is stored."));
        return;
    }
    const bool stored = m_hasStoredSecret.value(m_currentId, false);
    m_password->setPlaceholderText(stored ? tr("stored; type to replace it") : QString());
    m_passwordNote->setText(
        stored
            ? tr("A password is stored in %1.").arg(m_credentials->location())
            : tr("No password stored; typed here it goes into %1.").arg(m_credentials->location()));
}

void AccountDialog::setVerdict(const QString &text)
{
    m_verdict->setText(text);
    m_verdictShown = true;
}

void AccountDialog::forgetVerdict()
{
    // A running test keeps its "Testing host…" line and its section; its verdict names the
    // account when it arrives.
    if (m_loading || isTesting())
        return;
    if (m_verdictShown) {
        m_verdict->setText(tr("Not tested yet."));
        m_verdictShown = false;
    }
}

void AccountDialog::storeTypedPassword()
{
    const QString secret = m_password->text();
    if (secret.isEmpty() || m_currentId.isEmpty() || !providedSecret(m_currentId).isEmpty())
        return;
    m_credentials->write(m_currentId, secret);
    // Typed this session: it is the one to use now, before whatever the store had.
    m_secrets->remember(m_currentId, secret);
    m_password->clear();
}

bool AccountDialog::isTesting() const
{
    return m_submission->isBusy() || m_oauthTest;
}

void AccountDialog::testConnection()
{
    if (m_oauthTest) {
        m_oauth->access()->cancel(); // failed(Cancelled) ends the wait
        return;
    }
    if (isTesting()) {
        m_submission->cancel();
        return;
    }
    storeTypedPassword();
    const Account a = formAccount();
    if (refuseUntestable(a))
        return;
    // A section only for what is actually tried: the dialogue above stays headed by what it
    // tested, and edits without a test add nothing.
    m_transcript->beginSection(a.serverLabel(), a.name);
    setVerdict(tr("Testing %1\u2026").arg(a.serverLabel()));
    m_test->setText(tr("S&top Test"));
    if (a.usesOAuth())
        probeWithOAuth(a);
    else
        probe(a);
}

void AccountDialog::probe(const Account &account)
{
    QString problem;
    if (m_submission->probe(account, &problem) != Submission::Start::Started) {
        setVerdict(tr("\u2718 Cannot test: %1").arg(problem));
        m_test->setText(tr("&Test Connection"));
    }
}

void AccountDialog::probeWithOAuth(const Account &account)
{
    // As a send does: a fresh access token first (renewed, or from a sign-in).
    auto *waiting = new QObject(this);
    m_oauthTest = waiting;
    OAuthAccess *access = m_oauth->access();
    connect(access, &OAuthAccess::ready, waiting, [this, waiting, account](const QString &token) {
        waiting->deleteLater();
        m_oauthTest.clear();
        m_secrets->remember(account.id, token);
        probe(account);
    });
    connect(access, &OAuthAccess::failed, waiting,
            [this, waiting](OAuthSession::Error error, const QString &message) {
                waiting->deleteLater();
                setVerdict(
                    tr("\u2718 Cannot test: %1: %2").arg(OAuthSession::errorLabel(error), message));
                m_test->setText(tr("&Test Connection"));
            });
    access->fresh(account);
}

bool AccountDialog::refuseUntestable(const Account &account)
{
    showProblems(account);
    for (QLabel *l : std::as_const(m_problemLabels)) {
        if (!l->isHidden()) {
            setVerdict(tr("\u2718 Cannot test: %1").arg(l->text()));
            return true;
        }
    }
    return false;
}

void AccountDialog::checkServer()
{
    const Account a = formAccount();
    if (refuseUntestable(a))
        return;
    QString caProblem;
    const SmtpSettings settings = a.toSmtpSettings(QString(), &caProblem);
    if (!caProblem.isEmpty()) {
        setVerdict(tr("\u2718 Cannot check: %1").arg(caProblem));
        return;
    }
    auto *dialog =
        ServerCheckDialog::open(this, settings, tr("%1 (%2)").arg(a.name, a.serverLabel()),
                                [this, settings, name = a.name](ServerCheck *check) {
                                    Q_EMIT serverCheckStarting(check, settings, name);
                                });
    const QString id = a.id;
    const QString server = a.serverLabel();
    connect(dialog, &ServerCheckDialog::finished, m_knowledge,
            [knowledge = m_knowledge, id, server](const ServerReport &report) {
                if (report.ehloAnswered)
                    knowledge->learn(
                        id, ServerKnowledge::from(report.effective(), server, report.tlsActive));
            });
}

void AccountDialog::onTestFinished(const SendResult &result)
{
    m_test->setText(tr("&Test Connection"));
    QString verdict = result.outcome == SendResult::Outcome::Success
                          ? tr("\u2714 %1").arg(result.message)
                          : tr("\u2718 The account does not work: %1").arg(result.message);
    // Another account may be shown by now: say which one this is about.
    const Account &tested = m_submission->account();
    if (tested.id != m_currentId)
        verdict = tr("%1: %2").arg(tested.name, verdict);
    setVerdict(verdict);
    Q_EMIT testFinished(result);
}
