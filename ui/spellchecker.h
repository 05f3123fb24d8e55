// Spelling with Hunspell and the dictionaries installed on the system (hunspell-en-us,
// hunspell-ru, ...): which languages there are, the one for the interface, and whether a
// word is right, with suggestions. A missing dictionary is a note, never an error.
#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QLocale>
#include <QString>
#include <QStringList>

#include <memory>

class Hunspell;
class QStringDecoder;
class QStringEncoder;

class SpellChecker
{
    Q_DECLARE_TR_FUNCTIONS(SpellChecker)
public:
    SpellChecker();
    ~SpellChecker();

    // Where dictionaries (<lang>.aff + <lang>.dic) are looked for; tests point elsewhere.
    static QStringList searchPaths();
    static void setSearchPaths(const QStringList &paths);
    // "en_US", "ru_RU", ...: every dictionary found, sorted.
    static QStringList availableLanguages();
    // The dictionary for this locale (same language and country, else same language), or
    // empty when none is installed.
    static QString languageFor(const QLocale &locale, const QStringList &available);
    // "English (United States)" for "en_US".
    static QString displayName(const QString &language);

    // Loads the language's dictionary; false with a note saying why spelling stays off.
    bool load(const QString &language, QString *note);
    void unload();
    bool isActive() const { return bool(m_hunspell); }
    QString language() const { return m_language; }

    bool isCorrect(const QString &word);
    QStringList suggestions(const QString &word);
    // Accepted for the rest of the session (not written to the system's dictionary).
    void addWord(const QString &word);

private:
    std::unique_ptr<Hunspell> m_hunspell;
    std::unique_ptr<QStringEncoder> m_encoder;
    std::unique_ptr<QStringDecoder> m_decoder;
    QString m_language;
    QHash<QString, bool> m_cache; // typing checks the same words again and again
};
