// MimeParser, the reader under both the .eml importer and the sandbox inbox: the part tree of
// well-formed and broken mail, header fields, RFC 2047 words, RFC 2231 parameters, charsets,
// and transfer decoding in slices without copying unencoded bodies.
#include "mime/emlparser.h"
#include "mime/mimeparser.h"
#include "mime/quotedprintable.h"
#include "sandbox/parsedmail.h"

#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

namespace {

// Bytes as a readable line: printable ASCII as it is, CR/LF as \r \n, the rest as \xNN.
QString escaped(const QByteArray &bytes)
{
    QString out;
    for (const char c : bytes) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '\r')
            out += QLatin1String("\\r");
        else if (c == '\n')
            out += QLatin1String("\\n");
        else if (u >= 0x20 && u < 0x7f)
            out += QLatin1Char(c);
        else
            out += QLatin1String("\\x") +
                   QString::number(u, 16).toUpper().rightJustified(2, QLatin1Char('0'));
    }
    return out;
}

// The tree in one line: multipart/x(child | child), a leaf as type[file name]:decoded body.
QString outline(const MimeParser::Part &part)
{
    QString out = QString::fromLatin1(part.type);
    if (!part.children.isEmpty()) {
        QStringList children;
        for (const MimeParser::Part &child : part.children)
            children << outline(child);
        return out + QLatin1Char('(') + children.join(QLatin1String(" | ")) + QLatin1Char(')');
    }
    if (!part.fileName().isEmpty())
        out += QLatin1Char('[') + part.fileName() + QLatin1Char(']');
    return out + QLatin1Char(':') + escaped(part.decodedBody());
}

int depth(const MimeParser::Part &part)
{
    int deepest = 0;
    for (const MimeParser::Part &child : part.children)
        deepest = qMax(deepest, depth(child));
    return deepest + 1;
}

const QByteArray Nested = "Subject: nested\r\n"
                          "Content-Type: multipart/related; boundary=\"rel\";\r\n"
                          " type=\"multipart/alternative\"\r\n"
                          "\r\n"
                          "--rel\r\n"
                          "Content-Type: multipart/alternative;\r\n"
                          " boundary=\"=_alt 1\"\r\n"
                          "\r\n"
                          "--=_alt 1\r\n"
                          "Content-Type: text/plain; charset=iso-8859-1\r\n"
                          "Content-Transfer-Encoding: quoted-printable\r\n"
                          "\r\n"
                          "K=F6ln=\r\n"
                          " ist sch=F6n\r\n"
                          "--=_alt 1\r\n"
                          "Content-Type: text/html\r\n"
                          "Content-Transfer-Encoding: base64\r\n"
                          "\r\n"
                          "PHA+SzwvcD4=\r\n"
                          "--=_alt 1--\r\n"
                          "--rel\r\n"
                          "Content-Type: image/gif; name=dot.gif\r\n"
                          "Content-ID: <dot>\r\n"
                          "Content-Transfer-Encoding: base64\r\n"
                          "\r\n"
                          "R0lGODlh\r\n"
                          "--rel--\r\n";

const QString NestedOutline =
    QStringLiteral("multipart/related(multipart/alternative(text/plain:K\\xF6ln ist sch\\xF6n | "
                   "text/html:<p>K</p>) | image/gif[dot.gif]:GIF89a)");

QByteArray bareLf(QByteArray crlf)
{
    return crlf.replace("\r\n", "\n");
}

} // namespace

