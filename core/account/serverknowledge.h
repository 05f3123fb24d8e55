// What an account's server said about itself (its EHLO extensions and limits) and when, learnt
// by a server check or a send, so the compose window can say before sending what the server
// would refuse. Kept per account beside the accounts, in the same settings file.
#pragma once

#include "smtp/capabilities.h"
#include "smtp/envelope.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>

class MessageSource;
class Submission;
struct Account;

struct ServerKnowledge
{
    Q_DECLARE_TR_FUNCTIONS(ServerKnowledge)
public:
    // Account::serverLabel() of the server it was learnt from: knowledge of another server (the
    // account's host or port changed since) does not apply.
    QString server;
    QDateTime learntAt; // UTC
    bool tls = false;   // learnt from the EHLO after TLS
    QList<QPair<QByteArray, QByteArray>> extensions;

    bool isValid() const { return learntAt.isValid(); }
    Capabilities capabilities() const;
    static ServerKnowledge from(const Capabilities &capabilities, const QString &server, bool tls,
                                const QDateTime &when = QDateTime::currentDateTimeUtc());

    // What this server would refuse in a message about to be sent, one sentence each: larger
    // than SIZE, a non-ASCII address without SMTPUTF8, DSN asked for and not offered.
    QStringList preflight(qint64 messageSize, bool needsSmtpUtf8, const DsnOptions &dsn) const;
    // The message as this server would get it (opened with its extensions: a non-ASCII local
    // part it cannot take is named by the writer, with the field).
    QStringList preflight(MessageSource &source, const DsnOptions &dsn) const;
    // "learnt 3 minutes ago", "learnt on 2026-11-30 14:02".
    QString age(const QDateTime &now = QDateTime::currentDateTimeUtc()) const;
};

class ServerKnowledgeStore : public QObject
{
    Q_OBJECT
public:
    // settingsFile: the accounts' file (AccountStore::fileName()).
    explicit ServerKnowledgeStore(const QString &settingsFile, QObject *parent = nullptr);

    // What is known about the account's current server; invalid when nothing, or when it was
    // learnt from another host or port.
    ServerKnowledge knowledge(const Account &account) const;
    ServerKnowledge knowledge(const QString &accountId) const;
    // Saved at once; false when the file cannot be written.
    bool learn(const QString &accountId, const ServerKnowledge &knowledge);
    void forget(const QString &accountId);
    // Learns from every EHLO of the submission's sends and tests, for the account in use.
    void watch(Submission *submission);

Q_SIGNALS:
    void changed(const QString &accountId);

private:
    QString m_file;
};
