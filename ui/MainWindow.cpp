#include "MainWindow.h"

#include "AboutDialog.h"
#include "ActionDialogs.h"
#include "Autostart.h"
#include "ConnectDialog.h"
#include "ConsoleText.h"
#include "DashboardWidget.h"
#include "EngineHost.h"
#include "LogModel.h"
#include "MeetingDetail.h"
#include "StoreDialog.h"
#include "TemplatesRulesEditor.h"
#include "Translations.h"
#include "UpcomingModel.h"
#include "domain/Clock.h"
#include "domain/Phone.h"
#include "storage/ConsoleReader.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDateEdit>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPainter>
#include <QSettings>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyle>
#include <QSystemTrayIcon>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace deskbell {

using namespace Qt::StringLiterals;

namespace {

bool g_welcomeSuppressed = false;

constexpr int DATA_DEBOUNCE_MS = 200;
constexpr int COUNTS_EVERY_MS = 5000;

const QString KEY_WELCOME = u"ui/welcomeShown"_s;
const QString KEY_CLOSE_TO_TRAY = u"ui/closeToTray"_s;
const QString KEY_TRAY_HINT = u"ui/trayHintShown"_s;
const QString KEY_GEOMETRY = u"ui/geometry"_s;
const QString KEY_STATE = u"ui/windowState"_s;
const QString KEY_SPLITTER = u"ui/upcomingSplitter"_s;
const QString KEY_UPCOMING_HEADER = u"ui/upcomingHeader"_s;
const QString KEY_LOG_HEADER = u"ui/logHeader"_s;

QLabel *plainLabel(QWidget *parent, const QString &name)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

void MainWindow::setWelcomeSuppressed(bool suppressed)
{
    g_welcomeSuppressed = suppressed;
}

MainWindow::MainWindow(EngineHost &host, ConsoleReader &reader, const Clock &clock, QTimeZone deskZone,
                       const QString &startupProblems, QWidget *parent)
    : QMainWindow(parent)
    , m_host(host)
    , m_reader(reader)
    , m_clock(clock)
    , m_deskZone(deskZone.isValid() ? std::move(deskZone) : QTimeZone::systemTimeZone())
{
    setObjectName(u"mainWindow"_s);
    setWindowTitle(tr("Deskbell"));
    if (windowIcon().isNull()) {
        setWindowIcon(
            QIcon::fromTheme(u"deskbell"_s, style()->standardIcon(QStyle::SP_MessageBoxInformation)));
    }

    m_upcoming = new UpcomingModel(m_reader, m_clock, m_deskZone, this);
    m_log = new LogModel(m_reader, m_clock, m_deskZone, this);

    buildActions();

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);

    m_banner = plainLabel(central, u"problemBanner"_s);
    m_banner->setFrameShape(QFrame::StyledPanel);
    m_banner->setMargin(fontMetrics().height() / 2);
    if (!startupProblems.isEmpty()) {
        m_banner->setText(tr("Deskbell cannot plan messages until this is fixed:") + u'\n' + startupProblems);
    }
    m_banner->setVisible(!startupProblems.isEmpty());
    layout->addWidget(m_banner);

    m_status = new StatusPanel(m_clock, m_deskZone, central);
    layout->addWidget(m_status);
    connect(m_status, &StatusPanel::countClicked, this, &MainWindow::onCountClicked);
    connect(m_status, &StatusPanel::connectRequested, this, [this] { openConnectDialog(); });

    // One line that answers the last action: "Sent again", or why not.
    m_actionBox = new QFrame(central);
    m_actionBox->setObjectName(u"actionBox"_s);
    static_cast<QFrame *>(m_actionBox)->setFrameShape(QFrame::StyledPanel);
    auto *actionLayout = new QHBoxLayout(m_actionBox);
    m_actionIcon = new QLabel(m_actionBox);
    m_actionText = plainLabel(m_actionBox, u"actionMessage"_s);
    auto *dismiss = new QToolButton(m_actionBox);
    dismiss->setObjectName(u"dismissActionMessage"_s);
    dismiss->setText(tr("Dismiss"));
    dismiss->setAutoRaise(true);
    connect(dismiss, &QToolButton::clicked, m_actionBox, &QWidget::hide);
    actionLayout->addWidget(m_actionIcon, 0);
    actionLayout->addWidget(m_actionText, 1);
    actionLayout->addWidget(dismiss, 0);
    m_actionBox->setVisible(false);
    layout->addWidget(m_actionBox);

    m_tabs = new QTabWidget(central);
    m_tabs->setObjectName(u"tabs"_s);
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(buildUpcomingTab(), tr("&Upcoming"));
    m_tabs->addTab(buildLogTab(), tr("&Live log"));
    m_templatesEditor = new TemplatesRulesEditor(m_host, m_reader, m_clock, m_deskZone, m_tabs);
    m_tabs->addTab(m_templatesEditor, tr("&Templates && rules"));
    m_dashboard = new DashboardWidget(m_reader, m_clock, m_deskZone, m_tabs);
    m_tabs->addTab(m_dashboard, tr("&Dashboard"));
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (m_tabs->widget(index) == m_dashboard) {
            m_dashboard->reload();
        }
        updateActions();
    });
    layout->addWidget(m_tabs, 1);
    setCentralWidget(central);

    buildMenus();

    m_sendingLabel = new QLabel(this);
    m_sendingLabel->setObjectName(u"sendingStatus"_s);
    statusBar()->addPermanentWidget(m_sendingLabel);
    m_liveLabel = new QLabel(this);
    m_liveLabel->setObjectName(u"liveStatus"_s);
    m_liveLabel->setVisible(m_reader.isLive());
    m_liveLabel->setText(tr("Shared store: live"));
    m_liveLabel->setToolTip(tr("Changes made at other desks show here within seconds."));
    statusBar()->addPermanentWidget(m_liveLabel);
    setPaused(false, {});

    buildTray();

    m_dataDebounce.setSingleShot(true);
    m_dataDebounce.setInterval(DATA_DEBOUNCE_MS);
    connect(&m_dataDebounce, &QTimer::timeout, this, [this] {
        reloadCounts();
        refreshDetail();
        if (m_tabs->currentWidget() == m_dashboard) {
            m_dashboard->reload();
        }
    });
    m_countsTimer.setInterval(COUNTS_EVERY_MS);
    connect(&m_countsTimer, &QTimer::timeout, this, &MainWindow::reloadCounts);
    m_countsTimer.start();
    // "Today" follows the desk's clock past midnight.
    m_dayTimer.setInterval(60 * 1000);
    connect(&m_dayTimer, &QTimer::timeout, this, [this] {
        if (deskToday() != m_shownToday && range() != Range::Custom) {
            applyRange();
        }
    });
    m_dayTimer.start();
    m_notifyTimer.setSingleShot(true);
    m_notifyTimer.setInterval(1500);
    connect(&m_notifyTimer, &QTimer::timeout, this, [this] {
        if (m_pendingNotes.isEmpty()) {
            return;
        }
        const QString title = m_pendingNotesProblem ? tr("Deskbell needs a look") : tr("Deskbell");
        const QString text = m_pendingNotes.size() > 3
                                 ? tr("%1\n…and %n more", nullptr, int(m_pendingNotes.size()) - 3)
                                       .arg(m_pendingNotes.mid(0, 3).join(u'\n'))
                                 : m_pendingNotes.join(u'\n');
        if (m_tray && m_tray->isVisible()) {
            m_tray->showMessage(
                title, text, m_pendingNotesProblem ? QSystemTrayIcon::Warning : QSystemTrayIcon::Information,
                15000);
        }
        m_pendingNotes.clear();
        m_pendingNotesProblem = false;
    });

    // Another desk (or the service) wrote to the shared store: the same refresh as for this desk's
    // own engine.
    connect(&m_reader, &ConsoleReader::storeChanged, this, [this] { scheduleDataRefresh(); });
    connect(&m_reader, &ConsoleReader::liveChanged, this, [this](bool live, const QString &problem) {
        m_liveLabel->setVisible(true);
        m_liveLabel->setText(live ? tr("Shared store: live") : tr("Shared store: connection lost"));
        m_liveLabel->setToolTip(live ? tr("Changes made at other desks show here within seconds.") : problem);
        if (!live) {
            showActionMessage(problem, true);
        }
    });
    connect(&m_reader, &ConsoleReader::readFailed, this, [this](const QString &message) {
        showActionMessage(tr("Could not read the data: %1").arg(message), true);
    });
    connect(m_upcoming, &UpcomingModel::loadFailed, this, [this](const QString &message) {
        showActionMessage(tr("Could not read the meetings: %1").arg(message), true);
    });
    connect(m_log, &LogModel::loadFailed, this, [this](const QString &message) {
        showActionMessage(tr("Could not read the log: %1").arg(message), true);
    });
    connect(m_log, &LogModel::exportFinished, this,
            [this](const QString &path, int rows, const QString &error) {
                if (error.isEmpty()) {
                    showActionMessage(tr("Exported %n log line(s) to %1.", nullptr, rows).arg(path), false);
                } else {
                    showActionMessage(tr("Could not export the log to %1: %2").arg(path, error), true);
                }
                emit exportFinished(path, rows, error);
            });

    connectEngine();
    restoreSettings();
    applyRange();
    m_log->reload();
    reloadCounts();
    requestStatus();
    m_host.call<QList<SmsTemplate>>(
        this, [](Engine &e) { return e.templates(); },
        [this](QList<SmsTemplate> templates) { m_templates = std::move(templates); });
    updateActions();
}

