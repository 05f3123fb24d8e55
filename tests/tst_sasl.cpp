// SASL mechanisms against the RFC test vectors, their failure paths, and the promise that the
// transcript text of a client line never carries the secret in any form.
#include "smtp/sasl.h"
#include "smtp/sasl_scram.h"
#include "smtp/sasl_xoauth2.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QPasswordDigestor>
#include <QtTest>

namespace {

SaslCredentials creds(const QString &user, const QString &secret, const QString &authz = {})
{
    SaslCredentials c;
    c.user = user;
    c.secret = secret;
    c.authorizationId = authz;
    return c;
}

QString fromBytes(const char *data, int size)
{
    return QString::fromUtf8(QByteArray(data, size));
}

// RFC 7677 section 3's example.
const QByteArray scramNonce = "rOprNGfwEbeRWgbNEkqO";
const QByteArray scramServerFirst =
    "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096";
const QByteArray scramClientFinal = "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p="
                                    "dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsq"
                                    "mmiz7AndVQ=";
const QByteArray rfcServerFinal = "v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=";

std::unique_ptr<SaslScramSha256> rfc7677Scram()
{
    auto scram =
        std::make_unique<SaslScramSha256>(creds(QStringLiteral("user"), QStringLiteral("pencil")));
    scram->setClientNonce(scramNonce);
    return scram;
}

// The server signature with one character changed (still valid base64 of the same length).
QByteArray tampered(const QByteArray &serverFinal)
{
    QByteArray t = serverFinal;
    t[5] = t[5] == 'A' ? 'B' : 'A';
    return t;
}

} // namespace

