#include "certificatedialog.h"
#include "smtp/tlstrustdecision.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSslKey>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace {

QString names(const QSslCertificate &cert)
{
    QStringList n;
    const auto sans = cert.subjectAlternativeNames();
    for (auto it = sans.cbegin(); it != sans.cend(); ++it)
        n << it.value();
    if (n.isEmpty())
        n = cert.subjectInfo(QSslCertificate::CommonName);
    return n.join(QStringLiteral(", "));
}

QString date(const QDateTime &when)
{
    return QLocale().toString(when.toLocalTime(), QLocale::LongFormat);
}

} // namespace

CertificateDialog::CertificateDialog(const QString &server, const QString &host,
                                     const QList<QSslCertificate> &chain,
                                     const QList<QSslError> &errors, QWidget *parent)
    : QDialog(parent)
    , m_certificates(chain)
    , m_server(server)
    , m_intro(new QLabel)
{
    setWindowTitle(tr("Untrusted certificate from %1").arg(server));
    auto *layout = new QVBoxLayout(this);
    m_intro->setObjectName(QStringLiteral("intro"));
    m_intro->setWordWrap(true);
    layout->addWidget(m_intro);
    setPaused(Paused::Send);

    // OpenSSL often reports one cause twice in its own words: one plain sentence for both.
    QStringList plain;
    QList<QStringList> technical;
    for (const QSslError &e : errors) {
        const QString words = explain(e, host);
        qsizetype i = plain.indexOf(words);
        if (i < 0) {
            plain << words;
            technical.append(QStringList());
            i = plain.size() - 1;
        }
        technical[i] << e.errorString();
    }
    QStringList problems;
    for (qsizetype i = 0; i < plain.size(); ++i)
        problems << QStringLiteral("<li>%1 <small>(%2)</small></li>")
                        .arg(plain[i].toHtmlEscaped(),
                             technical[i].join(QStringLiteral("; ")).toHtmlEscaped());
    m_errors = new QLabel(QStringLiteral("<ul>%1</ul>").arg(problems.join(QString())));
    m_errors->setObjectName(QStringLiteral("errors"));
    m_errors->setWordWrap(true);
    m_errors->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_errors);

    m_chain = new QTextBrowser;
    m_chain->setObjectName(QStringLiteral("chain"));
    m_chain->setHtml(describeChain(chain));
    layout->addWidget(m_chain, 1);

    auto *buttons = new QDialogButtonBox;
    m_refuse = buttons->addButton(tr("&Refuse"), QDialogButtonBox::RejectRole);
    m_acceptOnce = buttons->addButton(tr("&Accept Once"), QDialogButtonBox::AcceptRole);
    m_trust = buttons->addButton(tr("&Trust Permanently"), QDialogButtonBox::AcceptRole);
    m_trust->setToolTip(tr("Pin this certificate's SHA-256 fingerprint into the account: it is "
                           "accepted from now on, and a different certificate is refused."));
    // Enter must never accept an untrusted certificate by accident.
    for (QPushButton *b : {m_acceptOnce, m_trust})
        b->setAutoDefault(false);
    m_refuse->setDefault(true);
    m_refuse->setFocus();
    connect(m_refuse, &QPushButton::clicked, this, [this] {
        m_choice = Choice::Refuse;
        reject();
    });
    connect(m_acceptOnce, &QPushButton::clicked, this, [this] {
        m_choice = Choice::AcceptOnce;
        accept();
    });
    connect(m_trust, &QPushButton::clicked, this, [this] {
        m_choice = Choice::TrustPermanently;
        accept();
    });
    layout->addWidget(buttons);
    resize(640, 520);
}