MainWindow::~MainWindow()
{
    saveSettings();
}

// ---- building

void MainWindow::buildActions()
{
    auto make = [this](const QString &text, const QKeySequence &shortcut, const QString &tip,
                       const std::function<void()> &handler) {
        auto *action = new QAction(text, this);
        if (!shortcut.isEmpty()) {
            action->setShortcut(shortcut);
        }
        action->setToolTip(
            shortcut.isEmpty() ? tip : tr("%1 (%2)").arg(tip, shortcut.toString(QKeySequence::NativeText)));
        action->setStatusTip(tip);
        connect(action, &QAction::triggered, this, handler);
        addAction(action); // shortcuts work whichever tab has the focus
        return action;
    };
    m_resend = make(tr("&Resend…"), QKeySequence(Qt::CTRL | Qt::Key_R), tr("Send the selected message again"),
                    [this] { resendSelected(); });
    m_resend->setObjectName(u"resend"_s);
    m_cancelMessage = make(tr("&Cancel message…"), QKeySequence(Qt::Key_Delete),
                           tr("Stop the selected message from being sent"), [this] { cancelSelected(); });
    m_cancelMessage->setObjectName(u"cancelMessage"_s);
    m_sendNow = make(tr("Send &now…"), QKeySequence(Qt::CTRL | Qt::Key_Return),
                     tr("Send the selected waiting message now, without waiting for its time"),
                     [this] { sendNowSelected(); });
    m_sendNow->setObjectName(u"sendNow"_s);
    m_correctPhone = make(tr("Correct &phone number…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P),
                          tr("Fix the selected meeting's phone number"), [this] { correctPhone(); });
    m_correctPhone->setObjectName(u"correctPhone"_s);
    m_optOut = make(tr("Stop &texts to this number…"), {},
                    tr("This person asked not to get texts: skip every message to their number"),
                    [this] { setOptOut(true); });
    m_optOut->setObjectName(u"optOut"_s);
    m_optIn = make(tr("&Allow texts again…"), {}, tr("This person wants texts again"),
                   [this] { setOptOut(false); });
    m_optIn->setObjectName(u"optIn"_s);
    m_adHoc = make(tr("Send a &message…"), QKeySequence(Qt::CTRL | Qt::Key_M),
                   tr("Write a text to the selected meeting's invitee"), [this] { sendAdHoc(); });
    m_adHoc->setObjectName(u"adHoc"_s);

    m_pause = new QAction(this);
    m_pause->setObjectName(u"pause"_s);
    m_pause->setCheckable(true);
    m_pause->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    addAction(m_pause);
    connect(m_pause, &QAction::triggered, this, [this] {
        // The switch shows the engine's state, not the click: it flips when the engine confirms.
        const QSignalBlocker block(m_pause);
        m_pause->setChecked(m_paused);
        togglePause();
    });

    m_showPhones = new QAction(tr("Show phone &numbers"), this);
    m_showPhones->setObjectName(u"showPhones"_s);
    m_showPhones->setCheckable(true);
    m_showPhones->setToolTip(tr("Show whole phone numbers instead of +66 8•• ••• 678"));
    connect(m_showPhones, &QAction::toggled, this, [this](bool on) {
        m_upcoming->setPhonesRevealed(on);
        m_log->setPhonesRevealed(on);
        m_detail->setPhonesRevealed(on);
    });

    m_refresh = make(tr("&Refresh"), QKeySequence(QKeySequence::Refresh), tr("Read everything again"),
                     [this] { refresh(); });
    m_refresh->setObjectName(u"refresh"_s);
    m_export = make(tr("&Export log as CSV…"), QKeySequence(Qt::CTRL | Qt::Key_E),
                    tr("Save the live log, as filtered, for a spreadsheet"), [this] { exportWithDialog(); });
    m_export->setObjectName(u"exportCsv"_s);
    m_find =
        make(tr("&Find"), QKeySequence(QKeySequence::Find), tr("Search by name or phone number"), [this] {
            QLineEdit *edit = m_tabs->currentIndex() == 1 ? m_logSearch : m_search;
            if (m_tabs->currentIndex() > 1) {
                m_tabs->setCurrentIndex(0);
            }
            edit->setFocus(Qt::ShortcutFocusReason);
            edit->selectAll();
        });
    m_connect = make(tr("&Connect accounts…"), {}, tr("Connect Calendly and EngageLab"),
                     [this] { openConnectDialog(); });
    m_connect->setObjectName(u"connectAccounts"_s);
    m_sharedStore = make(tr("S&hared store…"), {}, tr("Work on a PostgreSQL store shared by several desks"),
                         [this] { openStoreDialog(); });
    m_sharedStore->setObjectName(u"sharedStore"_s);
    m_simulate = new QAction(tr("Try a sample &booking"), this);
    m_simulate->setObjectName(u"simulate"_s);
    m_simulate->setToolTip(tr("Sandbox: send a made-up booking through Deskbell to see what happens"));
    connect(m_simulate, &QAction::triggered, this, [this] {
        m_host.post([](Engine &e) { e.simulateBooking(); });
        showActionMessage(tr("A sample booking is on its way…"), false);
    });

    m_closeToTray = new QAction(tr("Keep running when the window is &closed"), this);
    m_closeToTray->setObjectName(u"closeToTray"_s);
    m_closeToTray->setCheckable(true);
    connect(m_closeToTray, &QAction::toggled, this,
            [](bool on) { QSettings().setValue(KEY_CLOSE_TO_TRAY, on); });
    m_autostart = new QAction(tr("Start with the &session"), this);
    m_autostart->setObjectName(u"autostart"_s);
    m_autostart->setCheckable(true);
    m_autostart->setEnabled(Autostart::isSupported());
    m_autostart->setChecked(Autostart().isEnabled());
    connect(m_autostart, &QAction::toggled, this, [this](bool on) {
        QString error;
        if (!Autostart().setEnabled(on, &error)) {
            const QSignalBlocker block(m_autostart);
            m_autostart->setChecked(!on);
            showActionMessage(error, true);
        }
    });
    m_quit = new QAction(tr("&Quit"), this);
    m_quit->setObjectName(u"quit"_s);
    m_quit->setShortcut(QKeySequence::Quit);
    m_quit->setMenuRole(QAction::QuitRole);
    connect(m_quit, &QAction::triggered, this, &MainWindow::quit);
    m_about = new QAction(tr("&About Deskbell…"), this);
    m_about->setObjectName(u"about"_s);
    m_about->setMenuRole(QAction::AboutRole);
    connect(m_about, &QAction::triggered, this, &MainWindow::showAbout);

    // Tabs by number, for the keyboard.
    for (int i = 0; i < 4; ++i) {
        auto *go = new QAction(this);
        go->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        connect(go, &QAction::triggered, this, [this, i] { m_tabs->setCurrentIndex(i); });
        addAction(go);
    }
}

void MainWindow::buildMenus()
{
    auto *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_export);
    file->addSeparator();
    file->addAction(m_connect);
    file->addSeparator();
    file->addAction(m_quit);

    auto *messages = menuBar()->addMenu(tr("&Messages"));
    messages->addAction(m_resend);
    messages->addAction(m_sendNow);
    messages->addAction(m_cancelMessage);
    messages->addSeparator();
    messages->addAction(m_adHoc);
    messages->addAction(m_correctPhone);
    messages->addAction(m_optOut);
    messages->addAction(m_optIn);
    messages->addSeparator();
    messages->addAction(m_pause);
    messages->addAction(m_simulate);

    auto *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_refresh);
    view->addAction(m_find);
    view->addAction(m_showPhones);

    auto *options = menuBar()->addMenu(tr("&Options"));
    options->addAction(m_closeToTray);
    options->addAction(m_autostart);
    options->addAction(m_sharedStore);
    options->addSeparator();
    Translations::addLanguageMenu(options, this);
    Translations::tidyToolbarTexts(this);

    auto *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_about);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt)->setMenuRole(QAction::AboutQtRole);

    auto *toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(u"mainToolbar"_s);
    toolbar->setMovable(false);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    // The sending switch: big, always there, and it says what it means.
    m_pauseButton = new QToolButton(toolbar);
    m_pauseButton->setObjectName(u"pauseButton"_s);
    m_pauseButton->setDefaultAction(m_pause);
    m_pauseButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    QFont big = m_pauseButton->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.15);
    m_pauseButton->setFont(big);
    toolbar->addWidget(m_pauseButton);
    toolbar->addSeparator();
    toolbar->addAction(m_refresh);
    toolbar->addAction(m_showPhones);
    toolbar->addAction(m_connect);
    toolbar->addSeparator();
    toolbar->addAction(m_simulate);
}

