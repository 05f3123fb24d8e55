// The questions a send or a probe must put to a person (a password, an untrusted server
// certificate), asked without waiting: a request goes out at once and is answered later by a
// signal carrying its id. No nested event loop. The UI implements it once, with its dialogs;
// tests and headless commands with their own.
#pragma once

#include "smtp/sasl.h"

#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QSslError>
#include <QString>

class Prompter : public QObject
{
    Q_OBJECT
public:
    struct PasswordRequest
    {
        quint64 id = 0;
        QString accountId;
        QString server; // "smtp.example.org:587"
        QString user;
        QString reason;        // the server's refusal; empty when the password is just missing
        QString rememberWhere; // the credential store's location, for "remember it"
    };

    struct CertificateRequest
    {
        quint64 id = 0;
        QString accountId;
        QString server;
        QString host; // the name the certificate should be for
        QList<QSslCertificate> chain;
        QList<QSslError> errors;
        bool canPin = false; // "trust permanently" can be offered: the account is stored
    };

    enum class CertificateChoice
    {
        Refuse,
        AcceptOnce,
        TrustPermanently,
    };
    Q_ENUM(CertificateChoice)

    using QObject::QObject;

    // Each answered once by the matching signal, never before the call returns.
    virtual void askPassword(const PasswordRequest &request) = 0;
    virtual void askCertificate(const CertificateRequest &request) = 0;

Q_SIGNALS:
    // An empty secret: the person declined. remember: keep it in the credential store.
    void passwordAnswered(quint64 id, const SaslCredentials &credentials, bool remember);
    void certificateAnswered(quint64 id, Prompter::CertificateChoice choice);
};
