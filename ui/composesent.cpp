// ComposeWindow's Sent folder: each delivered send kept (with the link to its attempt in the
// history), the Sent view's dock, and a sent message brought back to the form.
#include "composewindow.h"

#include "account/accountstore.h"
#include "accountform.h"
#include "history/attemptrecorder.h"
#include "historypanel.h"
#include "resultpanel.h"
#include "sentpanel.h"

#include <QAction>
#include <QDockWidget>
#include <QFileInfo>
#include <QLineEdit>

void ComposeWindow::createSentDock()
{
    QStringList problems;
    m_sent = std::make_unique<SentStore>(QString(), &problems);
    m_sentPanel = new SentPanel(m_sent.get());
    m_sentDock = new QDockWidget(tr("Sent"), this);
    m_sentDock->setObjectName(QStringLiteral("sentDock"));
    m_sentDock->setAccessibleName(tr("Sent messages"));
    m_sentDock->setWidget(m_sentPanel);
    m_sentPanel->setMinimumHeight(160);
    addDockWidget(Qt::BottomDockWidgetArea, m_sentDock);
    tabifyDockWidget(m_historyDock, m_sentDock);
    m_sentDock->hide();
    QAction *toggle = m_sentDock->toggleViewAction();
    toggle->setText(tr("Sen&t Messages"));
    toggle->setObjectName(QStringLiteral("sentToggleAction"));
    toggle->setToolTip(tr("Every message sent from this window: search, reuse, send again"));
    connect(toggle, &QAction::triggered, m_sentDock, [this](bool on) {
        if (on) {
            m_sentDock->raise();
            m_sentPanel->searchField()->setFocus();
        }
    });
    if (!problems.isEmpty())
        setStatus(problems.join(QLatin1Char(' ')));

    // The recorder saves the attempt before the window hears the send has ended.
    connect(m_sendRecorder, &AttemptRecorder::recorded, this,
            [this](const Attempt &attempt) { m_lastAttemptId = attempt.id; });
    connect(m_submission, &Submission::stateChanged, this, [this](SmtpClient::State state) {
        if (state == SmtpClient::State::Connecting)
            m_lastAttemptId.clear();
    });
    connect(m_sentPanel, &SentPanel::notice, this, &ComposeWindow::setStatus);
    connect(m_sentPanel, &SentPanel::useAsNewRequested, this,
            [this](const QString &id) { reuseSent(id, false); });
    connect(m_sentPanel, &SentPanel::sendAgainRequested, this,
            [this](const QString &id) { reuseSent(id, true); });
    connect(m_sentPanel, &SentPanel::attemptRequested, this, [this](const QString &attemptId) {
        m_historyDock->show();
        m_historyDock->raise();
        m_historyPanel->openAttempt(attemptId);
    });
}

void ComposeWindow::keepSent(bool partial, const QString &outcome, const QByteArray &eml,
                             const Draft &draft, const QString &attemptId)
{
    SentEntry e;
    e.draft = draft;
    e.accountId = draft.accountId;
    e.account = m_accounts->account(draft.accountId).value_or(m_account->account()).name;
    e.from = draft.from;
    for (const QString &field : {draft.to, draft.cc, draft.bcc}) {
        for (const MailboxParseResult &r : Mailbox::parseList(field))
            e.to.append(r.mailbox.toString());
    }
    e.subject = draft.subject;
    e.partial = partial;
    e.outcome = outcome;
    e.attemptId = attemptId;
    QString error;
    QList<SentEntry> evicted;
    if (m_sent->add(e, eml, &error, &evicted).isEmpty()) {
        m_result->showMessage(ResultPanel::Kind::Problem, tr("Not kept in Sent"), error);
        return;
    }
    m_sentPanel->reload();
    if (!evicted.isEmpty())
        setStatus(tr("%n oldest sent messages removed to keep the Sent folder within its limit",
                     nullptr, int(evicted.size())));
}

void ComposeWindow::reuseSent(const QString &id, bool sendNow)
{
    if (!m_sent->contains(id))
        return;
    replaceForm(sendNow ? tr("Send Again") : tr("Use as New"), [this, id, sendNow] {
        const SentEntry e = m_sent->entry(id);
        const QString eml = m_sent->emlPath(id);
        QString error;
        // The bytes that went out are the truth (their attachments with them); the form as it
        // was only when no copy could be kept.
        if (eml.isEmpty() || !openEml(eml, &error)) {
            Draft d = e.draft;
            d.attachments.removeIf([](const Attachment &a) { return !QFileInfo::exists(a.path); });
            setDraft(d);
            markChanged();
        }
        if (!e.accountId.isEmpty())
            m_account->selectAccountId(e.accountId);
        if (sendNow)
            send();
        else
            m_subject->setFocus();
    });
}
