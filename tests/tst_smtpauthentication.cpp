// The AUTH decisions: whether the password may cross the link, the mechanism, each line sent
// (with its secret hidden in the transcript form) and what the server's answers mean.
#include "smtp/smtpauthentication.h"

#include <QtTest>

using Action = SmtpAuthStep::Action;
Q_DECLARE_METATYPE(Action)

namespace {

SmtpReply reply(int code, const QByteArray &text)
{
    SmtpReply r;
    r.code = code;
    r.lines << text;
    return r;
}

Capabilities offering(const QByteArray &auth)
{
    SmtpReply ehlo = reply(250, "fake");
    if (!auth.isEmpty())
        ehlo.lines << "AUTH " + auth;
    return Capabilities::fromEhloReply(ehlo);
}

} // namespace

class TestSmtpAuthentication : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void start_data();
    void start();
    void exchange_data();
    void exchange();
};

void TestSmtpAuthentication::start_data()
{
    QTest::addColumn<QByteArray>("offered");
    QTest::addColumn<QByteArray>("wanted"); // the account's mechanism, empty: the strongest
    QTest::addColumn<QString>("secret");
    QTest::addColumn<bool>("encrypted");
    QTest::addColumn<bool>("allowPlaintext");
    QTest::addColumn<bool>("canAsk");
    QTest::addColumn<Action>("action");
    QTest::addColumn<QString>("text"); // Send: the line shown; Fail: the start of the message
    QTest::addColumn<int>("warnings");

    QTest::newRow("PLAIN over TLS: the secret hidden")
        << QByteArray("PLAIN LOGIN") << QByteArray("PLAIN") << "s3cret" << true << false << false
        << Action::Send << "AUTH PLAIN ********" << 0;
    QTest::newRow("unencrypted to a remote host: refused")
        << QByteArray("PLAIN") << QByteArray() << "s3cret" << false << false << false
        << Action::Fail << "refusing to send the password over an unencrypted connection" << 0;
    QTest::newRow("unencrypted, allowed: a warning")
        << QByteArray("PLAIN") << QByteArray() << "s3cret" << false << true << false << Action::Send
        << "AUTH PLAIN ********" << 1;
    QTest::newRow("no AUTH offered")
        << QByteArray() << QByteArray() << "s3cret" << true << false << false << Action::Fail
        << "the server offers no AUTH mechanism" << 0;
    QTest::newRow("the account's mechanism not offered")
        << QByteArray("LOGIN") << QByteArray("PLAIN") << "s3cret" << true << false << false
        << Action::Fail << "AUTH PLAIN is not offered by the server (it offers LOGIN)" << 0;
    QTest::newRow("nothing in common")
        << QByteArray("GSSAPI") << QByteArray() << "s3cret" << true << false << false
        << Action::Fail << "no AUTH mechanism in common" << 0;
    QTest::newRow("no secret, someone to ask")
        << QByteArray("PLAIN") << QByteArray() << QString() << true << false << true
        << Action::AskCredentials << QString() << 0;
    QTest::newRow("no secret, nobody to ask")
        << QByteArray("PLAIN") << QByteArray() << QString() << true << false << false
        << Action::Fail << "AUTH PLAIN: no password or token given" << 0;
}

void TestSmtpAuthentication::start()
{
    QFETCH(QByteArray, offered);
    QFETCH(QByteArray, wanted);
    QFETCH(QString, secret);
    QFETCH(bool, encrypted);
    QFETCH(bool, allowPlaintext);
    QFETCH(bool, canAsk);
    QFETCH(Action, action);
    QFETCH(QString, text);
    QFETCH(int, warnings);

    SmtpSettings settings;
    settings.host = QStringLiteral("mail.example.org");
    settings.authMechanism = wanted;
    settings.credentials = {QStringLiteral("ana"), secret, QString()};
    settings.allowPlaintextAuth = allowPlaintext;
    SmtpAuthentication auth(settings, canAsk);
    const SmtpAuthStep step = auth.start(offering(offered), encrypted, false, false);
    QCOMPARE(step.action, action);
    QCOMPARE(step.warnings.size(), warnings);
    if (action == Action::Send) {
        QCOMPARE(step.shown, text);
        QVERIFY(step.redacted);
        QVERIFY(!step.continuation);
        QVERIFY(step.wire.startsWith("AUTH PLAIN "));
        QVERIFY(QByteArray::fromBase64(step.wire.mid(11)).contains(secret.toUtf8()));
    } else if (action == Action::Fail) {
        QVERIFY2(step.message.startsWith(text), qPrintable(step.message));
    }
}

