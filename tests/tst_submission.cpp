// Submission, the one path from an account to a send or a probe: the password is looked for
// in one order (this session, the credential store, the person), a refused one is asked for
// again once with the server's refusal, and one typed once is not asked again, neither by the
// next send nor by a probe of another Submission sharing the session. Played against the
// scripted fake server, with a prompter that answers as a script says.
#include "account/accountstore.h"
#include "account/memorycredentialstore.h"
#include "account/prompter.h"
#include "account/sessionsecrets.h"
#include "account/submission.h"
#include "fakesmtpserver.h"
#include "smtp/tlstrustdecision.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

using Choice = Prompter::CertificateChoice;
Q_DECLARE_METATYPE(Choice)

namespace {

const QString AccountId = QStringLiteral("acc-1");

// Answers every password question with the next of its answers (none left: declines), on a
// later turn of the event loop, as a dialog would.
class ScriptedPrompter : public Prompter
{
    Q_OBJECT
public:
    using Prompter::Prompter;

    QStringList answers;
    bool remember = false;
    QList<PasswordRequest> asked;
    CertificateChoice certificateChoice = CertificateChoice::Refuse;
    QList<CertificateRequest> certificatesAsked;

    void askPassword(const PasswordRequest &request) override
    {
        asked << request;
        const QString secret = answers.isEmpty() ? QString() : answers.takeFirst();
        QTimer::singleShot(0, this, [this, request, secret] {
            Q_EMIT passwordAnswered(request.id, SaslCredentials{request.user, secret, {}},
                                    remember);
        });
    }
    void askCertificate(const CertificateRequest &request) override
    {
        certificatesAsked << request;
        QTimer::singleShot(0, this, [this, id = request.id, choice = certificateChoice] {
            Q_EMIT certificateAnswered(id, choice);
        });
    }
};

QString authLine(const QString &secret)
{
    return QStringLiteral("AUTH PLAIN ") +
           QString::fromLatin1(QByteArray(QByteArray("\0ana\0", 5) + secret.toUtf8()).toBase64());
}

// The server accepts `accepted` and refuses every other secret tried, in the order given.
QString scenario(const QStringList &tried, const QString &accepted, bool withMessage)
{
    QString s = QStringLiteral("S: 220 fake ESMTP\nC: EHLO test.example\n"
                               "S: 250-fake\nS: 250 AUTH PLAIN\n");
    for (const QString &secret : tried) {
        s += QStringLiteral("C: ") + authLine(secret) + QLatin1Char('\n');
        s += secret == accepted
                 ? QStringLiteral("S: 235 2.7.0 ok\n")
                 : QStringLiteral("S: 535 5.7.8 Authentication credentials invalid\n");
    }
    if (withMessage && tried.contains(accepted))
        s += QStringLiteral("C~ MAIL FROM:<ana@example\\.org>.*\nS: 250 ok\n"
                            "C~ RCPT TO:<bo@example\\.org>.*\nS: 250 ok\n"
                            "C: DATA\nS: 354 go\nD:\nS: 250 2.0.0 queued as 9\n");
    return s + QStringLiteral("C: QUIT\nS: 221 bye\n");
}

Account account(quint16 port)
{
    Account a;
    a.id = AccountId;
    a.name = QStringLiteral("Work");
    a.address = QStringLiteral("ana@example.org");
    a.host = QStringLiteral("127.0.0.1");
    a.port = port;
    a.security = SmtpSettings::Security::None;
    a.authenticate = true;
    a.authMechanism = "PLAIN";
    a.user = QStringLiteral("ana");
    a.heloName = QStringLiteral("test.example");
    a.timeouts = SmtpTimeouts::uniform(10'000);
    return a;
}

Message message()
{
    Message m;
    m.from = Mailbox{QStringLiteral("Ana"), QStringLiteral("ana@example.org")};
    m.to = {Mailbox{QString(), QStringLiteral("bo@example.org")}};
    m.subject = QStringLiteral("hi");
    m.text = QStringLiteral("Hello.");
    return m;
}

QStringList authLines(const FakeSmtpServer &server)
{
    QStringList out;
    for (const QString &line : server.clientLines()) {
        if (line.startsWith(QLatin1String("AUTH ")))
            out << line;
    }
    return out;
}

QStringList authLines(const QStringList &secrets)
{
    QStringList out;
    for (const QString &s : secrets)
        out << authLine(s);
    return out;
}

bool store(MemoryCredentialStore *credentials, const QString &secret)
{
    QSignalSpy written(credentials, &CredentialStore::writeFinished);
    credentials->write(AccountId, secret);
    return written.wait(5000);
}

QString stored(MemoryCredentialStore *credentials)
{
    QSignalSpy read(credentials, &CredentialStore::readFinished);
    credentials->read(AccountId);
    return read.wait(5000) ? read.at(0).at(1).toString() : QStringLiteral("(no answer)");
}

} // namespace

class TestSubmission : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void credentialOrder_data();
    void credentialOrder();
    void typedOnceNotAskedAgain_data();
    void typedOnceNotAskedAgain();
    void refusedEnvelopeStartsNothing();
    void certificateThroughThePrompter_data();
    void certificateThroughThePrompter();
};

