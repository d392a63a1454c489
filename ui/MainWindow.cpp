#include "MainWindow.h"

#include "Engine.h"
#include "UpcomingModel.h"
#include "domain/Clock.h"

#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QStatusBar>
#include <QTimeZone>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

namespace deskbell {

using namespace Qt::StringLiterals;

MainWindow::MainWindow(Engine &engine, const Clock &clock, const QString &startupProblems, QWidget *parent)
    : QMainWindow(parent)
    , m_engine(engine)
    , m_clock(clock)
{
    setWindowTitle(u"Deskbell"_s);
    resize(1100, 680);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);

    m_banner = new QLabel(central);
    m_banner->setObjectName(u"problemBanner"_s);
    m_banner->setWordWrap(true);
    m_banner->setTextFormat(Qt::PlainText);
    m_banner->setStyleSheet(u"QLabel { background: #FDECEA; color: #611A15; border: 1px solid #F5C2C0;"
                            " border-radius: 4px; padding: 8px; }"_s);
    if (!startupProblems.isEmpty()) {
        m_banner->setText(u"Deskbell cannot plan messages until this is fixed:\n"_s + startupProblems);
    }
    m_banner->setVisible(!startupProblems.isEmpty());
    layout->addWidget(m_banner);

    auto *title = new QLabel(u"Upcoming meetings"_s, central);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    title->setFont(titleFont);
    layout->addWidget(title);

    m_summary = new QLabel(central);
    m_summary->setObjectName(u"summary"_s);
    layout->addWidget(m_summary);

    QByteArray deskZone = engine.settings().values.rules.defaults.fallbackTimezone.toUtf8();
    if (!QTimeZone::isTimeZoneIdAvailable(deskZone)) {
        deskZone = QTimeZone::systemTimeZoneId();
    }
    m_model = new UpcomingModel(QTimeZone(deskZone), this);
    m_view = new QTreeView(central);
    m_view->setObjectName(u"upcomingView"_s);
    m_view->setModel(m_model);
    m_view->setAlternatingRowColors(true);
    m_view->setUniformRowHeights(true);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->header()->setStretchLastSection(true);
    layout->addWidget(m_view, 1);
    setCentralWidget(central);

    auto *toolbar = addToolBar(u"Main"_s);
    toolbar->setMovable(false);
    auto *refreshButton = new QPushButton(u"Refresh"_s, toolbar);
    toolbar->addWidget(refreshButton);
    connect(refreshButton, &QPushButton::clicked, this, &MainWindow::refresh);
    connect(&m_engine, &Engine::bookingProcessed, this, &MainWindow::refresh);
    connect(&m_engine, &Engine::messageChanged, this, &MainWindow::refresh);

    statusBar()->showMessage(
        m_engine.isStorageOpen()
            ? u"Database: %1   Settings: %2"_s.arg(m_engine.databasePath(), m_engine.settingsPath())
            : u"No database open. Settings: %1"_s.arg(m_engine.settingsPath()));
    refresh();
}

void MainWindow::refresh()
{
    const QDateTime now = m_clock.nowUtc();
    // From an hour ago, so a meeting in progress stays on screen, to two months ahead.
    m_model->setItems(m_engine.upcoming(now.addSecs(-3600), now.addDays(60)));
    m_view->expandAll();
    for (int c = 0; c < UpcomingModel::ColumnCount - 1; ++c) {
        m_view->resizeColumnToContents(c);
    }
    const int count = m_model->appointmentCount();
    m_summary->setText(
        count == 0 ? u"No meetings in the next 60 days yet. New bookings appear here as they arrive."_s
                   : u"%1 meeting(s) in the next 60 days."_s.arg(count));
}

} // namespace deskbell