QWidget *MainWindow::buildUpcomingTab()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);

    auto *filters = new QHBoxLayout;
    auto *rangeLabel = new QLabel(tr("&Show:"), page);
    m_range = new QComboBox(page);
    m_range->setObjectName(u"range"_s);
    m_range->addItem(tr("Today"), int(Range::Today));
    m_range->addItem(tr("Tomorrow"), int(Range::Tomorrow));
    m_range->addItem(tr("Next 7 days"), int(Range::NextWeek));
    m_range->addItem(tr("Choose dates"), int(Range::Custom));
    rangeLabel->setBuddy(m_range);
    m_from = new QDateEdit(page);
    m_from->setObjectName(u"from"_s);
    m_from->setCalendarPopup(true);
    m_from->setDisplayFormat(tr("ddd d MMM yyyy", "date format: Thu 5 Nov 2026"));
    m_to = new QDateEdit(page);
    m_to->setObjectName(u"to"_s);
    m_to->setCalendarPopup(true);
    m_to->setDisplayFormat(tr("ddd d MMM yyyy", "date format: Thu 5 Nov 2026"));
    auto *fromLabel = new QLabel(tr("&From"), page);
    fromLabel->setBuddy(m_from);
    auto *toLabel = new QLabel(tr("t&o"), page);
    toLabel->setBuddy(m_to);
    const QDate today = deskToday();
    m_from->setDate(today);
    m_to->setDate(today.addDays(6));
    for (QWidget *w : {static_cast<QWidget *>(fromLabel), static_cast<QWidget *>(m_from),
                       static_cast<QWidget *>(toLabel), static_cast<QWidget *>(m_to)}) {
        w->setVisible(false);
    }
    connect(m_range, &QComboBox::currentIndexChanged, this, [this, fromLabel, toLabel] {
        const bool custom = range() == Range::Custom;
        for (QWidget *w : {static_cast<QWidget *>(fromLabel), static_cast<QWidget *>(m_from),
                           static_cast<QWidget *>(toLabel), static_cast<QWidget *>(m_to)}) {
            w->setVisible(custom);
        }
        applyRange();
    });
    connect(m_from, &QDateEdit::dateChanged, this, [this](const QDate &date) {
        if (m_to->date() < date) {
            m_to->setDate(date);
        }
        if (range() == Range::Custom) {
            applyRange();
        }
    });
    connect(m_to, &QDateEdit::dateChanged, this, [this](const QDate &date) {
        if (m_from->date() > date) {
            m_from->setDate(date);
        }
        if (range() == Range::Custom) {
            applyRange();
        }
    });

    m_search = new QLineEdit(page);
    m_search->setObjectName(u"search"_s);
    m_search->setPlaceholderText(tr("Search name, email or phone (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_searchDebounce.setSingleShot(true);
    m_searchDebounce.setInterval(300);
    connect(m_search, &QLineEdit::textChanged, &m_searchDebounce, qOverload<>(&QTimer::start));
    connect(&m_searchDebounce, &QTimer::timeout, this, [this] { m_upcoming->setSearch(m_search->text()); });

    filters->addWidget(rangeLabel);
    filters->addWidget(m_range);
    filters->addWidget(fromLabel);
    filters->addWidget(m_from);
    filters->addWidget(toLabel);
    filters->addWidget(m_to);
    filters->addSpacing(fontMetrics().averageCharWidth() * 2);
    filters->addWidget(m_search, 1);
    layout->addLayout(filters);

    m_upcomingSummary = plainLabel(page, u"upcomingSummary"_s);
    layout->addWidget(m_upcomingSummary);

    m_splitter = new QSplitter(Qt::Horizontal, page);
    m_splitter->setObjectName(u"upcomingSplitter"_s);
    m_upcomingView = new QTreeView(m_splitter);
    m_upcomingView->setObjectName(u"upcomingView"_s);
    m_upcomingView->setModel(m_upcoming);
    m_upcomingView->setAlternatingRowColors(true);
    m_upcomingView->setUniformRowHeights(true);
    m_upcomingView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_upcomingView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_upcomingView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_upcomingView->setAllColumnsShowFocus(true);
    m_upcomingView->header()->setStretchLastSection(true);
    m_upcomingView->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_upcomingView->addActions(
        {m_resend, m_sendNow, m_cancelMessage, m_adHoc, m_correctPhone, m_optOut, m_optIn});
    // Widths in text units, so they fit at any scaling; a masked number sets the phone column.
    const int charWidth = fontMetrics().averageCharWidth();
    const int phoneWidth = fontMetrics().horizontalAdvance(phone::mask(u"+66812345678"_s)) + charWidth * 4;
    m_upcomingView->setColumnWidth(UpcomingModel::When, charWidth * 34);
    m_upcomingView->setColumnWidth(UpcomingModel::Who, charWidth * 30);
    m_upcomingView->setColumnWidth(UpcomingModel::Status, charWidth * 30);
    m_upcomingView->setColumnWidth(UpcomingModel::Phone, phoneWidth);
    m_upcomingView->setColumnWidth(UpcomingModel::Event, charWidth * 20);
    connect(m_upcomingView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &MainWindow::onUpcomingSelection);
    connect(m_upcoming, &QAbstractItemModel::modelReset, this, [this] {
        // A new range or search: every meeting opens on its messages, and the detail follows.
        m_upcomingView->expandAll();
        if (!m_detailUri.isEmpty()) {
            const QModelIndex again = m_upcoming->indexOfInvitee(m_detailUri);
            if (again.isValid()) {
                const QSignalBlocker block(m_upcomingView->selectionModel());
                m_upcomingView->setCurrentIndex(again);
            }
        }
    });
    connect(m_upcoming, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &parent, int first, int last) {
                if (!parent.isValid()) {
                    for (int row = first; row <= last; ++row) {
                        m_upcomingView->expand(m_upcoming->index(row, 0));
                    }
                }
            });
    connect(m_upcoming, &UpcomingModel::loaded, this, [this] {
        const int total = m_upcoming->totalCount();
        QString text;
        if (total == 0) {
            text = m_upcoming->search().isEmpty()
                       ? tr("No meetings in this range. New bookings appear here as they arrive.")
                       : tr("No meeting matches \"%1\" in this range.").arg(m_upcoming->search());
        } else {
            text = tr("%n meeting(s)", nullptr, total);
            if (m_upcoming->loadedCount() < total) {
                text += u' ' + tr("(%1 shown; scroll for more)").arg(m_upcoming->loadedCount());
            }
        }
        m_upcomingSummary->setText(text);
        // Once, unless the operator's own widths were restored: fit the first meetings shown.
        if (!m_columnsFitted && m_upcoming->rowCount() > 0) {
            m_columnsFitted = true;
            for (int column :
                 {int(UpcomingModel::When), int(UpcomingModel::Who), int(UpcomingModel::Status)}) {
                m_upcomingView->resizeColumnToContents(column);
            }
        }
        refreshDetail();
    });
    m_splitter->addWidget(m_upcomingView);

    m_detail = new MeetingDetail(m_clock, m_deskZone, m_splitter);
    m_detail->setActions({m_resend, m_sendNow, m_cancelMessage},
                         {m_adHoc, m_correctPhone, m_optOut, m_optIn});
    connect(m_detail, &MeetingDetail::messageSelected, this, [this](qint64 id) {
        if (!m_syncingSelection && id != 0) {
            const QModelIndex index = m_upcoming->indexOfMessage(id);
            if (index.isValid()) {
                m_syncingSelection = true;
                m_upcomingView->setCurrentIndex(index);
                m_syncingSelection = false;
            }
        }
        updateActions();
    });
    m_splitter->addWidget(m_detail);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    layout->addWidget(m_splitter, 1);
    return page;
}

