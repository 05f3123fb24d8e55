// Step mode's rules (issue 16), apart from the client that applies them: which line a person
// may send instead of or before a planned command, how a waiting step is shown to them
// (credentials hidden), and what it will do and why, in words the CLI and the window share.
#pragma once

#include "smtp/transcriptentry.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

class QIODevice;

class SmtpStep
{
    Q_DECLARE_TR_FUNCTIONS(SmtpStep)
public:
    // RFC 5321 section 4.5.3.1.4: a command line is at most 512 octets, its CRLF included.
    static constexpr qsizetype MaxCommandLine = 512;
    // Lines of the message the content step shows before it goes.
    static constexpr int PreviewLines = 12;

    // The message content as its step shows it, before any of it is sent.
    struct Content
    {
        bool present = false;  // the step is the message content
        bool chunking = false; // BDAT: the size is announced, nothing is stuffed or ended
        qint64 size = 0;       // bytes of the message, before dot-stuffing
        QStringList firstLines;
    };

    // Why a line a person typed cannot go as one command, naming the rule; empty when it can.
    static QString refuseLine(const QByteArray &line);
    // The command word of a line, upper-cased: "mail FROM:<a>" is "MAIL".
    static QByteArray verbOf(const QByteArray &line);
    // The kind of a line a person typed ("NOOP" is Noop; anything unknown is Other).
    static TranscriptCommand::Kind kindOfLine(const QByteArray &line);
    // A typed line as the transcript shows it: the secret of an AUTH line (its initial
    // response) and any line answering an AUTH challenge (answersChallenge) are masked.
    static QString shownLine(const QByteArray &line, bool answersChallenge, bool *redacted);
    // A waiting command as a person sees it: AUTH keeps its mechanism, the credentials read
    // "(credentials hidden)".
    static TranscriptCommand shown(const TranscriptCommand &command);
    // What the command will do and why (the field or setting that produced it).
    static QString explain(const TranscriptCommand &command);
    // Size, first lines and how the content travels: dot-stuffing and the lone "." for DATA,
    // the announced size for BDAT.
    static QString explainContent(const Content &content);
    // The first lines of what device will read, without reading it.
    static QStringList peekLines(QIODevice *device, int lines = PreviewLines);
};
