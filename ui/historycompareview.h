// Two attempts side by side, aligned step by step (AttemptDiff): each row a step with what
// the first and the second attempt sent and got, the latency difference, and a mark and a
// colour for what changed, so "what changed, where, and by how much" reads at a glance.
#pragma once

#include "history/attemptdiff.h"

#include <QWidget>

#include <memory>

class QLabel;
class QTableWidget;

class HistoryCompareView : public QWidget
{
    Q_OBJECT
public:
    enum Column
    {
        StepColumn,
        LeftColumn,
        RightColumn,
        TimingColumn,
        ColumnCount
    };

    explicit HistoryCompareView(QWidget *parent = nullptr);

    void compare(const Attempt &left, const Attempt &right);
    const AttemptDiff *diff() const { return m_diff.get(); }
    QTableWidget *table() const { return m_table; }
    QLabel *summary() const { return m_summary; }

private:
    QLabel *m_summary;
    QTableWidget *m_table;
    std::unique_ptr<AttemptDiff> m_diff;
};
