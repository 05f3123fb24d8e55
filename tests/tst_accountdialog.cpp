// The account dialog: bad input refused beside its field and not saved, presets, the port's
// usual security, add/remove/default, notices (damaged settings, no keychain), and a test
// connection that asks for the password with the server's refusal and remembers it, and one
// that takes the password the window holds (the built-in sandbox's) without asking.
#include "account/accountstore.h"
#include "account/memorycredentialstore.h"
#include "accountdialog.h"
#include "certificatedialog.h"
#include "composewindow.h"
#include "credentialdialog.h"
#include "dialogprompter.h"
#include "fakesmtpserver.h"
#include "keychaincredentialstore.h"
#include "mainwindowsandbox.h"
#include "transcriptmodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using Field = Account::Field;
Q_DECLARE_METATYPE(Field)

namespace {

void type(QLineEdit *field, const QString &text)
{
    field->setText(text);
    Q_EMIT field->textEdited(text);
}

struct Fixture
{
    QTemporaryDir dir;
    AccountStore store{dir.filePath(QStringLiteral("postwire.conf"))};
    MemoryCredentialStore credentials;
    std::unique_ptr<AccountDialog> dialog;

    Fixture()
    {
        store.load();
        Account a = store.at(0);
        a.name = QStringLiteral("Work");
        a.host = QStringLiteral("smtp.example.org");
        store.update(a);
        dialog = std::make_unique<AccountDialog>(&store, &credentials);
        dialog->show();
    }
};

} // namespace

class TestAccountDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void badInputRefusedBesideItsField_data();
    void badInputRefusedBesideItsField();
    void presetFillsTheServer();
    void portSuggestsSecurity();
    void addRemoveDefault();
    void certificateQuestionsSayTheTestIsPaused();
    void noticesDamagedSettingsAndMissingKeychain();
    void testAsksForThePasswordWithTheRefusal();
    void testUsesTheProvidedSecretWithoutAsking();
    void sandboxAccountTestedFromTheWindowWithoutAsking();
    void verdictBelongsToTheTestedAccount();
    void trustedCertificatesAreNamed();
};

void TestAccountDialog::badInputRefusedBesideItsField_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<Field>("problemField");
    QTest::addColumn<QString>("message");
    QTest::newRow("malformed host")
        << "host"
        << "smtp..example.org" << Field::Host << "Host: \"smtp..example.org\" has an empty part";
    QTest::newRow("host with space") << "host"
                                     << "smtp example" << Field::Host << "space";
    QTest::newRow("port 0") << "port"
                            << "0" << Field::Port << "Port: 0 is outside 1-65535";
    QTest::newRow("port 65536") << "port"
                                << "65536" << Field::Port << "Port: 65536 is outside 1-65535";
    QTest::newRow("port not a number") << "port"
                                       << "smtp" << Field::Port << "Port: \"smtp\" is not a number";
    QTest::newRow("EHLO with spaces")
        << "helo"
        << "my laptop" << Field::HeloName << "EHLO name: \"my laptop\" must be one word";
    QTest::newRow("name taken") << "name"
                                << "Other" << Field::Name
                                << "another account is already called \"Other\"";
}

void TestAccountDialog::badInputRefusedBesideItsField()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(Field, problemField);
    QFETCH(QString, message);
    Fixture f;
    Account other = AccountStore::blankAccount();
    other.name = QStringLiteral("Other");
    f.store.add(other);
    const Account before = f.store.at(0);
    QLineEdit *edit = field == QLatin1String("host")   ? f.dialog->hostField()
                      : field == QLatin1String("port") ? f.dialog->portField()
                      : field == QLatin1String("helo") ? f.dialog->heloField()
                                                       : f.dialog->nameField();
    type(edit, value);
    QVERIFY2(f.dialog->shownProblem(problemField).contains(message),
             qPrintable(f.dialog->shownProblem(problemField)));
    // Refused: the store keeps the last good account.
    QCOMPARE(f.store.at(0), before);
    // A test is refused with the same reason, without connecting.
    f.dialog->testConnection();
    QVERIFY(f.dialog->verdictLabel()->text().contains(QStringLiteral("Cannot test")));
    QVERIFY(!f.dialog->isTesting());
    // Fixed: the message goes and the account is saved.
    type(edit, field == QLatin1String("port")   ? QStringLiteral("2525")
               : field == QLatin1String("name") ? QStringLiteral("Work 2")
                                                : QStringLiteral("smtp.example.net"));
    QCOMPARE(f.dialog->shownProblem(problemField), QString());
    QVERIFY(!(f.store.at(0) == before));
}

