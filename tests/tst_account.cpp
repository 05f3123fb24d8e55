// Accounts: validation naming the field, presets, port -> security, conversion to SmtpSettings,
// and the store (several accounts, a default, damaged files read as far as they can be).
#include "account/account.h"
#include "account/accountpreset.h"
#include "account/accountstore.h"

#include <QDir>
#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using Security = SmtpSettings::Security;
using Field = Account::Field;
Q_DECLARE_METATYPE(Field)
Q_DECLARE_METATYPE(Security)

namespace {

QString certs(const char *name)
{
    return QStringLiteral(POSTWIRE_TEST_CERTS "/") + QLatin1String(name);
}

Account valid()
{
    Account a;
    a.id = QStringLiteral("id-1");
    a.name = QStringLiteral("Work");
    a.displayName = QStringLiteral("Ana Example");
    a.address = QStringLiteral("ana@example.org");
    a.host = QStringLiteral("smtp.example.org");
    a.port = 587;
    a.security = Security::StartTls;
    a.authenticate = true;
    a.user = QStringLiteral("ana");
    return a;
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(bytes);
}

} // namespace

class TestAccount : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void validAccountHasNoProblem();
    void badInput_data();
    void badInput();
    void goodHosts_data();
    void goodHosts();
    void presets_data();
    void presets();
    void suggestedSecurity_data();
    void suggestedSecurity();
    void toSmtpSettings();
    void toSmtpSettingsReportsUnreadableCaFile();
    void storeRoundTrip();
    void storeDefaultAndRemove();
    void storeUniqueNames();
    void storeReadsFirstAccountFormFormat();
    void damagedFile_data();
    void damagedFile();
    void badValuesKeepTheAccount();
};

void TestAccount::validAccountHasNoProblem()
{
    QVERIFY(valid().validate().isEmpty());
}

void TestAccount::badInput_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<Field>("expectedField");
    QTest::addColumn<QString>("reason");

    QTest::newRow("empty host") << "host"
                                << "" << Field::Host << "Host: give the server";
    QTest::newRow("host with space") << "host"
                                     << "smtp example.org" << Field::Host << "space";
    QTest::newRow("host with scheme")
        << "host"
        << "smtp://smtp.example.org" << Field::Host << "without \"smtp://\"";
    QTest::newRow("host with port")
        << "host"
        << "smtp.example.org:587" << Field::Host << "put the port in the Port field";
    QTest::newRow("host double dot") << "host"
                                     << "smtp..example.org" << Field::Host << "empty part";
    QTest::newRow("host leading hyphen")
        << "host"
        << "-smtp.example.org" << Field::Host << "\"-smtp\" is not allowed";
    QTest::newRow("host underscore") << "host"
                                     << "smtp_1.example.org" << Field::Host << "not allowed";
    QTest::newRow("host bad ipv4") << "host"
                                   << "256.1.1.1" << Field::Host << "IPv4";
    QTest::newRow("host bad ipv6") << "host"
                                   << "fe80::zz" << Field::Host << "IPv6";
    QTest::newRow("host is an address") << "host"
                                        << "ana@example.org" << Field::Host << "e-mail address";
    QTest::newRow("host label too long")
        << "host" << QString(64, QLatin1Char('a')) + QStringLiteral(".org") << Field::Host << "63";
    QTest::newRow("port 0") << "port"
                            << "0" << Field::Port << "Port: 0 is outside 1-65535";
    QTest::newRow("port negative") << "port"
                                   << "-25" << Field::Port << "outside 1-65535";
    QTest::newRow("port 65536") << "port"
                                << "65536" << Field::Port << "Port: 65536 is outside 1-65535";
    QTest::newRow("ehlo with space")
        << "helo"
        << "my host" << Field::HeloName << "EHLO name: \"my host\" must be one word";
    QTest::newRow("ehlo with tab") << "helo"
                                   << "my\thost" << Field::HeloName << "one word";
    QTest::newRow("ehlo bare ip") << "helo"
                                  << "192.0.2.1" << Field::HeloName << "[192.0.2.1]";
    QTest::newRow("ehlo bad literal") << "helo"
                                      << "[300.1.1.1]" << Field::HeloName << "address literal";
    QTest::newRow("no name") << "name"
                             << "  " << Field::Name << "Name:";
    QTest::newRow("bad address") << "address"
                                 << "ana@" << Field::Address << "Address:";
    QTest::newRow("address with name")
        << "address"
        << "Ana <ana@example.org>" << Field::Address << "Display name";
    QTest::newRow("user missing") << "user"
                                  << "" << Field::User << "User name:";
    QTest::newRow("unknown mechanism")
        << "mechanism"
        << "NTLM" << Field::Authentication << "does not implement NTLM";
    QTest::newRow("ca file missing")
        << "ca"
        << "/nonexistent/ca.pem" << Field::CaFile << "cannot read /nonexistent/ca.pem";
    QTest::newRow("ca file not pem") << "ca" << QStringLiteral(POSTWIRE_SOURCE_DIR "/README.md")
                                     << Field::CaFile << "no PEM certificate";
    QTest::newRow("bad pin") << "pin"
                             << "abc" << Field::PinnedFingerprints << "SHA-256";
    QTest::newRow("zero timeout") << "timeout"
                                  << "0" << Field::Timeouts << "at least 1";
}

