// Text from a server, a file or another program made safe to show a person: control characters
// become visible escapes, so no byte of theirs can move a terminal's cursor, ring its bell,
// change its colours, overwrite a line with a CR or reorder a view's text.
#pragma once

#include <QByteArrayView>
#include <QString>
#include <QStringView>

// Bytes as UTF-8: NUL, TAB, LF and CR as \0 \t \n \r, the other C0 controls and DEL as \x1b,
// the C1 controls, the bidirectional overrides and isolates and the line and paragraph
// separators as \u0085, and bytes that are not UTF-8 as \xff. Everything else is kept as it is;
// the escapes are for reading, not a reversible encoding (a backslash stays a backslash).
QString printableText(QByteArrayView bytes);
// The same for text already decoded (a header, a file name, a line of a transcript).
QString printableText(QStringView text);