QWidget *MainWindow::buildLogTab()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    auto *filters = new QHBoxLayout;
    auto *filterLabel = new QLabel(tr("S&how:"), page);
    m_logFilter = new QComboBox(page);
    m_logFilter->setObjectName(u"logFilter"_s);
    m_logFilter->addItem(tr("Everything"), int(LogModel::Preset::All));
    m_logFilter->addItem(tr("Problems (failed, maybe sent, rejected)"), int(LogModel::Preset::Problems));
    m_logFilter->addItem(tr("Sent"), int(LogModel::Preset::Sent));
    m_logFilter->addItem(tr("Waiting"), int(LogModel::Preset::Waiting));
    m_logFilter->addItem(tr("Operator actions"), int(LogModel::Preset::OperatorActions));
    filterLabel->setBuddy(m_logFilter);
    connect(m_logFilter, &QComboBox::currentIndexChanged, this,
            [this] { m_log->setPreset(LogModel::Preset(m_logFilter->currentData().toInt())); });
    m_logSearch = new QLineEdit(page);
    m_logSearch->setObjectName(u"logSearch"_s);
    m_logSearch->setPlaceholderText(tr("Search name, phone or details (Ctrl+F)"));
    m_logSearch->setClearButtonEnabled(true);
    m_logSearchDebounce.setSingleShot(true);
    m_logSearchDebounce.setInterval(300);
    connect(m_logSearch, &QLineEdit::textChanged, &m_logSearchDebounce, qOverload<>(&QTimer::start));
    connect(&m_logSearchDebounce, &QTimer::timeout, this, [this] { m_log->setSearch(m_logSearch->text()); });
    auto *exportButton = new QToolButton(page);
    exportButton->setDefaultAction(m_export);
    exportButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    filters->addWidget(filterLabel);
    filters->addWidget(m_logFilter);
    filters->addWidget(m_logSearch, 1);
    filters->addWidget(exportButton);
    layout->addLayout(filters);

    m_logView = new QTableView(page);
    m_logView->setObjectName(u"logView"_s);
    m_logView->setModel(m_log);
    m_logView->setAlternatingRowColors(true);
    m_logView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_logView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_logView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_logView->verticalHeader()->setVisible(false);
    m_logView->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + fontMetrics().height() / 2);
    m_logView->horizontalHeader()->setStretchLastSection(true);
    m_logView->setWordWrap(false);
    const int charWidth = fontMetrics().averageCharWidth();
    m_logView->setColumnWidth(LogModel::Time, charWidth * 22);
    m_logView->setColumnWidth(LogModel::What, charWidth * 34);
    m_logView->setColumnWidth(LogModel::Who, charWidth * 22);
    m_logView->setColumnWidth(
        LogModel::Phone, fontMetrics().horizontalAdvance(phone::mask(u"+66812345678"_s)) + charWidth * 4);
    m_logView->setColumnWidth(LogModel::State, charWidth * 20);
    m_logView->setToolTip(tr("Double-click or press Enter to open the meeting"));
    connect(m_logView, &QTableView::activated, this, [this](const QModelIndex &index) {
        const auto *entry = m_log->entry(index.row());
        if (entry && !entry->inviteeUri.isEmpty()) {
            showMeeting(entry->inviteeUri, entry->messageId);
        }
    });
    layout->addWidget(m_logView, 1);
    return page;
}

