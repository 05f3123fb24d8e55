#include "sandboxbehaviourpanel.h"
#include "smtp/tlstrustdecision.h"

#include "formrow.h"

#include "sandbox/sandboxserver.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCryptographicHash>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

SandboxBehaviourPanel::SandboxBehaviourPanel(SandboxServer *server, QWidget *parent)
    : QWidget(parent)
    , m_server(server)
{
    setAccessibleName(tr("Sandbox server and behaviours"));

    auto *serverBox = new QGroupBox(tr("Sandbox server"));
    auto *serverForm = new QFormLayout(serverBox);
    m_address = new QLabel;
    m_address->setObjectName(QStringLiteral("sandboxAddress"));
    m_address->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_address->setAccessibleName(tr("Sandbox address"));
    m_user = new QLineEdit;
    m_user->setReadOnly(true);
    m_user->setObjectName(QStringLiteral("sandboxUser"));
    m_user->setAccessibleName(tr("Sandbox user name"));
    m_password = new QLineEdit;
    m_password->setReadOnly(true);
    m_password->setObjectName(QStringLiteral("sandboxPassword"));
    m_password->setAccessibleName(tr("Sandbox password"));
    m_tls = new QLabel;
    m_tls->setObjectName(QStringLiteral("sandboxTls"));
    m_tls->setWordWrap(true);
    m_tls->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_tls->setAccessibleName(tr("Sandbox TLS certificate"));
    serverForm->addRow(tr("Address:"), m_address);
    serverForm->addRow(tr("User:"), m_user);
    serverForm->addRow(tr("Pass&word:"), m_password);
    serverForm->addRow(tr("STARTTLS:"), m_tls);

    auto *extBox = new QGroupBox(tr("Extensions advertised in EHLO"));
    extBox->setAccessibleName(tr("Extensions advertised"));
    auto *extGrid = new QGridLayout(extBox);
    int i = 0;
    for (const QString &keyword : SandboxBehaviour::allExtensions()) {
        auto *check = new QCheckBox(keyword);
        check->setObjectName(QStringLiteral("ext_") + keyword);
        check->setAccessibleName(tr("Advertise %1").arg(keyword));
        check->setToolTip(tr("Unchecked: not advertised, and its commands or parameters are "
                             "refused."));
        m_extensions.insert(keyword, check);
        extGrid->addWidget(check, i / 3, i % 3);
        ++i;
        connect(check, &QCheckBox::toggled, this, &SandboxBehaviourPanel::apply);
    }

    auto *faultBox = new QGroupBox(tr("Behaviour for the next sessions"));
    auto *form = new QFormLayout(faultBox);
    auto named = [](QWidget *w, const QString &objectName, const QString &accessible) {
        w->setObjectName(objectName);
        w->setAccessibleName(accessible);
        return w;
    };
    m_requireAuth = new QCheckBox(tr("Require AUTH before MAIL (530 5.7.0)"));
    named(m_requireAuth, QStringLiteral("requireAuth"), tr("Require AUTH"));
    m_requireStartTls = new QCheckBox(tr("Require STARTTLS before AUTH and MAIL (530 5.7.0)"));
    named(m_requireStartTls, QStringLiteral("requireStartTls"), tr("Require STARTTLS"));
    m_reject = new QLineEdit;
    m_reject->setPlaceholderText(tr("regular expression, e.g. ^nobody@"));
    named(m_reject, QStringLiteral("rejectRecipients"), tr("Reject recipients matching"));
    m_defer = new QLineEdit;
    m_defer->setPlaceholderText(tr("regular expression, e.g. @busy\\.example$"));
    named(m_defer, QStringLiteral("deferRecipients"), tr("Defer recipients matching"));
    m_deferCode = new QComboBox;
    m_deferCode->addItem(tr("451 4.3.0 local problem"), 451);
    m_deferCode->addItem(tr("450 4.2.1 mailbox busy"), 450);
    named(m_deferCode, QStringLiteral("deferCode"), tr("Reply code for deferred recipients"));
    auto *deferRow = new QHBoxLayout;
    deferRow->addWidget(m_defer, 1);
    deferRow->addWidget(m_deferCode);
    m_rejectData = new QCheckBox(tr("Reject every message after its data (554 5.6.0)"));
    named(m_rejectData, QStringLiteral("rejectData"), tr("Reject after data"));
    m_delay = new QSpinBox;
    m_delay->setRange(0, 600000);
    m_delay->setSingleStep(100);
    m_delay->setSuffix(tr(" ms"));
    named(m_delay, QStringLiteral("delay"), tr("Delay before every reply"));
    m_closeAfter = new QComboBox;
    m_closeAfter->addItem(tr("Never"), QString());
    for (const QString &command : SandboxBehaviour::closableCommands())
        m_closeAfter->addItem(
            command == QLatin1String("DOT") ? tr("the final \".\" of DATA") : command, command);
    named(m_closeAfter, QStringLiteral("closeAfter"), tr("Drop the connection when this arrives"));
    m_greeting421 = new QCheckBox(tr("Greet with 421 and close"));
    named(m_greeting421, QStringLiteral("greeting421"), tr("Greet with 421"));
    m_lenientEndOfData =
        new QCheckBox(tr("End the data at bare line endings too (SMTP smuggling)"));
    m_lenientEndOfData->setToolTip(
        tr("Also take <LF>.<LF>, <CR>.<CR>, <LF>.<CR><LF> and the like as the end of the "
           "message, as servers open to SMTP smuggling did (CVE-2023-51764, -51765, -51766). "
           "Off, only <CR><LF>.<CR><LF> ends it. Try it with the console's \\n and \\r "
           "escapes."));
    named(m_lenientEndOfData, QStringLiteral("lenientEndOfData"),
          tr("End the data at bare line endings"));
    m_sizeLimit = new QSpinBox;
    m_sizeLimit->setRange(0, 2'000'000);
    m_sizeLimit->setSuffix(tr(" KiB"));
    m_sizeLimit->setSpecialValueText(tr("no limit"));
    named(m_sizeLimit, QStringLiteral("sizeLimit"), tr("SIZE limit"));
    m_maxRecipients = new QSpinBox;
    m_maxRecipients->setRange(1, SandboxBehaviour::MaxRecipientsLimit);
    m_maxRecipients->setToolTip(
        tr("One recipient more gets 452 4.5.3 \"Too many recipients\". 100 is the least RFC "
           "5321 allows a server; set it low to see how a client sends the rest."));
    named(m_maxRecipients, QStringLiteral("maxRecipients"), tr("Recipients per message"));
    form->addRow(m_requireAuth);
    form->addRow(m_requireStartTls);
    form->addRow(tr("Reject recipients (550 5.1.1):"), m_reject);
    addRowWithBuddy(form, tr("Defer recipients:"), deferRow, m_defer);
    form->addRow(m_rejectData);
    form->addRow(tr("&Delay every reply:"), m_delay);
    form->addRow(tr("Drop the connection on:"), m_closeAfter);
    form->addRow(m_greeting421);
    form->addRow(m_lenientEndOfData);
    form->addRow(tr("SI&ZE limit:"), m_sizeLimit);
    form->addRow(tr("Recipients per message:"), m_maxRecipients);

    m_problem = new QLabel;
    m_problem->setObjectName(QStringLiteral("behaviourProblem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #b00020"));
    m_problem->setAccessibleName(tr("Behaviour problem"));
    auto *note = new QLabel(tr("Changes apply to sessions that start after them."));
    auto *reset = new QPushButton(tr("Reset to sta&ndard behaviour"));
    reset->setAccessibleName(tr("Reset the behaviour"));
    connect(reset, &QPushButton::clicked, this, &SandboxBehaviourPanel::resetBehaviour);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(serverBox);
    layout->addWidget(extBox);
    layout->addWidget(faultBox);
    layout->addWidget(m_problem);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(note, 1);
    bottom->addWidget(reset);
    layout->addLayout(bottom);
    layout->addStretch(1);

    for (QCheckBox *c :
         {m_requireAuth, m_requireStartTls, m_rejectData, m_greeting421, m_lenientEndOfData})
        connect(c, &QCheckBox::toggled, this, &SandboxBehaviourPanel::apply);
    for (QLineEdit *e : {m_reject, m_defer})
        connect(e, &QLineEdit::textChanged, this, &SandboxBehaviourPanel::apply);
    for (QComboBox *c : {m_deferCode, m_closeAfter})
        connect(c, &QComboBox::currentIndexChanged, this, &SandboxBehaviourPanel::apply);
    for (QSpinBox *s : {m_delay, m_sizeLimit, m_maxRecipients})
        connect(s, &QSpinBox::valueChanged, this, &SandboxBehaviourPanel::apply);

    connect(m_server, &SandboxServer::behaviourChanged, this,
            &SandboxBehaviourPanel::showBehaviour);
    connect(m_server, &SandboxServer::started, this, &SandboxBehaviourPanel::updateServerInfo);
    connect(m_server, &SandboxServer::stopped, this, &SandboxBehaviourPanel::updateServerInfo);
    connect(m_server, &SandboxServer::failed, this,
            [this](const QString &error) { m_address->setText(tr("not running: %1").arg(error)); });
    connect(m_server, &SandboxServer::credentialsChanged, this,
            &SandboxBehaviourPanel::updateServerInfo);
    connect(m_server, &SandboxServer::tlsChanged, this, &SandboxBehaviourPanel::updateServerInfo);
    connect(m_server, &SandboxServer::notice, this, &SandboxBehaviourPanel::updateServerInfo);
    showBehaviour(m_server->behaviour());
    updateServerInfo();
}

