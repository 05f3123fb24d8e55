#include "stepbar.h"

#include "smtp/explain.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QFontDatabase>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QStyle>
#include <QVBoxLayout>

#include <algorithm>

namespace {

using Kind = TranscriptCommand::Kind;

QString html(const QString &text)
{
    return text.toHtmlEscaped();
}

bool sameStep(const QList<TranscriptCommand> &a, const QList<TranscriptCommand> &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a[i].id != b[i].id)
            return false;
    }
    return true;
}

} // namespace

StepBar::StepBar(QWidget *parent)
    : QFrame(parent)
    , m_toggle(new QAction(tr("Ste&p"), this))
    , m_keepPipelining(new QAction(tr("Keep Pipelining &When Stepping"), this))
    , m_title(new QLabel)
    , m_pending(new QLabel)
    , m_send(new QPushButton(tr("Send")))
    , m_stop(new QPushButton(tr("Stop (QUIT)")))
    , m_editLabel(new QLabel(tr("Chan&ge to:")))
    , m_target(new QComboBox)
    , m_edit(new QLineEdit)
    , m_editSend(new QPushButton(tr("Edit and Send")))
    , m_insertLabel(new QLabel(tr("I&nsert:")))
    , m_insert(new QComboBox)
    , m_insertSend(new QPushButton(tr("Send First")))
    , m_refusal(new QLabel)
{
    setObjectName(QStringLiteral("stepBar"));
    m_toggle->setObjectName(QStringLiteral("stepAction"));
    m_toggle->setCheckable(true);
    m_toggle->setIcon(style()->standardIcon(QStyle::SP_MediaSkipForward));
    m_toggle->setToolTip(tr("Step through the send: before each command Postwire shows it, "
                            "with what it does and why, and waits for you"));
    m_keepPipelining->setObjectName(QStringLiteral("stepPipeliningAction"));
    m_keepPipelining->setCheckable(true);
    m_keepPipelining->setToolTip(tr("In step mode, send pipelined groups as the server allows "
                                    "(each group is one step) instead of one command at a "
                                    "time"));
    setFrameShape(QFrame::StyledPanel);
    setAccessibleName(tr("Step mode"));

    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_title->setWordWrap(true);
    m_pending->setObjectName(QStringLiteral("stepPending"));
    m_pending->setTextFormat(Qt::RichText);
    m_pending->setWordWrap(true);
    m_pending->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_pending->setAlignment(Qt::AlignLeft | Qt::AlignTop);

    m_send->setObjectName(QStringLiteral("stepSend"));
    m_send->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
    m_send->setToolTip(tr("Send what is shown, as planned (Space)"));
    m_send->setDefault(false);
    m_stop->setObjectName(QStringLiteral("stepStop"));
    m_stop->setIcon(style()->standardIcon(QStyle::SP_MediaStop));
    m_stop->setToolTip(tr("Say QUIT and end the session; a message already accepted stays "
                          "accepted"));

    m_target->setObjectName(QStringLiteral("stepTarget"));
    m_target->setToolTip(tr("Which command of the pipelined group to replace"));
    m_target->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_edit->setObjectName(QStringLiteral("stepEdit"));
    m_edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_edit->setToolTip(tr("Change the command for an experiment (another EHLO name, a MAIL "
                          "parameter, an address) and send it instead; another command goes "
                          "first and this one waits again. Enter sends, Esc leaves the field"));
    m_editLabel->setBuddy(m_edit);
    m_editSend->setObjectName(QStringLiteral("stepEditSend"));

    m_insert->setObjectName(QStringLiteral("stepInsert"));
    m_insert->setEditable(true);
    m_insert->setInsertPolicy(QComboBox::NoInsert);
    m_insert->addItems({QStringLiteral("NOOP"), QStringLiteral("RSET"), QStringLiteral("VRFY "),
                        QStringLiteral("EXPN "), QStringLiteral("HELP")});
    m_insert->setFont(m_edit->font());
    m_insert->setToolTip(tr("A command sent before the planned one, which then waits again: "
                            "NOOP, RSET, VRFY, EXPN, HELP or any line; Enter sends"));
    m_insert->setMinimumContentsLength(16);
    m_insertLabel->setBuddy(m_insert);
    m_insertSend->setObjectName(QStringLiteral("stepInsertSend"));

    m_refusal->setObjectName(QStringLiteral("stepRefusal"));
    m_refusal->setWordWrap(true);
    m_refusal->setTextFormat(Qt::PlainText);
    QPalette warn = m_refusal->palette();
    warn.setColor(QPalette::WindowText, QColor(0xc0, 0x1c, 0x28));
    m_refusal->setPalette(warn);
    m_refusal->hide();

    // The title and the two one-press choices share a row: the transcript keeps the height.
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_title, 1);
    buttons->addWidget(m_send);
    buttons->addWidget(m_stop);
    auto *grid = new QGridLayout;
    grid->addWidget(m_editLabel, 0, 0);
    auto *editRow = new QHBoxLayout;
    editRow->addWidget(m_target);
    editRow->addWidget(m_edit, 1);
    grid->addLayout(editRow, 0, 1);
    grid->addWidget(m_editSend, 0, 2);
    grid->addWidget(m_insertLabel, 1, 0);
    grid->addWidget(m_insert, 1, 1);
    grid->addWidget(m_insertSend, 1, 2);
    grid->addWidget(m_refusal, 2, 1, 1, 2);
    grid->setColumnStretch(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->setSpacing(4);
    // A long step (the content's first lines, a large group) scrolls rather than squeezing the
    // transcript above it.
    auto *pendingScroll = new QScrollArea;
    pendingScroll->setWidget(m_pending);
    pendingScroll->setWidgetResizable(true);
    pendingScroll->setFrameShape(QFrame::NoFrame);
    pendingScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    pendingScroll->setMaximumHeight(fontMetrics().lineSpacing() * 9);
    pendingScroll->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    layout->addLayout(buttons);
    layout->addWidget(pendingScroll);
    layout->addLayout(grid);

    connect(m_send, &QPushButton::clicked, this, &StepBar::sendAsPlanned);
    connect(m_stop, &QPushButton::clicked, this, &StepBar::stopSending);
    connect(m_editSend, &QPushButton::clicked, this, &StepBar::editAndSend);
    connect(m_edit, &QLineEdit::returnPressed, this, &StepBar::editAndSend);
    connect(m_insertSend, &QPushButton::clicked, this, &StepBar::insertFirst);
    connect(m_insert->lineEdit(), &QLineEdit::returnPressed, this, &StepBar::insertFirst);
    connect(m_target, &QComboBox::currentIndexChanged, this, [this] { fillEdit(); });
    for (QWidget *field : {static_cast<QWidget *>(m_edit), static_cast<QWidget *>(m_insert)})
        field->installEventFilter(this);
    hide();
}