class TestSasl : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void choose_data()
    {
        QTest::addColumn<QByteArrayList>("offered");
        QTest::addColumn<bool>("token");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("nothing offered") << QByteArrayList{} << false << QByteArray();
        QTest::newRow("only unknown") << QByteArrayList{"GSSAPI", "NTLM"} << false << QByteArray();
        QTest::newRow("scram beats all")
            << QByteArrayList{"LOGIN", "PLAIN", "CRAM-MD5", "SCRAM-SHA-256"} << false
            << QByteArray("SCRAM-SHA-256");
        QTest::newRow("cram beats plain")
            << QByteArrayList{"PLAIN", "LOGIN", "CRAM-MD5"} << false << QByteArray("CRAM-MD5");
        QTest::newRow("plain beats login")
            << QByteArrayList{"LOGIN", "PLAIN"} << false << QByteArray("PLAIN");
        QTest::newRow("login alone") << QByteArrayList{"LOGIN"} << false << QByteArray("LOGIN");
        QTest::newRow("lower case offer")
            << QByteArrayList{"login", "plain"} << false << QByteArray("PLAIN");
        QTest::newRow("xoauth2 without token skipped")
            << QByteArrayList{"XOAUTH2", "LOGIN"} << false << QByteArray("LOGIN");
        QTest::newRow("xoauth2 without token only")
            << QByteArrayList{"XOAUTH2"} << false << QByteArray();
        QTest::newRow("xoauth2 with token preferred")
            << QByteArrayList{"SCRAM-SHA-256", "PLAIN", "XOAUTH2"} << true << QByteArray("XOAUTH2");
        QTest::newRow("token, no xoauth2 offered")
            << QByteArrayList{"PLAIN", "LOGIN"} << true << QByteArray("PLAIN");
        QTest::newRow("scram plus is another mechanism")
            << QByteArrayList{"SCRAM-SHA-256-PLUS", "LOGIN"} << false << QByteArray("LOGIN");
    }
    void choose()
    {
        QFETCH(QByteArrayList, offered);
        QFETCH(bool, token);
        QFETCH(QByteArray, expected);
        QCOMPARE(SaslMechanism::choose(offered, token), expected);
    }

    void supportedAllCreatable()
    {
        const QByteArrayList names = SaslMechanism::supported();
        QCOMPARE(names.size(), 6);
        for (const QByteArray &name : names) {
            auto mech =
                SaslMechanism::create(name, creds(QStringLiteral("a"), QStringLiteral("b")));
            QVERIFY2(mech, name.constData());
            QCOMPARE(mech->name(), name);
            auto lower = SaslMechanism::create(name.toLower(), SaslCredentials());
            QVERIFY(lower);
        }
        QVERIFY(!SaslMechanism::create("GSSAPI", SaslCredentials()));
        QVERIFY(!SaslMechanism::create("", SaslCredentials()));
        QVERIFY(!SaslMechanism::create("SCRAM-SHA-1", SaslCredentials()));
    }

    void plainVectors_data()
    {
        QTest::addColumn<QString>("authz");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("password");
        QTest::addColumn<QByteArray>("message");
        // RFC 4616 section 4's examples.
        QTest::newRow("rfc4616 tim")
            << QString() << QStringLiteral("tim") << QStringLiteral("tanstaaftanstaaf")
            << QByteArray("\0tim\0tanstaaftanstaaf", 21);
        QTest::newRow("rfc4616 Ursel as Kurt")
            << QStringLiteral("Ursel") << QStringLiteral("Kurt") << QStringLiteral("xipj3plmq")
            << QByteArray("Ursel\0Kurt\0xipj3plmq", 20);
        // RFC 4954 section 8's example: "AUTH PLAIN dGVzdAB0ZXN0AHRlc3Q=".
        QTest::newRow("rfc4954 test")
            << QStringLiteral("test") << QStringLiteral("test") << QStringLiteral("test")
            << QByteArray::fromBase64("dGVzdAB0ZXN0AHRlc3Q=");
        QTest::newRow("utf-8") << QString() << QStringLiteral("jörg") << QStringLiteral("pässwörd")
                               << QByteArray("\0j\xc3\xb6rg\0p\xc3\xa4ssw\xc3\xb6rd", 17);
    }
    void plainVectors()
    {
        QFETCH(QString, authz);
        QFETCH(QString, user);
        QFETCH(QString, password);
        QFETCH(QByteArray, message);
        auto mech = SaslMechanism::create("PLAIN", creds(user, password, authz));
        QVERIFY(mech->hasInitialResponse());
        const auto step = mech->start();
        QVERIFY2(step.ok, qPrintable(step.error));
        QCOMPARE(step.response, message);
        QCOMPARE(step.shown, QStringLiteral("********"));
        QVERIFY(step.redacted);
        // PLAIN has one message: a further challenge is a protocol error.
        const auto extra = mech->respond(QByteArray());
        QVERIFY(!extra.ok);
        QVERIFY(extra.error.contains(QLatin1String("PLAIN")));
    }

    void plainWithoutInitialResponse()
    {
        // "AUTH PLAIN", "334 ", then the message.
        auto mech = SaslMechanism::create(
            "PLAIN", creds(QStringLiteral("tim"), QStringLiteral("tanstaaftanstaaf")));
        const auto step = mech->respond(QByteArray());
        QVERIFY(step.ok);
        QCOMPARE(step.response, QByteArray("\0tim\0tanstaaftanstaaf", 21));
        QVERIFY(!mech->respond(QByteArray()).ok);
    }

    void invalidInput_data()
    {
        QTest::addColumn<QByteArray>("mechanism");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("secret");
        QTest::addColumn<QString>("authz");
        QTest::addColumn<QString>("field");
        const QString nulUser = fromBytes("an\0a", 4);
        const QString nulSecret = fromBytes("pa\0ss", 5);
        const QString pw = QStringLiteral("pw");
        const QString ana = QStringLiteral("ana");
        for (const QByteArray mech :
             {"PLAIN", "LOGIN", "CRAM-MD5", "XOAUTH2", "OAUTHBEARER", "SCRAM-SHA-256"}) {
            const QString secretName = mech == "XOAUTH2" || mech == "OAUTHBEARER"
                                           ? QStringLiteral("access token")
                                           : QStringLiteral("password");
            QTest::addRow("%s empty user", mech.constData())
                << mech << QString() << pw << QString() << QStringLiteral("user name is empty");
            QTest::addRow("%s NUL in user", mech.constData())
                << mech << nulUser << pw << QString() << QStringLiteral("user name contains a NUL");
            QTest::addRow("%s empty secret", mech.constData())
                << mech << ana << QString() << QString()
                << secretName + QStringLiteral(" is empty");
            QTest::addRow("%s NUL in secret", mech.constData())
                << mech << ana << nulSecret << QString()
                << secretName + QStringLiteral(" contains a NUL");
        }
        for (const QByteArray mech : {"PLAIN", "SCRAM-SHA-256"}) {
            QTest::addRow("%s NUL in authzid", mech.constData())
                << mech << ana << pw << nulUser
                << QStringLiteral("authorization identity contains a NUL");
        }
        QTest::newRow("XOAUTH2 \\x01 in token")
            << QByteArray("XOAUTH2") << ana
            << QStringLiteral("ab\x01"
                              "cd")
            << QString() << QStringLiteral("access token contains a \\x01");
    }
    void invalidInput()
    {
        QFETCH(QByteArray, mechanism);
        QFETCH(QString, user);
        QFETCH(QString, secret);
        QFETCH(QString, authz);
        QFETCH(QString, field);
        auto mech = SaslMechanism::create(mechanism, creds(user, secret, authz));
        QVERIFY(mech);
        // Run the exchange until it fails; a mechanism must not get past invalid input.
        SaslMechanism::Step step;
        if (mechanism == "CRAM-MD5") {
            step = mech->respond("<1.2@host>");
        } else {
            step = mech->start();
            if (step.ok && mechanism == "LOGIN")
                step = mech->respond("Password:");
        }
        QVERIFY(!step.ok);
        QVERIFY2(step.error.contains(field), qPrintable(step.error));
        QVERIFY2(step.error.startsWith(QString::fromLatin1(mechanism)), qPrintable(step.error));
        QVERIFY(step.response.isEmpty());
    }

    void login_data()
    {
        QTest::addColumn<bool>("viaStart");
        QTest::newRow("start() for the first prompt") << true;
        QTest::newRow("respond() for every prompt") << false;
    }
    void login()
    {
        QFETCH(bool, viaStart);
        auto mech = SaslMechanism::create(
            "LOGIN", creds(QStringLiteral("ana"), QStringLiteral("s3cret pass")));
        QVERIFY(!mech->hasInitialResponse());
        const auto user = viaStart ? mech->start() : mech->respond("Username:");
        QVERIFY(user.ok);
        QCOMPARE(user.response, QByteArray("ana"));
        QCOMPARE(user.shown, QStringLiteral("YW5h (user name: ana)"));
        QVERIFY(!user.redacted);
        // The prompt's text does not matter (servers send "User Name" or localised prompts).
        const auto password = mech->respond("Passwort:");
        QVERIFY(password.ok);
        QCOMPARE(password.response, QByteArray("s3cret pass"));
        QCOMPARE(password.shown, QStringLiteral("********"));
        QVERIFY(password.redacted);
        const auto third = mech->respond("Username:");
        QVERIFY(!third.ok);
        QVERIFY(third.error.startsWith(QLatin1String("LOGIN")));
    }

    void cramMd5_data()
    {
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("password");
        QTest::addColumn<QByteArray>("challenge");
        QTest::addColumn<QByteArray>("expected");
        // RFC 2195 section 2's example, also given in base64 there.
        QTest::newRow("rfc2195")
            << QStringLiteral("tim") << QStringLiteral("tanstaaftanstaaf")
            << QByteArray::fromBase64("PDE4OTYuNjk3MTcwOTUyQHBvc3RvZmZpY2UucmVzdG9uLm1jaS5uZXQ+")
            << QByteArray::fromBase64("dGltIGI5MTNhNjAyYzdlZGE3YTQ5NWI0ZTZlNzMzNGQzODkw");
        QTest::newRow("rfc2195 plain text")
            << QStringLiteral("tim") << QStringLiteral("tanstaaftanstaaf")
            << QByteArray("<1896.697170952@postoffice.reston.mci.net>")
            << QByteArray("tim b913a602c7eda7a495b4e6e7334d3890");
        // Keys longer than MD5's 64-byte block are hashed first (RFC 2104): Qt must do it.
        QTest::newRow("long key") << QStringLiteral("joe") << QString(80, QLatin1Char('k'))
                                  << QByteArray("<x@y>") << QByteArray();
    }
    void cramMd5()
    {
        QFETCH(QString, user);
        QFETCH(QString, password);
        QFETCH(QByteArray, challenge);
        QFETCH(QByteArray, expected);
        if (expected.isEmpty()) {
            const QByteArray key =
                QCryptographicHash::hash(password.toUtf8(), QCryptographicHash::Md5);
            expected =
                user.toUtf8() + ' ' +
                QMessageAuthenticationCode::hash(challenge, key, QCryptographicHash::Md5).toHex();
        }
        auto mech = SaslMechanism::create("CRAM-MD5", creds(user, password));
        QVERIFY(!mech->hasInitialResponse());
        // Nothing can be sent before the challenge.
        auto early = SaslMechanism::create("CRAM-MD5", creds(user, password));
        QVERIFY(!early->start().ok);

        const auto step = mech->respond(challenge);
        QVERIFY2(step.ok, qPrintable(step.error));
        QCOMPARE(step.response, expected);
        QCOMPARE(step.shown, user + QStringLiteral(" ********"));
        QVERIFY(step.redacted);
        QVERIFY(!mech->respond(challenge).ok);
    }

    void cramMd5EmptyChallenge()
    {
        auto mech = SaslMechanism::create(
            "CRAM-MD5", creds(QStringLiteral("tim"), QStringLiteral("tanstaaftanstaaf")));
        const auto step = mech->respond(QByteArray());
        QVERIFY(!step.ok);
        QVERIFY(step.error.contains(QLatin1String("challenge is empty")));
    }

    void xoauth2_data()
    {
        QTest::addColumn<bool>("initialResponse");
        QTest::newRow("initial response") << true;
        QTest::newRow("after an empty 334") << false;
    }
    void xoauth2()
    {
        QFETCH(bool, initialResponse);
        // Google's documented example (developers.google.com/gmail/imap/xoauth2-protocol).
        auto mech = SaslMechanism::create(
            "xoauth2", creds(QStringLiteral("someuser@example.com"),
                             QStringLiteral("ya29.vF9dft4qmTc2Nvb3RlckBhdHRhdmlzdGEuY29tCg")));
        QVERIFY(mech->hasInitialResponse());
        const auto first = initialResponse ? mech->start() : mech->respond(QByteArray());
        QVERIFY(first.ok);
        QCOMPARE(first.response.toBase64(),
                 QByteArray("dXNlcj1zb21ldXNlckBleGFtcGxlLmNvbQFhdXRoPUJlYXJlciB5YTI5LnZGOWRmd"
                            "DRxbVRjMk52YjNSbGNrQmhkSFJoZG1semRHRXVZMjl0Q2cBAQ=="));
        QCOMPARE(first.shown, QStringLiteral("user=someuser@example.com auth=Bearer ********"));
        QVERIFY(first.redacted);

        // A refused token: a 334 with a JSON error; the client answers with an empty line and
        // the server then sends 535.
        const QByteArray json =
            R"({"status":"401","schemes":"bearer mac","scope":"https://mail.google.com/"})";
        const auto ack = mech->respond(json);
        QVERIFY(ack.ok);
        QVERIFY(ack.response.isEmpty());
        QVERIFY(ack.shown.isEmpty());
        QVERIFY(!ack.redacted);
        QVERIFY2(ack.note.contains(QLatin1String("\"status\":\"401\"")), qPrintable(ack.note));
        QCOMPARE(static_cast<SaslXOAuth2 *>(mech.get())->serverError(), json);
        // A second challenge after the error is a broken server.
        QVERIFY(!mech->respond(json).ok);
    }

    void oauthBearer_data()
    {
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<QByteArray>("expected");
        // RFC 7628 section 4.1's example, and its user name escaping (RFC 5801: ',' and '=').
        QTest::newRow("RFC 7628 4.1")
            << QStringLiteral("user@example.com") << QStringLiteral("server.example.com") << 143
            << QByteArray("n,a=user@example.com,\\x01host=server.example.com\\x01port=143\\x01"
                          "auth=Bearer vF9dft4qmTc2Nvb3RlckBhbHRhdmlzdGEuY29tCg==\\x01\\x01");
        QTest::newRow("escaped name, no host")
            << QStringLiteral("a,b=c") << QString() << 0
            << QByteArray(
                   "n,a=a=2Cb=3Dc,\\x01auth=Bearer vF9dft4qmTc2Nvb3RlckBhbHRhdmlzdGEuY29tCg=="
                   "\\x01\\x01");
    }
    void oauthBearer()
    {
        QFETCH(QString, user);
        QFETCH(QString, host);
        QFETCH(int, port);
        QFETCH(QByteArray, expected);
        SaslCredentials c =
            creds(user, QStringLiteral("vF9dft4qmTc2Nvb3RlckBhbHRhdmlzdGEuY29tCg=="));
        auto mech = SaslMechanism::create("oauthbearer", c);
        QVERIFY(mech);
        mech->setServer(host, port);
        QVERIFY(mech->hasInitialResponse());
        const auto first = mech->start();
        QVERIFY(first.ok);
        QCOMPARE(first.response, QByteArray(expected).replace("\\x01", "\x01"));
        QVERIFY(first.redacted);
        QVERIFY(!first.shown.contains(QLatin1String("vF9dft")));
        QVERIFY(first.shown.contains(QLatin1String("auth=Bearer ********")));

        // RFC 7628 section 4.3: the JSON error, answered by %x01, then the server's failure.
        const QByteArray json =
            "{\"status\":\"invalid_token\",\"scope\":\"example_scope\",\"openid-configuration\":"
            "\"https://example.com/.well-known/openid-configuration\"}";
        const auto ack = mech->respond(json);
        QVERIFY(ack.ok);
        QCOMPARE(ack.response, QByteArray(1, '\x01'));
        QVERIFY2(ack.note.contains(QLatin1String("invalid, expired or revoked")),
                 qPrintable(ack.note));
        QVERIFY2(ack.note.contains(QLatin1String("scope needed: example_scope")),
                 qPrintable(ack.note));
        QVERIFY(!mech->respond(json).ok);
    }

    void xoauth2Success()
    {
        auto mech =
            SaslMechanism::create("XOAUTH2", creds(QStringLiteral("ana"), QStringLiteral("tok")));
        QVERIFY(mech->start().ok);
        QVERIFY(mech->verifySuccess(QByteArray()).isEmpty());
    }

    void scramRfc7677()
    {
        auto scram = rfc7677Scram();
        QCOMPARE(scram->name(), QByteArray("SCRAM-SHA-256"));
        QVERIFY(scram->hasInitialResponse());
        const auto first = scram->start();
        QVERIFY2(first.ok, qPrintable(first.error));
        QCOMPARE(first.response, QByteArray("n,,n=user,r=rOprNGfwEbeRWgbNEkqO"));
        QCOMPARE(first.shown, QStringLiteral("n,,n=user,r=rOprNGfwEbeRWgbNEkqO"));
        QVERIFY(!first.redacted);

        const auto final = scram->respond(scramServerFirst);
        QVERIFY2(final.ok, qPrintable(final.error));
        QCOMPARE(final.response, scramClientFinal);
        QCOMPARE(final.shown,
                 QStringLiteral(
                     "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=********"));
        QVERIFY(final.redacted);
    }

    // The server's final message arrives either in the 235 (RFC 4954's additional data with
    // success) or as a last 334 that the client answers with an empty line.
    void scramServerFinal_data()
    {
        QTest::addColumn<bool>("asChallenge");
        QTest::addColumn<QByteArray>("serverFinal");
        QTest::addColumn<QString>("error"); // empty: accepted
        QTest::newRow("235 data") << false << rfcServerFinal << QString();
        QTest::newRow("334 challenge") << true << rfcServerFinal << QString();
        QTest::newRow("235 tampered")
            << false << tampered(rfcServerFinal) << QStringLiteral("signature is wrong");
        QTest::newRow("334 tampered")
            << true << tampered(rfcServerFinal) << QStringLiteral("signature is wrong");
        QTest::newRow("235 truncated")
            << false << rfcServerFinal.left(20) << QStringLiteral("signature is malformed");
        QTest::newRow("235 not base64")
            << false << QByteArray("v=!!!!") << QStringLiteral("signature is malformed");
        QTest::newRow("235 server error") << false << QByteArray("e=invalid-proof")
                                          << QStringLiteral("reported an error: invalid-proof");
        QTest::newRow("334 server error") << true << QByteArray("e=other-error")
                                          << QStringLiteral("reported an error: other-error");
        QTest::newRow("235 without data")
            << false << QByteArray() << QStringLiteral("without its signature");
        QTest::newRow("235 junk") << false << QByteArray("2.7.0 Authentication successful")
                                  << QStringLiteral("malformed server-final");
    }
    void scramServerFinal()
    {
        QFETCH(bool, asChallenge);
        QFETCH(QByteArray, serverFinal);
        QFETCH(QString, error);
        auto scram = rfc7677Scram();
        QVERIFY(scram->start().ok);
        QVERIFY(scram->respond(scramServerFirst).ok);
        if (asChallenge) {
            const auto step = scram->respond(serverFinal);
            if (error.isEmpty()) {
                QVERIFY2(step.ok, qPrintable(step.error));
                QVERIFY(step.response.isEmpty());
                // The 235 that follows has no data: the signature was already checked.
                QCOMPARE(scram->verifySuccess(QByteArray()), QString());
            } else {
                QVERIFY(!step.ok);
                QVERIFY2(step.error.contains(error), qPrintable(step.error));
                // Even if the server then claims success, it is not trusted.
                QVERIFY(!scram->verifySuccess(QByteArray()).isEmpty());
            }
        } else {
            const QString why = scram->verifySuccess(serverFinal);
            if (error.isEmpty())
                QCOMPARE(why, QString());
            else
                QVERIFY2(why.contains(error), qPrintable(why));
        }
    }

    void scramBadServerFirst_data()
    {
        QTest::addColumn<QByteArray>("serverFirst");
        QTest::addColumn<QString>("error");
        const QByteArray n = scramNonce;
        QTest::newRow("nonce not ours")
            << QByteArray("r=XXXXNGfwEbeRWgbNEkqOabc,s=QSXCR+Q6sek8bf92,i=4096")
            << QStringLiteral("does not extend");
        QTest::newRow("nonce not extended") << QByteArray("r=" + n + ",s=QSXCR+Q6sek8bf92,i=4096")
                                            << QStringLiteral("does not extend");
        QTest::newRow("mandatory extension")
            << QByteArray("m=ext,r=" + n + "x,s=QSXCR+Q6sek8bf92,i=4096")
            << QStringLiteral("extension");
        QTest::newRow("order") << QByteArray("s=QSXCR+Q6sek8bf92,r=" + n + "x,i=4096")
                               << QStringLiteral("malformed server-first");
        QTest::newRow("missing i") << QByteArray("r=" + n + "x,s=QSXCR+Q6sek8bf92")
                                   << QStringLiteral("malformed server-first");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("malformed server-first");
        QTest::newRow("salt not base64")
            << QByteArray("r=" + n + "x,s=%%%,i=4096") << QStringLiteral("salt");
        QTest::newRow("iterations zero") << QByteArray("r=" + n + "x,s=QSXCR+Q6sek8bf92,i=0")
                                         << QStringLiteral("iteration count");
        QTest::newRow("iterations negative") << QByteArray("r=" + n + "x,s=QSXCR+Q6sek8bf92,i=-5")
                                             << QStringLiteral("iteration count");
        QTest::newRow("iterations text") << QByteArray("r=" + n + "x,s=QSXCR+Q6sek8bf92,i=lots")
                                         << QStringLiteral("iteration count");
        QTest::newRow("iterations too many")
            << QByteArray("r=" + n + "x,s=QSXCR+Q6sek8bf92,i=99999999") << QStringLiteral("limit");
        QTest::newRow("server error")
            << QByteArray("e=unknown-user") << QStringLiteral("reported an error: unknown-user");
    }
    void scramBadServerFirst()
    {
        QFETCH(QByteArray, serverFirst);
        QFETCH(QString, error);
        auto scram = rfc7677Scram();
        QVERIFY(scram->start().ok);
        const auto step = scram->respond(serverFirst);
        QVERIFY(!step.ok);
        QVERIFY2(step.error.contains(error), qPrintable(step.error));
        QVERIFY(step.response.isEmpty());
        // A success claimed after a failed exchange is not believed.
        QVERIFY(!scram->verifySuccess(rfcServerFinal).isEmpty());
    }

    void scramEarlySuccessNotTrusted()
    {
        // A server that answers the client-first with 235 has proved nothing.
        auto scram = rfc7677Scram();
        QVERIFY(scram->start().ok);
        QVERIFY(!scram->verifySuccess(rfcServerFinal).isEmpty());
    }

    void scramNamesEscaped()
    {
        SaslScramSha256 scram(
            creds(QStringLiteral("a,b=c"), QStringLiteral("pw"), QStringLiteral("x=y")));
        scram.setClientNonce("abc");
        QCOMPARE(scram.start().response, QByteArray("n,a=x=3Dy,n=a=2Cb=3Dc,r=abc"));
        // The channel binding data repeats the GS2 header with the authorization identity.
        const auto final = scram.respond("r=abcdef,s=QSXCR+Q6sek8bf92,i=4096");
        QVERIFY(final.ok);
        QVERIFY2(final.response.startsWith(
                     QByteArray("c=" + QByteArray("n,a=x=3Dy,").toBase64() + ",r=abcdef,p=")),
                 final.response.constData());
    }

    void scramRandomNonce()
    {
        const auto c = creds(QStringLiteral("user"), QStringLiteral("pencil"));
        SaslScramSha256 a(c);
        SaslScramSha256 b(c);
        const auto first = a.start();
        QVERIFY(first.ok);
        QVERIFY(b.start().ok);
        QCOMPARE(a.clientNonce().size(), 24);
        QVERIFY(a.clientNonce() != b.clientNonce());
        QVERIFY(!a.clientNonce().contains(','));
        QCOMPARE(first.response, "n,,n=user,r=" + a.clientNonce());
    }

    void scramNonAsciiPassword()
    {
        // SASLprep is ASCII-passthrough and UTF-8 otherwise: the salted password must be the
        // PBKDF2 of the UTF-8 bytes. Checked against an independent computation of the proof.
        const QString password = QStringLiteral("p\u00e4ssw\u00f6rd");
        SaslScramSha256 scram(creds(QStringLiteral("user"), password));
        scram.setClientNonce("cnonce");
        QVERIFY(scram.start().ok);
        const QByteArray serverFirst = "r=cnonceSNONCE,s=QSXCR+Q6sek8bf92,i=4096";
        const auto final = scram.respond(serverFirst);
        QVERIFY(final.ok);

        const QByteArray salted = QPasswordDigestor::deriveKeyPbkdf2(
            QCryptographicHash::Sha256, password.toUtf8(),
            QByteArray::fromBase64("QSXCR+Q6sek8bf92"), 4096, 32);
        auto hmac = [](const QByteArray &key, const QByteArray &msg) {
            return QMessageAuthenticationCode::hash(msg, key, QCryptographicHash::Sha256);
        };
        const QByteArray clientKey = hmac(salted, "Client Key");
        const QByteArray auth = "n=user,r=cnonce," + serverFirst + ",c=biws,r=cnonceSNONCE";
        const QByteArray sig =
            hmac(QCryptographicHash::hash(clientKey, QCryptographicHash::Sha256), auth);
        QByteArray proof = clientKey;
        for (int i = 0; i < proof.size(); ++i)
            proof[i] = char(proof[i] ^ sig[i]);
        QCOMPARE(final.response, "c=biws,r=cnonceSNONCE,p=" + proof.toBase64());
        const QByteArray serverSig = hmac(hmac(salted, "Server Key"), auth);
        QCOMPARE(scram.verifySuccess("v=" + serverSig.toBase64()), QString());
    }

    // Whatever the mechanism, the transcript text of a step never contains the secret, its
    // base64 form (at any alignment inside a longer message) or the base64 of a redacted
    // response.
    void redaction_data()
    {
        QTest::addColumn<QByteArray>("mechanism");
        QTest::addColumn<QByteArrayList>("challenges"); // "" stands for start()
        QTest::newRow("PLAIN") << QByteArray("PLAIN") << QByteArrayList{""};
        QTest::newRow("LOGIN") << QByteArray("LOGIN") << QByteArrayList{"", "Password:"};
        QTest::newRow("CRAM-MD5") << QByteArray("CRAM-MD5") << QByteArrayList{"<123.456@host>"};
        QTest::newRow("XOAUTH2") << QByteArray("XOAUTH2")
                                 << QByteArrayList{"", R"({"status":"400"})"};
        QTest::newRow("OAUTHBEARER")
            << QByteArray("OAUTHBEARER") << QByteArrayList{"", "{\"status\":\"invalid_token\"}"};
        QTest::newRow("SCRAM-SHA-256")
            << QByteArray("SCRAM-SHA-256")
            << QByteArrayList{"", "r=fixednonceSERVER,s=QSXCR+Q6sek8bf92,i=4096"};
    }
    void redaction()
    {
        QFETCH(QByteArray, mechanism);
        QFETCH(QByteArrayList, challenges);
        const QString secret = QStringLiteral("Tr0ub4dor&3-horse-battery");
        auto mech = SaslMechanism::create(mechanism, creds(QStringLiteral("ana"), secret));
        if (auto *scram = dynamic_cast<SaslScramSha256 *>(mech.get()))
            scram->setClientNonce("fixednonce");

        QByteArrayList forbidden{secret.toUtf8()};
        for (int pad = 0; pad < 3; ++pad) {
            const QByteArray b64 = QByteArray(QByteArray(pad, 'x') + secret.toUtf8()).toBase64();
            // The characters that depend on the secret's bytes only.
            forbidden << b64.mid(4, b64.size() - 8);
        }
        bool anyRedacted = false;
        for (const QByteArray &challenge : challenges) {
            const auto step = challenge.isEmpty() ? mech->start() : mech->respond(challenge);
            QVERIFY2(step.ok, qPrintable(step.error));
            const QByteArray shown = step.shown.toUtf8();
            for (const QByteArray &f : forbidden)
                QVERIFY2(!shown.contains(f), shown.constData());
            QVERIFY(!step.note.toUtf8().contains(secret.toUtf8()));
            if (step.redacted) {
                anyRedacted = true;
                QVERIFY(shown.contains("********"));
                QVERIFY2(!shown.contains(step.response.toBase64()), shown.constData());
                QVERIFY(!shown.contains(step.response));
            } else if (!step.response.isEmpty()) {
                // What is shown in clear must really carry nothing secret.
                QVERIFY(!step.response.contains(secret.toUtf8()));
            }
        }
        QVERIFY(anyRedacted);
    }
};

QTEST_GUILESS_MAIN(TestSasl)
#include "tst_sasl.moc"
