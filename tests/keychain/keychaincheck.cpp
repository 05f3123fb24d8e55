// The keychain for real: Postwire's KeychainCredentialStore against gnome-keyring's Secret
// Service in a private D-Bus session (tests/keychain/keychain_session.sh starts both, with a
// home of its own). A password and an account's OAuth tokens are stored there (secret-tool
// finds them), read back by a new process, renewed by another one as the window does before a
// send (against the local OAuth 2 provider), removed with the account in the accounts dialog,
// and never written to a file in the home.
#include "account/accountstore.h"
#include "accountdialog.h"
#include "keychaincredentialstore.h"
#include "oauth/oauthtokens.h"
#include "oauthaccess.h"
#include "oauthserverprocess.h"

#include <QApplication>
#include <QDirIterator>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTextStream>
#include <QtTest>

namespace {

const QString AccountId = QStringLiteral("acct-7f3e");
const QString ClientSecret = QStringLiteral("cs-Client-Secret-77");
const QString Password = QStringLiteral("pw-Correct-Horse-42");
// The window keeps an account's OAuth tokens beside its password, under "<id>:oauth".
const QString TokensKey = AccountId + QStringLiteral(":oauth");
const OAuthTokens Tokens{QStringLiteral("ya29.access-Token-9a8b"),
                         QStringLiteral("1//refresh-Token-5c6d"),
                         QDateTime::fromSecsSinceEpoch(1900000000, Qt::UTC)};

// A new process reading one key: "--read KEY" prints the secret, or "ERROR <n> <message>".
int readInNewProcess(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    KeychainCredentialStore store;
    QObject::connect(&store, &CredentialStore::readFinished,
                     [&](const QString &, const QString &secret, CredentialStore::Error error,
                         const QString &message) {
                         QTextStream out(stdout);
                         if (store.usesFallback())
                             out << "FALLBACK " << store.fallbackReason();
                         else if (error == CredentialStore::Error::NoError)
                             out << secret;
                         else
                             out << "ERROR " << int(error) << ' ' << message;
                         out.flush();
                         app.exit(0);
                     });
    store.read(QString::fromLocal8Bit(argv[2]));
    return app.exec();
}

// A new process renewing an account's tokens as the window does before a send:
// "--fresh ID TOKEN_URL" prints "READY" once the renewed tokens are back in the keychain, or
// "FAILED <message>".
int freshInNewProcess(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    KeychainCredentialStore store;
    OAuthAccess access(&store);
    ::Account account;
    account.id = QString::fromLocal8Bit(argv[2]);
    account.oauthTokenUrl = QString::fromLocal8Bit(argv[3]);
    account.oauthClientId = QStringLiteral("postwire-test");
    QTextStream out(stdout);
    QObject::connect(&access, &OAuthAccess::stored, [&] {
        out << "READY";
        out.flush();
        app.exit(0);
    });
    QObject::connect(&access, &OAuthAccess::failed, [&](OAuthSession::Error, const QString &m) {
        out << "FAILED " << m;
        out.flush();
        app.exit(0);
    });
    access.fresh(account);
    return app.exec();
}

} // namespace

