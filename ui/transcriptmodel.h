// The live SMTP transcript as a flat list model: a section header per send, one row per
// transcript entry, and rows that expand in place (the EHLO extension table, DATA headers), so
// a view with uniform row heights stays smooth at 100,000 lines.
#pragma once

#include "smtp/transcriptentry.h"

#include <QAbstractListModel>
#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QPair>
#include <QStringList>

class TranscriptModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum class RowKind
    {
        Section, // "Send at 12:00:03 to smtp.example.org:587 (account)"
        Entry,   // one TranscriptEntry
        Detail,  // a line shown under an expanded entry
    };
    Q_ENUM(RowKind)

    enum Role
    {
        KindRole = Qt::UserRole + 1, // RowKind as int
        DirectionRole,               // TranscriptEntry::Direction as int (Entry rows)
        PrefixRole,                  // "C:", "S:", "TLS", "--", "!!"
        TextRole,                    // the line without prefix
        ElapsedRole,                 // qint64 ms since connect (Entry rows)
        LatencyRole,                 // qint64 ms the server took, -1 when not shown on this row
        ReplyCodeRole,               // int
        RedactedRole,                // bool
        ExplanationRole,             // what the line means, in plain words
        DetailsRole,                 // the entry's details (DATA headers)
        ExpandableRole,              // bool
        ExpandedRole,                // bool
        DetailNoteRole,              // Detail rows: the second column (an extension's meaning)
        CommandRole,                 // the verb the row is or answers ("EHLO", "RCPT", ".")
        AnswersRole, // last line of a pipelined reply: "← RCPT TO:<zoe@…> (To)", else empty
    };

    struct Section
    {
        QDateTime started;
        QString server;  // "smtp.example.org:587"
        QString account; // the account's name
    };

    explicit TranscriptModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Every send starts a section, so earlier attempts stay above it.
    void beginSection(const QString &server, const QString &account,
                      const QDateTime &started = QDateTime::currentDateTime());
    int sectionCount() const { return int(m_sections.size()); }
    Section section(int i) const { return m_sections.value(i); }
    // The message of a send as it went out: expanding its summary line then shows each header
    // with what it means and the MIME tree. The latest few sends keep theirs.
    void setMessage(int section, const QByteArray &bytes);
    bool hasMessage(int section) const { return m_messages.contains(section); }
    void append(const TranscriptEntry &entry);
    void appendEntries(const QList<TranscriptEntry> &entries);
    void clear();

    RowKind kind(int row) const;
    // The entry of an Entry row (nullptr for other rows).
    const TranscriptEntry *entry(int row) const;
    int entryCount() const { return m_entryCount; }
    // The send (section) a row belongs to, -1 before the first.
    int sectionOf(int row) const { return m_rows.value(row).section; }

    bool isExpandable(int row) const;
    bool isExpanded(int row) const;
    void setExpanded(int row, bool expanded);
    void toggleExpanded(int row);

    QString explanation(int row) const;
    // For any line of an EHLO reply: each extension (keyword, parameters) with its meaning.
    struct Extension
    {
        QString keyword;
        QString parameters;
        QString meaning;
    };
    QList<Extension> extensions(int row) const;

    // The next row (wrapping) after from (before it when backwards) whose text contains
    // needle, or -1. from = -1 starts at the top (bottom when backwards).
    int find(const QString &needle, int from, bool backwards = false,
             Qt::CaseSensitivity cs = Qt::CaseInsensitive) const;
    bool matches(int row, const QString &needle,
                 Qt::CaseSensitivity cs = Qt::CaseInsensitive) const;

    // The rows given (all when empty), in order, as saved and copied: entries with their
    // details, section headers; derived rows (extension meanings) are left out.
    QString toPlainText(QList<int> rows = {}) const;
    QString toHtml(QList<int> rows = {}) const;
    QString rowText(int row) const;

private:
    struct Row
    {
        RowKind kind = RowKind::Entry;
        int section = -1;
        int lineInReply = 0; // server rows: index of the line within its reply
        QString command;     // verb of the client line, or of the command a reply answers
                             // (the entry's own link, TranscriptCommand::verb())
        TranscriptEntry entry;
        QString note; // Detail rows: second column
        bool expanded = false;
        bool content = false; // a line of the message data
    };

    void noteCommand(Row &row);
    QList<Row> detailRowsFor(int row) const;
    QList<Row> messageRows(const Row &summary) const;
    static bool isMessageSummary(const Row &row);
    QString sectionTitle(int section) const;
    int firstLineOfReply(int row) const;
    bool isEhloReply(int row) const;

    QList<Row> m_rows;
    QList<Section> m_sections;
    QHash<int, QByteArray> m_messages; // by section
    int m_entryCount = 0;
};
