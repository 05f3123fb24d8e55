// Manages the accounts: list, add, remove, default, presets, and the full form with each
// field's problem shown beside it. "Test connection" runs a Submission's probe with the
// dialogue in a transcript pane and a one-line verdict; its questions go to a DialogPrompter.
// Valid edits are saved at once, invalid ones refused with the reason.
#pragma once

#include "account/account.h"
#include "account/sessionsecrets.h"
#include "account/submission.h"

#include <QDialog>
#include <QHash>
#include <QPointer>

class AccountStore;
class CredentialStore;
class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QListWidget;
class QPushButton;
class QSpinBox;
class OAuthAccountRows;
class ServerCheck;
class ServerKnowledgeStore;
class TranscriptModel;
class TranscriptView;

class AccountDialog : public QDialog
{
    Q_OBJECT
public:
    AccountDialog(AccountStore *store, CredentialStore *credentials, QWidget *parent = nullptr);
    ~AccountDialog() override;

    // The window's session secrets (its provider and what was typed there), shared so a
    // password typed once is not asked again; without it the dialog keeps its own.
    void setSessionSecrets(SessionSecrets *secrets);
    // Gives the secret of an account Postwire itself holds one for (the built-in sandbox's,
    // which is never stored), or an empty string: the provider of the session secrets in use.
    void setSecretProvider(SessionSecrets::Provider provider);

    void selectAccount(const QString &id);
    QString currentId() const { return m_currentId; }
    // The account as the form holds it now (saved or not).
    Account formAccount() const;
    // The message shown beside a field, empty when the field is fine.
    QString shownProblem(Account::Field field) const;

    SmtpClient *client() const { return m_submission->client(); }
    Submission *submission() const { return m_submission; }
    TranscriptModel *transcript() const { return m_transcript; }
    bool isTesting() const;

    QListWidget *accountList() const { return m_list; }
    QComboBox *presetBox() const { return m_preset; }
    QLineEdit *nameField() const { return m_name; }
    QLineEdit *displayNameField() const { return m_displayName; }
    QLineEdit *addressField() const { return m_address; }
    QComboBox *kindBox() const { return m_kind; }
    QLineEdit *dnsServerField() const { return m_dnsServer; }
    QLineEdit *hostField() const { return m_host; }
    QLineEdit *portField() const { return m_port; }
    QComboBox *securityBox() const { return m_security; }
    QComboBox *authenticationBox() const { return m_auth; }
    QLineEdit *userField() const { return m_user; }
    QLineEdit *passwordField() const { return m_password; }
    QLineEdit *heloField() const { return m_helo; }
    QLineEdit *identitiesField() const { return m_identities; }
    QPlainTextEdit *signatureField() const { return m_signature; }
    QSpinBox *timeoutField() const { return m_timeout; }
    QCheckBox *plaintextAuthBox() const { return m_plaintext; }
    QCheckBox *richTextBox() const { return m_richText; }
    QLineEdit *caFileField() const { return m_caFile; }
    QListWidget *pinList() const { return m_pins; }
    QPushButton *addButton() const { return m_add; }
    QPushButton *removeButton() const { return m_remove; }
    QPushButton *defaultButton() const { return m_default; }
    QPushButton *testButton() const { return m_test; }
    QPushButton *checkButton() const { return m_check; }
    ServerKnowledgeStore *serverKnowledge() const { return m_knowledge; }
    QPushButton *removePinButton() const { return m_removePin; }
    QLabel *verdictLabel() const { return m_verdict; }
    QLabel *noticeLabel() const { return m_notice; }
    QLabel *passwordNote() const { return m_passwordNote; }
    // The OAuth 2 rows (endpoints, client, Sign In), shown for XOAUTH2 and OAUTHBEARER.
    OAuthAccountRows *oauthRows() const { return m_oauth; }

public Q_SLOTS:
    // Runs the probe for the account in the form; while one runs, stops it.
    void testConnection();
    // Opens "Check server" for the account in the form (a ServerCheckDialog, non-modal).
    void checkServer();
    // Stores what was typed in the password field in the credential store, then clears it.
    void storeTypedPassword();

Q_SIGNALS:
    void testFinished(const SendResult &result);
    // Check server is about to start (nothing sent yet): for the window's history.
    void serverCheckStarting(ServerCheck *check, const SmtpSettings &settings,
                             const QString &account);

private:
    QWidget *buildForm();
    void addRow(QFormLayout *form, const QString &label, QWidget *field, Account::Field which);
    void reloadList();
    void showAccount(const QString &id);
    void onEdited();
    void onPortEdited();
    // Direct delivery has no server, security or login of its own: those fields rest.
    void applyKind();
    void onPresetChosen(int index);
    void addAccount();
    void removeAccount(); // asks first
    void removeAccountNow(const QString &id);
    void makeDefault();
    void removePin();
    void browseCaFile();
    void addPinItem(const QByteArray &pin, const QString &label);
    void showProblems(const Account &account);
    void addNotice(const QString &text);
    void refreshPasswordNote();
    void setVerdict(const QString &text);
    void forgetVerdict();
    QString providedSecret(const QString &id) const;
    void onTestFinished(const SendResult &result);
    void probe(const Account &account);
    void probeWithOAuth(const Account &account);
    // Shows the first problem of the form as the verdict and returns true when there is one.
    bool refuseUntestable(const Account &account);

    AccountStore *m_store;
    CredentialStore *m_credentials;
    SessionSecrets m_ownSecrets;
    SessionSecrets *m_secrets;
    Submission *m_submission;
    QString m_currentId;
    bool m_loading = false;
    bool m_verdictShown = false; // the verdict is about what was tested, not "Not tested yet."
    QHash<QString, bool> m_hasStoredSecret;
    TranscriptModel *m_transcript;
    TranscriptView *m_transcriptView;
    QHash<int, QLabel *> m_problemLabels; // by Account::Field

    QListWidget *m_list;
    QPushButton *m_add;
    QPushButton *m_remove;
    QPushButton *m_default;
    QComboBox *m_preset;
    QLabel *m_presetNote;
    QLineEdit *m_name;
    QLineEdit *m_displayName;
    QLineEdit *m_address;
    QComboBox *m_kind;
    QLineEdit *m_dnsServer;
    QLineEdit *m_host;
    QLineEdit *m_port;
    QComboBox *m_security;
    QComboBox *m_auth;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QLabel *m_passwordNote;
    OAuthAccountRows *m_oauth = nullptr;
    QPointer<QObject> m_oauthTest; // a test waiting for its access token
    QLineEdit *m_helo;
    QLineEdit *m_identities = nullptr;
    QPlainTextEdit *m_signature = nullptr;
    QSpinBox *m_timeout;
    QCheckBox *m_plaintext;
    QCheckBox *m_richText;
    QLineEdit *m_caFile;
    QListWidget *m_pins;
    QPushButton *m_removePin;
    QPushButton *m_test;
    QPushButton *m_check;
    ServerKnowledgeStore *m_knowledge;
    QLabel *m_verdict;
    QLabel *m_notice;
};
