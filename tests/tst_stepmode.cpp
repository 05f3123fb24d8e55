// Step mode in the window (issue 16): the step bar answers each pause of a real SmtpClient
// against the scripted fake server, every choice at every kind of step, with and without
// pipelining, by mouse and by keyboard; then the Step toggle of the compose window end to end.
#include "account/accountstore.h"
#include "accountform.h"
#include "addressfield.h"
#include "buffermessagesource.h"
#include "composewindow.h"
#include "fakesmtpserver.h"
#include "resultpanel.h"
#include "stepbar.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QTextDocumentFragment>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtTest>

#include <functional>
#include <memory>
#include <optional>

using Outcome = SendResult::Outcome;

namespace {

const QByteArray Wire = "From: a@example.org\r\nTo: b@example.org\r\nSubject: hi\r\n\r\n"
                        ".dotted line\r\nHello.\r\n";
const QString Size = QString::number(Wire.size());
const QString Greet = QStringLiteral("S: 220 fake ESMTP\n");
const QString Ehlo = QStringLiteral("C: EHLO test.example\nS: 250-fake\nS: 250 PIPELINING\n");
const QString MailOk = QStringLiteral("C: MAIL FROM:<a@example.org>\nS: 250 ok\n");
const QString RcptOk = QStringLiteral("C: RCPT TO:<b@example.org>\nS: 250 ok\n");
const QString Data = QStringLiteral("C: DATA\nS: 354 go\nD:\nS: 250 queued\n");
const QString Quit = QStringLiteral("C: QUIT\nS: 221 bye\n");

// What a person reads in the bar: its title and the pending lines with their explanations.
QString shownIn(const StepBar *bar)
{
    return bar->titleLabel()->text() + QLatin1Char('\n') +
           QTextDocumentFragment::fromHtml(bar->pendingView()->text()).toPlainText();
}

// Step mode against the fake server on port, one command at a time unless told.
SmtpSettings stepSettings(quint16 port)
{
    SmtpSettings settings;
    settings.host = QStringLiteral("127.0.0.1");
    settings.port = port;
    settings.security = SmtpSettings::Security::None;
    settings.heloName = QStringLiteral("test.example");
    settings.timeouts = SmtpTimeouts::uniform(10'000);
    settings.stepMode = true;
    return settings;
}

Envelope stepEnvelope()
{
    Envelope envelope;
    envelope.sender = QStringLiteral("a@example.org");
    envelope.recipients = {QStringLiteral("b@example.org")};
    return envelope;
}

} // namespace

Q_DECLARE_METATYPE(Outcome)

class TestStepMode : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("PostwireTest"));
        QCoreApplication::setApplicationName(QStringLiteral("postwire"));
        qputenv("POSTWIRE_SANDBOX_PORT", "0");
    }

    void eachChoiceAtEachStep_data();
    void eachChoiceAtEachStep();
    void contentAndAuthSteps();
    void composeWindowStepsByKeyboard();

private:
    std::unique_ptr<ComposeWindow> m_window;
};

