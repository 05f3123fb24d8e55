// The rich editor: each toolbar action in the HTML and plain parts, keys that do not clash
// with the window's, plain-text mode, the source view, images inline and never fetched,
// spelling; and a whole message read back by Python's email package.
#include "account/accountstore.h"
#include "account/serverknowledge.h"
#include "accountform.h"
#include "addressfield.h"
#include "composewindow.h"
#include "formattoolbar.h"
#include "mime/flowedtext.h"
#include "richeditor.h"
#include "richtext.h"
#include "richtextedit.h"
#include "spellchecker.h"
#include "spellhighlighter.h"

#include <QAction>
#include <QApplication>
#include <QBuffer>
#include <QComboBox>
#include <QCryptographicHash>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextLayout>
#include <QToolBar>
#include <QToolButton>

namespace {

QAction *action(RichEditor *e, const char *name)
{
    auto *a = e->findChild<QAction *>(QLatin1String(name));
    if (!a)
        qFatal("no action %s", name);
    return a;
}

QByteArray png(int w, int h)
{
    QImage image(w, h, QImage::Format_RGB32);
    image.fill(QColor(0x1c, 0x71, 0xd8));
    QByteArray out;
    QBuffer b(&out);
    b.open(QIODevice::WriteOnly);
    image.save(&b, "PNG");
    return out;
}

QToolButton *bar(RichEditor *e, const char *name)
{
    return e->findChild<QToolButton *>(QLatin1String(name));
}

} // namespace

