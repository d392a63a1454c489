#pragma once

#include "Engine.h"
#include "StatusPanel.h"
#include "engine/OperatorActions.h"
#include "sms/EngageLabTemplates.h"
#include "storage/ConsoleQueries.h"

#include <QDate>
#include <QMainWindow>
#include <QPointer>
#include <QTimeZone>
#include <QTimer>

#include <functional>

class QAction;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QSplitter;
class QSystemTrayIcon;
class QTabWidget;
class QTableView;
class QToolButton;
class QTreeView;

namespace deskbell {

class AboutDialog;
class ActionDialog;
class AdHocMessageDialog;
class Clock;
class ConsoleReader;
class DashboardWidget;
class EngineHost;
class LogModel;
class MeetingDetail;
class TemplatesRulesEditor;
class UpcomingModel;

// The operator console. Across the top the status at a glance; below it four tabs: upcoming
// meetings (with the selected meeting's detail beside them), the live log, templates & rules, and
// the dashboard. The toolbar carries the one switch that must always be visible: whether Deskbell
// is sending. Everything it shows is read through the ConsoleReader, everything it changes goes to
// the engine through EngineHost; the window never touches the database, the network or the
// keychain itself.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    enum class Range
    {
        Today,
        Tomorrow,
        NextWeek,
        Custom,
    };

    MainWindow(EngineHost &host, ConsoleReader &reader, const Clock &clock, QTimeZone deskZone,
               const QString &startupProblems, QWidget *parent = nullptr);
    ~MainWindow() override;

    // The welcome page opens by itself once, on a first run; tests turn that off here or with the
    // environment variable DESKBELL_NO_WELCOME=1.
    static void setWelcomeSuppressed(bool suppressed);

    // Upcoming meetings: which desk days to show, and the search.
    void setRange(Range range);
    void setCustomRange(const QDate &from, const QDate &to);
    Range range() const;
    void setSearch(const QString &text);

    bool isSendingPaused() const { return m_paused; }

    // For tests and screenshots.
    UpcomingModel *upcomingModel() const { return m_upcoming; }
    QTreeView *upcomingView() const { return m_upcomingView; }
    LogModel *logModel() const { return m_log; }
    QTableView *logView() const { return m_logView; }
    MeetingDetail *meetingDetail() const { return m_detail; }
    StatusPanel *statusPanel() const { return m_status; }
    QTabWidget *tabs() const { return m_tabs; }
    QLabel *problemBanner() const { return m_banner; }
    QLabel *actionMessage() const { return m_actionText; }
    QLabel *sendingStatusLabel() const { return m_sendingLabel; }
    QLineEdit *searchEdit() const { return m_search; }
    QComboBox *rangeBox() const { return m_range; }
    QDateEdit *fromEdit() const { return m_from; }
    QDateEdit *toEdit() const { return m_to; }
    QComboBox *logFilterBox() const { return m_logFilter; }
    QLineEdit *logSearchEdit() const { return m_logSearch; }
    QAction *pauseAction() const { return m_pause; }
    QAction *resendAction() const { return m_resend; }
    QAction *cancelMessageAction() const { return m_cancelMessage; }
    QAction *sendNowAction() const { return m_sendNow; }
    QAction *correctPhoneAction() const { return m_correctPhone; }
    QAction *optOutAction() const { return m_optOut; }
    QAction *optInAction() const { return m_optIn; }
    QAction *adHocAction() const { return m_adHoc; }
    QAction *showPhonesAction() const { return m_showPhones; }
    QAction *refreshAction() const { return m_refresh; }
    QAction *exportAction() const { return m_export; }
    QAction *connectAction() const { return m_connect; }
    QAction *closeToTrayAction() const { return m_closeToTray; }
    QAction *autostartAction() const { return m_autostart; }
    QAction *quitAction() const { return m_quit; }
    QAction *aboutAction() const { return m_about; }

public slots:
    // F5: every view reads again.
    void refresh();
    // Writes the live log (with its current filter) to path, without asking where.
    void exportLog(const QString &path);
    // Selects a meeting (and one of its messages) in the upcoming list or, when it is not in the
    // range shown, in the detail alone.
    void showMeeting(const QString &inviteeUri, qint64 messageId = 0);
    void openConnectDialog();
    // Options > Shared store…: this desk on a PostgreSQL store several desks share.
    void openStoreDialog();
    void quit();
    // Shows the window in front, also when it was closed to the tray or minimized (a second launch
    // of Deskbell asks for this).
    void bringToFront();
    // Help > About Deskbell.
    void showAbout();

signals:
    // An operator action came back from the engine (name: resend, cancel, send_now, correct_phone,
    // opt_out, opt_in, pause, resume, adhoc).
    void actionFinished(const QString &action, bool ok, const QString &error);
    void exportFinished(const QString &path, int rows, const QString &error);
    // The engine's status was shown (after start, after each change).
    void statusShown();

protected:
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    using Work = std::function<OperatorActions::Result(Engine &, const OperatorActions::Actor &)>;

