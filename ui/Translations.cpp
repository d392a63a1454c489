#include "Translations.h"

#include <QActionGroup>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QMenu>
#include <QMessageBox>
#include <QRegularExpression>
#include <QSettings>
#include <QTranslator>

namespace deskbell {

using namespace Qt::StringLiterals;

namespace {

// Marks the translators install() owns, so a second call replaces them instead of stacking more.
const QString TRANSLATOR_NAME = u"deskbell-translator"_s;
const QString LANGUAGE_PROPERTY = u"deskbellLanguage"_s;

// Qt's own texts the console shows: standard dialog buttons and the edit fields' context menu.
// Qt ships no Thai translation (Debian's qt6-translations-l10n has no qtbase_th), so lupdate takes
// these into our .ts files under Qt's contexts and our translator answers Qt's lookups. Chinese
// gets them too, so the console reads the same whether or not qtbase_zh_CN is installed.
[[maybe_unused]] constexpr const char *QT_STANDARD_TEXTS[] = {
    QT_TRANSLATE_NOOP("QPlatformTheme", "OK"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Save"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Save All"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Open"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "&Yes"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Yes to &All"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "&No"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "N&o to All"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Abort"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Retry"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Ignore"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Close"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Cancel"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Discard"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Help"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Apply"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Reset"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Restore Defaults"),
    // GNOME and GTK desktops (QGnomeTheme) label some buttons their own way.
    QT_TRANSLATE_NOOP("QGnomeTheme", "&OK"),
    QT_TRANSLATE_NOOP("QGnomeTheme", "&Save"),
    QT_TRANSLATE_NOOP("QGnomeTheme", "&Cancel"),
    QT_TRANSLATE_NOOP("QGnomeTheme", "&Close"),
    QT_TRANSLATE_NOOP("QGnomeTheme", "Close without Saving"),
    QT_TRANSLATE_NOOP("QLineEdit", "&Undo"),
    QT_TRANSLATE_NOOP("QLineEdit", "&Redo"),
    QT_TRANSLATE_NOOP("QLineEdit", "Cu&t"),
    QT_TRANSLATE_NOOP("QLineEdit", "&Copy"),
    QT_TRANSLATE_NOOP("QLineEdit", "&Paste"),
    QT_TRANSLATE_NOOP("QLineEdit", "Delete"),
    QT_TRANSLATE_NOOP("QLineEdit", "Select All"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "&Undo"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "&Redo"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "Cu&t"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "&Copy"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "&Paste"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "Delete"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "Select All"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "Copy &Link Location"),
    QT_TRANSLATE_NOOP("QAbstractSpinBox", "&Select All"),
    QT_TRANSLATE_NOOP("QAbstractSpinBox", "&Step up"),
    QT_TRANSLATE_NOOP("QAbstractSpinBox", "Step &down"),
};

QString normalized(const QString &text)
{
    QString code = text.trimmed();
    code.replace(u'-', u'_');
    for (const auto &language : Translations::languages()) {
        if (code.compare(language.code, Qt::CaseInsensitive) == 0) {
            return language.code;
        }
    }
    if (code.compare(QLatin1StringView(Translations::SYSTEM), Qt::CaseInsensitive) == 0) {
        return QString::fromLatin1(Translations::SYSTEM);
    }
    return {};
}

QLocale localeOf(const QString &code)
{
    if (code == u"th"_s) {
        return QLocale(QLocale::Thai, QLocale::Thailand);
    }
    if (code == u"zh_CN"_s) {
        return QLocale(QLocale::Chinese, QLocale::SimplifiedChineseScript, QLocale::China);
    }
    return QLocale(QLocale::English, QLocale::UnitedStates);
}

QTranslator *newTranslator()
{
    auto *translator = new QTranslator(QCoreApplication::instance());
    translator->setObjectName(TRANSLATOR_NAME);
    return translator;
}

} // namespace

QList<Translations::Language> Translations::languages()
{
    return {
        {u"en"_s, u"English"_s},
        {u"th"_s, u"ไทย"_s},
        {u"zh_CN"_s, u"简体中文"_s},
    };
}

bool Translations::isChoice(const QString &text)
{
    return !normalized(text).isEmpty();
}

QString Translations::languageFor(const QLocale &locale)
{
    // uiLanguages() lists the desktop's preferred languages, best first ("th-TH", "th", "en-US").
    for (const QString &name : locale.uiLanguages()) {
        const QLocale candidate(name);
        switch (candidate.language()) {
        case QLocale::Thai:
            return u"th"_s;
        case QLocale::Chinese:
            // Traditional Chinese readers (Taiwan, Hong Kong) get English rather than the wrong script.
            if (candidate.script() == QLocale::SimplifiedChineseScript) {
                return u"zh_CN"_s;
            }
            break;
        case QLocale::English:
            return u"en"_s;
        default:
            break;
        }
    }
    return u"en"_s;
}

QString Translations::choose(const QStringList &overrides, const QString &stored, const QLocale &system)
{
    for (const QString &candidate : overrides + QStringList{stored}) {
        const QString code = normalized(candidate);
        if (!code.isEmpty() && code != QLatin1StringView(SYSTEM)) {
            return code;
        }
    }
    return languageFor(system);
}

QString Translations::chosen(const QString &commandLine)
{
    return choose({commandLine, qEnvironmentVariable(ENVIRONMENT_VARIABLE)},
                  QSettings().value(QLatin1StringView(SETTINGS_KEY)).toString(), QLocale::system());
}

bool Translations::install(const QString &requested)
{
    auto *app = QCoreApplication::instance();
    if (!app) {
        return false;
    }
    for (auto *old : app->findChildren<QTranslator *>(TRANSLATOR_NAME, Qt::FindDirectChildrenOnly)) {
        QCoreApplication::removeTranslator(old);
        delete old;
    }
    QString code = normalized(requested);
    if (code.isEmpty() || code == QLatin1StringView(SYSTEM)) {
        code = languageFor(QLocale::system());
    }

    // A desk that runs in its system's language keeps the system's own date and number conventions
    // (en_GB stays en_GB); a chosen language brings its own, so dates read like the words around them.
    QLocale::setDefault(code == languageFor(QLocale::system()) ? QLocale::system() : localeOf(code));

    // Qt's first: the translator installed last is asked first, so ours can fill what Qt lacks.
    auto *qt = newTranslator();
    if (qt->load(u"qtbase_"_s + code, QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt);
    } else {
        delete qt;
    }
    auto *own = newTranslator();
    const bool loaded = own->load(u"deskbell_"_s + code, u":/i18n"_s);
    if (loaded) {
        QCoreApplication::installTranslator(own);
    } else {
        delete own;
    }
    app->setProperty(LANGUAGE_PROPERTY.toLatin1().constData(), loaded ? code : u"en"_s);
    return loaded;
}

QString Translations::installed()
{
    const auto *app = QCoreApplication::instance();
    const QString code = app ? app->property(LANGUAGE_PROPERTY.toLatin1().constData()).toString() : QString();
    return code.isEmpty() ? u"en"_s : code;
}

void Translations::tidyToolbarTexts(QWidget *window)
{
    static const QRegularExpression suffix(uR"(\s*\(&[^&\s]\))"_s);
    for (QAction *action : window->findChildren<QAction *>()) {
        const auto tidy = [action] {
            static const char *const TIDIED = "deskbellTidiedIconText";
            if (!action->text().contains(suffix)) {
                if (action->property(TIDIED).toBool()) {
                    action->setProperty(TIDIED, false);
                    action->setIconText(QString()); // derived from the new text again
                }
                return;
            }
            action->setProperty(TIDIED, true);
            QString text = action->text();
            text.remove(suffix);
            text.remove(u'…');
            text.remove(u"..."_s);
            text.replace(u"&&"_s, u"\x01"_s);
            text.remove(u'&');
            text.replace(u'\x01', u'&');
            text = text.trimmed();
            if (action->iconText() != text) {
                action->setIconText(text);
            }
        };
        tidy();
        QObject::connect(action, &QAction::changed, action, tidy);
    }
}

QMenu *Translations::addLanguageMenu(QMenu *menu, QWidget *noteParent)
{
    auto *submenu = menu->addMenu(tr("&Language"));
    submenu->setObjectName(u"languageMenu"_s);
    auto *group = new QActionGroup(submenu);
    const QString stored = normalized(QSettings().value(QLatin1StringView(SETTINGS_KEY)).toString());
    const auto add = [&](const QString &code, const QString &text) {
        auto *action = submenu->addAction(text);
        action->setObjectName(u"language_"_s + code);
        action->setData(code);
        action->setCheckable(true);
        action->setChecked(code == (stored.isEmpty() ? QString::fromLatin1(SYSTEM) : stored));
        group->addAction(action);
    };
    add(QString::fromLatin1(SYSTEM), tr("&System language"));
    submenu->addSeparator();
    for (const auto &language : languages()) {
        add(language.code, language.nativeName);
    }
    QObject::connect(group, &QActionGroup::triggered, submenu, [noteParent](QAction *action) {
        const QString code = action->data().toString();
        QSettings().setValue(QLatin1StringView(SETTINGS_KEY), code);
        const QString next = choose({}, code, QLocale::system());
        if (next == installed()) {
            return;
        }
        // The console builds its texts once; a restart is simpler and safer than retranslating
        // every open window and model in place.
        QMessageBox::information(noteParent, tr("Language"),
                                 tr("Deskbell shows the new language the next time it starts."));
    });
    return submenu;
}

} // namespace deskbell
