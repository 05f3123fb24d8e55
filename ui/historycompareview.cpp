#include "historycompareview.h"

#include <QHeaderView>
#include <QLabel>
#include <QPalette>
#include <QTableWidget>
#include <QVBoxLayout>

namespace {

using Change = AttemptDiff::Row::Change;

QString sideText(const AttemptStep &step)
{
    QStringList lines;
    if (!step.commandLine.isEmpty())
        lines << QStringLiteral("C: ") + step.commandLine;
    // An EHLO reply in full is a screenful; its keywords' changes are in the step column.
    const bool ehlo =
        step.command.kind == TranscriptCommand::Kind::Ehlo && step.replyLines.size() > 2;
    for (const QString &reply : ehlo ? step.replyLines.mid(0, 1) : step.replyLines)
        lines << QStringLiteral("S: ") + reply;
    if (ehlo)
        lines << HistoryCompareView::tr("   \u2026 %n extensions", nullptr,
                                        int(step.replyLines.size() - 1));
    if (step.replyLines.isEmpty())
        lines << HistoryCompareView::tr("(no reply)");
    return lines.join(QLatin1Char('\n'));
}

// Light tints that read on both light and dark palettes' base colour, blended with it.
QColor tint(const QColor &base, const QColor &hue)
{
    return QColor((base.red() * 3 + hue.red()) / 4, (base.green() * 3 + hue.green()) / 4,
                  (base.blue() * 3 + hue.blue()) / 4);
}

} // namespace

HistoryCompareView::HistoryCompareView(QWidget *parent)
    : QWidget(parent)
    , m_summary(new QLabel)
    , m_table(new QTableWidget(0, ColumnCount))
{
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_table->setObjectName(QStringLiteral("historyCompareTable"));
    m_table->setHorizontalHeaderLabels({tr("Step"), tr("First (A)"), tr("Second (B)"), tr("Time")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(StepColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(LeftColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(RightColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(TimingColumn, QHeaderView::ResizeToContents);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
}

void HistoryCompareView::compare(const Attempt &left, const Attempt &right)
{
    m_diff = std::make_unique<AttemptDiff>(left, right);
    const auto describe = [](const Attempt &a) {
        return tr("%1 %2 to %3: %4")
            .arg(a.started.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                 Attempt::kindLabel(a.kind), a.server(), Attempt::outcomeLabel(a.outcome));
    };
    int changed = 0;
    for (const AttemptDiff::Row &r : m_diff->rows())
        changed += r.change != Change::Same ? 1 : 0;
    m_summary->setText(tr("A: %1\nB: %2\n").arg(describe(left), describe(right)) +
                       (changed == 0 ? tr("The same steps with the same replies.")
                                     : tr("%n steps differ.", nullptr, changed)));

    const QColor base = palette().color(QPalette::Base);
    QFont mono = m_table->font();
    mono.setFamily(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::Monospace);
    m_table->setRowCount(0);
    m_table->setRowCount(int(m_diff->rows().size()));
    int row = 0;
    for (const AttemptDiff::Row &r : m_diff->rows()) {
        QString mark, why;
        QColor colour;
        switch (r.change) {
        case Change::Same:
            mark = r.replyTextDiffers ? QStringLiteral("~") : QStringLiteral("=");
            why = r.replyTextDiffers ? tr("same reply code, other text") : tr("the same");
            colour = r.replyTextDiffers ? tint(base, QColor(240, 220, 120)) : base;
            break;
        case Change::Differs:
            mark = QStringLiteral("!");
            why = tr("differs");
            colour = tint(base, QColor(230, 90, 90));
            break;
        case Change::OnlyLeft:
            mark = QStringLiteral("\u2212");
            why = tr("only in A");
            colour = tint(base, QColor(240, 160, 80));
            break;
        case Change::OnlyRight:
            mark = QStringLiteral("+");
            why = tr("only in B");
            colour = tint(base, QColor(110, 190, 110));
            break;
        }
        QStringList notes;
        if (!r.extensionsAdded.isEmpty())
            notes << tr("extensions added: %1").arg(r.extensionsAdded.join(QStringLiteral(", ")));
        if (!r.extensionsRemoved.isEmpty())
            notes
                << tr("extensions removed: %1").arg(r.extensionsRemoved.join(QStringLiteral(", ")));
        if (!r.extensionsChanged.isEmpty())
            notes << tr("changed: %1").arg(r.extensionsChanged.join(QStringLiteral(", ")));
        auto *step = new QTableWidgetItem(
            mark + QLatin1Char(' ') + r.label +
            (notes.isEmpty() ? QString() : QLatin1Char('\n') + notes.join(QLatin1Char('\n'))));
        step->setToolTip(why);
        step->setData(Qt::UserRole, int(r.change));
        auto *leftItem = new QTableWidgetItem(r.left >= 0 ? sideText(m_diff->leftSteps().at(r.left))
                                                          : QString());
        auto *rightItem = new QTableWidgetItem(
            r.right >= 0 ? sideText(m_diff->rightSteps().at(r.right)) : QString());
        if (r.left >= 0)
            leftItem->setToolTip(m_diff->leftSteps().at(r.left).replyLines.join(QLatin1Char('\n')));
        if (r.right >= 0)
            rightItem->setToolTip(
                m_diff->rightSteps().at(r.right).replyLines.join(QLatin1Char('\n')));
        leftItem->setFont(mono);
        rightItem->setFont(mono);
        auto *timing = new QTableWidgetItem(
            r.hasLatencyDelta ? QStringLiteral("%1%2 ms")
                                    .arg(r.latencyDeltaMs >= 0 ? QStringLiteral("+") : QString())
                                    .arg(r.latencyDeltaMs)
                              : QString());
        timing->setTextAlignment(Qt::AlignRight | Qt::AlignTop);
        if (r.hasLatencyDelta)
            timing->setToolTip(AttemptDiff::timing(r));
        step->setTextAlignment(Qt::AlignLeft | Qt::AlignTop);
        for (QTableWidgetItem *item : {step, leftItem, rightItem, timing}) {
            if (r.change != Change::Same || r.replyTextDiffers)
                item->setBackground(colour);
        }
        m_table->setItem(row, StepColumn, step);
        m_table->setItem(row, LeftColumn, leftItem);
        m_table->setItem(row, RightColumn, rightItem);
        m_table->setItem(row, TimingColumn, timing);
        ++row;
    }
}