void TestStepMode::eachChoiceAtEachStep_data()
{
    QTest::addColumn<QString>("mode"); // plain, pipelining, chunking+pipelining
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<QStringList>("actions"); // one per pause; refusals stay on their pause
    QTest::addColumn<QStringList>("pauses");  // words each pause shows, in order
    QTest::addColumn<Outcome>("outcome");

    const QString all = Greet + Ehlo + MailOk + RcptOk + Data + Quit;
    const QStringList steps{QStringLiteral("Next: EHLO test.example"),
                            QStringLiteral("Next: MAIL FROM:<a@example.org>"),
                            QStringLiteral("Next: RCPT TO:<b@example.org>"),
                            QStringLiteral("Next: DATA"),
                            QStringLiteral("Next: the message content"),
                            QStringLiteral("Next: QUIT")};
    const QString send = QStringLiteral("send");
    const QStringList sendAll{send, send, send, send, send, send};
    const auto with = [&](int at, const QStringList &actions) {
        QStringList a = sendAll;
        a.removeAt(at);
        for (qsizetype i = actions.size() - 1; i >= 0; --i)
            a.insert(at, actions[i]);
        return a;
    };
    const auto twice = [&](int at) {
        QStringList p = steps;
        p.insert(at, steps[at]);
        return p;
    };

    QTest::newRow("Send at every step, by mouse")
        << "plain" << all << sendAll << steps << Outcome::Success;
    QTest::newRow("Send at every step, by Space")
        << "plain" << all << QStringList(6, QStringLiteral("space")) << steps << Outcome::Success;

    // Edit and send
    QTest::newRow("EHLO edited")
        << "plain"
        << Greet + QStringLiteral("C: EHLO other.example\nS: 250-fake\nS: 250 PIPELINING\n") +
               MailOk + RcptOk + Data + Quit
        << with(0, {QStringLiteral("edit EHLO other.example")}) << steps << Outcome::Success;
    QTest::newRow("MAIL edited after a refused 600-octet line")
        << "plain"
        << Greet + Ehlo + QStringLiteral("C: MAIL FROM:<x@example.org> BODY=7BIT\nS: 250 ok\n") +
               RcptOk + Data + Quit
        << with(1, {QStringLiteral("long"),
                    QStringLiteral("edit MAIL FROM:<x@example.org> BODY=7BIT")})
        << steps << Outcome::Success;
    QTest::newRow("RCPT edited") << "plain"
                                 << Greet + Ehlo + MailOk +
                                        QStringLiteral("C: RCPT TO:<c@example.org>\nS: 250 ok\n") +
                                        Data + Quit
                                 << with(2, {QStringLiteral("edit RCPT TO:<c@example.org>")})
                                 << steps << Outcome::Success;
    QTest::newRow("QUIT edited") << "plain"
                                 << Greet + Ehlo + MailOk + RcptOk + Data +
                                        QStringLiteral("C: QUIT now\nS: 221 bye\n")
                                 << with(5, {QStringLiteral("edit QUIT now")}) << steps
                                 << Outcome::Success;

    // Insert a command before the planned one, which then waits again
    QTest::newRow("NOOP before EHLO")
        << "plain"
        << Greet + QStringLiteral("C: NOOP\nS: 250 ok\n") + Ehlo + MailOk + RcptOk + Data + Quit
        << with(0, {QStringLiteral("insert NOOP"), send}) << twice(0) << Outcome::Success;
    QTest::newRow("RSET before MAIL")
        << "plain"
        << Greet + Ehlo + QStringLiteral("C: RSET\nS: 250 ok\n") + MailOk + RcptOk + Data + Quit
        << with(1, {QStringLiteral("insert RSET"), send}) << twice(1) << Outcome::Success;
    QTest::newRow("VRFY before RCPT")
        << "plain"
        << Greet + Ehlo + MailOk + QStringLiteral("C: VRFY b@example.org\nS: 252 maybe\n") +
               RcptOk + Data + Quit
        << with(2, {QStringLiteral("insert VRFY b@example.org"), send}) << twice(2)
        << Outcome::Success;
    QTest::newRow("EXPN before DATA")
        << "plain"
        << Greet + Ehlo + MailOk + RcptOk + QStringLiteral("C: EXPN staff\nS: 502 no\n") + Data +
               Quit
        << with(3, {QStringLiteral("insert EXPN staff"), send}) << twice(3) << Outcome::Success;
    QTest::newRow("HELP before QUIT")
        << "plain"
        << Greet + Ehlo + MailOk + RcptOk + Data +
               QStringLiteral("C: HELP\nS: 214 see RFC 5321\n") + Quit
        << with(5, {QStringLiteral("insert HELP"), send}) << twice(5) << Outcome::Success;

    // Stop: QUIT and end
    QTest::newRow("stop at EHLO") << "plain" << Greet + QStringLiteral("C: QUIT\n")
                                  << QStringList{QStringLiteral("stop")} << steps.mid(0, 1)
                                  << Outcome::Cancelled;
    QTest::newRow("stop at MAIL") << "plain" << Greet + Ehlo + QStringLiteral("C: QUIT\n")
                                  << QStringList{send, QStringLiteral("stop")} << steps.mid(0, 2)
                                  << Outcome::Cancelled;
    QTest::newRow("stop at RCPT") << "plain" << Greet + Ehlo + MailOk + QStringLiteral("C: QUIT\n")
                                  << QStringList{send, send, QStringLiteral("stop")}
                                  << steps.mid(0, 3) << Outcome::Cancelled;
    QTest::newRow("stop at DATA") << "plain"
                                  << Greet + Ehlo + MailOk + RcptOk + QStringLiteral("C: QUIT\n")
                                  << QStringList{send, send, send, QStringLiteral("stop")}
                                  << steps.mid(0, 4) << Outcome::Cancelled;
    QTest::newRow("stop at the content")
        << "plain" << Greet + Ehlo + MailOk + RcptOk + QStringLiteral("C: DATA\nS: 354 go\n")
        << QStringList{send, send, send, send, QStringLiteral("stop")} << steps.mid(0, 5)
        << Outcome::Cancelled;
    QTest::newRow("stop at QUIT: the message stays accepted")
        << "plain" << Greet + Ehlo + MailOk + RcptOk + Data + QStringLiteral("C: QUIT\n")
        << QStringList{send, send, send, send, send, QStringLiteral("stop")} << steps
        << Outcome::Success;

    // Pipelining kept: a group is one step, shown as a group
    const QString group = QStringLiteral("one pipelined group of 3 commands");
    const QString groupWire =
        QStringLiteral("C: MAIL FROM:<a@example.org>\nC: RCPT TO:<%1>\nC: DATA\n"
                       "S: 250 ok\nS: 250 ok\nS: 354 go\nD:\nS: 250 queued\n");
    QTest::newRow("a group sent as planned")
        << "pipelining" << Greet + Ehlo + groupWire.arg(QStringLiteral("b@example.org")) + Quit
        << QStringList{send, send, send, send} << QStringList{steps[0], group, steps[4], steps[5]}
        << Outcome::Success;
    QTest::newRow("a group: NOOP first, then its RCPT edited")
        << "pipelining"
        << Greet + Ehlo + QStringLiteral("C: NOOP\nS: 250 ok\n") +
               groupWire.arg(QStringLiteral("c@example.org")) + Quit
        << QStringList{send, QStringLiteral("insert NOOP"),
                       QStringLiteral("edit@2 RCPT TO:<c@example.org>"), send, send}
        << QStringList{steps[0], group, group, steps[4], steps[5]} << Outcome::Success;
    QTest::newRow("a group stopped") << "pipelining" << Greet + Ehlo + QStringLiteral("C: QUIT\n")
                                     << QStringList{send, QStringLiteral("stop")}
                                     << QStringList{steps[0], group} << Outcome::Cancelled;
    const QString chunked = QStringLiteral("C: EHLO test.example\nS: 250-fake\nS: 250-PIPELINING\n"
                                           "S: 250 CHUNKING\n");
    QTest::newRow("a group with BDAT is the content step, NOOP before it")
        << "chunking+pipelining"
        << Greet + chunked + QStringLiteral("C: NOOP\nS: 250 ok\n") +
               QStringLiteral("C: MAIL FROM:<a@example.org>\nC: RCPT TO:<b@example.org>\n"
                              "C: BDAT %1 LAST\nS: 250 ok\nS: 250 ok\nB: %1\nS: 250 queued\n")
                   .arg(Size) +
               Quit
        << QStringList{send, QStringLiteral("insert NOOP"), send, send}
        << QStringList{steps[0], steps[4], steps[4], steps[5]} << Outcome::Success;
}

