// The MIME writer against an independent parser (Python's email package, strict policy) over
// a data-driven set of messages, plus the encoders' own edge cases, the exact size promise
// and the refusals (header injection, missing SMTPUTF8, attachments that vanish mid-send).
#include "mime/base64.h"
#include "mime/message.h"
#include "mime/mimebuilder.h"
#include "mime/mimeheader.h"
#include "mime/mimemessagesource.h"
#include "mime/mimewriter.h"
#include "mime/quotedprintable.h"
#include "mimeoracle.h"
#include "smtp/capabilities.h"
#include "smtp/smtpreply.h"

#include <algorithm>

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

Q_DECLARE_METATYPE(Message)

namespace {

Capabilities caps(const QList<QByteArray> &keywords)
{
    SmtpReply reply;
    reply.code = 250;
    reply.lines = {QByteArrayLiteral("test.example")};
    reply.lines += keywords;
    return Capabilities::fromEhloReply(reply);
}

// Reads the device to its end in chunks of varying size, as a socket would drain it.
QByteArray drain(QIODevice *device, bool *ok)
{
    QByteArray all;
    QRandomGenerator rng(42);
    *ok = true;
    for (;;) {
        const qint64 want = 1 + rng.bounded(70000);
        QByteArray chunk(want, Qt::Uninitialized);
        const qint64 n = device->read(chunk.data(), want);
        if (n < 0) {
            *ok = false;
            return all;
        }
        if (n == 0)
            break;
        all.append(chunk.constData(), n);
    }
    return all;
}

QJsonArray mailboxes(const QList<Mailbox> &list)
{
    QJsonArray out;
    for (const Mailbox &m : list)
        out.append(QJsonArray{m.name, m.address});
    return out;
}

QByteArray sha256OfFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&f);
    return hash.result().toHex();
}

Message basic()
{
    Message m;
    m.from = {QStringLiteral("Ana Example"), QStringLiteral("ana@example.org")};
    m.to = {{QString(), QStringLiteral("bob@example.net")}};
    m.subject = QStringLiteral("Hello");
    m.text = QStringLiteral("Hi Bob,\nthis is a test.\n");
    m.date = QDateTime(QDate(2024, 2, 29), QTime(13, 5, 9), QTimeZone(5 * 3600 + 1800));
    return m;
}

} // namespace

class TestMime : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString file(const QString &name, qint64 size);
    QString runOracle(const QByteArray &bytes, const QJsonObject &expected);

private slots:
    void initTestCase();

    void base64MatchesQt_data();
    void base64MatchesQt();
    void base64Decoder();
    void quotedPrintable_data();
    void quotedPrintable();
    void encodedWordsSplitOnCharacters();
    void headerFolding_data();
    void headerFolding();
    void dateFormat();

    void oracle_data();
    void oracle();

    void capabilitiesChooseEncoding();
    void refusesHeaderInjection_data();
    void refusesHeaderInjection();
    void refusesNonAsciiLocalPartWithoutSmtpUtf8();
    void idnaDomainWithoutSmtpUtf8();
    void attachmentGoneBeforeRead();
    void attachmentShrinksMidRead();
    void attachmentGrowsMidRead();
    void boundariesAvoidContent();
};

void TestMime::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

QString TestMime::file(const QString &name, qint64 size)
{
    const QString path = m_dir.filePath(name);
    if (QFileInfo(path).size() == size && QFileInfo::exists(path))
        return path;
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    QRandomGenerator rng{quint32(size)};
    QByteArray block(1 << 20, Qt::Uninitialized);
    for (qint64 left = size; left > 0;) {
        rng.fillRange(reinterpret_cast<quint32 *>(block.data()), block.size() / 4);
        const qint64 n = qMin<qint64>(left, block.size());
        f.write(block.constData(), n);
        left -= n;
    }
    return path;
}

QString TestMime::runOracle(const QByteArray &bytes, const QJsonObject &expected)
{
    return runMimeOracle(bytes, expected, m_dir.path());
}

void TestMime::base64MatchesQt_data()
{
    QTest::addColumn<int>("size");
    for (int n : {0, 1, 2, 3, 4, 56, 57, 58, 113, 114, 115, 171, 1000, 58368, 58369, 100000})
        QTest::addRow("%d bytes", n) << n;
}

