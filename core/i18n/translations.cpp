#include "i18n/translations.h"

#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace {

const auto ResourceDir = QStringLiteral(":/i18n");
// Postwire's translation catalogues: the core and command line, and the window.
const QStringList Catalogues = {QStringLiteral("postwire_core"), QStringLiteral("postwire_ui")};
const auto TranslatorName = QStringLiteral("postwire-translator");

void removeInstalled()
{
    const auto translators = QCoreApplication::instance()->findChildren<QTranslator *>(
        TranslatorName, Qt::FindDirectChildrenOnly);
    for (QTranslator *translator : translators) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
}

bool load(const QLocale &locale, const QString &catalogue, const QString &directory)
{
    auto *translator = new QTranslator(QCoreApplication::instance());
    translator->setObjectName(TranslatorName);
    if (!translator->load(locale, catalogue, QStringLiteral("_"), directory)) {
        delete translator;
        return false;
    }
    QCoreApplication::installTranslator(translator);
    return true;
}

// English needs a catalogue too: it gives the plural forms ("1 message", "2 messages").
void installLanguage(const QLocale &locale)
{
    for (const QString &catalogue : Catalogues)
        load(locale, catalogue, ResourceDir);
    load(locale, QStringLiteral("qtbase"), QLibraryInfo::path(QLibraryInfo::TranslationsPath));
}

bool hasTranslation(const QLocale &locale)
{
    if (locale.language() == QLocale::C)
        return false;
    QTranslator probe;
    return probe.load(locale, Catalogues.first(), QStringLiteral("_"), ResourceDir);
}

} // namespace

QString Translations::install(const QString &requested)
{
    removeInstalled();
    const QLocale english(QLocale::English, QLocale::UnitedStates);
    if (requested.isEmpty()) {
        // A system language without a translation is the usual case on many machines: English
        // without a word, as every program does.
        const QLocale system = QLocale::system();
        installLanguage(hasTranslation(system) ? system : english);
        return {};
    }
    // A language asked for is the default locale too, so that what reads QLocale() (the
    // lessons, dates, the spelling language) follows --lang and the setting, not only tr().
    const QLocale locale(requested);
    if (hasTranslation(locale) && locale.language() != QLocale::C) {
        QLocale::setDefault(locale);
        installLanguage(locale);
        return {};
    }
    QLocale::setDefault(english);
    installLanguage(english);
    return tr("postwire: no translation for the language \"%1\" (available: %2); using English")
        .arg(requested, available().join(QStringLiteral(", ")));
}

QStringList Translations::available()
{
    QStringList languages;
    const auto files =
        QDir(ResourceDir)
            .entryList({Catalogues.first() + QStringLiteral("_*.qm")}, QDir::Files, QDir::Name);
    for (const QString &file : files)
        languages << file.mid(Catalogues.first().size() + 1).chopped(3);
    return languages;
}

QString Translations::takeLanguageOption(QStringList *arguments)
{
    QString language;
    const auto option = QStringLiteral("--lang");
    const auto prefix = QStringLiteral("--lang=");
    for (qsizetype i = 1; i < arguments->size();) {
        const QString &argument = arguments->at(i);
        if (argument == QLatin1String("--")) // after "--" everything is an operand
            break;
        if (argument == option || argument == QLatin1String("-lang")) {
            language = arguments->value(i + 1);
            arguments->remove(i, qMin<qsizetype>(2, arguments->size() - i));
        } else if (argument.startsWith(prefix)) {
            language = argument.mid(prefix.size());
            arguments->remove(i);
        } else {
            ++i;
        }
    }
    return language;
}

QString Translations::settingsKey()
{
    return QStringLiteral("ui/language");
}

QCommandLineOption Translations::languageOption()
{
    return QCommandLineOption(
        QStringLiteral("lang"),
        tr("Interface language, e.g. ru or en (default: the system's, LANG/LC_MESSAGES)."),
        tr("code"));
}