class TestRichEditor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void actions_data()
    {
        QTest::addColumn<QString>("script");
        QTest::addColumn<QString>("html");
        QTest::addColumn<QString>("plain");
        // Script: text typed, with {action} triggering a toolbar action and | a new line.
        QTest::newRow("bold") << QStringLiteral("a {boldAction}b")
                              << QStringLiteral("<div>a <b>b</b></div>") << QStringLiteral("a b");
        QTest::newRow("italic") << QStringLiteral("{italicAction}i")
                                << QStringLiteral("<div><i>i</i></div>") << QStringLiteral("i");
        QTest::newRow("underline") << QStringLiteral("{underlineAction}u")
                                   << QStringLiteral("<div><u>u</u></div>") << QStringLiteral("u");
        QTest::newRow("strike") << QStringLiteral("{strikeAction}s")
                                << QStringLiteral("<div><s>s</s></div>") << QStringLiteral("s");
        QTest::newRow("bullets") << QStringLiteral("{bulletListAction}one|two")
                                 << QStringLiteral("<ul>\n<li>one</li>\n<li>two</li>\n</ul>")
                                 << QStringLiteral("- one\n- two");
        QTest::newRow("numbers") << QStringLiteral("{numberedListAction}one|two")
                                 << QStringLiteral("<ol>\n<li>one</li>\n<li>two</li>\n</ol>")
                                 << QStringLiteral("1. one\n2. two");
        QTest::newRow("nested") << QStringLiteral("{bulletListAction}one|{indentAction}two")
                                << QStringLiteral("<li>one</li>\n<ul>\n<li>two</li>")
                                << QStringLiteral("- one\n  - two");
        QTest::newRow("quote") << QStringLiteral("said:|{quoteAction}quoted")
                               << QStringLiteral("<div>said:</div>\n<blockquote")
                               << QStringLiteral("said:\n> quoted");
        QTest::newRow("indent") << QStringLiteral("{indentAction}in")
                                << QStringLiteral("<div style=\"margin-left:40px\">in</div>")
                                << QStringLiteral("    in");
        QTest::newRow("lines kept")
            << QStringLiteral("one|two||three")
            << QStringLiteral("<div>one</div>\n<div>two</div>\n<div><br></div>\n<div>three</div>")
            << QStringLiteral("one\ntwo\n\nthree");
    }
    void actions()
    {
        QFETCH(QString, script);
        QFETCH(QString, html);
        QFETCH(QString, plain);
        RichEditor e;
        e.setRich(true);
        for (qsizetype i = 0; i < script.size(); ++i) {
            if (script[i] == QLatin1Char('{')) {
                const qsizetype end = script.indexOf(QLatin1Char('}'), i);
                action(&e, script.mid(i + 1, end - i - 1).toLatin1().constData())->trigger();
                i = end;
            } else if (script[i] == QLatin1Char('|')) {
                QTest::keyClick(e.textEdit(), Qt::Key_Return);
            } else {
                QTest::keyClicks(e.textEdit(), QString(script[i]));
            }
        }
        QVERIFY2(e.html().contains(html), qPrintable(e.html()));
        QCOMPARE(e.plainText(), plain);
        // The HTML read back (a restored draft) gives the same plain text.
        QCOMPARE(RichText::plainFromHtml(e.html()), plain);
    }

    void headingAndLink()
    {
        RichEditor e;
        e.setRich(true);
        QTest::keyClicks(e.textEdit(), QStringLiteral("Title"));
        e.formatToolbar()->setHeading(1);
        QTest::keyClick(e.textEdit(), Qt::Key_Return);
        e.formatToolbar()->setHeading(0);
        QTest::keyClicks(e.textEdit(), QStringLiteral("see docs"));
        QTextCursor c = e.textEdit()->textCursor();
        c.movePosition(QTextCursor::Left, QTextCursor::KeepAnchor, 4);
        e.textEdit()->setTextCursor(c);
        e.formatToolbar()->setLink(QStringLiteral("https://example.org/docs"));
        QVERIFY2(e.html().contains(QStringLiteral("<h1>Title</h1>")), qPrintable(e.html()));
        QVERIFY(e.html().contains(QStringLiteral("<a href=\"https://example.org/docs\">docs</a>")));
        QCOMPARE(e.plainText(), QStringLiteral("Title\nsee docs <https://example.org/docs>"));
    }

    void keysWinOnlyInTheText()
    {
        // The window has Ctrl+I too (Go to Sandbox Inbox): in the text it is italic.
        QMainWindow window;
        auto *windowAction = new QAction(&window);
        windowAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
        window.addAction(windowAction);
        QSignalSpy windowSpy(windowAction, &QAction::triggered);
        auto *e = new RichEditor;
        e->setRich(true);
        window.setCentralWidget(e);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        e->textEdit()->setFocus();
        QTest::keyClick(e->textEdit(), Qt::Key_I, Qt::ControlModifier);
        QTest::keyClicks(e->textEdit(), QStringLiteral("x"));
        QTest::keyClick(e->textEdit(), Qt::Key_B, Qt::ControlModifier);
        QTest::keyClicks(e->textEdit(), QStringLiteral("y"));
        QCOMPARE(windowSpy.count(), 0);
        QVERIFY2(e->html().contains(QStringLiteral("<i>x</i>")), qPrintable(e->html()));
        QVERIFY(e->html().contains(QStringLiteral("<b><i>y</i></b>")));
        // In plain mode the keys are the window's again.
        e->setRich(false);
        QTest::keyClick(e->textEdit(), Qt::Key_I, Qt::ControlModifier);
        QCOMPARE(windowSpy.count(), 1);
    }

    void plainModeKeepsWordsAndUndoes()
    {
        RichEditor e;
        e.setRich(true);
        action(&e, "bulletListAction")->trigger();
        QTest::keyClicks(e.textEdit(), QStringLiteral("one"));
        QTest::keyClick(e.textEdit(), Qt::Key_Return);
        QTest::keyClicks(e.textEdit(), QStringLiteral("two"));
        action(&e, "plainTextAction")->trigger();
        QVERIFY(!e.isRich());
        QCOMPARE(e.textEdit()->toPlainText(), QStringLiteral("- one\n- two"));
        QVERIFY(e.html().isEmpty());
        QVERIFY(!action(&e, "boldAction")->isEnabled());
        Draft d;
        e.writeTo(&d);
        QVERIFY(!d.html);
        QCOMPARE(d.body, QStringLiteral("- one\n- two"));
        // Ctrl+Z brings the list back.
        e.textEdit()->undo();
        QVERIFY(e.textEdit()->document()->begin().textList());
    }

    void sourceView()
    {
        RichEditor e;
        e.setRich(true);
        QTest::keyClicks(e.textEdit(), QStringLiteral("Hello"));
        action(&e, "viewSourceAction")->trigger();
        QVERIFY(e.sourceEdit()->isVisibleTo(&e));
        QVERIFY(e.sourceEdit()->toPlainText().contains(QStringLiteral("<div>Hello</div>")));
        e.sourceEdit()->setPlainText(QStringLiteral("<p>Edited <b>by hand</b></p>"));
        QTRY_COMPARE(e.plainPreview()->toPlainText(), QStringLiteral("Edited by hand"));
        QVERIFY(e.preview()->toPlainText().contains(QStringLiteral("Edited by hand")));
        QCOMPARE(e.plainText(), QStringLiteral("Edited by hand"));
        action(&e, "viewSourceAction")->trigger();
        QCOMPARE(e.textEdit()->toPlainText(), QStringLiteral("Edited by hand"));
        QVERIFY(e.html().contains(QStringLiteral("<b>by hand</b>")));
    }

    void imagesInlineAndNothingFetched()
    {
        RichEditor e;
        e.setRich(true);
        QMimeData data;
        data.setImageData(QImage::fromData(png(40, 20)));
        QVERIFY(e.textEdit()->canInsertFromMimeData(&data));
        e.textEdit()->insertFromMimeData(&data);
        const QList<InlinePart> images = e.images();
        QCOMPARE(images.size(), 1);
        QCOMPARE(images[0].contentType, QStringLiteral("image/png"));
        QVERIFY(e.html().contains(QStringLiteral("src=\"cid:%1\"").arg(images[0].contentId)));
        QVERIFY(!e.imagesTooLarge(100).isEmpty());
        QVERIFY(e.imagesTooLarge(1 << 20).isEmpty());
        // A remote or local image named by pasted HTML is never loaded.
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("local.png"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(png(5, 5));
        f.close();
        QTextDocument *doc = e.textEdit()->document();
        QVERIFY(doc->resource(QTextDocument::ImageResource,
                              QUrl(QStringLiteral("http://127.0.0.1:9/pixel.png")))
                    .isNull());
        QVERIFY(doc->resource(QTextDocument::ImageResource, QUrl::fromLocalFile(file)).isNull());
        QVERIFY(!doc->resource(QTextDocument::ImageResource,
                               QUrl(QStringLiteral("cid:") + images[0].contentId))
                     .isNull());
    }

    void messageReadByPython()
    {
        QTemporaryDir dir;
        ComposeWindow w;
        w.show();
        w.editor()->setRich(true);
        w.fromField()->setText(QStringLiteral("ana@example.org"));
        w.toField()->setText(QStringLiteral("bo@example.org"));
        w.subjectField()->setText(QStringLiteral("Rich"));
        RichTextEdit *t = w.bodyField();
        QTest::keyClicks(t, QStringLiteral("Hi Bo,"));
        QTest::keyClick(t, Qt::Key_Return);
        action(w.editor(), "bulletListAction")->trigger();
        QTest::keyClicks(t, QStringLiteral("first"));
        QTest::keyClick(t, Qt::Key_Return);
        QTest::keyClicks(t, QStringLiteral("second"));
        QTest::keyClick(t, Qt::Key_Return);
        action(w.editor(), "bulletListAction")->trigger();
        action(w.editor(), "quoteAction")->trigger();
        QTest::keyClicks(t, QStringLiteral("a quote"));
        QTest::keyClick(t, Qt::Key_Return);
        action(w.editor(), "quoteAction")->trigger();
        const QByteArray picture = png(64, 32);
        t->insertImage(picture, QStringLiteral("image/png"), QStringLiteral("chart.png"));
        const QString path = dir.filePath(QStringLiteral("rich.eml"));
        QSignalSpy saved(&w, &ComposeWindow::emlSaved);
        QVERIFY(w.saveEml(path));
        QTRY_COMPARE(saved.count(), 1);
        QCOMPARE(saved[0][1].toString(), QString());

        QProcess python;
        QSignalSpy finished(&python, &QProcess::finished);
        python.start(
            QStringLiteral(POSTWIRE_PYTHON),
            {QStringLiteral(POSTWIRE_SOURCE_DIR "/tests/support/richmail_oracle.py"), path});
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
        QVERIFY2(python.exitCode() == 0, python.readAllStandardError().constData());
        const QJsonObject o = QJsonDocument::fromJson(python.readAllStandardOutput()).object();
        const QJsonObject expectedTree = QJsonDocument::fromJson(
                                             R"({"multipart/alternative": ["text/plain",
                 {"multipart/related": ["text/html", "image/png"]}]})")
                                             .object();
        QCOMPARE(o.value(QStringLiteral("tree")).toObject(), expectedTree);
        QStringList plain;
        for (const QJsonValue &v : o.value(QStringLiteral("plain")).toArray())
            plain << v.toString();
        QCOMPARE(plain, QStringList({QStringLiteral("Hi Bo,"), QStringLiteral("- first"),
                                     QStringLiteral("- second"), QStringLiteral("> a quote"),
                                     QStringLiteral("[chart.png]")}));
        const QJsonArray inline_ = o.value(QStringLiteral("inline")).toArray();
        QCOMPARE(inline_.size(), 1);
        const QJsonObject image = inline_[0].toObject();
        QCOMPARE(image.value(QStringLiteral("sha256")).toString(),
                 QString::fromLatin1(
                     QCryptographicHash::hash(picture, QCryptographicHash::Sha256).toHex()));
        QVERIFY(image.value(QStringLiteral("referenced")).toBool());
        QCOMPARE(image.value(QStringLiteral("disposition")).toString(), QStringLiteral("inline"));
        // One line per block in the HTML, too.
        QVERIFY(o.value(QStringLiteral("html"))
                    .toString()
                    .contains(QStringLiteral("<li>first</li>\n<li>second</li>")));
    }

    void plainMessageIsFlowed()
    {
        QTemporaryDir dir;
        ComposeWindow w;
        w.editor()->setRich(false);
        w.fromField()->setText(QStringLiteral("ana@example.org"));
        w.toField()->setText(QStringLiteral("bo@example.org"));
        const QString text =
            QStringLiteral("A long paragraph that goes on. ").repeated(8).trimmed() +
            QStringLiteral("\nFrom here\n> quoted");
        w.bodyField()->setPlainText(text);
        const QString path = dir.filePath(QStringLiteral("plain.eml"));
        QSignalSpy saved(&w, &ComposeWindow::emlSaved);
        QVERIFY(w.saveEml(path));
        QTRY_COMPARE(saved.count(), 1);
        QProcess python;
        QSignalSpy finished(&python, &QProcess::finished);
        python.start(
            QStringLiteral(POSTWIRE_PYTHON),
            {QStringLiteral(POSTWIRE_SOURCE_DIR "/tests/support/richmail_oracle.py"), path});
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
        const QJsonObject o = QJsonDocument::fromJson(python.readAllStandardOutput()).object();
        QCOMPARE(o.value(QStringLiteral("tree")).toString(), QStringLiteral("text/plain"));
        QVERIFY(o.value(QStringLiteral("flowed")).toBool());
        QCOMPARE(o.value(QStringLiteral("delsp")).toString(), QStringLiteral("no"));
        QStringList lines;
        for (const QJsonValue &v : o.value(QStringLiteral("plain")).toArray()) {
            QVERIFY2(v.toString().size() <= 78, qPrintable(v.toString()));
            lines << v.toString();
        }
        QVERIFY(lines.size() > 3);                             // wrapped
        QVERIFY(lines.contains(QStringLiteral(" From here"))); // stuffed
        QCOMPARE(FlowedText::decode(lines.join(QLatin1Char('\n'))), text);
    }

    void spelling()
    {
        if (!SpellChecker::availableLanguages().contains(QStringLiteral("en_US")))
            QSKIP("the en_US Hunspell dictionary (hunspell-en-us) is not installed");
        RichEditor e;
        e.setSpellLanguage(QStringLiteral("en_US"));
        QCOMPARE(e.spellLanguage(), QStringLiteral("en_US"));
        QVERIFY(e.spellingNote()->isHidden());
        e.show();
        QTest::keyClicks(e.textEdit(), QStringLiteral("Helo wrold from SMTP 3rd"));
        const QTextBlock block = e.textEdit()->document()->begin();
        QStringList underlined;
        for (const QTextLayout::FormatRange &r : block.layout()->formats()) {
            if (r.format.underlineStyle() == QTextCharFormat::SpellCheckUnderline)
                underlined << block.text().mid(r.start, r.length);
        }
        QCOMPARE(underlined, QStringList({QStringLiteral("Helo"), QStringLiteral("wrold")}));
        // Suggestions for the word under the pointer, and choosing one replaces it.
        QTextCursor c(block);
        c.setPosition(block.position() + 7);
        const QPoint at = e.textEdit()->cursorRect(c).center();
        std::unique_ptr<QMenu> menu(e.textEdit()->createSpellingMenu(at));
        QAction *world = nullptr;
        for (QAction *a : menu->actions()) {
            if (a->text() == QLatin1String("world"))
                world = a;
        }
        QVERIFY(world);
        world->trigger();
        QCOMPARE(block.text(), QStringLiteral("Helo world from SMTP 3rd"));
        // The language of the message goes with its draft.
        Draft d;
        e.writeTo(&d);
        QCOMPARE(d.spellLanguage, QStringLiteral("en_US"));
    }

    // In the smallest window every control of the editor shows, none behind a toolbar's "»":
    // formatting above the text, the rarely used ones under "⋯", the message's format and
    // spelling language in the status bar.
    void everythingShowsAt1024x700()
    {
        ComposeWindow w;
        w.resize(1024, 700);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.editor()->setRich(true);
        QTRY_COMPARE(w.height(), 700);
        const QRect window = w.rect();
        const auto shows = [&](QWidget *widget) {
            return widget && widget->isVisible() &&
                   window.contains(QRect(widget->mapTo(&w, QPoint(0, 0)), widget->size()));
        };
        for (QToolBar *bar :
             {static_cast<QToolBar *>(w.editor()->formatToolbar()), w.editor()->settingsBar()}) {
            auto *overflow = bar->findChild<QWidget *>(QStringLiteral("qt_toolbar_ext_button"));
            QVERIFY2(!overflow || !overflow->isVisible(), qPrintable(bar->objectName()));
            for (QAction *a : bar->actions()) {
                if (a->isSeparator() || !a->isVisible())
                    continue;
                QVERIFY2(shows(bar->widgetForAction(a)),
                         qPrintable(bar->objectName() + QLatin1Char(' ') + a->text()));
            }
        }
        QVERIFY(shows(w.editor()->spellingBox()));
        QVERIFY(shows(bar(w.editor(), "moreFormatButton")));
        // Strike-through and Clear Formatting wait in "⋯", named in full, keys and all.
        const QList<QAction *> more = bar(w.editor(), "moreFormatButton")->menu()->actions();
        QCOMPARE(more.size(), 2);
        QCOMPARE(more.at(0)->objectName(), QStringLiteral("strikeAction"));
        QCOMPARE(more.at(1)->objectName(), QStringLiteral("clearFormatAction"));
        QCOMPARE(more.at(0)->text(), QStringLiteral("Strike-through"));
        QTest::keyClicks(w.bodyField(), QStringLiteral("gone"));
        w.bodyField()->selectAll();
        QTest::keySequence(w.bodyField(), more.at(0)->shortcut());
        QVERIFY(w.bodyField()->textCursor().charFormat().fontStrikeOut());
        QVERIFY(more.at(0)->isChecked());
        // Plain text leaves them off, as the other formatting.
        w.editor()->setRich(false);
        QVERIFY(!bar(w.editor(), "moreFormatButton")->isEnabled());
    }

    void spellingLanguageNames_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("name");
        QTest::newRow("en_US") << "en_US"
                               << "English (United States)";
        QTest::newRow("en_GB") << "en_GB"
                               << "English (United Kingdom)";
        QTest::newRow("ru_RU") << "ru_RU" << QStringLiteral("Русский (Россия)");
        QTest::newRow("de_CH") << "de_CH" << QStringLiteral("Deutsch (Schweiz)");
        QTest::newRow("es_MX") << "es_MX" << QStringLiteral("Español (México)");
        QTest::newRow("pt_BR") << "pt_BR" << QStringLiteral("Português (Brasil)");
        QTest::newRow("language only") << "fr" << QStringLiteral("Français");
        QTest::newRow("not a locale") << "medical_terms"
                                      << "medical_terms";
    }

    void spellingLanguageNames()
    {
        QFETCH(QString, language);
        QFETCH(QString, name);
        QCOMPARE(SpellChecker::displayName(language), name);
    }

    // An image in the text larger than the server takes (its SIZE, learnt from an earlier
    // EHLO) is said by name before anything is sent; cancelled, the message stays as it was.
    void largeImageSaidBeforeSending()
    {
        ComposeWindow w;
        w.show();
        Account small;
        small.name = QStringLiteral("Small server");
        small.host = QStringLiteral("127.0.0.1");
        small.port = 9;
        small.security = SmtpSettings::Security::None;
        const QString id = w.accountStore()->add(small);
        w.accountForm()->selectAccountId(id);
        SmtpReply ehlo;
        ehlo.code = 250;
        ehlo.lines = {"small.example", "SIZE 20000"};
        w.serverKnowledge()->learn(
            id, ServerKnowledge::from(Capabilities::fromEhloReply(ehlo),
                                      w.accountStore()->account(id)->serverLabel(), false));
        w.editor()->setRich(true);
        w.fromField()->setText(QStringLiteral("ana@example.org"));
        w.toField()->setText(QStringLiteral("bo@example.org"));
        w.subjectField()->setText(QStringLiteral("Chart"));
        QTest::keyClicks(w.bodyField(), QStringLiteral("See the chart:"));
        QImage noise(160, 160, QImage::Format_RGB32);
        QRandomGenerator random(15);
        for (int y = 0; y < noise.height(); ++y) {
            for (int x = 0; x < noise.width(); ++x)
                noise.setPixel(x, y, random.generate());
        }
        QByteArray picture;
        QBuffer b(&picture);
        b.open(QIODevice::WriteOnly);
        noise.save(&b, "PNG");
        QVERIFY(picture.size() > 20000);
        w.bodyField()->insertImage(picture, QStringLiteral("image/png"),
                                   QStringLiteral("chart.png"));

        w.send();
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = w.findChild<QMessageBox *>(QStringLiteral("serverWarning"))));
        QVERIFY2(box->informativeText().contains(QStringLiteral("The image chart.png")),
                 qPrintable(box->informativeText()));
        QVERIFY2(box->informativeText().contains(QStringLiteral("(SIZE)")),
                 qPrintable(box->informativeText()));
        QVERIFY(!w.isSending());
        box->button(QMessageBox::Cancel)->click();
        QTRY_VERIFY(!w.findChild<QMessageBox *>(QStringLiteral("serverWarning")));
        QVERIFY(!w.isSending());
        QCOMPARE(w.editor()->images().size(), 1);
        QVERIFY(w.bodyField()->toPlainText().contains(QStringLiteral("See the chart:")));
    }

    void missingDictionaryIsANote()
    {
        QTemporaryDir empty;
        const QStringList before = SpellChecker::searchPaths();
        SpellChecker::setSearchPaths({empty.path()});
        {
            RichEditor e;
            QVERIFY(e.spellLanguage().isEmpty());
            QVERIFY(!e.spellingNote()->isHidden());
            QVERIFY(e.spellingNote()->text().contains(QStringLiteral("spelling is off")));
            e.setSpellLanguage(QStringLiteral("en_US"));
            QVERIFY(e.spellLanguage().isEmpty());
            QVERIFY(e.spellingNote()->text().contains(QStringLiteral("en_US")));
            QTest::keyClicks(e.textEdit(), QStringLiteral("Helo"));
            QCOMPARE(e.plainText(), QStringLiteral("Helo"));
        }
        SpellChecker::setSearchPaths(before);
    }
};

QTEST_MAIN(TestRichEditor)
#include "tst_richeditor.moc"
