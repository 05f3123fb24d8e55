// Takes a MIME message apart (RFC 5322, 2045-2047, 2231) for everything that reads mail: the
// .eml importer (EmlParser) and the sandbox inbox (ParsedMail) share it so both read mail alike.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <functional>

class MimeParser
{
    Q_DECLARE_TR_FUNCTIONS(MimeParser)
public:
    struct Field
    {
        QByteArray name;  // as written
        QByteArray value; // unfolded (only the line breaks removed), trimmed, undecoded
    };

    // One entity of the tree. Views point into the bytes given to parse(): nothing of a large
    // message is copied until a consumer decodes it.
    struct Part
    {
        QList<Field> fields;
        QByteArrayView headerBlock; // the header lines as written, without the final line break
        QByteArrayView body;        // as transferred, before Content-Transfer-Encoding
        QByteArray type;            // lower case; text/plain when missing or malformed
        QMap<QByteArray, QString> typeParameters; // lower-case names, decoded values
        QByteArray disposition;                   // lower case; empty when missing
        QMap<QByteArray, QString> dispositionParameters;
        QList<Part> children; // a multipart's parts; empty for a leaf
        // Why this part's structure is broken (a multipart whose boundary is missing or
        // wrong), for people; empty when it is sound.
        QString problem;

        // The first field of that name (any case), undecoded; empty when missing.
        QByteArray value(QByteArrayView name) const;
        bool has(QByteArrayView name) const;
        QByteArray transferEncoding() const; // lower case
        QString fileName() const;            // disposition's filename, else the type's name
        QString contentId() const;           // without <>
        QByteArray decodedBody() const;      // after Content-Transfer-Encoding
        QString text() const;                // decodedBody() in the part's charset
        // text/plain; format=flowed (RFC 3676).
        bool isFlowed() const;
        // text() as a person reads it, for every reader (inbox, .eml, reply quotes): a flowed
        // part's paragraphs joined again (soft breaks gone, DelSp=yes honoured, stuffing
        // undone, quotes as "> "); any other text as written.
        QString readableText() const;
        QList<const Part *> leaves() const; // depth first, in order; this one when a leaf
    };

    // What a reader shows: the first text/plain and text/html leaves that are inline (said so,
    // or unnamed without a disposition) as the bodies, every other leaf (in order) as an
    // attachment. Pointers into the parsed tree. problems: every Part::problem of the tree, for
    // the reader to say that the structure is broken.
    struct Bodies
    {
        const Part *text = nullptr;
        const Part *html = nullptr;
        QList<const Part *> others;
        QStringList problems;
    };

    // Never fails: what does not parse is kept as text. An mbox "From " line before the headers
    // is skipped. message must outlive the result (and every Part copied from it). Mail that
    // breaks the rules is read as mature readers do: a part without Content-Type in a
    // multipart/digest is message/rfc822, a nested multipart that reuses its parent's boundary
    // gets the parts after it, and a multipart whose boundary never occurs is split at the
    // "--token" lines that start parts (with Part::problem saying so).
    static Part parse(QByteArrayView message);
    static Bodies bodies(const Part &root);

    // RFC 2047 encoded words in an unfolded header value; the rest is raw UTF-8 (RFC 6532)
    // when valid, else Latin-1. White space is kept as written, except between two words.
    static QString decodeHeader(QByteArrayView value);
    // Bytes in a named charset. An empty, ASCII or UTF-8 label reads as UTF-8 when the bytes
    // are valid UTF-8 and as Latin-1 otherwise (mislabelled mail is common); an unknown
    // charset falls back to Latin-1, which never fails.
    static QString decodeText(QByteArrayView bytes, QByteArrayView charset);
    // "type/sub; a=b; c*0*=..." -> the lower-case main value; parameters (quoted strings,
    // RFC 2231 sections and charsets, RFC 2047 words inside quotes) go into *parameters.
    static QByteArray parseParameters(QByteArrayView value, QMap<QByteArray, QString> *parameters);
    static QByteArray decodeTransfer(QByteArrayView body, QByteArrayView encoding);
    // The same, handed to sink in slices of about a megabyte, so a large attachment is never
    // whole in memory twice (an unencoded body's slices are views of body itself). Stops and
    // returns false when sink does.
    static bool decodeTransfer(QByteArrayView body, QByteArrayView encoding,
                               const std::function<bool(QByteArrayView)> &sink);
};