void MainWindow::buildTray()
{
    const bool available = QSystemTrayIcon::isSystemTrayAvailable();
    const QSettings settings;
    m_closeToTray->setEnabled(available);
    {
        const QSignalBlocker block(m_closeToTray);
        m_closeToTray->setChecked(available && settings.value(KEY_CLOSE_TO_TRAY, true).toBool());
    }
    if (!available) {
        m_closeToTray->setToolTip(
            tr("This desktop has no system tray, so closing the window quits Deskbell."));
        return;
    }
    m_tray = new QSystemTrayIcon(windowIcon(), this);
    m_tray->setObjectName(u"tray"_s);
    m_tray->setToolTip(tr("Deskbell"));
    auto *menu = new QMenu(this);
    menu->addAction(tr("Show Deskbell"), this, &MainWindow::bringToFront);
    menu->addAction(m_pause);
    menu->addSeparator();
    menu->addAction(m_quit);
    m_tray->setContextMenu(menu);
    connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick) {
            if (isVisible() && !isMinimized()) {
                hide();
            } else {
                bringToFront();
            }
        }
    });
    connect(m_tray, &QSystemTrayIcon::messageClicked, this, &MainWindow::bringToFront);
    m_tray->show();
}

void MainWindow::bringToFront()
{
    // Un-minimize without un-maximizing (showNormal() would also restore a maximized window).
    setWindowState((windowState() & ~Qt::WindowMinimized) | Qt::WindowActive);
    show();
    raise();
    activateWindow();
}