void TestStepMode::eachChoiceAtEachStep()
{
    QFETCH(QString, mode);
    QFETCH(QString, scenario);
    QFETCH(QStringList, actions);
    QFETCH(QStringList, pauses);
    QFETCH(Outcome, outcome);

    FakeSmtpServer server(scenario);
    QVERIFY(server.listen());
    SmtpClient client;
    QWidget host;
    auto *layout = new QVBoxLayout(&host);
    auto *bar = new StepBar;
    layout->addWidget(bar);
    bar->setClient(&client);
    host.show();
    QApplication::setActiveWindow(&host);
    QVERIFY(QTest::qWaitForWindowActive(&host));

    SmtpSettings settings = stepSettings(server.port());
    settings.stepKeepsPipelining = mode.contains(QLatin1String("pipelining"));
    settings.useChunking = mode.startsWith(QLatin1String("chunking"));
    const Envelope envelope = stepEnvelope();
    BufferMessageSource source(Wire);

    std::optional<SendResult> result;
    QObject::connect(&client, &SmtpClient::finished, [&](const SendResult &r) { result = r; });
    QStringList shown;
    QStringList failures;
    qsizetype next = 0;
    const auto check = [&failures](bool ok, const QString &what) {
        if (!ok)
            failures << what;
    };
    std::function<void()> act = [&] {
        while (next < actions.size()) {
            const QString action = actions[next++];
            const QString verb = action.section(QLatin1Char(' '), 0, 0);
            const QString line = action.section(QLatin1Char(' '), 1);
            check(bar->isVisible() && bar->isWaiting(), QStringLiteral("not waiting at ") + action);
            if (verb == QLatin1String("send")) {
                QTest::mouseClick(bar->sendButton(), Qt::LeftButton);
            } else if (verb == QLatin1String("space")) {
                check(QApplication::focusWidget() == bar->sendButton(),
                      QStringLiteral("Send has no focus"));
                QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
            } else if (verb == QLatin1String("stop")) {
                QTest::mouseClick(bar->stopButton(), Qt::LeftButton);
            } else if (verb.startsWith(QLatin1String("edit")) || verb == QLatin1String("long")) {
                if (verb == QLatin1String("edit@2"))
                    bar->editTarget()->setCurrentIndex(1);
                const QString typed =
                    verb == QLatin1String("long") ? QString(600, QLatin1Char('x')) : line;
                check(bar->editField()->isEnabled(), QStringLiteral("edit disabled"));
                bar->editField()->selectAll();
                QTest::keyClicks(bar->editField(), typed);
                QTest::keyClick(bar->editField(), Qt::Key_Return);
                if (verb == QLatin1String("long")) {
                    // Refused beside the field, the typed text kept, the step still waiting.
                    check(bar->refusalLabel()->isVisible() &&
                              bar->refusalLabel()->text().contains(
                                  QStringLiteral("RFC 5321 section 4.5.3.1.4")),
                          QStringLiteral("no refusal: ") + bar->refusalLabel()->text());
                    check(bar->editField()->text() == typed, QStringLiteral("typed text lost"));
                    check(bar->isWaiting() && client.isPaused(), QStringLiteral("not waiting"));
                    continue;
                }
            } else if (verb == QLatin1String("insert")) {
                bar->insertField()->setEditText(line);
                QTest::mouseClick(bar->insertButton(), Qt::LeftButton);
            }
            return;
        }
    };
    QObject::connect(&client, &SmtpClient::paused, [&] {
        shown << shownIn(bar);
        QTimer::singleShot(0, &client, act);
    });
    client.send(settings, envelope, &source);
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 10000);
    const QString context =
        shown.join(QStringLiteral("\n----\n")) + QStringLiteral("\nserver: ") + server.report();
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n')) + context));
    QVERIFY2(server.mismatches().isEmpty() && server.unconsumed().isEmpty(), qPrintable(context));
    QCOMPARE(result->outcome, outcome);
    QCOMPARE(shown.size(), pauses.size());
    for (qsizetype i = 0; i < pauses.size(); ++i)
        QVERIFY2(shown[i].contains(pauses[i]),
                 qPrintable(pauses[i] + QStringLiteral(" in:\n") + context));
    QTRY_VERIFY(!bar->isVisible()); // the send is over: the bar goes
}

