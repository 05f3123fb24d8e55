// A line a person typed in the console, turned into the bytes it puts on the wire: the escapes
// \r, \n, \xHH and \\ give exact bytes no well-behaved client sends (bare CR or LF, NUL).
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

struct ConsoleLine
{
    Q_DECLARE_TR_FUNCTIONS(ConsoleLine)
public:
    QByteArray bytes; // what the person wrote, escapes resolved, no line ending added
    // An escaped CR or LF is in the line: the person chose the line endings, so the bytes go
    // out exactly as they are, without the CRLF the console otherwise adds.
    bool exact = false;
    QString error; // why the line cannot be sent, for people; empty when it can

    bool isValid() const { return error.isEmpty(); }
    // The bytes that leave the client: the line and CRLF, or exactly the bytes.
    QByteArray wire() const { return exact ? bytes : bytes + "\r\n"; }

    static ConsoleLine parse(const QString &typed);
    // Bytes as the transcript shows them: control bytes as the escapes that would type them
    // ("Hi\n.\n"), a backslash doubled, so what is shown can be typed again to send the same.
    static QString display(const QByteArray &bytes);
};
