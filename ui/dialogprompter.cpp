#include "dialogprompter.h"

#include "certificatedialog.h"
#include "credentialdialog.h"

DialogPrompter::DialogPrompter(QWidget *window, CertificateDialog::Paused paused)
    : Prompter(window)
    , m_window(window)
    , m_paused(paused)
{}

void DialogPrompter::askPassword(const PasswordRequest &request)
{
    const quint64 id = request.id;
    auto *dialog = CredentialDialog::ask(m_window, request.server, request.user, request.reason,
                                         request.rememberWhere);
    connect(dialog, &CredentialDialog::provided, this,
            [this, id](const SaslCredentials &credentials, bool remember) {
                Q_EMIT passwordAnswered(id, credentials, remember);
            });
    connect(dialog, &CredentialDialog::cancelled, this,
            [this, id] { Q_EMIT passwordAnswered(id, SaslCredentials(), false); });
}

void DialogPrompter::askCertificate(const CertificateRequest &request)
{
    const quint64 id = request.id;
    auto *dialog = CertificateDialog::ask(m_window, request.server, request.host, request.chain,
                                          request.errors);
    dialog->setPermanentTrustAvailable(request.canPin);
    dialog->setPaused(m_paused);
    connect(
        dialog, &CertificateDialog::decided, this, [this, id](CertificateDialog::Choice choice) {
            using C = CertificateChoice;
            Q_EMIT certificateAnswered(
                id, choice == CertificateDialog::Choice::AcceptOnce         ? C::AcceptOnce
                    : choice == CertificateDialog::Choice::TrustPermanently ? C::TrustPermanently
                                                                            : C::Refuse);
        });
}
