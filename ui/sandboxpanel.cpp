#include "sandboxpanel.h"

#include "inboxpanel.h"
#include "sandboxapipanel.h"
#include "sandboxbehaviourpanel.h"

#include <QScrollArea>
#include <QTabWidget>
#include <QVBoxLayout>

SandboxPanel::SandboxPanel(SandboxServer *server, MailStore *store, QWidget *parent)
    : QWidget(parent)
    , m_tabs(new QTabWidget(this))
    , m_inbox(new InboxPanel(store))
    , m_behaviour(new SandboxBehaviourPanel(server))
    , m_api(new SandboxApiPanel(store))
{
    setAccessibleName(tr("Local sandbox"));
    m_tabs->setObjectName(QStringLiteral("sandboxTabs"));
    m_tabs->setAccessibleName(tr("Local sandbox"));
    // The server's settings, then what it serves to test suites besides SMTP.
    auto *serverTab = new QWidget;
    auto *serverLayout = new QVBoxLayout(serverTab);
    serverLayout->setContentsMargins(0, 0, 0, 0);
    serverLayout->addWidget(m_behaviour);
    serverLayout->addWidget(m_api);
    auto *scroll = new QScrollArea;
    scroll->setWidget(serverTab);
    scroll->setWidgetResizable(true);
    m_tabs->addTab(m_inbox, tr("Sandbox &inbox"));
    m_tabs->addTab(scroll, tr("Sandbo&x server"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);
}

void SandboxPanel::showMessage(const QString &id)
{
    m_tabs->setCurrentWidget(m_inbox);
    m_inbox->selectMessage(id);
}
