// OAuth2 end to end: the sign-in (PKCE, loopback redirect) and the refresh grant against a
// local provider started by the test, the browser step driven by the test (a GET of the
// sign-in address that follows the redirect), and `postwire send` with XOAUTH2 and
// OAUTHBEARER against aiosmtpd, which checks the SASL string and the token.
#include "aiosmtpdprocess.h"
#include "oauth/oauthsession.h"
#include "oauthserverprocess.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QtTest>

Q_DECLARE_METATYPE(OAuthSession::Error)

class TestOAuth : public QObject
{
    Q_OBJECT
private:
    OAuthSettings settings(const OAuthServerProcess &provider,
                           const QString &clientId = QStringLiteral("postwire-test")) const
    {
        OAuthSettings s;
        s.authorizationUrl = provider.authorizationUrl();
        s.tokenUrl = provider.tokenUrl();
        s.clientId = clientId;
        s.scope = QStringLiteral("https://mail.example/");
        return s;
    }

    // The person's browser: opens the address and follows the provider's redirect to
    // Postwire's loopback listener.
    void browse(const QUrl &url)
    {
        QNetworkRequest request(url);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                             QNetworkRequest::NoLessSafeRedirectPolicy);
        QNetworkReply *reply = m_browser.get(request);
        connect(reply, &QNetworkReply::finished, reply, [this, reply] {
            m_browserPage = reply->readAll();
            reply->deleteLater();
        });
    }

    struct Send
    {
        int exitCode = -1;
        QString out;
    };
    Send send(quint16 smtpPort, const QStringList &extra, const QProcessEnvironment &env)
    {
        QProcess process;
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(POSTWIRE_BINARY),
                      QStringList{QStringLiteral("send"), QStringLiteral("--server"),
                                  QStringLiteral("127.0.0.1:%1").arg(smtpPort),
                                  QStringLiteral("--security"), QStringLiteral("none"),
                                  QStringLiteral("--from"), QStringLiteral("ana@example.org"),
                                  QStringLiteral("--to"), QStringLiteral("bob@example.org"),
                                  QStringLiteral("--subject"), QStringLiteral("oauth"),
                                  QStringLiteral("--body"), QStringLiteral("Hello"),
                                  QStringLiteral("--user"), QStringLiteral("ana"),
                                  QStringLiteral("--no-history")} +
                          extra);
        QSignalSpy finished(&process, &QProcess::finished);
        [&] { QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, 30000); }();
        return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput() +
                                                      process.readAllStandardError())};
    }

    QNetworkAccessManager m_browser;
    QByteArray m_browserPage;

