// Replies and forwards made from received messages: subjects, threading headers, the address
// sets of reply and reply-all, quoting, and a forward as attachment read back by Python.
#include "mime/emlparser.h"
#include "mime/mimewriter.h"
#include "mime/replybuilder.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

Q_DECLARE_METATYPE(ReplyBuilder::Kind)

namespace {

Message parsed(const QByteArray &headers, const QByteArray &body = "Hello.\r\n")
{
    QTemporaryDir dir;
    QString error;
    const std::optional<Message> m = EmlParser::parse(headers + "\r\n" + body, dir.path(), &error);
    if (!m)
        qFatal("%s", qPrintable(error));
    return *m;
}

QStringList addresses(const QList<Mailbox> &list)
{
    QStringList out;
    for (const Mailbox &m : list)
        out << m.address;
    return out;
}

QList<Mailbox> me()
{
    return {{QStringLiteral("Me"), QStringLiteral("me@example.org")},
            {QStringLiteral("Me at work"), QStringLiteral("me@work.example")}};
}

} // namespace

class TestReplyBuilder : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void replySubject_data()
    {
        QTest::addColumn<QString>("subject");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << "Lunch"
                               << "Re: Lunch";
        QTest::newRow("already") << "Re: Lunch"
                                 << "Re: Lunch";
        QTest::newRow("upper") << "RE: Lunch"
                               << "Re: Lunch";
        QTest::newRow("german") << "Aw: Lunch"
                                << "Re: Lunch";
        QTest::newRow("nordic") << "SV: Lunch"
                                << "Re: Lunch";
        QTest::newRow("stacked") << "Re: RE: Aw: Lunch"
                                 << "Re: Lunch";
        QTest::newRow("counted") << "Re[2]: Lunch"
                                 << "Re: Lunch";
        QTest::newRow("no space") << "re:Lunch"
                                  << "Re: Lunch";
        QTest::newRow("forward kept") << "Fwd: Lunch"
                                      << "Re: Fwd: Lunch";
        QTest::newRow("word not prefix") << "Regarding lunch"
                                         << "Re: Regarding lunch";
        QTest::newRow("area code") << "Are we on?"
                                   << "Re: Are we on?";
        QTest::newRow("empty") << ""
                               << "Re: ";
    }
    void replySubject()
    {
        QFETCH(QString, subject);
        QFETCH(QString, expected);
        QCOMPARE(ReplyBuilder::replySubject(subject), expected);
    }

    void forwardSubject_data()
    {
        QTest::addColumn<QString>("subject");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << "Report"
                               << "Fwd: Report";
        QTest::newRow("already") << "Fwd: Report"
                                 << "Fwd: Report";
        QTest::newRow("fw") << "FW: Report"
                            << "Fwd: Report";
        QTest::newRow("german") << "WG: Report"
                                << "Fwd: Report";
        QTest::newRow("reply kept") << "Re: Report"
                                    << "Fwd: Re: Report";
        QTest::newRow("stacked") << "Fwd: Fw: Report"
                                 << "Fwd: Report";
    }
    void forwardSubject()
    {
        QFETCH(QString, subject);
        QFETCH(QString, expected);
        QCOMPARE(ReplyBuilder::forwardSubject(subject), expected);
    }

    void threading_data()
    {
        QTest::addColumn<QByteArray>("headers");
        QTest::addColumn<QString>("inReplyTo");
        QTest::addColumn<QStringList>("references");
        const QByteArray base = "From: a@example.com\r\nTo: me@example.org\r\nSubject: x\r\n";
        QTest::newRow("first message") << base + "Message-ID: <1@example.com>\r\n"
                                       << "1@example.com" << QStringList{"1@example.com"};
        QTest::newRow("chain") << base + "Message-ID: <3@x>\r\nIn-Reply-To: <2@x>\r\n"
                                         "References: <1@x> <2@x>\r\n"
                               << "3@x" << QStringList{"1@x", "2@x", "3@x"};
        QTest::newRow("in-reply-to only") << base + "Message-ID: <3@x>\r\nIn-Reply-To: <2@x>\r\n"
                                          << "3@x" << QStringList{"2@x", "3@x"};
        QTest::newRow("folded references")
            << base + "Message-ID: <3@x>\r\nReferences: <1@x>\r\n <2@x>\r\n"
            << "3@x" << QStringList{"1@x", "2@x", "3@x"};
        QTest::newRow("no message id") << base + "References: <1@x>\r\n"
                                       << "" << QStringList{"1@x"};
        QTest::newRow("nothing") << base << "" << QStringList();
    }
    void threading()
    {
        QFETCH(QByteArray, headers);
        QFETCH(QString, inReplyTo);
        QFETCH(QStringList, references);
        for (auto kind : {ReplyBuilder::Kind::Reply, ReplyBuilder::Kind::ReplyAll}) {
            const Message r = ReplyBuilder::build(parsed(headers), kind, me());
            QCOMPARE(r.inReplyTo, inReplyTo);
            QCOMPARE(r.references, references);
        }
        const Message f = ReplyBuilder::build(parsed(headers), ReplyBuilder::Kind::Forward, me());
        QVERIFY(f.inReplyTo.isEmpty());
    }

    // A flowed original is quoted as its paragraphs, one "> " line each (the reply, sent
    // flowed, wraps them again), its own quotes one level deeper.
    void quotesFlowedParagraphs()
    {
        const Message r = ReplyBuilder::build(
            parsed(
                "From: Ana <ana@x.org>\r\nSubject: s\r\nDate: Mon, 2 Mar 2026 10:00:00 +0000\r\n"
                "Content-Type: text/plain; format=flowed; delsp=yes\r\n",
                "A paragraph that was wrap \r\nped by the sender.\r\n\r\n> Bo's  \r\n> words\r\n"),
            ReplyBuilder::Kind::Reply, me());
        const QStringList lines = r.text.split(QLatin1Char('\n'));
        QVERIFY2(lines.contains(QStringLiteral("> A paragraph that was wrapped by the sender.")),
                 qPrintable(r.text));
        QVERIFY2(lines.contains(QStringLiteral(">> Bo's words")), qPrintable(r.text));
    }

    void longChainIsTrimmed()
    {
        QByteArray refs;
        for (int i = 0; i < 30; ++i)
            refs += " <" + QByteArray::number(i) + "@x>";
        const Message r = ReplyBuilder::build(
            parsed("From: a@x\r\nSubject: s\r\nMessage-ID: <new@x>\r\nReferences:" + refs + "\r\n"),
            ReplyBuilder::Kind::Reply, me());
        QCOMPARE(r.references.size(), ReplyBuilder::MaxReferences);
        QCOMPARE(r.references.first(), QStringLiteral("0@x"));
        QCOMPARE(r.references.last(), QStringLiteral("new@x"));
        QCOMPARE(r.references.at(r.references.size() - 2), QStringLiteral("29@x"));
    }

    void recipients_data()
    {
        QTest::addColumn<QByteArray>("headers");
        QTest::addColumn<ReplyBuilder::Kind>("kind");
        QTest::addColumn<QStringList>("to");
        QTest::addColumn<QStringList>("cc");
        QTest::addColumn<QString>("from");
        using K = ReplyBuilder::Kind;
        const QByteArray group = "From: Ana <ana@example.com>\r\nSubject: s\r\n"
                                 "To: me@example.org, Bo <bo@example.com>\r\n"
                                 "Cc: cy@example.com, ME@EXAMPLE.ORG, Ana <ana@example.com>\r\n";
        QTest::newRow("reply: the author") << group << K::Reply << QStringList{"ana@example.com"}
                                           << QStringList() << "me@example.org";
        QTest::newRow("reply all: everyone but me, once")
            << group << K::ReplyAll << QStringList{"ana@example.com"}
            << QStringList{"bo@example.com", "cy@example.com"} << "me@example.org";
        QTest::newRow("reply-to honoured")
            << group + "Reply-To: list@example.net\r\n"
            << K::Reply << QStringList{"list@example.net"} << QStringList() << "me@example.org";
        QTest::newRow("reply all with reply-to")
            << group + "Reply-To: list@example.net\r\n"
            << K::ReplyAll << QStringList{"list@example.net"}
            << QStringList{"bo@example.com", "cy@example.com", "ana@example.com"}
            << "me@example.org";
        QTest::newRow("mail-reply-to before reply-to")
            << group + "Reply-To: list@example.net\r\nMail-Reply-To: ana@home.example\r\n"
            << K::Reply << QStringList{"ana@home.example"} << QStringList() << "me@example.org";
        QTest::newRow("mail-followup-to for reply all")
            << group + "Mail-Followup-To: list@example.net, me@example.org\r\n"
            << K::ReplyAll << QStringList{"list@example.net"} << QStringList() << "me@example.org";
        QTest::newRow("mail-followup-to not for reply")
            << group + "Mail-Followup-To: list@example.net\r\n"
            << K::Reply << QStringList{"ana@example.com"} << QStringList() << "me@example.org";
        QTest::newRow("addressed to the second identity")
            << QByteArray("From: ana@example.com\r\nTo: Me at work <me@work.example>\r\n"
                          "Subject: s\r\n")
            << K::ReplyAll << QStringList{"ana@example.com"} << QStringList() << "me@work.example";
        QTest::newRow("bcc: no identity chosen")
            << QByteArray("From: ana@example.com\r\nTo: bo@example.com\r\nSubject: s\r\n")
            << K::Reply << QStringList{"ana@example.com"} << QStringList() << "";
        QTest::newRow("my own message: to its recipients")
            << QByteArray("From: Me <me@example.org>\r\nTo: bo@example.com\r\n"
                          "Cc: cy@example.com\r\nSubject: s\r\n")
            << K::ReplyAll << QStringList{"bo@example.com"} << QStringList{"cy@example.com"} << "";
        QTest::newRow("my own message, reply")
            << QByteArray("From: Me <me@example.org>\r\nTo: bo@example.com\r\nSubject: s\r\n")
            << K::Reply << QStringList{"bo@example.com"} << QStringList() << "";
        QTest::newRow("to myself only")
            << QByteArray("From: me@example.org\r\nTo: me@example.org\r\nSubject: s\r\n")
            << K::ReplyAll << QStringList{"me@example.org"} << QStringList() << "me@example.org";
        QTest::newRow("forward: nobody")
            << group << K::Forward << QStringList() << QStringList() << "me@example.org";
    }
    void recipients()
    {
        QFETCH(QByteArray, headers);
        QFETCH(ReplyBuilder::Kind, kind);
        QFETCH(QStringList, to);
        QFETCH(QStringList, cc);
        QFETCH(QString, from);
        const Message r = ReplyBuilder::build(parsed(headers), kind, me());
        QCOMPARE(addresses(r.to), to);
        QCOMPARE(addresses(r.cc), cc);
        QCOMPARE(r.from.address, from);
        QVERIFY(r.bcc.isEmpty());
        QVERIFY(r.extraHeaders.isEmpty()); // nothing of the original's own headers goes along
    }

    void quotedText_data()
    {
        QTest::addColumn<QByteArray>("headers");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("expected");
        QTest::newRow("with date")
            << QByteArray("From: Ana Example <ana@example.com>\r\nSubject: s\r\n"
                          "Date: Tue, 1 Jul 2003 10:52:37 +0200\r\n")
            << QByteArray("First line\r\n\r\n> earlier\r\nlast\r\n")
            << "On Tue, 1 Jul 2003 10:52, Ana Example wrote:\n> First line\n>\n>> earlier\n"
               "> last\n\n";
        QTest::newRow("no date, no name")
            << QByteArray("From: ana@example.com\r\nSubject: s\r\n") << QByteArray("Hi\r\n")
            << "ana@example.com wrote:\n> Hi\n\n";
    }
    void quotedText()
    {
        QFETCH(QByteArray, headers);
        QFETCH(QByteArray, body);
        QFETCH(QString, expected);
        const Message r =
            ReplyBuilder::build(parsed(headers, body), ReplyBuilder::Kind::Reply, me());
        QCOMPARE(r.text, expected);
        QVERIFY(r.attachments.isEmpty());
    }

    void htmlOnlyIsQuotedThroughTheConverter()
    {
        const Message m = parsed("From: a@x\r\nSubject: s\r\nContent-Type: text/html\r\n",
                                 "<p>Hello <b>there</b></p>\r\n");
        const Message r = ReplyBuilder::build(m, ReplyBuilder::Kind::Reply, me(), QString(),
                                              [](const QString &html) {
                                                  return QString(html)
                                                      .remove(QStringLiteral("<b>"))
                                                      .remove(QStringLiteral("</b>"))
                                                      .remove(QStringLiteral("<p>"))
                                                      .remove(QStringLiteral("</p>"));
                                              });
        QVERIFY2(r.text.contains(QStringLiteral("> Hello there")), qPrintable(r.text));
    }

    void forwardInline()
    {
        const Message m = parsed("From: Ana <ana@example.com>\r\nTo: me@example.org\r\n"
                                 "Subject: Report\r\nDate: Tue, 1 Jul 2003 10:52:37 +0200\r\n",
                                 "The numbers.\r\n");
        const Message f = ReplyBuilder::build(m, ReplyBuilder::Kind::Forward, me());
        QCOMPARE(f.subject, QStringLiteral("Fwd: Report"));
        QVERIFY(f.to.isEmpty());
        QVERIFY(f.text.startsWith(QStringLiteral("\n\n")));
        QVERIFY(f.text.contains(QStringLiteral("From: Ana <ana@example.com>\n")));
        QVERIFY(f.text.contains(QStringLiteral("Subject: Report\n")));
        QVERIFY(f.text.contains(QStringLiteral("Date: Tue, 1 Jul 2003 10:52:37 +0200\n")));
        QVERIFY2(f.text.endsWith(QStringLiteral("\n\nThe numbers.")), qPrintable(f.text));
    }

    void forwardAsAttachment_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("eightBit");
        QTest::newRow("ascii") << QByteArray("Line one\r\nFrom here on\r\n.\r\nend\r\n") << false;
        QTest::newRow("utf-8 with 8BITMIME") << QByteArray("Gr\xc3\xbc\xc3\x9f"
                                                           "e\r\n")
                                             << true;
        QTest::newRow("LF line ends") << QByteArray("one\ntwo\n") << false;
    }
    void forwardAsAttachment()
    {
        QFETCH(QByteArray, body);
        QFETCH(bool, eightBit);
        QTemporaryDir dir;
        const QString original = dir.filePath(QStringLiteral("in.eml"));
        QByteArray raw = "From: Ana <ana@example.com>\r\nTo: me@example.org\r\n"
                         "Subject: Q3: numbers / plans\r\nMessage-ID: <orig-1@example.com>\r\n"
                         "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n";
        raw += eightBit ? "Content-Transfer-Encoding: 8bit\r\n" : "";
        raw += "\r\n" + body;
        QFile file(original);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(raw);
        file.close();

        QString error;
        const std::optional<Message> m = EmlParser::parseFile(original, dir.path(), &error);
        QVERIFY2(m, qPrintable(error));
        Message f =
            ReplyBuilder::build(*m, ReplyBuilder::Kind::ForwardAsAttachment, me(), original);
        QCOMPARE(f.subject, QStringLiteral("Fwd: Q3: numbers / plans"));
        QCOMPARE(f.attachments.size(), 1);
        QCOMPARE(f.attachments.first().name, QStringLiteral("Q3_ numbers _ plans.eml"));
        f.from = me().first();
        f.to = {{QString(), QStringLiteral("bo@example.com")}};
        MimeWriter::Options options;
        options.eightBit = eightBit;
        const std::unique_ptr<MimeWriter> writer = MimeWriter::create(f, options, &error);
        QVERIFY2(writer, qPrintable(error));
        QByteArray out;
        while (!writer->atEnd()) {
            const QByteArray chunk = writer->read(65536);
            QVERIFY(!chunk.isEmpty());
            out += chunk;
        }
        QCOMPARE(out.size(), writer->totalSize());
        QVERIFY2(!out.contains("Content-Transfer-Encoding: base64"), out.constData());

        const QString eml = dir.filePath(QStringLiteral("out.eml"));
        QFile outFile(eml);
        QVERIFY(outFile.open(QIODevice::WriteOnly));
        outFile.write(out);
        outFile.close();
        QJsonObject expected{{"filename", f.attachments.first().name},
                             {"subject", m->subject},
                             {"from", "ana@example.com"},
                             {"message_id", "orig-1@example.com"},
                             {"body", QString::fromUtf8(body).replace(QStringLiteral("\r\n"),
                                                                      QStringLiteral("\n"))}};
        const QString json = dir.filePath(QStringLiteral("expected.json"));
        QFile jsonFile(json);
        QVERIFY(jsonFile.open(QIODevice::WriteOnly));
        jsonFile.write(QJsonDocument(expected).toJson());
        jsonFile.close();

        QProcess python;
        QSignalSpy finished(&python, &QProcess::finished);
        python.start(
            QStringLiteral(POSTWIRE_PYTHON),
            {QStringLiteral(POSTWIRE_SOURCE_DIR "/tests/support/rfc822_oracle.py"), eml, json});
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
        QVERIFY2(python.exitStatus() == QProcess::NormalExit && python.exitCode() == 0,
                 python.readAllStandardError().constData());
    }

    void eightBitWithout8BitMimeFallsBackToBase64()
    {
        QTemporaryDir dir;
        const QString original = dir.filePath(QStringLiteral("in.eml"));
        QFile file(original);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("From: a@x.org\r\nSubject: s\r\n\r\nGr\xc3\xbc\xc3\x9f"
                   "e\r\n");
        file.close();
        Message f;
        f.from = me().first();
        f.to = {{QString(), QStringLiteral("bo@example.com")}};
        Attachment a;
        a.path = original;
        a.name = QStringLiteral("s.eml");
        a.contentType = QStringLiteral("message/rfc822");
        f.attachments.append(a);
        QString error;
        const std::unique_ptr<MimeWriter> writer = MimeWriter::create(f, {}, &error);
        QVERIFY2(writer, qPrintable(error));
        const QByteArray out = writer->readAll();
        QVERIFY(out.contains("Content-Transfer-Encoding: base64"));
        QVERIFY(!out.contains("Gr\xc3\xbc"));
    }
};

QTEST_GUILESS_MAIN(TestReplyBuilder)
#include "tst_replybuilder.moc"