void TestAccount::badInput()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(Field, expectedField);
    QFETCH(QString, reason);
    Account a = valid();
    if (field == QLatin1String("host"))
        a.host = value;
    else if (field == QLatin1String("port"))
        a.port = value.toInt();
    else if (field == QLatin1String("helo"))
        a.heloName = value;
    else if (field == QLatin1String("name"))
        a.name = value;
    else if (field == QLatin1String("address"))
        a.address = value;
    else if (field == QLatin1String("user"))
        a.user = value;
    else if (field == QLatin1String("mechanism"))
        a.authMechanism = value.toLatin1();
    else if (field == QLatin1String("ca"))
        a.caFile = value;
    else if (field == QLatin1String("pin"))
        a.pinnedFingerprints = {value.toLatin1()};
    else if (field == QLatin1String("timeout"))
        a.timeouts.command = value.toInt();
    const QList<Account::Problem> problems = a.validate();
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems.first().field, expectedField);
    QVERIFY2(problems.first().message.contains(reason), qPrintable(problems.first().message));
    // Every message starts with the field's label, so it reads on its own.
    QVERIFY2(problems.first().message.startsWith(Account::fieldLabel(expectedField)),
             qPrintable(problems.first().message));
    QCOMPARE(a.problem(expectedField), problems.first().message);
}

void TestAccount::goodHosts_data()
{
    QTest::addColumn<QString>("host");
    QTest::newRow("name") << "smtp.example.org";
    QTest::newRow("single label") << "localhost";
    QTest::newRow("trailing dot") << "smtp.example.org.";
    QTest::newRow("ipv4") << "127.0.0.1";
    QTest::newRow("ipv6") << "::1";
    QTest::newRow("ipv6 brackets") << "[2001:db8::1]";
    QTest::newRow("idn") << "smtp.bücher.example";
    QTest::newRow("digits and hyphens") << "mx-1.a1.example";
}

void TestAccount::goodHosts()
{
    QFETCH(QString, host);
    QCOMPARE(Account::checkHost(host), QString());
}

void TestAccount::presets_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<Security>("security");
    QTest::newRow("gmail 587") << "gmail-587"
                               << "smtp.gmail.com" << 587 << Security::StartTls;
    QTest::newRow("gmail 465") << "gmail-465"
                               << "smtp.gmail.com" << 465 << Security::ImplicitTls;
    QTest::newRow("outlook") << "outlook"
                             << "smtp-mail.outlook.com" << 587 << Security::StartTls;
    QTest::newRow("fastmail") << "fastmail"
                              << "smtp.fastmail.com" << 465 << Security::ImplicitTls;
    QTest::newRow("icloud") << "icloud"
                            << "smtp.mail.me.com" << 587 << Security::StartTls;
    QTest::newRow("yahoo") << "yahoo"
                           << "smtp.mail.yahoo.com" << 465 << Security::ImplicitTls;
    QTest::newRow("sandbox") << "sandbox"
                             << "127.0.0.1" << 2525 << Security::None;
    QTest::newRow("microsoft 365") << "microsoft365"
                                   << "smtp.office365.com" << 587 << Security::StartTls;
}

