// The form linked to the wire (issue 16): after a real send to the built-in sandbox with To,
// Cc and Bcc, selecting a transcript line highlights the field and the address it came from,
// a reply and its command highlight each other inside a pipelined group, and hovering a field
// or one address in it highlights its lines; the teaching notes show with them.
#include "accountform.h"
#include "addressfield.h"
#include "composewindow.h"
#include "inboxpanel.h"
#include "mainwindowsandbox.h"
#include "sandboxpanel.h"
#include "transcriptmodel.h"
#include "transcriptview.h"
#include "wirelink.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QListView>
#include <QMouseEvent>
#include <QPlainTextEdit>
#include <QSettings>
#include <QStandardPaths>
#include <QTextBrowser>
#include <QtTest>

#include <memory>

namespace {

// The first entry row whose line starts with text (a client line unless server is set).
int rowOf(const TranscriptModel *model, const QString &text, bool server = false)
{
    for (int i = 0; i < model->rowCount(); ++i) {
        const TranscriptEntry *e = model->entry(i);
        if (e && e->text.startsWith(text) &&
            (e->direction == TranscriptEntry::Direction::Server) == server)
            return i;
    }
    return -1;
}

// The last line of the reply that answers the command line given.
int replyTo(const TranscriptModel *model, const QString &commandLine)
{
    for (int i = 0; i < model->rowCount(); ++i) {
        const TranscriptEntry *e = model->entry(i);
        if (e && e->direction == TranscriptEntry::Direction::Server && e->lastLineOfReply &&
            e->command.line == commandLine)
            return i;
    }
    return -1;
}

void sendMove(QWidget *widget, const QPoint &pos)
{
    QMouseEvent move(QEvent::MouseMove, QPointF(pos), QPointF(widget->mapToGlobal(pos)),
                     Qt::NoButton, Qt::NoButton, Qt::NoModifier);
    QApplication::sendEvent(widget, &move);
}

void sendLeave(QWidget *widget)
{
    QEvent leave(QEvent::Leave);
    QApplication::sendEvent(widget, &leave);
}

// Where the pointer is over the entry holding address in an address field.
QPoint pointAt(AddressField *field, const QString &address)
{
    const qsizetype at = field->text().indexOf(address);
    const int keep = field->cursorPosition();
    field->setCursorPosition(int(at + 1));
    const QPoint p = field->inputMethodQuery(Qt::ImCursorRectangle).toRect().center();
    field->setCursorPosition(keep);
    return p;
}

const QString kRcptBcc = QStringLiteral("RCPT TO:<carla@example.org>");
const QString kRcptCc = QStringLiteral("RCPT TO:<cy@example.org>");
const QString kRcptZoe = QStringLiteral("RCPT TO:<zoe@example.org>");

} // namespace

