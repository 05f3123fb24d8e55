// The History panel: every attempt kept (sends, test connections, server checks, console
// sessions), filtered by account, server and outcome; one opened in a transcript pane, two
// compared step by step, exported (text, HTML, JSON), copied as a command, deleted.
#pragma once

#include "history/attemptrecorder.h"
#include "history/historystore.h"

#include <QList>
#include <QWidget>

class HistoryCompareView;
class QComboBox;
class QDockWidget;
class QLabel;
class QMainWindow;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QStandardItemModel;
class QSortFilterProxyModel;
class QToolButton;
class QTreeView;
class TranscriptModel;
class TranscriptView;

class HistoryPanel : public QWidget
{
    Q_OBJECT
public:
    enum Column
    {
        TimeColumn,
        OutcomeColumn,
        ServerColumn,
        AccountColumn,
        KindColumn,
        ColumnCount
    };

    explicit HistoryPanel(const HistoryStore &store, QWidget *parent = nullptr);

    // A dock holding the panel, hidden until opened (View > History), below the window's
    // other panels.
    QDockWidget *makeDock(QMainWindow *window);

    // Records every attempt source makes (see AttemptRecorder::follow); the panel lists each
    // one as it is saved and says when one could not be.
    template <typename Source> AttemptRecorder *follow(Source *source, Attempt::Kind kind)
    {
        auto *recorder = new AttemptRecorder(m_store, kind, source);
        recorder->follow(source);
        watch(recorder);
        return recorder;
    }

    const HistoryStore &store() const { return m_store; }
    // The attempts listed, newest first (before the filters).
    const QList<Attempt> &attempts() const { return m_attempts; }
    // Ids of the rows shown, top to bottom, after the filters.
    QStringList shownIds() const;
    QStringList selectedIds() const;
    void selectIds(const QStringList &ids);

    bool exportTo(const QString &id, const QString &path, QString *error) const;
    // The command line that repeats the attempt, put on the clipboard too.
    QString copyCommand(const QString &id, bool swaks) const;
    bool deleteAttempts(const QStringList &ids, QString *error);

    QTreeView *list() const { return m_list; }
    QComboBox *accountFilter() const { return m_account; }
    QComboBox *serverFilter() const { return m_server; }
    QComboBox *outcomeFilter() const { return m_outcome; }
    QPushButton *compareButton() const { return m_compare; }
    QStackedWidget *details() const { return m_details; }
    TranscriptModel *transcript() const { return m_transcript; }
    HistoryCompareView *compareView() const { return m_compareView; }
    QLabel *problems() const { return m_problems; }

public Q_SLOTS:
    void reload();
    void openAttempt(const QString &id);
    void compareAttempts(const QString &left, const QString &right);
    void compareSelected();
    void exportSelected(); // asks for a file (window-modal, not a nested loop)
    void deleteSelected(); // asks first
    void copySelected(bool swaks);

Q_SIGNALS:
    // A save failed, an entry was damaged, an export done: for the status bar.
    void notice(const QString &text);

private:
    void watch(AttemptRecorder *recorder);
    void fillFilters();
    void applyFilters();
    void onSelectionChanged();
    const Attempt *find(const QString &id) const;
    void showProblems(const QStringList &problems);

    HistoryStore m_store;
    void showRows(); // m_attempts into the list, the selection kept
    QList<Attempt> m_attempts;
    QStandardItemModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTreeView *m_list;
    QComboBox *m_account;
    QComboBox *m_server;
    QComboBox *m_outcome;
    QPushButton *m_compare;
    QPushButton *m_export;
    QToolButton *m_copy;
    QPushButton *m_delete;
    QSpinBox *m_limit;
    QLabel *m_problems;
    QStackedWidget *m_details;
    QLabel *m_placeholder;
    TranscriptModel *m_transcript;
    TranscriptView *m_transcriptView;
    HistoryCompareView *m_compareView;
    QStringList m_loadProblems;
};