void TestSubmission::credentialOrder_data()
{
    QTest::addColumn<QString>("session");     // typed earlier this session
    QTest::addColumn<QString>("keychain");    // in the credential store
    QTest::addColumn<QStringList>("answers"); // the person's, in order
    QTest::addColumn<bool>("remember");
    QTest::addColumn<QStringList>("tried");   // secrets the client sent, in order
    QTest::addColumn<QStringList>("reasons"); // one per question to the person
    QTest::addColumn<bool>("storeRead");
    QTest::addColumn<bool>("works");
    QTest::addColumn<QString>("sessionAfter");
    QTest::addColumn<QString>("keychainAfter");

    const QStringList none;
    const QString refused = QStringLiteral("535 5.7.8 Authentication credentials invalid");
    QTest::newRow("session first: neither store nor person asked")
        << "pw"
        << "old" << none << false << QStringList{"pw"} << none << false << true << "pw"
        << "old";
    QTest::newRow("store when the session has none")
        << ""
        << "pw" << none << false << QStringList{"pw"} << none << true << true << ""
        << "pw";
    QTest::newRow("person when neither has it, kept for the session")
        << ""
        << "" << QStringList{"pw"} << false << QStringList{"pw"} << QStringList{""} << true << true
        << "pw"
        << "";
    QTest::newRow("person, remembered in the store")
        << ""
        << "" << QStringList{"pw"} << true << QStringList{"pw"} << QStringList{""} << true << true
        << "pw"
        << "pw";
    QTest::newRow("session's refused: the person, once, with the refusal (not the store)")
        << "old"
        << "stale" << QStringList{"pw"} << false << QStringList{"old", "pw"} << QStringList{refused}
        << false << true << "pw"
        << "stale";
    QTest::newRow("store's refused: the person, with the refusal")
        << ""
        << "stale" << QStringList{"pw"} << false << QStringList{"stale", "pw"}
        << QStringList{refused} << true << true << "pw"
        << "stale";
    QTest::newRow("refused twice: not asked a third time, nothing kept")
        << ""
        << "" << QStringList{"bad1", "bad2", "pw"} << false << QStringList{"bad1", "bad2"}
        << QStringList{"", refused} << true << false << ""
        << "";
    QTest::newRow("the person declines: nothing sent")
        << ""
        << "" << none << false << none << QStringList{""} << true << false << ""
        << "";
}

void TestSubmission::credentialOrder()
{
    QFETCH(QString, session);
    QFETCH(QString, keychain);
    QFETCH(QStringList, answers);
    QFETCH(bool, remember);
    QFETCH(QStringList, tried);
    QFETCH(QStringList, reasons);
    QFETCH(bool, storeRead);
    QFETCH(bool, works);
    QFETCH(QString, sessionAfter);
    QFETCH(QString, keychainAfter);

    MemoryCredentialStore credentials;
    if (!keychain.isEmpty())
        QVERIFY(store(&credentials, keychain));
    SessionSecrets secrets;
    secrets.remember(AccountId, session);
    ScriptedPrompter prompter;
    prompter.answers = answers;
    prompter.remember = remember;
    Submission submission(&credentials, &secrets, &prompter);

    FakeSmtpServer server(scenario(tried, QStringLiteral("pw"), false));
    QVERIFY(server.listen());
    QSignalSpy reads(&credentials, &CredentialStore::readFinished);
    QSignalSpy finished(&submission, &Submission::finished);
    QString problem;
    QCOMPARE(submission.probe(account(server.port()), &problem), Submission::Start::Started);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10'000);
    const SendResult result = finished.at(0).at(0).value<SendResult>();

    QCOMPARE(authLines(server), authLines(tried));
    QCOMPARE(result.outcome == SendResult::Outcome::Success, works);
    if (!tried.isEmpty())
        QVERIFY2(server.mismatches().isEmpty(), qPrintable(server.report()));
    QStringList asked;
    for (const Prompter::PasswordRequest &r : std::as_const(prompter.asked)) {
        asked << r.reason;
        QCOMPARE(r.accountId, AccountId);
        QCOMPARE(r.user, QStringLiteral("ana"));
        QCOMPARE(r.server, QStringLiteral("127.0.0.1:%1").arg(server.port()));
        QCOMPARE(r.rememberWhere, credentials.location());
    }
    QCOMPARE(asked, reasons);
    QCOMPARE(reads.size() > 0, storeRead);
    QCOMPARE(secrets.secret(AccountId), sessionAfter);
    QCOMPARE(stored(&credentials), keychainAfter);
}