void SandboxBehaviourPanel::updateServerInfo()
{
    if (m_server->isListening()) {
        const QHostAddress a = m_server->address();
        const QString host = a.protocol() == QAbstractSocket::IPv6Protocol
                                 ? QStringLiteral("[%1]").arg(a.toString())
                                 : a.toString();
        m_address->setText(QStringLiteral("%1:%2").arg(host).arg(m_server->port()));
    } else if (m_address->text().isEmpty() || m_server->sessionsStarted() > 0) {
        m_address->setText(tr("not running"));
    }
    m_user->setText(m_server->credentials().user);
    m_password->setText(m_server->credentials().password);
    if (m_server->isTlsAvailable()) {
        m_tls->setText(tr("offered; certificate SHA-256 %1")
                           .arg(TlsTrustDecision::fingerprint(m_server->certificate())));
    } else if (!m_server->tlsProblem().isEmpty()) {
        m_tls->setText(tr("not offered: %1").arg(m_server->tlsProblem()));
    } else {
        m_tls->setText(tr("not offered"));
    }
}

SandboxBehaviour SandboxBehaviourPanel::formBehaviour() const
{
    SandboxBehaviour b = m_server->behaviour();
    b.disabledExtensions.clear();
    for (auto it = m_extensions.cbegin(); it != m_extensions.cend(); ++it) {
        if (!it.value()->isChecked())
            b.disabledExtensions.insert(it.key());
    }
    b.requireAuth = m_requireAuth->isChecked();
    b.requireStartTls = m_requireStartTls->isChecked();
    b.rejectRecipients = m_reject->text().trimmed();
    b.deferRecipients = m_defer->text().trimmed();
    b.deferCode = m_deferCode->currentData().toInt();
    b.rejectData = m_rejectData->isChecked();
    b.delayMs = m_delay->value();
    b.closeAfter = m_closeAfter->currentData().toString();
    b.greeting421 = m_greeting421->isChecked();
    b.lenientEndOfData = m_lenientEndOfData->isChecked();
    b.sizeLimit = qint64(m_sizeLimit->value()) * 1024;
    b.maxRecipients = m_maxRecipients->value();
    return b;
}

