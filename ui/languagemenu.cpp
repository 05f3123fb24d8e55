#include "languagemenu.h"

#include "i18n/translations.h"

#include <QActionGroup>
#include <QLocale>
#include <QSettings>

LanguageMenu::LanguageMenu(QWidget *parent)
    : QMenu(tr("Lang&uage"), parent)
{
    setObjectName(QStringLiteral("languageMenu"));
    const QString current = QSettings().value(Translations::settingsKey()).toString();
    auto *group = new QActionGroup(this);
    auto add = [&](const QString &code, const QString &text) {
        QAction *action = addAction(text);
        action->setCheckable(true);
        action->setChecked(code == current);
        action->setData(code);
        group->addAction(action);
        connect(action, &QAction::triggered, this, [this, code] { choose(code); });
    };
    add(QString(), tr("System Language"));
    addSeparator();
    for (const QString &code : Translations::available())
        add(code, nativeName(code));
}

QString LanguageMenu::nativeName(const QString &code)
{
    const QLocale locale(code);
    QString name = locale.nativeLanguageName();
    if (name.isEmpty())
        return code;
    name[0] = name[0].toUpper();
    return name;
}

void LanguageMenu::choose(const QString &code)
{
    QSettings settings;
    if (code.isEmpty())
        settings.remove(Translations::settingsKey());
    else
        settings.setValue(Translations::settingsKey(), code);
    const QString name = code.isEmpty() ? tr("the system's language") : nativeName(code);
    Q_EMIT languageChosen(code, tr("Postwire will be in %1 from its next start.").arg(name));
}
