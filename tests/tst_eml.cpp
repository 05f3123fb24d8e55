// .eml files: what EmlWriter saves opens again in EmlParser with every field, body and
// attachment byte intact; messages written by another program (Python's email package) open
// too; and the failures (a vanished attachment, a file that is not mail) are reported.
#include "mime/emlparser.h"
#include "mime/emlwriter.h"
#include "mime/message.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

Q_DECLARE_METATYPE(Message)

namespace {

QByteArray sha256(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(&f);
    return h.result().toHex();
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestEml : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString makeFile(const QString &name, qint64 size);
    Message basic() const;

private slots:
    void initTestCase();
    void roundTrip_data();
    void roundTrip();
    void bccOnlyInSavedCopy();
    void asyncSaveMatchesBlockingSave();
    void saveFailsForVanishedAttachment();
    void opensPythonWrittenMessage();
    void decodeHeaderText_data();
    void decodeHeaderText();
    void parameterForms();
    void notMail();
    void attachmentFileNames_data();
    void attachmentFileNames();
    void temporaryFolder();
    void keepsHeadersButNotTrace();
};

void TestEml::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

QString TestEml::makeFile(const QString &name, qint64 size)
{
    const QString path = m_dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    QRandomGenerator rng{quint32(size + 3)};
    QByteArray block(size, Qt::Uninitialized);
    for (char &c : block)
        c = char(rng.bounded(256));
    f.write(block);
    return path;
}

Message TestEml::basic() const
{
    Message m;
    m.from = {QStringLiteral("Ana Example"), QStringLiteral("ana@example.org")};
    m.to = {{QStringLiteral("Bob"), QStringLiteral("bob@example.net")}};
    m.subject = QStringLiteral("Hello");
    m.text = QStringLiteral("Hi Bob,\nthis is a test.");
    m.date = QDateTime(QDate(2024, 2, 29), QTime(13, 5, 9), QTimeZone(3600));
    m.messageId = QStringLiteral("fixed.1@example.org");
    return m;
}

void TestEml::roundTrip_data()
{
    QTest::addColumn<Message>("message");
    QTest::newRow("plain") << basic();

    Message m = basic();
    m.from.name = QStringLiteral("Jürgen \"JM\" Müller, Köln");
    m.to = {{QStringLiteral("李小龍"), QStringLiteral("li@example.cn")},
            {QString(), QStringLiteral("info@bücher.example")}};
    m.cc = {{QStringLiteral("Doe, John"), QStringLiteral("j@x.org")}};
    m.subject = QStringLiteral("Grüße 🎉 – שלום ") + QString(300, QLatin1Char('x'));
    m.text = QStringLiteral("Grüße\n\nFrom here\n.dot\n") + QString(1500, QLatin1Char('y'));
    m.html = QStringLiteral("<p>Grüße</p>");
    QTest::newRow("non-ascii") << m;

    m = basic();
    m.attachments = {{makeFile(QStringLiteral("a.bin"), 0),
                      QStringLiteral("empty.bin"),
                      QStringLiteral("application/octet-stream"),
                      false,
                      {}},
                     {makeFile(QStringLiteral("b.bin"), 1),
                      QStringLiteral("Übersicht \"2024\".pdf"),
                      QStringLiteral("application/pdf"),
                      false,
                      {}},
                     {makeFile(QStringLiteral("c.bin"), 300000),
                      QStringLiteral("日本語 ").repeated(30) + QStringLiteral(".png"),
                      QStringLiteral("image/png"), true, QStringLiteral("img1@example.org")},
                     {makeFile(QStringLiteral("d.bin"), 100),
                      QStringLiteral("same.txt"),
                      QStringLiteral("text/plain"),
                      false,
                      {}},
                     {makeFile(QStringLiteral("e.bin"), 101),
                      QStringLiteral("same.txt"),
                      QStringLiteral("text/plain"),
                      false,
                      {}}};
    m.html = QStringLiteral("<img src=\"cid:img1@example.org\">");
    QTest::newRow("attachments") << m;

    m = basic();
    m.sender = {QStringLiteral("Office"), QStringLiteral("office@example.org")};
    m.replyTo = {{QStringLiteral("List"), QStringLiteral("list@example.org")}};
    m.bcc = {{QStringLiteral("Hidden Hänsel"), QStringLiteral("hidden@example.com")}};
    m.priority = Message::Priority::Low;
    m.dispositionNotificationTo = m.from;
    m.inReplyTo = QStringLiteral("parent@example.org");
    m.references = {QStringLiteral("root@example.org"), QStringLiteral("parent@example.org")};
    m.extraHeaders = {{QStringLiteral("X-Ticket"), QStringLiteral("#4711 – dringend")}};
    QTest::newRow("all fields") << m;

    m = basic();
    m.to = {{QStringLiteral("Jürgen"), QStringLiteral("jürgen@example.org")}};
    QTest::newRow("utf8 local part") << m;

    // Read back as the paragraphs that were written (RFC 3676), and sent again flowed.
    m = basic();
    m.flowed = true;
    m.text = QStringLiteral("Hello,\n\n") +
             QStringLiteral("a long paragraph ").repeated(20).trimmed() + QStringLiteral("\n\n> ") +
             QStringLiteral("quoted words ").repeated(15).trimmed() +
             QStringLiteral("\n From here\n-- \nAna");
    QTest::newRow("format=flowed") << m;

    m = basic();
    m.text = QString();
    m.to.clear();
    m.bcc = {{QString(), QStringLiteral("only@example.org")}};
    QTest::newRow("empty body, only bcc") << m;
}

void TestEml::roundTrip()
{
    QFETCH(Message, message);
    const QString path = m_dir.filePath(QStringLiteral("saved.eml"));
    QString error;
    QVERIFY2(EmlWriter::save(message, path, &error), qPrintable(error));
    QDir out(
        m_dir.filePath(QStringLiteral("out-%1").arg(QString::fromLatin1(QTest::currentDataTag()))));
    QVERIFY(out.mkpath(QStringLiteral(".")));
    const std::optional<Message> back = EmlParser::parseFile(path, out.path(), &error);
    QVERIFY2(back, qPrintable(error));

    QCOMPARE(back->from, message.from);
    QCOMPARE(back->sender, message.sender);
    QCOMPARE(back->replyTo, message.replyTo);
    QCOMPARE(back->to, message.to);
    QCOMPARE(back->cc, message.cc);
    QCOMPARE(back->bcc, message.bcc);
    QCOMPARE(back->subject, message.subject);
    QCOMPARE(back->text, message.text);
    QCOMPARE(back->flowed, message.flowed);
    QCOMPARE(back->html, message.html);
    QCOMPARE(back->messageId, message.messageId);
    QCOMPARE(back->date, message.date);
    QCOMPARE(back->date.offsetFromUtc(), message.date.offsetFromUtc());
    QCOMPARE(back->priority, message.priority);
    QCOMPARE(back->dispositionNotificationTo, message.dispositionNotificationTo);
    QCOMPARE(back->inReplyTo, message.inReplyTo);
    QCOMPARE(back->references, message.references);
    QCOMPARE(back->extraHeaders.size(), message.extraHeaders.size());
    for (qsizetype i = 0; i < message.extraHeaders.size(); ++i) {
        QCOMPARE(back->extraHeaders.at(i).name, message.extraHeaders.at(i).name);
        QCOMPARE(back->extraHeaders.at(i).value, message.extraHeaders.at(i).value);
    }
    QCOMPARE(back->attachments.size(), message.attachments.size());
    QSet<QString> paths;
    for (qsizetype i = 0; i < message.attachments.size(); ++i) {
        const Attachment &want = message.attachments.at(i);
        const Attachment &got = back->attachments.at(i);
        QCOMPARE(got.shownName(), want.shownName());
        QCOMPARE(got.contentType, want.contentType);
        QCOMPARE(got.isInline, want.isInline);
        QCOMPARE(got.contentId, want.contentId);
        QVERIFY2(got.path.startsWith(out.path()), qPrintable(got.path));
        QCOMPARE(sha256(got.path), sha256(want.path));
        paths.insert(got.path);
    }
    QCOMPARE(paths.size(), message.attachments.size()); // same names get distinct files
}

void TestEml::bccOnlyInSavedCopy()
{
    Message m = basic();
    m.bcc = {{QString(), QStringLiteral("hidden@example.com")}};
    const QString path = m_dir.filePath(QStringLiteral("bcc.eml"));
    QString error;
    QVERIFY2(EmlWriter::save(m, path, &error), qPrintable(error));
    const QByteArray saved = readAll(path);
    QVERIFY(saved.contains("\r\nBcc: hidden@example.com\r\n"));
    QVERIFY(saved.contains("\r\nX-Postwire-Bcc: "));
}

void TestEml::asyncSaveMatchesBlockingSave()
{
    Message m = basic();
    m.attachments = {
        {makeFile(QStringLiteral("big.bin"), 3 * 1024 * 1024), QString(), QString(), false, {}}};
    const QString blocking = m_dir.filePath(QStringLiteral("blocking.eml"));
    const QString async = m_dir.filePath(QStringLiteral("async.eml"));
    QString error;
    QVERIFY2(EmlWriter::save(m, blocking, &error), qPrintable(error));

    EmlWriter writer;
    QSignalSpy progress(&writer, &EmlWriter::progress);
    QSignalSpy finished(&writer, &EmlWriter::finished);
    QVERIFY(writer.start(m, async));
    QVERIFY(writer.isRunning());
    QVERIFY(!writer.start(m, async)); // one at a time
    QCOMPARE(finished.size(), 0);     // never from inside start()
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
    QCOMPARE(finished.at(0).at(0).toString(), async);
    QCOMPARE(finished.at(0).at(1).toString(), QString());
    QVERIFY(progress.size() > 5);
    QCOMPARE(progress.last().at(0).toLongLong(), progress.last().at(1).toLongLong());
    // The same bytes but for the random boundaries.
    auto normalized = [](QByteArray bytes) {
        for (qsizetype at = bytes.indexOf("boundary=\""); at >= 0;
             at = bytes.indexOf("boundary=\"", at + 1)) {
            const qsizetype start = at + 10;
            const QByteArray boundary = bytes.mid(start, bytes.indexOf('"', start) - start);
            bytes.replace(boundary, "BOUNDARY");
        }
        return bytes;
    };
    QCOMPARE(normalized(readAll(async)), normalized(readAll(blocking)));
}

void TestEml::saveFailsForVanishedAttachment()
{
    Message m = basic();
    const QString file = makeFile(QStringLiteral("gone.pdf"), 5 * 1024 * 1024);
    m.attachments = {{file, QString(), QString(), false, {}}};
    const QString path = m_dir.filePath(QStringLiteral("vanished.eml"));

    EmlWriter writer;
    QSignalSpy finished(&writer, &EmlWriter::finished);
    QSignalSpy progress(&writer, &EmlWriter::progress);
    QVERIFY(writer.start(m, path));
    QTRY_VERIFY(progress.size() >= 1);
    QVERIFY(QFile::resize(file, 1000)); // cut while it is being saved
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
    const QString error = finished.at(0).at(1).toString();
    QVERIFY2(error.startsWith(QLatin1String("Attachment gone.pdf:")), qPrintable(error));
    QVERIFY(!QFileInfo::exists(path)); // nothing half-written left behind

    QVERIFY(QFile::remove(file));
    QString why;
    QVERIFY(!EmlWriter::save(m, path, &why));
    QVERIFY2(why.startsWith(QLatin1String("Attachment gone.pdf: file does not exist")),
             qPrintable(why));
    QVERIFY(!QFileInfo::exists(path));
}

void TestEml::opensPythonWrittenMessage()
{
    // Another program's idea of MIME: Python's own generator, with its own folding choices.
    const QString path = m_dir.filePath(QStringLiteral("python.eml"));
    const QString payload = m_dir.filePath(QStringLiteral("payload.bin"));
    makeFile(QStringLiteral("payload.bin"), 70000);
    const QString script = QStringLiteral(R"(
import sys, email.policy
from email.message import EmailMessage
from email.headerregistry import Address
m = EmailMessage()
m['From'] = Address('Zoë Ça', 'zoe', 'example.org')
m['To'] = [Address('Doe, John', 'j', 'x.org'), Address('', 'b', 'y.org')]
m['Subject'] = 'Grüße aus Köln – a rather long subject that Python will fold somewhere ' * 2
m['Message-ID'] = '<py.1@example.org>'
m['Date'] = 'Thu, 29 Feb 2024 13:05:09 +0100'
m.set_content('Grüße\nzweite Zeile\n')
m.add_alternative('<p>Grüße</p>\n', subtype='html')
m.add_attachment(open(sys.argv[2], 'rb').read(), maintype='application', subtype='octet-stream',
                 filename='Bericht für März.bin')
open(sys.argv[1], 'wb').write(m.as_bytes(policy=email.policy.SMTP))
)");
    QProcess python;
    QSignalSpy finished(&python, &QProcess::finished);
    python.start(QStringLiteral(POSTWIRE_PYTHON), {QStringLiteral("-c"), script, path, payload});
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
    QVERIFY2(python.exitCode() == 0, python.readAllStandardError().constData());

    QDir out(m_dir.filePath(QStringLiteral("py-out")));
    QVERIFY(out.mkpath(QStringLiteral(".")));
    QString error;
    const std::optional<Message> m = EmlParser::parseFile(path, out.path(), &error);
    QVERIFY2(m, qPrintable(error));
    QCOMPARE(m->from, (Mailbox{QStringLiteral("Zoë Ça"), QStringLiteral("zoe@example.org")}));
    QCOMPARE(m->to, (QList<Mailbox>{{QStringLiteral("Doe, John"), QStringLiteral("j@x.org")},
                                    {QString(), QStringLiteral("b@y.org")}}));
    QCOMPARE(
        m->subject,
        QStringLiteral("Grüße aus Köln – a rather long subject that Python will fold somewhere ")
            .repeated(2)
            .trimmed());
    QCOMPARE(m->messageId, QStringLiteral("py.1@example.org"));
    QCOMPARE(m->date.toSecsSinceEpoch(),
             QDateTime(QDate(2024, 2, 29), QTime(12, 5, 9), QTimeZone::utc()).toSecsSinceEpoch());
    QCOMPARE(m->text, QStringLiteral("Grüße\nzweite Zeile\n"));
    QCOMPARE(m->html, QStringLiteral("<p>Grüße</p>\n"));
    QCOMPARE(m->attachments.size(), 1);
    QCOMPARE(m->attachments.at(0).name, QStringLiteral("Bericht für März.bin"));
    QCOMPARE(sha256(m->attachments.at(0).path), sha256(payload));
}

void TestEml::decodeHeaderText_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<QString>("text");
    QTest::newRow("plain") << QByteArrayLiteral("Hello world") << QStringLiteral("Hello world");
    QTest::newRow("q") << QByteArrayLiteral("=?UTF-8?Q?Gr=C3=BC=C3=9Fe_dich?=")
                       << QStringLiteral("Grüße dich");
    QTest::newRow("b") << QByteArrayLiteral("=?utf-8?b?R3LDvMOfZQ==?=") << QStringLiteral("Grüße");
    QTest::newRow("adjacent words")
        << QByteArrayLiteral("=?UTF-8?Q?a?= =?UTF-8?Q?b?=") << QStringLiteral("ab");
    QTest::newRow("mixed") << QByteArrayLiteral("Re: =?UTF-8?Q?K=C3=B6ln?= today")
                           << QStringLiteral("Re: Köln today");
    QTest::newRow("latin1") << QByteArrayLiteral("=?ISO-8859-1?Q?K=F6ln?=")
                            << QStringLiteral("Köln");
    QTest::newRow("language") << QByteArrayLiteral("=?UTF-8*de?Q?K=C3=B6ln?=")
                              << QStringLiteral("Köln");
    QTest::newRow("raw utf8") << QStringLiteral("Grüße").toUtf8() << QStringLiteral("Grüße");
    QTest::newRow("not a word") << QByteArrayLiteral("=?broken") << QStringLiteral("=?broken");
}