CertificateDialog *CertificateDialog::ask(QWidget *parent, const QString &server,
                                          const QString &host, const QList<QSslCertificate> &chain,
                                          const QList<QSslError> &errors)
{
    auto *dialog = new CertificateDialog(server, host, chain, errors, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

void CertificateDialog::setPaused(Paused paused)
{
    m_paused = paused;
    const QString server = m_server.toHtmlEscaped();
    m_intro->setText(paused == Paused::Test
                         ? tr("<b>The certificate of %1 could not be verified.</b> The test is "
                              "paused. Refuse unless you know that this certificate really is "
                              "the server's.")
                               .arg(server)
                         : tr("<b>The certificate of %1 could not be verified.</b> The send is "
                              "paused. Refuse unless you know that this certificate really is "
                              "the server's.")
                               .arg(server));
}

QString CertificateDialog::introText() const
{
    return m_intro->text();
}

QString CertificateDialog::keyDescription(const QSslCertificate &certificate)
{
    const QSslKey key = certificate.publicKey();
    QString type;
    switch (key.algorithm()) {
    case QSsl::Rsa:
        type = QStringLiteral("RSA");
        break;
    case QSsl::Ec:
        type = tr("elliptic curve (EC)");
        break;
    case QSsl::Dsa:
        type = QStringLiteral("DSA");
        break;
    case QSsl::Dh:
        type = QStringLiteral("Diffie-Hellman");
        break;
    case QSsl::Opaque:
        return tr("a key of a type Postwire cannot read");
    }
    return key.length() > 0 ? tr("%1, %n bits", nullptr, key.length()).arg(type) : type;
}

void CertificateDialog::setPermanentTrustAvailable(bool available)
{
    m_trust->setVisible(available);
}

QByteArray CertificateDialog::fingerprint() const
{
    return m_certificates.value(0).digest(QCryptographicHash::Sha256).toHex();
}

void CertificateDialog::done(int result)
{
    if (result != QDialog::Accepted)
        m_choice = Choice::Refuse; // Escape, the close button, or Refuse
    QDialog::done(result);
    if (!m_decided) {
        m_decided = true;
        Q_EMIT decided(m_choice);
    }
}

QString CertificateDialog::explain(const QSslError &error, const QString &host)
{
    const QSslCertificate cert = error.certificate();
    const QString issuer = cert.isNull() ? QString() : cert.issuerDisplayName();
    switch (error.error()) {
    case QSslError::SelfSignedCertificate:
        return tr("The certificate is signed by itself, not by an authority this computer "
                  "trusts: anyone can make a certificate like it.");
    case QSslError::SelfSignedCertificateInChain:
        return tr("The chain of certificates ends in a self-signed authority that this "
                  "computer does not trust.");
    case QSslError::UnableToGetIssuerCertificate:
    case QSslError::UnableToGetLocalIssuerCertificate:
    case QSslError::UnableToVerifyFirstCertificate:
        return issuer.isEmpty()
                   ? tr("The certificate was issued by an authority this computer does not "
                        "know.")
                   : tr("The certificate was issued by \"%1\", an authority this computer "
                        "does not know or trust.")
                         .arg(issuer);
    case QSslError::CertificateExpired:
        return tr("The certificate expired on %1; a server should not use it any more.")
            .arg(date(cert.expiryDate()));
    case QSslError::CertificateNotYetValid:
        return tr("The certificate becomes valid only on %1 (or this computer's clock is "
                  "wrong).")
            .arg(date(cert.effectiveDate()));
    case QSslError::HostNameMismatch:
        return tr("The certificate is for %1, not for %2: it may belong to a different "
                  "server.")
            .arg(names(cert).isEmpty() ? tr("no name at all") : names(cert), host);
    case QSslError::CertificateRevoked:
        return tr("The authority that issued the certificate has revoked it.");
    case QSslError::InvalidPurpose:
        return tr("The certificate is not meant for a server.");
    case QSslError::CertificateUntrusted:
    case QSslError::CertificateRejected:
        return tr("The certificate is marked as not to be trusted.");
    case QSslError::CertificateSignatureFailed:
        return tr("The certificate's signature does not match: it was altered or forged.");
    case QSslError::NoPeerCertificate:
        return tr("The server sent no certificate at all.");
    case QSslError::PathLengthExceeded:
    case QSslError::InvalidCaCertificate:
        return tr("An authority in the chain is not allowed to issue this certificate.");
    default:
        return error.errorString();
    }
}

QString CertificateDialog::describeChain(const QList<QSslCertificate> &chain)
{
    QString html;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (qsizetype i = 0; i < chain.size(); ++i) {
        const QSslCertificate &c = chain[i];
        const bool expired = c.expiryDate() < now;
        const bool early = c.effectiveDate() > now;
        QString validity = tr("%1 to %2").arg(date(c.effectiveDate()), date(c.expiryDate()));
        if (expired)
            validity += tr(" <b>(expired)</b>");
        if (early)
            validity += tr(" <b>(not valid yet)</b>");
        html += QStringLiteral("<h3>%1</h3><table>")
                    .arg(i == 0 ? tr("Server certificate") : tr("Issuer certificate %1").arg(i));
        const auto row = [&html](const QString &label, const QString &value) {
            html += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>").arg(label, value);
        };
        row(tr("Subject"), c.subjectDisplayName().toHtmlEscaped());
        row(tr("Issuer"), c.issuerDisplayName().toHtmlEscaped());
        row(tr("Valid"), validity);
        row(tr("Key"), keyDescription(c).toHtmlEscaped());
        row(tr("SHA-256"), QStringLiteral("<tt>%1</tt>").arg(TlsTrustDecision::fingerprint(c)));
        row(tr("Names"), names(c).toHtmlEscaped());
        html += QStringLiteral("</table>");
    }
    if (chain.isEmpty())
        html = tr("<p>The server sent no certificate.</p>");
    return html;
}