// Typed once in this session: not asked again, whichever asked first: the compose window's
// sends and "Test connection" (a probe) run their own Submissions over the same session.
void TestSubmission::typedOnceNotAskedAgain_data()
{
    QTest::addColumn<QStringList>("runs"); // "send" (the window's), "probe" (the dialog's)
    QTest::newRow("typed for a send: not asked by the next send nor by a test")
        << QStringList{"send", "send", "probe"};
    QTest::newRow("typed for a test: not asked by a send nor by the next test")
        << QStringList{"probe", "send", "probe"};
}

void TestSubmission::typedOnceNotAskedAgain()
{
    QFETCH(QStringList, runs);
    MemoryCredentialStore credentials;
    SessionSecrets secrets;
    // Both would answer, so a second question shows as a count, not as a hang.
    ScriptedPrompter windowPrompter;
    windowPrompter.answers = {QStringLiteral("pw"), QStringLiteral("pw")};
    ScriptedPrompter dialogPrompter;
    dialogPrompter.answers = windowPrompter.answers;
    Submission window(&credentials, &secrets, &windowPrompter);
    Submission dialog(&credentials, &secrets, &dialogPrompter);
    QSignalSpy reads(&credentials, &CredentialStore::readFinished);
    const QStringList once{QStringLiteral("pw")};

    for (const QString &run : std::as_const(runs)) {
        const bool send = run == QLatin1String("send");
        Submission &submission = send ? window : dialog;
        FakeSmtpServer server(scenario(once, QStringLiteral("pw"), send));
        QVERIFY(server.listen());
        QSignalSpy finished(&submission, &Submission::finished);
        QString problem;
        const Submission::Start start =
            send ? submission.send(account(server.port()), message(), &problem)
                 : submission.probe(account(server.port()), &problem);
        QCOMPARE(start, Submission::Start::Started);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10'000);
        QCOMPARE(finished.at(0).at(0).value<SendResult>().outcome, SendResult::Outcome::Success);
        QVERIFY2(server.mismatches().isEmpty(), qPrintable(server.report()));
        QCOMPARE(authLines(server), authLines(once));
    }
    // Asked once, by the first run; the store was looked in once, before asking.
    QCOMPARE(windowPrompter.asked.size() + dialogPrompter.asked.size(), 1);
    QCOMPARE((runs.first() == QLatin1String("send") ? windowPrompter : dialogPrompter).asked.size(),
             1);
    QCOMPARE(reads.size(), 1);
}

void TestSubmission::refusedEnvelopeStartsNothing()
{
    MemoryCredentialStore credentials;
    SessionSecrets secrets;
    ScriptedPrompter prompter;
    Submission submission(&credentials, &secrets, &prompter);
    Message m = message();
    m.to.clear();
    QString problem;
    QCOMPARE(submission.check(account(25), m, &problem), Submission::Start::BadEnvelope);
    QVERIFY(!problem.isEmpty());
    QCOMPARE(submission.send(account(25), m, &problem), Submission::Start::BadEnvelope);
    QVERIFY(!submission.isBusy());
    Account a = account(25);
    a.caFile = QStringLiteral("/nonexistent/ca.pem");
    QCOMPARE(submission.probe(a, &problem), Submission::Start::BadSettings);
    QVERIFY2(problem.contains(QStringLiteral("/nonexistent/ca.pem")), qPrintable(problem));
    QVERIFY(!submission.isBusy());
}