void TestEml::decodeHeaderText()
{
    QFETCH(QByteArray, raw);
    QFETCH(QString, text);
    QCOMPARE(EmlParser::decodeHeaderText(raw), text);
}

void TestEml::parameterForms()
{
    // RFC 2231 sections, plain and encoded, and the RFC 2047 form some writers use.
    const QByteArray mail =
        "From: a@x.org\r\nTo: b@y.org\r\nSubject: p\r\nMIME-Version: 1.0\r\n"
        "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
        "--b\r\nContent-Type: text/plain\r\n\r\nbody\r\n"
        "--b\r\nContent-Type: application/pdf\r\n"
        "Content-Disposition: attachment; filename*0=\"long \";\r\n"
        " filename*1=\"name.pdf\"\r\n\r\nPDF\r\n"
        "--b\r\nContent-Type: application/pdf\r\n"
        "Content-Disposition: attachment;\r\n filename*0*=iso-8859-1''K%F6ln;"
        " filename*1*=%20%FCber.pdf\r\n\r\nPDF\r\n"
        "--b\r\nContent-Type: application/pdf; name=\"=?UTF-8?Q?M=C3=A4rz?= =?UTF-8?Q?.pdf?=\"\r\n"
        "Content-Transfer-Encoding: base64\r\n\r\nUERG\r\n--b--\r\n";
    QString error;
    const std::optional<Message> m = EmlParser::parse(mail, m_dir.path(), &error);
    QVERIFY2(m, qPrintable(error));
    QCOMPARE(m->text, QStringLiteral("body"));
    QCOMPARE(m->attachments.size(), 3);
    QCOMPARE(m->attachments.at(0).name, QStringLiteral("long name.pdf"));
    QCOMPARE(m->attachments.at(1).name, QStringLiteral("Köln über.pdf"));
    QCOMPARE(m->attachments.at(2).name, QStringLiteral("März.pdf"));
    QCOMPARE(readAll(m->attachments.at(2).path), QByteArrayLiteral("PDF"));
}