// The content step shows size, first lines and the dot-stuffing it will apply, and takes no
// edit and no command inside DATA; AUTH shows its mechanism with "credentials hidden".
void TestStepMode::contentAndAuthSteps()
{
    FakeSmtpServer server(Greet +
                          QStringLiteral("C: EHLO test.example\nS: 250-fake\nS: 250 AUTH PLAIN\n"
                                         "C~ AUTH PLAIN \\S+\nS: 235 ok\n") +
                          MailOk + RcptOk + Data + Quit);
    QVERIFY(server.listen());
    SmtpClient client;
    StepBar bar;
    bar.setClient(&client);
    bar.show();
    SmtpSettings settings = stepSettings(server.port());
    settings.authenticate = true;
    settings.credentials = {QStringLiteral("ana"), QStringLiteral("secret"), QString()};
    const Envelope envelope = stepEnvelope();
    BufferMessageSource source(Wire);
    std::optional<SendResult> result;
    QObject::connect(&client, &SmtpClient::finished, [&](const SendResult &r) { result = r; });
    QStringList failures;
    const auto check = [&failures](bool ok, const QString &what) {
        if (!ok)
            failures << what;
    };
    bool sawAuth = false;
    bool sawContent = false;
    QObject::connect(&client, &SmtpClient::paused, [&] {
        const QString text = shownIn(&bar);
        if (text.contains(QStringLiteral("AUTH"))) {
            sawAuth = true;
            check(text.contains(QStringLiteral("C: AUTH PLAIN (credentials hidden)")), text);
            check(text.contains(QStringLiteral("starts authentication (RFC 4954) with PLAIN")),
                  text);
            check(!bar.editField()->isEnabled() && bar.editField()->text().isEmpty(),
                  QStringLiteral("AUTH editable"));
            check(bar.editField()->placeholderText().contains(QStringLiteral("credentials")),
                  bar.editField()->placeholderText());
        }
        if (text.contains(QStringLiteral("the message content"))) {
            sawContent = true;
            check(text.contains(QStringLiteral("The message, %1 bytes,").arg(Size)), text);
            check(text.contains(QStringLiteral("Subject: hi")), text);
            check(text.contains(QStringLiteral(".dotted line")), text);
            check(text.contains(QStringLiteral("Dot-stuffing")), text);
            check(text.contains(QStringLiteral("1 of the lines shown begin")), text);
            check(text.contains(QStringLiteral("C: .")), text);
            check(!bar.editField()->isEnabled() && !bar.insertButton()->isEnabled(),
                  QStringLiteral("content editable"));
            // Refused by the engine too, were the field reached some other way.
            check(!client.proceedWith("X").isEmpty(), QStringLiteral("content edit accepted"));
        }
        check(!text.contains(QStringLiteral("secret")) && !text.contains(QStringLiteral("AGFuYQ")),
              text);
        QTimer::singleShot(0, &bar, &StepBar::sendAsPlanned);
    });
    client.send(settings, envelope, &source);
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 10000);
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))));
    QVERIFY(sawAuth);
    QVERIFY(sawContent);
    QCOMPARE(result->outcome, Outcome::Success);
    QVERIFY(server.receivedData().contains("\r\n..dotted line")); // stuffed on the wire
}

