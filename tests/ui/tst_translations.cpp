// The console in Thai and Simplified Chinese: the real MainWindow (every tab, menu and toolbar),
// every page of the ConnectDialog and the templates-and-rules editor, walked widget by widget with
// the embedded translation installed. Any text a receptionist would see that still has English
// words in it fails the test, listed with where it was found; only names that stay as they are in
// every language (Deskbell, Calendly, EngageLab, addresses, phone numbers, the test's own bookings)
// are allowed through. With DESKBELL_SCREENSHOT_DIR set, it also keeps pictures of each tab.

#include "ConnectDialog.h"
#include "LogModel.h"
#include "MainWindow.h"
#include "StatusPanel.h"
#include "Translations.h"
#include "UiTestSupport.h"
#include "UpcomingModel.h"
#include "support/CalendlyBodies.h"
#include "support/ConsoleFixture.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocumentFragment>
#include <QTimeZone>
#include <QTimer>

#include <memory>

using namespace deskbell;
using namespace Qt::StringLiterals;
using deskbell::test::atBangkok;

namespace {

constexpr int WAIT_MS = 10000;

struct Seen
{
    QString where; // "QLabel welcomeTitle", "action &Quit (tooltip)"
    QString text;
};

// What stays the same in every language: product and company names, the exact labels of Calendly's
// and EngageLab's own screens (which a receptionist must find there in English), Qt, file formats.
const QStringList ALLOWED_PHRASES{
    u"Deskbell"_s,
    u"Calendly"_s,
    u"EngageLab"_s,
    u"Qt"_s,
    u"SMS"_s,
    u"CSV"_s,
    u"API Key"_s,
    u"dev key"_s,
    u"dev secret"_s,
    u"cloudflared"_s,
    u"ngrok"_s,
    u"Integrations & apps"_s,
    u"API and webhooks"_s,
    u"Personal access tokens"_s,
    u"Generate new token"_s,
    u"users:read"_s,
    u"scheduled_events:read"_s,
    u"webhooks:read"_s,
    u"webhooks:write"_s,
    u"tunnel --url"_s,
    u"Enter"_s,
    u"English"_s, // the language menu names each language in its own words
};

// Values, not words: addresses, keys, identifiers and the data of the test's own bookings.
const QList<QRegularExpression> ALLOWED_PATTERNS{
    QRegularExpression(uR"(https?://\S*)"_s),                   // addresses (and the https:// a field needs)
    QRegularExpression(uR"(\bhttps?\b)"_s),                     // "the https address"
    QRegularExpression(uR"(/webhooks/\w+)"_s),                  // the listener's path
    QRegularExpression(uR"(\b\d{1,3}(\.\d{1,3}){3}(:\d+)?)"_s), // 127.0.0.1:8787
    // Key caps, as Qt names them in tooltips: "Ctrl+P", "(Del)".
    QRegularExpression(
        uR"(\b(Ctrl|Shift|Alt|Meta|Del|Delete|Esc|Ins|Home|End|PgUp|PgDown|F\d+|Enter|Return|Tab|Space|Backspace)\b)"_s),
    QRegularExpression(
        uR"(\b[A-Z][a-z]+(/[A-Z][A-Za-z_-]+)+)"_s),      // IANA zones: Asia/Bangkok, America/Port-au-Prince
    QRegularExpression(uR"(\bUTC\b)"_s),                 // the same in every language
    QRegularExpression(uR"(\btpl-[a-z_]+)"_s),           // the fixture's template ids
    QRegularExpression(uR"(\beyJ\S*)"_s),                // the shape of a Calendly token
    QRegularExpression(uR"(\{\{?\s*[a-z_]+\s*\}?\})"_s), // template variables: {name}
    QRegularExpression(uR"(\b[a-z]+(_[a-z]+)+\b)"_s),    // variable names: event_name, cancel_url
    QRegularExpression(uR"(\b(name|time|date|timezone|location|advance|event)\b)"_s), // one-word variables
    QRegularExpression(uR"x("(booked|rescheduled)")x"_s), // values of the "event" variable
    QRegularExpression(uR"(\S+@\S+)"_s),                  // e-mail addresses
    // The bookings this test makes (names and places come from Calendly as the invitee wrote them).
    QRegularExpression(uR"(Somchai Jaidee|Omar Haddad|Consultation|Sukhumvit Clinic, room 3|Dr\. Lee)"_s),
};

// Plain text without mnemonics: "บันทึก(&S)" -> "บันทึก", "&Save" -> "Save", "A && B" -> "A & B".
QString plain(QString text)
{
    if (Qt::mightBeRichText(text)) {
        text = QTextDocumentFragment::fromHtml(text).toPlainText();
    }
    static const QRegularExpression suffixMnemonic(uR"(\(&[^&\s]\))"_s);
    static const QRegularExpression mnemonic(uR"(&(?=[^&\s]))"_s); // "A & B" keeps its ampersand
    text.remove(suffixMnemonic);
    text.replace(u"&&"_s, u"\x01"_s);
    text.remove(mnemonic);
    text.replace(u'\x01', u'&');
    return text;
}

// The English words left in text once names, values and mnemonics are taken out.
QStringList englishWords(const QString &text)
{
    QString rest = plain(text);
    for (const QString &phrase : ALLOWED_PHRASES) {
        rest.replace(phrase, u" "_s);
    }
    for (const QRegularExpression &pattern : ALLOWED_PATTERNS) {
        rest.replace(pattern, u" "_s);
    }
    static const QRegularExpression word(uR"([A-Za-z]{2,})"_s);
    QStringList words;
    for (auto it = word.globalMatch(rest); it.hasNext();) {
        words << it.next().captured();
    }
    return words;
}

QString describe(const QObject *object)
{
    const QString name = object->objectName();
    return QString::fromLatin1(object->metaObject()->className()) +
           (name.isEmpty() ? QString() : u' ' + name);
}

void addText(QList<Seen> &out, const QString &where, const QString &text)
{
    if (!text.trimmed().isEmpty()) {
        out.append({where, text});
    }
}

// The cells a view shows (states, reasons, times, its messages under each meeting), two levels deep.
void collectCells(QList<Seen> &out, const QString &where, const QAbstractItemModel *model,
                  const QModelIndex &parent, int depth = 0)
{
    for (int r = 0; r < std::min(model->rowCount(parent), 50); ++r) {
        for (int c = 0; c < model->columnCount(parent); ++c) {
            const QModelIndex index = model->index(r, c, parent);
            addText(out, where + u" cell"_s, index.data(Qt::DisplayRole).toString());
            addText(out, where + u" cell (tooltip)"_s, index.data(Qt::ToolTipRole).toString());
        }
        if (depth < 1) {
            collectCells(out, where, model, model->index(r, 0, parent), depth + 1);
        }
    }
}

void collectAction(QList<Seen> &out, const QAction *action, QSet<const QAction *> &done)
{
    if (!action || done.contains(action) || action->isSeparator() ||
        action->objectName().startsWith(u"_q_"_s) || !action->isVisible()) {
        return; // _q_: Qt's own (a line edit's clear button), no text of ours
    }
    done.insert(action);
    const QString where =
        u"action "_s + (action->objectName().isEmpty() ? action->text() : action->objectName());
    addText(out, where, action->text());
    addText(out, where + u" (tooltip)"_s, action->toolTip());
    addText(out, where + u" (status tip)"_s, action->statusTip());
    if (action->menu()) {
        addText(out, where + u" (menu)"_s, action->menu()->title());
        for (const QAction *child : action->menu()->actions()) {
            collectAction(out, child, done);
        }
    }
}

// Every string the operator can see in `root` as it is shown now (hidden pages are skipped: the
// caller shows each tab and page in turn), including menus, tooltips and column headers.
QList<Seen> visibleTexts(QWidget *root)
{
    QList<Seen> out;
    QSet<const QAction *> actions;
    addText(out, describe(root) + u" (title)"_s, root->windowTitle());
    QList<QWidget *> widgets = root->findChildren<QWidget *>();
    widgets.prepend(root);
    for (QWidget *w : std::as_const(widgets)) {
        if (w != root && !w->isVisibleTo(root)) {
            continue;
        }
        const QString where = describe(w);
        addText(out, where + u" (tooltip)"_s, w->toolTip());
        addText(out, where + u" (accessible name)"_s, w->accessibleName());
        if (auto *label = qobject_cast<QLabel *>(w)) {
            addText(out, where, label->text());
        } else if (auto *button = qobject_cast<QAbstractButton *>(w)) {
            addText(out, where, button->text());
        } else if (auto *box = qobject_cast<QGroupBox *>(w)) {
            addText(out, where, box->title());
        } else if (auto *tabs = qobject_cast<QTabWidget *>(w)) {
            for (int i = 0; i < tabs->count(); ++i) {
                addText(out, where + u" tab"_s, tabs->tabText(i));
                addText(out, where + u" tab (tooltip)"_s, tabs->tabToolTip(i));
            }
        } else if (auto *edit = qobject_cast<QLineEdit *>(w)) {
            addText(out, where + u" (placeholder)"_s, edit->placeholderText());
        } else if (auto *combo = qobject_cast<QComboBox *>(w)) {
            // The country list names countries as Qt does, in English: Qt has no translated
            // country names, so that combo is left out (its label and tooltip are still checked).
            if (combo->objectName() != u"country"_s) {
                for (int i = 0; i < combo->count(); ++i) {
                    addText(out, where + u" item"_s, combo->itemText(i));
                }
            }
            addText(out, where + u" (placeholder)"_s, combo->placeholderText());
        } else if (auto *spin = qobject_cast<QAbstractSpinBox *>(w)) {
            addText(out, where + u" (special value)"_s, spin->specialValueText());
        } else if (auto *view = qobject_cast<QAbstractItemView *>(w)) {
            if (const QAbstractItemModel *model = view->model()) {
                for (int c = 0; c < model->columnCount(); ++c) {
                    addText(out, where + u" header"_s, model->headerData(c, Qt::Horizontal).toString());
                    addText(out, where + u" header (tooltip)"_s,
                            model->headerData(c, Qt::Horizontal, Qt::ToolTipRole).toString());
                }
                collectCells(out, where, model, {});
            }
        } else if (auto *menu = qobject_cast<QMenu *>(w)) {
            addText(out, where, menu->title());
        }
        for (const QAction *action : w->actions()) {
            collectAction(out, action, actions);
        }
    }
    return out;
}

// "where: text [words]" for every visible string with English left in it.
QStringList untranslated(const QList<Seen> &seen)
{
    QStringList problems;
    for (const Seen &s : seen) {
        const QStringList words = englishWords(s.text);
        if (!words.isEmpty()) {
            problems << u"%1: \"%2\" [%3]"_s.arg(s.where, s.text, words.join(u", "_s));
        }
    }
    problems.removeDuplicates();
    return problems;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void languageFollowsTheSystem_data();
    void languageFollowsTheSystem();
    void overrideWinsOverStoredChoiceAndSystem_data();
    void overrideWinsOverStoredChoiceAndSystem();
    void installsTheEmbeddedTranslation_data();
    void installsTheEmbeddedTranslation();
    void englishPluralsReadRight();
    void standardButtonsAreTranslated_data();
    void standardButtonsAreTranslated();
    void checkFindsEnglishLeftInAWidget();
    void everyVisibleStringOfTheConsoleIsTranslated_data();
    void everyVisibleStringOfTheConsoleIsTranslated();
    void everyPageOfConnectAccountsIsTranslated_data();
    void everyPageOfConnectAccountsIsTranslated();
    void languageMenuKeepsTheChoice();

private:
    std::unique_ptr<QTemporaryDir> m_settingsDir;
    std::unique_ptr<test::ConsoleFixture> m_fixture;
};

void TestTranslations::initTestCase()
{
    QCoreApplication::setApplicationName(u"deskbell-tst-translations"_s);
    MainWindow::setWelcomeSuppressed(true);
}

void TestTranslations::init()
{
    m_settingsDir = test::isolateUserSettings();
    QVERIFY(m_settingsDir->isValid());
}

void TestTranslations::cleanup()
{
    m_fixture.reset();
    m_settingsDir.reset();
    Translations::install(u"en"_s);
}

void TestTranslations::cleanupTestCase()
{
    Translations::install(u"en"_s);
}

void TestTranslations::languageFollowsTheSystem_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("language");

