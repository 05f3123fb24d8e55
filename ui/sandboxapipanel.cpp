#include "sandboxapipanel.h"

#include "sandboxapi/sandboxapi.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSettings>
#include <QSpinBox>

namespace {
const QString kEnabled = QStringLiteral("sandboxApi/enabled");
const QString kPort = QStringLiteral("sandboxApi/port");
const QString kNetwork = QStringLiteral("sandboxApi/network");
const QString kToken = QStringLiteral("sandboxApi/token");
} // namespace

SandboxApiPanel::SandboxApiPanel(MailStore *store, QWidget *parent)
    : QGroupBox(tr("JSON API for test suites"), parent)
    , m_store(store)
    , m_enable(new QCheckBox(tr("Serve the JSON API")))
    , m_port(new QSpinBox)
    , m_network(new QCheckBox(tr("Also to other computers (needs a token)")))
    , m_token(new QLineEdit)
    , m_generate(new QPushButton(tr("New Token")))
    , m_status(new QLabel)
    , m_curl(new QLineEdit)
    , m_copy(new QPushButton(tr("Cop&y")))
{
    setObjectName(QStringLiteral("sandboxApiPanel"));
    setAccessibleName(title());
    setToolTip(tr("Tests of the application that sends the mail ask here what the sandbox "
                  "received, as they would ask Mailpit or smtp4dev"));
    m_port->setRange(0, 65535);
    m_port->setSpecialValueText(tr("any free port"));
    m_port->setAccessibleName(tr("API port"));
    m_token->setPlaceholderText(tr("none: requests need no Authorization header"));
    m_token->setAccessibleName(tr("API token"));
    m_token->setToolTip(tr("Requests then send \"Authorization: Bearer <token>\". Required when "
                           "other computers may connect."));
    m_status->setObjectName(QStringLiteral("sandboxApiStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_curl->setReadOnly(true);
    m_curl->setObjectName(QStringLiteral("sandboxApiCurl"));
    m_curl->setAccessibleName(tr("Example request"));
    m_copy->setToolTip(tr("Copy the example request"));
    m_copy->setAccessibleName(tr("Copy the example request"));

    auto *form = new QFormLayout(this);
    auto *portRow = new QHBoxLayout;
    portRow->addWidget(m_enable);
    portRow->addWidget(new QLabel(tr("on port")));
    portRow->addWidget(m_port);
    portRow->addStretch(1);
    form->addRow(portRow);
    form->addRow(m_network);
    auto *tokenRow = new QHBoxLayout;
    tokenRow->addWidget(m_token, 1);
    tokenRow->addWidget(m_generate);
    auto *tokenLabel = new QLabel(tr("Token:"));
    tokenLabel->setBuddy(m_token);
    form->addRow(tokenLabel, tokenRow);
    form->addRow(m_status);
    auto *curlRow = new QHBoxLayout;
    curlRow->addWidget(m_curl, 1);
    curlRow->addWidget(m_copy);
    auto *curlLabel = new QLabel(tr("Example:"));
    curlLabel->setBuddy(m_curl);
    form->addRow(curlLabel, curlRow);

    m_loading = true;
    QSettings settings;
    m_port->setValue(settings.value(kPort, DefaultPort).toInt());
    m_network->setChecked(settings.value(kNetwork, false).toBool());
    m_token->setText(settings.value(kToken).toString());
    m_enable->setChecked(settings.value(kEnabled, false).toBool());
    m_loading = false;

    connect(m_enable, &QCheckBox::toggled, this, &SandboxApiPanel::apply);
    connect(m_network, &QCheckBox::toggled, this, &SandboxApiPanel::apply);
    connect(m_port, &QSpinBox::editingFinished, this, [this] {
        if (!m_api || m_api->port() != m_port->value())
            apply();
    });
    connect(m_token, &QLineEdit::editingFinished, this, &SandboxApiPanel::apply);
    connect(m_generate, &QPushButton::clicked, this, [this] {
        QByteArray bytes(24, Qt::Uninitialized);
        QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()),
                                              bytes.size() / 4);
        m_token->setText(QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding)));
        apply();
    });
    connect(m_copy, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(m_curl->text()); });
    apply();
}

SandboxApiPanel::~SandboxApiPanel() = default;

QString SandboxApiPanel::url() const
{
    if (!m_api)
        return QString();
    // Off loopback the API listens on every address: the example names this computer's.
    const QString host =
        m_api->address().isLoopback() ? m_api->address().toString() : QStringLiteral("127.0.0.1");
    return QStringLiteral("http://%1:%2").arg(host).arg(m_api->port());
}

void SandboxApiPanel::apply()
{
    if (m_loading)
        return;
    save();
    m_api.reset();
    const QByteArray token = m_token->text().trimmed().toUtf8();
    m_port->setEnabled(m_enable->isChecked());
    m_network->setEnabled(m_enable->isChecked());
    m_copy->setEnabled(false);
    m_curl->clear();
    if (!m_enable->isChecked()) {
        setStatus(tr("The JSON API is off."), false);
        return;
    }
    if (!m_store) {
        setStatus(tr("The JSON API serves the stored messages, and the sandbox keeps none."), true);
        return;
    }
    const QHostAddress address = m_network->isChecked() ? QHostAddress(QHostAddress::Any)
                                                        : QHostAddress(QHostAddress::LocalHost);
    if (m_network->isChecked() && token.isEmpty()) {
        setStatus(tr("Token: other computers may connect only with a token (New Token makes "
                     "one), so the stored messages are not served to anyone who asks."),
                  true);
        return;
    }
    auto api = std::make_unique<SandboxApi>(m_store);
    api->setToken(token);
    QString error;
    if (!api->start(address, quint16(m_port->value()), &error)) {
        setStatus(tr("Port %1: %2").arg(m_port->value()).arg(error), true);
        return;
    }
    m_api = std::move(api);
    const QString base = url();
    QString curl = QStringLiteral("curl -s ");
    if (!token.isEmpty())
        curl += QStringLiteral("-H 'Authorization: Bearer %1' ").arg(QString::fromUtf8(token));
    curl += QStringLiteral("'%1/api/v1/messages'").arg(base);
    m_curl->setText(curl);
    m_copy->setEnabled(true);
    setStatus(m_network->isChecked()
                  ? tr("Serving at %1/api/v1/ and on port %2 of every address of this computer, "
                       "to requests with the token.")
                        .arg(base)
                        .arg(m_api->port())
                  : tr("Serving at %1/api/v1/ (this computer only).").arg(base),
              false);
}

void SandboxApiPanel::save() const
{
    QSettings settings;
    settings.setValue(kEnabled, m_enable->isChecked());
    settings.setValue(kPort, m_port->value());
    settings.setValue(kNetwork, m_network->isChecked());
    settings.setValue(kToken, m_token->text().trimmed());
}

void SandboxApiPanel::setStatus(const QString &text, bool problem)
{
    m_status->setText(text);
    m_status->setStyleSheet(problem ? QStringLiteral("color: #b3261e") : QString());
    Q_EMIT statusChanged(text);
}
