// placeholder while the state machine is written (replaced within the hour)
#include "smtpclient.h"

#include "datastuffer.h"
#include "messagesource.h"

#include <QMetaEnum>
#include <QSslSocket>
#include <QTimer>

struct SmtpClient::Pending
{
    int command;
};

SmtpTimeouts SmtpTimeouts::uniform(int ms)
{
    SmtpTimeouts t;
    t.connect = t.greeting = t.command = t.mail = t.rcpt = t.data = t.dataBlock = t.endOfData =
        t.tlsHandshake = t.quit = ms;
    return t;
}

SmtpClient::SmtpClient(QObject *parent)
    : QObject(parent)
{}
SmtpClient::~SmtpClient() = default;
QString SmtpClient::stateName(State state)
{
    return QString::fromLatin1(QMetaEnum::fromType<State>().valueToKey(int(state)));
}
void SmtpClient::send(const SmtpSettings &, const Envelope &, MessageSource *) {}
void SmtpClient::probe(const SmtpSettings &) {}
void SmtpClient::cancel() {}
void SmtpClient::approveCertificate() {}
void SmtpClient::rejectCertificate() {}
void SmtpClient::provideCredentials(const SaslCredentials &) {}
