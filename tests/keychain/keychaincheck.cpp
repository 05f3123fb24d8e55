// The keychain for real: Postwire's KeychainCredentialStore against gnome-keyring's Secret
// Service in a private D-Bus session (tests/keychain/keychain_session.sh starts both, with a
// home of its own). A password and an account's OAuth tokens are stored there (secret-tool
// finds them), read back by a new process, removed, and never written to a file in the home.
#include "keychaincredentialstore.h"
#include "oauth/oauthtokens.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QProcess>
#include <QSignalSpy>
#include <QTextStream>
#include <QtTest>

namespace {

const QString Account = QStringLiteral("acct-7f3e");
const QString Password = QStringLiteral("pw-Correct-Horse-42");
// The window keeps an account's OAuth tokens beside its password, under "<id>:oauth".
const QString TokensKey = Account + QStringLiteral(":oauth");
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
        write(store, Account, Password);
        write(store, TokensKey, Tokens.toSecret());
        QVERIFY2(!store.usesFallback(), qPrintable(store.fallbackReason()));
        QVERIFY(store.isPersistent());
        QCOMPARE(store.location(), QStringLiteral("the desktop keychain"));
        QCOMPARE(secretToolLookup(Account), Password);
        QCOMPARE(OAuthTokens::fromSecret(secretToolLookup(TokensKey)), Tokens);
    }

    void readBackByNewProcess()
    {
        QCOMPARE(readByNewProcess(Account), Password);
        QCOMPARE(OAuthTokens::fromSecret(readByNewProcess(TokensKey)), Tokens);
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
            for (const QString &secret : {Password, Tokens.accessToken, Tokens.refreshToken})
                QVERIFY2(!bytes.contains(secret.toUtf8()), qPrintable(f.fileName()));
        }
        QVERIFY(files > 0); // the keyring file at least: the walk saw the home
    }

    void removedWithTheAccount()
    {
        KeychainCredentialStore store;
        QSignalSpy removed(&store, &CredentialStore::removeFinished);
        store.remove(Account);
        store.remove(TokensKey);
        QTRY_COMPARE_WITH_TIMEOUT(removed.count(), 2, 20000);
        for (const auto &r : removed)
            QCOMPARE(r.at(1).value<CredentialStore::Error>(), CredentialStore::Error::NoError);
        QCOMPARE(secretToolLookup(Account), QString());
        QCOMPARE(secretToolLookup(TokensKey), QString());
        QVERIFY(readByNewProcess(Account).startsWith(
            QStringLiteral("ERROR %1").arg(int(CredentialStore::Error::NotFound))));
    }
};

int main(int argc, char **argv)
{
    if (argc == 3 && qstrcmp(argv[1], "--read") == 0)
        return readInNewProcess(argc, argv);
    QCoreApplication app(argc, argv);
    TestKeychain test;
    return QTest::qExec(&test, argc, argv);
}

#include "keychaincheck.moc"
