// Sending from a "Direct to the recipient's server (MX)" account in the window: MxDelivery
// with the composed message, a transcript section per recipient domain, and the outcome of
// every domain and recipient in words for the result banner.
#pragma once

#include "account/account.h"
#include "delivery/mxdelivery.h"
#include "mime/message.h"

#include <QObject>

#include <memory>

class MessageSource;
class TranscriptModel;

class DirectSend : public QObject
{
    Q_OBJECT
public:
    DirectSend(TranscriptModel *transcript, QObject *parent = nullptr);
    ~DirectSend() override;

    bool isBusy() const { return m_delivery->isBusy(); }
    MxDelivery *delivery() const { return m_delivery; }
    // Starts; returns why it cannot (naming the field), or an empty string.
    QString start(const Account &account, const Message &message);
    void cancel() { m_delivery->cancel(); }

    // For the banner: "Delivered to 2 of 3 recipient domains", and one line per domain
    // followed by its refused or unsent recipients.
    static QString title(const MxDeliveryResult &result);
    static QString details(const MxDeliveryResult &result);

Q_SIGNALS:
    void finished(const MxDeliveryResult &result);

private:
    TranscriptModel *m_transcript;
    MxDelivery *m_delivery;
    std::unique_ptr<MessageSource> m_source;
    QString m_accountName;
};