// The name an attachment gets on disk: made safe and at most 200 bytes, whatever the name the
// message gives. An extension longer than ~200 bytes used to loop forever (found by fuzzing).
void TestEml::attachmentFileNames_data()
{
    QTest::addColumn<QString>("shown");
    QTest::addColumn<QString>("onDisk");
    const QString x300(300, QLatin1Char('x'));
    QTest::newRow("plain") << QStringLiteral("report.pdf") << QStringLiteral("report.pdf");
    QTest::newRow("extension of 300 bytes")
        << QStringLiteral("a.") + x300 << QStringLiteral("a.") + x300.left(198);
    QTest::newRow("extension of 33 bytes")
        << QString(190, QLatin1Char('n')) + QLatin1Char('.') + x300.left(33)
        << QString(190, QLatin1Char('n')) + QLatin1Char('.') + x300.left(9);
    QTest::newRow("only a long extension") << QLatin1Char('.') + x300 << x300.left(200);
    QTest::newRow("long name, short extension")
        << x300 + QStringLiteral(".pdf") << x300.left(196) + QStringLiteral(".pdf");
    QTest::newRow("two-byte characters") << QString(150, QChar(0xe4)) + QStringLiteral(".txt")
                                         << QString(98, QChar(0xe4)) + QStringLiteral(".txt");
    const QString mail = QStringLiteral("\U0001f4e7");
    QTest::newRow("four-byte characters")
        << mail.repeated(60) + QStringLiteral(".png") << mail.repeated(49) + QStringLiteral(".png");
    QTest::newRow("four-byte extension")
        << QStringLiteral("a.") + mail.repeated(60) << QStringLiteral("a.") + mail.repeated(49);
    QTest::newRow("path") << QStringLiteral("../../etc/passwd") << QStringLiteral("passwd");
    QTest::newRow("dots") << QStringLiteral("..") << QStringLiteral("attachment-1");
    QTest::newRow("controls") << QStringLiteral("a\rb\x1b\x7f\u0085.txt")
                              << QStringLiteral("a_b___.txt");
    QTest::newRow("bidi override")
        << QStringLiteral("invoice\u202efdp.exe") << QStringLiteral("invoice_fdp.exe");
}

