// OAuth 2 in the window, end to end against the local provider (tests/support/oauth_server.py)
// and aiosmtpd: the sign-in from the accounts dialog with the browser step driven by the test
// (a GET of the sign-in address that follows the provider's redirect to the loopback handler),
// the tokens and client secret in the credential store and nowhere in the account file, the
// address to copy when no browser opens, Cancel; and sends from the compose window: an expired
// access token renewed (aiosmtpd checks the SASL string), a revoked refresh token leading to a
// new sign-in, and a sign-in cancelled or timed out named with the message kept.
#include "account/accountstore.h"
#include "account/memorycredentialstore.h"
#include "accountdialog.h"
#include "accountform.h"
#include "addressfield.h"
#include "aiosmtpdprocess.h"
#include "composewindow.h"
#include "oauthaccess.h"
#include "oauthaccountrows.h"
#include "oauthserverprocess.h"
#include "resultpanel.h"
#include "richtextedit.h"
#include "transcriptmodel.h"

#include <QAction>
#include <QComboBox>
#include <QDialog>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

namespace {

void type(QLineEdit *field, const QString &text)
{
    field->setText(text);
    Q_EMIT field->textEdited(text);
}

const QString Signedin = QStringLiteral("Signed in; the access token is renewed before each send");

} // namespace