void TestAccountDialog::presetFillsTheServer()
{
    Fixture f;
    const int index = f.dialog->presetBox()->findData(QStringLiteral("gmail-465"));
    QVERIFY(index > 0);
    f.dialog->presetBox()->setCurrentIndex(index);
    Q_EMIT f.dialog->presetBox()->activated(index);
    QCOMPARE(f.dialog->hostField()->text(), QStringLiteral("smtp.gmail.com"));
    QCOMPARE(f.dialog->portField()->text(), QStringLiteral("465"));
    // Gmail wants AUTH, so a user name is needed before the account is saved.
    QVERIFY(f.dialog->shownProblem(Field::User).startsWith(QStringLiteral("User name:")));
    QCOMPARE(f.store.at(0).host, QStringLiteral("smtp.example.org"));
    type(f.dialog->userField(), QStringLiteral("ana@gmail.com"));
    QCOMPARE(f.dialog->shownProblem(Field::User), QString());
    const Account a = f.store.at(0);
    QCOMPARE(a.host, QStringLiteral("smtp.gmail.com"));
    QCOMPARE(a.port, 465);
    QCOMPARE(a.security, SmtpSettings::Security::ImplicitTls);
    QVERIFY(a.authenticate);
    QCOMPARE(a.name, QStringLiteral("Work"));
}

void TestAccountDialog::portSuggestsSecurity()
{
    Fixture f;
    type(f.dialog->portField(), QStringLiteral("465"));
    QCOMPARE(f.store.at(0).security, SmtpSettings::Security::ImplicitTls);
    type(f.dialog->portField(), QStringLiteral("587"));
    QCOMPARE(f.store.at(0).security, SmtpSettings::Security::StartTls);
    type(f.dialog->portField(), QStringLiteral("2525")); // no usual security: unchanged
    QCOMPARE(f.store.at(0).security, SmtpSettings::Security::StartTls);
    // Someone who chose no encryption is not overruled.
    const int none = f.dialog->securityBox()->findData(int(SmtpSettings::Security::None));
    f.dialog->securityBox()->setCurrentIndex(none);
    Q_EMIT f.dialog->securityBox()->activated(none);
    type(f.dialog->portField(), QStringLiteral("465"));
    QCOMPARE(f.store.at(0).security, SmtpSettings::Security::None);
}

void TestAccountDialog::addRemoveDefault()
{
    Fixture f;
    QCOMPARE(f.dialog->accountList()->count(), 1);
    QVERIFY(!f.dialog->removeButton()->isEnabled()); // never without an account
    f.dialog->addButton()->click();
    QCOMPARE(f.store.count(), 2);
    QCOMPARE(f.dialog->accountList()->count(), 2);
    const QString added = f.dialog->currentId();
    QCOMPARE(f.store.account(added)->name, QStringLiteral("New account"));
    type(f.dialog->nameField(), QStringLiteral("Home"));
    type(f.dialog->hostField(), QStringLiteral("mail.example.net"));
    QCOMPARE(f.store.account(added)->name, QStringLiteral("Home"));
    f.dialog->defaultButton()->click();
    QCOMPARE(f.store.defaultId(), added);
    QVERIFY(f.dialog->accountList()->item(1)->text().contains(QStringLiteral("(default)")));
    f.credentials.write(added, QStringLiteral("pw"));
    QSignalSpy removed(&f.credentials, &CredentialStore::removeFinished);
    // Asked first, naming the account and its password; Cancel keeps both.
    const auto question = [&f]() -> QMessageBox * {
        f.dialog->removeButton()->click();
        QMessageBox *box = nullptr;
        for (QMessageBox *b :
             f.dialog->findChildren<QMessageBox *>(QStringLiteral("removeQuestion")))
            if (b->isVisible())
                box = b;
        return box;
    };
    QMessageBox *box = question();
    QVERIFY(box);
    QVERIFY2(box->text().contains(QStringLiteral("\"Home\"")), qPrintable(box->text()));
    QVERIFY2(box->informativeText().contains(QStringLiteral("password")),
             qPrintable(box->informativeText()));
    box->button(QMessageBox::Cancel)->click();
    QCOMPARE(f.store.count(), 2);
    QCOMPARE(f.credentials.count(), 1);
    box = question();
    QVERIFY(box);
    QPushButton *remove = nullptr;
    for (QAbstractButton *b : box->buttons())
        if (box->buttonRole(b) == QMessageBox::DestructiveRole)
            remove = qobject_cast<QPushButton *>(b);
    QVERIFY(remove);
    remove->click();
    QCOMPARE(f.store.count(), 1);
    QCOMPARE(f.store.at(0).name, QStringLiteral("Work"));
    QCOMPARE(f.store.defaultId(), f.store.at(0).id);
    // Its password goes with it, and its OAuth 2 sign-in (tokens, client secret).
    QTRY_COMPARE(removed.size(), 2);
    QCOMPARE(f.credentials.count(), 0);
    QVERIFY(removed.at(1).at(0).toString().endsWith(QLatin1String(":oauth")));
    QCOMPARE(removed.at(1).at(0).toString(),
             Account::oauthSecretKey(removed.at(0).at(0).toString()));
}

