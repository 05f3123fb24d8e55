// Plain text as format=flowed (RFC 3676, DelSp=no): long lines wrapped at spaces with soft
// breaks that readers re-join to fit any screen, quoted lines kept as quotes, and lines that
// a reader would misread (a leading space, ">" or "From ") space-stuffed. And back: every
// reader of mail (the inbox, .eml files, reply quotes) joins a flowed part's paragraphs with
// decode(), through MimeParser::Part::readableText().
#pragma once

#include <QString>

class FlowedText
{
public:
    // The width lines are wrapped at, as RFC 3676 section 4.2 recommends (78 at most).
    static constexpr int Width = 78;

    // The text as flowed lines joined by "\n". Each line of the input is a paragraph; leading
    // ">" characters are its quote depth. Trailing spaces of a line are dropped (a space
    // before a line break is what marks a soft break), except in the "-- " signature line.
    static QString encode(const QString &text, int width = Width);
    // Flowed lines (any line breaks) back to one line per paragraph, quotes as "> " prefixes
    // ("> > " for depth 2 is written ">> ", an empty quoted line ">"); the signature separator
    // "-- " stays a line of its own. delSp: the DelSp=yes parameter was given.
    static QString decode(const QString &flowed, bool delSp = false);
};