void TestSmtpAuthentication::exchange_data()
{
    // LOGIN, answered reply by reply; "ask" gives the person's new secret.
    QTest::addColumn<bool>("canAsk");
    QTest::addColumn<QList<int>>("codes");
    QTest::addColumn<QList<Action>>("actions");
    QTest::addColumn<QStringList>("shown");
    QTest::addColumn<QString>("failure");

    const QString refused = QStringLiteral("AUTH LOGIN failed: 535");
    QTest::newRow("LOGIN accepted") << false << QList<int>{334, 334, 235}
                                    << QList<Action>{Action::Send, Action::Send, Action::Done}
                                    << QStringList{QStringLiteral("YW5h (user name: ana)"),
                                                   QStringLiteral("********"), QString()}
                                    << QString();
    QTest::newRow("refused, asked again once, refused again")
        << true << QList<int>{334, 334, 535, 334, 334, 535}
        << QList<Action>{Action::Send, Action::Send, Action::AskCredentials,
                         Action::Send, Action::Send, Action::Fail}
        << QStringList{QStringLiteral("YW5h (user name: ana)"),
                       QStringLiteral("********"),
                       QString(),
                       QStringLiteral("YW5h (user name: ana)"),
                       QStringLiteral("********"),
                       QString()}
        << refused;
    QTest::newRow("refused, nobody to ask")
        << false << QList<int>{334, 334, 535}
        << QList<Action>{Action::Send, Action::Send, Action::Fail}
        << QStringList{QStringLiteral("YW5h (user name: ana)"), QStringLiteral("********"),
                       QString()}
        << refused;
    // Found by fuzz_saslchallenge: the client cancels ("*") a third challenge, and a server
    // answering 235 anyway has not authenticated these credentials.
    QTest::newRow("235 after the client cancelled")
        << false << QList<int>{334, 334, 334, 235}
        << QList<Action>{Action::Send, Action::Send, Action::Send, Action::Fail}
        << QStringList{QStringLiteral("YW5h (user name: ana)"), QStringLiteral("********"),
                       QStringLiteral("*"), QString()}
        << QStringLiteral("AUTH LOGIN: the server accepted an exchange the client had cancelled "
                          "(LOGIN: the server sent a third challenge");
}

void TestSmtpAuthentication::exchange()
{
    QFETCH(bool, canAsk);
    QFETCH(QList<int>, codes);
    QFETCH(QList<Action>, actions);
    QFETCH(QStringList, shown);
    QFETCH(QString, failure);

    SmtpSettings settings;
    settings.authMechanism = "LOGIN";
    settings.credentials = {QStringLiteral("ana"), QStringLiteral("s3cret"), QString()};
    SmtpAuthentication auth(settings, canAsk);
    QCOMPARE(auth.start(offering("LOGIN"), true, false, false).shown, QStringLiteral("AUTH LOGIN"));
    for (qsizetype i = 0; i < codes.size(); ++i) {
        const QByteArray challenge = i % 3 == 0 ? "VXNlcm5hbWU6" : "UGFzc3dvcmQ6";
        const SmtpAuthStep step = auth.onReply(reply(codes[i], codes[i] == 334 ? challenge : "no"));
        QCOMPARE(step.action, actions[i]);
        if (step.action == Action::Send) {
            QCOMPARE(step.shown, shown[i]);
            QVERIFY(step.continuation);
        }
        if (step.action == Action::AskCredentials) {
            QVERIFY(step.message.startsWith(QLatin1String("535")));
            QCOMPARE(auth.begin(settings.credentials).shown, QStringLiteral("AUTH LOGIN"));
        }
        if (step.action == Action::Fail)
            QVERIFY2(step.message.startsWith(failure), qPrintable(step.message));
        if (step.action == Action::Done)
            QCOMPARE(step.note, QStringLiteral("authenticated as ana with LOGIN"));
    }
}

QTEST_GUILESS_MAIN(TestSmtpAuthentication)
#include "tst_smtpauthentication.moc"