    QTest::newRow("Thai desk") << u"th_TH"_s << u"th"_s;
    QTest::newRow("mainland China") << u"zh_CN"_s << u"zh_CN"_s;
    QTest::newRow("Singapore Chinese") << u"zh_SG"_s << u"zh_CN"_s;
    QTest::newRow("Taiwan reads English, not the wrong script") << u"zh_TW"_s << u"en"_s;
    QTest::newRow("Hong Kong Chinese") << u"zh_HK"_s << u"en"_s;
    QTest::newRow("British English") << u"en_GB"_s << u"en"_s;
    QTest::newRow("German: no translation, English") << u"de_DE"_s << u"en"_s;
    QTest::newRow("C locale") << u"C"_s << u"en"_s;
}

void TestTranslations::languageFollowsTheSystem()
{
    QFETCH(QString, locale);
    QFETCH(QString, language);
    QCOMPARE(Translations::languageFor(QLocale(locale)), language);
}

void TestTranslations::overrideWinsOverStoredChoiceAndSystem_data()
{
    QTest::addColumn<QString>("commandLine");
    QTest::addColumn<QString>("environment");
    QTest::addColumn<QString>("stored");
    QTest::addColumn<QString>("system");
    QTest::addColumn<QString>("language");

    QTest::newRow("nothing chosen: the system's")
        << QString() << QString() << QString() << u"th_TH"_s << u"th"_s;
    QTest::newRow("stored choice beats the system")
        << QString() << QString() << u"zh_CN"_s << u"th_TH"_s << u"zh_CN"_s;
    QTest::newRow("stored 'system' means the system")
        << QString() << QString() << u"system"_s << u"zh_CN"_s << u"zh_CN"_s;
    QTest::newRow("environment beats the stored choice")
        << QString() << u"th"_s << u"en"_s << u"en_US"_s << u"th"_s;
    QTest::newRow("command line beats the environment")
        << u"zh-CN"_s << u"th"_s << u"en"_s << u"en_US"_s << u"zh_CN"_s;
    QTest::newRow("unknown override is no choice")
        << u"fr"_s << QString() << u"th"_s << u"en_US"_s << u"th"_s;
    QTest::newRow("English chosen on a Thai desk")
        << u"en"_s << QString() << QString() << u"th_TH"_s << u"en"_s;
}

