// The transcript pane: the live list of the SMTP dialogue with search, copy, save and clear,
// and a side note that explains the selected line (the EHLO extension table, DATA headers).
#pragma once

#include <QList>
#include <QWidget>

#include <functional>

class QAction;
class QLabel;
class QLineEdit;
class QListView;
class QModelIndex;
class QSplitter;
class QTextBrowser;
class QTimer;
class QToolButton;
class TranscriptDelegate;
class TranscriptHeader;
class TranscriptModel;

class TranscriptView : public QWidget
{
    Q_OBJECT
public:
    explicit TranscriptView(TranscriptModel *model, QWidget *parent = nullptr);

    TranscriptModel *model() const { return m_model; }
    QListView *listView() const { return m_list; }
    QLineEdit *searchField() const { return m_search; }
    QTextBrowser *noteView() const { return m_note; }
    QSplitter *splitter() const { return m_splitter; }
    // "New lines below": shown while rows arrive out of view.
    QToolButton *newLinesMarker() const { return m_newBelow; }

    // A widget shown right under the lines, as their continuation (step mode's next command).
    void addFooter(QWidget *footer);
    // Plain text unless the path ends in .html/.htm. Returns false with *error naming the file.
    bool saveTo(const QString &path, QString *error) const;
    // The selected rows as plain text, in order.
    QString selectedText() const;
    // Selects the next (previous) row matching the search field; false when there is none.
    bool findNext(bool backwards = false);

    // Rows tinted as linked to the selected line or the hovered field.
    void setLinkedRows(const QList<int> &rows);
    QList<int> linkedRows() const;
    // More to say about a row in the note below (a teaching note), as plain text; empty for
    // nothing.
    void setNoteExtra(const std::function<QString(int row)> &extra) { m_noteExtra = extra; }
    // The note shows text for a while (what a hovered field produced) and then, from
    // showSelectedNote(), the selected line's again.
    void showNoteText(const QString &title, const QString &text);
    void showSelectedNote();

    QAction *copyAction() const { return m_copy; }
    QAction *saveAction() const { return m_save; }
    QAction *clearAction() const { return m_clear; }
    QAction *findAction() const { return m_find; }

public Q_SLOTS:
    void copySelection();
    void save(); // asks for a file name (window-modal, not a nested loop)
    void clear();
    void focusSearch();
    // What the empty pane says will appear in it (the console's differs from a send's).
    void setPlaceholderText(const QString &text);

Q_SIGNALS:
    void saved(const QString &path);
    void saveFailed(const QString &error);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void showNote(const QModelIndex &index);
    void onRowsAboutToBeInserted();
    void onRowsInserted(const QModelIndex &parent, int first, int last);

    TranscriptModel *m_model;
    TranscriptDelegate *m_delegate;
    TranscriptHeader *m_header;
    QListView *m_list;
    QLineEdit *m_search;
    QLabel *m_searchStatus;
    QTextBrowser *m_note;
    QSplitter *m_splitter;
    QTimer *m_follow;
    QToolButton *m_newBelow;
    QLabel *m_hint; // what will appear, while nothing has
    bool m_atBottom = true;
    QAction *m_copy;
    QAction *m_save;
    QAction *m_clear;
    QAction *m_find;
    QAction *m_findNext;
    QAction *m_findPrevious;
    std::function<QString(int)> m_noteExtra;
};