void TestAccount::presets()
{
    QFETCH(QString, key);
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(Security, security);
    const auto preset = AccountPreset::find(key);
    QVERIFY(preset.has_value());
    Account a = valid();
    a.authMechanism = "PLAIN";
    a.oauthClientId = QStringLiteral("my-client");
    preset->applyTo(a);
    QCOMPARE(a.host, host);
    QCOMPARE(a.port, port);
    QCOMPARE(a.security, security);
    QCOMPARE(a.authenticate, key != QLatin1String("sandbox"));
    const bool microsoft = key == QLatin1String("microsoft365");
    const bool google = key.startsWith(QLatin1String("gmail"));
    // Exchange Online takes only OAuth 2; Gmail also an app password.
    QCOMPARE(a.authMechanism, microsoft ? QByteArray("XOAUTH2") : QByteArray());
    QCOMPARE(a.oauthAuthorizationUrl,
             google ? QStringLiteral("https://accounts.google.com/o/oauth2/v2/auth")
             : microsoft
                 ? QStringLiteral("https://login.microsoftonline.com/common/oauth2/v2.0/authorize")
                 : QString());
    QCOMPARE(a.oauthTokenUrl,
             google ? QStringLiteral("https://oauth2.googleapis.com/token")
             : microsoft
                 ? QStringLiteral("https://login.microsoftonline.com/common/oauth2/v2.0/token")
                 : QString());
    QCOMPARE(a.oauthScope,
             google      ? QStringLiteral("https://mail.google.com/")
             : microsoft ? QStringLiteral("https://outlook.office.com/SMTP.Send offline_access")
                         : QString());
    QCOMPARE(a.oauthClientId, QStringLiteral("my-client")); // the person's, untouched
    QCOMPARE(a.name, QStringLiteral("Work"));               // identity untouched
    QVERIFY(a.validate().isEmpty());
    QCOMPARE(AccountPreset::all().size(), 8);
}

void TestAccount::suggestedSecurity_data()
{
    QTest::addColumn<int>("port");
    QTest::addColumn<int>("security"); // -1: no suggestion
    QTest::newRow("25") << 25 << int(Security::StartTls);
    QTest::newRow("587") << 587 << int(Security::StartTls);
    QTest::newRow("465") << 465 << int(Security::ImplicitTls);
    QTest::newRow("2525") << 2525 << -1;
    QTest::newRow("0") << 0 << -1;
}

void TestAccount::suggestedSecurity()
{
    QFETCH(int, port);
    QFETCH(int, security);
    const auto s = Account::suggestedSecurity(port);
    QCOMPARE(s.has_value(), security >= 0);
    if (s)
        QCOMPARE(int(*s), security);
}

void TestAccount::toSmtpSettings()
{
    Account a = valid();
    a.authMechanism = "cram-md5";
    a.heloName = QStringLiteral("client.example");
    a.allowPlaintextAuth = true;
    a.timeouts = SmtpTimeouts::uniform(1234);
    a.caFile = certs("ca.pem");
    a.pin(QByteArray(64, 'A'));
    QString error;
    const SmtpSettings s = a.toSmtpSettings(QStringLiteral("pw"), &error);
    QCOMPARE(error, QString());
    QCOMPARE(s.host, a.host);
    QCOMPARE(s.port, quint16(587));
    QCOMPARE(s.security, Security::StartTls);
    QCOMPARE(s.heloName, a.heloName);
    QVERIFY(s.authenticate);
    QCOMPARE(s.authMechanism, QByteArray("CRAM-MD5"));
    QCOMPARE(s.credentials.user, QStringLiteral("ana"));
    QCOMPARE(s.credentials.secret, QStringLiteral("pw"));
    QVERIFY(s.allowPlaintextAuth);
    QCOMPARE(s.timeouts.quit, 1234);
    QCOMPARE(s.caCertificates.size(), 1);
    QVERIFY(s.caCertificates.first().subjectDisplayName().contains(QStringLiteral("Test CA")));
    QCOMPARE(s.pinnedFingerprints, QList<QByteArray>({QByteArray(64, 'a')}));
    QVERIFY(s.verifyPeer);
}

