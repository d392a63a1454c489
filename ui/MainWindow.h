#pragma once

#include <QMainWindow>

class QLabel;
class QTreeView;

namespace deskbell {

class Clock;
class Engine;
class UpcomingModel;

// The first console: upcoming appointments and their messages, read-only. The full operator console
// (actions, live log, editors) replaces the centre of this window in a later step.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    MainWindow(Engine &engine, const Clock &clock, const QString &startupProblems, QWidget *parent = nullptr);

    UpcomingModel *upcomingModel() const { return m_model; }
    QTreeView *upcomingView() const { return m_view; }
    QLabel *problemBanner() const { return m_banner; }

public slots:
    void refresh();

private:
    Engine &m_engine;
    const Clock &m_clock;
    UpcomingModel *m_model = nullptr;
    QTreeView *m_view = nullptr;
    QLabel *m_banner = nullptr;
    QLabel *m_summary = nullptr;
};

} // namespace deskbell