void TestMime::base64MatchesQt()
{
    QFETCH(int, size);
    QByteArray input(size, Qt::Uninitialized);
    QRandomGenerator rng(quint32(size) + 7);
    for (char &c : input)
        c = char(rng.bounded(256));
    QByteArray out(Base64::encodedSize(size), '\0');
    QCOMPARE(Base64::encodeLines(input.constData(), size, out.data()), out.size());
    QByteArray expected;
    const QByteArray plain = input.toBase64();
    for (qsizetype i = 0; i < plain.size(); i += 76)
        expected += plain.mid(i, 76) + "\r\n";
    QCOMPARE(out, expected);

    Base64::Decoder decoder;
    QByteArray decoded;
    for (qsizetype i = 0; i < out.size(); i += 37)
        QVERIFY(decoder.feed(out.constData() + i, qMin<qsizetype>(37, out.size() - i), &decoded));
    QVERIFY(decoder.isComplete());
    QCOMPARE(decoded, input);
}

void TestMime::base64Decoder()
{
    Base64::Decoder d;
    QByteArray out;
    QVERIFY(!d.feed("ab$c", 4, &out));
    Base64::Decoder tail;
    QByteArray two;
    QVERIFY(tail.feed("YWI=\r\n", 6, &two));
    QCOMPARE(two, QByteArrayLiteral("ab"));
}

void TestMime::quotedPrintable_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("plain") << QByteArrayLiteral("hello world");
    QTest::newRow("equals") << QByteArrayLiteral("a=b ==");
    QTest::newRow("trailing space") << QByteArrayLiteral("line \r\nnext\t\r\n");
    QTest::newRow("from") << QByteArrayLiteral("From here\r\nFrom there");
    QTest::newRow("dot") << QByteArrayLiteral(".\r\n..x\r\n");
    QTest::newRow("utf8") << QStringLiteral("Grüße, 日本語 😀").toUtf8();
    QTest::newRow("long") << QByteArray(500, 'x');
    QTest::newRow("long escapes") << QByteArray(300, '=');
    QTest::newRow("long spaces") << QByteArray(300, ' ');
    QTest::newRow("control") << QByteArray("a\0b\x01\x7f", 5);
    QTest::newRow("bare cr") << QByteArrayLiteral("a\rb\nc");
}

void TestMime::quotedPrintable()
{
    QFETCH(QByteArray, text);
    const QByteArray encoded = QuotedPrintable::encode(text);
    for (const QByteArray &line : encoded.split('\n')) {
        QVERIFY2(line.size() <= 77, line.constData()); // 76 + the CR
        QVERIFY(!line.startsWith("From "));
        QVERIFY(!line.startsWith('.'));
        for (const char c : line)
            QVERIFY(static_cast<unsigned char>(c) < 0x80);
        const QByteArray bare = line.endsWith('\r') ? line.chopped(1) : line;
        QVERIFY(!bare.endsWith(' ') && !bare.endsWith('\t'));
        QVERIFY(!bare.contains('\r'));
    }
    QCOMPARE(QuotedPrintable::decode(encoded), text);
}

void TestMime::encodedWordsSplitOnCharacters()
{
    const QString text =
        QStringLiteral("👩‍👩‍👧‍👦 Grüße aus Köln – ").repeated(10);
    const QList<QByteArray> words = MimeHeader::encodeWords(text, 40);
    QVERIFY(words.size() > 5);
    QString joined;
    for (const QByteArray &w : words) {
        QVERIFY(w.size() <= 40);
        QVERIFY(w.startsWith("=?UTF-8?") && w.endsWith("?="));
        const bool b = w.at(8) == 'B';
        const QByteArray payload = w.mid(10, w.size() - 12);
        QByteArray bytes;
        if (b) {
            bytes = QByteArray::fromBase64(payload);
        } else {
            QByteArray qp = payload;
            qp.replace('_', ' ');
            bytes = QuotedPrintable::decode(qp);
        }
        // Each word on its own is valid UTF-8: nothing split inside a character.
        const QString piece = QString::fromUtf8(bytes);
        QVERIFY(!piece.contains(QChar::ReplacementCharacter));
        QCOMPARE(piece.toUtf8(), bytes);
        joined += piece;
    }
    QCOMPARE(joined, text);
}

