// One header field being written: words are added as they should read, and the field comes
// out folded at 78 columns (never over 998), with RFC 2047 encoded words wherever the text
// cannot go as it is (non-ASCII without SMTPUTF8, control characters, words too long to fold).
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

struct Mailbox;

class MimeHeader
{
public:
    // utf8: the header may carry raw UTF-8 (RFC 6532), so non-ASCII alone needs no encoding.
    MimeHeader(const QByteArray &name, bool utf8);

    // Unstructured text (Subject, extra headers): words kept, whitespace kept.
    void addText(const QString &text);
    // A display name: atoms as they are, a quoted string when it has specials, encoded words
    // when it has to.
    void addPhrase(const QString &phrase);
    // `name <address>`; address is already in its wire form.
    void addMailbox(const QString &name, const QByteArray &address);
    // A token that is never split; space: preceded by a space (a place to fold).
    void addToken(const QByteArray &token, bool space = true);
    // Glued to the previous token without a space (",", ";").
    void appendToLast(const QByteArray &text);
    // "; attribute=value": as a token or quoted string when it can be, otherwise RFC 2231
    // (UTF-8, percent-encoded, split into numbered sections that fold).
    void addParameter(const QByteArray &attribute, const QString &value);
    // "; attribute="=?UTF-8?...?= ..."": the RFC 2047 form of a non-ASCII parameter that
    // older readers understand (RFC 2231 is the standard form; both may be given).
    void addEncodedWordParameter(const QByteArray &attribute, const QString &value);

    bool isEmpty() const { return m_tokens.isEmpty(); }
    // "Name: value\r\n", folded.
    QByteArray toBytes() const;

    // The RFC 2047 words for text, each at most maxWordLength long (Q or B, whichever is
    // shorter for the whole text), split between grapheme clusters.
    static QList<QByteArray> encodeWords(const QString &text, int maxWordLength = 75);
    static bool isAscii(const QString &text);

    static constexpr int FoldAt = 78;

private:
    struct Token
    {
        QByteArray whitespace; // before the token; non-empty means the field may fold here
        QByteArray text;
        QString encoded; // non-empty: text to lay out as encoded words (text then unused)
    };
    void addEncodedRun(const QByteArray &whitespace, const QString &text);

    QByteArray m_name;
    bool m_utf8;
    QList<Token> m_tokens;
};