// Esc is the window's Cancel Sending: in a field of the bar it only leaves the field (what was
// typed stays there), so a person backing out of an edit never ends the whole send. A second
// Esc, from the Send button, is the window's again.
bool StepBar::eventFilter(QObject *watched, QEvent *event)
{
    const bool key = event->type() == QEvent::ShortcutOverride || event->type() == QEvent::KeyPress;
    if (key && (watched == m_edit || watched == m_insert)) {
        const auto *press = static_cast<QKeyEvent *>(event);
        if (press->key() == Qt::Key_Escape && press->modifiers() == Qt::NoModifier) {
            event->accept();
            if (event->type() == QEvent::KeyPress)
                m_send->setFocus(Qt::OtherFocusReason);
            return true;
        }
    }
    return QFrame::eventFilter(watched, event);
}

void StepBar::setClient(SmtpClient *client)
{
    m_client = client;
    connect(client, &SmtpClient::paused, this, &StepBar::onPaused);
    connect(client, &SmtpClient::stateChanged, this, [this](SmtpClient::State state) {
        // The choice applies to the next send: not changed under a send already going.
        m_toggle->setEnabled(!m_client->isBusy());
        m_keepPipelining->setEnabled(!m_client->isBusy());
        if (state == SmtpClient::State::Finished || state == SmtpClient::State::Idle) {
            m_waiting = false;
            m_next.clear();
            hide();
        }
    });
}

void StepBar::onPaused(const QList<TranscriptCommand> &next)
{
    const bool newStep = !sameStep(next, m_next);
    m_next = next;
    m_waiting = true;
    const SmtpStep::Content content = m_client->pendingContent();
    showPending(next, content);

    const bool auth = !next.isEmpty() &&
                      (next.first().kind == Kind::Auth || next.first().kind == Kind::AuthContinue);
    // With CHUNKING the envelope's group goes with the content: MAIL and RCPT stay editable.
    const bool editable =
        !auth && std::any_of(next.cbegin(), next.cend(), [](const TranscriptCommand &c) {
            return c.kind != Kind::Bdat && c.kind != Kind::EndOfData;
        });
    // Inside DATA's content a command would become a line of the message.
    const bool insertable = !(content.present && !content.chunking);
    m_target->blockSignals(true);
    if (newStep) {
        m_target->clear();
        for (qsizetype i = 0; i < next.size(); ++i)
            m_target->addItem(tr("%1 of %2").arg(i + 1).arg(next.size()));
    }
    m_target->blockSignals(false);
    m_target->setVisible(editable && next.size() > 1);
    m_edit->setEnabled(editable);
    m_editSend->setEnabled(editable);
    m_edit->setPlaceholderText(auth ? tr("AUTH lines carry credentials: they cannot be edited")
                               : !editable ? tr("the message content is sent as it is")
                                           : QString());
    if (newStep || !editable)
        fillEdit(); // a step waiting again after an insert keeps what was typed
    m_insert->setEnabled(insertable);
    m_insertSend->setEnabled(insertable);
    m_insertSend->setToolTip(insertable ? QString()
                                        : tr("inside the message data a command would become "
                                             "part of the message"));
    m_send->setEnabled(true);
    m_stop->setEnabled(true);
    if (newStep)
        m_refusal->hide();
    show();
    // The keyboard goes to Send at each new step, so Space sends (a shortcut would also fire
    // on Stop or in a list); a step waiting again after an insert leaves it where it was.
    QWidget *focus = QApplication::focusWidget();
    if (newStep || !focus || !isAncestorOf(focus) || !focus->isEnabled())
        m_send->setFocus(Qt::OtherFocusReason);
}

