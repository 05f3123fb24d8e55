// View > Language: the interface language kept in the settings (Translations::settingsKey()),
// used from the next start on; --lang still wins for one run.
#pragma once

#include <QMenu>

class LanguageMenu : public QMenu
{
    Q_OBJECT
public:
    explicit LanguageMenu(QWidget *parent = nullptr);

    // A language's name in that language ("Русский"), for the menu.
    static QString nativeName(const QString &code);

Q_SIGNALS:
    // The choice changed; note is the sentence to show (it applies after a restart).
    void languageChosen(const QString &code, const QString &note);

private:
    void choose(const QString &code);
};
