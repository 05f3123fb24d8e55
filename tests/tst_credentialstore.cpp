// Credential stores: the in-memory one answers asynchronously like a keychain; the QtKeychain
// one, with no keychain service reachable (as here: no D-Bus session), falls back to memory,
// says so once, and never writes the secret to a file.
#include "account/memorycredentialstore.h"
#include "keychaincredentialstore.h"

#include <QDir>
#include <QDirIterator>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QtTest>

using Error = CredentialStore::Error;
Q_DECLARE_METATYPE(Error)

class TestCredentialStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void roundTrip_data();
    void roundTrip();
    void keychainFallbackIsAnnouncedOnce();
    void keychainNeverWritesTheSecretToAFile();
};

void TestCredentialStore::initTestCase()
{
    // No session bus, and none to autolaunch: the keychain is certainly unavailable.
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/postwire-test-bus");
    qRegisterMetaType<Error>();
}

void TestCredentialStore::roundTrip_data()
{
    QTest::addColumn<bool>("keychain");
    QTest::newRow("memory") << false;
    QTest::newRow("keychain, falling back to memory") << true;
}

void TestCredentialStore::roundTrip()
{
    QFETCH(bool, keychain);
    std::unique_ptr<CredentialStore> store;
    if (keychain)
        store = std::make_unique<KeychainCredentialStore>(QStringLiteral("postwire-test"));
    else
        store = std::make_unique<MemoryCredentialStore>();
    QSignalSpy read(store.get(), &CredentialStore::readFinished);
    QSignalSpy written(store.get(), &CredentialStore::writeFinished);
    QSignalSpy removed(store.get(), &CredentialStore::removeFinished);

    store->read(QStringLiteral("acc"));
    QCOMPARE(read.size(), 0); // asynchronous: never answered inside the call
    QTRY_COMPARE(read.size(), 1);
    QCOMPARE(read.at(0).at(0).toString(), QStringLiteral("acc"));
    QCOMPARE(read.at(0).at(2).value<Error>(), Error::NotFound);

    store->write(QStringLiteral("acc"), QStringLiteral("s3cret!pass"));
    store->write(QStringLiteral("other"), QStringLiteral("x"));
    QTRY_COMPARE(written.size(), 2);
    QCOMPARE(written.at(0).at(1).value<Error>(), Error::NoError);

    store->read(QStringLiteral("acc"));
    QTRY_COMPARE(read.size(), 2);
    QCOMPARE(read.at(1).at(1).toString(), QStringLiteral("s3cret!pass"));
    QCOMPARE(read.at(1).at(2).value<Error>(), Error::NoError);

    store->remove(QStringLiteral("acc"));
    QTRY_COMPARE(removed.size(), 1);
    QCOMPARE(removed.at(0).at(1).value<Error>(), Error::NoError);
    store->read(QStringLiteral("acc"));
    QTRY_COMPARE(read.size(), 3);
    QCOMPARE(read.at(2).at(2).value<Error>(), Error::NotFound);
    QCOMPARE(read.at(2).at(1).toString(), QString());
    QVERIFY(!store->isPersistent());
    QVERIFY(store->location().contains(QStringLiteral("session only")));
}

void TestCredentialStore::keychainFallbackIsAnnouncedOnce()
{
    KeychainCredentialStore store(QStringLiteral("postwire-test"));
    QVERIFY(store.isPersistent()); // until the keychain has been tried
    QSignalSpy notice(&store, &CredentialStore::notice);
    QSignalSpy written(&store, &CredentialStore::writeFinished);
    store.write(QStringLiteral("a"), QStringLiteral("one"));
    store.write(QStringLiteral("b"), QStringLiteral("two"));
    QTRY_COMPARE(written.size(), 2);
    QCOMPARE(notice.size(), 1);
    const QString said = notice.at(0).at(0).toString();
    QVERIFY2(said.contains(QStringLiteral("No keychain is available")) &&
                 said.contains(QStringLiteral("for this session only")),
             qPrintable(said));
    QVERIFY(store.usesFallback());
    QVERIFY(!store.fallbackReason().isEmpty());
    QVERIFY(!store.isPersistent());
}

void TestCredentialStore::keychainNeverWritesTheSecretToAFile()
{
    const QString secret = QStringLiteral("Zq8!never-on-disk");
    {
        KeychainCredentialStore store(QStringLiteral("postwire-test"));
        QSignalSpy written(&store, &CredentialStore::writeFinished);
        store.write(QStringLiteral("acc"), secret);
        QTRY_COMPARE(written.size(), 1);
    }
    // The test's own HOME: every file anything could have written to.
    const QByteArray needles[] = {secret.toUtf8(), secret.toUtf8().toBase64(),
                                  secret.toUtf8().toHex()};
    QDirIterator it(QDir::homePath(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    int files = 0;
    while (it.hasNext()) {
        QFile f(it.next());
        if (!f.open(QIODevice::ReadOnly))
            continue;
        ++files;
        const QByteArray bytes = f.readAll();
        for (const QByteArray &n : needles)
            QVERIFY2(!bytes.contains(n), qPrintable(f.fileName()));
    }
    qInfo("looked through %d files under %s", files, qPrintable(QDir::homePath()));
}

QTEST_GUILESS_MAIN(TestCredentialStore)
#include "tst_credentialstore.moc"