void TestAccount::toSmtpSettingsReportsUnreadableCaFile()
{
    Account a = valid();
    a.caFile = QStringLiteral("/nonexistent/ca.pem");
    QString error;
    const SmtpSettings s = a.toSmtpSettings(QString(), &error);
    QVERIFY(error.startsWith(QStringLiteral("CA certificates: cannot read /nonexistent/ca.pem")));
    QVERIFY(s.caCertificates.isEmpty());
}

void TestAccount::storeRoundTrip()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("postwire.conf"));
    QString workId;
    Account work = valid();
    work.caFile = certs("ca.pem");
    work.pin(QByteArray(64, 'b'));
    work.timeouts.connect = 5000;
    work.authMechanism = "PLAIN";
    work.heloName = QStringLiteral("[192.0.2.1]");
    work.oauthAuthorizationUrl = QStringLiteral("https://id.example/authorize");
    work.oauthTokenUrl = QStringLiteral("https://id.example/token");
    work.oauthScope = QStringLiteral("mail offline_access");
    work.oauthClientId = QStringLiteral("client-1");
    {
        AccountStore store(file);
        QVERIFY(store.load()); // no file: a blank account, no problem
        QCOMPARE(store.count(), 1);
        QSignalSpy changed(&store, &AccountStore::changed);
        workId = store.add(work);
        Account home = valid();
        home.id.clear();
        home.name = QStringLiteral("Home");
        home.security = Security::ImplicitTls;
        home.port = 465;
        store.add(home);
        QVERIFY(store.setDefault(workId));
        QVERIFY(store.remove(store.at(0).id)); // the blank one
        QCOMPARE(changed.size(), 4);
        QCOMPARE(store.lastError(), QString());
    }
    AccountStore store(file);
    QVERIFY2(store.load(), qPrintable(store.loadProblems().join(QLatin1Char('\n'))));
    QCOMPARE(store.names(), QStringList({QStringLiteral("Work"), QStringLiteral("Home")}));
    QCOMPARE(store.defaultId(), workId);
    QCOMPARE(store.defaultAccount(), work);
    QCOMPARE(store.at(1).security, Security::ImplicitTls);
    QCOMPARE(store.at(1).port, 465);
}

void TestAccount::storeDefaultAndRemove()
{
    QTemporaryDir dir;
    AccountStore store(dir.filePath(QStringLiteral("s.conf")));
    store.load();
    const QString first = store.at(0).id;
    Account b = valid();
    b.id.clear();
    const QString second = store.add(b);
    QCOMPARE(store.defaultId(), first);
    QSignalSpy defaultChanged(&store, &AccountStore::defaultChanged);
    QVERIFY(store.remove(first));
    QCOMPARE(defaultChanged.size(), 1);
    QCOMPARE(store.defaultId(), second);
    QVERIFY(store.remove(second));
    // Never without an account to send with.
    QCOMPARE(store.count(), 1);
    QCOMPARE(store.defaultId(), store.at(0).id);
    QVERIFY(!store.setDefault(QStringLiteral("no such id")));
}

void TestAccount::storeUniqueNames()
{
    QTemporaryDir dir;
    AccountStore store(dir.filePath(QStringLiteral("s.conf")));
    store.load();
    Account a = valid();
    const QString id1 = store.add(a);
    const QString id2 = store.add(a); // same id and name: both made unique
    QVERIFY(id1 != id2);
    QCOMPARE(store.account(id2)->name, QStringLiteral("Work (2)"));
    QVERIFY(store.pin(id2, QByteArray(64, 'C')));
    QCOMPARE(store.account(id2)->pinnedFingerprints, QList<QByteArray>({QByteArray(64, 'c')}));
}

void TestAccount::storeReadsFirstAccountFormFormat()
{
    // What ui/accountform.cpp wrote before accounts had ids.
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("s.conf"));
    writeFile(file, "[accounts]\n1\\name=Old\n1\\host=mail.example.org\n1\\port=465\n"
                    "1\\security=3\n1\\user=ana\nsize=1\n\n[window]\nlastAccount=Old\n");
    AccountStore store(file);
    QVERIFY(store.load());
    QCOMPARE(store.count(), 1);
    const Account a = store.at(0);
    QCOMPARE(a.name, QStringLiteral("Old"));
    QCOMPARE(a.port, 465);
    QCOMPARE(a.security, Security::ImplicitTls);
    QVERIFY(a.authenticate); // a user name meant "log in"
    QVERIFY(!a.id.isEmpty());
    QSettings s(file, QSettings::IniFormat);
    QCOMPARE(s.value(QStringLiteral("accounts/1/id")).toString(), a.id);
    QCOMPARE(s.value(QStringLiteral("window/lastAccount")).toString(), QStringLiteral("Old"));
}

