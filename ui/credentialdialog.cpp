#include "credentialdialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

CredentialDialog::CredentialDialog(const QString &server, const QString &user,
                                   const QString &reason, const QString &rememberWhere,
                                   QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Password for %1").arg(server));
    auto *layout = new QVBoxLayout(this);
    m_reason = new QLabel;
    m_reason->setObjectName(QStringLiteral("reason"));
    m_reason->setWordWrap(true);
    m_reason->setTextInteractionFlags(Qt::TextSelectableByMouse);
    if (reason.isEmpty()) {
        m_reason->setText(
            tr("%1 asks for a password, and none is stored for this account.").arg(server));
    } else {
        m_reason->setText(tr("%1 refused the login:\n%2\n\nCheck the password (some providers "
                             "want an app password here).")
                              .arg(server, reason));
    }
    layout->addWidget(m_reason);

    auto *form = new QFormLayout;
    m_user = new QLineEdit(user);
    m_secret = new QLineEdit;
    m_secret->setEchoMode(QLineEdit::Password);
    form->addRow(tr("&User name:"), m_user);
    form->addRow(tr("&Password:"), m_secret);
    layout->addLayout(form);
    m_remember = new QCheckBox(tr("&Remember it (in %1)").arg(rememberWhere));
    layout->addWidget(m_remember);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    QPushButton *ok = buttons->button(QDialogButtonBox::Ok);
    ok->setText(tr("&Log In"));
    ok->setEnabled(false);
    connect(m_secret, &QLineEdit::textChanged, ok,
            [ok](const QString &text) { ok->setEnabled(!text.isEmpty()); });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    m_secret->setFocus();
}

CredentialDialog *CredentialDialog::ask(QWidget *parent, const QString &server, const QString &user,
                                        const QString &reason, const QString &rememberWhere)
{
    auto *dialog = new CredentialDialog(server, user, reason, rememberWhere, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

void CredentialDialog::done(int result)
{
    QDialog::done(result);
    if (m_answered)
        return;
    m_answered = true;
    if (result == QDialog::Accepted && !m_secret->text().isEmpty()) {
        SaslCredentials c;
        c.user = m_user->text();
        c.secret = m_secret->text();
        Q_EMIT provided(c, m_remember->isChecked());
    } else {
        Q_EMIT cancelled();
    }
    // The widget may live on a while (until deleteLater): keep the secret out of it.
    m_secret->clear();
}
