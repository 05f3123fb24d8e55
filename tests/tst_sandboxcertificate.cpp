// The sandbox's certificate generation when openssl does not finish well: failing, crashing,
// not starting, or still running when the app closes. Each leaves the folder with no new
// files at all (the earlier pair, if any, untouched) and no warning about a running process;
// a successful run replaces an unusable pair, key first made private.
#include "sandbox/sandboxcertificate.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

namespace {

const QByteArray OldCertificate = "old certificate, not PEM\n";
const QByteArray OldKey = "old key, not PEM\n";

// Stands in for openssl: writes the beginning of a key and a certificate where it is told to,
// records its process id beside itself, then ends as the row says.
QByteArray fakeOpenssl(const QByteArray &ending)
{
    return "#!/bin/sh\n"
           "while [ $# -gt 0 ]; do\n"
           "  case \"$1\" in -keyout) key=$2; shift;; -out) cert=$2; shift;; esac\n"
           "  shift\n"
           "done\n"
           "printf '%s\\n' '-----BEGIN PRIVATE KEY-----' 'MIGHAgEAMBMGByqGSM49' >> \"$key\"\n"
           "printf '%s\\n' '-----BEGIN CERTIFICATE-----' 'MIIBszCCAVmgAwIBAgIU' > \"$cert\"\n"
           "echo $$ > \"$(dirname \"$0\")/pid\"\n" +
           ending + "\n";
}

QStringList filesIn(const QString &folder)
{
    return QDir(folder).entryList(QDir::Files | QDir::Hidden, QDir::Name);
}

QByteArray contents(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestSandboxCertificate : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        // Qt warns when a QProcess is destroyed while its program still runs.
        QTest::failOnWarning(QRegularExpression(QStringLiteral("Destroyed while process")));
    }

    void unfinishedGenerationLeavesNoFiles_data()
    {
        QTest::addColumn<QString>("ending"); // the fake openssl's last line; "" = not there
        QTest::addColumn<bool>("earlierPair");
        QTest::addColumn<QString>("message"); // part of failed(); "" = destroyed while running
        QTest::newRow("fails, no earlier pair")
            << "echo 'req: cannot write the key'; exit 3" << false
            << "openssl failed (exit code 3): req: cannot write the key";
        QTest::newRow("fails, earlier pair kept")
            << "echo 'req: cannot write the key'; exit 3" << true << "exit code 3";
        QTest::newRow("crashes, earlier pair kept") << "kill -KILL $$" << true << "openssl stopped";
        QTest::newRow("does not start") << QString() << true << "cannot run";
        // cat waits for the input QProcess keeps open: running until it is killed.
        QTest::newRow("app closes while it runs, no earlier pair") << "exec cat" << false << "";
        QTest::newRow("app closes while it runs, earlier pair kept") << "exec cat" << true << "";
    }

    void unfinishedGenerationLeavesNoFiles()
    {
        QFETCH(QString, ending);
        QFETCH(bool, earlierPair);
        QFETCH(QString, message);
        QTemporaryDir tools;
        QTemporaryDir data;
        QVERIFY(tools.isValid() && data.isValid());
        QString program = tools.filePath(QStringLiteral("openssl"));
        if (ending.isEmpty()) {
            program = tools.filePath(QStringLiteral("nonexistent/openssl"));
        } else {
            QFile script(program);
            QVERIFY(script.open(QIODevice::WriteOnly));
            script.write(fakeOpenssl(ending.toUtf8()));
            script.close();
            QVERIFY(script.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                          QFileDevice::ExeOwner));
        }
        const QString certPath = data.filePath(QStringLiteral("cert.pem"));
        const QString keyPath = data.filePath(QStringLiteral("key.pem"));
        if (earlierPair) {
            // Unusable, so a new pair is made; an unfinished one must not replace it.
            QFile cert(certPath);
            QFile key(keyPath);
            QVERIFY(cert.open(QIODevice::WriteOnly) && key.open(QIODevice::WriteOnly));
            cert.write(OldCertificate);
            key.write(OldKey);
        }
        const QStringList before = filesIn(data.path());

