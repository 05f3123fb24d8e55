// One message the sandbox received: the envelope and session facts kept beside the .eml,
// exactly as the server saw them, so envelope and headers can be compared.
#pragma once

#include "smtp/transcriptentry.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

struct StoredMessage
{
    QString id; // also the file name stem; sorts in the order messages arrived
    QDateTime received;
    QString mailFrom;           // reverse-path as sent, without <>; empty for the null sender
    QStringList rcptTo;         // accepted forward-paths
    QStringList mailParameters; // e.g. "BODY=8BITMIME", "SMTPUTF8", "RET=HDRS"
    QStringList rcptParameters; // per recipient, "" when none (NOTIFY=..., ORCPT=...)
    qint64 size = 0;            // bytes of the .eml
    qint64 diskSize = 0;        // bytes the store keeps for it: .eml and sidecar (not saved)
    QString helo;               // the client's EHLO/HELO argument
    QString peer;               // "127.0.0.1:40000"
    QString tls;                // "TLSv1.3 TLS_AES_256_GCM_SHA384", empty without TLS
    QString authMechanism;      // empty when the client did not authenticate
    QString authUser;
    QString transferCommand; // "DATA" or "BDAT"
    // The Received: header the sandbox would prepend (RFC 5321 section 4.4). It is kept
    // here, not in the .eml, so the stored message stays byte for byte what the client sent.
    QString receivedHeader;
    quint64 sessionId = 0;
    QList<TranscriptEntry> transcript; // the server's side of the session, secrets redacted

    QJsonObject toJson() const;
    static StoredMessage fromJson(const QJsonObject &object);
    static QJsonObject entryToJson(const TranscriptEntry &entry);
    static TranscriptEntry entryFromJson(const QJsonObject &object);
};

Q_DECLARE_METATYPE(StoredMessage)