void TestTranslations::overrideWinsOverStoredChoiceAndSystem()
{
    QFETCH(QString, commandLine);
    QFETCH(QString, environment);
    QFETCH(QString, stored);
    QFETCH(QString, system);
    QFETCH(QString, language);
    QCOMPARE(Translations::choose({commandLine, environment}, stored, QLocale(system)), language);
    QVERIFY(Translations::isChoice(language));
}

void TestTranslations::installsTheEmbeddedTranslation_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("upcoming");
    QTest::addColumn<QString>("november");

    QTest::newRow("th") << u"th"_s << u"นัดหมายที่จะมาถึง(&U)"_s << u"พฤศจิกายน"_s;
    QTest::newRow("zh_CN") << u"zh_CN"_s << u"近期预约(&U)"_s << u"十一月"_s;
}

void TestTranslations::installsTheEmbeddedTranslation()
{
    QFETCH(QString, language);
    QFETCH(QString, upcoming);
    QFETCH(QString, november);

    QVERIFY(Translations::install(language));
    QCOMPARE(Translations::installed(), language);
    QCOMPARE(QCoreApplication::translate("deskbell::MainWindow", "&Upcoming"), upcoming);
    // Words from app/ reach the desk too: an engine alert, a reason stored in English.
    QVERIFY(QCoreApplication::translate("deskbell::Engine", "No database is open.") !=
            u"No database is open."_s);
    // Dates follow the language of the words around them.
    QCOMPARE(QLocale().monthName(11), november);

    // A second install replaces the first instead of stacking translators.
    QVERIFY(Translations::install(u"en"_s));
    QCOMPARE(QCoreApplication::translate("deskbell::MainWindow", "&Upcoming"), u"&Upcoming"_s);
}