class TestOAuthWindow : public QObject
{
    Q_OBJECT
private:
    // The person's browser: records each address Postwire opens and, when m_follow, signs in
    // there (the provider redirects to Postwire's loopback listener).
    void browse(const QUrl &url)
    {
        QNetworkRequest request(url);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                             QNetworkRequest::NoLessSafeRedirectPolicy);
        QNetworkReply *reply = m_browser.get(request);
        connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
    }

    // What the credential store holds under key, read as Postwire reads it.
    QString stored(CredentialStore *store, const QString &key)
    {
        QSignalSpy read(store, &CredentialStore::readFinished);
        store->read(key);
        QString secret;
        [&] {
            QTRY_VERIFY_WITH_TIMEOUT(
                std::any_of(read.cbegin(), read.cend(),
                            [&](const QList<QVariant> &a) { return a.at(0).toString() == key; }),
                10000);
        }();
        for (const QList<QVariant> &a : std::as_const(read))
            if (a.at(0).toString() == key)
                secret = a.at(1).toString();
        return secret;
    }

    void store(CredentialStore *store, const QString &key, const QString &secret)
    {
        QSignalSpy written(store, &CredentialStore::writeFinished);
        store->write(key, secret);
        QTRY_COMPARE(written.count(), 1);
    }

    void fillOAuth(OAuthAccountRows *rows, const OAuthServerProcess &provider)
    {
        type(rows->authorizationUrlField(), provider.authorizationUrl().toString());
        type(rows->tokenUrlField(), provider.tokenUrl().toString());
        type(rows->scopeField(), QStringLiteral("https://mail.example/"));
        type(rows->clientIdField(), QStringLiteral("postwire-test"));
    }

    // An OAuth 2 account for the local provider and aiosmtpd.
    static Account oauthAccount(const QByteArray &mechanism, const OAuthServerProcess &provider,
                                const AiosmtpdProcess &smtp)
    {
        Account a = AccountStore::blankAccount();
        a.name = QStringLiteral("OAuth mail");
        a.address = QStringLiteral("ana@example.org");
        a.host = QStringLiteral("127.0.0.1");
        a.port = smtp.port();
        a.security = SmtpSettings::Security::None;
        a.authenticate = true;
        a.authMechanism = mechanism;
        a.user = QStringLiteral("ana");
        a.oauthAuthorizationUrl = provider.authorizationUrl().toString();
        a.oauthTokenUrl = provider.tokenUrl().toString();
        a.oauthScope = QStringLiteral("https://mail.example/");
        a.oauthClientId = QStringLiteral("postwire-test");
        return a;
    }

    // ...chosen in the window.
    QString addAccount(ComposeWindow *w, const QByteArray &mechanism,
                       const OAuthServerProcess &provider, const AiosmtpdProcess &smtp)
    {
        const QString id = w->accountStore()->add(oauthAccount(mechanism, provider, smtp));
        w->accountForm()->selectAccountId(id);
        return w->accountForm()->currentId() == id ? id : QString();
    }

    void fill(ComposeWindow *w)
    {
        w->toField()->setText(QStringLiteral("bob@example.org"));
        w->subjectField()->setText(QStringLiteral("Renewed"));
        w->bodyField()->setPlainText(QStringLiteral("Words worth keeping."));
    }

    QNetworkAccessManager m_browser;
    QList<QUrl> m_opened;
    bool m_follow = true;
    bool m_browserOpens = true;

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("PostwireTest"));
        QCoreApplication::setApplicationName(QStringLiteral("postwire"));
        qputenv("POSTWIRE_SANDBOX_PORT", "0");
        OAuthAccess::setBrowserOpener([this](const QUrl &url) {
            m_opened.append(url);
            if (m_follow)
                browse(url);
            return m_browserOpens;
        });
    }

    void init()
    {
        m_opened.clear();
        m_follow = true;
        m_browserOpens = true;
    }

    void signInFromTheAccountsDialog()
    {
        OAuthServerProcess provider;
        provider.start({QStringLiteral("--client-secret"), QStringLiteral("cs-dialog")});
        QTRY_VERIFY(provider.isReady());
        QTemporaryDir dir;
        AccountStore accounts(dir.filePath(QStringLiteral("postwire.conf")));
        accounts.load();
        MemoryCredentialStore credentials;
        const QString id = accounts.at(0).id;
        {
            AccountDialog dialog(&accounts, &credentials);
            dialog.show();
            OAuthAccountRows *rows = dialog.oauthRows();
            QVERIFY(!rows->signInButton()->isVisible()); // no OAuth mechanism chosen yet
            type(dialog.nameField(), QStringLiteral("Work"));
            type(dialog.hostField(), QStringLiteral("smtp.example.org"));
            QComboBox *auth = dialog.authenticationBox();
            auth->setCurrentIndex(auth->findData(QByteArray("XOAUTH2")));
            Q_EMIT auth->activated(auth->currentIndex());
            QVERIFY(rows->signInButton()->isVisible());
            QVERIFY(!dialog.passwordField()->isEnabled()); // no password with OAuth
            type(dialog.userField(), QStringLiteral("ana@example.org"));
            fillOAuth(rows, provider);
            QTRY_COMPARE(rows->statusLabel()->text(), QStringLiteral("Not signed in"));
            rows->clientSecretField()->setText(QStringLiteral("cs-dialog"));
            rows->signInButton()->click();
            QCOMPARE(rows->signInButton()->text(), QStringLiteral("Cancel Sign-In"));
            QTRY_COMPARE_WITH_TIMEOUT(rows->statusLabel()->text(), Signedin, 20000);
            QCOMPARE(m_opened.size(), 1);
            QVERIFY2(provider.output().contains("AUTHORIZE ok scope=https://mail.example/"),
                     provider.output().constData());
            // The provider checked the client secret, the PKCE verifier and the redirect URI.
            QVERIFY2(provider.output().contains("TOKEN authorization_code ok"),
                     provider.output().constData());
            QVERIFY(rows->clientSecretField()->text().isEmpty());
        }
        const Account saved = *accounts.account(id);
        QCOMPARE(saved.authMechanism, QByteArray("XOAUTH2"));
        QCOMPARE(saved.oauthTokenUrl, provider.tokenUrl().toString());
        QCOMPARE(saved.oauthClientId, QStringLiteral("postwire-test"));

        // The tokens and the client secret: one secret in the store, under "<id>:oauth".
        const QString secret = stored(&credentials, Account::oauthSecretKey(id));
        const OAuthTokens tokens = OAuthTokens::fromSecret(secret);
        QCOMPARE(provider.issued(), QStringList{tokens.accessToken});
        QVERIFY(!tokens.refreshToken.isEmpty());
        QCOMPARE(QJsonDocument::fromJson(secret.toUtf8())
                     .object()
                     .value(QLatin1String("client_secret"))
                     .toString(),
                 QStringLiteral("cs-dialog"));
        QCOMPARE(stored(&credentials, id), QString()); // no password
        // ...and none of them in Postwire's own file.
        QFile file(accounts.fileName());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray conf = file.readAll();
        QVERIFY(conf.contains("postwire-test"));
        for (const QString &s :
             {tokens.accessToken, tokens.refreshToken, QStringLiteral("cs-dialog")})
            QVERIFY2(!conf.contains(s.toUtf8()), conf.constData());

        // Another time the dialog opens, it says so.
        AccountDialog again(&accounts, &credentials);
        again.show();
        QVERIFY(again.oauthRows()->signInButton()->isVisible());
        QTRY_COMPARE(again.oauthRows()->statusLabel()->text(), Signedin);
        QCOMPARE(again.oauthRows()->clientSecretField()->placeholderText(),
                 QStringLiteral("stored; type to replace it"));
    }

    void noBrowserShowsTheAddressAndCancelIsNamed()
    {
        OAuthServerProcess provider;
        provider.start();
        QTRY_VERIFY(provider.isReady());
        QTemporaryDir dir;
        AccountStore accounts(dir.filePath(QStringLiteral("postwire.conf")));
        accounts.load();
        MemoryCredentialStore credentials;
        AccountDialog dialog(&accounts, &credentials);
        dialog.show();
        QComboBox *auth = dialog.authenticationBox();
        auth->setCurrentIndex(auth->findData(QByteArray("OAUTHBEARER")));
        Q_EMIT auth->activated(auth->currentIndex());
        OAuthAccountRows *rows = dialog.oauthRows();

        // A field missing is named before any browser opens.
        rows->signInButton()->click();
        QVERIFY2(rows->statusLabel()->text().startsWith(QLatin1String("OAuth2 client ID: missing")),
                 qPrintable(rows->statusLabel()->text()));
        QVERIFY(m_opened.isEmpty());

        fillOAuth(rows, provider);
        m_browserOpens = false;
        m_follow = false;
        rows->signInButton()->click();
        QDialog *address = nullptr;
        QTRY_VERIFY((address = dialog.findChild<QDialog *>(QStringLiteral("signInAddress"))));
        QCOMPARE(m_opened.size(), 1);
        auto *shown = address->findChild<QPlainTextEdit *>(QStringLiteral("signInAddressText"));
        QVERIFY(shown);
        QCOMPARE(QUrl(shown->toPlainText()), m_opened.first());
        QVERIFY(shown->toPlainText().contains(QLatin1String("code_challenge=")));
        QVERIFY(rows->statusLabel()->text().contains(QLatin1String("browser")));

        rows->signInButton()->click(); // now "Cancel Sign-In"
        QTRY_VERIFY2(rows->statusLabel()->text().startsWith(QLatin1String("Sign-in cancelled: ")),
                     qPrintable(rows->statusLabel()->text()));
        QCOMPARE(rows->signInButton()->text(), QStringLiteral("Sign &In\u2026"));
        QCOMPARE(stored(&credentials, Account::oauthSecretKey(accounts.at(0).id)), QString());
    }

    void sendFromTheWindow_data()
    {
        QTest::addColumn<QByteArray>("mechanism");
        QTest::addColumn<QString>("refreshToken");
        QTest::addColumn<QString>("browser"); // "none", "signs in", "cancel", "timeout"
        QTest::addColumn<QString>("outcome"); // "sent" or what the result panel's title says
        QTest::newRow("XOAUTH2: expired token renewed")
            << QByteArray("XOAUTH2") << QStringLiteral("rt-known") << QStringLiteral("none")
            << QStringLiteral("sent");
        QTest::newRow("OAUTHBEARER: expired token renewed")
            << QByteArray("OAUTHBEARER") << QStringLiteral("rt-known") << QStringLiteral("none")
            << QStringLiteral("sent");
        QTest::newRow("revoked refresh token: signed in again, sent")
            << QByteArray("XOAUTH2") << QStringLiteral("rt-revoked") << QStringLiteral("signs in")
            << QStringLiteral("sent");
        QTest::newRow("revoked refresh token: sign-in cancelled")
            << QByteArray("XOAUTH2") << QStringLiteral("rt-revoked") << QStringLiteral("cancel")
            << QStringLiteral("Not sent: Sign-in cancelled");
        QTest::newRow("revoked refresh token: sign-in timed out")
            << QByteArray("XOAUTH2") << QStringLiteral("rt-revoked") << QStringLiteral("timeout")
            << QStringLiteral("Not sent: Sign-in timed out");
    }
    void sendFromTheWindow()
    {
        QFETCH(QByteArray, mechanism);
        QFETCH(QString, refreshToken);
        QFETCH(QString, browser);
        QFETCH(QString, outcome);
        QSettings().clear();
        OAuthServerProcess provider;
        provider.start({QStringLiteral("--refresh-token"), QStringLiteral("rt-known"),
                        QStringLiteral("--revoked"), QStringLiteral("rt-revoked")});
        AiosmtpdProcess smtp;
        smtp.start({QStringLiteral("--oauth-tokens"), provider.issuedFile()});
        QTRY_VERIFY(provider.isReady() && smtp.isReady());

        ComposeWindow w;
        w.show();
        const QString id = addAccount(&w, mechanism, provider, smtp);
        QVERIFY(!id.isEmpty());
        const OAuthTokens expired{QStringLiteral("at-expired"), refreshToken,
                                  QDateTime::currentDateTimeUtc().addSecs(-60)};
        store(w.credentialStore(), Account::oauthSecretKey(id), expired.toSecret());
        fill(&w);
        m_follow = browser == QLatin1String("signs in");
        if (browser == QLatin1String("timeout"))
            w.oauthAccess()->setSignInTimeout(500);
        QSignalSpy finished(&w, &ComposeWindow::sendFinished);
        w.send();
        QVERIFY(w.isSending());
        if (browser == QLatin1String("cancel")) {
            QTRY_COMPARE_WITH_TIMEOUT(m_opened.size(), 1, 20000);
            QVERIFY2(w.resultPanel()->text().contains(QLatin1String("invalid_grant")),
                     qPrintable(w.resultPanel()->text()));
            w.cancelSend();
        }
        const QString transcript = [&] {
            if (outcome == QLatin1String("sent"))
                [&] { QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000); }();
            else
                [&] { QTRY_VERIFY_WITH_TIMEOUT(!w.isSending(), 30000); }();
            return w.transcriptModel()->toPlainText();
        }();

        if (outcome == QLatin1String("sent")) {
            QCOMPARE(finished.first().first().value<SendResult>().outcome,
                     SendResult::Outcome::Success);
            QCOMPARE(smtp.messageCount(), 1);
            const QString token = provider.issued().constLast();
            const QByteArray sasl =
                mechanism == "XOAUTH2"
                    ? QStringLiteral("SASL XOAUTH2 b'user=ana\\x01auth=Bearer %1\\x01\\x01'")
                          .arg(token)
                          .toUtf8()
                    : QStringLiteral("SASL OAUTHBEARER b'n,a=ana,\\x01host=127.0.0.1\\x01port=%2"
                                     "\\x01auth=Bearer %1\\x01\\x01'")
                          .arg(token)
                          .arg(smtp.port())
                          .toUtf8();
            QVERIFY2(smtp.output().contains(sasl), smtp.output().constData());
            // The new tokens are what the store keeps now.
            const OAuthTokens now =
                OAuthTokens::fromSecret(stored(w.credentialStore(), Account::oauthSecretKey(id)));
            QCOMPARE(now.accessToken, token);
            QVERIFY(now.expiresAt > QDateTime::currentDateTimeUtc().addSecs(3000));
            if (browser == QLatin1String("none")) {
                QVERIFY(m_opened.isEmpty());
                QVERIFY2(transcript.contains(QStringLiteral("OAuth 2: access token renewed at %1 "
                                                            "(expires ")
                                                 .arg(provider.tokenUrl().toString())),
                         qPrintable(transcript));
                QCOMPARE(now.refreshToken, refreshToken);
            } else {
                QCOMPARE(m_opened.size(), 1);
                QVERIFY2(transcript.contains(QLatin1String("the provider refused the refresh "
                                                           "token (revoked or expired): "
                                                           "invalid_grant")),
                         qPrintable(transcript));
                QVERIFY(now.refreshToken != refreshToken);
            }
            // The tokens never reach the transcript.
            for (const QString &secret : {token, now.refreshToken, refreshToken})
                QVERIFY2(!transcript.contains(secret), qPrintable(transcript));
            QVERIFY2(transcript.contains(QLatin1String("auth=Bearer ********")),
                     qPrintable(transcript));
            return;
        }
        QCOMPARE(finished.count(), 0);
        QCOMPARE(smtp.messageCount(), 0);
        QVERIFY(!smtp.output().contains("SASL"));
        QCOMPARE(w.resultPanel()->kind(), ResultPanel::Kind::Failure);
        QCOMPARE(w.resultPanel()->title(), outcome);
        QVERIFY2(w.resultPanel()->text().contains(QLatin1String("The message is kept")),
                 qPrintable(w.resultPanel()->text()));
        QVERIFY2(transcript.contains(outcome.mid(QStringLiteral("Not sent: ").size())),
                 qPrintable(transcript));
        // Nothing the person wrote is lost, and the form can be sent again.
        QCOMPARE(w.subjectField()->text(), QStringLiteral("Renewed"));
        QCOMPARE(w.bodyField()->toPlainText(), QStringLiteral("Words worth keeping."));
        QCOMPARE(w.toField()->text(), QStringLiteral("bob@example.org"));
        QVERIFY(!w.subjectField()->isReadOnly());
        QVERIFY(w.sendAction()->isEnabled());
    }
    // A token the server refuses before it expires (revoked at the provider): the send fails
    // with the server's words and no password is asked; the next send renews the token.
    void tokenRefusedByTheServerIsRenewedNextTime()
    {
        QSettings().clear();
        OAuthServerProcess provider;
        provider.start({QStringLiteral("--refresh-token"), QStringLiteral("rt-known")});
        AiosmtpdProcess smtp;
        smtp.start({QStringLiteral("--oauth-tokens"), provider.issuedFile()});
        QTRY_VERIFY(provider.isReady() && smtp.isReady());
        ComposeWindow w;
        w.show();
        const QString id = addAccount(&w, QByteArray("XOAUTH2"), provider, smtp);
        QVERIFY(!id.isEmpty());
        const OAuthTokens held{QStringLiteral("at-stale"), QStringLiteral("rt-known"),
                               QDateTime::currentDateTimeUtc().addSecs(3600)};
        store(w.credentialStore(), Account::oauthSecretKey(id), held.toSecret());
        fill(&w);
        QSignalSpy finished(&w, &ComposeWindow::sendFinished);
        w.send();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
        const SendResult refused = finished.takeFirst().first().value<SendResult>();
        QCOMPARE(refused.error, SendResult::Error::Authentication);
        QVERIFY2(refused.message.contains(QLatin1String("535")), qPrintable(refused.message));
        const QString transcript = w.transcriptModel()->toPlainText();
        // The server's JSON error challenge, decoded; then why the next send renews.
        QVERIFY2(transcript.contains(QLatin1String("XOAUTH2: the server refused the token")),
                 qPrintable(transcript));
        QVERIFY2(transcript.contains(QLatin1String("the next send gets a new one")),
                 qPrintable(transcript));
        QVERIFY(w.findChildren<QDialog *>().isEmpty() ||
                std::none_of(w.findChildren<QDialog *>().cbegin(),
                             w.findChildren<QDialog *>().cend(),
                             [](QDialog *d) { return d->isVisible(); })); // no password asked
        QVERIFY(provider.issued().isEmpty()); // it was not expired: no renewal yet
        QTRY_VERIFY(
            OAuthTokens::fromSecret(stored(w.credentialStore(), Account::oauthSecretKey(id)))
                .accessToken.isEmpty());
        QCOMPARE(w.subjectField()->text(), QStringLiteral("Renewed"));

        w.send();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
        QCOMPARE(finished.first().first().value<SendResult>().outcome,
                 SendResult::Outcome::Success);
        QCOMPARE(provider.issued().size(), 1);
        QVERIFY(smtp.output().contains(
            QStringLiteral("auth=Bearer %1").arg(provider.issued().constFirst()).toUtf8()));
        QCOMPARE(smtp.messageCount(), 1);
    }
    // Test Connection in the accounts dialog authenticates as a send does: with a fresh token.
    void testConnectionRenewsTheToken()
    {
        OAuthServerProcess provider;
        provider.start({QStringLiteral("--refresh-token"), QStringLiteral("rt-known")});
        AiosmtpdProcess smtp;
        smtp.start({QStringLiteral("--oauth-tokens"), provider.issuedFile()});
        QTRY_VERIFY(provider.isReady() && smtp.isReady());
        QTemporaryDir dir;
        AccountStore accounts(dir.filePath(QStringLiteral("postwire.conf")));
        accounts.load();
        MemoryCredentialStore credentials;
        Account a = oauthAccount("OAUTHBEARER", provider, smtp);
        a.id = accounts.at(0).id;
        a.oauthAuthorizationUrl.clear(); // a renewal needs none
        QVERIFY(accounts.update(a));
        const OAuthTokens expired{QStringLiteral("at-expired"), QStringLiteral("rt-known"),
                                  QDateTime::currentDateTimeUtc().addSecs(-60)};
        store(&credentials, Account::oauthSecretKey(a.id), expired.toSecret());
        AccountDialog dialog(&accounts, &credentials);
        dialog.show();
        dialog.testButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isTesting(), 30000);
        QVERIFY2(dialog.verdictLabel()->text().startsWith(QStringLiteral("\u2714")),
                 qPrintable(dialog.verdictLabel()->text()));
        QCOMPARE(provider.issued().size(), 1);
        QVERIFY2(smtp.output().contains("AUTH OAUTHBEARER ok"), smtp.output().constData());
        QVERIFY(smtp.output().contains(
            QStringLiteral("auth=Bearer %1").arg(provider.issued().constFirst()).toUtf8()));
        QCOMPARE(dialog.oauthRows()->statusLabel()->text(), Signedin);
    }
};

QTEST_MAIN(TestOAuthWindow)
#include "tst_oauthwindow.moc"
