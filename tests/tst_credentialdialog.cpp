// The password prompt: the server's refusal shown, remember offered with where it goes, one
// answer, and the secret not left in the widget.
#include "credentialdialog.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QtTest>

class TestCredentialDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void provided();
    void cancelled();
};

void TestCredentialDialog::provided()
{
    QWidget parent;
    parent.show();
    QPointer<CredentialDialog> d = CredentialDialog::ask(
        &parent, QStringLiteral("smtp.example.org:587"), QStringLiteral("ana"),
        QStringLiteral("535 5.7.8 Authentication credentials invalid"),
        QStringLiteral("the desktop keychain"));
    QVERIFY(d->reasonLabel()->text().contains(QStringLiteral("refused the login")));
    QVERIFY(d->reasonLabel()->text().contains(
        QStringLiteral("535 5.7.8 Authentication credentials invalid")));
    QVERIFY(d->rememberBox()->text().contains(QStringLiteral("the desktop keychain")));
    QCOMPARE(d->userField()->text(), QStringLiteral("ana"));
    QSignalSpy given(d.data(), &CredentialDialog::provided);
    QSignalSpy gone(d.data(), &CredentialDialog::cancelled);
    QTest::keyClick(d, Qt::Key_Return); // nothing typed: Log In is off
    QCOMPARE(given.size() + gone.size(), 0);
    d->secretField()->setText(QStringLiteral("pw2"));
    d->rememberBox()->setChecked(true);
    QTest::keyClick(d->secretField(), Qt::Key_Return);
    QCOMPARE(given.size(), 1);
    QCOMPARE(gone.size(), 0);
    const auto c = given.at(0).at(0).value<SaslCredentials>();
    QCOMPARE(c.user, QStringLiteral("ana"));
    QCOMPARE(c.secret, QStringLiteral("pw2"));
    QCOMPARE(given.at(0).at(1).toBool(), true);
    if (d)
        QCOMPARE(d->secretField()->text(), QString());
    QTRY_VERIFY(d.isNull());
}

void TestCredentialDialog::cancelled()
{
    CredentialDialog d(QStringLiteral("h:25"), QStringLiteral("ana"), QString(),
                       QStringLiteral("memory, for this session only"));
    QVERIFY(d.reasonLabel()->text().contains(QStringLiteral("none is stored")));
    QVERIFY(d.rememberBox()->text().contains(QStringLiteral("session only")));
    d.show();
    QSignalSpy given(&d, &CredentialDialog::provided);
    QSignalSpy gone(&d, &CredentialDialog::cancelled);
    d.secretField()->setText(QStringLiteral("typed"));
    QTest::keyClick(&d, Qt::Key_Escape);
    QCOMPARE(gone.size(), 1);
    QCOMPARE(given.size(), 0);
    QCOMPARE(d.secretField()->text(), QString());
}

QTEST_MAIN(TestCredentialDialog)
#include "tst_credentialdialog.moc"
