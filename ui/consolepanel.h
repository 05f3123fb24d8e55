// The console tab: a raw SMTP session with any account's server (the sandbox included), typed
// line by line and shown with the transcript's model, view and explanations. Certificates and
// passwords go through the window's Prompter, as a send's do; the compose form is not touched.
#pragma once

#include "account/prompter.h"

#include <QWidget>

class AccountStore;
class ConsoleInput;
class ConsoleSession;
class QComboBox;
class QLabel;
class QPushButton;
class SessionSecrets;
class TranscriptModel;
class TranscriptView;
struct Account;

class ConsolePanel : public QWidget
{
    Q_OBJECT
public:
    // None is owned; all must outlive the panel.
    ConsolePanel(AccountStore *accounts, SessionSecrets *secrets, Prompter *prompter,
                 QWidget *parent = nullptr);

    ConsoleSession *session() const { return m_session; }
    TranscriptModel *transcriptModel() const { return m_model; }
    TranscriptView *transcriptView() const { return m_view; }
    ConsoleInput *input() const { return m_input; }
    QComboBox *accountBox() const { return m_accountBox; }
    // The account of the session under way or last opened, for the history.
    QString accountName() const { return m_accountName; }
    // Why the last line was not sent (empty when it was).
    QString problem() const;

public Q_SLOTS:
    // Connects to the account chosen in the selector (or the one with this id).
    void connectToServer();
    void selectAccount(const QString &id);
    // QUIT, then the session ends.
    void disconnectFromServer();
    void sendLine();

private:
    void fillAccounts();
    void onEnded(int kind, const QString &reason);
    void onCredentialsNeeded(const QString &user, const QString &reason);
    void onCertificateReview(const QList<QSslCertificate> &chain, const QList<QSslError> &errors);
    void onPasswordAnswered(quint64 id, const SaslCredentials &credentials, bool remember);
    void onCertificateAnswered(quint64 id, Prompter::CertificateChoice choice);
    void updateControls();
    void showProblem(const QString &text);

    AccountStore *m_accounts;
    SessionSecrets *m_secrets;
    Prompter *m_prompter;
    ConsoleSession *m_session;
    TranscriptModel *m_model;
    TranscriptView *m_view;
    QComboBox *m_accountBox;
    QPushButton *m_connect;
    QLabel *m_state;
    ConsoleInput *m_input;
    QPushButton *m_send;
    QLabel *m_problem;
    QLabel *m_hint;
    QString m_accountId;
    QString m_accountName;
    QString m_server;
    QString m_host;
    quint64 m_passwordRequest = 0;
    quint64 m_certificateRequest = 0;
};
