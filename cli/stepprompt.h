// `postwire send --step`: before each command the client waits, the prompt prints the line with
// what it will do and why, and one answer line read from stdin decides. Stdin is read through
// the event loop (a QSocketNotifier), only while an answer is awaited, so the socket is never
// stalled and a piped script is read one answer per pause.
#pragma once

#include "smtp/transcriptentry.h"

#include <QByteArray>
#include <QList>
#include <QObject>

class QSocketNotifier;
class QTextStream;
class SmtpClient;

class StepPrompt : public QObject
{
    Q_OBJECT
public:
    // Answers, one per line: empty sends the step as planned, "q" stops (QUIT and end),
    // "+LINE" sends LINE first, "#N LINE" replaces the Nth command of a pipelined group, and any
    // other line replaces the (first) command. The end of input stops.
    StepPrompt(SmtpClient *client, QTextStream *out, int fd = 0, QObject *parent = nullptr);

    // The answers' syntax, for --help and the first pause.
    static QString help();

private:
    void onPaused(const QList<TranscriptCommand> &next);
    void readInput();
    void answerFromBuffer();
    void answer(const QByteArray &line);
    void say(const QString &line);
    void prompt();

    SmtpClient *m_client;
    QTextStream *m_out;
    QSocketNotifier *m_notifier;
    int m_fd;
    bool m_terminal = false;
    bool m_waiting = false; // a pause awaits an answer
    bool m_eof = false;
    bool m_helped = false;
    QByteArray m_buffer; // bytes read and not yet taken as answers
};