void TestAccountDialog::certificateQuestionsSayTheTestIsPaused()
{
    Fixture f;
    const QList<DialogPrompter *> prompters = f.dialog->findChildren<DialogPrompter *>();
    QCOMPARE(prompters.size(), 1);
    QCOMPARE(prompters.first()->paused(), CertificateDialog::Paused::Test);
}

void TestAccountDialog::noticesDamagedSettingsAndMissingKeychain()
{
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/postwire-test-bus");
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("postwire.conf"));
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("[accounts]\n1\\name=Kept\n1\\host=a.example\n\x01 junk\n[broken\nsize=1\n");
    }
    AccountStore store(file);
    QVERIFY(!store.load());
    KeychainCredentialStore keychain(QStringLiteral("postwire-test"));
    AccountDialog dialog(&store, &keychain);
    dialog.show();
    QCOMPARE(dialog.accountList()->item(0)->text(), QStringLiteral("Kept (default)"));
    QVERIFY(dialog.noticeLabel()->isVisible());
    QVERIFY(dialog.noticeLabel()->text().contains(QStringLiteral("is damaged")));
    // The first use of the keychain finds none: the dialog says so.
    QTRY_VERIFY(dialog.noticeLabel()->text().contains(QStringLiteral("No keychain is available")));
    QTRY_VERIFY(dialog.passwordNote()->text().contains(QStringLiteral("session only")));
}

void TestAccountDialog::testAsksForThePasswordWithTheRefusal()
{
    Fixture f;
    FakeSmtpServer server(
        QStringLiteral("S: 220 fake ESMTP\nC: EHLO test.example\nS: 250-fake\nS: 250 AUTH PLAIN\n"
                       "C~ AUTH PLAIN \\S+\nS: 535 5.7.8 Authentication credentials invalid\n"
                       "C~ AUTH PLAIN \\S+\nS: 235 2.7.0 ok\nC: QUIT\nS: 221 bye\n"));
    QVERIFY(server.listen());
    Account a = f.store.at(0);
    a.host = QStringLiteral("127.0.0.1");
    a.port = server.port();
    a.security = SmtpSettings::Security::None;
    a.authenticate = true;
    a.authMechanism = "PLAIN";
    a.user = QStringLiteral("ana");
    a.heloName = QStringLiteral("test.example");
    f.store.update(a);
    f.dialog->selectAccount(a.id);
    // A password typed in the form goes to the credential store, not the settings.
    f.dialog->passwordField()->setText(QStringLiteral("wrong-pw"));
    QSignalSpy finished(f.dialog.get(), &AccountDialog::testFinished);
    f.dialog->testButton()->click();
    CredentialDialog *asked = nullptr;
    QTRY_VERIFY((asked = f.dialog->findChild<CredentialDialog *>()) && asked->isVisible());
    QVERIFY(asked->reasonLabel()->text().contains(
        QStringLiteral("535 5.7.8 Authentication credentials invalid")));
    asked->secretField()->setText(QStringLiteral("right-pw"));
    asked->rememberBox()->setChecked(true);
    QTest::keyClick(asked->secretField(), Qt::Key_Return);
    QTRY_COMPARE(finished.size(), 1);
    QVERIFY2(finished.at(0).at(0).value<SendResult>().delivered(),
             qPrintable(f.dialog->transcript()->toPlainText()));
    QVERIFY(f.dialog->verdictLabel()->text().contains(QStringLiteral("the account works")));
    QVERIFY(f.dialog->verdictLabel()->text().contains(QStringLiteral("authenticated with PLAIN")));
    QVERIFY(server.mismatches().isEmpty());
    // Remembered: the store now answers with the new password.
    QSignalSpy read(&f.credentials, &CredentialStore::readFinished);
    f.credentials.read(a.id);
    QTRY_COMPARE(read.size(), 1);
    QCOMPARE(read.at(0).at(1).toString(), QStringLiteral("right-pw"));
    QFile settings(f.store.fileName());
    QVERIFY(settings.open(QIODevice::ReadOnly));
    const QByteArray bytes = settings.readAll();
    QVERIFY(!bytes.contains("wrong-pw") && !bytes.contains("right-pw"));
}