class TestMimeParser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void tree_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<QString>("expected");
        QTest::newRow("single part") << QByteArray("Subject: a\r\n\r\nhello\r\n")
                                     << QStringLiteral("text/plain:hello\\r\\n");
        QTest::newRow("single part, bare LF")
            << QByteArray("Subject: a\n\nhello\n") << QStringLiteral("text/plain:hello\\n");
        QTest::newRow("nested") << Nested << NestedOutline;
        QTest::newRow("nested, bare LF") << bareLf(Nested) << NestedOutline;
        QTest::newRow("quoted-printable")
            << QByteArray("Content-Transfer-Encoding: Quoted-Printable\r\n\r\n"
                          "long=\r\nline =3D x=3d=\r\n=ZZ end\r\n")
            << QStringLiteral("text/plain:longline = x==ZZ end\\r\\n");
        QTest::newRow("quoted-printable, bare LF")
            << QByteArray("Content-Transfer-Encoding: quoted-printable\n\nsoft=\nbreak\n")
            << QStringLiteral("text/plain:softbreak\\n");
        QTest::newRow("base64 lines")
            << QByteArray("Content-Transfer-Encoding: base64\r\n\r\nR3LD\r\nvMOf\r\nZQ==\r\n")
            << QStringLiteral("text/plain:Gr\\xC3\\xBC\\xC3\\x9Fe");
        QTest::newRow("base64 with junk and no padding")
            << QByteArray("Content-Transfer-Encoding: base64\r\n\r\nR3L!D\r\nvM*Of\r\nZQ\r\n")
            << QStringLiteral("text/plain:Gr\\xC3\\xBC\\xC3\\x9Fe");
        QTest::newRow("unknown transfer encoding kept")
            << QByteArray("Content-Transfer-Encoding: x-uuencode\r\n\r\nbegin\r\n")
            << QStringLiteral("text/plain:begin\\r\\n");
        QTest::newRow("missing final boundary")
            << QByteArray("Content-Type: multipart/mixed; boundary=b\r\n\r\n"
                          "--b\r\n\r\none\r\n--b\r\nContent-Type: text/html\r\n\r\ntwo\r\n")
            << QStringLiteral("multipart/mixed(text/plain:one | text/html:two)");
        QTest::newRow("inner final boundary missing")
            << QByteArray("Content-Type: multipart/mixed; boundary=o\r\n\r\n"
                          "--o\r\nContent-Type: multipart/alternative; boundary=i\r\n\r\n"
                          "--i\r\n\r\na\r\n--i\r\nContent-Type: text/html\r\n\r\nb\r\n"
                          "--o\r\nContent-Type: image/png\r\n\r\nc\r\n--o--\r\n")
            << QStringLiteral("multipart/mixed(multipart/alternative(text/plain:a | "
                              "text/html:b) | image/png:c)");
        QTest::newRow("boundary never occurs")
            << QByteArray("Content-Type: multipart/mixed; boundary=b\r\n\r\n--x\r\nbody\r\n")
            << QStringLiteral("text/plain:--x\\r\\nbody\\r\\n");
        QTest::newRow("no boundary parameter")
            << QByteArray("Content-Type: multipart/mixed\r\n\r\n--b\r\nbody\r\n")
            << QStringLiteral("text/plain:--b\\r\\nbody\\r\\n");
        QTest::newRow("preamble and epilogue")
            << QByteArray("Content-Type: multipart/mixed; boundary=b\r\n\r\n"
                          "This is a MIME message.\r\n--b\r\n\r\nx\r\n--b--\r\nepilogue\r\n")
            << QStringLiteral("multipart/mixed(text/plain:x)");
        QTest::newRow("transport padding after delimiters")
            << QByteArray("Content-Type: multipart/mixed; boundary=b\r\n\r\n"
                          "--b \t\r\n\r\nx\r\n--b-- \r\n")
            << QStringLiteral("multipart/mixed(text/plain:x)");
        QTest::newRow("longer boundary is content")
            << QByteArray("Content-Type: multipart/mixed; boundary=b\r\n\r\n"
                          "--b\r\n\r\nx\r\n--bx\r\n --b\r\ny\r\n--b--\r\n")
            << QStringLiteral("multipart/mixed(text/plain:x\\r\\n--bx\\r\\n --b\\r\\ny)");
        QTest::newRow("delimiter inside a line is content")
            << QByteArray("Content-Type: multipart/mixed; boundary=b\r\n\r\n"
                          "--b\r\n\r\nsee --b here\r\n--b--\r\n")
            << QStringLiteral("multipart/mixed(text/plain:see --b here)");
        QTest::newRow("part without the empty line")
            << QByteArray("Content-Type: multipart/mixed; boundary=b\r\n\r\n"
                          "--b\r\nContent-Type: text/html\r\n<p>x</p>\r\n--b--\r\n")
            << QStringLiteral("multipart/mixed(text/html:<p>x</p>)");
        QTest::newRow("empty parts")
            << QByteArray("Content-Type: multipart/mixed; boundary=b\r\n\r\n"
                          "--b\r\n\r\n--b\r\n\r\nsecond\r\n--b--\r\n")
            << QStringLiteral("multipart/mixed(text/plain: | text/plain:second)");
        QTest::newRow("mbox From line")
            << QByteArray("From a@example.org Thu Feb 29 13:05:09 2024\r\nSubject: x\r\n\r\nb\r\n")
            << QStringLiteral("text/plain:b\\r\\n");
        QTest::newRow("malformed type is text/plain")
            << QByteArray("Content-Type: garbage\r\n\r\nx") << QStringLiteral("text/plain:x");
        QTest::newRow("RFC 2231 file name")
            << QByteArray("Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n"
                          "Content-Type: application/pdf\r\n"
                          "Content-Disposition: attachment;\r\n filename*0*=utf-8''K%C3%B6ln;\r\n"
                          " filename*1=\".pdf\"\r\n\r\nPDF\r\n--b--\r\n")
            << QStringLiteral("multipart/mixed(application/pdf[Köln.pdf]:PDF)");
    }
    void tree()
    {
        QFETCH(QByteArray, raw);
        QFETCH(QString, expected);
        QCOMPARE(outline(MimeParser::parse(raw)), expected);
    }

    // Mail written by other programs, old and broken, in the shapes where Postwire once read it
    // differently from mature readers (issue 17, "Reading mail written by others"). Written by
    // hand; LF-only where a file from a Unix mailbox would be.
    void othersMail_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<QString>("tree");
        QTest::addColumn<QString>("text"); // the body a reader shows
        QTest::addColumn<bool>("broken");  // Bodies::problems says the structure is broken

        // RFC 2046 5.1.5: in a digest a part without Content-Type is a message.
        QTest::newRow("digest entries are messages")
            << QByteArray("Subject: digest\r\nContent-Type: multipart/digest; boundary=d\r\n\r\n"
                          "--d\r\n\r\nFrom: a@x.org\r\nSubject: first\r\n\r\none\r\n"
                          "--d\r\n\r\nFrom: b@x.org\r\n\r\ntwo\r\n"
                          "--d\r\nContent-Type: text/plain\r\n\r\nnot a message\r\n--d--\r\n")
            << QStringLiteral("multipart/digest(message/rfc822:From: a@x.org\\r\\nSubject: "
                              "first\\r\\n\\r\\none | message/rfc822:From: b@x.org\\r\\n"
                              "\\r\\ntwo | text/plain:not a message)")
            << QStringLiteral("not a message") << false;
        QTest::newRow("digest inside mixed")
            << QByteArray("Content-Type: multipart/mixed; boundary=m\r\n\r\n"
                          "--m\r\n\r\nintro\r\n"
                          "--m\r\nContent-Type: multipart/digest; boundary=d\r\n\r\n"
                          "--d\r\n\r\nSubject: s\r\n\r\nx\r\n--d--\r\n--m--\r\n")
            << QStringLiteral("multipart/mixed(text/plain:intro | multipart/digest("
                              "message/rfc822:Subject: s\\r\\n\\r\\nx))")
            << QStringLiteral("intro") << false;
        // Illegal (RFC 2046 5.1.1), found in real mail: the inner multipart takes the parts
        // after it until a close, and the outer goes on after that.
        QTest::newRow("nested multipart reuses the boundary")
            << QByteArray("Content-Type: multipart/mixed; boundary=X\r\n\r\n"
                          "--X\r\nContent-Type: multipart/alternative; boundary=X\r\n\r\n"
                          "--X\r\nContent-Type: text/plain\r\n\r\nhello\r\n"
                          "--X\r\nContent-Type: text/html\r\n\r\n<p>hello</p>\r\n--X--\r\n"
                          "--X\r\nContent-Type: image/png\r\n\r\nPNG\r\n--X--\r\n")
            << QStringLiteral("multipart/mixed(multipart/alternative(text/plain:hello | "
                              "text/html:<p>hello</p>) | image/png:PNG)")
            << QStringLiteral("hello") << false;
        QTest::newRow("reused boundary, one close")
            << QByteArray("Content-Type: multipart/mixed; boundary=X\n\n"
                          "--X\nContent-Type: multipart/alternative; boundary=X\n\n"
                          "--X\nContent-Type: text/plain\n\nhello\n--X--\n")
            << QStringLiteral("multipart/mixed(multipart/alternative(text/plain:hello))")
            << QStringLiteral("hello") << false;
        // RFC 2183: inline means show it, even with a file name.
        QTest::newRow("inline text part with a file name")
            << QByteArray("Subject: x\r\nContent-Type: text/plain; name=note.txt\r\n"
                          "Content-Disposition: inline; filename=note.txt\r\n\r\nhello\r\n")
            << QStringLiteral("text/plain[note.txt]:hello\\r\\n") << QStringLiteral("hello\r\n")
            << false;
        QTest::newRow("inline named part in a multipart")
            << QByteArray("Content-Type: multipart/mixed; boundary=b\r\n\r\n"
                          "--b\r\nContent-Type: text/plain\r\n"
                          "Content-Disposition: inline; filename=\"body.txt\"\r\n\r\nhello\r\n"
                          "--b\r\nContent-Type: text/plain\r\n"
                          "Content-Disposition: attachment; filename=a.txt\r\n\r\natt\r\n--b--\r\n")
            << QStringLiteral("multipart/mixed(text/plain[body.txt]:hello | text/plain[a.txt]:att)")
            << QStringLiteral("hello") << false;
        // A boundary that never occurs: the parts are found by their "--token" lines, and the
        // reader is told the structure is broken.
        QTest::newRow("wrong boundary")
            << QByteArray("Content-Type: multipart/mixed; boundary=\"wrong\"\r\n\r\n"
                          "--real\r\nContent-Type: text/plain\r\n\r\none\r\n"
                          "--real\r\nContent-Type: application/pdf; name=a.pdf\r\n\r\nPDF\r\n"
                          "--real--\r\n")
            << QStringLiteral("multipart/mixed(text/plain:one | application/pdf[a.pdf]:PDF)")
            << QStringLiteral("one") << true;
        QTest::newRow("missing boundary")
            << QByteArray("Content-Type: multipart/alternative\n\n"
                          "preamble\n--=_a1\nContent-Type: text/plain\n\nplain\n"
                          "--=_a1\nContent-Type: text/html\n\n<p>html</p>\n--=_a1--\n")
            << QStringLiteral("multipart/alternative(text/plain:plain | text/html:<p>html</p>)")
            << QStringLiteral("plain") << true;
        QTest::newRow("no part to be found")
            << QByteArray("Content-Type: multipart/mixed; boundary=b\r\n\r\njust text\r\n")
            << QStringLiteral("text/plain:just text\\r\\n") << QStringLiteral("just text\r\n")
            << true;
        // One line-ending rule for a whole message: an LF-only file's quoted-printable part
        // keeps LF like its 8bit part.
        QTest::newRow("LF-only file, 8bit and quoted-printable")
            << QByteArray("Content-Type: multipart/mixed; boundary=b\n\n"
                          "--b\nContent-Type: text/plain; charset=utf-8\n\nl\xc3\xa4ne 1\nline 2\n"
                          "--b\nContent-Type: text/plain; charset=utf-8; name=q.txt\n"
                          "Content-Transfer-Encoding: quoted-printable\n\nl=C3=A4ne 1\nline=\n 2\n"
                          "--b--\n")
            << QStringLiteral("multipart/mixed(text/plain:l\\xC3\\xA4ne 1\\nline 2 | "
                              "text/plain[q.txt]:l\\xC3\\xA4ne 1\\nline 2)")
            << QStringLiteral("l\u00e4ne 1\nline 2") << false;
        QTest::newRow("CRLF file, quoted-printable")
            << QByteArray("Content-Transfer-Encoding: quoted-printable\r\n\r\na=3D1\r\nb\r\n")
            << QStringLiteral("text/plain:a=1\\r\\nb\\r\\n") << QStringLiteral("a=1\r\nb\r\n")
            << false;
    }
    void othersMail()
    {
        QFETCH(QByteArray, raw);
        QFETCH(QString, tree);
        QFETCH(QString, text);
        QFETCH(bool, broken);
        const MimeParser::Part root = MimeParser::parse(raw);
        QCOMPARE(outline(root), tree);
        const MimeParser::Bodies bodies = MimeParser::bodies(root);
        QVERIFY(bodies.text);
        QCOMPARE(bodies.text->text(), text);
        QCOMPARE(!bodies.problems.isEmpty(), broken);
        for (const QString &problem : bodies.problems)
            QVERIFY2(problem.contains(QLatin1String("multipart/")), qPrintable(problem));
    }

    // RFC 5322 unfolding removes only the line breaks: the inbox's reader and the .eml reader
    // show a header alike, runs of spaces included.
    void readersAgreeOnHeaders_data()
    {
        QTest::addColumn<QByteArray>("subject"); // as written, folded or not
        QTest::addColumn<QString>("shown");
        QTest::newRow("two spaces") << QByteArray("two  spaces") << QStringLiteral("two  spaces");
        QTest::newRow("folded") << QByteArray("folded\r\n  here") << QStringLiteral("folded  here");
        QTest::newRow("folded with a tab") << QByteArray("a\r\n\tb") << QStringLiteral("a\tb");
        QTest::newRow("encoded words")
            << QByteArray("=?UTF-8?Q?K=C3=B6ln?=\r\n =?UTF-8?Q?_Hbf?=  end")
            << QStringLiteral("K\u00f6ln Hbf  end");
    }
    void readersAgreeOnHeaders()
    {
        QFETCH(QByteArray, subject);
        QFETCH(QString, shown);
        const QByteArray raw = "From: a@x.org\r\nSubject: " + subject + "\r\n\r\nbody\r\n";
        QTemporaryDir dir;
        QString error;
        const std::optional<Message> eml = EmlParser::parse(raw, dir.path(), &error);
        QVERIFY2(eml, qPrintable(error));
        QCOMPARE(eml->subject, shown);
        QCOMPARE(ParsedMail::parse(raw).header(QStringLiteral("Subject")), shown);
    }

    // A format=flowed text part (RFC 3676) reads as its paragraphs in the inbox and in the
    // .eml reader alike; any other text keeps its lines.
    void readersAgreeOnFlowedText_data()
    {
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("shown");
        const QByteArray flowedBody = "Hi Ana, this line \r\nflows on.\r\n\r\n> quoted \r\n>and "
                                      "more\r\n From here\r\n-- \r\nBo\r\n";
        QTest::newRow("flowed") << QByteArray("text/plain; charset=utf-8; format=flowed")
                                << flowedBody
                                << QStringLiteral("Hi Ana, this line flows on.\n\n> quoted "
                                                  "and more\nFrom here\n-- \nBo");
        QTest::newRow("flowed, quoted parameter, any case")
            << QByteArray("text/plain; format=\"Flowed\"; delsp=YES")
            << QByteArray("Lang \r\nwort\r\n") << QStringLiteral("Langwort");
        QTest::newRow("fixed") << QByteArray("text/plain; charset=utf-8") << flowedBody
                               << QStringLiteral("Hi Ana, this line \nflows on.\n\n> quoted "
                                                 "\n>and more\n From here\n-- \nBo");
    }
    void readersAgreeOnFlowedText()
    {
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, body);
        QFETCH(QString, shown);
        const QByteArray single =
            "From: a@x.org\r\nContent-Type: " + contentType + "\r\n\r\n" + body;
        const QByteArray multi = "From: a@x.org\r\nMIME-Version: 1.0\r\nContent-Type: "
                                 "multipart/alternative; boundary=b\r\n\r\n--b\r\nContent-Type: " +
                                 contentType + "\r\n\r\n" + body +
                                 "\r\n--b\r\nContent-Type: text/html\r\n\r\n<p>x</p>\r\n--b--\r\n";
        for (const QByteArray &raw : {single, multi}) {
            QTemporaryDir dir;
            QString error;
            const std::optional<Message> eml = EmlParser::parse(raw, dir.path(), &error);
            QVERIFY2(eml, qPrintable(error));
            QString text = eml->text;
            while (text.endsWith(QLatin1Char('\n'))) // a part's last line break stays
                text.chop(1);
            QCOMPARE(text, shown);
            QCOMPARE(eml->flowed, contentType.contains("lowed"));
            QString inbox = ParsedMail::parse(raw).text;
            inbox.replace(QLatin1String("\r\n"), QLatin1String("\n"));
            while (inbox.endsWith(QLatin1Char('\n')))
                inbox.chop(1);
            QCOMPARE(inbox, shown);
        }
    }

    void deepNestingIsCut()
    {
        QByteArray raw;
        for (int i = 0; i < 200; ++i)
            raw += "Content-Type: multipart/mixed; boundary=b" + QByteArray::number(i) +
                   "\r\n\r\n--b" + QByteArray::number(i) + "\r\n";
        raw += "\r\ninnermost\r\n";
        const MimeParser::Part root = MimeParser::parse(raw);
        QCOMPARE(depth(root), 21);
        const QList<const MimeParser::Part *> leaves = root.leaves();
        QCOMPARE(leaves.size(), 1);
        QCOMPARE(leaves.first()->type, QByteArray("multipart/mixed"));
    }

    void headerSection_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<QStringList>("fields"); // name=value, undecoded
        QTest::addColumn<QByteArray>("headerBlock");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("folded")
            << QByteArray("Subject: one\r\n two\r\n\tthree\r\nTo: x@y\r\n\r\nbody")
            << QStringList{QStringLiteral("Subject=one two\\x09three"), QStringLiteral("To=x@y")}
            << QByteArray("Subject: one\r\n two\r\n\tthree\r\nTo: x@y") << QByteArray("body");
        QTest::newRow("bare LF") << QByteArray("Subject: a\n b\nTo: x@y\n\nbody\n")
                                 << QStringList{QStringLiteral("Subject=a b"),
                                                QStringLiteral("To=x@y")}
                                 << QByteArray("Subject: a\n b\nTo: x@y") << QByteArray("body\n");
        QTest::newRow("obsolete space before colon, empty value")
            << QByteArray("Subject : a\r\nX-Empty:\r\n\r\n")
            << QStringList{QStringLiteral("Subject=a"), QStringLiteral("X-Empty=")}
            << QByteArray("Subject : a\r\nX-Empty:") << QByteArray();
        QTest::newRow("a line that is no field starts the body")
            << QByteArray("Subject: a\r\nthis is text: not a field\r\nTo: x\r\n")
            << QStringList{QStringLiteral("Subject=a")} << QByteArray("Subject: a")
            << QByteArray("this is text: not a field\r\nTo: x\r\n");
        QTest::newRow("no headers") << QByteArray("just text\r\n") << QStringList() << QByteArray()
                                    << QByteArray("just text\r\n");
        QTest::newRow("empty first line") << QByteArray("\r\nSubject: body\r\n") << QStringList()
                                          << QByteArray() << QByteArray("Subject: body\r\n");
        QTest::newRow("headers only")
            << QByteArray("Subject: a\r\n") << QStringList{QStringLiteral("Subject=a")}
            << QByteArray("Subject: a") << QByteArray();
        QTest::newRow("raw UTF-8 kept undecoded")
            << QByteArray("Subject: Gr\xc3\xbc\xc3\x9f"
                          "e\r\n\r\n")
            << QStringList{QStringLiteral("Subject=Gr\\xC3\\xBC\\xC3\\x9Fe")}
            << QByteArray("Subject: Gr\xc3\xbc\xc3\x9f"
                          "e")
            << QByteArray();
    }
    void headerSection()
    {
        QFETCH(QByteArray, raw);
        QFETCH(QStringList, fields);
        QFETCH(QByteArray, headerBlock);
        QFETCH(QByteArray, body);
        const MimeParser::Part part = MimeParser::parse(raw);
        QStringList got;
        for (const MimeParser::Field &f : part.fields)
            got << QString::fromLatin1(f.name) + QLatin1Char('=') + escaped(f.value);
        QCOMPARE(got, fields);
        QCOMPARE(part.headerBlock.toByteArray(), headerBlock);
        QCOMPARE(part.body.toByteArray(), body);
        if (!fields.isEmpty()) {
            const QByteArray first = fields.first().section(QLatin1Char('='), 0, 0).toLatin1();
            QVERIFY(part.has(first.toUpper()));
            QCOMPARE(part.value(first.toLower()), part.fields.first().value);
        }
    }

    void decodeHeader_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<QString>("text");
        QTest::newRow("plain") << QByteArray("Hello  world") << QStringLiteral("Hello  world");
        QTest::newRow("B") << QByteArray("=?utf-8?b?R3LDvMOfZQ==?=") << QStringLiteral("Grüße");
        QTest::newRow("Q with underscore")
            << QByteArray("=?UTF-8?Q?Gr=C3=BC=C3=9Fe_dich?=") << QStringLiteral("Grüße dich");
        QTest::newRow("adjacent words lose the space between")
            << QByteArray("=?UTF-8?Q?a?= \r\n =?UTF-8?B?Yg==?=") << QStringLiteral("ab");
        QTest::newRow("space inside a word stays")
            << QByteArray("=?UTF-8?Q?a_?= =?UTF-8?Q?b?=") << QStringLiteral("a b");
        QTest::newRow("character split across words")
            << QByteArray("=?UTF-8?B?R3LD?= =?UTF-8?B?vMOfZQ==?=") << QStringLiteral("Grüße");
        QTest::newRow("adjacent words in two charsets")
            << QByteArray("=?ISO-8859-1?Q?K=F6ln?= =?UTF-8?Q?_=E2=82=AC?=")
            << QStringLiteral("Köln €");
        QTest::newRow("text between words stays")
            << QByteArray("=?UTF-8?Q?a?= and =?UTF-8?Q?b?=") << QStringLiteral("a and b");
        QTest::newRow("mixed") << QByteArray("Re: =?UTF-8?Q?K=C3=B6ln?= today")
                               << QStringLiteral("Re: Köln today");
        QTest::newRow("language suffix")
            << QByteArray("=?UTF-8*de?Q?K=C3=B6ln?=") << QStringLiteral("Köln");
        QTest::newRow("unknown charset is Latin-1")
            << QByteArray("=?x-unknown?Q?a=E9?=") << QStringLiteral("a\u00e9");
        QTest::newRow("ICU charset")
            << QByteArray("=?windows-1252?Q?=80_5?=") << QStringLiteral("€ 5");
        QTest::newRow("raw UTF-8") << QByteArray("Gr\xc3\xbc\xc3\x9f"
                                                 "e")
                                   << QStringLiteral("Grüße");
        QTest::newRow("raw Latin-1") << QByteArray("K\xf6ln") << QStringLiteral("Köln");
        QTest::newRow("broken Q escape kept")
            << QByteArray("=?UTF-8?Q?a=ZZ?=") << QStringLiteral("a=ZZ");
        QTest::newRow("not a word") << QByteArray("=?broken") << QStringLiteral("=?broken");
        QTest::newRow("space left inside by bad folding")
            << QByteArray("=?UTF-8?Q?K=C3=B6 ln?=") << QStringLiteral("Kö ln");
    }
    void decodeHeader()
    {
        QFETCH(QByteArray, raw);
        QFETCH(QString, text);
        QCOMPARE(MimeParser::decodeHeader(raw), text);
    }

    void parameters_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<QByteArray>("mainValue");
        QTest::addColumn<QString>("parameters"); // name=value;... in name order
        QTest::newRow("token and quoted")
            << QByteArray("Text/Plain; CHARSET=utf-8; name=\"a \\\"b\\\"; c\"")
            << QByteArray("text/plain") << QStringLiteral("charset=utf-8|name=a \"b\"; c");
        QTest::newRow("no parameters")
            << QByteArray("attachment") << QByteArray("attachment") << QString();
        QTest::newRow("parameter without value skipped")
            << QByteArray("inline; junk; filename=a.txt;") << QByteArray("inline")
            << QStringLiteral("filename=a.txt");
        QTest::newRow("RFC 2231 plain continuations")
            << QByteArray("attachment; filename*0=\"long \"; filename*1=\"name.pdf\"")
            << QByteArray("attachment") << QStringLiteral("filename=long name.pdf");
        QTest::newRow("RFC 2231 encoded, out of order, Latin-1")
            << QByteArray("attachment; filename*1*=%20%FCber.pdf; "
                          "filename*0*=iso-8859-1'de'K%F6ln")
            << QByteArray("attachment") << QStringLiteral("filename=Köln über.pdf");
        QTest::newRow("RFC 2231 mixed encoded and plain sections")
            << QByteArray("attachment; filename*0*=utf-8''%E2%82%AC; filename*1=\"%20.txt\"")
            << QByteArray("attachment") << QStringLiteral("filename=€%20.txt");
        QTest::newRow("RFC 2231 single, no charset")
            << QByteArray("attachment; filename*=''a%20b") << QByteArray("attachment")
            << QStringLiteral("filename=a b");
        QTest::newRow("RFC 2231 unknown charset")
            << QByteArray("attachment; filename*=x-nope''%E9t%E9") << QByteArray("attachment")
            << QStringLiteral("filename=\u00e9t\u00e9");
        QTest::newRow("RFC 2231 wins over plain")
            << QByteArray("attachment; filename=\"plain.txt\"; filename*=utf-8''K%C3%B6ln.txt")
            << QByteArray("attachment") << QStringLiteral("filename=Köln.txt");
        QTest::newRow("RFC 2047 inside quotes")
            << QByteArray("application/pdf; name=\"=?UTF-8?Q?M=C3=A4rz?= =?UTF-8?Q?.pdf?=\"")
            << QByteArray("application/pdf") << QStringLiteral("name=März.pdf");
        QTest::newRow("raw UTF-8 value")
            << QByteArray("attachment; filename=\"Gr\xc3\xbc\xc3\x9f"
                          "e.txt\"")
            << QByteArray("attachment") << QStringLiteral("filename=Grüße.txt");
        QTest::newRow("unterminated quote")
            << QByteArray("attachment; filename=\"open.txt") << QByteArray("attachment")
            << QStringLiteral("filename=open.txt");
    }
    void parameters()
    {
        QFETCH(QByteArray, value);
        QFETCH(QByteArray, mainValue);
        QFETCH(QString, parameters);
        QMap<QByteArray, QString> got;
        QCOMPARE(MimeParser::parseParameters(value, &got), mainValue);
        QStringList flat;
        for (auto it = got.cbegin(); it != got.cend(); ++it)
            flat << QString::fromLatin1(it.key()) + QLatin1Char('=') + it.value();
        QCOMPARE(flat.join(QLatin1Char('|')), parameters);
    }

    void decodeText_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QByteArray>("charset");
        QTest::addColumn<QString>("text");
        QTest::newRow("utf-8") << QByteArray("K\xc3\xb6ln") << QByteArray(" UTF-8 ")
                               << QStringLiteral("Köln");
        QTest::newRow("mislabelled utf-8 reads as Latin-1")
            << QByteArray("K\xf6ln") << QByteArray("utf-8") << QStringLiteral("Köln");
        QTest::newRow("no charset, UTF-8")
            << QByteArray("K\xc3\xb6ln") << QByteArray() << QStringLiteral("Köln");
        QTest::newRow("us-ascii with 8-bit bytes")
            << QByteArray("K\xf6ln") << QByteArray("us-ascii") << QStringLiteral("Köln");
        QTest::newRow("iso-8859-15")
            << QByteArray("\xa4") << QByteArray("ISO-8859-15") << QStringLiteral("€");
        QTest::newRow("unknown charset")
            << QByteArray("\xa4") << QByteArray("x-unknown") << QStringLiteral("\u00a4");
    }
    void decodeText()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QByteArray, charset);
        QFETCH(QString, text);
        QCOMPARE(MimeParser::decodeText(bytes, charset), text);
    }

    void bodies()
    {
        const QByteArray raw =
            "Content-Type: multipart/mixed; boundary=b\r\n\r\n"
            "--b\r\nContent-Type: multipart/related; boundary=r\r\n\r\n"
            "--r\r\nContent-Type: multipart/alternative; boundary=a\r\n\r\n"
            "--a\r\nContent-Type: text/plain; charset=iso-8859-1\r\n\r\nK\xf6ln\r\n"
            "--a\r\nContent-Type: text/html\r\n\r\n<img src=\"cid:logo\">\r\n--a--\r\n"
            "--r\r\nContent-Type: image/png\r\nContent-ID: <logo>\r\n"
            "Content-Disposition: inline\r\n\r\nPNG\r\n--r--\r\n"
            "--b\r\nContent-Type: text/plain; name=notes.txt\r\n\r\nnotes\r\n"
            "--b\r\nContent-Type: text/html\r\nContent-Disposition: attachment\r\n\r\n<p>\r\n"
            "--b\r\nContent-Type: text/plain\r\n\r\nfooter\r\n--b--\r\n";
        const MimeParser::Part root = MimeParser::parse(raw);
        const MimeParser::Bodies bodies = MimeParser::bodies(root);
        QVERIFY(bodies.text && bodies.html);
        QCOMPARE(bodies.text->text(), QStringLiteral("Köln"));
        QCOMPARE(bodies.html->text(), QStringLiteral("<img src=\"cid:logo\">"));
        QStringList others;
        for (const MimeParser::Part *p : bodies.others)
            others << outline(*p) + QLatin1Char('/') + p->contentId();
        QCOMPARE(others, (QStringList{QStringLiteral("image/png:PNG/logo"),
                                      QStringLiteral("text/plain[notes.txt]:notes/"),
                                      QStringLiteral("text/html:<p>/"),
                                      QStringLiteral("text/plain:footer/")}));
    }

    void slices_data()
    {
        QTest::addColumn<QByteArray>("encoding");
        QRandomGenerator random(2024);
        QByteArray data(3 * 1024 * 1024 + 16, Qt::Uninitialized);
        random.fillRange(reinterpret_cast<quint32 *>(data.data()), data.size() / 4);
        m_original = data;
        QTest::newRow("base64") << QByteArray("base64");
        QTest::newRow("quoted-printable") << QByteArray("quoted-printable");
        QTest::newRow("binary") << QByteArray("binary");
    }
    void slices()
    {
        QFETCH(QByteArray, encoding);
        QByteArray body;
        if (encoding == "base64") {
            const QByteArray flat = m_original.toBase64();
            for (qsizetype i = 0; i < flat.size(); i += 76)
                body += flat.mid(i, 76) + "\r\n";
        } else if (encoding == "quoted-printable") {
            body = QuotedPrintable::encode(m_original);
        } else {
            body = m_original;
        }
        QByteArray joined;
        int calls = 0;
        bool copied = false;
        const QByteArrayView view(body);
        QVERIFY(MimeParser::decodeTransfer(view, encoding, [&](QByteArrayView slice) {
            ++calls;
            joined.append(slice);
            copied = copied || slice.constData() < view.constData() ||
                     slice.constData() + slice.size() > view.constData() + view.size();
            return true;
        }));
        QVERIFY2(calls > 1, "a large body is not handed over in slices");
        const QByteArray whole = MimeParser::decodeTransfer(view, encoding);
        QCOMPARE(joined.size(), whole.size());
        QVERIFY(joined == whole);
        if (encoding == "binary")
            QVERIFY2(!copied, "an unencoded body was copied");
        QVERIFY(whole == m_original);

        int stopAfter = 0;
        QVERIFY(!MimeParser::decodeTransfer(view, encoding,
                                            [&](QByteArrayView) { return ++stopAfter < 2; }));
        QCOMPARE(stopAfter, 2);
    }

private:
    QByteArray m_original;
};

QTEST_GUILESS_MAIN(TestMimeParser)
#include "tst_mimeparser.moc"
