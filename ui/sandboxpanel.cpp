#include "sandboxpanel.h"

#include "inboxpanel.h"
#include "sandboxbehaviourpanel.h"

#include <QScrollArea>
#include <QTabWidget>
#include <QVBoxLayout>

SandboxPanel::SandboxPanel(SandboxServer *server, MailStore *store, QWidget *parent)
    : QWidget(parent)
    , m_tabs(new QTabWidget(this))
    , m_inbox(new InboxPanel(store))
    , m_behaviour(new SandboxBehaviourPanel(server))
{
    setAccessibleName(tr("Local sandbox"));
    m_tabs->setObjectName(QStringLiteral("sandboxTabs"));
    m_tabs->setAccessibleName(tr("Local sandbox"));
    auto *scroll = new QScrollArea;
    scroll->setWidget(m_behaviour);
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