void TestMime::headerFolding_data()
{
    QTest::addColumn<QString>("subject");
    QTest::newRow("short") << QStringLiteral("Hello");
    QTest::newRow("many words") << QStringLiteral("word ").repeated(100).trimmed();
    QTest::newRow("one long word") << QString(1500, QLatin1Char('x'));
    QTest::newRow("non-ascii long") << QStringLiteral("Ünïcödé ").repeated(60).trimmed();
    QTest::newRow("mixed") << QStringLiteral("Re: Grüße an alle, see https://example.org/") +
                                  QString(200, QLatin1Char('a'));
}

void TestMime::headerFolding()
{
    QFETCH(QString, subject);
    for (const bool utf8 : {false, true}) {
        MimeHeader h("Subject", utf8);
        h.addText(subject);
        const QByteArray bytes = h.toBytes();
        QVERIFY(bytes.endsWith("\r\n"));
        const QList<QByteArray> lines = bytes.chopped(2).split('\n');
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const QByteArray line = i + 1 < lines.size() ? lines.at(i).chopped(1) : lines.at(i);
            QVERIFY2(line.size() <= 78, line.constData());
            if (i > 0)
                QVERIFY(line.startsWith(' '));
        }
    }
}

void TestMime::dateFormat()
{
    const QDateTime d(QDate(2003, 7, 1), QTime(10, 52, 37), QTimeZone(2 * 3600));
    QCOMPARE(MimeBuilder::formatDate(d), QByteArrayLiteral("Tue, 1 Jul 2003 10:52:37 +0200"));
    const QDateTime w(QDate(2024, 12, 31), QTime(23, 0, 5), QTimeZone(-(3 * 3600 + 1800)));
    QCOMPARE(MimeBuilder::formatDate(w), QByteArrayLiteral("Tue, 31 Dec 2024 23:00:05 -0330"));
    const QDateTime local = QDateTime::currentDateTime();
    const int offset = local.offsetFromUtc() / 60;
    const QByteArray expected = QString::asprintf("%c%02d%02d", offset < 0 ? '-' : '+',
                                                  qAbs(offset) / 60, qAbs(offset) % 60)
                                    .toLatin1();
    QVERIFY(MimeBuilder::formatDate(local).endsWith(expected));
}

