#include "resultpanel.h"

#include "smtp/explain.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

ResultPanel::ResultPanel(QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel)
    , m_title(new QLabel)
    , m_text(new QLabel)
    , m_more(new QToolButton)
{
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setAccessibleName(tr("Send result"));
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::RichText); // the text is escaped below; never guessed
    m_title->setWordWrap(true);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    auto *close = new QToolButton;
    close->setAutoRaise(true);
    close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    close->setAccessibleName(tr("Dismiss the result"));
    close->setToolTip(tr("Dismiss"));
    connect(close, &QToolButton::clicked, this, &ResultPanel::dismiss);

    // A long result (many refused recipients) shows its first lines; the rest one click away,
    // and in the tooltip, never cut without a way to read it.
    m_more->setObjectName(QStringLiteral("resultMore"));
    m_more->setAutoRaise(true);
    m_more->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_more->hide();
    connect(m_more, &QToolButton::clicked, this, [this] {
        m_expanded = !m_expanded;
        showText();
    });

    auto *texts = new QVBoxLayout;
    texts->addWidget(m_title);
    texts->addWidget(m_text);
    texts->addWidget(m_more, 0, Qt::AlignLeft);
    auto *layout = new QHBoxLayout(this);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addLayout(texts, 1);
    layout->addWidget(close, 0, Qt::AlignTop);
    hide();
}

QString ResultPanel::title() const
{
    return m_title->text();
}

QString ResultPanel::text() const
{
    return m_plain;
}

void ResultPanel::dismiss()
{
    m_kind = Kind::None;
    m_plain.clear();
    hide();
}

bool ResultPanel::isFolded() const
{
    return !m_more->isHidden() && !m_expanded;
}

void ResultPanel::showText()
{
    constexpr int kFoldedLines = 4;
    const QStringList lines = m_plain.split(QLatin1Char('\n'));
    const bool long_ = lines.size() > kFoldedLines;
    const QStringList shown = long_ && !m_expanded ? lines.first(kFoldedLines) : lines;
    m_text->setText(shown.join(QLatin1Char('\n'))
                        .toHtmlEscaped()
                        .replace(QLatin1Char('\n'), QStringLiteral("<br>")));
    m_text->setVisible(!m_plain.isEmpty());
    m_text->setToolTip(long_ ? m_plain : QString());
    m_more->setVisible(long_);
    // More than one line is always folded away, so the English needs no singular here.
    m_more->setText(m_expanded ? tr("Show Fewer Lines")
                               : tr("Show All %n Lines", nullptr, int(lines.size())));
}

QString ResultPanel::shownText() const
{
    return m_text->text();
}

void ResultPanel::showMessage(Kind kind, const QString &title, const QString &text)
{
    m_kind = kind;
    m_title->setText(title);
    m_plain = text;
    m_expanded = false;
    showText();

    QStyle::StandardPixmap icon = QStyle::SP_MessageBoxInformation;
    QColor tint(0x3a, 0x7b, 0xd5);
    switch (kind) {
    case Kind::Success:
        icon = QStyle::SP_DialogApplyButton;
        tint = QColor(0x2e, 0x9e, 0x44);
        break;
    case Kind::Partial:
        icon = QStyle::SP_MessageBoxWarning;
        tint = QColor(0xe0, 0xa0, 0x20);
        break;
    case Kind::Failure:
    case Kind::Problem:
        icon = QStyle::SP_MessageBoxCritical;
        tint = QColor(0xd0, 0x30, 0x30);
        break;
    case Kind::Info:
    case Kind::None:
        break;
    }
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_icon->setPixmap(style()->standardIcon(icon).pixmap(size, size));
    // A light wash of the outcome's colour over the palette keeps text readable in any theme.
    QPalette pal = QPalette();
    const QColor base = pal.color(QPalette::Window);
    const qreal t = 0.18;
    pal.setColor(QPalette::Window, QColor::fromRgbF(base.redF() * (1 - t) + tint.redF() * t,
                                                    base.greenF() * (1 - t) + tint.greenF() * t,
                                                    base.blueF() * (1 - t) + tint.blueF() * t));
    setPalette(pal);
    setAccessibleDescription(title + QLatin1Char(' ') + text);
    show();
}

void ResultPanel::showResult(const SendResult &result)
{
    const QString elapsed = tr("%1 s").arg(double(result.elapsedMs) / 1000.0, 0, 'f', 1);
    switch (result.outcome) {
    case SendResult::Outcome::Success: {
        QString text = result.queueId.isEmpty()
                           ? tr("The server accepted the message: %1").arg(result.reply.toString())
                           : tr("Queue id: %1\nThe server's reply: %2")
                                 .arg(result.queueId, result.reply.toString());
        text += QLatin1Char('\n') +
                tr("%1 sent in %2.").arg(SmtpExplain::formatSize(result.bytesSent), elapsed);
        showMessage(Kind::Success, tr("Message sent"), text);
        return;
    }
    case SendResult::Outcome::PartialSuccess: {
        QStringList lines;
        int accepted = 0;
        for (const RecipientResult &r : result.recipients) {
            if (r.accepted)
                ++accepted;
            else if (r.reply.isValid())
                lines << tr("Refused: %1 \u2014 %2").arg(r.address, r.reply.toString());
        }
        if (!result.queueId.isEmpty())
            lines << tr("Queue id: %1").arg(result.queueId);
        const int total = int(result.recipients.size());
        showMessage(Kind::Partial,
                    tr("Sent to %1 of %2 recipients; %3 refused")
                        .arg(accepted)
                        .arg(total)
                        .arg(total - accepted),
                    lines.join(QLatin1Char('\n')));
        return;
    }
    case SendResult::Outcome::DeliveryUnknown:
        showMessage(Kind::Failure, tr("Unknown whether the message was delivered"),
                    result.message + QLatin1Char('\n') +
                        tr("The connection ended after the message was sent but before the server "
                           "confirmed it; it may or may not arrive. Your message is kept."));
        return;
    case SendResult::Outcome::Cancelled:
        showMessage(Kind::Info, tr("Sending cancelled"),
                    result.stepLabel.isEmpty()
                        ? tr("Your message is kept.")
                        : tr("Stopped %1. Your message is kept.").arg(result.stepLabel));
        return;
    case SendResult::Outcome::Failure:
        break;
    }
    QStringList lines;
    lines << result.message;
    if (result.reply.isValid()) {
        lines << tr("Meaning: %1")
                     .arg(SmtpExplain::reply(result.reply.code, result.reply.enhanced,
                                             result.stepVerb()));
    }
    // Recipients the send never reached have no reply: only real refusals are listed.
    for (const RecipientResult &r : result.recipients) {
        if (!r.accepted && r.reply.isValid())
            lines << tr("Refused: %1 \u2014 %2").arg(r.address, r.reply.toString());
    }
    lines << tr("Nothing was lost: your message is still here.");
    showMessage(Kind::Failure,
                result.stepLabel.isEmpty() ? tr("Not sent")
                                           : tr("Not sent: stopped %1").arg(result.stepLabel),
                lines.join(QLatin1Char('\n')));
}