private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<OAuthSession::Error>(); }

    void signInWithPkceAndLoopback()
    {
        OAuthServerProcess provider;
        provider.start();
        QTRY_VERIFY(provider.isReady());
        OAuthSession session(settings(provider));
        QSignalSpy url(&session, &OAuthSession::authorizationUrlReady);
        QSignalSpy ready(&session, &OAuthSession::ready);
        QSignalSpy changed(&session, &OAuthSession::tokensChanged);
        QSignalSpy failed(&session, &OAuthSession::failed);
        session.signIn();
        QTRY_COMPARE(url.count(), 1);
        const QUrl address = url.at(0).at(0).toUrl();
        const QUrlQuery query(address);
        QCOMPARE(query.queryItemValue(QStringLiteral("code_challenge_method")),
                 QStringLiteral("S256"));
        QVERIFY(
            QUrl(query.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded)).host() ==
            QLatin1String("127.0.0.1"));
        browse(address);
        QTRY_VERIFY_WITH_TIMEOUT(ready.count() + failed.count() == 1, 20000);
        QVERIFY2(failed.isEmpty(),
                 failed.isEmpty() ? "" : qPrintable(failed.at(0).at(1).toString()));
        QCOMPARE(changed.count(), 1);
        const OAuthTokens tokens = session.tokens();
        QCOMPARE(provider.issued(), QStringList{tokens.accessToken});
        QCOMPARE(ready.at(0).at(0).toString(), tokens.accessToken);
        QVERIFY(tokens.refreshToken.startsWith(QLatin1String("rt-")));
        QVERIFY(tokens.expiresAt > QDateTime::currentDateTimeUtc().addSecs(3000));
        QVERIFY2(provider.output().contains("AUTHORIZE ok scope=https://mail.example/"),
                 provider.output().constData());
        // The provider checked the PKCE verifier and the redirect URI against the sign-in's.
        QVERIFY2(provider.output().contains("TOKEN authorization_code ok"),
                 provider.output().constData());
        QTRY_VERIFY(m_browserPage.contains("You can close this page"));
    }

    void signInFails_data()
    {
        QTest::addColumn<QString>("how");
        QTest::addColumn<OAuthSession::Error>("error");
        QTest::addColumn<QString>("message");
        QTest::newRow("declined at the provider")
            << QStringLiteral("deny") << OAuthSession::Error::Denied
            << QStringLiteral("access_denied (The user declined)");
        QTest::newRow("cancelled") << QStringLiteral("cancel") << OAuthSession::Error::Cancelled
                                   << QStringLiteral("cancelled");
        QTest::newRow("timed out") << QStringLiteral("timeout") << OAuthSession::Error::TimedOut
                                   << QStringLiteral("no sign-in came back from the browser");
        QTest::newRow("no client ID")
            << QStringLiteral("noclient") << OAuthSession::Error::Configuration
            << QStringLiteral("OAuth2 client ID: missing");
    }
    void signInFails()
    {
        QFETCH(QString, how);
        QFETCH(OAuthSession::Error, error);
        QFETCH(QString, message);
        OAuthServerProcess provider;
        provider.start();
        QTRY_VERIFY(provider.isReady());
        OAuthSession session(settings(
            provider, how == QLatin1String("deny")       ? QStringLiteral("deny-me")
                      : how == QLatin1String("noclient") ? QString()
                                                         : QStringLiteral("postwire-test")));
        session.setSignInTimeout(300);
        QSignalSpy url(&session, &OAuthSession::authorizationUrlReady);
        QSignalSpy ready(&session, &OAuthSession::ready);
        QSignalSpy failed(&session, &OAuthSession::failed);
        session.signIn();
        if (how == QLatin1String("deny")) {
            session.setSignInTimeout(20000);
            QTRY_COMPARE(url.count(), 1);
            browse(url.at(0).at(0).toUrl());
        } else if (how == QLatin1String("cancel")) {
            QTRY_COMPARE(url.count(), 1);
            session.cancel();
        }
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 20000);
        QCOMPARE(ready.count(), 0);
        QCOMPARE(failed.at(0).at(0).value<OAuthSession::Error>(), error);
        QVERIFY2(failed.at(0).at(1).toString().contains(message),
                 qPrintable(failed.at(0).at(1).toString()));
        QVERIFY(!session.isBusy());
    }

    void renewal_data()
    {
        QTest::addColumn<int>("expiresIn"); // seconds from now of the held access token
        QTest::addColumn<QString>("refreshToken");
        QTest::addColumn<bool>("renewed");
        QTest::addColumn<OAuthSession::Error>("error");
        QTest::newRow("valid: kept")
            << 3600 << QStringLiteral("rt-known") << false << OAuthSession::Error::NoError;
        QTest::newRow("expired: renewed")
            << -10 << QStringLiteral("rt-known") << true << OAuthSession::Error::NoError;
        QTest::newRow("expiring within the minute: renewed")
            << 30 << QStringLiteral("rt-known") << true << OAuthSession::Error::NoError;
        QTest::newRow("revoked refresh token")
            << -10 << QStringLiteral("rt-revoked") << false << OAuthSession::Error::RefreshRefused;
        QTest::newRow("no refresh token")
            << -10 << QString() << false << OAuthSession::Error::SignInNeeded;
    }
    void renewal()
    {
        QFETCH(int, expiresIn);
        QFETCH(QString, refreshToken);
        QFETCH(bool, renewed);
        QFETCH(OAuthSession::Error, error);
        OAuthServerProcess provider;
        provider.start({QStringLiteral("--refresh-token"), QStringLiteral("rt-known"),
                        QStringLiteral("--revoked"), QStringLiteral("rt-revoked")});
        QTRY_VERIFY(provider.isReady());
        OAuthSession session(settings(provider));
        OAuthTokens held{QStringLiteral("at-held"), refreshToken,
                         QDateTime::currentDateTimeUtc().addSecs(expiresIn)};
        session.setTokens(held);
        QSignalSpy ready(&session, &OAuthSession::ready);
        QSignalSpy failed(&session, &OAuthSession::failed);
        QSignalSpy changed(&session, &OAuthSession::tokensChanged);
        session.ensureFresh();
        QCOMPARE(ready.count() + failed.count(), 0); // answered after the call returns
        QTRY_COMPARE_WITH_TIMEOUT(ready.count() + failed.count(), 1, 20000);
        if (error != OAuthSession::Error::NoError) {
            QCOMPARE(failed.at(0).at(0).value<OAuthSession::Error>(), error);
            if (error == OAuthSession::Error::RefreshRefused) {
                const QString m = failed.at(0).at(1).toString();
                QVERIFY2(m.contains(QLatin1String("invalid_grant")) &&
                             m.contains(QLatin1String("Token has been expired or revoked.")),
                         qPrintable(m));
            }
            QCOMPARE(session.tokens(), held);
            return;
        }
        QCOMPARE(changed.count(), renewed ? 1 : 0);
        const QString token = ready.at(0).at(0).toString();
        if (renewed) {
            QCOMPARE(provider.issued(), QStringList{token});
            QVERIFY(provider.output().contains("TOKEN refresh_token ok"));
            // The provider sent no new refresh token: the one held is kept.
            QCOMPARE(session.tokens().refreshToken, refreshToken);
        } else {
            QCOMPARE(token, QStringLiteral("at-held"));
            QVERIFY(!provider.output().contains("TOKEN"));
        }
    }

    void tokensSecretRoundTrip()
    {
        const OAuthTokens t{QStringLiteral("a"), QStringLiteral("r"),
                            QDateTime::fromSecsSinceEpoch(1700000000, Qt::UTC)};
        QCOMPARE(OAuthTokens::fromSecret(t.toSecret()), t);
        QVERIFY(OAuthTokens::fromSecret(QStringLiteral("not json")).isEmpty());
    }

    void cliSendsWithRefreshedToken_data()
    {
        QTest::addColumn<QString>("mechanism");
        QTest::addColumn<QString>("sasl"); // %1: the access token
        QTest::newRow("XOAUTH2") << QStringLiteral("XOAUTH2")
                                 << QStringLiteral("SASL XOAUTH2 b'user=ana\\x01auth=Bearer "
                                                   "%1\\x01\\x01'");
        QTest::newRow("OAUTHBEARER")
            << QStringLiteral("OAUTHBEARER")
            << QStringLiteral("SASL OAUTHBEARER b'n,a=ana,\\x01host=127.0.0.1\\x01port=%2\\x01"
                              "auth=Bearer %1\\x01\\x01'");
    }
    void cliSendsWithRefreshedToken()
    {
        QFETCH(QString, mechanism);
        QFETCH(QString, sasl);
        OAuthServerProcess provider;
        provider.start({QStringLiteral("--refresh-token"), QStringLiteral("rt-cli-secret"),
                        QStringLiteral("--client-secret"), QStringLiteral("cs-secret")});
        AiosmtpdProcess smtp;
        smtp.start({QStringLiteral("--oauth-tokens"), provider.issuedFile()});
        QTRY_VERIFY(provider.isReady() && smtp.isReady());
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PW_RT"), QStringLiteral("rt-cli-secret"));
        env.insert(QStringLiteral("PW_CS"), QStringLiteral("cs-secret"));
        const Send r = send(smtp.port(),
                            {QStringLiteral("--auth"), mechanism,
                             QStringLiteral("--oauth-token-url"), provider.tokenUrl().toString(),
                             QStringLiteral("--oauth-client-id"), QStringLiteral("postwire-test"),
                             QStringLiteral("--oauth-client-secret-env"), QStringLiteral("PW_CS"),
                             QStringLiteral("--oauth-refresh-token-env"), QStringLiteral("PW_RT")},
                            env);
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + QString::fromUtf8(smtp.output())));
        QCOMPARE(provider.issued().size(), 1);
        const QString token = provider.issued().constFirst();
        QVERIFY2(smtp.output().contains(sasl.arg(token).arg(smtp.port()).toUtf8()),
                 smtp.output().constData());
        QVERIFY(smtp.output().contains(QByteArray("AUTH " + mechanism.toLatin1() + " ok")));
        QCOMPARE(smtp.messageCount(), 1);
        QVERIFY(r.out.contains(QLatin1String("-- OAuth2: access token obtained from")));
        // Neither token nor the client secret in the transcript.
        for (const QString &secret :
             {token, QStringLiteral("rt-cli-secret"), QStringLiteral("cs-secret")})
            QVERIFY2(!r.out.contains(secret), qPrintable(r.out));
        QVERIFY(r.out.contains(QLatin1String("auth=Bearer ********")));
    }

    void cliRevokedRefreshTokenIsExit7()
    {
        OAuthServerProcess provider;
        provider.start({QStringLiteral("--revoked"), QStringLiteral("rt-gone")});
        AiosmtpdProcess smtp;
        smtp.start({QStringLiteral("--oauth-tokens"), provider.issuedFile()});
        QTRY_VERIFY(provider.isReady() && smtp.isReady());
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PW_RT"), QStringLiteral("rt-gone"));
        const Send r = send(smtp.port(),
                            {QStringLiteral("--auth"), QStringLiteral("XOAUTH2"),
                             QStringLiteral("--oauth-token-url"), provider.tokenUrl().toString(),
                             QStringLiteral("--oauth-client-id"), QStringLiteral("postwire-test"),
                             QStringLiteral("--oauth-refresh-token-env"), QStringLiteral("PW_RT")},
                            env);
        QCOMPARE(r.exitCode, 7);
        QVERIFY2(r.out.contains(QLatin1String("FAILED OAuth2 token: the provider refused the "
                                              "refresh token (revoked or expired): invalid_grant "
                                              "(Token has been expired or revoked.)")),
                 qPrintable(r.out));
        QVERIFY(!r.out.contains(QLatin1String("rt-gone")));
        QCOMPARE(smtp.messageCount(), 0);
        QVERIFY(!smtp.output().contains("SASL"));
    }

    // --password-env still carries an access token given directly; a refused one shows the
    // server's JSON error challenge decoded, for both mechanisms.
    void cliAccessTokenGivenDirectly_data()
    {
        QTest::addColumn<QString>("mechanism");
        QTest::addColumn<QString>("token");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("contains");
        for (const QString &mech : {QStringLiteral("XOAUTH2"), QStringLiteral("OAUTHBEARER")}) {
            QTest::addRow("%s accepted", qPrintable(mech))
                << mech << QStringLiteral("direct-token") << 0
                << QStringLiteral("OK: message accepted");
            QTest::addRow("%s refused", qPrintable(mech))
                << mech << QStringLiteral("stale-token") << 7
                << (mech == QLatin1String("XOAUTH2")
                        ? QStringLiteral("XOAUTH2: the server refused the token: status 401 (the "
                                         "token is invalid, expired or revoked: get a new one); "
                                         "scope needed: https://mail.example/")
                        : QStringLiteral("OAUTHBEARER: the server refused the token: status "
                                         "invalid_token (the token is invalid, expired or revoked: "
                                         "get a new one)"));
        }
    }
    void cliAccessTokenGivenDirectly()
    {
        QFETCH(QString, mechanism);
        QFETCH(QString, token);
        QFETCH(int, exitCode);
        QFETCH(QString, contains);
        QTemporaryDir dir;
        QFile valid(dir.filePath(QStringLiteral("tokens")));
        QVERIFY(valid.open(QIODevice::WriteOnly));
        valid.write("direct-token\n");
        valid.close();
        AiosmtpdProcess smtp;
        smtp.start({QStringLiteral("--oauth-tokens"), valid.fileName()});
        QTRY_VERIFY(smtp.isReady());
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PW_AT"), token);
        const Send r = send(smtp.port(),
                            {QStringLiteral("--auth"), mechanism, QStringLiteral("--password-env"),
                             QStringLiteral("PW_AT")},
                            env);
        QVERIFY2(r.exitCode == exitCode, qPrintable(r.out));
        QVERIFY2(r.out.contains(contains), qPrintable(r.out));
        QVERIFY(!r.out.contains(token));
        if (exitCode != 0) // the JSON error acknowledged as the mechanism requires
            QVERIFY2(smtp.output().contains(mechanism == QLatin1String("XOAUTH2")
                                                ? QByteArray("ACK XOAUTH2 b'\\r\\n'")
                                                : QByteArray("ACK OAUTHBEARER b'AQ==\\r\\n'")),
                     smtp.output().constData());
    }

    void cliBadOptions_data()
    {
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<QString>("error");
        const QStringList oauth{
            QStringLiteral("--oauth-token-url"),         QStringLiteral("http://127.0.0.1:9/token"),
            QStringLiteral("--oauth-client-id"),         QStringLiteral("c"),
            QStringLiteral("--oauth-refresh-token-env"), QStringLiteral("PW_RT")};
        QTest::newRow("without --auth") << oauth << QStringLiteral("only with --auth XOAUTH2");
        QTest::newRow("with PLAIN")
            << QStringList{QStringLiteral("--auth"), QStringLiteral("PLAIN")} + oauth
            << QStringLiteral("only with --auth XOAUTH2");
        QTest::newRow("no client id") << QStringList{QStringLiteral("--auth"),
                                                     QStringLiteral("XOAUTH2"),
                                                     QStringLiteral("--oauth-token-url"),
                                                     QStringLiteral("http://127.0.0.1:9/t"),
                                                     QStringLiteral("--oauth-refresh-token-env"),
                                                     QStringLiteral("PW_RT")}
                                      << QStringLiteral("--oauth-client-id: missing");
        QTest::newRow("plain http to a remote host")
            << QStringList{QStringLiteral("--auth"),
                           QStringLiteral("XOAUTH2"),
                           QStringLiteral("--oauth-token-url"),
                           QStringLiteral("http://oauth.example/t"),
                           QStringLiteral("--oauth-client-id"),
                           QStringLiteral("c"),
                           QStringLiteral("--oauth-refresh-token-env"),
                           QStringLiteral("PW_RT")}
            << QStringLiteral("--oauth-token-url: \"http://oauth.example/t\" must be https");
        QTest::newRow("refresh token variable unset")
            << QStringList{QStringLiteral("--auth"),
                           QStringLiteral("XOAUTH2"),
                           QStringLiteral("--oauth-token-url"),
                           QStringLiteral("https://oauth.example/t"),
                           QStringLiteral("--oauth-client-id"),
                           QStringLiteral("c"),
                           QStringLiteral("--oauth-refresh-token-env"),
                           QStringLiteral("PW_UNSET")}
            << QStringLiteral(
                   "--oauth-refresh-token-env: the environment variable \"PW_UNSET\" is not set");
    }
    void cliBadOptions()
    {
        QFETCH(QStringList, extra);
        QFETCH(QString, error);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PW_RT"), QStringLiteral("x"));
        env.remove(QStringLiteral("PW_UNSET"));
        const Send r = send(9, extra, env);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.out.contains(error), qPrintable(r.out));
    }
};

QTEST_MAIN(TestOAuth)
#include "tst_oauth.moc"
