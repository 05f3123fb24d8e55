// An attempt as a file or a command line: text with the explanations inline, HTML with them
// visible, JSON with one object per event, and the `postwire send` / `swaks` command that
// repeats it (the password never in it: read from an environment variable).
#pragma once

#include "history/attempt.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QString>
#include <QStringList>

class AttemptExport
{
    Q_DECLARE_TR_FUNCTIONS(AttemptExport)
public:
    enum class Format
    {
        Text,
        Html,
        Json,
    };
    // The environment variable the copied commands read the password from.
    static QString passwordVariable() { return QStringLiteral("POSTWIRE_PASSWORD"); }

    static QString toText(const Attempt &attempt);
    static QString toHtml(const Attempt &attempt);
    static QJsonDocument toJson(const Attempt &attempt);
    static QByteArray exported(const Attempt &attempt, Format format);
    // The format a file name asks for (.txt, .html/.htm, .json); Text when unknown.
    static Format formatForFile(const QString &fileName);

    // What a line gets explained with in a listing, or empty: a reply under its last line,
    // the message's header preview once (*inContent carries that from line to line).
    static QString explanationFor(const TranscriptEntry &entry, bool *inContent);
    // The transcript lines and their explanations, as `postwire send --explain` prints them.
    static QStringList explainedLines(const QList<TranscriptEntry> &entries);

    // The arguments (program first) and the shell line that repeat the attempt. A send repeats
    // with `postwire send` (a test connection and a server check with `postwire probe`).
    static QStringList postwireArguments(const Attempt &attempt);
    static QStringList swaksArguments(const Attempt &attempt);
    static QString postwireCommand(const Attempt &attempt);
    static QString swaksCommand(const Attempt &attempt);
    // POSIX shell quoting: bare when safe, else in single quotes; a word that is exactly
    // "$VAR" in double quotes, so the shell expands it.
    static QString shellQuote(const QString &word);
    static QString shellLine(const QStringList &arguments);

private:
    static QStringList header(const Attempt &attempt);
};
