// The result banner: a long result (many refused recipients) is folded to its first lines with
// a way to read the rest, never cut; a short one is shown whole.
#include "resultpanel.h"

#include <QToolButton>
#include <QtTest>

class TestResultPanel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void longResultsCanBeReadWhole_data()
    {
        QTest::addColumn<int>("refused");
        QTest::addColumn<bool>("folded");
        QTest::newRow("one refused") << 1 << false;
        QTest::newRow("three refused") << 3 << false;
        QTest::newRow("four refused") << 4 << true;
        QTest::newRow("forty refused") << 40 << true;
    }

    void longResultsCanBeReadWhole()
    {
        QFETCH(int, refused);
        QFETCH(bool, folded);
        SendResult result;
        result.outcome = SendResult::Outcome::PartialSuccess;
        result.queueId = QStringLiteral("Q1");
        result.recipients.append(RecipientResult{QStringLiteral("ok@example.org"), true, {}});
        for (int i = 0; i < refused; ++i) {
            RecipientResult r;
            r.address = QStringLiteral("nobody%1@example.org").arg(i);
            r.accepted = false;
            r.reply.code = 550;
            r.reply.lines = {QByteArray("5.1.1 No such user")};
            result.recipients.append(r);
        }
        ResultPanel panel;
        panel.resize(500, 300);
        panel.show();
        panel.showResult(result);
        const QString last = QStringLiteral("nobody%1@example.org").arg(refused - 1);
        QVERIFY(panel.text().contains(last));
        auto *more = panel.findChild<QToolButton *>(QStringLiteral("resultMore"));
        QVERIFY(more);
        QCOMPARE(panel.isFolded(), folded);
        QCOMPARE(more->isVisible(), folded);
        if (!folded) {
            QVERIFY(panel.shownText().contains(last));
            return;
        }
        const QString lastLine = panel.text().split(QLatin1Char('\n')).last();
        QVERIFY(!panel.shownText().contains(lastLine));
        QVERIFY(more->text().contains(QString::number(panel.text().count(QLatin1Char('\n')) + 1)));
        // The whole text is there for a pointer (tooltip) and for a click.
        more->click();
        QVERIFY(!panel.isFolded());
        QVERIFY(panel.shownText().contains(last));
        QVERIFY(panel.shownText().contains(lastLine));
        more->click();
        QVERIFY(panel.isFolded());
        // A new result starts folded again.
        panel.showResult(result);
        QVERIFY(panel.isFolded());
    }
};

QTEST_MAIN(TestResultPanel)
#include "tst_resultpanel.moc"
