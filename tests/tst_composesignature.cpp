// Signatures and identities in the compose window: the account's signature below the text
// after "-- ", replaced (never doubled) when the account changes, left alone once edited by
// hand; a form holding only the signature is empty; a reply from the identity addressed.
#include "account/accountstore.h"
#include "accountform.h"
#include "addressfield.h"
#include "composewindow.h"

#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

class TestComposeSignature : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<ComposeWindow> m_window;
    QString m_ana;
    QString m_bo;
    QString m_plain;

    ComposeWindow *createWindow()
    {
        m_window = std::make_unique<ComposeWindow>();
        m_window->show();
        AccountStore *store = m_window->accountStore();
        Account ana;
        ana.name = QStringLiteral("Ana");
        ana.displayName = QStringLiteral("Ana Lima");
        ana.address = QStringLiteral("ana@example.org");
        ana.host = QStringLiteral("127.0.0.1");
        ana.signature = QStringLiteral("Ana Lima\nExample Corp\n");
        ana.identities = {QStringLiteral("Sales <sales@example.org>")};
        m_ana = store->add(ana);
        Account bo = ana;
        bo.id.clear();
        bo.name = QStringLiteral("Bo");
        bo.address = QStringLiteral("bo@example.net");
        bo.identities.clear();
        bo.signature = QStringLiteral("-- \nBo");
        m_bo = store->add(bo);
        Account plain = ana;
        plain.id.clear();
        plain.name = QStringLiteral("Plain");
        plain.address = QStringLiteral("plain@example.net");
        plain.identities.clear();
        plain.signature.clear();
        m_plain = store->add(plain);
        return m_window.get();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("PostwireTest"));
        QCoreApplication::setApplicationName(QStringLiteral("postwire"));
        qputenv("POSTWIRE_SANDBOX_PORT", "0");
    }

    void init()
    {
        QSettings().clear();
        QFile::remove(DraftStore().path());
    }

    void cleanup() { m_window.reset(); }

    void replacedWhenTheAccountChanges()
    {
        ComposeWindow *w = createWindow();
        auto *body = w->bodyField();
        w->accountForm()->selectAccountId(m_ana);
        QCOMPARE(body->toPlainText(), QStringLiteral("\n-- \nAna Lima\nExample Corp"));
        QCOMPARE(body->textCursor().position(), 0); // writing starts above it
        // Only the signature: nothing to lose, New Message does not ask.
        w->newMessage();
        QVERIFY(!w->findChild<QMessageBox *>(QStringLiteral("discardQuestion")));
        QCOMPARE(body->toPlainText(), QStringLiteral("\n-- \nAna Lima\nExample Corp"));

        body->setFocus();
        QTest::keyClicks(body, QStringLiteral("Hello"));
        w->accountForm()->selectAccountId(m_bo);
        // The separator typed into the setting is not doubled.
        QCOMPARE(body->toPlainText(), QStringLiteral("Hello\n-- \nBo"));
        w->accountForm()->selectAccountId(m_bo);
        QCOMPARE(body->toPlainText(), QStringLiteral("Hello\n-- \nBo"));
        w->accountForm()->selectAccountId(m_plain);
        QCOMPARE(body->toPlainText(), QStringLiteral("Hello"));
        w->accountForm()->selectAccountId(m_ana);
        QCOMPARE(body->toPlainText(), QStringLiteral("Hello\n-- \nAna Lima\nExample Corp"));

        // Edited by hand: the person's now, never replaced or doubled.
        body->setPlainText(QStringLiteral("Hello\n-- \nAna, on holiday"));
        w->accountForm()->selectAccountId(m_bo);
        QCOMPARE(body->toPlainText(), QStringLiteral("Hello\n-- \nAna, on holiday"));
    }

    void replyFromTheIdentityAddressed()
    {
        ComposeWindow *w = createWindow();
        w->accountForm()->selectAccountId(m_plain);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("in.eml"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("From: Cy <cy@example.com>\r\nTo: Sales <SALES@example.org>\r\n"
                "Subject: Offer\r\nMessage-ID: <o-1@example.com>\r\n\r\nHow much?\r\n");
        f.close();
        w->replyToFile(path, ReplyBuilder::Kind::Reply);
        QTRY_COMPARE(w->subjectField()->text(), QStringLiteral("Re: Offer"));
        QCOMPARE(w->accountForm()->currentId(), m_ana);
        QCOMPARE(w->fromField()->text(), QStringLiteral("Sales <sales@example.org>"));
        QVERIFY(w->fromNote()->isHidden()); // an identity of the account, not a stranger
        const QString text = w->bodyField()->toPlainText();
        QVERIFY2(text.endsWith(QStringLiteral("> How much?\n\n\n-- \nAna Lima\nExample Corp")),
                 qPrintable(text));
        QCOMPARE(text.count(QStringLiteral("-- \n")), 1);
    }
};

QTEST_MAIN(TestComposeSignature)
#include "tst_composesignature.moc"
