// Reads an .eml file (RFC 5322 / MIME) back into a Message for the composer: headers decoded
// (RFC 2047 words, UTF-8 headers, address lists), the first text/plain and text/html parts as
// the bodies, every other leaf part written as a file into a folder and listed as attachment.
// Headers the model has no field for become extra headers, except those added in transit
// (Received, DKIM-Signature, ARC-*...), which must not be sent again.
#pragma once

#include "mime/message.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <optional>

class EmlParser
{
    Q_DECLARE_TR_FUNCTIONS(EmlParser)

public:
    // attachmentDir must exist; attachment files are named after their shown names (made
    // safe, numbered when two collide). Returns no message and sets *error ("cannot read
    // file.eml: ...", "file.eml: not a mail message: ...") when nothing usable was found.
    // A saved copy's marked Bcc header is read back into Message::bcc.
    static std::optional<Message> parseFile(const QString &path, const QString &attachmentDir,
                                            QString *error);
    static std::optional<Message> parse(const QByteArray &data, const QString &attachmentDir,
                                        QString *error);
    // As parseFile(), extracting into a new folder under the system's temporary location,
    // whose path is returned in *attachmentDir (the caller removes it when done).
    static std::optional<Message> parseFileToTemporary(const QString &path, QString *attachmentDir,
                                                       QString *error);

    // RFC 2047 decoding of an unstructured header value (unfolded), for the UI and tests.
    static QString decodeHeaderText(const QByteArray &value);
};