void MainWindow::showAbout()
{
    if (!m_aboutDialog) {
        m_aboutDialog = new AboutDialog(this);
        m_aboutDialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_aboutDialog->show();
    m_aboutDialog->raise();
    m_aboutDialog->activateWindow();
}

void MainWindow::connectEngine()
{
    Engine *engine = m_host.engine();
    if (!engine) {
        return;
    }
    // Queued: the engine lives on its own thread.
    connect(engine, &Engine::bookingProcessed, this, [this](const BookingProcessor::Result &result) {
        scheduleDataRefresh();
        if (result.outcome == u"rejected"_s || result.outcome == u"error"_s) {
            notify(tr("A booking could not be used"), result.detail, true);
        }
    });
    connect(engine, &Engine::messageChanged, this, [this](qint64, MessageState state) {
        scheduleDataRefresh();
        if (state == MessageState::Failed) {
            notify(tr("A message failed"), tr("A text could not be sent. Open Deskbell to see why."), true);
        } else if (state == MessageState::Unknown) {
            notify(tr("A message may have been sent"),
                   tr("Deskbell lost contact while sending a text. Check it before resending."), true);
        }
    });
    connect(engine, &Engine::dataChanged, this, &MainWindow::scheduleDataRefresh);
    connect(engine, &Engine::alertRaised, this, [this](const QString &text) {
        notify(tr("Deskbell needs a look"), text, true);
        requestStatus();
    });
    connect(engine, &Engine::sendingPausedChanged, this, &MainWindow::setPaused);
    connect(engine, &Engine::statusChanged, this, &MainWindow::onStatus);
    connect(engine, &Engine::templatesChanged, this, [this](const QList<SmsTemplate> &templates) {
        m_templates = templates;
        if (m_adHocDialog) {
            m_adHocDialog->setTemplates(templates);
        }
    });
    connect(engine, &Engine::simulationFinished, this, [this](bool ok, const QString &error) {
        showActionMessage(ok ? tr("The sample booking arrived: see it under Upcoming and in the live log.")
                             : tr("The sample booking did not arrive: %1").arg(error),
                          !ok);
        scheduleDataRefresh();
    });
}

void MainWindow::restoreSettings()
{
    const QSettings settings;
    restoreGeometry(settings.value(KEY_GEOMETRY).toByteArray());
    if (!settings.contains(KEY_GEOMETRY)) {
        // A first start: a sensible size in text units, so it is right at any scaling.
        resize(fontMetrics().averageCharWidth() * 190, fontMetrics().height() * 42);
    }
    restoreState(settings.value(KEY_STATE).toByteArray());
    if (!m_splitter->restoreState(settings.value(KEY_SPLITTER).toByteArray())) {
        // The list is what a receptionist scans all day: give it most of the width.
        const int width = this->width();
        m_splitter->setSizes({width * 62 / 100, width * 38 / 100});
    }
    m_columnsFitted =
        m_upcomingView->header()->restoreState(settings.value(KEY_UPCOMING_HEADER).toByteArray());
    m_logView->horizontalHeader()->restoreState(settings.value(KEY_LOG_HEADER).toByteArray());
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(KEY_GEOMETRY, saveGeometry());
    settings.setValue(KEY_STATE, saveState());
    settings.setValue(KEY_SPLITTER, m_splitter->saveState());
    settings.setValue(KEY_UPCOMING_HEADER, m_upcomingView->header()->saveState());
    settings.setValue(KEY_LOG_HEADER, m_logView->horizontalHeader()->saveState());
}

// ---- upcoming range and selection

QDate MainWindow::deskToday() const
{
    return m_clock.nowUtc().toTimeZone(m_deskZone).date();
}

MainWindow::Range MainWindow::range() const
{
    return Range(m_range->currentData().toInt());
}

void MainWindow::setRange(Range range)
{
    m_range->setCurrentIndex(m_range->findData(int(range)));
}

void MainWindow::setCustomRange(const QDate &from, const QDate &to)
{
    {
        const QSignalBlocker blockFrom(m_from);
        const QSignalBlocker blockTo(m_to);
        m_from->setDate(from);
        m_to->setDate(qMax(from, to));
    }
    if (range() == Range::Custom) {
        applyRange();
    } else {
        setRange(Range::Custom);
    }
}

void MainWindow::setSearch(const QString &text)
{
    m_search->setText(text);
    m_searchDebounce.stop();
    m_upcoming->setSearch(text);
}

// Desk days, in the desk's zone: "today" at a clinic in Bangkok is Bangkok's today, whatever the
// computer's own zone says.
void MainWindow::applyRange()
{
    const QDate today = deskToday();
    m_shownToday = today;
    QDate first = today;
    QDate last = today; // inclusive
    switch (range()) {
    case Range::Today:
        break;
    case Range::Tomorrow:
        first = last = today.addDays(1);
        break;
    case Range::NextWeek:
        last = today.addDays(6);
        break;
    case Range::Custom:
        first = m_from->date();
        last = qMax(m_from->date(), m_to->date());
        break;
    }
    // startOfDay: in a few zones a daylight-saving change skips midnight itself.
    m_upcoming->setRange(first.startOfDay(m_deskZone).toUTC(),
                         last.addDays(1).startOfDay(m_deskZone).toUTC());
}

void MainWindow::onUpcomingSelection()
{
    const QModelIndex current = m_upcomingView->currentIndex();
    const auto *item = m_upcoming->item(current);
    if (!item) {
        updateActions();
        return;
    }
    m_detailUri = item->appointment.inviteeUri;
    m_syncingSelection = true;
    m_detail->setItem(*item);
    if (const auto *message = m_upcoming->message(current)) {
        m_detail->selectMessage(message->id);
    }
    m_syncingSelection = false;
    updateActions();
}

// The detail re-reads its meeting after any change: it may be outside the range shown.
void MainWindow::refreshDetail()
{
    if (m_detailUri.isEmpty()) {
        return;
    }
    if (const auto *item = m_upcoming->item(m_upcoming->indexOfInvitee(m_detailUri))) {
        m_detail->setItem(*item);
        updateActions();
        return;
    }
    const QString uri = m_detailUri;
    m_reader.read<std::optional<ConsoleQueries::UpcomingItem>>(
        this, [uri](ConsoleQueries &q) { return q.appointmentWithMessages(uri); },
        [this, uri](std::optional<ConsoleQueries::UpcomingItem> item) {
            if (uri == m_detailUri) {
                m_detail->setItem(item);
                updateActions();
            }
        });
}

void MainWindow::showMeeting(const QString &inviteeUri, qint64 messageId)
{
    m_tabs->setCurrentIndex(0);
    const QModelIndex index =
        messageId ? m_upcoming->indexOfMessage(messageId) : m_upcoming->indexOfInvitee(inviteeUri);
    if (index.isValid()) {
        m_upcomingView->setCurrentIndex(index);
        m_upcomingView->scrollTo(index);
        m_upcomingView->setFocus();
        return;
    }
    m_upcomingView->selectionModel()->clearCurrentIndex();
    m_detailUri = inviteeUri;
    m_reader.read<std::optional<ConsoleQueries::UpcomingItem>>(
        this, [inviteeUri](ConsoleQueries &q) { return q.appointmentWithMessages(inviteeUri); },
        [this, inviteeUri, messageId](std::optional<ConsoleQueries::UpcomingItem> item) {
            if (inviteeUri != m_detailUri) {
                return;
            }
            m_detail->setItem(item);
            if (messageId) {
                m_detail->selectMessage(messageId);
            }
            updateActions();
        });
}

const ConsoleQueries::UpcomingItem *MainWindow::currentMeeting() const
{
    const auto &item = m_detail->item();
    return item ? &*item : nullptr;
}

const OutboxMessage *MainWindow::currentMessage() const
{
    return m_detail->selectedMessage();
}

QString MainWindow::inviteeLabel() const
{
    const auto *meeting = currentMeeting();
    if (!meeting || meeting->appointment.inviteeName.isEmpty()) {
        return tr("the invitee");
    }
    return meeting->appointment.inviteeName;
}

void MainWindow::updateActions()
{
    const bool upcomingTab = m_tabs->currentIndex() == 0;
    const auto *meeting = currentMeeting();
    const auto *message = currentMessage();
    const bool canResend =
        message && (message->state == MessageState::Accepted || message->state == MessageState::Failed ||
                    message->state == MessageState::Unknown || message->state == MessageState::Canceled ||
                    message->state == MessageState::Skipped);
    const bool pending = message && isPending(message->state);
    m_resend->setEnabled(upcomingTab && canResend);
    m_cancelMessage->setEnabled(upcomingTab && pending);
    m_sendNow->setEnabled(upcomingTab && pending);
    m_correctPhone->setEnabled(upcomingTab && meeting);
    const bool validPhone = meeting && meeting->appointment.hasValidPhone();
    m_optOut->setEnabled(upcomingTab && validPhone);
    m_optIn->setEnabled(upcomingTab && validPhone);
    m_adHoc->setEnabled(upcomingTab && validPhone);
}

// ---- engine signals

void MainWindow::scheduleDataRefresh()
{
    m_upcoming->scheduleReload();
    m_log->scheduleRefresh();
    if (!m_dataDebounce.isActive()) {
        m_dataDebounce.start();
    }
}

void MainWindow::reloadCounts()
{
    const QDateTime now = m_clock.nowUtc();
    const QTimeZone zone = m_deskZone;
    m_reader.read<ConsoleQueries::Counts>(
        this, [now, zone](ConsoleQueries &q) { return q.counts(now, zone); },
        [this](ConsoleQueries::Counts counts) {
            m_counts = counts;
            m_status->setCounts(counts);
        },
        [](const QString &) {});
}

void MainWindow::requestStatus()
{
    m_host.call<Engine::Status>(
        this, [](Engine &e) { return e.status(); }, [this](Engine::Status status) { onStatus(status); });
}

void MainWindow::onStatus(const Engine::Status &status)
{
    m_status->setStatus(status);
    setPaused(status.paused, status.pauseReason);
    m_simulate->setVisible(status.sandbox);
    // Which desk this is, at a glance and in the task bar. The name comes first and "Deskbell" last,
    // so the platform does not append the application name a second time.
    const QString account = status.calendlyAccount.isEmpty() && status.sandbox ? tr("Sandbox")
                            : status.sandbox ? tr("%1 (Sandbox)").arg(status.calendlyAccount)
                                             : status.calendlyAccount;
    setWindowTitle(account.isEmpty() ? tr("Deskbell") : tr("%1 — Deskbell").arg(account));
    const bool first = !m_statusSeen;
    m_statusSeen = true;
    if (first) {
        maybeShowWelcome(status);
    }
    emit statusShown();
}

void MainWindow::setPaused(bool paused, const QString &reason)
{
    m_paused = paused;
    m_pauseReason = reason;
    {
        const QSignalBlocker block(m_pause);
        m_pause->setChecked(paused);
    }
    if (paused) {
        m_pause->setText(tr("Sending PAUSED — nothing will be sent"));
        m_pause->setIcon(switchIcon(true));
        m_pause->setToolTip(tr("Click to resume sending (Ctrl+P)"));
        m_sendingLabel->setText(
            reason.isEmpty()
                ? tr("Sending is PAUSED: nothing will be sent until you resume.")
                : tr("Sending is PAUSED (%1): nothing will be sent until you resume.").arg(reason));
    } else {
        m_pause->setText(tr("Sending: ON"));
        m_pause->setIcon(switchIcon(false));
        m_pause->setToolTip(tr("Click to pause all sending (Ctrl+P)"));
        m_sendingLabel->setText(tr("Sending is on."));
    }
    QFont font = m_sendingLabel->font();
    font.setBold(paused);
    m_sendingLabel->setFont(font);
    if (m_tray) {
        m_tray->setToolTip(paused ? tr("Deskbell — sending paused") : tr("Deskbell"));
    }
}

QIcon MainWindow::switchIcon(bool paused) const
{
    const int size = fontMetrics().height();
    const qreal ratio = devicePixelRatioF();
    QPixmap pixmap(QSize(size, size) * ratio);
    pixmap.setDevicePixelRatio(ratio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(palette().color(QPalette::ButtonText));
    if (paused) {
        // What a click does: play.
        painter.drawPolygon(QPolygonF{QPointF(size * 0.25, size * 0.15), QPointF(size * 0.85, size * 0.5),
                                      QPointF(size * 0.25, size * 0.85)});
    } else {
        painter.drawRect(QRectF(size * 0.2, size * 0.15, size * 0.22, size * 0.7));
        painter.drawRect(QRectF(size * 0.58, size * 0.15, size * 0.22, size * 0.7));
    }
    painter.end();
    return QIcon(pixmap);
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange && m_pause && m_sendingLabel) {
        setPaused(m_paused, m_pauseReason); // redraws the switch's icon in the new colours
    }
    QMainWindow::changeEvent(event);
}

void MainWindow::maybeShowWelcome(const Engine::Status &status)
{
    if (g_welcomeSuppressed || qEnvironmentVariable("DESKBELL_NO_WELCOME") == u"1"_s) {
        return;
    }
    QSettings settings;
    if (settings.value(KEY_WELCOME, false).toBool()) {
        return;
    }
    const bool nothingConnected =
        status.calendlyAccount.isEmpty() && (status.providerName.isEmpty() || status.sandbox);
    if (!nothingConnected) {
        return;
    }
    settings.setValue(KEY_WELCOME, true);
    auto *dialog = new ConnectDialog(m_host, status, ConnectDialog::Page::Welcome, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ConnectDialog::accountsChanged, this, &MainWindow::requestStatus);
    connect(dialog, &QDialog::finished, this, [this] {
        requestStatus();
        scheduleDataRefresh();
    });
    dialog->open();
}

void MainWindow::openConnectDialog()
{
    // Straight to what is missing: Calendly first, then sending; both there: the Calendly page.
    const Engine::Status &status = m_status->status();
    ConnectDialog::Page page = ConnectDialog::Page::Calendly;
    if (!status.calendlyAccount.isEmpty() &&
        (status.providerName.isEmpty() || !status.providerError.isEmpty())) {
        page = ConnectDialog::Page::EngageLab;
    }
    auto *dialog = new ConnectDialog(m_host, status, page, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ConnectDialog::accountsChanged, this, [this] {
        requestStatus();
        scheduleDataRefresh();
    });
    connect(dialog, &QDialog::finished, this, [this] {
        requestStatus();
        scheduleDataRefresh();
    });
    dialog->open();
}

void MainWindow::openStoreDialog()
{
    struct Where
    {
        Database::Location location;
        QString settingsPath;
    };
    m_host.call<Where>(
        this,
        [](Engine &engine) {
            return Where{engine.databaseLocation(), engine.settingsPath()};
        },
        [this](Where where) {
            auto *dialog = new StoreDialog(m_host, where.location, where.settingsPath, this);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->open();
        });
}

void MainWindow::onCountClicked(StatusPanel::Count count)
{
    LogModel::Preset preset = LogModel::Preset::Problems;
    if (count == StatusPanel::Count::Waiting) {
        preset = LogModel::Preset::Waiting;
    }
    m_logFilter->setCurrentIndex(m_logFilter->findData(int(preset)));
    m_tabs->setCurrentIndex(1);
    m_logView->setFocus();
}

void MainWindow::notify(const QString &title, const QString &text, bool problem)
{
    if (!m_tray) {
        return; // the status panel and the log show the same, in the window
    }
    m_pendingNotes << (text.isEmpty() ? title : text);
    m_pendingNotesProblem = m_pendingNotesProblem || problem;
    if (!m_notifyTimer.isActive()) {
        m_notifyTimer.start();
    }
}

void MainWindow::refresh()
{
    m_upcoming->reload();
    m_log->refresh();
    reloadCounts();
    requestStatus();
    refreshDetail();
    if (m_tabs->currentWidget() == m_dashboard) {
        m_dashboard->reload();
    }
}

// ---- actions

void MainWindow::showActionMessage(const QString &text, bool problem)
{
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_actionIcon->setPixmap(
        style()
            ->standardIcon(problem ? QStyle::SP_MessageBoxCritical : QStyle::SP_MessageBoxInformation)
            .pixmap(size, size));
    m_actionText->setText(text);
    m_actionBox->setProperty("problem", problem);
    m_actionBox->setVisible(true);
    statusBar()->showMessage(text, 8000);
}

void MainWindow::perform(const QString &name, const QString &reason, Work work, const QString &successText,
                         QPointer<ActionDialog> dialog)
{
    const OperatorActions::Actor actor{OperatorActions::osUserName(), reason};
    m_host.call<OperatorActions::Result>(
        this, [work = std::move(work), actor](Engine &e) { return work(e, actor); },
        [this, name, successText, dialog](OperatorActions::Result result) {
            if (dialog) {
                dialog->finish(result.ok, result.error);
            }
            if (result.ok) {
                showActionMessage(successText, false);
            } else if (!dialog) {
                showActionMessage(result.error, true);
            }
            m_upcoming->reload();
            m_log->refresh();
            reloadCounts();
            refreshDetail();
            if (name == u"pause"_s || name == u"resume"_s) {
                requestStatus();
            }
            emit actionFinished(name, result.ok, result.error);
        });
}

void MainWindow::confirmAndPerform(ActionDialog *dialog, const QString &name, std::function<Work()> makeWork,
                                   const QString &successText)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QPointer<ActionDialog> guard(dialog);
    connect(dialog, &ActionDialog::submitted, this, [this, guard, name, makeWork, successText] {
        if (guard) {
            perform(name, guard->reason(), makeWork(), successText, guard);
        }
    });
    dialog->open();
}