QString SandboxBehaviourPanel::problem() const
{
    return m_problem->text();
}

void SandboxBehaviourPanel::apply()
{
    if (m_updating)
        return;
    const SandboxBehaviour b = formBehaviour();
    const QString problem = b.validate();
    m_problem->setText(problem);
    if (problem.isEmpty())
        m_server->setBehaviour(b);
}

void SandboxBehaviourPanel::showBehaviour(const SandboxBehaviour &b)
{
    m_updating = true;
    for (auto it = m_extensions.cbegin(); it != m_extensions.cend(); ++it)
        it.value()->setChecked(b.advertises(it.key()));
    m_requireAuth->setChecked(b.requireAuth);
    m_requireStartTls->setChecked(b.requireStartTls);
    if (m_reject->text().trimmed() != b.rejectRecipients)
        m_reject->setText(b.rejectRecipients);
    if (m_defer->text().trimmed() != b.deferRecipients)
        m_defer->setText(b.deferRecipients);
    m_deferCode->setCurrentIndex(qMax(0, m_deferCode->findData(b.deferCode)));
    m_rejectData->setChecked(b.rejectData);
    m_delay->setValue(b.delayMs);
    m_closeAfter->setCurrentIndex(qMax(0, m_closeAfter->findData(b.closeAfter.toUpper())));
    m_greeting421->setChecked(b.greeting421);
    m_lenientEndOfData->setChecked(b.lenientEndOfData);
    m_sizeLimit->setValue(int(b.sizeLimit / 1024));
    m_maxRecipients->setValue(b.maxRecipients);
    m_updating = false;
}

void SandboxBehaviourPanel::resetBehaviour()
{
    SandboxBehaviour standard;
    standard.idleTimeoutMs = m_server->behaviour().idleTimeoutMs;
    m_server->setBehaviour(standard);
    m_problem->clear();
    showBehaviour(m_server->behaviour());
}