void TestMime::oracle_data()
{
    QTest::addColumn<Message>("message");
    QTest::addColumn<bool>("eightBit");
    QTest::addColumn<bool>("smtpUtf8");

    QTest::newRow("ascii") << basic() << false << false;

    Message m = basic();
    m.from.name = QStringLiteral("Jürgen Müller");
    m.to = {{QStringLiteral("Zoë Ça"), QStringLiteral("zoe@example.net")},
            {QStringLiteral("李小龍"), QStringLiteral("li@example.cn")}};
    m.subject = QStringLiteral("Grüße aus Köln – 日本語のテキスト");
    m.text = QStringLiteral("Grüße!\nÇa va? 日本語\n");
    QTest::newRow("non-ascii 7bit") << m << false << false;
    QTest::newRow("non-ascii 8bit") << m << true << false;
    QTest::newRow("non-ascii smtputf8") << m << true << true;

    m = basic();
    m.subject =
        QStringLiteral("Party 🎉👩‍👩‍👧‍👦 tonight 🍕🍕🍕 and more emoji "
                       "😀😃😄😁😆😅");
    m.text = QStringLiteral("Emoji 🎉 body 👩‍👩‍👧‍👦\n");
    m.from.name = QStringLiteral("😀 Smiley");
    QTest::newRow("emoji") << m << false << false;

    m = basic();
    m.subject = QStringLiteral("שלום עולם – مرحبا بالعالم");
    m.text = QStringLiteral("שלום עולם\nمرحبا بالعالم\n\u202Bembedded RTL\u202C\n");
    m.to = {{QStringLiteral("דוד"), QStringLiteral("david@example.co.il")}};
    QTest::newRow("right-to-left") << m << false << false;

    m = basic();
    m.subject = QStringLiteral("A very long subject line ").repeated(20).trimmed();
    m.text = QString(2500, QLatin1Char('L')) + QStringLiteral("\nshort\n") +
             QStringLiteral("word ").repeated(400);
    QTest::newRow("long lines") << m << false << false;
    QTest::newRow("long lines 8bit") << m << true << false;

    m = basic();
    m.subject = QString(1200, QLatin1Char('S'));
    m.from.name = QStringLiteral("Name").repeated(260); // over 998 characters
    QTest::newRow("overlong words") << m << false << false;

    m = basic();
    m.text = QStringLiteral(".\n.leading dot\nFrom the start\n..\nFrom \n>From quoted\n.");
    QTest::newRow("dot and From lines") << m << false << false;

    m = basic();
    m.text = QStringLiteral("unix\nmac\rwindows\r\nmixed\n\r\n\rend");
    QTest::newRow("CR/LF mix") << m << false << false;

    m = basic();
    m.text = QString();
    QTest::newRow("empty body") << m << false << false;

    m = basic();
    m.html = QStringLiteral("<html><body><p>Hi <b>Bob</b> – grüße</p>\n</body></html>");
    QTest::newRow("html and text") << m << false << false;
    QTest::newRow("html and text 8bit") << m << true << false;

    m = basic();
    m.attachments = {{file(QStringLiteral("empty.bin"), 0), QString(), QString(), false, {}},
                     {file(QStringLiteral("one.bin"), 1), QString(), QString(), false, {}},
                     {file(QStringLiteral("some.dat"), 1000),
                      QStringLiteral("Report \"Q3\".pdf"),
                      QStringLiteral("application/pdf"),
                      false,
                      {}}};
    QTest::newRow("0, 1 byte and quoted names") << m << false << false;

    m = basic();
    m.html = QStringLiteral("<p><img src=\"cid:logo@example.org\"></p>");
    m.attachments = {
        {file(QStringLiteral("n1.bin"), 4097),
         QStringLiteral("Übersicht – 2024 (ß).txt"),
         QStringLiteral("text/plain"),
         false,
         {}},
        {file(QStringLiteral("n2.bin"), 333), QStringLiteral("日本語のファイル名.png"),
         QStringLiteral("image/png"), true, QStringLiteral("logo@example.org")},
        {file(QStringLiteral("n3.bin"), 10),
         QStringLiteral("sehr langer Dateiname äöü ").repeated(45) + QStringLiteral(".txt"),
         QString(),
         false,
         {}}};
    QTest::newRow("non-ascii and long names") << m << false << false;
    QTest::newRow("non-ascii names smtputf8") << m << true << true;

    m = basic();
    m.attachments = {{file(QStringLiteral("big.bin"), 50 * 1024 * 1024),
                      QStringLiteral("big.bin"),
                      QStringLiteral("application/octet-stream"),
                      false,
                      {}}};
    QTest::newRow("50 MB attachment") << m << false << false;

    m = basic();
    m.sender = {QStringLiteral("Secretary"), QStringLiteral("sec@example.org")};
    m.replyTo = {{QStringLiteral("Doe, John"), QStringLiteral("j@x.org")},
                 {QString(), QStringLiteral("list@example.org")}};
    m.cc = {{QStringLiteral("C. Person (work)"), QStringLiteral("c@example.com")}};
    m.bcc = {{QStringLiteral("Hidden"), QStringLiteral("hidden@example.com")}};
    m.priority = Message::Priority::High;
    m.dispositionNotificationTo = m.from;
    m.inReplyTo = QStringLiteral("<abc.123@example.org>");
    m.references = {QStringLiteral("first@example.org"), QStringLiteral("<abc.123@example.org>")};
    m.extraHeaders = {{QStringLiteral("X-Mailing-Campaign"), QStringLiteral("Spring – Frühling")},
                      {QStringLiteral("X-Ticket"), QStringLiteral("#4711")}};
    QTest::newRow("all header fields") << m << false << false;

    m = basic();
    m.from = {QStringLiteral("Bücher"), QStringLiteral("info@bücher.example")};
    m.to = {{QString(), QStringLiteral("ελένη@παράδειγμα.δοκιμή")}};
    QTest::newRow("utf8 addresses smtputf8") << m << true << true;
}

