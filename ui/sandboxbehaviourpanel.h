// The sandbox's settings as a form: where it listens, the credentials it accepts, and every
// behaviour (extensions, required AUTH/STARTTLS, refusals, delays, drops). Changes apply to
// the sessions that start afterwards.
#pragma once

#include "sandbox/sandboxbehaviour.h"

#include <QMap>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class SandboxServer;

class SandboxBehaviourPanel : public QWidget
{
    Q_OBJECT
public:
    explicit SandboxBehaviourPanel(SandboxServer *server, QWidget *parent = nullptr);

    // What the form says now (may be invalid: see problem()).
    SandboxBehaviour formBehaviour() const;
    QString problem() const;

public Q_SLOTS:
    void resetBehaviour();

private:
    void apply();
    void showBehaviour(const SandboxBehaviour &behaviour);
    void updateServerInfo();

    SandboxServer *m_server;
    bool m_updating = false;
    QLabel *m_address;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QLabel *m_tls;
    QMap<QString, QCheckBox *> m_extensions;
    QCheckBox *m_requireAuth;
    QCheckBox *m_requireStartTls;
    QLineEdit *m_reject;
    QLineEdit *m_defer;
    QComboBox *m_deferCode;
    QCheckBox *m_rejectData;
    QSpinBox *m_delay;
    QComboBox *m_closeAfter;
    QCheckBox *m_greeting421;
    QCheckBox *m_lenientEndOfData;
    QSpinBox *m_sizeLimit;
    QSpinBox *m_maxRecipients;
    QLabel *m_problem;
};
