// The transcript model and pane: sections, what each line answers, expansion, search, export.
#include "transcriptdelegate.h"
#include "transcriptmodel.h"
#include "transcriptview.h"

#include <QApplication>
#include <QPalette>

#include <QElapsedTimer>
#include <QLineEdit>
#include <QListView>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QToolButton>
#include <QtTest>
#include <cmath>

namespace {

TranscriptEntry entry(TranscriptEntry::Direction d, const QString &text, qint64 elapsed = 0)
{
    TranscriptEntry e;
    e.direction = d;
    e.text = text;
    e.elapsedMs = elapsed;
    return e;
}

using Kind = TranscriptCommand::Kind;
using Source = CommandOrigin::Source;

// A command as the client links it: its kind, line, number in the session and origin.
TranscriptCommand command(Kind kind, const QString &line, int id, Source source = Source::Protocol,
                          const QString &address = QString())
{
    TranscriptCommand c;
    c.kind = kind;
    c.line = line;
    c.id = id;
    c.origin.source = source;
    c.origin.address = address;
    return c;
}

TranscriptEntry client(const QString &text, const TranscriptCommand &c = TranscriptCommand())
{
    TranscriptEntry e = entry(TranscriptEntry::Direction::Client, text);
    e.command = c;
    return e;
}

// One server line; the code and "last line" flag come from the wire form, as the core sets them,
// and the command it answers is the client's link.
TranscriptEntry server(const QString &text, qint64 latency = -1,
                       const TranscriptCommand &answers = TranscriptCommand())
{
    TranscriptEntry e = entry(TranscriptEntry::Direction::Server, text);
    e.replyCode = text.left(3).toInt();
    e.lastLineOfReply = text.size() <= 3 || text[3] != QLatin1Char('-');
    e.latencyMs = latency;
    e.command = answers;
    return e;
}

TranscriptEntry content(const QString &text)
{
    TranscriptEntry e = client(text);
    e.content = true;
    e.command.origin.source = Source::Message;
    return e;
}

// A session as the client reports it: greeting, EHLO with extensions, a pipelined
// transaction where one recipient (the Cc) is refused, the first header lines of the data and a
// summary note carrying all headers, end of data, quit. Every line of a reply carries its
// latency and its link to the command it answers.
QList<TranscriptEntry> session()
{
    TranscriptEntry summary =
        entry(TranscriptEntry::Direction::Info,
              QStringLiteral("\u2026 message body: 3 lines, 1200 bytes in all "
                             "(headers above) \u2026"));
    summary.details = QStringLiteral("From: a@example.org\nSubject: <hi> & bye\n");
    const TranscriptCommand greeting = command(Kind::Greeting, QString(), 0);
    const TranscriptCommand ehlo =
        command(Kind::Ehlo, QStringLiteral("EHLO client.example"), 1, Source::EhloName);
    const TranscriptCommand auth =
        command(Kind::Auth, QStringLiteral("AUTH PLAIN ********"), 2, Source::Authentication);
    const TranscriptCommand mail = command(Kind::Mail, QStringLiteral("MAIL FROM:<a@example.org>"),
                                           3, Source::From, QStringLiteral("a@example.org"));
    const TranscriptCommand rcpt1 = command(Kind::Rcpt, QStringLiteral("RCPT TO:<b@example.org>"),
                                            4, Source::To, QStringLiteral("b@example.org"));
    const TranscriptCommand rcpt2 =
        command(Kind::Rcpt, QStringLiteral("RCPT TO:<nobody@example.org>"), 5, Source::Cc,
                QStringLiteral("nobody@example.org"));
    const TranscriptCommand data = command(Kind::Data, QStringLiteral("DATA"), 6, Source::Message);
    const TranscriptCommand end = command(Kind::EndOfData, QStringLiteral("."), 7, Source::Message);
    const TranscriptCommand quit = command(Kind::Quit, QStringLiteral("QUIT"), 8);
    TranscriptEntry authLine = client(auth.line, auth);
    authLine.redacted = true;
    return {server(QStringLiteral("220 mx.example ESMTP"), 12, greeting), client(ehlo.line, ehlo),
            server(QStringLiteral("250-mx.example"), 3, ehlo),
            server(QStringLiteral("250-PIPELINING"), 3, ehlo),
            server(QStringLiteral("250-SIZE 52428800"), 3, ehlo),
            server(QStringLiteral("250-AUTH PLAIN LOGIN"), 3, ehlo),
            server(QStringLiteral("250 ENHANCEDSTATUSCODES"), 3, ehlo), authLine,
            server(QStringLiteral("235 2.7.0 ok"), -1, auth), client(mail.line, mail),
            client(rcpt1.line, rcpt1), client(rcpt2.line, rcpt2), client(data.line, data),
            server(QStringLiteral("250 2.1.0 ok"), -1, mail),
            server(QStringLiteral("250 2.1.5 ok"), -1, rcpt1),
            server(QStringLiteral("550 5.1.1 No such user"), -1, rcpt2),
            server(QStringLiteral("354 go ahead"), -1, data),
            content(QStringLiteral("From: a@example.org")),
            // A header that starts like a command is still data.
            content(QStringLiteral("Data: not a command")), summary, client(end.line, end),
            server(QStringLiteral("250 2.0.0 queued as ABC123"), 40, end), client(quit.line, quit),
            server(QStringLiteral("221 bye"), -1, quit)};
}

int rowOf(const TranscriptModel &model, const QString &text)
{
    for (int i = 0; i < model.rowCount(); ++i) {
        const TranscriptEntry *e = model.entry(i);
        if (e && e->text == text)
            return i;
    }
    return -1;
}

} // namespace

class TestTranscriptModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void hundredThousandRows()
    {
        TranscriptModel model;
        QListView view;
        view.setUniformItemSizes(true);
        view.setModel(&model);
        view.resize(600, 400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        model.beginSection(QStringLiteral("localhost:25"), QStringLiteral("test"));
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < 100000; ++i) {
            const TranscriptCommand rcpt =
                command(Kind::Rcpt, QStringLiteral("RCPT TO:<u%1@example.org>").arg(i / 2 * 2),
                        i / 2, Source::To);
            model.append(i % 2 ? server(QStringLiteral("250 2.1.5 ok %1").arg(i), -1, rcpt)
                               : client(rcpt.line, rcpt));
        }
        qInfo("100,000 rows appended one by one in %lld ms", timer.elapsed());
        QCOMPARE(model.rowCount(), 100001);
        QCOMPARE(model.entryCount(), 100000);
        view.scrollToBottom();
        QTRY_VERIFY(view.verticalScrollBar()->maximum() > 0);
        QTRY_COMPARE(view.verticalScrollBar()->value(), view.verticalScrollBar()->maximum());
        // The last row is on screen.
        QTRY_VERIFY(view.viewport()->rect().contains(
            view.visualRect(model.index(model.rowCount() - 1)).center()));
        QCOMPARE(model.find(QStringLiteral("u99998@"), -1), 99999);
        // Pairs stay matched after 50,000 exchanges.
        QCOMPARE(model.data(model.index(100000), TranscriptModel::CommandRole).toString(),
                 QStringLiteral("RCPT"));
    }

    void sections()
    {
        TranscriptModel model;
        model.beginSection(QStringLiteral("smtp.example.org:587"), QStringLiteral("Work"),
                           QDateTime(QDate(2024, 5, 1), QTime(12, 0, 3)));
        model.appendEntries(session());
        model.beginSection(QStringLiteral("smtp.example.org:465"), QStringLiteral("Home"));
        model.append(
            entry(TranscriptEntry::Direction::Error, QStringLiteral("Connection refused")));
        QCOMPARE(model.sectionCount(), 2);
        QCOMPARE(model.kind(0), TranscriptModel::RowKind::Section);
        QCOMPARE(model.kind(int(session().size()) + 1), TranscriptModel::RowKind::Section);
        const QString title = model.data(model.index(0)).toString();
        QVERIFY2(title.contains(QStringLiteral("smtp.example.org:587")), qPrintable(title));
        QVERIFY2(title.contains(QStringLiteral("Work")), qPrintable(title));
        const QString text = model.toPlainText();
        QCOMPARE(text.count(QStringLiteral("=== Send at")), 2);
        // The earlier attempt stays above the later one.
        QVERIFY(text.indexOf(QStringLiteral("Work")) < text.indexOf(QStringLiteral("Home")));
        QVERIFY(text.contains(QStringLiteral("!! Connection refused")));
        // A reply the client linked to no command has none.
        model.append(server(QStringLiteral("220 hello")));
        QCOMPARE(
            model.data(model.index(model.rowCount() - 1), TranscriptModel::CommandRole).toString(),
            QString());
    }

    void repliesKnowTheirCommand_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("explanationContains");
        QTest::newRow("greeting") << QStringLiteral("220 mx.example ESMTP") << QString()
                                  << QStringLiteral("greeting");
        QTest::newRow("ehlo first line") << QStringLiteral("250-mx.example")
                                         << QStringLiteral("EHLO") << QStringLiteral("extensions");
        QTest::newRow("ehlo extension") << QStringLiteral("250-SIZE 52428800")
                                        << QStringLiteral("EHLO") << QStringLiteral("50.0 MB");
        QTest::newRow("auth") << QStringLiteral("235 2.7.0 ok") << QStringLiteral("AUTH")
                              << QStringLiteral("authentication succeeded");
        QTest::newRow("pipelined mail") << QStringLiteral("250 2.1.0 ok") << QStringLiteral("MAIL")
                                        << QStringLiteral("sender accepted");
        QTest::newRow("pipelined rcpt") << QStringLiteral("250 2.1.5 ok") << QStringLiteral("RCPT")
                                        << QStringLiteral("recipient accepted");
        QTest::newRow("refused rcpt")
            << QStringLiteral("550 5.1.1 No such user") << QStringLiteral("RCPT")
            << QStringLiteral("fix the address, do not retry");
        QTest::newRow("refused rcpt names its recipient")
            << QStringLiteral("550 5.1.1 No such user") << QStringLiteral("RCPT")
            << QStringLiteral("answers RCPT TO:<nobody@example.org> (the Cc field");
        QTest::newRow("rcpt names its field")
            << QStringLiteral("RCPT TO:<b@example.org>") << QStringLiteral("RCPT")
            << QStringLiteral("from the To field (b@example.org)");
        QTest::newRow("data") << QStringLiteral("354 go ahead") << QStringLiteral("DATA")
                              << QStringLiteral("\".\"");
        QTest::newRow("end of data") << QStringLiteral("250 2.0.0 queued as ABC123")
                                     << QStringLiteral(".") << QStringLiteral("message accepted");
        QTest::newRow("quit") << QStringLiteral("221 bye") << QStringLiteral("QUIT")
                              << QStringLiteral("closing");
        QTest::newRow("client mail") << QStringLiteral("MAIL FROM:<a@example.org>")
                                     << QStringLiteral("MAIL") << QStringLiteral("envelope sender");
        QTest::newRow("redacted auth")
            << QStringLiteral("AUTH PLAIN ********") << QStringLiteral("AUTH")
            << QStringLiteral("secret is hidden");
    }
    void repliesKnowTheirCommand()
    {
        QFETCH(QString, line);
        QFETCH(QString, command);
        QFETCH(QString, explanationContains);
        TranscriptModel model;
        model.beginSection(QStringLiteral("mx.example:25"), QString());
        model.appendEntries(session());
        const int row = rowOf(model, line);
        QVERIFY(row > 0);
        QCOMPARE(model.data(model.index(row), TranscriptModel::CommandRole).toString(), command);
        const QString tip = model.data(model.index(row), Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(explanationContains), qPrintable(tip));
    }

    // Four identical "250 2.1.5 Ok" in one pipelined group each say whose they are.
    void pipelinedRepliesSayWhatTheyAnswer_data()
    {
        QTest::addColumn<int>("reply");
        QTest::addColumn<QString>("tag");
        QTest::newRow("mail") << 0 << QStringLiteral("\u2190 MAIL FROM:<a@example.org> (From)");
        QTest::newRow("to") << 1 << QStringLiteral("\u2190 RCPT TO:<zoe@example.org> (To)");
        QTest::newRow("cc") << 2 << QStringLiteral("\u2190 RCPT TO:<cy@example.org> (Cc)");
        QTest::newRow("bcc") << 3 << QStringLiteral("\u2190 RCPT TO:<carla@example.org> (Bcc)");
        QTest::newRow("data") << 4 << QStringLiteral("\u2190 DATA");
        QTest::newRow("alone") << 5 << QString();
    }
    void pipelinedRepliesSayWhatTheyAnswer()
    {
        QFETCH(int, reply);
        QFETCH(QString, tag);
        const QList<TranscriptCommand> group = {
            command(Kind::Mail, QStringLiteral("MAIL FROM:<a@example.org>"), 3, Source::From,
                    QStringLiteral("a@example.org")),
            command(Kind::Rcpt, QStringLiteral("RCPT TO:<zoe@example.org>"), 4, Source::To,
                    QStringLiteral("zoe@example.org")),
            command(Kind::Rcpt, QStringLiteral("RCPT TO:<cy@example.org>"), 5, Source::Cc,
                    QStringLiteral("cy@example.org")),
            command(Kind::Rcpt, QStringLiteral("RCPT TO:<carla@example.org>"), 6, Source::Bcc,
                    QStringLiteral("carla@example.org")),
            command(Kind::Data, QStringLiteral("DATA"), 7, Source::Message)};
        TranscriptModel model;
        model.beginSection(QStringLiteral("mx.example:25"), QString());
        QList<TranscriptEntry> entries;
        for (int i = 0; i < group.size(); ++i) {
            TranscriptCommand c = group[i];
            c.group = 1;
            c.groupIndex = i;
            c.groupSize = int(group.size());
            entries << client(c.line, c);
        }
        for (int i = 0; i < group.size(); ++i) {
            TranscriptCommand c = entries[i].command;
            entries << server(
                i == 4 ? QStringLiteral("354 go ahead") : QStringLiteral("250 2.1.5 Ok"), -1, c);
        }
        const TranscriptCommand quit = command(Kind::Quit, QStringLiteral("QUIT"), 9);
        entries << client(quit.line, quit) << server(QStringLiteral("221 bye"), -1, quit);
        model.appendEntries(entries);
        // The replies follow the five commands (and the section row); the sixth is QUIT's.
        const int row = 1 + int(group.size()) + (reply < 5 ? reply : reply + 1);
        QCOMPARE(model.data(model.index(row), TranscriptModel::AnswersRole).toString(), tag);
        // Commands themselves carry no tag.
        if (reply < 5)
            QCOMPARE(model.data(model.index(1 + reply), TranscriptModel::AnswersRole).toString(),
                     QString());
    }

    void latencyOnLastLineOfReply()
    {
        TranscriptModel model;
        model.appendEntries(session());
        const int first = rowOf(model, QStringLiteral("250-mx.example"));
        const int last = rowOf(model, QStringLiteral("250 ENHANCEDSTATUSCODES"));
        QCOMPARE(model.data(model.index(last), TranscriptModel::LatencyRole).toLongLong(), 3);
        for (int row = first; row < last; ++row)
            QCOMPARE(model.data(model.index(row), TranscriptModel::LatencyRole).toLongLong(), -1);
        QCOMPARE(model.data(model.index(first - 1), TranscriptModel::LatencyRole).toLongLong(), -1);
        QVERIFY(model.toPlainText().contains(
            QStringLiteral("S: 250 2.0.0 queued as ABC123   (+40 ms)")));
    }

    void ehloExpandsIntoExtensionTable()
    {
        TranscriptModel model;
        model.appendEntries(session());
        const int last = rowOf(model, QStringLiteral("250 ENHANCEDSTATUSCODES"));
        QVERIFY(model.isExpandable(last));
        QVERIFY(!model.isExpandable(rowOf(model, QStringLiteral("250-PIPELINING"))));
        QVERIFY(!model.isExpandable(rowOf(model, QStringLiteral("235 2.7.0 ok"))));
        const QList<TranscriptModel::Extension> exts = model.extensions(last);
        QCOMPARE(exts.size(), 4);
        QCOMPARE(exts[2].keyword, QStringLiteral("AUTH"));
        QCOMPARE(exts[2].parameters, QStringLiteral("PLAIN LOGIN"));
        // Any line of the reply gives the same table.
        QCOMPARE(model.extensions(rowOf(model, QStringLiteral("250-mx.example"))).size(), 4);

        const int before = model.rowCount();
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.setExpanded(last, true);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(model.rowCount(), before + 4);
        QCOMPARE(model.kind(last + 1), TranscriptModel::RowKind::Detail);
        QCOMPARE(model.data(model.index(last + 1), TranscriptModel::TextRole).toString(),
                 QStringLiteral("PIPELINING"));
        QVERIFY(model.data(model.index(last + 2), TranscriptModel::DetailNoteRole)
                    .toString()
                    .contains(QStringLiteral("50.0 MB")));
        // Derived rows do not go into a saved transcript.
        QCOMPARE(model.toPlainText().count(QStringLiteral("without waiting")), 0);
        model.setExpanded(last, false);
        QCOMPARE(model.rowCount(), before);
        QCOMPARE(model.kind(last + 1), TranscriptModel::RowKind::Entry);
    }

    void dataShowsHeadersWhenExpanded()
    {
        TranscriptModel model;
        model.appendEntries(session());
        const int row = model.find(QStringLiteral("message body:"), -1);
        QVERIFY(row > 0);
        QVERIFY(model.isExpandable(row));
        QVERIFY(model.explanation(row).contains(QStringLiteral("expand")));
        model.toggleExpanded(row);
        QVERIFY(model.isExpanded(row));
        QCOMPARE(model.data(model.index(row + 1), TranscriptModel::TextRole).toString(),
                 QStringLiteral("From: a@example.org"));
        QCOMPARE(model.data(model.index(row + 2), TranscriptModel::TextRole).toString(),
                 QStringLiteral("Subject: <hi> & bye"));
        // Header lines are data, not commands; the replies still pair with their commands.
        const int header = rowOf(model, QStringLiteral("Data: not a command"));
        QCOMPARE(model.data(model.index(header), TranscriptModel::CommandRole).toString(),
                 QString());
        QVERIFY(model.explanation(header).contains(QStringLiteral("header line")));
        const int end = rowOf(model, QStringLiteral("250 2.0.0 queued as ABC123"));
        QCOMPARE(model.data(model.index(end), TranscriptModel::CommandRole).toString(),
                 QStringLiteral("."));
        QCOMPARE(model
                     .data(model.index(rowOf(model, QStringLiteral("221 bye"))),
                           TranscriptModel::CommandRole)
                     .toString(),
                 QStringLiteral("QUIT"));
        // The saved transcript carries the summary's headers once, expanded or not.
        QCOMPARE(model.toPlainText().count(QStringLiteral("| Subject: <hi> & bye")), 1);
        model.toggleExpanded(row);
        QCOMPARE(model.toPlainText().count(QStringLiteral("| Subject: <hi> & bye")), 1);
    }

    // With the message as it went out, expanding its summary shows each header explained (an
    // encoded word decoded under its raw form) and the MIME tree.
    void messageExpandsIntoHeadersAndTree_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("note");
        QTest::newRow("date") << QStringLiteral("  Date: Mon, 30 Nov 2026 02:41:53 +0000")
                              << QStringLiteral("when the message was written");
        QTest::newRow("raw subject") << QStringLiteral("  Subject: =?UTF-8?B?R3LDvMOfZQ==?=")
                                     << QStringLiteral("the subject line");
        QTest::newRow("decoded subject")
            << QStringLiteral("    = Gr\u00fc\u00dfe") << QStringLiteral("decoded (RFC 2047)");
        QTest::newRow("mime-version")
            << QStringLiteral("  MIME-Version: 1.0") << QStringLiteral("uses MIME");
        QTest::newRow("root") << QStringLiteral("  multipart/alternative")
                              << QStringLiteral("2 parts");
        QTest::newRow("plain") << QStringLiteral("     \u2514 text/plain")
                               << QStringLiteral("2 B, 7bit");
        QTest::newRow("html") << QStringLiteral("     \u2514 text/html")
                              << QStringLiteral("base64");
    }
    void messageExpandsIntoHeadersAndTree()
    {
        QFETCH(QString, text);
        QFETCH(QString, note);
        TranscriptModel model;
        model.beginSection(QStringLiteral("mx.example:25"), QString());
        model.appendEntries(session());
        const int row = model.find(QStringLiteral("message body:"), -1);
        model.setExpanded(row, true);
        const int plainRows = model.rowCount();
        model.setMessage(0, "Date: Mon, 30 Nov 2026 02:41:53 +0000\r\n"
                            "Subject: =?UTF-8?B?R3LDvMOfZQ==?=\r\n"
                            "MIME-Version: 1.0\r\n"
                            "Content-Type: multipart/alternative; boundary=b\r\n\r\n"
                            "--b\r\nContent-Type: text/plain\r\n\r\nHi\r\n"
                            "--b\r\nContent-Type: text/html\r\n"
                            "Content-Transfer-Encoding: base64\r\n\r\nPHA+SGk8L3A+\r\n--b--\r\n");
        // Already expanded: the rows are made again from the message.
        QVERIFY(model.isExpanded(row));
        QVERIFY(model.rowCount() > plainRows);
        QVERIFY(model.explanation(row).contains(QStringLiteral("MIME structure")));
        int found = -1;
        for (int i = row + 1;
             i < model.rowCount() && model.kind(i) == TranscriptModel::RowKind::Detail; ++i) {
            if (model.data(model.index(i), TranscriptModel::TextRole).toString() == text)
                found = i;
        }
        QVERIFY2(found > row, qPrintable(text));
        // The meaning is beside a decoded value, under a field.
        const QString shown =
            model.data(model.index(found), TranscriptModel::DetailNoteRole).toString() +
            model.data(model.index(found + 1), TranscriptModel::DetailNoteRole).toString() +
            model.data(model.index(found + 2), TranscriptModel::DetailNoteRole).toString();
        QVERIFY2(shown.contains(note), qPrintable(shown));
        // Derived rows stay out of a saved transcript; the summary's headers go in once.
        QVERIFY(!model.toPlainText().contains(QStringLiteral("multipart/alternative")));
        model.setExpanded(row, false);
        QCOMPARE(model.kind(row + 1), TranscriptModel::RowKind::Entry);
    }

    void search()
    {
        TranscriptModel model;
        model.beginSection(QStringLiteral("mx.example:25"), QString());
        model.appendEntries(session());
        const int first = model.find(QStringLiteral("rcpt to"), -1);
        QCOMPARE(first, rowOf(model, QStringLiteral("RCPT TO:<b@example.org>")));
        const int second = model.find(QStringLiteral("rcpt to"), first);
        QCOMPARE(second, rowOf(model, QStringLiteral("RCPT TO:<nobody@example.org>")));
        QCOMPARE(model.find(QStringLiteral("rcpt to"), second), first);       // wraps
        QCOMPARE(model.find(QStringLiteral("rcpt to"), first, true), second); // backwards wraps
        QCOMPARE(model.find(QStringLiteral("RCPT TO"), -1, false, Qt::CaseSensitive), first);
        QCOMPARE(model.find(QStringLiteral("rcpt to"), -1, false, Qt::CaseSensitive), -1);
        QCOMPARE(model.find(QStringLiteral("no such text"), -1), -1);
        QCOMPARE(model.find(QString(), -1), -1);
    }

    void exportEscapes()
    {
        TranscriptModel model;
        model.beginSection(QStringLiteral("<evil>:25"), QStringLiteral("a&b"));
        model.append(server(QStringLiteral("550 <script>alert(1)</script> & \"x\"")));
        TranscriptEntry auth = client(
            QStringLiteral("AUTH PLAIN ********"),
            command(Kind::Auth, QStringLiteral("AUTH PLAIN ********"), 1, Source::Authentication));
        auth.redacted = true;
        model.append(auth);
        const QString html = model.toHtml();
        QVERIFY(!html.contains(QStringLiteral("<script>")));
        QVERIFY(!html.contains(QStringLiteral("<evil>")));
        QVERIFY(html.contains(QStringLiteral("&lt;script&gt;alert(1)&lt;/script&gt; &amp; "
                                             "&quot;x&quot;")));
        QVERIFY(html.contains(QStringLiteral("&lt;evil&gt;:25")));
        QVERIFY(html.contains(QStringLiteral("a&amp;b")));
        QVERIFY(html.contains(QStringLiteral("AUTH PLAIN ********")));
        QVERIFY(html.startsWith(QStringLiteral("<!DOCTYPE html>")));
        const QString text = model.toPlainText();
        QVERIFY(text.contains(QStringLiteral("S: 550 <script>alert(1)</script> & \"x\"")));
        QVERIFY(text.contains(QStringLiteral("C: AUTH PLAIN ********")));
    }

    void clear()
    {
        TranscriptModel model;
        model.beginSection(QStringLiteral("mx.example:25"), QString());
        model.appendEntries(session());
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.clear();
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.sectionCount(), 0);
        QCOMPARE(model.toPlainText(), QString());
    }

    void viewSavesCopiesFindsAndExpands()
    {
        TranscriptModel model;
        TranscriptView view(&model);
        view.resize(900, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        model.beginSection(QStringLiteral("mx.example:25"), QStringLiteral("Work"));
        model.appendEntries(session());

        QTemporaryDir dir;
        QString error;
        QVERIFY2(view.saveTo(dir.filePath(QStringLiteral("t.html")), &error), qPrintable(error));
        QVERIFY2(view.saveTo(dir.filePath(QStringLiteral("t.txt")), &error), qPrintable(error));
        QFile html(dir.filePath(QStringLiteral("t.html")));
        QVERIFY(html.open(QIODevice::ReadOnly));
        QVERIFY(html.readAll().startsWith("<!DOCTYPE html>"));
        QFile text(dir.filePath(QStringLiteral("t.txt")));
        QVERIFY(text.open(QIODevice::ReadOnly));
        QVERIFY(text.readAll().contains("S: 550 5.1.1 No such user"));
        QVERIFY(!view.saveTo(dir.filePath(QStringLiteral("missing/dir/t.txt")), &error));
        QVERIFY(error.contains(QStringLiteral("missing/dir")));

        view.searchField()->setText(QStringLiteral("nobody"));
        QVERIFY(view.findNext());
        const int row = view.listView()->currentIndex().row();
        QCOMPARE(row, rowOf(model, QStringLiteral("RCPT TO:<nobody@example.org>")));
        QVERIFY(view.noteView()->toPlainText().contains(QStringLiteral("envelope recipient")));
        QCOMPARE(view.selectedText().trimmed(),
                 QStringLiteral("0 ms C: RCPT TO:<nobody@example.org>"));
        view.searchField()->setText(QStringLiteral("no such text at all"));
        QVERIFY(!view.findNext());

        // Keyboard: Right expands the EHLO reply, Left collapses it.
        const int ehlo = rowOf(model, QStringLiteral("250 ENHANCEDSTATUSCODES"));
        view.listView()->setCurrentIndex(model.index(ehlo));
        view.listView()->setFocus();
        QTest::keyClick(view.listView(), Qt::Key_Right);
        QVERIFY(model.isExpanded(ehlo));
        QVERIFY(view.noteView()->toPlainText().contains(QStringLiteral("PIPELINING")));
        QTest::keyClick(view.listView(), Qt::Key_Left);
        QVERIFY(!model.isExpanded(ehlo));
        QTest::keyClick(view.listView(), Qt::Key_Return);
        QVERIFY(model.isExpanded(ehlo));

        view.clearAction()->trigger();
        QCOMPARE(model.rowCount(), 0);
    }
    void newSendIsShownWhereverThePersonReads()
    {
        TranscriptModel model;
        TranscriptView view(&model);
        view.resize(700, 300);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QScrollBar *bar = view.listView()->verticalScrollBar();
        model.beginSection(QStringLiteral("mx.example:25"), QStringLiteral("Work"));
        for (int i = 0; i < 4; ++i)
            model.appendEntries(session());
        QTRY_VERIFY(bar->maximum() > 0);
        QTRY_COMPARE(bar->value(), bar->maximum()); // followed while at the end

        // The person scrolls up and clicks an older line: kept where they read, told that the
        // dialogue goes on below.
        bar->setValue(0);
        const int older = rowOf(model, QStringLiteral("RCPT TO:<nobody@example.org>"));
        view.listView()->setCurrentIndex(model.index(older));
        QVERIFY(!view.noteView()->toPlainText().isEmpty());
        QVERIFY(view.newLinesMarker()->isHidden());
        const int reading = bar->value();
        QVERIFY(reading < bar->maximum());
        model.appendEntries(session());
        QVERIFY(!view.newLinesMarker()->isHidden());
        QCOMPARE(bar->value(), reading);

        // A new send: its section is shown, and the old line is explained no longer.
        model.beginSection(QStringLiteral("mx.example:587"), QStringLiteral("Home"));
        model.appendEntries(session());
        QVERIFY(view.noteView()->toPlainText().isEmpty());
        QVERIFY(!view.listView()->currentIndex().isValid());
        QVERIFY(view.newLinesMarker()->isHidden());
        QTRY_COMPARE(bar->value(), bar->maximum());

        // The marker takes the reader to the end.
        bar->setValue(0);
        model.appendEntries(session());
        QVERIFY(!view.newLinesMarker()->isHidden());
        view.newLinesMarker()->click();
        QTRY_COMPARE(bar->value(), bar->maximum());
        QVERIFY(view.newLinesMarker()->isHidden());
    }

    void contrastRatioIsWcags()
    {
        // Known values: black on white is 21:1, a colour on itself 1:1, #767676 on white 4.54:1.
        QCOMPARE(qRound(TranscriptDelegate::contrastRatio(Qt::black, Qt::white) * 100), 2100);
        QCOMPARE(
            TranscriptDelegate::contrastRatio(QColor(0x33, 0x66, 0x99), QColor(0x33, 0x66, 0x99)),
            1.0);
        QCOMPARE(
            qRound(TranscriptDelegate::contrastRatio(QColor(0x76, 0x76, 0x76), Qt::white) * 100),
            454);
    }

    void coloursReadableInLightAndDark_data()
    {
        QTest::addColumn<QColor>("base");
        QTest::addColumn<QColor>("text");
        QTest::addColumn<QColor>("highlight");
        QTest::newRow("light") << QColor(Qt::white) << QColor(Qt::black)
                               << QColor(0x30, 0x8c, 0xc6);
        QTest::newRow("dark") << QColor(0x20, 0x20, 0x20) << QColor(0xee, 0xee, 0xee)
                              << QColor(0x2a, 0x82, 0xda);
        QTest::newRow("dark grey")
            << QColor(0x2d, 0x2d, 0x30) << QColor(0xdd, 0xdd, 0xdd) << QColor(0x26, 0x4f, 0x78);
        // Palettes the fixed colours were not picked for.
        QTest::newRow("Breeze Dark")
            << QColor(0x23, 0x26, 0x29) << QColor(0xfc, 0xfc, 0xfc) << QColor(0x3d, 0xae, 0xe9);
        QTest::newRow("Adwaita dark")
            << QColor(0x1e, 0x1e, 0x1e) << QColor(0xff, 0xff, 0xff) << QColor(0x35, 0x84, 0xe4);
        QTest::newRow("dim grey") << QColor(0x55, 0x55, 0x55) << QColor(0xf0, 0xf0, 0xf0)
                                  << QColor(0x80, 0x80, 0xc0);
        QTest::newRow("mid grey") << QColor(0x80, 0x80, 0x80) << QColor(Qt::black)
                                  << QColor(0x40, 0x40, 0xa0);
        QTest::newRow("solarized light")
            << QColor(0xfd, 0xf6, 0xe3) << QColor(0x65, 0x7b, 0x83) << QColor(0x26, 0x8b, 0xd2);
        QTest::newRow("high contrast black")
            << QColor(Qt::black) << QColor(Qt::white) << QColor(Qt::yellow);
    }
    void coloursReadableInLightAndDark()
    {
        QFETCH(QColor, base);
        QFETCH(QColor, text);
        QFETCH(QColor, highlight);
        QPalette palette;
        palette.setColor(QPalette::Base, base);
        palette.setColor(QPalette::Text, text);
        palette.setColor(QPalette::Highlight, highlight);
        using RB = TranscriptDelegate::RowBackground;
        const QList<std::pair<RB, const char *>> backgrounds{
            {RB::Plain, "plain"}, {RB::Linked, "linked"}, {RB::SearchMatch, "search match"}};
        for (const auto &background : backgrounds) {
            // Named copies: a lambda may not capture structured bindings before C++20's
            // relaxation reached clang (16), and the sanitizer build uses clang 14.
            const RB kind = background.first;
            const char *const kindName = background.second;
            const QColor bg = TranscriptDelegate::background(kind, palette);
            auto check = [&](const QColor &c, const QString &what) {
                const qreal ratio = TranscriptDelegate::contrastRatio(c, bg);
                QVERIFY2(ratio >= 4.5,
                         qPrintable(QStringLiteral("%1 on a %2 row (%3 on %4): %5:1")
                                        .arg(what, QLatin1String(kindName), c.name(), bg.name())
                                        .arg(ratio, 0, 'f', 2)));
            };
            // Every direction there is (DNS too, where direct delivery adds it).
            const QMetaEnum directions = QMetaEnum::fromType<TranscriptEntry::Direction>();
            for (int i = 0; i < directions.keyCount(); ++i) {
                const auto d = TranscriptEntry::Direction(directions.value(i));
                check(TranscriptDelegate::colorFor(d, palette, bg), TranscriptEntry::prefix(d));
            }
            check(TranscriptDelegate::dimColor(palette, bg), QStringLiteral("times and notes"));
        }
        // Where the fixed colours already read, they are kept: the hues stay recognisable.
        if (base == QColor(Qt::white))
            QCOMPARE(TranscriptDelegate::colorFor(TranscriptEntry::Direction::Client, palette),
                     QColor(0x1c, 0x4f, 0xa0));
    }
};

QTEST_MAIN(TestTranscriptModel)
#include "tst_transcriptmodel.moc"