void TestTranslations::englishPluralsReadRight()
{
    QVERIFY(Translations::install(u"en"_s));
    QCOMPARE(QCoreApplication::translate("deskbell::MainWindow", "%n meeting(s)", nullptr, 1),
             u"1 meeting"_s);
    QCOMPARE(QCoreApplication::translate("deskbell::MainWindow", "%n meeting(s)", nullptr, 3),
             u"3 meetings"_s);
}

void TestTranslations::standardButtonsAreTranslated_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("ok");
    QTest::addColumn<QString>("cancel");
    QTest::addColumn<QString>("save");

    // Qt ships no Thai translation: these come from deskbell_th.ts.
    QTest::newRow("th") << u"th"_s << u"ตกลง"_s << u"ยกเลิก"_s << u"บันทึก"_s;
    QTest::newRow("zh_CN") << u"zh_CN"_s << u"确定"_s << u"取消"_s << u"保存"_s;
}

void TestTranslations::standardButtonsAreTranslated()
{
    QFETCH(QString, language);
    QFETCH(QString, ok);
    QFETCH(QString, cancel);
    QFETCH(QString, save);

    QVERIFY(Translations::install(language));
    QDialogButtonBox box(QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::Save);
    QCOMPARE(plain(box.button(QDialogButtonBox::Ok)->text()), ok);
    QCOMPARE(plain(box.button(QDialogButtonBox::Cancel)->text()), cancel);
    QCOMPARE(plain(box.button(QDialogButtonBox::Save)->text()), save);
    QMessageBox message(QMessageBox::Question, u"?"_s, u"?"_s, QMessageBox::Yes | QMessageBox::No);
    QVERIFY(englishWords(message.button(QMessageBox::Yes)->text()).isEmpty());
    QVERIFY(englishWords(message.button(QMessageBox::No)->text()).isEmpty());
}