void TestMime::oracle()
{
    QFETCH(Message, message);
    QFETCH(bool, eightBit);
    QFETCH(bool, smtpUtf8);
    for (const Attachment &a : message.attachments)
        QVERIFY2(!a.path.isEmpty(), "test attachment not created");

    MimeMessageSource source(message);
    QList<QByteArray> keywords;
    if (eightBit)
        keywords << "8BITMIME";
    if (smtpUtf8)
        keywords << "SMTPUTF8";
    QString error;
    QIODevice *device = source.open(caps(keywords), &error);
    QVERIFY2(device, qPrintable(error));
    const qint64 announced = source.size();
    bool ok = false;
    const QByteArray bytes = drain(device, &ok);
    QVERIFY2(ok, qPrintable(device->errorString()));
    QCOMPARE(bytes.size(), announced);
    QVERIFY(device->atEnd());

    // Raw UTF-8 in the headers (and SMTPUTF8 on MAIL) only when an address needs it.
    const bool utf8Headers = smtpUtf8 && message.needsUtf8Addresses();
    QCOMPARE(source.needsSmtpUtf8(), utf8Headers);
    const QByteArray headerBlock = bytes.left(bytes.indexOf("\r\n\r\n"));
    QCOMPARE(std::any_of(headerBlock.cbegin(), headerBlock.cend(),
                         [](char c) { return static_cast<unsigned char>(c) >= 0x80; }),
             utf8Headers);

    QJsonObject expected;
    expected[QStringLiteral("wire")] = QJsonObject{{QStringLiteral("eightbit"), eightBit},
                                                   {QStringLiteral("smtputf8"), utf8Headers}};
    expected[QStringLiteral("from")] = mailboxes({message.from});
    expected[QStringLiteral("to")] = mailboxes(message.to);
    expected[QStringLiteral("cc")] = mailboxes(message.cc);
    expected[QStringLiteral("reply_to")] = mailboxes(message.replyTo);
    if (!message.sender.isEmpty())
        expected[QStringLiteral("sender")] = mailboxes({message.sender});
    if (!message.dispositionNotificationTo.isEmpty())
        expected[QStringLiteral("disposition_notification_to")] =
            mailboxes({message.dispositionNotificationTo});
    expected[QStringLiteral("subject")] = message.subject;
    expected[QStringLiteral("text")] = message.text;
    expected[QStringLiteral("html")] =
        message.html.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(message.html);
    const QString fromAddress = message.from.address;
    expected[QStringLiteral("message_id_domain")] =
        QString::fromLatin1(QUrl::toAce(fromAddress.mid(fromAddress.lastIndexOf(u'@') + 1)));
    expected[QStringLiteral("date_epoch")] = message.date.toSecsSinceEpoch();
    expected[QStringLiteral("date_offset_minutes")] = message.date.offsetFromUtc() / 60;
    QJsonObject extra;
    for (const ExtraHeader &h : message.extraHeaders)
        extra[h.name] = h.value;
    expected[QStringLiteral("extra")] = extra;
    if (!message.inReplyTo.isEmpty())
        expected[QStringLiteral("in_reply_to")] = QStringLiteral("<abc.123@example.org>");
    if (!message.references.isEmpty())
        expected[QStringLiteral("references")] = QJsonArray{
            QStringLiteral("<first@example.org>"), QStringLiteral("<abc.123@example.org>")};
    if (message.priority == Message::Priority::High)
        expected[QStringLiteral("priority")] = QStringLiteral("high");
    QJsonArray attachments;
    for (const Attachment &a : message.attachments) {
        QJsonObject o;
        o[QStringLiteral("filename")] = a.shownName();
        if (!a.contentType.isEmpty())
            o[QStringLiteral("content_type")] = a.contentType;
        o[QStringLiteral("disposition")] =
            a.isInline ? QStringLiteral("inline") : QStringLiteral("attachment");
        o[QStringLiteral("size")] = QFileInfo(a.path).size();
        o[QStringLiteral("sha256")] = QString::fromLatin1(sha256OfFile(a.path));
        attachments.append(o);
    }
    expected[QStringLiteral("attachments")] = attachments;

    const QString verdict = runOracle(bytes, expected);
    QVERIFY2(verdict.isEmpty(), qPrintable(verdict));
}