void TestAccountDialog::testUsesTheProvidedSecretWithoutAsking()
{
    Fixture f;
    // Only the provided secret passes; the stored one, if it were used, would be a mismatch.
    const QByteArray plain = QByteArray("\0sandbox\0server-own-pw", 22).toBase64();
    FakeSmtpServer server(
        QStringLiteral("S: 220 fake ESMTP\nC: EHLO test.example\nS: 250-fake\nS: 250 AUTH PLAIN\n"
                       "C: AUTH PLAIN %1\nS: 235 2.7.0 ok\nC: QUIT\nS: 221 bye\n")
            .arg(QString::fromLatin1(plain)));
    QVERIFY(server.listen());
    Account a = f.store.at(0);
    a.host = QStringLiteral("127.0.0.1");
    a.port = server.port();
    a.security = SmtpSettings::Security::None;
    a.authenticate = true;
    a.authMechanism = "PLAIN";
    a.user = QStringLiteral("sandbox");
    a.heloName = QStringLiteral("test.example");
    f.store.update(a);
    Account other = AccountStore::blankAccount();
    other.name = QStringLiteral("Other");
    const QString otherId = f.store.add(other);
    f.credentials.write(a.id, QStringLiteral("stored-pw"));
    QStringList asked;
    f.dialog->setSecretProvider([&](const QString &id) {
        asked << id;
        return id == a.id ? QStringLiteral("server-own-pw") : QString();
    });
    f.dialog->selectAccount(a.id);
    // Nothing to type for it: a typed password would be stored and never used.
    QVERIFY(!f.dialog->passwordField()->isEnabled());
    QVERIFY(f.dialog->passwordNote()->text().contains(QStringLiteral("none is stored")));
    QSignalSpy finished(f.dialog.get(), &AccountDialog::testFinished);
    f.dialog->testButton()->click();
    QTRY_COMPARE(finished.size(), 1);
    QVERIFY2(finished.at(0).at(0).value<SendResult>().delivered(),
             qPrintable(f.dialog->transcript()->toPlainText()));
    QVERIFY2(server.mismatches().isEmpty(), qPrintable(server.report()));
    QVERIFY(f.dialog->verdictLabel()->text().contains(QStringLiteral("authenticated with PLAIN")));
    QVERIFY(!f.dialog->findChild<CredentialDialog *>());
    QVERIFY(asked.contains(a.id));
    QVERIFY(!f.dialog->transcript()->toPlainText().contains(QStringLiteral("server-own-pw")));
    // An account the window holds nothing for keeps its password field.
    f.dialog->selectAccount(otherId);
    QVERIFY(f.dialog->passwordField()->isEnabled());
    QVERIFY(f.dialog->passwordNote()->text().contains(QStringLiteral("No password stored")));
}

void TestAccountDialog::sandboxAccountTestedFromTheWindowWithoutAsking()
{
    QCoreApplication::setOrganizationName(QStringLiteral("PostwireAccountDialogTest"));
    QCoreApplication::setApplicationName(QStringLiteral("postwire"));
    qputenv("POSTWIRE_SANDBOX_PORT", "0");
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/postwire-test-bus");
    ComposeWindow window;
    window.show();
    MainWindowSandbox *sandbox = window.sandbox();
    // On a first run the sandbox makes its certificate first.
    QTRY_COMPARE_WITH_TIMEOUT(sandbox->status(), MainWindowSandbox::Status::Running, 60000);
    const QString id = sandbox->accountId();
    QVERIFY(sandbox->isSandboxAccount(id));
    window.openAccounts();
    auto *dialog = window.findChild<AccountDialog *>();
    QVERIFY(dialog);
    dialog->selectAccount(id);
    QCOMPARE(dialog->currentId(), id);
    QSignalSpy finished(dialog, &AccountDialog::testFinished);
    dialog->testButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
    const SendResult result = finished.at(0).at(0).value<SendResult>();
    QVERIFY2(result.delivered(), qPrintable(dialog->transcript()->toPlainText()));
    QVERIFY2(dialog->verdictLabel()->text().contains(QStringLiteral("authenticated with")),
             qPrintable(dialog->verdictLabel()->text()));
    QVERIFY(!window.findChild<CredentialDialog *>());
    QVERIFY(!window.findChild<CertificateDialog *>());
    QVERIFY(!dialog->transcript()->toPlainText().contains(sandbox->password()));
}