// The check itself must be able to fail: English in a label is found, names and values are not.
void TestTranslations::checkFindsEnglishLeftInAWidget()
{
    QVERIFY(Translations::install(u"th"_s));
    QWidget window;
    auto *english = new QLabel(u"Messages go out at their planned times."_s, &window);
    english->setObjectName(u"forgotten"_s);
    new QLabel(QCoreApplication::translate("deskbell::MainWindow", "Sending is on."), &window);
    new QLabel(u"Somchai Jaidee, +66 81 234 5678, https://desk.example/webhooks/calendly"_s, &window);
    auto *button =
        new QPushButton(QCoreApplication::translate("deskbell::MainWindow", "&Send again"), &window);
    button->setToolTip(u"Resend"_s);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    const QStringList problems = untranslated(visibleTexts(&window));
    QCOMPARE(problems.size(), 2);
    QVERIFY2(problems.at(0).contains(u"QLabel forgotten"_s) || problems.at(1).contains(u"QLabel forgotten"_s),
             qPrintable(problems.join(u'\n')));
    QVERIFY2(problems.join(u'\n').contains(u"[Resend]"_s), qPrintable(problems.join(u'\n')));
}

void TestTranslations::everyVisibleStringOfTheConsoleIsTranslated_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("th") << u"th"_s;
    QTest::newRow("zh_CN") << u"zh_CN"_s;
}

void TestTranslations::everyVisibleStringOfTheConsoleIsTranslated()
{
    QFETCH(QString, language);
    QVERIFY(Translations::install(language));

    m_fixture = std::make_unique<test::ConsoleFixture>(); // its clock starts at test::DESK_NOW
    QString error;
    QVERIFY2(m_fixture->start(&error), qPrintable(error));
    m_fixture->book(u"A"_s, u"Somchai Jaidee"_s, atBangkok(14));
    m_fixture->book(u"D"_s, u"Omar Haddad"_s, atBangkok(15, 30), u"Asia/Dubai"_s, u"+971 50 123 4567"_s);

    MainWindow window(m_fixture->host(), m_fixture->reader(), m_fixture->clock(), m_fixture->deskZone(), {});
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_VERIFY_WITH_TIMEOUT(window.statusPanel()->hasStatus(), WAIT_MS);
    QTRY_COMPARE_WITH_TIMEOUT(window.upcomingModel()->rowCount(), 2, WAIT_MS);

    QStringList problems;
    int checked = 0;
    QTabWidget *tabs = window.tabs();
    const QStringList shots{u"upcoming"_s, u"log"_s, u"templates"_s, u"dashboard"_s};
    for (int i = 0; i < tabs->count(); ++i) {
        tabs->setCurrentIndex(i);
        QCoreApplication::processEvents();
        if (i == 0) {
            // The first meeting open in the detail pane, as a receptionist would have it.
            window.findChild<QAbstractItemView *>(u"upcomingView"_s)
                ->setCurrentIndex(window.upcomingModel()->index(0, 0));
            QCoreApplication::processEvents();
        }
        if (tabs->widget(i)->isAncestorOf(window.findChild<QWidget *>(u"logView"_s))) {
            QTRY_VERIFY_WITH_TIMEOUT(window.logModel()->rowCount() > 0, WAIT_MS);
        }
        const QList<Seen> seen = visibleTexts(&window);
        checked += int(seen.size());
        problems << untranslated(seen);
        test::saveScreenshot(window,
                             u"translations-%1-%2"_s.arg(language, shots.value(i, QString::number(i))));
    }
    // Enough was looked at for a pass to mean something: menus, four tabs, their tables.
    QVERIFY2(checked > 400, qPrintable(QString::number(checked)));
    qInfo("%d strings checked", checked);
    problems.removeDuplicates();
    QVERIFY2(problems.isEmpty(),
             qPrintable(u"%1 string(s) still in English:\n"_s.arg(problems.size()) + problems.join(u'\n')));
}