void TestMime::capabilitiesChooseEncoding()
{
    Message m = basic();
    m.subject = QStringLiteral("Grüße");
    m.text = QStringLiteral("Grüße\n");
    MimeMessageSource source(m);
    QString error;

    QIODevice *plain = source.open(caps({}), &error);
    QVERIFY(plain);
    bool ok = false;
    QByteArray bytes = drain(plain, &ok);
    QVERIFY(bytes.contains("Content-Transfer-Encoding: quoted-printable"));
    QVERIFY(bytes.contains("Subject: =?UTF-8?"));
    QVERIFY(!source.needs8BitMime());
    QVERIFY(!source.needsSmtpUtf8());
    const QByteArray firstId = bytes.mid(bytes.indexOf("Message-ID:"), 40);

    QIODevice *eight = source.open(caps({"8BITMIME"}), &error);
    QVERIFY(eight);
    bytes = drain(eight, &ok);
    QVERIFY(bytes.contains("Content-Transfer-Encoding: 8bit"));
    QVERIFY(bytes.contains("Subject: =?UTF-8?"));
    QVERIFY(source.needs8BitMime());
    QVERIFY(!source.needsSmtpUtf8());
    // The same message each time: the id is fixed when the source is made.
    QCOMPARE(bytes.mid(bytes.indexOf("Message-ID:"), 40), firstId);

    // SMTPUTF8 offered changes nothing while every address has an ASCII form: raw UTF-8
    // headers would make the message bounce at a later relay without SMTPUTF8 (RFC 6531).
    QIODevice *offered = source.open(caps({"8BITMIME", "SMTPUTF8"}), &error);
    QVERIFY(offered);
    bytes = drain(offered, &ok);
    QVERIFY(bytes.contains("Subject: =?UTF-8?"));
    QVERIFY(!source.needsSmtpUtf8());

    Message utf8Address = m;
    utf8Address.to = {{QString(), QStringLiteral("jörg@example.net")}};
    MimeMessageSource needed(utf8Address);
    QIODevice *utf8 = needed.open(caps({"8BITMIME", "SMTPUTF8"}), &error);
    QVERIFY(utf8);
    bytes = drain(utf8, &ok);
    QVERIFY(bytes.contains(QStringLiteral("Subject: Grüße\r\n").toUtf8()));
    QVERIFY(needed.needsSmtpUtf8());
}

void TestMime::refusesHeaderInjection_data()
{
    QTest::addColumn<Message>("message");
    QTest::addColumn<QString>("error");

    Message m = basic();
    m.subject = QStringLiteral("Hi\r\nBcc: victim@example.org");
    QTest::newRow("subject CRLF") << m << QStringLiteral("Subject: contains a line break");
    m = basic();
    m.subject = QStringLiteral("Hi\nthere");
    QTest::newRow("subject LF") << m << QStringLiteral("Subject: contains a line break");
    m = basic();
    m.extraHeaders = {{QStringLiteral("X-Test"), QStringLiteral("a\rb")}};
    QTest::newRow("extra value CR") << m << QStringLiteral("X-Test: contains a line break");
    m = basic();
    m.extraHeaders = {{QStringLiteral("X-Test\r\nBcc"), QStringLiteral("x")}};
    QTest::newRow("extra name") << m << QStringLiteral("Header X-Test Bcc: the header name");
    m = basic();
    m.extraHeaders = {{QStringLiteral("Content-Type"), QStringLiteral("text/html")}};
    QTest::newRow("reserved name")
        << m << QStringLiteral("Header Content-Type: Content-Type is written");
    m = basic();
    m.from.name = QStringLiteral("Ana\r\nBcc: x@y.org");
    QTest::newRow("display name") << m << QStringLiteral("From: the name");
    m = basic();
    m.to = {{QString(), QStringLiteral("bob@example.net\r\nRCPT TO:<x@y.org>")}};
    QTest::newRow("address") << m << QStringLiteral("To: <");
    m = basic();
    m.inReplyTo = QStringLiteral("<a@b>\r\nX: y");
    QTest::newRow("in-reply-to") << m << QStringLiteral("In-Reply-To:");
    m = basic();
    m.attachments = {{QStringLiteral("/nonexistent/report.pdf"), QString(), QString(), false, {}}};
    QTest::newRow("missing attachment")
        << m << QStringLiteral("Attachment report.pdf: file does not exist");
}

void TestMime::refusesHeaderInjection()
{
    QFETCH(Message, message);
    QFETCH(QString, error);
    QVERIFY2(message.validate().startsWith(error), qPrintable(message.validate()));
    QString why;
    QVERIFY(!MimeWriter::create(message, {}, &why));
    QCOMPARE(why, message.validate());
}

