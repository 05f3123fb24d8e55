// What the headless commands share: the exit codes, the options that name a server and its
// security, reading a secret, the transcript printed the way `postwire send` prints it, and
// Ctrl+C delivered through the event loop.
#pragma once

#include "smtp/smtpclient.h"
#include "smtp/transcriptentry.h"

#include <QString>

#include <functional>

class QCommandLineParser;
class QObject;
class QTextStream;

// Exit codes, one per step that can fail; documented in each command's --help and the README.
enum ExitCode
{
    ExitOk = 0,
    ExitUsage = 2,
    ExitConnect = 3,
    ExitGreeting = 4,
    ExitTls = 5,
    ExitEhlo = 6,
    ExitAuth = 7,
    ExitMail = 8,
    ExitRcpt = 9,
    ExitData = 10,
    ExitEndOfData = 11,
    ExitTimeout = 12,
    ExitCancelled = 13,
    ExitDeliveryUnknown = 14,
    ExitMessage = 15,
    ExitSessionLost = 16, // console: the session ended without QUIT
};

// A bad option or input: the text names it. Commands print it and exit with ExitUsage.
class UsageError
{
public:
    QString text;
};

// --security none|starttls|starttls-optional|tls; an empty value gives fallback.
SmtpSettings::Security parseSecurity(const QString &value, SmtpSettings::Security fallback);
// --server HOST, HOST:PORT, [IPv6]:PORT or a bare IPv6 address; without a port, defaultPort.
void parseServer(const QString &value, SmtpSettings *settings, quint16 defaultPort);
// --password-env VAR or --password-file F; empty when neither is given.
QString readSecret(const QCommandLineParser &parser);
// --ca-file F: the certificates, or a UsageError naming the file.
QList<QSslCertificate> readCaFile(const QString &path);
// --timeout S: every timeout set to that many seconds.
SmtpTimeouts parseTimeout(const QString &value);

// The transcript on a terminal: "    12 ms C: EHLO host", every line made printable, with
// --explain a plain-words line under each command and under each reply's last line.
class TranscriptPrinter
{
public:
    TranscriptPrinter(QTextStream &out, bool quiet, bool explain);
    void print(const TranscriptEntry &entry);
    // One line of the command's own, made printable.
    void say(const QString &line);

private:
    QTextStream &m_out;
    bool m_quiet;
    bool m_explain;
    bool m_inContent = false;
};

// Ctrl+C and SIGTERM call onInterrupt from the event loop (the handler only writes a byte to
// a pipe). context owns the notifier.
void onInterrupt(QObject *context, std::function<void()> onInterrupt);