class TestWireLink : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<ComposeWindow> m_window;

    // One real send to the sandbox with every kind of recipient, as a person types it.
    ComposeWindow *sentWindow()
    {
        if (m_window)
            return m_window.get();
        m_window = std::make_unique<ComposeWindow>();
        ComposeWindow *w = m_window.get();
        w->show();
        QApplication::setActiveWindow(w);
        [[maybe_unused]] const bool active = QTest::qWaitForWindowActive(w);
        w->setCcBccVisible(true);
        QTest::keyClicks(w->toField(), QStringLiteral("Bo <bo@example.org>, zoe@example.org"));
        QTest::keyClicks(w->ccField(), QStringLiteral("cy@example.org"));
        QTest::keyClicks(w->bccField(), QStringLiteral("carla@example.org"));
        QTest::keyClicks(w->replyToField(), QStringLiteral("replies@example.org"));
        QTest::keyClicks(w->subjectField(), QStringLiteral("Linked"));
        QTest::keyClicks(w->bodyField(), QStringLiteral("Where does each line come from?"));
        QSignalSpy finished(w, &ComposeWindow::sendFinished);
        w->bodyField()->setFocus();
        QTest::keyClick(w, Qt::Key_Return, Qt::ControlModifier);
        if (!QTest::qWaitFor([&] { return finished.count() == 1; }, 60000))
            return nullptr;
        const SendResult result = finished.first().first().value<SendResult>();
        if (result.outcome != SendResult::Outcome::Success) {
            qWarning("send failed: %s", qPrintable(result.message));
            return nullptr;
        }
        // A sent message leaves a fresh form; Edit Last Sent as New brings the addresses back,
        // which is where a person explores where each line came from.
        w->editLastSentAsNew();
        if (!QTest::qWaitFor([w] { return !w->bccField()->text().isEmpty(); }, 5000)) {
            qWarning("the sent message did not come back into the form");
            return nullptr;
        }
        return w;
    }

    void select(ComposeWindow *w, int row)
    {
        QListView *list = w->transcriptView()->listView();
        list->setCurrentIndex(w->transcriptModel()->index(row));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("PostwireWireLinkTest"));
        QCoreApplication::setApplicationName(QStringLiteral("postwire"));
        qputenv("POSTWIRE_SANDBOX_PORT", "0");
        QSettings().clear();
        const QString data = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        QVERIFY(data.contains(QStringLiteral("PostwireWireLinkTest")));
        QDir(data).removeRecursively();
        QFile::remove(DraftStore().path());
    }

    void cleanupTestCase()
    {
        m_window.reset();
        QSettings().clear();
        QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).removeRecursively();
    }

    void lineHighlightsItsOrigin_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<bool>("server");
        QTest::addColumn<QString>("field"); // accessible name; "account" for the selector
        QTest::addColumn<QString>("address");
        QTest::newRow("bcc rcpt") << kRcptBcc << false << QStringLiteral("Bcc")
                                  << QStringLiteral("carla@example.org");
        QTest::newRow("cc rcpt") << kRcptCc << false << QStringLiteral("Cc")
                                 << QStringLiteral("cy@example.org");
        QTest::newRow("second to")
            << kRcptZoe << false << QStringLiteral("To") << QStringLiteral("zoe@example.org");
        QTest::newRow("first to") << QStringLiteral("RCPT TO:<bo@example.org>") << false
                                  << QStringLiteral("To") << QStringLiteral("bo@example.org");
        QTest::newRow("mail from") << QStringLiteral("MAIL FROM:<") << false
                                   << QStringLiteral("From") << QStringLiteral("@");
        QTest::newRow("ehlo") << QStringLiteral("EHLO ") << false << QStringLiteral("account")
                              << QString();
        QTest::newRow("starttls") << QStringLiteral("STARTTLS") << false
                                  << QStringLiteral("account") << QString();
        QTest::newRow("auth") << QStringLiteral("AUTH ") << false << QStringLiteral("account")
                              << QString();
        QTest::newRow("bdat") << QStringLiteral("BDAT ") << false << QStringLiteral("Message text")
                              << QString();
        QTest::newRow("subject header")
            << QStringLiteral("Subject: Linked") << false << QStringLiteral("Subject") << QString();
        QTest::newRow("greeting") << QStringLiteral("220 ") << true << QString() << QString();
    }
    void lineHighlightsItsOrigin()
    {
        QFETCH(QString, line);
        QFETCH(bool, server);
        QFETCH(QString, field);
        QFETCH(QString, address);
        ComposeWindow *w = sentWindow();
        QVERIFY(w);
        const TranscriptModel *model = w->transcriptModel();
        const int row = rowOf(model, line, server);
        QVERIFY2(row > 0, qPrintable(line));
        select(w, row);
        const WireLink::Target target = w->wireLink()->highlighted();
        QWidget *expected = nullptr;
        if (field == QLatin1String("account"))
            expected = w->accountForm()->accountSelector();
        else if (!field.isEmpty())
            expected =
                target.widget && target.widget->accessibleName() == field ? target.widget : nullptr;
        QVERIFY2(target.widget == expected && (field.isEmpty() || expected),
                 qPrintable(target.widget ? target.widget->accessibleName() : QStringLiteral("-")));
        auto *frame = w->findChild<QWidget *>(QStringLiteral("wireLinkFrame"));
        if (expected) {
            QVERIFY(frame && frame->isVisible());
            QCOMPARE(frame->parentWidget(), expected);
        } else {
            QVERIFY(!frame || !frame->isVisible());
        }
        // The address itself, inside its field.
        if (!address.isEmpty()) {
            auto *f = qobject_cast<AddressField *>(expected);
            QVERIFY(f);
            QVERIFY2(f->selectedText().contains(address),
                     qPrintable(f->text() + QLatin1Char('|') + target.address + QLatin1Char('|') +
                                f->selectedText() + QLatin1Char('|') +
                                QString::number(f->selectionStart())));
            QVERIFY(f->text().size() > f->selectedText().size() || f == w->bccField() ||
                    f == w->ccField() || f == w->fromField());
        }
    }

    // A reply and the command it answers highlight each other, also inside a pipelined group
    // where four replies look alike.
    void replyAndCommandHighlightEachOther_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("field");
        QTest::newRow("bcc") << kRcptBcc << QStringLiteral("Bcc");
        QTest::newRow("cc") << kRcptCc << QStringLiteral("Cc");
        QTest::newRow("to") << kRcptZoe << QStringLiteral("To");
    }
    void replyAndCommandHighlightEachOther()
    {
        QFETCH(QString, command);
        QFETCH(QString, field);
        ComposeWindow *w = sentWindow();
        QVERIFY(w);
        const TranscriptModel *model = w->transcriptModel();
        const int commandRow = rowOf(model, command);
        const int reply = replyTo(model, command);
        QVERIFY(commandRow > 0 && reply > commandRow);
        // The sandbox pipelines: the replies of the group come after all its commands.
        QVERIFY(model->entry(reply)->command.pipelined());
        QVERIFY(model->entry(commandRow + 1)->direction == TranscriptEntry::Direction::Client);
        const QString tag =
            model->data(model->index(reply), TranscriptModel::AnswersRole).toString();
        QCOMPARE(tag, QStringLiteral("\u2190 %1 (%2)").arg(command, field));

        select(w, reply);
        QCOMPARE(w->wireLink()->linkedRows(), (QList<int>{commandRow, reply}));
        QCOMPARE(w->wireLink()->highlighted().widget->accessibleName(), field);
        QVERIFY(w->transcriptView()->noteView()->toPlainText().contains(
            QStringLiteral("answers %1").arg(command)));
        select(w, commandRow);
        QCOMPARE(w->wireLink()->linkedRows(), (QList<int>{commandRow, reply}));
    }

    void hoveringAFieldHighlightsItsLines()
    {
        ComposeWindow *w = sentWindow();
        QVERIFY(w);
        const TranscriptModel *model = w->transcriptModel();
        WireLink *link = w->wireLink();
        const int selected = rowOf(model, QStringLiteral("BDAT "));
        select(w, selected);
        const QList<int> selectedRows = link->linkedRows();
        QVERIFY(!selectedRows.isEmpty());

        // One address in the To field: its RCPT and the reply to it, nothing of Bo's.
        AddressField *to = w->toField();
        sendMove(to, pointAt(to, QStringLiteral("zoe@example.org")));
        QCOMPARE(link->linkedRows(),
                 (QList<int>{rowOf(model, kRcptZoe), replyTo(model, kRcptZoe)}));
        // The whole field: both addresses, and the To header line of the message.
        sendMove(to, QPoint(to->width() - 2, to->height() / 2));
        const QList<int> toRows = link->linkedRows();
        for (const QString &rcpt : {kRcptZoe, QStringLiteral("RCPT TO:<bo@example.org>")}) {
            QVERIFY(toRows.contains(rowOf(model, rcpt)));
            QVERIFY(toRows.contains(replyTo(model, rcpt)));
        }
        QVERIFY(toRows.contains(rowOf(model, QStringLiteral("To: "))));
        QVERIFY(!toRows.contains(rowOf(model, kRcptCc)));
        sendLeave(to);
        QCOMPARE(link->linkedRows(), selectedRows);

        // Bcc: its RCPT only (it has no header), with the note saying why.
        sendMove(w->bccField(), QPoint(2, w->bccField()->height() / 2));
        QCOMPARE(link->linkedRows(),
                 (QList<int>{rowOf(model, kRcptBcc), replyTo(model, kRcptBcc)}));
        QVERIFY2(
            w->transcriptView()->noteView()->toPlainText().contains(QStringLiteral("envelope")),
            qPrintable(w->transcriptView()->noteView()->toPlainText()));
        sendLeave(w->bccField());

        // The account: the EHLO name, STARTTLS and AUTH.
        QWidget *account = w->accountForm()->accountSelector();
        QEvent enter(QEvent::Enter);
        QApplication::sendEvent(account, &enter);
        const QList<int> accountRows = link->linkedRows();
        for (const QString &line :
             {QStringLiteral("EHLO "), QStringLiteral("STARTTLS"), QStringLiteral("AUTH ")})
            QVERIFY2(accountRows.contains(rowOf(model, line)), qPrintable(line));
        QVERIFY(!accountRows.contains(rowOf(model, kRcptBcc)));
        sendLeave(account);

        // The message text: all of the content, its header lines too, and BDAT with its reply.
        sendMove(w->bodyField()->viewport(), QPoint(5, 5));
        const QList<int> messageRows = link->linkedRows();
        for (const QString &line : {QStringLiteral("BDAT "), QStringLiteral("Subject: Linked"),
                                    QStringLiteral("To: "), QStringLiteral("MIME-Version: ")})
            QVERIFY2(messageRows.contains(rowOf(model, line)), qPrintable(line));
        QVERIFY(!messageRows.contains(rowOf(model, kRcptZoe)));
        sendLeave(w->bodyField());
        QCOMPARE(link->linkedRows(), selectedRows);

        // Reply-To never reaches the dialogue as a command: no command line, and the note.
        sendMove(w->replyToField(), QPoint(2, 2));
        for (int row : link->linkedRows())
            QVERIFY(model->entry(row)->content);
        QVERIFY(w->transcriptView()->noteView()->toPlainText().contains(
            QStringLiteral("never appears in the dialogue as a command")));
        sendLeave(w->replyToField());
        QCOMPARE(link->linkedRows(), selectedRows);
    }

    // The notes that teach what people get wrong, with the lines they are about.
    void notesTeachWithTheLines_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("note");
        QTest::newRow("bcc") << kRcptBcc << QStringLiteral("only gets its own RCPT TO");
        QTest::newRow("cc") << kRcptCc << QStringLiteral("Cc is both");
        QTest::newRow("mail from") << QStringLiteral("MAIL FROM:<")
                                   << QStringLiteral("MAIL FROM (the envelope sender) and the From "
                                                     "header may differ");
        QTest::newRow("ehlo has none") << QStringLiteral("EHLO ") << QString();
    }
    void notesTeachWithTheLines()
    {
        QFETCH(QString, line);
        QFETCH(QString, note);
        ComposeWindow *w = sentWindow();
        QVERIFY(w);
        select(w, rowOf(w->transcriptModel(), line));
        const QString shown = w->transcriptView()->noteView()->toPlainText();
        if (note.isEmpty())
            QVERIFY2(!shown.contains(QStringLiteral("envelope sender")) &&
                         !shown.contains(QStringLiteral("RCPT TO in")),
                     qPrintable(shown));
        else
            QVERIFY2(shown.contains(note), qPrintable(shown));
    }

    // The message as it went out: its summary line expands into each header explained and
    // the MIME tree, read from the bytes the client sent.
    void messageExpandsIntoItsStructure()
    {
        ComposeWindow *w = sentWindow();
        QVERIFY(w);
        TranscriptModel *model = w->transcriptModel();
        QVERIFY(model->hasMessage(0));
        int summary = -1;
        for (int i = 0; i < model->rowCount() && summary < 0; ++i) {
            const TranscriptEntry *e = model->entry(i);
            if (e && e->direction == TranscriptEntry::Direction::Info && !e->details.isEmpty())
                summary = i;
        }
        QVERIFY(summary > 0);
        select(w, summary);
        QCOMPARE(w->wireLink()->highlighted().widget, w->bodyField());
        model->setExpanded(summary, true);
        QStringList rows;
        for (int i = summary + 1;
             i < model->rowCount() && model->kind(i) == TranscriptModel::RowKind::Detail; ++i)
            rows << model->data(model->index(i)).toString();
        const QString shown = rows.join(QLatin1Char('\n'));
        for (const QString &part :
             {QStringLiteral("Message-ID: <"), QStringLiteral("world-unique"),
              QStringLiteral("MIME-Version: 1.0"), QStringLiteral("Subject: Linked"),
              QStringLiteral("Reply-To: replies@example.org"), QStringLiteral("text/plain"),
              QStringLiteral("MIME structure")})
            QVERIFY2(shown.contains(part), qPrintable(part + QLatin1String(" in:\n") + shown));
        // Bcc went into the envelope only: no header carries it.
        QVERIFY2(!shown.contains(QStringLiteral("carla@")), qPrintable(shown));
        model->setExpanded(summary, false);
    }

    // What the Bcc note promises: the sandbox inbox shows the Bcc address in the envelope.
    void sandboxShowsBccInTheEnvelope()
    {
        ComposeWindow *w = sentWindow();
        QVERIFY(w);
        InboxPanel *inbox = w->sandboxPanel()->inbox();
        auto *envelope = inbox->findChild<QLabel *>(QStringLiteral("inboxEnvelope"));
        QVERIFY(envelope);
        QTRY_VERIFY2(envelope->text().contains(QStringLiteral("carla@example.org")),
                     qPrintable(envelope->text()));
        QVERIFY2(envelope->text().contains(QStringLiteral("envelope only: Bcc")),
                 qPrintable(envelope->text()));
    }
};

QTEST_MAIN(TestWireLink)
#include "tst_wirelink.moc"
