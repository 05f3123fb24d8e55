// Asks a person what to do with a server certificate that failed verification: shows the
// chain (subject, issuer, validity, SHA-256, names) and every error in plain words. Refuse is
// the default; "Trust permanently" means pinning the fingerprint into the account.
// Non-blocking: open() it (or use ask()) and wait for decided().
#pragma once

#include <QDialog>
#include <QList>
#include <QSslCertificate>
#include <QSslError>

class QPushButton;
class QTextBrowser;
class QLabel;

class CertificateDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Choice
    {
        Refuse,
        AcceptOnce,
        TrustPermanently,
    };
    Q_ENUM(Choice)

    // server: "smtp.example.org:587"; host: the name the certificate should be for.
    CertificateDialog(const QString &server, const QString &host,
                      const QList<QSslCertificate> &chain, const QList<QSslError> &errors,
                      QWidget *parent = nullptr);

    // Opens a dialog that deletes itself once decided() has been emitted.
    static CertificateDialog *ask(QWidget *parent, const QString &server, const QString &host,
                                  const QList<QSslCertificate> &chain,
                                  const QList<QSslError> &errors);

    // What waits for the answer, named in the dialog's first sentence.
    enum class Paused
    {
        Send,
        Test, // Test connection in the accounts dialog
    };
    Q_ENUM(Paused)
    void setPaused(Paused paused);
    QString introText() const;
    // "RSA, 2048 bits", "elliptic curve (EC), 256 bits".
    static QString keyDescription(const QSslCertificate &certificate);

    // Hide "Trust permanently" when there is no account to pin into.
    void setPermanentTrustAvailable(bool available);

    Choice choice() const { return m_choice; }
    // SHA-256 of the server's certificate, lower-case hex: what "Trust permanently" pins.
    QByteArray fingerprint() const;

    // One error in plain words, e.g. "The certificate expired on 3 May 2024 ...".
    static QString explain(const QSslError &error, const QString &host);
    // The chain as shown, in HTML.
    static QString describeChain(const QList<QSslCertificate> &chain);

    QPushButton *refuseButton() const { return m_refuse; }
    QPushButton *acceptOnceButton() const { return m_acceptOnce; }
    QPushButton *trustButton() const { return m_trust; }
    QLabel *errorsLabel() const { return m_errors; }
    QTextBrowser *chainView() const { return m_chain; }

Q_SIGNALS:
    // Exactly once, whichever way the dialog closes (closing it refuses).
    void decided(CertificateDialog::Choice choice);

protected:
    void done(int result) override;

private:
    QList<QSslCertificate> m_certificates;
    QString m_server;
    QLabel *m_intro;
    Paused m_paused = Paused::Send;
    Choice m_choice = Choice::Refuse;
    bool m_decided = false;
    QLabel *m_errors;
    QTextBrowser *m_chain;
    QPushButton *m_refuse;
    QPushButton *m_acceptOnce;
    QPushButton *m_trust;
};