        auto certificate = std::make_unique<SandboxCertificate>();
        certificate->setOpensslProgram(program);
        QSignalSpy ready(certificate.get(), &SandboxCertificate::ready);
        QSignalSpy failed(certificate.get(), &SandboxCertificate::failed);
        certificate->ensure(data.path());
        if (message.isEmpty()) {
            // Half-way through: the partial files exist, the app closes.
            const QString pidFile = tools.filePath(QStringLiteral("pid"));
            QTRY_VERIFY(!contents(pidFile).trimmed().isEmpty());
            QVERIFY(QFile::exists(data.filePath(QStringLiteral("cert.pem.new"))));
            const QString proc =
                QStringLiteral("/proc/") + QString::fromLatin1(contents(pidFile).trimmed());
            QVERIFY(QFileInfo::exists(proc));
            certificate.reset();
            // Killed and reaped (a zombie would still be listed), without blocking the close.
            QTRY_VERIFY(!QFileInfo::exists(proc));
        } else {
            QTRY_COMPARE(failed.count(), 1);
            QVERIFY2(failed.first().first().toString().contains(message),
                     qPrintable(failed.first().first().toString()));
        }
        QCOMPARE(ready.count(), 0);
        QCOMPARE(filesIn(data.path()), before);
        if (earlierPair) {
            QCOMPARE(contents(certPath), OldCertificate);
            QCOMPARE(contents(keyPath), OldKey);
        }
    }

    void successfulGenerationReplacesAnUnusablePair()
    {
        QTemporaryDir data;
        QVERIFY(data.isValid());
        const QString certPath = data.filePath(QStringLiteral("cert.pem"));
        const QString keyPath = data.filePath(QStringLiteral("key.pem"));
        // An unusable pair, and what a run stopped long ago left under the temporary names
        // (the key file readable by all): none of it may end up in the new pair.
        for (const QString &name :
             {QStringLiteral("cert.pem"), QStringLiteral("key.pem"), QStringLiteral("cert.pem.new"),
              QStringLiteral("key.pem.new")}) {
            QFile f(data.filePath(name));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("left over\n");
            f.close();
            QVERIFY(f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                     QFileDevice::ReadGroup | QFileDevice::ReadOther));
        }
        SandboxCertificate certificate;
        QSignalSpy ready(&certificate, &SandboxCertificate::ready);
        QSignalSpy failed(&certificate, &SandboxCertificate::failed);
        certificate.ensure(data.path());
        certificate.ensure(data.path()); // asked again meanwhile: the same run answers
        QTRY_COMPARE_WITH_TIMEOUT(ready.count() + failed.count(), 1, 30000);
        QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
        QCOMPARE(filesIn(data.path()),
                 QStringList({QStringLiteral("cert.pem"), QStringLiteral("key.pem")}));
        const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup |
                                                QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                                QFileDevice::WriteOther | QFileDevice::ExeOther;
        QCOMPARE(QFile::permissions(keyPath) & others, QFileDevice::Permissions());
        QVERIFY(certificate.isReady());
        QVERIFY(certificate.certificate()
                    .subjectAlternativeNames()
                    .values(QSsl::IpAddressEntry)
                    .contains(QStringLiteral("127.0.0.1")));
        QCOMPARE(QSslCertificate::fromPath(certPath).value(0), certificate.certificate());
        QCOMPARE(ready.count(), 1);

        // The next start loads the same pair without openssl.
        SandboxCertificate again;
        again.setOpensslProgram(data.filePath(QStringLiteral("nonexistent")));
        QSignalSpy readyAgain(&again, &SandboxCertificate::ready);
        again.ensure(data.path());
        QCOMPARE(readyAgain.count(), 1);
        QCOMPARE(again.certificate(), certificate.certificate());
        QCOMPARE(again.key(), certificate.key());
    }
};

QTEST_GUILESS_MAIN(TestSandboxCertificate)
#include "tst_sandboxcertificate.moc"