void TestSubmission::certificateThroughThePrompter_data()
{
    QTest::addColumn<Choice>("choice");
    QTest::addColumn<bool>("stored"); // the account is in the store the submission pins into
    QTest::addColumn<bool>("works");
    QTest::addColumn<bool>("pinned");

    QTest::newRow("refused") << Choice::Refuse << true << false << false;
    QTest::newRow("accepted once") << Choice::AcceptOnce << true << true << false;
    QTest::newRow("trusted permanently") << Choice::TrustPermanently << true << true << true;
    QTest::newRow("nowhere to pin: once only")
        << Choice::TrustPermanently << false << true << false;
}

// A self-signed certificate: the question goes to the prompter, its answer decides; only
// "trust permanently" of a stored account pins, into the store, with a transcript line.
void TestSubmission::certificateThroughThePrompter()
{
    QFETCH(Choice, choice);
    QFETCH(bool, stored);
    QFETCH(bool, works);
    QFETCH(bool, pinned);

    const QString certs = QStringLiteral(POSTWIRE_TEST_CERTS "/");
    FakeSmtpServer server(
        QStringLiteral("S: 220 fake ESMTP\nC: EHLO test.example\nS: 250-fake\n"
                       "S: 250 STARTTLS\nC: STARTTLS\nS: 220 go ahead\nT:\n") +
        (works ? QStringLiteral("C: EHLO test.example\nS: 250 fake\nC: QUIT\nS: 221 bye\n")
               : QString()));
    server.setCertificate(certs + QStringLiteral("selfsigned.pem"),
                          certs + QStringLiteral("selfsigned.key"));
    QVERIFY(server.listen());

    QTemporaryDir dir;
    AccountStore accounts(dir.filePath(QStringLiteral("postwire.conf")));
    accounts.load();
    Account a = accounts.at(0);
    a.host = QStringLiteral("localhost");
    a.port = server.port();
    a.security = SmtpSettings::Security::StartTls;
    a.heloName = QStringLiteral("test.example");
    a.timeouts = SmtpTimeouts::uniform(10'000);
    accounts.update(a);

    MemoryCredentialStore credentials;
    SessionSecrets secrets;
    ScriptedPrompter prompter;
    prompter.certificateChoice = choice;
    Submission submission(&credentials, &secrets, &prompter);
    if (stored)
        submission.setAccountStore(&accounts);
    QList<TranscriptEntry> transcript;
    connect(&submission, &Submission::transcriptEntry,
            [&](const TranscriptEntry &e) { transcript << e; });
    QSignalSpy pins(&submission, &Submission::certificatePinned);
    QSignalSpy finished(&submission, &Submission::finished);
    QString problem;
    QCOMPARE(submission.probe(a, &problem), Submission::Start::Started);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10'000);

    QCOMPARE(prompter.certificatesAsked.size(), 1);
    const Prompter::CertificateRequest &asked = prompter.certificatesAsked.first();
    QCOMPARE(asked.accountId, a.id);
    QCOMPARE(asked.host, QStringLiteral("localhost"));
    QVERIFY(!asked.chain.isEmpty() && !asked.errors.isEmpty());
    QCOMPARE(asked.canPin, stored);
    QCOMPARE(finished.at(0).at(0).value<SendResult>().outcome == SendResult::Outcome::Success,
             works);
    QVERIFY2(server.mismatches().isEmpty(), qPrintable(server.report()));
    const QByteArray fingerprint = Account::fingerprint(
        QSslCertificate::fromPath(certs + QStringLiteral("selfsigned.pem")).value(0));
    QCOMPARE(accounts.account(a.id)->pinnedFingerprints.contains(fingerprint), pinned);
    QCOMPARE(submission.account().pinnedFingerprints.contains(fingerprint), pinned);
    QCOMPARE(pins.size(), pinned ? 1 : 0);
    bool noted = false;
    for (const TranscriptEntry &e : std::as_const(transcript))
        noted = noted || e.text.contains(TlsTrustDecision::fingerprintText(fingerprint) +
                                         QStringLiteral(" is now trusted for this account"));
    QCOMPARE(noted, pinned);
    if (!pinned)
        return;
    // The trusted certificate is named, not only fingerprinted, and the name is kept.
    const QString label = accounts.account(a.id)->pinLabels.value(fingerprint);
    QVERIFY2(label.contains(QLatin1String(" bits, valid until ")), qPrintable(label));
    AccountStore reread(dir.filePath(QStringLiteral("postwire.conf")));
    reread.load();
    QCOMPARE(reread.account(a.id)->pinLabels.value(fingerprint), label);
}

QTEST_MAIN(TestSubmission)
#include "tst_submission.moc"
