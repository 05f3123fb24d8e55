// One person in an address header: a display name and an address (RFC 5322 section 3.4), with
// the parser the compose window uses to validate what is typed, entry by entry, as it is typed.
#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

struct MailboxParseResult;

struct Mailbox
{
    Q_DECLARE_TR_FUNCTIONS(Mailbox)
public:
    QString name;    // display name, decoded (may be empty)
    QString address; // addr-spec "local@domain", Unicode (never the A-label form)

    bool isEmpty() const { return address.isEmpty(); }
    // Why the address cannot be used (Envelope::checkAddress's rule), or an empty string.
    QString check() const;

    // The form people type and read: `Ana <ana@example.org>`, `"Doe, John" <j@x.org>`, or the
    // bare address when there is no name. parseList() reads it back to the same Mailbox for
    // every Mailbox it accepted (a quoted local part keeps its <> to keep its quotes).
    QString toString() const;
    static QString formatList(const QList<Mailbox> &mailboxes);

    // Splits header-style text into its entries (separated by ',' or ';', outside quotes,
    // angle brackets and comments) and parses each: `ana@example.org`, `Ana <ana@example.org>`,
    // `"Doe, John" <j@x.org>`, `<ana@example.org>`, `ana@example.org (Ana)`. Empty entries
    // (",,", a trailing comma) are skipped. Never fails as a whole: each entry has its verdict.
    // A display name is read with its white space runs made single spaces (as unfolding and
    // typing both produce them); a control character in it (also in a comment) is refused.
    static QList<MailboxParseResult> parseList(const QString &text);
    // A single entry, e.g. the From field; an error when the text holds no or several entries.
    static MailboxParseResult parse(const QString &text);

    friend bool operator==(const Mailbox &a, const Mailbox &b)
    {
        return a.name == b.name && a.address == b.address;
    }
};

struct MailboxParseResult
{
    Mailbox mailbox;     // what could be read, even when invalid (for showing it back)
    QString error;       // empty when valid, else why, e.g. `"ana@" has no domain after the @`
    qsizetype start = 0; // where the entry is in the parsed text (trimmed), for highlighting
    qsizetype length = 0;

    bool isValid() const { return error.isEmpty(); }
};