    void buildActions();
    void buildMenus();
    QWidget *buildUpcomingTab();
    QWidget *buildLogTab();
    void buildTray();
    void connectEngine();
    void restoreSettings();
    void saveSettings() const;

    void applyRange();
    QDate deskToday() const;
    void onUpcomingSelection();
    void refreshDetail();
    void updateActions();
    void scheduleDataRefresh();
    void reloadCounts();
    void requestStatus();
    void onStatus(const Engine::Status &status);
    void setPaused(bool paused, const QString &reason);
    // Drawn in the palette's button text colour, so it shows in light and dark themes alike.
    QIcon switchIcon(bool paused) const;
    void maybeShowWelcome(const Engine::Status &status);
    void onCountClicked(StatusPanel::Count count);
    void notify(const QString &title, const QString &text, bool problem);

    // Operator actions: each asks (where it matters), runs on the engine, and reports.
    void resendSelected();
    void cancelSelected();
    void sendNowSelected();
    void correctPhone();
    void setOptOut(bool optedOut);
    void sendAdHoc();
    void togglePause();
    void exportWithDialog();
    void confirmAndPerform(ActionDialog *dialog, const QString &name, std::function<Work()> makeWork,
                           const QString &successText);
    void perform(const QString &name, const QString &reason, Work work, const QString &successText,
                 QPointer<ActionDialog> dialog);
    void showActionMessage(const QString &text, bool problem);

    const OutboxMessage *currentMessage() const;
    const ConsoleQueries::UpcomingItem *currentMeeting() const;
    QString inviteeLabel() const;

    EngineHost &m_host;
    ConsoleReader &m_reader;
    const Clock &m_clock;
    QTimeZone m_deskZone;

    UpcomingModel *m_upcoming = nullptr;
    LogModel *m_log = nullptr;
    StatusPanel *m_status = nullptr;
    MeetingDetail *m_detail = nullptr;
    QTabWidget *m_tabs = nullptr;
    QTreeView *m_upcomingView = nullptr;
    QTableView *m_logView = nullptr;
    QSplitter *m_splitter = nullptr;
    TemplatesRulesEditor *m_templatesEditor = nullptr;
    DashboardWidget *m_dashboard = nullptr;
    QLabel *m_banner = nullptr;
    QWidget *m_actionBox = nullptr;
    QLabel *m_actionIcon = nullptr;
    QLabel *m_actionText = nullptr;
    QLabel *m_sendingLabel = nullptr;
    QLabel *m_liveLabel = nullptr; // shared store: whether other desks' changes arrive
    QLabel *m_upcomingSummary = nullptr;
    QComboBox *m_range = nullptr;
    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
    QLineEdit *m_search = nullptr;
    QComboBox *m_logFilter = nullptr;
    QLineEdit *m_logSearch = nullptr;
    QToolButton *m_pauseButton = nullptr;

    QAction *m_pause = nullptr;
    QAction *m_resend = nullptr;
    QAction *m_cancelMessage = nullptr;
    QAction *m_sendNow = nullptr;
    QAction *m_correctPhone = nullptr;
    QAction *m_optOut = nullptr;
    QAction *m_optIn = nullptr;
    QAction *m_adHoc = nullptr;
    QAction *m_showPhones = nullptr;
    QAction *m_refresh = nullptr;
    QAction *m_export = nullptr;
    QAction *m_find = nullptr;
    QAction *m_connect = nullptr;
    QAction *m_sharedStore = nullptr;
    QAction *m_simulate = nullptr;
    QAction *m_closeToTray = nullptr;
    QAction *m_autostart = nullptr;
    QAction *m_quit = nullptr;
    QAction *m_about = nullptr;

    QSystemTrayIcon *m_tray = nullptr;
    QStringList m_pendingNotes; // coalesced into one tray message
    bool m_pendingNotesProblem = false;
    QTimer m_notifyTimer;

    QTimer m_searchDebounce;
    QTimer m_logSearchDebounce;
    QTimer m_dataDebounce;
    QTimer m_countsTimer;
    QTimer m_dayTimer;
    QDate m_shownToday;

    QString m_detailUri; // the meeting the detail shows
    bool m_paused = false;
    QString m_pauseReason;
    bool m_columnsFitted = false; // the upcoming columns were fitted to the first meetings shown
    bool m_statusSeen = false;
    bool m_quitting = false;
    bool m_syncingSelection = false;
    QList<SmsTemplate> m_templates;
    QPointer<AdHocMessageDialog> m_adHocDialog;
    QPointer<AboutDialog> m_aboutDialog;
    ConsoleQueries::Counts m_counts;
};

} // namespace deskbell
