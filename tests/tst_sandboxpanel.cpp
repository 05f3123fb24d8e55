// The sandbox's widgets, offscreen: the inbox shows envelope beside headers (Bcc visible),
// every view of a message, no remote content, deletion; the behaviour form drives the server.
#include "inboxhtmlview.h"
#include "inboxmodel.h"
#include "inboxpanel.h"
#include "sandbox/mailstore.h"
#include "sandbox/sandboxserver.h"
#include "sandbox_testclient.h"
#include "sandboxbehaviourpanel.h"
#include "sandboxpanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMainWindow>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

namespace {

const QByteArray Multipart = "From: =?UTF-8?Q?J=C3=B6rg?= <joerg@example.org>\r\n"
                             "To: Ana <ana@example.org>\r\n"
                             "Subject: =?UTF-8?B?R3LDvMOfZQ==?= and more\r\n"
                             "MIME-Version: 1.0\r\n"
                             "Content-Type: multipart/mixed; boundary=\"outer\"\r\n"
                             "\r\n"
                             "--outer\r\n"
                             "Content-Type: multipart/alternative; boundary=inner\r\n"
                             "\r\n"
                             "--inner\r\n"
                             "Content-Type: text/plain; charset=utf-8\r\n"
                             "Content-Transfer-Encoding: quoted-printable\r\n"
                             "\r\n"
                             "Hallo K=C3=B6ln\r\n"
                             "--inner\r\n"
                             "Content-Type: text/html; charset=utf-8\r\n"
                             "\r\n"
                             "<p>Hallo <b>HTML</b><img src=\"http://tracker.example/pixel.gif\">"
                             "<link rel=stylesheet href=\"https://evil.example/x.css\"></p>\r\n"
                             "--inner--\r\n"
                             "--outer\r\n"
                             "Content-Type: application/octet-stream; name=\"data.bin\"\r\n"
                             "Content-Disposition: attachment; filename=\"data.bin\"\r\n"
                             "Content-Transfer-Encoding: base64\r\n"
                             "\r\n"
                             "AAECAwQ=\r\n"
                             "--outer--\r\n";

} // namespace

class TestSandboxPanel : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    QString addMessage(MailStore &store, const QByteArray &content, const QStringList &rcpt)
    {
        StoredMessage meta;
        meta.mailFrom = QStringLiteral("joerg@example.org");
        meta.rcptTo = rcpt;
        meta.helo = QStringLiteral("client.example");
        meta.receivedHeader = QStringLiteral("Received: from client.example");
        TranscriptEntry entry;
        entry.direction = TranscriptEntry::Direction::Client;
        entry.text = QStringLiteral("EHLO client.example");
        meta.transcript << entry;
        QString error;
        const QString id = store.add(meta, content, &error);
        if (id.isEmpty())
            qWarning("%s", qPrintable(error));
        return id;
    }