void StepBar::showPending(const QList<TranscriptCommand> &next, const SmtpStep::Content &content)
{
    const QString grey = palette().color(QPalette::PlaceholderText).name();
    const QString mono = QFontDatabase::systemFont(QFontDatabase::FixedFont).family();
    const auto wire = [&](const QString &line) {
        return QStringLiteral("<span style=\"color:%1; font-family:'%2'\">C: %3</span>")
            .arg(grey, mono, html(line));
    };
    QList<TranscriptCommand> commands = next;
    QString body;
    if (content.present) {
        m_title->setText(
            tr("Next: the message content, %1").arg(SmtpExplain::formatSize(content.size)));
        if (!content.chunking && !commands.isEmpty() && commands.last().kind == Kind::EndOfData)
            commands.removeLast(); // shown after the content, where it goes
        QStringList lines;
        for (const QString &line : content.firstLines)
            lines << html(line);
        QString preview = QStringLiteral("<pre style=\"color:%1; font-family:'%2'; "
                                         "margin:2px 0\">%3\n…</pre>")
                              .arg(grey, mono, lines.join(QLatin1Char('\n')));
        QString chunk;
        for (const TranscriptCommand &c : std::as_const(commands))
            chunk += QStringLiteral("<div>%1<br><small>%2</small></div>")
                         .arg(wire(c.line), html(SmtpStep::explain(c)));
        // What happens first (size, dot-stuffing or BDAT), then the lines that carry it.
        body = QStringLiteral("<div><small>%1</small></div>")
                   .arg(html(SmtpStep::explainContent(content))) +
               chunk + preview;
        if (!content.chunking)
            body += QStringLiteral("<div>%1<br><small>%2</small></div>")
                        .arg(wire(QStringLiteral(".")), html(SmtpStep::explain(next.last())));
    } else {
        m_title->setText(next.size() > 1 ? tr("Next: one pipelined group of %n commands, sent "
                                              "together",
                                              nullptr, int(next.size()))
                                         : tr("Next: %1").arg(next.value(0).describe()));
        for (const TranscriptCommand &c : next)
            body += QStringLiteral("<div>%1<br><small>%2</small></div>")
                        .arg(wire(c.line), html(SmtpStep::explain(c)));
    }
    m_pending->setText(body);
}

void StepBar::fillEdit()
{
    const int i = qMax(0, m_target->currentIndex());
    const TranscriptCommand c = m_next.value(i);
    const bool editable = m_edit->isEnabled();
    m_edit->setText(editable ? c.line : QString());
}

void StepBar::answered()
{
    m_waiting = false;
    m_refusal->hide();
    for (QWidget *w : {static_cast<QWidget *>(m_send), static_cast<QWidget *>(m_stop),
                       static_cast<QWidget *>(m_editSend), static_cast<QWidget *>(m_insertSend)})
        w->setEnabled(false);
    m_title->setText(tr("Waiting for the server's reply…"));
}

// The step still waits: the bar shows it again, what was typed kept, and says why beside it.
void StepBar::refuse(const QString &reason, QWidget *field)
{
    onPaused(m_next);
    m_refusal->setText(tr("Not sent: %1").arg(reason));
    m_refusal->show();
    field->setFocus(Qt::OtherFocusReason);
}

void StepBar::sendAsPlanned()
{
    if (!m_waiting || !m_client)
        return;
    answered();
    m_client->proceed();
}

void StepBar::editAndSend()
{
    if (!m_waiting || !m_client || !m_edit->isEnabled())
        return;
    answered();
    const QString refused =
        m_client->proceedWith(m_edit->text().toUtf8(), qMax(0, m_target->currentIndex()));
    if (!refused.isEmpty())
        refuse(refused, m_edit); // the typed text stays for the person to fix
}

void StepBar::insertFirst()
{
    if (!m_waiting || !m_client || !m_insert->isEnabled())
        return;
    answered();
    const QString refused = m_client->sendExtra(m_insert->currentText().toUtf8());
    if (!refused.isEmpty())
        refuse(refused, m_insert);
}

void StepBar::stopSending()
{
    if (!m_waiting || !m_client)
        return;
    answered();
    m_client->stop();
}
