// Whether the client trusts the server's certificate: the account's pins (SHA-256
// fingerprints), its verification setting and, when verification fails, a person's review.
// A pinned account trusts exactly its pins, so a changed certificate is never silent.
#pragma once

#include <QCoreApplication>
#include <QList>
#include <QSslCertificate>
#include <QSslError>

class TlsTrustDecision
{
    Q_DECLARE_TR_FUNCTIONS(TlsTrustDecision)
public:
    enum class Decision
    {
        Trust,           // go on
        TrustPinned,     // go on despite the errors: the certificate is pinned for the account
        TrustUnverified, // go on despite the errors: verification is off ("--insecure")
        Review,          // a person decides (certificateReview())
        Refuse,          // stop: reason says why
    };
    struct Step
    {
        Decision decision = Decision::Trust;
        QString reason; // Refuse: for people
    };

    TlsTrustDecision(const QList<QByteArray> &pinnedFingerprints, bool verifyPeer);

    // The handshake verified the certificate: a pinned account still wants its pin.
    Step onVerified(const QSslCertificate &peer) const;
    // Verification failed with errors; personAvailable: someone can review the certificate.
    Step onErrors(const QSslCertificate &peer, const QList<QSslError> &errors,
                  bool personAvailable) const;

    // "AB:CD:...", the SHA-256 fingerprint as people compare it: the one form shown anywhere
    // (window, command line, sandbox), for a certificate, a raw digest or a stored pin.
    static QString fingerprint(const QSslCertificate &certificate);
    static QString fingerprintText(const QByteArray &digestOrHexPin);
    // A fingerprint as people write it ("AB:CD:..." or plain hex, any case) in the stored pin
    // form (64 lower-case hex digits); empty when it is not a SHA-256 fingerprint.
    static QByteArray pinFromText(const QString &text);
    // "TLS 1.3": the one way a TLS version is named, by the client and the sandbox alike.
    static QString protocolName(QSsl::SslProtocol protocol);

private:
    QString pinMismatch(const QSslCertificate &peer) const;

    QList<QByteArray> m_pins; // hex, lower case
    bool m_verifyPeer;
};
