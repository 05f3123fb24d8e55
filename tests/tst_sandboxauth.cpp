// The server's side of AUTH as the sandbox plays it: PLAIN, LOGIN and CRAM-MD5 exchanges,
// line by line, with the reply each line gets.
#include "sandbox/sandboxauth.h"

#include <QMessageAuthenticationCode>
#include <QtTest>

namespace {

const SandboxCredentials Account{QStringLiteral("sandbox"), QStringLiteral("s3cret")};

QByteArray b64(const QByteArray &text)
{
    return text.toBase64();
}

QByteArray plain(const QByteArray &authzid, const QByteArray &user, const QByteArray &password)
{
    return b64(authzid + '\0' + user + '\0' + password);
}

QByteArray describe(const SandboxAuth::Step &step)
{
    QByteArray out = QByteArray::number(step.reply.code);
    if (!step.reply.enhanced.isEmpty())
        out += ' ' + step.reply.enhanced;
    out += ' ' + step.reply.text;
    if (step.reply.countsError)
        out += '!';
    return out;
}

} // namespace

class TestSandboxAuth : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // Off loopback a password must not cross the network in the clear (issue 17, item 6).
    void needsTls_data()
    {
        QTest::addColumn<bool>("tlsActive");
        QTest::addColumn<bool>("requireStartTls");
        QTest::addColumn<QString>("local");
        QTest::addColumn<bool>("needed");
        QTest::newRow("loopback") << false << false << QStringLiteral("127.0.0.1") << false;
        QTest::newRow("loopback v6") << false << false << QStringLiteral("::1") << false;
        QTest::newRow("loopback, required") << false << true << QStringLiteral("127.0.0.1") << true;
        QTest::newRow("network") << false << false << QStringLiteral("192.0.2.10") << true;
        QTest::newRow("network v6") << false << false << QStringLiteral("2001:db8::1") << true;
        QTest::newRow("network, TLS") << true << false << QStringLiteral("192.0.2.10") << false;
        QTest::newRow("required, TLS") << true << true << QStringLiteral("127.0.0.1") << false;
    }
    void needsTls()
    {
        QFETCH(bool, tlsActive);
        QFETCH(bool, requireStartTls);
        QFETCH(QString, local);
        QFETCH(bool, needed);
        QCOMPARE(SandboxAuth::needsTls(tlsActive, requireStartTls, QHostAddress(local)), needed);
    }

    void exchange_data()
    {
        // The first client line is the AUTH command's arguments; the others are
        // continuation lines. "CRAM user password" is answered to the last challenge.
        // A '!' at the end of a reply: it counts towards the session's error limit.
        QTest::addColumn<QByteArrayList>("client");
        QTest::addColumn<QByteArrayList>("server");
        QTest::addColumn<QString>("user"); // empty: not authenticated at the end

        const QByteArray ok = "235 2.7.0 Authentication successful";
        const QByteArray bad = "535 5.7.8 Authentication credentials invalid!";
        const QString user = QStringLiteral("sandbox");
        const QByteArray plainOk = plain("", "sandbox", "s3cret");

        QTest::newRow("plain initial response")
            << QByteArrayList{"PLAIN " + plainOk} << QByteArrayList{ok} << user;
        QTest::newRow("plain lower case, authzid same user")
            << QByteArrayList{"plain " + plain("sandbox", "sandbox", "s3cret")}
            << QByteArrayList{ok} << user;
        QTest::newRow("plain other authzid")
            << QByteArrayList{"PLAIN " + plain("root", "sandbox", "s3cret")} << QByteArrayList{bad}
            << QString();
        QTest::newRow("plain after challenge")
            << QByteArrayList{"PLAIN", plainOk} << QByteArrayList{"334 ", ok} << user;
        QTest::newRow("plain wrong password")
            << QByteArrayList{"PLAIN " + plain("", "sandbox", "wrong")} << QByteArrayList{bad}
            << QString();
        QTest::newRow("plain two fields")
            << QByteArrayList{"PLAIN " + b64(QByteArray("sandbox\0s3cret", 14))}
            << QByteArrayList{bad} << QString();
        QTest::newRow("plain empty initial response")
            << QByteArrayList{"PLAIN ="} << QByteArrayList{bad} << QString();
        QTest::newRow("plain cancelled")
            << QByteArrayList{"PLAIN", "*"}
            << QByteArrayList{"334 ", "501 5.7.0 Authentication cancelled"} << QString();
        QTest::newRow("plain bad base64")
            << QByteArrayList{"PLAIN", "!!!"}
            << QByteArrayList{"334 ", "501 5.5.2 Invalid base64 in the AUTH exchange!"}
            << QString();
        QTest::newRow("login") << QByteArrayList{"LOGIN", b64("sandbox"), b64("s3cret")}
                               << QByteArrayList{"334 VXNlcm5hbWU6", "334 UGFzc3dvcmQ6", ok}
                               << user;
        QTest::newRow("login initial response")
            << QByteArrayList{"LOGIN " + b64("sandbox"), b64("s3cret")}
            << QByteArrayList{"334 UGFzc3dvcmQ6", ok} << user;
        QTest::newRow("login wrong user")
            << QByteArrayList{"LOGIN", b64("root"), b64("s3cret")}
            << QByteArrayList{"334 VXNlcm5hbWU6", "334 UGFzc3dvcmQ6", bad} << QString();
        QTest::newRow("login cancelled at the password")
            << QByteArrayList{"LOGIN", b64("sandbox"), "*"}
            << QByteArrayList{"334 VXNlcm5hbWU6", "334 UGFzc3dvcmQ6",
                              "501 5.7.0 Authentication cancelled"}
            << QString();
        QTest::newRow("cram-md5") << QByteArrayList{"CRAM-MD5", "CRAM sandbox s3cret"}
                                  << QByteArrayList{"334 <challenge>", ok} << user;
        QTest::newRow("cram-md5 wrong password")
            << QByteArrayList{"CRAM-MD5", "CRAM sandbox wrong"}
            << QByteArrayList{"334 <challenge>", bad} << QString();
        QTest::newRow("cram-md5 wrong user") << QByteArrayList{"CRAM-MD5", "CRAM root s3cret"}
                                             << QByteArrayList{"334 <challenge>", bad} << QString();
        QTest::newRow("cram-md5 no space") << QByteArrayList{"CRAM-MD5", b64("sandbox")}
                                           << QByteArrayList{"334 <challenge>", bad} << QString();
        QTest::newRow("cram-md5 initial response")
            << QByteArrayList{"CRAM-MD5 " + b64("x")}
            << QByteArrayList{"501 5.5.4 CRAM-MD5 takes no initial response"} << QString();
        QTest::newRow("unknown mechanism")
            << QByteArrayList{"GSSAPI"}
            << QByteArrayList{"504 5.5.4 Unrecognized authentication type"} << QString();
    }

    void exchange()
    {
        QFETCH(QByteArrayList, client);
        QFETCH(QByteArrayList, server);
        QFETCH(QString, user);
        QCOMPARE(client.size(), server.size());

        SandboxAuth auth(Account, QStringLiteral("sandbox.example"));
        for (qsizetype i = 0; i < client.size(); ++i) {
            QByteArray line = client.at(i);
            if (line.startsWith("CRAM ")) {
                const QList<QByteArray> parts = line.split(' ');
                line = b64(parts.at(1) + ' ' +
                           QMessageAuthenticationCode::hash(auth.challenge(), parts.at(2),
                                                            QCryptographicHash::Md5)
                               .toHex());
            }
            SandboxAuth::Step step;
            if (i == 0) {
                const qsizetype space = line.indexOf(' ');
                step = space < 0 ? auth.start(line, std::nullopt)
                                 : auth.start(line.left(space), line.mid(space + 1));
            } else {
                QVERIFY(auth.inProgress());
                step = auth.respond(line);
            }
            QByteArray expected = server.at(i);
            if (expected == "334 <challenge>") {
                // A fresh challenge, naming the host (RFC 2195 section 2).
                QVERIFY(auth.challenge().startsWith('<'));
                QVERIFY(auth.challenge().endsWith("@sandbox.example>"));
                expected = "334 " + auth.challenge().toBase64();
            }
            QCOMPARE(describe(step), expected);
            const bool last = i + 1 == client.size();
            QCOMPARE(step.outcome == SandboxAuth::Outcome::Continue, !last);
            QCOMPARE(auth.inProgress(), !last);
        }
        QCOMPARE(auth.user(), user);
        if (!user.isEmpty())
            QCOMPARE(auth.mechanismName(),
                     QString::fromLatin1(client.first().split(' ').first().toUpper()));
    }

    void noPasswordNoAccount()
    {
        // Without a password there is no account to log in to, even with an empty one.
        SandboxAuth auth(SandboxCredentials{QStringLiteral("sandbox"), QString()},
                         QStringLiteral("h"));
        const SandboxAuth::Step step = auth.start("PLAIN", plain("", "sandbox", ""));
        QCOMPARE(step.outcome, SandboxAuth::Outcome::Refused);
        QCOMPARE(step.reply.code, 535);
    }

    void challengesDiffer()
    {
        SandboxAuth first(Account, QStringLiteral("h"));
        SandboxAuth second(Account, QStringLiteral("h"));
        first.start("CRAM-MD5", std::nullopt);
        second.start("CRAM-MD5", std::nullopt);
        QVERIFY(first.challenge() != second.challenge());
    }
};

QTEST_APPLESS_MAIN(TestSandboxAuth)
#include "tst_sandboxauth.moc"