void TestEml::attachmentFileNames()
{
    QFETCH(QString, shown);
    QFETCH(QString, onDisk);
    const QByteArray mail =
        "From: a@x.org\r\nSubject: n\r\nMIME-Version: 1.0\r\n"
        "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
        "--b\r\nContent-Type: text/plain\r\n\r\nbody\r\n"
        "--b\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment;"
        " filename*=UTF-8''" +
        shown.toUtf8().toPercentEncoding() + "\r\n\r\ndata\r\n--b--\r\n";
    QTemporaryDir dir;
    QString error;
    const std::optional<Message> m = EmlParser::parse(mail, dir.path(), &error);
    QVERIFY2(m, qPrintable(error));
    QCOMPARE(m->attachments.size(), 1);
    QCOMPARE(m->attachments.at(0).name, shown);
    QCOMPARE(QFileInfo(m->attachments.at(0).path).fileName(), onDisk);
    QVERIFY(QFileInfo(m->attachments.at(0).path).dir() == QDir(dir.path()));
    QVERIFY(onDisk.toUtf8().size() <= 200);
    QCOMPARE(readAll(m->attachments.at(0).path), QByteArrayLiteral("data"));
}

void TestEml::notMail()
{
    QString error;
    QVERIFY(!EmlParser::parse(QByteArrayLiteral("just some text\nwithout headers\n"), m_dir.path(),
                              &error));
    QVERIFY2(error.startsWith(QLatin1String("not a mail message")), qPrintable(error));
    QVERIFY(
        !EmlParser::parseFile(m_dir.filePath(QStringLiteral("missing.eml")), m_dir.path(), &error));
    QVERIFY2(error.startsWith(QLatin1String("cannot read")), qPrintable(error));
}

