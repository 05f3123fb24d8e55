// The Prompter of the windows: a password question opens a CredentialDialog, a certificate
// question a CertificateDialog, both window-modal on the widget given and answered when the
// person decides. One per window, shared by everything in it that runs a Submission.
#pragma once

#include "account/prompter.h"
#include "certificatedialog.h"

#include <QPointer>

class QWidget;

class DialogPrompter : public Prompter
{
    Q_OBJECT
public:
    // The dialogs open over (and as children of) window; a certificate question says that
    // what waits for it is paused (a send, or a test of the account).
    explicit DialogPrompter(QWidget *window,
                            CertificateDialog::Paused paused = CertificateDialog::Paused::Send);
    CertificateDialog::Paused paused() const { return m_paused; }

    void askPassword(const PasswordRequest &request) override;
    void askCertificate(const CertificateRequest &request) override;

private:
    QPointer<QWidget> m_window;
    CertificateDialog::Paused m_paused;
};
