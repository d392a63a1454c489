#pragma once

#include <QCoreApplication>
#include <QList>
#include <QLocale>
#include <QString>

class QMenu;
class QWidget;

namespace deskbell {

// The console's languages: English (the source text) and the translations embedded in the binary
// (resources/translations, under :/i18n/), plus Qt's own translations of its standard buttons and
// menus when the system has them. The language is the operator's choice (Options > Language, kept
// in QSettings "ui/language"), which --language or DESKBELL_LANGUAGE override, else the system's.
class Translations
{
    Q_DECLARE_TR_FUNCTIONS(Translations)

public:
    struct Language
    {
        QString code;       // "en", "th", "zh_CN": the suffix of deskbell_<code>.qm
        QString nativeName; // in its own language: a Thai reader finds "ไทย" in an English menu
    };

    static constexpr auto SETTINGS_KEY = "ui/language";
    static constexpr auto ENVIRONMENT_VARIABLE = "DESKBELL_LANGUAGE";
    static constexpr auto SYSTEM = "system";

    static QList<Language> languages();
    // A code languages() lists, or "system" (case-insensitive; "zh-CN" and "zh_cn" are zh_CN).
    static bool isChoice(const QString &text);
    // The language Deskbell shows for a system locale: the first of its UI languages it has, else English.
    static QString languageFor(const QLocale &locale);
    // The first real choice of: the override (command line, then environment), the stored choice,
    // the system locale. "system" and empty mean "no choice here".
    static QString choose(const QStringList &overrides, const QString &stored, const QLocale &system);
    // choose() with the command line's value, DESKBELL_LANGUAGE, QSettings and QLocale::system().
    static QString chosen(const QString &commandLine = {});

    // Installs Deskbell's and Qt's translators for `code` on the running application (replacing
    // those of an earlier call) and makes QLocale() follow, so dates read in the same language.
    // False when the language has no embedded translation: the window stays in English.
    static bool install(const QString &code);
    // The code install() last installed, "en" before any call.
    static QString installed();

    // Adds Language > System / English / ไทย / 简体中文 to `menu`. A choice is kept in QSettings and
    // shown from the next start on; a note says so.
    static QMenu *addLanguageMenu(QMenu *menu, QWidget *noteParent);

    // Thai and Chinese put a mnemonic after the words ("รีเฟรช(&R)"); a toolbar button drops the "&"
    // but would keep "(R)". Gives every action of `window` that has one a toolbar text without it,
    // now and whenever its text changes.
    static void tidyToolbarTexts(QWidget *window);
};

} // namespace deskbell