void MainWindow::resendSelected()
{
    const OutboxMessage *m = currentMessage();
    if (!m || !m_resend->isEnabled()) {
        return;
    }
    const qint64 id = m->id;
    const QString what = ConsoleText::messageTitle(*m);
    const QString who = inviteeLabel();
    QString text;
    QString warning;
    switch (m->state) {
    case MessageState::Unknown:
        text = tr("Deskbell lost contact with the SMS provider while sending this %1, so the first one may "
                  "already have arrived.")
                   .arg(what.toLower());
        warning = tr("If you send it again, %1 may get it twice. Check with them first if you can.").arg(who);
        break;
    case MessageState::Accepted:
        text = tr("This %1 was already sent to %2.").arg(what.toLower(), who);
        warning = tr("Sending it again means %1 gets it twice.").arg(who);
        break;
    case MessageState::Failed:
        text = tr("The %1 to %2 failed. Send it again now?").arg(what.toLower(), who);
        break;
    default:
        text = tr("The %1 to %2 was not sent (%3). Send it now?")
                   .arg(what.toLower(), who,
                        m->skipReason.isEmpty() ? ConsoleText::messageState(*m, m_deskZone)
                                                : ConsoleText::reasonWords(m->skipReason));
        break;
    }
    auto *dialog = new ActionDialog(tr("Send again"), text, tr("&Send again"), this);
    dialog->setWarning(warning);
    confirmAndPerform(
        dialog, u"resend"_s,
        [id] {
            return Work([id](Engine &e, const OperatorActions::Actor &a) {
                return e.act([&](OperatorActions &o) { return o.resend(id, a); });
            });
        },
        tr("Sent again: a new message is on its way to %1.").arg(who));
}

void MainWindow::cancelSelected()
{
    const OutboxMessage *m = currentMessage();
    if (!m || !m_cancelMessage->isEnabled()) {
        return;
    }
    const qint64 id = m->id;
    const QString what = ConsoleText::messageTitle(*m);
    auto *dialog = new ActionDialog(
        tr("Cancel message"),
        tr("The %1 to %2 due %3 will not be sent. You can send it again later if needed.")
            .arg(what.toLower(), inviteeLabel(), ConsoleText::deskTime(m->dueUtc, m_deskZone, deskToday())),
        tr("&Cancel the message"), this);
    confirmAndPerform(
        dialog, u"cancel"_s,
        [id] {
            return Work([id](Engine &e, const OperatorActions::Actor &a) {
                return e.act([&](OperatorActions &o) { return o.cancel(id, a); });
            });
        },
        tr("Canceled: that message will not be sent."));
}