// The window: the Step toggle beside Send, a send stepped through by keyboard alone (Space at
// each pause, an edit typed and refused, then fixed), the outcome shown, and no mnemonic
// clashing with the form's while the bar shows.
void TestStepMode::composeWindowStepsByKeyboard()
{
    QSettings().clear();
    FakeSmtpServer server(Greet + QStringLiteral("C~ EHLO \\S+\nS: 250-fake\nS: 250 8BITMIME\n") +
                          QStringLiteral("C: MAIL FROM:<ana@example.org> BODY=7BIT\nS: 250 ok\n") +
                          QStringLiteral("C~ RCPT TO:<bo@example\\.org>.*\nS: 250 ok\n") + Data +
                          Quit);
    QVERIFY(server.listen());
    m_window = std::make_unique<ComposeWindow>();
    ComposeWindow *w = m_window.get();
    w->show();
    QApplication::setActiveWindow(w);
    QVERIFY(QTest::qWaitForWindowActive(w));
    Account fake;
    fake.name = QStringLiteral("Fake server");
    fake.host = QStringLiteral("127.0.0.1");
    fake.port = server.port();
    fake.security = SmtpSettings::Security::None;
    w->accountForm()->selectAccountId(w->accountStore()->add(fake));
    w->fromField()->setText(QStringLiteral("Ana <ana@example.org>"));
    w->toField()->setText(QStringLiteral("bo@example.org"));
    w->subjectField()->setText(QStringLiteral("Stepped"));
    w->bodyField()->setPlainText(QStringLiteral("Hello"));

    StepBar *bar = w->stepBar();
    QAction *toggle = bar->toggleAction();
    QVERIFY(toggle->isCheckable());
    const auto *toolbar = w->findChild<QToolBar *>(QStringLiteral("composeToolBar"));
    QVERIFY(toolbar);
    const QList<QAction *> tools = toolbar->actions();
    QCOMPARE(tools.indexOf(toggle), tools.indexOf(w->sendAction()) + 1); // right next to Send
    toggle->setChecked(true);

    QSignalSpy finished(w, &ComposeWindow::sendFinished);
    QSignalSpy paused(w->client(), &SmtpClient::paused);
    w->bodyField()->setFocus();
    QTest::keyClick(w, Qt::Key_Return, Qt::ControlModifier);
    QTRY_COMPARE(paused.count(), 1);
    QVERIFY(bar->isVisible());
    QVERIFY2(shownIn(bar).contains(QStringLiteral("Why: the account's EHLO name")),
             qPrintable(shownIn(bar)));
    QCOMPARE(QApplication::focusWidget(), bar->sendButton());

    // No letter twice among what a person can reach with Alt while the bar shows.
    QHash<QChar, QString> letters;
    const auto mnemonicOf = [](const QString &text) {
        const qsizetype at = text.indexOf(QRegularExpression(QStringLiteral("&[^&]")));
        return at < 0 ? QChar() : text[at + 1].toLower();
    };
    QStringList texts;
    for (QAbstractButton *b : w->findChildren<QAbstractButton *>())
        if (b->isVisibleTo(w) && !qobject_cast<QToolButton *>(b))
            texts << b->text();
    for (QLabel *l : w->findChildren<QLabel *>())
        if (l->isVisibleTo(w) && l->buddy())
            texts << l->text();
    for (const QString &text : std::as_const(texts)) {
        const QChar c = mnemonicOf(text);
        if (c.isNull())
            continue;
        QVERIFY2(!letters.contains(c),
                 qPrintable(QStringLiteral("%1 and %2 share Alt+%3").arg(letters[c], text, c)));
        letters.insert(c, text);
    }

    // Space sends EHLO; MAIL gets a refused edit (kept, reason beside it), then a good one.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
    QTRY_COMPARE(paused.count(), 2);
    QTest::keyClick(w, Qt::Key_G, Qt::AltModifier); // "Chan&ge to:" goes to the field
    QCOMPARE(QApplication::focusWidget(), bar->editField());
    bar->editField()->setText(bar->editField()->text() + QString(600, QLatin1Char(' ')) +
                              QStringLiteral("x"));
    QTest::keyClick(bar->editField(), Qt::Key_Return);
    QVERIFY(bar->refusalLabel()->isVisible());
    QVERIFY2(bar->refusalLabel()->text().contains(QStringLiteral("at most 512 octets")),
             qPrintable(bar->refusalLabel()->text()));
    QVERIFY(bar->editField()->text().endsWith(QStringLiteral(" x")));
    // Esc in a field of the bar leaves the field, typed text kept; the send goes on (Esc is
    // the window's Cancel Sending everywhere else).
    QTest::keyClick(bar->editField(), Qt::Key_Escape);
    QCOMPARE(QApplication::focusWidget(), bar->sendButton());
    QVERIFY(bar->editField()->text().endsWith(QStringLiteral(" x")));
    bar->insertField()->setFocus();
    bar->insertField()->setEditText(QStringLiteral("VRFY bo"));
    QTest::keyClick(bar->insertField(), Qt::Key_Escape);
    QCOMPARE(QApplication::focusWidget(), bar->sendButton());
    QCOMPARE(bar->insertField()->currentText(), QStringLiteral("VRFY bo"));
    QVERIFY(w->client()->isPaused());
    QVERIFY(bar->isVisible());
    QCOMPARE(finished.count(), 0);
    QTest::keyClick(w, Qt::Key_G, Qt::AltModifier);
    QCOMPARE(QApplication::focusWidget(), bar->editField());
    bar->editField()->setText(QStringLiteral("MAIL FROM:<ana@example.org> BODY=7BIT"));
    QTest::keyClick(bar->editField(), Qt::Key_Return);
    // The rest by Space alone: RCPT, DATA, the content, QUIT.
    for (int pause = 3; pause <= 6; ++pause) {
        QTRY_COMPARE(paused.count(), pause);
        QTRY_COMPARE(QApplication::focusWidget(), bar->sendButton());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
    }
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
    QVERIFY2(server.mismatches().isEmpty(), qPrintable(server.report()));
    QCOMPARE(w->resultPanel()->kind(), ResultPanel::Kind::Success);
    QVERIFY(!bar->isVisible());
    m_window.reset();
    QFile::remove(DraftStore().path());
}

QTEST_MAIN(TestStepMode)
#include "tst_stepmode.moc"
