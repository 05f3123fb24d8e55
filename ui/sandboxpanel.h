// Everything the sandbox shows in the main window: its inbox, and its server settings and
// behaviours, as two tabs. The server and store belong to the caller.
#pragma once

#include <QWidget>

class InboxPanel;
class MailStore;
class QTabWidget;
class SandboxApiPanel;
class SandboxBehaviourPanel;
class SandboxServer;

class SandboxPanel : public QWidget
{
    Q_OBJECT
public:
    SandboxPanel(SandboxServer *server, MailStore *store, QWidget *parent = nullptr);

    InboxPanel *inbox() const { return m_inbox; }
    SandboxBehaviourPanel *behaviour() const { return m_behaviour; }
    SandboxApiPanel *api() const { return m_api; }
    // Brings the inbox forward and selects a message (e.g. the one just delivered).
    void showMessage(const QString &id);

private:
    QTabWidget *m_tabs;
    InboxPanel *m_inbox;
    SandboxBehaviourPanel *m_behaviour;
    SandboxApiPanel *m_api;
};