class TestKeychain : public QObject
{
    Q_OBJECT
private:
    QString readByNewProcess(const QString &key)
    {
        QProcess p;
        p.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--read"), key});
        QSignalSpy finished(&p, &QProcess::finished);
        [&] { QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, 20000); }();
        return QString::fromUtf8(p.readAllStandardOutput());
    }
    // What the Secret Service holds, asked with its own tool (QtKeychain's libsecret schema
    // keys an entry by "server" = the service and "user" = the key).
    QString secretToolLookup(const QString &key)
    {
        QProcess p;
        p.start(QStringLiteral("secret-tool"),
                {QStringLiteral("lookup"), QStringLiteral("server"), QStringLiteral("Postwire"),
                 QStringLiteral("user"), key});
        QSignalSpy finished(&p, &QProcess::finished);
        [&] { QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, 20000); }();
        return QString::fromUtf8(p.readAllStandardOutput());
    }
    void write(KeychainCredentialStore &store, const QString &key, const QString &secret)
    {
        QSignalSpy written(&store, &CredentialStore::writeFinished);
        store.write(key, secret);
        QTRY_COMPARE_WITH_TIMEOUT(written.count(), 1, 20000);
        QCOMPARE(written.at(0).at(1).value<CredentialStore::Error>(),
                 CredentialStore::Error::NoError);
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!qEnvironmentVariableIsSet("POSTWIRE_KEYCHAIN_SESSION"))
            QFAIL("run through tests/keychain/keychain_session.sh (a private D-Bus session with "
                  "gnome-keyring)");
    }

    void storedInSecretService()
    {
        KeychainCredentialStore store;
        write(store, AccountId, Password);
        write(store, TokensKey, Tokens.toSecret());
        QVERIFY2(!store.usesFallback(), qPrintable(store.fallbackReason()));
        QVERIFY(store.isPersistent());
        QCOMPARE(store.location(), QStringLiteral("the desktop keychain"));
        QCOMPARE(secretToolLookup(AccountId), Password);
        QCOMPARE(OAuthTokens::fromSecret(secretToolLookup(TokensKey)), Tokens);
    }

    void readBackByNewProcess()
    {
        QCOMPARE(readByNewProcess(AccountId), Password);
        QCOMPARE(OAuthTokens::fromSecret(readByNewProcess(TokensKey)), Tokens);
    }

    void renewedByAnotherProcess()
    {
        OAuthServerProcess provider;
        provider.start({QStringLiteral("--refresh-token"), Tokens.refreshToken,
                        QStringLiteral("--client-secret"), ClientSecret});
        QTRY_VERIFY(provider.isReady());
        // As the window keeps them: expired tokens and the client secret, one secret.
        OAuthTokens expired = Tokens;
        expired.expiresAt = QDateTime::currentDateTimeUtc().addSecs(-60);
        QJsonObject kept = QJsonDocument::fromJson(expired.toSecret().toUtf8()).object();
        kept.insert(QLatin1String("client_secret"), ClientSecret);
        {
            KeychainCredentialStore store;
            write(store, TokensKey,
                  QString::fromUtf8(QJsonDocument(kept).toJson(QJsonDocument::Compact)));
        }
        QProcess p;
        p.start(QCoreApplication::applicationFilePath(),
                {QStringLiteral("--fresh"), AccountId, provider.tokenUrl().toString()});
        QSignalSpy finished(&p, &QProcess::finished);
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, 30000);
        const QString said = QString::fromUtf8(p.readAllStandardOutput());
        QVERIFY2(said == QLatin1String("READY"), qPrintable(said));
        // The provider checked the client secret read from the keychain.
        QVERIFY2(provider.output().contains("TOKEN refresh_token ok"),
                 provider.output().constData());
        const QString now = secretToolLookup(TokensKey);
        m_renewed = OAuthTokens::fromSecret(now);
        QCOMPARE(QStringList{m_renewed.accessToken}, provider.issued());
        QCOMPARE(m_renewed.refreshToken, Tokens.refreshToken);
        QVERIFY(m_renewed.expiresAt > QDateTime::currentDateTimeUtc());
        QCOMPARE(QJsonDocument::fromJson(now.toUtf8())
                     .object()
                     .value(QLatin1String("client_secret"))
                     .toString(),
                 ClientSecret);
    }

    void neverInOwnFiles()
    {
        // Everything under the home: Postwire's settings, data and cache, and the keyring's
        // own file, which gnome-keyring encrypts.
        const QString home = QDir::homePath();
        int files = 0;
        QDirIterator it(home, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            if (!f.open(QIODevice::ReadOnly))
                continue;
            ++files;
            const QByteArray bytes = f.readAll();
            for (const QString &secret : {Password, Tokens.accessToken, Tokens.refreshToken,
                                          ClientSecret, m_renewed.accessToken})
                QVERIFY2(!bytes.contains(secret.toUtf8()), qPrintable(f.fileName()));
        }
        QVERIFY(files > 0); // the keyring file at least: the walk saw the home
    }

    // In the accounts dialog, as a person removes an account: its password and its OAuth 2
    // secret go from the keychain too.
    void removedWithTheAccount()
    {
        QTemporaryDir dir;
        AccountStore accounts(dir.filePath(QStringLiteral("postwire.conf")));
        accounts.load();
        ::Account account = AccountStore::blankAccount();
        account.id = AccountId;
        account.name = QStringLiteral("Keychain");
        account.host = QStringLiteral("smtp.example.org");
        QCOMPARE(accounts.add(account), AccountId);
        KeychainCredentialStore store;
        AccountDialog dialog(&accounts, &store);
        dialog.show();
        dialog.selectAccount(AccountId);
        QCOMPARE(dialog.currentId(), AccountId);
        QSignalSpy removed(&store, &CredentialStore::removeFinished);
        dialog.removeButton()->click();
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = dialog.findChild<QMessageBox *>(QStringLiteral("removeQuestion"))));
        for (QAbstractButton *b : box->buttons())
            if (box->buttonRole(b) == QMessageBox::DestructiveRole)
                b->click();
        QTRY_COMPARE_WITH_TIMEOUT(removed.count(), 2, 20000);
        QCOMPARE(accounts.indexOf(AccountId), -1);
        for (const auto &r : removed)
            QCOMPARE(r.at(1).value<CredentialStore::Error>(), CredentialStore::Error::NoError);
        QCOMPARE(secretToolLookup(AccountId), QString());
        QCOMPARE(secretToolLookup(TokensKey), QString());
        for (const QString &key : {AccountId, TokensKey})
            QVERIFY(readByNewProcess(key).startsWith(
                QStringLiteral("ERROR %1").arg(int(CredentialStore::Error::NotFound))));
    }

private:
    OAuthTokens m_renewed;
};

int main(int argc, char **argv)
{
    if (argc == 3 && qstrcmp(argv[1], "--read") == 0)
        return readInNewProcess(argc, argv);
    if (argc == 4 && qstrcmp(argv[1], "--fresh") == 0)
        return freshInNewProcess(argc, argv);
    // The accounts dialog needs widgets; no display needed for them.
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    TestKeychain test;
    return QTest::qExec(&test, argc, argv);
}

#include "keychaincheck.moc"