private Q_SLOTS:
    // A long Session line (TLS cipher, AUTH) wraps, and the envelope grows to show all of it
    // rather than cutting its second line.
    void envelopeGrowsToShowWrappedLines()
    {
        MailStore store(m_dir.filePath(QStringLiteral("wrap")));
        store.removeAll();
        StoredMessage meta;
        meta.mailFrom = QStringLiteral("ana@example.org");
        meta.rcptTo = {QStringLiteral("bob@example.org")};
        meta.helo = QStringLiteral("a-rather-long-client-host-name.example.org");
        meta.peer = QStringLiteral("127.0.0.1:45122");
        meta.tls = QStringLiteral("TLS 1.3 TLS_AES_256_GCM_SHA384");
        meta.authMechanism = QStringLiteral("CRAM-MD5");
        meta.authUser = QStringLiteral("sandbox");
        meta.transferCommand = QStringLiteral("DATA");
        QString error;
        const QString id = store.add(meta, "Subject: wrap\r\n\r\nx\r\n", &error);
        QVERIFY2(!id.isEmpty(), qPrintable(error));
        // As in the window's dock on a screen of 900 px, when the compose form takes its share:
        // less height than the panel would like, set from outside (no layout enlarges it).
        QWidget window;
        window.resize(1250, 400);
        auto *inbox = new InboxPanel(&store, &window);
        InboxPanel &panel = *inbox;
        panel.setOrientation(Qt::Horizontal);
        panel.setGeometry(0, 0, 1250, 250);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        panel.selectMessage(id);
        auto *envelope = panel.findChild<QLabel *>(QStringLiteral("inboxEnvelope"));
        QVERIFY(envelope);
        // Wraps at this width: its text needs more than one line for the Session row.
        const int oneRow = envelope->fontMetrics().lineSpacing();
        QTRY_VERIFY2(envelope->height() >= envelope->heightForWidth(envelope->width()),
                     qPrintable(QStringLiteral("%1 px high, needs %2 at width %3")
                                    .arg(envelope->height())
                                    .arg(envelope->heightForWidth(envelope->width()))
                                    .arg(envelope->width())));
        QVERIFY2(envelope->heightForWidth(envelope->width()) >= 7 * oneRow,
                 qPrintable(QString::number(envelope->heightForWidth(envelope->width()))));
    }

    void inboxShowsEnvelopeAndViews()
    {
        MailStore store(m_dir.filePath(QStringLiteral("views")));
        store.removeAll();
        InboxPanel panel(&store);
        panel.resize(900, 700);
        panel.show();
        const QString older =
            addMessage(store, "Subject: first\r\n\r\nx\r\n", {QStringLiteral("ana@example.org")});
        const QString id =
            addMessage(store, Multipart,
                       {QStringLiteral("ana@example.org"), QStringLiteral("hidden@example.org")});
        QVERIFY(!older.isEmpty() && !id.isEmpty());
        auto *list = panel.findChild<QTableView *>(QStringLiteral("inboxList"));
        QVERIFY(list);
        QCOMPARE(list->model()->rowCount(), 2);
        // Newest first.
        QCOMPARE(list->model()->index(0, 0).data(InboxModel::IdRole).toString(), id);
        QCOMPARE(list->model()->index(0, InboxModel::SubjectColumn).data().toString(),
                 QStringLiteral("Grüße and more"));
        QCOMPARE(list->model()->index(0, InboxModel::FromColumn).data().toString(),
                 QStringLiteral("Jörg <joerg@example.org>"));
        QCOMPARE(list->model()->index(0, 0).data(InboxModel::EnvelopeOnlyRole).toStringList(),
                 QStringList{QStringLiteral("hidden@example.org")});
        // Every column title whole; the arrival with its time, to the second.
        QHeaderView *header = list->horizontalHeader();
        for (int c = 0; c < InboxModel::ColumnCount - 1; ++c) {
            const QString title = list->model()->headerData(c, Qt::Horizontal).toString();
            QVERIFY2(header->sectionSize(c) > header->fontMetrics().horizontalAdvance(title),
                     qPrintable(title));
        }
        const QDateTime received = store.message(id).received.toLocalTime();
        const QString shown = list->model()->index(0, InboxModel::ReceivedColumn).data().toString();
        QVERIFY2(shown.contains(received.toString(QStringLiteral("HH:mm:ss"))), qPrintable(shown));
        QTRY_VERIFY2(header->sectionSize(InboxModel::ReceivedColumn) >=
                         list->fontMetrics().horizontalAdvance(shown),
                     qPrintable(QStringLiteral("%1 < %2")
                                    .arg(header->sectionSize(InboxModel::ReceivedColumn))
                                    .arg(list->fontMetrics().horizontalAdvance(shown))));

        panel.selectMessage(id);
        QCOMPARE(panel.currentId(), id);
        const QString envelope = panel.findChild<QLabel *>(QStringLiteral("inboxEnvelope"))->text();
        QVERIFY2(envelope.contains(QLatin1String("<b>hidden@example.org</b>")),
                 qPrintable(envelope));
        QVERIFY(envelope.contains(QLatin1String("MAIL FROM")));
        QCOMPARE(
            panel.findChild<QPlainTextEdit *>(QStringLiteral("inboxText"))->toPlainText().trimmed(),
            QStringLiteral("Hallo Köln"));
        auto *html = panel.findChild<InboxHtmlView *>(QStringLiteral("inboxHtml"));
        QVERIFY(html->toPlainText().contains(QLatin1String("Hallo HTML")));
        QVERIFY2(html->blockedCount() >= 1, "the remote image was not refused");
        QVERIFY(panel.findChild<QLabel *>(QStringLiteral("inboxHtmlNote"))
                    ->text()
                    .contains(QLatin1String("not loaded")));
        QVERIFY(panel.findChild<QPlainTextEdit *>(QStringLiteral("inboxHeaders"))
                    ->toPlainText()
                    .startsWith(QLatin1String("From: =?UTF-8?Q?J=C3=B6rg?=")));
        const QString raw =
            panel.findChild<QPlainTextEdit *>(QStringLiteral("inboxRaw"))->toPlainText();
        QVERIFY(raw.contains(QLatin1String("Received: from client.example")));
        QVERIFY(raw.contains(QLatin1String("AAECAwQ=")));
        QVERIFY(panel.findChild<QPlainTextEdit *>(QStringLiteral("inboxTranscript"))
                    ->toPlainText()
                    .contains(QLatin1String("C: EHLO client.example")));
        auto *attachments = panel.findChild<QListWidget *>(QStringLiteral("inboxAttachments"));
        QCOMPARE(attachments->count(), 1);
        QVERIFY(attachments->item(0)->text().startsWith(QLatin1String("data.bin")));
        const QString saved = m_dir.filePath(QStringLiteral("saved.bin"));
        QString error;
        QVERIFY2(panel.saveAttachment(0, saved, &error), qPrintable(error));
        QFile file(saved);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("\x00\x01\x02\x03\x04", 5));
        QVERIFY(!panel.saveAttachment(3, saved, &error));
        QVERIFY(error.contains(QLatin1String("Save attachment")));
    }

    void htmlViewRefusesRemoteResources_data()
    {
        QTest::addColumn<QString>("url");
        QTest::newRow("http") << QStringLiteral("http://example.org/a.png");
        QTest::newRow("https") << QStringLiteral("https://example.org/a.png");
        QTest::newRow("file") << QStringLiteral("file:///etc/passwd");
        QTest::newRow("relative") << QStringLiteral("a.png");
    }
    void htmlViewRefusesRemoteResources()
    {
        QFETCH(QString, url);
        InboxHtmlView view;
        QVERIFY(!view.loadResource(QTextDocument::ImageResource, QUrl(url)).isValid());
        QCOMPARE(view.blockedCount(), 1);
        QVERIFY(!view.openLinks());
        QVERIFY(!view.openExternalLinks());
    }

    void deleteOneAndAll()
    {
        MailStore store(m_dir.filePath(QStringLiteral("delete")));
        store.removeAll();
        InboxPanel panel(&store);
        panel.show();
        const QString a =
            addMessage(store, "Subject: a\r\n\r\na\r\n", {QStringLiteral("x@y.example")});
        const QString b =
            addMessage(store, "Subject: b\r\n\r\nb\r\n", {QStringLiteral("x@y.example")});
        addMessage(store, "Subject: c\r\n\r\nc\r\n", {QStringLiteral("x@y.example")});
        panel.selectMessage(b);
        panel.deleteCurrent();
        QCOMPARE(store.count(), 2);
        QVERIFY(!store.contains(b));
        QVERIFY(store.content(b).isEmpty());
        QVERIFY(store.contains(a));
        panel.deleteAll();
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = panel.findChild<QMessageBox *>(QStringLiteral("deleteAllQuestion"))));
        QCOMPARE(store.count(), 2); // nothing gone before the answer
        box->button(QMessageBox::Yes)->click();
        QTRY_COMPARE(store.count(), 0);
        QCOMPARE(panel.findChild<QTableView *>(QStringLiteral("inboxList"))->model()->rowCount(),
                 0);
        // Their segments are gone.
        QTRY_COMPARE(QDir(store.folder()).entryList({QStringLiteral("*.pws")}, QDir::Files).size(),
                     0);
    }

    void behaviourFormDrivesServer()
    {
        SandboxServer server;
        server.setCredentials({QStringLiteral("sandbox"), QStringLiteral("pw123")});
        server.setTlsEnabled(false);
        QSignalSpy started(&server, &SandboxServer::started);
        SandboxBehaviourPanel panel(&server);
        panel.show();
        server.start();
        QCOMPARE(started.count(), 1);
        QCOMPARE(panel.findChild<QLabel *>(QStringLiteral("sandboxAddress"))->text(),
                 QStringLiteral("127.0.0.1:%1").arg(server.port()));
        QCOMPARE(panel.findChild<QLineEdit *>(QStringLiteral("sandboxUser"))->text(),
                 QStringLiteral("sandbox"));
        QCOMPARE(panel.findChild<QLineEdit *>(QStringLiteral("sandboxPassword"))->text(),
                 QStringLiteral("pw123"));

        panel.findChild<QCheckBox *>(QStringLiteral("requireAuth"))->setChecked(true);
        QVERIFY(server.behaviour().requireAuth);
        panel.findChild<QCheckBox *>(QStringLiteral("ext_CHUNKING"))->setChecked(false);
        QVERIFY(!server.behaviour().advertises(QStringLiteral("CHUNKING")));
        panel.findChild<QSpinBox *>(QStringLiteral("delay"))->setValue(250);
        QCOMPARE(server.behaviour().delayMs, 250);
        panel.findChild<QSpinBox *>(QStringLiteral("sizeLimit"))->setValue(10);
        QCOMPARE(server.behaviour().sizeLimit, 10 * 1024);
        QCOMPARE(server.behaviour().maxRecipients, 100); // RFC 5321's least, unless set
        panel.findChild<QSpinBox *>(QStringLiteral("maxRecipients"))->setValue(3);
        QCOMPARE(server.behaviour().maxRecipients, 3);
        auto *close = panel.findChild<QComboBox *>(QStringLiteral("closeAfter"));
        close->setCurrentIndex(close->findData(QStringLiteral("RCPT")));
        QCOMPARE(server.behaviour().closeAfter, QStringLiteral("RCPT"));
        auto *code = panel.findChild<QComboBox *>(QStringLiteral("deferCode"));
        code->setCurrentIndex(code->findData(450));
        QCOMPARE(server.behaviour().deferCode, 450);
        panel.findChild<QCheckBox *>(QStringLiteral("rejectData"))->setChecked(true);
        panel.findChild<QCheckBox *>(QStringLiteral("greeting421"))->setChecked(true);
        panel.findChild<QCheckBox *>(QStringLiteral("requireStartTls"))->setChecked(true);
        QVERIFY(server.behaviour().rejectData && server.behaviour().greeting421 &&
                server.behaviour().requireStartTls);
        QVERIFY(!server.behaviour().lenientEndOfData); // strict unless asked
        panel.findChild<QCheckBox *>(QStringLiteral("lenientEndOfData"))->setChecked(true);
        QVERIFY(server.behaviour().lenientEndOfData);

        // An invalid pattern is shown, naming the field, and not applied.
        auto *reject = panel.findChild<QLineEdit *>(QStringLiteral("rejectRecipients"));
        reject->setText(QStringLiteral("^ok@"));
        QCOMPARE(server.behaviour().rejectRecipients, QStringLiteral("^ok@"));
        reject->setText(QStringLiteral("(["));
        QVERIFY(panel.problem().contains(QLatin1String("Reject recipients")));
        QCOMPARE(server.behaviour().rejectRecipients, QStringLiteral("^ok@"));
        panel.findChild<QLineEdit *>(QStringLiteral("deferRecipients"))
            ->setText(QStringLiteral("busy"));
        QCOMPARE(server.behaviour().deferRecipients, QString()); // the form is still invalid
        reject->setText(QStringLiteral("^no@"));
        QVERIFY(panel.problem().isEmpty());
        QCOMPARE(server.behaviour().deferRecipients, QStringLiteral("busy"));

        // The form's behaviour is what the next session gets.
        SandboxTestClient client(server.port());
        QTRY_COMPARE(client.replies.size(), 1);
        QVERIFY(client.last().startsWith("421"));

        panel.resetBehaviour();
        QCOMPARE(server.behaviour(), SandboxBehaviour());
        QVERIFY(panel.findChild<QCheckBox *>(QStringLiteral("ext_CHUNKING"))->isChecked());
        QVERIFY(!panel.findChild<QCheckBox *>(QStringLiteral("requireAuth"))->isChecked());
    }

    void sandboxPanelDeliversLive()
    {
        MailStore store(m_dir.filePath(QStringLiteral("live")));
        store.removeAll();
        SandboxServer server;
        server.setStore(&store);
        server.setTlsEnabled(false);
        SandboxPanel panel(&server, &store);
        panel.show();
        server.start();
        QVERIFY(server.isListening());
        QVERIFY(!panel.accessibleName().isEmpty());
        SandboxTestClient client(server.port());
        client.send("EHLO c\r\nMAIL FROM:<a@b.example>\r\nRCPT TO:<c@d.example>\r\nDATA\r\n"
                    "Subject: live\r\n\r\nhello\r\n.\r\nQUIT\r\n");
        QTRY_VERIFY(client.closed);
        auto *list = panel.findChild<QTableView *>(QStringLiteral("inboxList"));
        QTRY_COMPARE(list->model()->rowCount(), 1);
        panel.showMessage(store.messages().first().id);
        // The stored transcript is completed when the session ends; the view follows.
        QTRY_VERIFY(panel.findChild<QPlainTextEdit *>(QStringLiteral("inboxTranscript"))
                        ->toPlainText()
                        .contains(QLatin1String("221 2.0.0")));
    }

    void everyControlHasAnAccessibleName()
    {
        MailStore store(m_dir.filePath(QStringLiteral("a11y")));
        SandboxServer server;
        SandboxPanel panel(&server, &store);
        const auto widgets = panel.findChildren<QWidget *>();
        for (QWidget *w : widgets) {
            if (qobject_cast<QLineEdit *>(w) || qobject_cast<QComboBox *>(w) ||
                qobject_cast<QSpinBox *>(w) || qobject_cast<QPlainTextEdit *>(w) ||
                qobject_cast<QTableView *>(w) || qobject_cast<QListWidget *>(w)) {
                if (qobject_cast<QLineEdit *>(w) && qobject_cast<QSpinBox *>(w->parent()))
                    continue; // a spin box's own editor
                if (qobject_cast<QLineEdit *>(w) && qobject_cast<QComboBox *>(w->parent()))
                    continue;
                QVERIFY2(!w->accessibleName().isEmpty(), w->metaObject()->className());
            }
        }
    }
};

QTEST_MAIN(TestSandboxPanel)
#include "tst_sandboxpanel.moc"