void TestEml::temporaryFolder()
{
    Message m = basic();
    m.attachments = {
        {makeFile(QStringLiteral("t.bin"), 10), QStringLiteral("t.bin"), QString(), false, {}}};
    const QString path = m_dir.filePath(QStringLiteral("tmp.eml"));
    QString error;
    QVERIFY2(EmlWriter::save(m, path, &error), qPrintable(error));
    QString dir;
    const std::optional<Message> back = EmlParser::parseFileToTemporary(path, &dir, &error);
    QVERIFY2(back, qPrintable(error));
    QVERIFY(dir.startsWith(QDir::tempPath()));
    QCOMPARE(QFileInfo(back->attachments.at(0).path).dir().path(), dir);
    QVERIFY(QDir(dir).removeRecursively());
}

void TestEml::keepsHeadersButNotTrace()
{
    // A message as it arrives in a mailbox: the author's own headers, and what every hop added.
    const QByteArray mail =
        "Return-Path: <a@x.org>\r\n"
        "Delivered-To: b@y.org\r\n"
        "Received: from mx.x.org by mx.y.org; Thu, 29 Feb 2024 13:05:09 +0100\r\n"
        "ARC-Seal: i=1; a=rsa-sha256; cv=none; d=y.org; s=arc; b=abc\r\n"
        "ARC-Message-Signature: i=1; a=rsa-sha256; d=y.org; s=arc; b=def\r\n"
        "Authentication-Results: mx.y.org; dkim=pass header.d=x.org\r\n"
        "DKIM-Signature: v=1; a=rsa-sha256; d=x.org; s=sel;\r\n\tb=ghi\r\n"
        "From: a@x.org\r\nTo: b@y.org\r\nSubject: headers\r\n"
        "Organization: =?UTF-8?Q?K=C3=B6ln_GmbH?=\r\n"
        "Keywords: budget,\r\n 2024\r\n"
        "Comments: kept\r\n"
        "X-Ticket: 4711\r\n"
        "X-Postwire-Bcc: the Bcc header is kept in this saved copy only\r\n"
        "X-Priority: 1\r\n"
        "User-Agent: Other/1.0\r\n"
        "MIME-Version: 1.0\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n\r\nbody\r\n";
    QString error;
    const std::optional<Message> m = EmlParser::parse(mail, m_dir.path(), &error);
    QVERIFY2(m, qPrintable(error));
    QStringList names;
    for (const ExtraHeader &h : m->extraHeaders)
        names << h.name;
    QCOMPARE(names, (QStringList{QStringLiteral("Organization"), QStringLiteral("Keywords"),
                                 QStringLiteral("Comments"), QStringLiteral("X-Ticket")}));
    QCOMPARE(m->extraHeaders.at(0).value, QStringLiteral("Köln GmbH"));
    QCOMPARE(m->extraHeaders.at(1).value, QStringLiteral("budget, 2024"));
    QCOMPARE(m->priority, Message::Priority::High);
    // What was kept can be sent again.
    QCOMPARE(m->validate(), QString());
}

QTEST_GUILESS_MAIN(TestEml)
#include "tst_eml.moc"