void TestMime::refusesNonAsciiLocalPartWithoutSmtpUtf8()
{
    Message m = basic();
    m.cc = {{QStringLiteral("Jürgen"), QStringLiteral("jürgen@example.org")}};
    MimeMessageSource source(m);
    QString error;
    QVERIFY(!source.open(caps({"8BITMIME"}), &error));
    QVERIFY2(
        error.startsWith(QStringLiteral("Cc: <jürgen@example.org> has a non-ASCII local part")),
        qPrintable(error));
    QVERIFY(error.contains(QLatin1String("SMTPUTF8")));
    QVERIFY(source.open(caps({"8BITMIME", "SMTPUTF8"}), &error));
}

void TestMime::idnaDomainWithoutSmtpUtf8()
{
    Message m = basic();
    m.to = {{QString(), QStringLiteral("info@bücher.example")}};
    QString error;
    auto writer = MimeWriter::create(m, {}, &error);
    QVERIFY(writer);
    const QByteArray bytes = writer->readAll();
    QVERIFY(bytes.contains("To: info@xn--bcher-kva.example\r\n"));
}

void TestMime::attachmentGoneBeforeRead()
{
    const QString path = m_dir.filePath(QStringLiteral("vanishing.pdf"));
    QFile::copy(file(QStringLiteral("seed.bin"), 200000), path);
    Message m = basic();
    m.attachments = {{path, QStringLiteral("vanishing.pdf"), QString(), false, {}}};
    QString error;
    auto writer = MimeWriter::create(m, {}, &error);
    QVERIFY2(writer, qPrintable(error));
    QByteArray head(100, '\0');
    QCOMPARE(writer->read(head.data(), 100), 100);
    QVERIFY(QFile::remove(path));
    bool ok = true;
    drain(writer.get(), &ok);
    QVERIFY(!ok);
    QVERIFY2(writer->errorString().contains(QLatin1String("Attachment vanishing.pdf")),
             qPrintable(writer->errorString()));
    QVERIFY(!writer->atEnd());
    QCOMPARE(writer->read(head.data(), 100), -1);
}

void TestMime::attachmentShrinksMidRead()
{
    const QString path = m_dir.filePath(QStringLiteral("shrinking.bin"));
    QFile::copy(file(QStringLiteral("seed2.bin"), 3000000), path);
    Message m = basic();
    m.attachments = {{path, QString(), QString(), false, {}}};
    QString error;
    auto writer = MimeWriter::create(m, {}, &error);
    QVERIFY2(writer, qPrintable(error));
    QByteArray buffer(500000, '\0');
    QVERIFY(writer->read(buffer.data(), buffer.size()) > 0);
    QVERIFY(QFile::resize(path, 1000000));
    bool ok = true;
    drain(writer.get(), &ok);
    QVERIFY(!ok);
    QVERIFY2(writer->errorString().contains(QLatin1String("Attachment shrinking.bin")) &&
                 writer->errorString().contains(QLatin1String("shorter")),
             qPrintable(writer->errorString()));
}

void TestMime::attachmentGrowsMidRead()
{
    const QString path = m_dir.filePath(QStringLiteral("growing.bin"));
    QFile::copy(file(QStringLiteral("seed3.bin"), 100000), path);
    Message m = basic();
    m.attachments = {{path, QString(), QString(), false, {}}};
    QString error;
    auto writer = MimeWriter::create(m, {}, &error);
    QVERIFY2(writer, qPrintable(error));
    QFile grow(path);
    QVERIFY(grow.open(QIODevice::Append));
    grow.write(QByteArray(10, 'x'));
    grow.close();
    bool ok = true;
    drain(writer.get(), &ok);
    QVERIFY(!ok);
    QVERIFY2(writer->errorString().contains(QLatin1String("grew")),
             qPrintable(writer->errorString()));
}

void TestMime::boundariesAvoidContent()
{
    Message m = basic();
    m.html = QStringLiteral("<p>--=_pw_ looks like a boundary</p>");
    m.text = QStringLiteral("--=_pw_\n--=_pw_AAAAAAAAAAAAAAAAAAAAAAAA--\n");
    QString error;
    auto writer = MimeWriter::create(m, {}, &error);
    QVERIFY(writer);
    const QByteArray bytes = writer->readAll();
    const qsizetype at = bytes.indexOf("boundary=\"") + 10;
    const QByteArray boundary = bytes.mid(at, bytes.indexOf('"', at) - at);
    QVERIFY(boundary.startsWith("=_pw_"));
    QCOMPARE(bytes.count(QByteArray("--" + boundary)), 3);
}

QTEST_GUILESS_MAIN(TestMime)
#include "tst_mime.moc"
