#include "spellchecker.h"

#include <QDir>
#include <QFileInfo>
#include <QStringDecoder>
#include <QStringEncoder>

#include <hunspell.hxx>

namespace {

QStringList &paths()
{
    static QStringList list = {QStringLiteral("/usr/share/hunspell"),
                               QStringLiteral("/usr/share/myspell/dicts"),
                               QStringLiteral("/usr/share/myspell")};
    return list;
}

QString dictionaryBase(const QString &language)
{
    for (const QString &dir : paths()) {
        const QString base = QDir(dir).filePath(language);
        if (QFileInfo::exists(base + QLatin1String(".aff")) &&
            QFileInfo::exists(base + QLatin1String(".dic")))
            return base;
    }
    return {};
}

} // namespace

SpellChecker::SpellChecker() = default;
SpellChecker::~SpellChecker() = default;

QStringList SpellChecker::searchPaths()
{
    return paths();
}

void SpellChecker::setSearchPaths(const QStringList &list)
{
    paths() = list;
}

QStringList SpellChecker::availableLanguages()
{
    QStringList out;
    for (const QString &dir : paths()) {
        const QFileInfoList files =
            QDir(dir).entryInfoList({QStringLiteral("*.dic")}, QDir::Files | QDir::Readable);
        for (const QFileInfo &dic : files) {
            // Hyphenation patterns (hyph_*) and thesauri share the folder.
            const QString name = dic.completeBaseName();
            if (name.startsWith(QLatin1String("hyph_")) || name.startsWith(QLatin1String("th_")))
                continue;
            if (QFileInfo::exists(dic.path() + QLatin1Char('/') + name + QLatin1String(".aff")) &&
                !out.contains(name))
                out << name;
        }
    }
    out.sort();
    return out;
}

QString SpellChecker::languageFor(const QLocale &locale, const QStringList &available)
{
    // The untranslated interface (the C locale) is English.
    if (locale.language() == QLocale::C)
        return languageFor(QLocale(QLocale::English, QLocale::UnitedStates), available);
    const QString exact = locale.name(); // "en_US"
    if (available.contains(exact))
        return exact;
    const QString language = exact.section(QLatin1Char('_'), 0, 0);
    for (const QString &a : available) {
        if (a.section(QLatin1Char('_'), 0, 0) == language)
            return a;
    }
    return {};
}

QString SpellChecker::displayName(const QString &language)
{
    const QLocale locale(language);
    if (locale.language() == QLocale::C)
        return language;
    // The language's own name without a territory in it: CLDR calls en_US "American English"
    // and es_MX "español de México", but most of a language's locales use its plain name
    // ("English", "español"), and the territory follows in brackets.
    QHash<QString, int> uses;
    const QList<QLocale> all =
        QLocale::matchingLocales(locale.language(), QLocale::AnyScript, QLocale::AnyTerritory);
    for (const QLocale &l : all)
        ++uses[l.nativeLanguageName()];
    QString name = locale.nativeLanguageName();
    for (auto it = uses.cbegin(); it != uses.cend(); ++it) {
        if (it.value() > uses.value(name))
            name = it.key();
    }
    if (!name.isEmpty())
        name[0] = name[0].toUpper();
    const QString territory = locale.nativeTerritoryName();
    return territory.isEmpty() || !language.contains(QLatin1Char('_'))
               ? name
               : tr("%1 (%2)").arg(name, territory);
}

bool SpellChecker::load(const QString &language, QString *note)
{
    unload();
    const QString base = dictionaryBase(language);
    if (base.isEmpty()) {
        *note = tr("No %1 dictionary is installed (looked in %2): spelling is off.")
                    .arg(language, paths().join(QStringLiteral(", ")));
        return false;
    }
    auto hunspell =
        std::make_unique<Hunspell>(QFile::encodeName(base + QLatin1String(".aff")).constData(),
                                   QFile::encodeName(base + QLatin1String(".dic")).constData());
    const QByteArray encoding = QByteArray::fromStdString(hunspell->get_dict_encoding());
    auto encoder = std::make_unique<QStringEncoder>(encoding.constData());
    auto decoder = std::make_unique<QStringDecoder>(encoding.constData());
    if (!encoder->isValid() || !decoder->isValid()) {
        *note = tr("The %1 dictionary is in %2, which this system cannot read: spelling is off.")
                    .arg(language, QString::fromLatin1(encoding));
        return false;
    }
    m_hunspell = std::move(hunspell);
    m_encoder = std::move(encoder);
    m_decoder = std::move(decoder);
    m_language = language;
    return true;
}

void SpellChecker::unload()
{
    m_hunspell.reset();
    m_encoder.reset();
    m_decoder.reset();
    m_language.clear();
    m_cache.clear();
}

bool SpellChecker::isCorrect(const QString &word)
{
    if (!m_hunspell)
        return true;
    const auto cached = m_cache.constFind(word);
    if (cached != m_cache.constEnd())
        return *cached;
    const QByteArray bytes = m_encoder->encode(word);
    const bool right = m_hunspell->spell(bytes.toStdString());
    if (m_cache.size() > 100000)
        m_cache.clear();
    m_cache.insert(word, right);
    return right;
}

QStringList SpellChecker::suggestions(const QString &word)
{
    QStringList out;
    if (!m_hunspell)
        return out;
    const QByteArray bytes = m_encoder->encode(word);
    for (const std::string &s : m_hunspell->suggest(bytes.toStdString()))
        out << QString(m_decoder->decode(QByteArray::fromStdString(s)));
    return out;
}

void SpellChecker::addWord(const QString &word)
{
    if (!m_hunspell)
        return;
    const QByteArray bytes = m_encoder->encode(word);
    m_hunspell->add(bytes.toStdString());
    m_cache.insert(word, true);
}