// A verdict and a dialogue are about the account and settings that were tested: showing
// another account, or changing how to connect, puts "Not tested yet." back; a change that
// does not affect the connection keeps it. A transcript section is begun only by a test.
void TestAccountDialog::verdictBelongsToTheTestedAccount()
{
    Fixture f;
    const QString script = QStringLiteral(
        "S: 220 fake ESMTP\nC: EHLO test.example\nS: 250 fake\nC: QUIT\nS: 221 bye\n");
    FakeSmtpServer server(script);
    FakeSmtpServer second(script);
    QVERIFY(server.listen() && second.listen());
    Account a = f.store.at(0);
    a.host = QStringLiteral("127.0.0.1");
    a.port = server.port();
    a.security = SmtpSettings::Security::None;
    a.heloName = QStringLiteral("test.example");
    f.store.update(a);
    Account other = AccountStore::blankAccount();
    other.name = QStringLiteral("Other");
    f.store.add(other);
    // A dialog that lists both.
    f.dialog = std::make_unique<AccountDialog>(&f.store, &f.credentials);
    f.dialog->show();
    f.dialog->selectAccount(a.id);
    QLabel *verdict = f.dialog->verdictLabel();
    TranscriptModel *transcript = f.dialog->transcript();
    QSignalSpy finished(f.dialog.get(), &AccountDialog::testFinished);

    f.dialog->testButton()->click();
    QTRY_COMPARE(finished.size(), 1);
    QVERIFY2(verdict->text().contains(QStringLiteral("the account works")),
             qPrintable(verdict->text()));
    QCOMPARE(transcript->sectionCount(), 1);
    // Chosen in the list, as a person does: the verdict goes, and nothing was sent, so no
    // section is added.
    f.dialog->accountList()->setCurrentRow(1);
    QCOMPARE(f.dialog->currentId(), f.store.at(1).id);
    QCOMPARE(verdict->text(), QStringLiteral("Not tested yet."));
    QCOMPARE(transcript->sectionCount(), 1);
    f.dialog->accountList()->setCurrentRow(0);
    QCOMPARE(transcript->sectionCount(), 1);
    QCOMPARE(verdict->text(), QStringLiteral("Not tested yet."));
    type(f.dialog->portField(), QString::number(second.port()));
    QCOMPARE(transcript->sectionCount(), 1);

    // The next test heads its own dialogue.
    f.dialog->testButton()->click();
    QTRY_COMPARE(finished.size(), 2);
    QVERIFY(verdict->text().contains(QStringLiteral("the account works")));
    QCOMPARE(transcript->sectionCount(), 2);
    QCOMPARE(transcript->section(1).server, QStringLiteral("127.0.0.1:%1").arg(second.port()));
    type(f.dialog->nameField(), QStringLiteral("Work renamed"));
    QVERIFY(verdict->text().contains(QStringLiteral("the account works")));
    type(f.dialog->heloField(), QStringLiteral("other.example"));
    QCOMPARE(verdict->text(), QStringLiteral("Not tested yet."));
    QCOMPARE(transcript->sectionCount(), 2);
    QVERIFY2(server.mismatches().isEmpty(), qPrintable(server.report()));
    QVERIFY2(second.mismatches().isEmpty(), qPrintable(second.report()));
}

// Issue 14 item 23: the trusted-certificates list names each certificate, fingerprint in the
// one form people compare, and an edit elsewhere keeps the pin and its name.
void TestAccountDialog::trustedCertificatesAreNamed()
{
    QTemporaryDir dir;
    AccountStore store(dir.filePath(QStringLiteral("postwire.conf")));
    store.load();
    Account a = store.at(0);
    a.name = QStringLiteral("Work");
    a.host = QStringLiteral("smtp.example.org");
    const QByteArray pin(64, 'a');
    const QString label = QStringLiteral("mail.example.org, RSA 2048 bits, valid until 2027-05-01");
    a.pin(pin, label);
    store.update(a);
    MemoryCredentialStore credentials;
    AccountDialog dialog(&store, &credentials);
    dialog.show();

    QCOMPARE(dialog.pinList()->count(), 1);
    const QString shown = dialog.pinList()->item(0)->text();
    QVERIFY2(shown.startsWith(label), qPrintable(shown));
    QVERIFY2(shown.contains(QStringLiteral("AA:AA:AA")), qPrintable(shown));
    type(dialog.hostField(), QStringLiteral("smtp2.example.org"));
    QCOMPARE(store.at(0).host, QStringLiteral("smtp2.example.org"));
    QCOMPARE(store.at(0).pinnedFingerprints, QList<QByteArray>{pin});
    QCOMPARE(store.at(0).pinLabels.value(pin), label);
}

QTEST_MAIN(TestAccountDialog)
#include "tst_accountdialog.moc"