void TestTranslations::everyPageOfConnectAccountsIsTranslated_data()
{
    everyVisibleStringOfTheConsoleIsTranslated_data();
}

void TestTranslations::everyPageOfConnectAccountsIsTranslated()
{
    QFETCH(QString, language);
    QVERIFY(Translations::install(language));
    m_fixture = std::make_unique<test::ConsoleFixture>();
    QString error;
    QVERIFY2(m_fixture->start(&error), qPrintable(error));
    const auto status = m_fixture->onEngine<Engine::Status>([](Engine &e) { return e.status(); });

    QStringList problems;
    for (auto page :
         {ConnectDialog::Page::Welcome, ConnectDialog::Page::Calendly, ConnectDialog::Page::EngageLab,
          ConnectDialog::Page::Mode, ConnectDialog::Page::Sandbox}) {
        ConnectDialog dialog(m_fixture->host(), status, page);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QCOMPARE(dialog.currentPage(), page);
        problems << untranslated(visibleTexts(&dialog));
        test::saveScreenshot(dialog, u"translations-%1-connect-%2"_s.arg(language).arg(int(page)));
    }
    problems.removeDuplicates();
    QVERIFY2(problems.isEmpty(),
             qPrintable(u"%1 string(s) still in English:\n"_s.arg(problems.size()) + problems.join(u'\n')));
}

void TestTranslations::languageMenuKeepsTheChoice()
{
    QVERIFY(Translations::install(u"th"_s));
    QWidget parent;
    QMenu options;
    QMenu *menu = Translations::addLanguageMenu(&options, &parent);
    QVERIFY(menu);
    QVERIFY(englishWords(menu->title()).isEmpty());
    auto *system = menu->findChild<QAction *>(u"language_system"_s);
    auto *chinese = menu->findChild<QAction *>(u"language_zh_CN"_s);
    QVERIFY(system && chinese);
    QVERIFY(system->isChecked()); // nothing stored yet
    QCOMPARE(chinese->text(), u"简体中文"_s);

    // Choosing the language now in use needs no restart, so no note interrupts the desk.
    menu->findChild<QAction *>(u"language_th"_s)->trigger();
    QCOMPARE(QSettings().value(QLatin1StringView(Translations::SETTINGS_KEY)).toString(), u"th"_s);

    // Another language is kept for the next start, with a note that says so (closed by the test).
    QTimer::singleShot(0, &parent, [] {
        QTRY_VERIFY(qobject_cast<QMessageBox *>(QApplication::activeModalWidget()));
        auto *note = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        QVERIFY(englishWords(note->text()).isEmpty());
        note->accept();
    });
    chinese->trigger();
    QCOMPARE(QSettings().value(QLatin1StringView(Translations::SETTINGS_KEY)).toString(), u"zh_CN"_s);
    QCOMPARE(Translations::chosen(), u"zh_CN"_s);
    QCOMPARE(Translations::installed(), u"th"_s); // shown from the next start on
}

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