void TestAccount::damagedFile_data()
{
    QTest::addColumn<QByteArray>("content"); // "<dir>": a folder where the file should be
    QTest::addColumn<QStringList>("kept");
    QTest::addColumn<QString>("why");
    QTest::newRow("garbage lines")
        << QByteArray("[accounts]\n1\\name=A\n1\\host=a.example\n\x01\x02 junk [[[ \n[broken\n"
                      "size=2\n2\\name=B\n2\\host=b.example\n[window]\nlastAccount=A\n")
        << QStringList({QStringLiteral("A")}) << "malformed";
    QTest::newRow("binary") << QByteArray("\xff\xfe\x00\x00\x01"
                                          "binary\x00junk",
                                          16)
                            << QStringList({QStringLiteral("My account")}) << "not a text file";
    QTest::newRow("folder") << QByteArray("<dir>") << QStringList({QStringLiteral("My account")})
                            << "folder";
}

void TestAccount::damagedFile()
{
    QFETCH(QByteArray, content);
    QFETCH(QStringList, kept);
    QFETCH(QString, why);
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("postwire.conf"));
    if (content == "<dir>")
        QVERIFY(QDir().mkpath(file));
    else
        writeFile(file, content);
    AccountStore store(file);
    QVERIFY(!store.load());
    QCOMPARE(store.names(), kept);
    const QString said = store.loadProblems().join(QLatin1Char('\n'));
    QVERIFY2(said.contains(QStringLiteral("is damaged (")) && said.contains(why) &&
                 said.contains(QStringLiteral("starting with default settings")),
             qPrintable(said));
    // The damaged file is kept for the person to look at, and a clean one replaces it.
    QVERIFY(!store.damagedFileBackup().isEmpty());
    QVERIFY(QFileInfo::exists(store.damagedFileBackup()));
    QVERIFY(said.contains(store.damagedFileBackup()));
    QVERIFY(QFileInfo(file).isFile());
    AccountStore again(file);
    QVERIFY2(again.load(), qPrintable(again.loadProblems().join(QLatin1Char('\n'))));
    QCOMPARE(again.names(), kept);
    if (kept.first() == QLatin1String("A")) {
        // Settings outside the accounts that could be read survive as well.
        QSettings s(file, QSettings::IniFormat);
        QCOMPARE(s.value(QStringLiteral("window/lastAccount")).toString(), QStringLiteral("A"));
        QCOMPARE(again.at(0).host, QStringLiteral("a.example"));
    }
}

void TestAccount::badValuesKeepTheAccount()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("s.conf"));
    writeFile(file, "[accounts]\n1\\name=A\n1\\host=a.example\n1\\port=abc\n1\\security=7\n"
                    "1\\authenticate=perhaps\n1\\pinned=nothex\n1\\timeouts\\connect=-5\n"
                    "2\\name=A\n2\\host=b.example\n2\\port=70000\nsize=2\n");
    AccountStore store(file);
    QVERIFY(!store.load());
    QCOMPARE(store.count(), 2);
    const Account a = store.at(0);
    QCOMPARE(a.security, Security::StartTls);
    QCOMPARE(a.port, 587);
    QVERIFY(a.pinnedFingerprints.isEmpty());
    QCOMPARE(a.timeouts.connect, SmtpTimeouts().connect);
    QCOMPARE(store.at(1).name, QStringLiteral("A (2)"));
    QCOMPARE(store.at(1).problem(Field::Port), QStringLiteral("Port: 70000 is outside 1-65535"));
    const QString said = store.loadProblems().join(QLatin1Char('\n'));
    for (const char *s : {"security \"7\"", "port \"abc\"", "\"authenticate\"", "\"nothex\"",
                          "timeout \"connect\"", "now \"A (2)\""})
        QVERIFY2(said.contains(QLatin1String(s)), qPrintable(said));
}

QTEST_GUILESS_MAIN(TestAccount)
#include "tst_account.moc"
