// A sent message as a learner reads it: each header field with what it is for and its RFC 2047
// words decoded beside the raw form, and the tree of MIME parts with type, size and transfer
// encoding. Read with MimeParser from the bytes that went out.
#pragma once

#include "mime/mimeparser.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

class MessageStructure
{
    Q_DECLARE_TR_FUNCTIONS(MessageStructure)
public:
    struct Header
    {
        QString name;
        QString raw;     // unfolded, as written
        QString decoded; // the encoded words decoded; empty when it reads as raw does
        QString meaning; // HeaderExplain's, empty for a field it does not know
    };

    struct Node
    {
        int depth = 0; // 0 for the message itself
        QByteArray type;
        QString charset;
        QString fileName;
        QByteArray encoding;    // Content-Transfer-Encoding, lower case, "7bit" when missing
        QByteArray disposition; // lower case, empty when missing
        qint64 size = 0;        // a leaf's content after decoding
        qint64 wireSize = 0;    // the body as transferred
        int children = 0;
        QString problem; // MimeParser's, when the structure is broken

        // "1.2 KB, quoted-printable, utf-8"; "report.pdf, 48.0 KB (64.9 KB as base64),
        // attachment"; "2 parts".
        QString describe() const;
    };

    static QList<Header> headers(const MimeParser::Part &part);
    // Depth first, in order, the root first.
    static QList<Node> tree(const MimeParser::Part &root);
};