void MainWindow::sendNowSelected()
{
    const OutboxMessage *m = currentMessage();
    if (!m || !m_sendNow->isEnabled()) {
        return;
    }
    const qint64 id = m->id;
    const QString what = ConsoleText::messageTitle(*m);
    auto *dialog = new ActionDialog(
        tr("Send now"),
        tr("Send the %1 to %2 now instead of at %3?")
            .arg(what.toLower(), inviteeLabel(), ConsoleText::deskTime(m->dueUtc, m_deskZone, deskToday())),
        tr("Send &now"), this);
    if (m_paused) {
        dialog->setWarning(tr("Sending is paused: it goes out when you resume."));
    }
    confirmAndPerform(
        dialog, u"send_now"_s,
        [id] {
            return Work([id](Engine &e, const OperatorActions::Actor &a) {
                return e.act([&](OperatorActions &o) { return o.sendNow(id, a); });
            });
        },
        tr("The message goes out now."));
}

void MainWindow::correctPhone()
{
    const auto *meeting = currentMeeting();
    if (!meeting) {
        return;
    }
    const QString uri = meeting->appointment.inviteeUri;
    const QString current =
        meeting->appointment.phoneE164.isEmpty() ? meeting->appointment.phoneRaw : QString();
    auto *dialog = new CorrectPhoneDialog(meeting->appointment.inviteeName, current, this);
    QPointer<CorrectPhoneDialog> guard(dialog);
    confirmAndPerform(
        dialog, u"correct_phone"_s,
        [uri, guard] {
            const QString typed = guard ? guard->phone() : QString();
            return Work([uri, typed](Engine &e, const OperatorActions::Actor &a) {
                return e.act([&](OperatorActions &o) {
                    return o.correctPhone(uri, typed, e.settings().values.rules.defaults.defaultRegion, a);
                });
            });
        },
        tr("Phone number saved. Waiting messages go to the new number."));
}

void MainWindow::setOptOut(bool optedOut)
{
    const auto *meeting = currentMeeting();
    if (!meeting || !meeting->appointment.hasValidPhone()) {
        return;
    }
    const QString number = meeting->appointment.phoneE164;
    const QString shown = ConsoleText::phone(number, m_detail->isPhoneShown());
    ActionDialog *dialog = nullptr;
    if (optedOut) {
        dialog = new ActionDialog(tr("Stop texts to this number"),
                                  tr("No more texts go to %1 (%2): waiting messages are skipped, and so are "
                                     "those of future bookings, until someone allows texts again.")
                                      .arg(inviteeLabel(), shown),
                                  tr("&Stop texts"), this);
    } else {
        dialog = new ActionDialog(tr("Allow texts again"),
                                  tr("Texts to %1 (%2) are allowed again from now on. Messages skipped "
                                     "meanwhile stay skipped; you can send them again one by one.")
                                      .arg(inviteeLabel(), shown),
                                  tr("&Allow texts"), this);
    }
    confirmAndPerform(
        dialog, optedOut ? u"opt_out"_s : u"opt_in"_s,
        [number, optedOut] {
            return Work([number, optedOut](Engine &e, const OperatorActions::Actor &a) {
                return e.act([&](OperatorActions &o) { return o.setOptOut(number, optedOut, a); });
            });
        },
        optedOut ? tr("No more texts go to that number.") : tr("Texts to that number are allowed again."));
}

void MainWindow::sendAdHoc()
{
    const auto *meeting = currentMeeting();
    if (!meeting || !meeting->appointment.hasValidPhone()) {
        return;
    }
    // What the planned messages already say about this meeting fills the template's values.
    QJsonObject known;
    for (const auto &m : meeting->messages) {
        for (auto it = m.params.constBegin(); it != m.params.constEnd(); ++it) {
            if (!known.contains(it.key())) {
                known.insert(it.key(), it.value());
            }
        }
    }
    const QString uri = meeting->appointment.inviteeUri;
    auto *dialog = new AdHocMessageDialog(meeting->appointment.inviteeName, known, this);
    dialog->setTemplates(m_templates);
    m_adHocDialog = dialog;
    QPointer<AdHocMessageDialog> guard(dialog);
    confirmAndPerform(
        dialog, u"adhoc"_s,
        [uri, guard] {
            const QString templateId = guard ? guard->templateId() : QString();
            const QJsonObject params = guard ? guard->params() : QJsonObject();
            return Work([uri, templateId, params](Engine &e, const OperatorActions::Actor &a) {
                return e.act([&](OperatorActions &o) { return o.sendAdHoc(uri, templateId, params, a); });
            });
        },
        tr("Your message is on its way to %1.").arg(inviteeLabel()));
}

void MainWindow::togglePause()
{
    if (!m_paused) {
        // Stopping must be one click: no question asked.
        perform(u"pause"_s, {},
                [](Engine &e, const OperatorActions::Actor &a) {
                    return e.act([&](OperatorActions &o) { return o.pauseSending(a); });
                },
                tr("Sending is paused. Nothing will be sent until you resume."), {});
        return;
    }
    auto *dialog = new ActionDialog(
        tr("Resume sending"),
        m_counts.queued > 0 ? tr("%n message(s) are waiting. Those whose time has come go out right away.",
                                 nullptr, m_counts.queued)
                            : tr("Messages go out again at their planned times."),
        tr("&Resume sending"), this);
    confirmAndPerform(
        dialog, u"resume"_s,
        [] {
            return Work([](Engine &e, const OperatorActions::Actor &a) {
                return e.act([&](OperatorActions &o) { return o.resumeSending(a); });
            });
        },
        tr("Sending is on again."));
}

void MainWindow::exportWithDialog()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString name = tr("deskbell-log-%1.csv").arg(deskToday().toString(Qt::ISODate));
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the live log"), folder + u'/' + name,
                                                      tr("CSV files (*.csv)"));
    if (!path.isEmpty()) {
        exportLog(path);
    }
}

void MainWindow::exportLog(const QString &path)
{
    statusBar()->showMessage(tr("Exporting the log…"));
    m_log->exportCsv(path);
}

// ---- window life

void MainWindow::quit()
{
    m_quitting = true;
    QApplication::setQuitOnLastWindowClosed(true);
    close();
    QCoreApplication::quit();
}

void MainWindow::showEvent(QShowEvent *event)
{
    QApplication::setQuitOnLastWindowClosed(true);
    QMainWindow::showEvent(event);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_quitting && m_tray && m_tray->isVisible() && m_closeToTray->isChecked()) {
        // Keep sending reminders: the window goes, Deskbell stays in the tray. A dialog closing
        // while hidden must not count as the last window closing.
        QApplication::setQuitOnLastWindowClosed(false);
        saveSettings();
        hide();
        QSettings settings;
        if (!settings.value(KEY_TRAY_HINT, false).toBool()) {
            settings.setValue(KEY_TRAY_HINT, true);
            m_tray->showMessage(
                tr("Deskbell is still running"),
                tr("It keeps sending confirmations and reminders. Click this icon to open it, "
                   "or choose Quit from its menu to stop Deskbell."),
                QSystemTrayIcon::Information, 15000);
        }
        event->ignore();
        return;
    }
    saveSettings();
    QMainWindow::closeEvent(event);
}

} // namespace deskbell
