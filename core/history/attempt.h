// One attempt kept in the history: a send, a test connection, a server check or a console
// session, with its whole transcript (the reply->command and command->origin links included),
// its outcome and where it went. Never a secret: the transcript is already redacted and the
// settings keep the user name, not the password.
#pragma once

#include "smtp/smtpclient.h"
#include "smtp/transcriptentry.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

class Attempt
{
    Q_DECLARE_TR_FUNCTIONS(Attempt)
public:
    enum class Kind
    {
        Send,
        TestConnection,
        ServerCheck,
        Console,
    };
    // What came of it; SendResult's outcomes, and Unknown for an attempt that never finished
    // (the program ended under it).
    enum class Outcome
    {
        Success,
        PartialSuccess,
        Failure,
        DeliveryUnknown,
        Cancelled,
        Unknown,
    };

    QString id; // file name without ".json"; sortable by time
    Kind kind = Kind::Send;
    QDateTime started; // wall-clock time of the first line, UTC
    QString account;   // the account's name, empty for the command line

    // Where it went and how; enough to repeat it (never the password).
    QString host;
    int port = 0;
    SmtpSettings::Security security = SmtpSettings::Security::StartTls;
    QString heloName;
    QString user; // empty: no AUTH
    QString authMechanism;
    bool pipelining = true;
    bool chunking = true;
    bool verifyPeer = true;
    QString sender;
    QStringList to, cc, bcc; // envelope recipients by the field they came from
    QString subject;

    Outcome outcome = Outcome::Unknown;
    QString error;     // SendResult::Error's name, "" for none
    QString step;      // machine name of the step it ended in ("RcptTo")
    QString stepLabel; // the same in words
    QString message;   // one line for people
    qint64 elapsedMs = -1;
    QList<TranscriptEntry> entries;

    QString server() const; // "host:port", "[::1]:25"
    // Fills host, port, security, EHLO name, user and mechanism and the protocol choices.
    void setSettings(const SmtpSettings &settings);
    // Fills the outcome from a client's result.
    void setResult(const SendResult &result);
    // The envelope as it was to be sent (sender, and each recipient by its field).
    void setEnvelope(const Envelope &envelope);
    // The envelope from the commands' origins (MAIL and each RCPT) and the subject from the
    // message's header preview: what the transcript says went out. Kept as it is when the
    // attempt ended before MAIL.
    void deriveEnvelope();

    static QString kindName(Kind kind);    // "send", "test-connection", ... (JSON, CLI)
    static QString kindLabel(Kind kind);   // for people
    static QString outcomeName(Outcome o); // "success", "partial", ... (JSON, CLI)
    static QString outcomeLabel(Outcome o);
    static std::optional<Kind> kindFromName(const QString &name);
    static std::optional<Outcome> outcomeFromName(const QString &name);
    static QString securityName(SmtpSettings::Security security); // send's --security words

    QJsonObject toJson() const;
    // toJson() as compact text. encodedEntries: the entries already encoded one by one with
    // encodeEntry(), comma-separated (a recorder encodes each line as it comes, so that saving a
    // 10,000-line attempt does not stall the window at the end); empty: encoded here.
    QByteArray toCompactJson(const QByteArray &encodedEntries = {}) const;
    static QByteArray encodeEntry(const TranscriptEntry &entry);
    // The summary fields of toJson() alone: id, time, kind, server, account, outcome, ...
    QJsonObject summaryJson() const;
    // nullopt with *error saying which field is wrong.
    static std::optional<Attempt> fromJson(const QJsonObject &object, QString *error);

    static QJsonObject entryToJson(const TranscriptEntry &entry);
    static TranscriptEntry entryFromJson(const QJsonObject &object);
    static QJsonObject commandToJson(const TranscriptCommand &command);
    static TranscriptCommand commandFromJson(const QJsonObject &object);
    static QJsonObject originToJson(const CommandOrigin &origin);
    static CommandOrigin originFromJson(const QJsonObject &object);
};
Q_DECLARE_METATYPE(Attempt)
