// Chooses the interface language and installs the translators for it: Postwire's own texts
// (core, command line, window) and Qt's (its standard dialogs), for the window and the
// headless commands alike.
#pragma once

#include <QCommandLineOption>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

class Translations
{
    Q_DECLARE_TR_FUNCTIONS(Translations)

public:
    // requested: a language code ("ru", "en", "pt_BR"); empty follows the system locale
    // (LC_ALL, LC_MESSAGES, LANG). A language Postwire has no translation for falls back to
    // English. Returns the line to show when the requested language was not available, else
    // empty. Calling it again replaces the translators installed before.
    static QString install(const QString &requested);

    // The languages Postwire has a translation for ("en", "ru"), for a language choice.
    static QStringList available();

    // Removes "--lang CODE" / "--lang=CODE" from arguments and returns CODE (empty when
    // absent), so every command accepts it before its own parser sees the rest.
    static QString takeLanguageOption(QStringList *arguments);

    // --lang, for every command's --help (app/main.cpp takes it out before they parse).
    static QCommandLineOption languageOption();

    // The QSettings key of the language chosen in the window; empty or absent: the system's.
    static QString settingsKey();
};
