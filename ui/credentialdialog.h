// Asks for a password (or token) the server needs, showing why: missing, or refused with the
// server's own reply. Offers to remember it in the credential store. Non-blocking: open() it
// (or use ask()) and wait for provided() or cancelled().
#pragma once

#include "smtp/sasl.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;

class CredentialDialog : public QDialog
{
    Q_OBJECT
public:
    // reason: the server's refusal ("535 5.7.8 Authentication failed"), empty when the
    // password is simply missing. rememberWhere: the store's location, for the checkbox.
    CredentialDialog(const QString &server, const QString &user, const QString &reason,
                     const QString &rememberWhere, QWidget *parent = nullptr);

    static CredentialDialog *ask(QWidget *parent, const QString &server, const QString &user,
                                 const QString &reason, const QString &rememberWhere);

    QLineEdit *userField() const { return m_user; }
    QLineEdit *secretField() const { return m_secret; }
    QCheckBox *rememberBox() const { return m_remember; }
    QLabel *reasonLabel() const { return m_reason; }

Q_SIGNALS:
    // Exactly one of these, once.
    void provided(const SaslCredentials &credentials, bool remember);
    void cancelled();

protected:
    void done(int result) override;

private:
    QLabel *m_reason;
    QLineEdit *m_user;
    QLineEdit *m_secret;
    QCheckBox *m_remember;
    bool m_answered = false;
};
