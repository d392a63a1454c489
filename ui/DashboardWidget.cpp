#include "DashboardWidget.h"

#include "ConsoleText.h"
#include "DailyChart.h"
#include "Engine.h"
#include "ThemeColors.h"
#include "domain/Clock.h"
#include "domain/Rules.h"
#include "storage/ConsoleReader.h"

#include <QEvent>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <cmath>

namespace deskbell {

using namespace Qt::StringLiterals;

DashboardWidget::DashboardWidget(ConsoleReader &reader, const Clock &clock, QTimeZone deskZone,
                                 QWidget *parent)
    : QWidget(parent)
    , m_reader(reader)
    , m_clock(clock)
    , m_deskZone(std::move(deskZone))
{
    auto *layout = new QVBoxLayout(this);

    m_delivery = new QLabel(this);
    m_delivery->setObjectName(u"deliveryRate"_s);
    QFont big = m_delivery->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    m_delivery->setFont(big);
    m_delivery->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    layout->addWidget(m_delivery);

    m_deliveryNote = new QLabel(this);
    m_deliveryNote->setWordWrap(true);
    layout->addWidget(m_deliveryNote);

    m_counts = new QLabel(this);
    m_counts->setObjectName(u"counts"_s);
    m_counts->setWordWrap(true);
    m_counts->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    layout->addWidget(m_counts);

    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->hide();
    ThemeColors::applyTone(m_error, ThemeColors::Tone::Warning);
    layout->addWidget(m_error);

    auto *chartBox = new QGroupBox(tr("Messages per day, last %1 days").arg(DAYS), this);
    auto *chartLayout = new QVBoxLayout(chartBox);
    m_chart = new DailyChart(chartBox);
    m_chart->setObjectName(u"dailyChart"_s);
    chartLayout->addWidget(m_chart);
    layout->addWidget(chartBox, 3);

    auto *nextBox = new QGroupBox(tr("Sending in the next hour"), this);
    auto *nextLayout = new QVBoxLayout(nextBox);
    m_next = new QTreeWidget(nextBox);
    m_next->setObjectName(u"nextSends"_s);
    m_next->setRootIsDecorated(false);
    m_next->setUniformRowHeights(true);
    m_next->setHeaderLabels({tr("Time"), tr("Who"), tr("Message"), tr("Meeting")});
    m_next->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_next->header()->setStretchLastSection(true);
    m_next->setAccessibleName(tr("Messages sending in the next hour"));
    nextLayout->addWidget(m_next);
    m_nextEmpty = new QLabel(tr("Nothing is due in the next hour."), nextBox);
    m_nextEmpty->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    nextLayout->addWidget(m_nextEmpty);
    m_next->hide();
    layout->addWidget(nextBox, 2);

    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(RELOAD_DELAY_MS);
    connect(m_debounce, &QTimer::timeout, this, &DashboardWidget::reload);

    // "Next hour" and "today" move with the clock even when nothing happens.
    m_minute = new QTimer(this);
    m_minute->setInterval(60 * 1000);
    connect(m_minute, &QTimer::timeout, this, &DashboardWidget::reload);
    m_minute->start();

    reload();
}

void DashboardWidget::followEngine(Engine *engine)
{
    if (!engine) {
        return;
    }
    connect(engine, &Engine::dataChanged, this, &DashboardWidget::scheduleReload);
    connect(engine, &Engine::messageChanged, this, &DashboardWidget::scheduleReload);
    connect(engine, &Engine::bookingProcessed, this, &DashboardWidget::scheduleReload);
}

void DashboardWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange) {
        ThemeColors::reapplyTones(this);
    }
    QWidget::changeEvent(event);
}

void DashboardWidget::scheduleReload()
{
    if (!m_debounce->isActive()) {
        m_debounce->start();
    }
}

QString DashboardWidget::deliveryText(const ConsoleQueries::Delivery &delivery, int days)
{
    const QLocale locale;
    if (delivery.accepted <= 0) {
        return tr("No message was sent in the last %1 days.").arg(days);
    }
    if (delivery.delivered + delivery.failed == 0) {
        // Sandbox, or receipts not set up: a 0% would read as if nothing arrived.
        return tr("%1 accepted in %2 days, no delivery reports yet")
            .arg(locale.toString(delivery.accepted), locale.toString(days));
    }
    // Rounded down: "100%" only when every accepted message was delivered.
    const int percent = int(std::floor(100.0 * delivery.delivered / delivery.accepted));
    return tr("%1% delivered of %2 accepted in %3 days")
        .arg(locale.toString(percent), locale.toString(delivery.accepted), locale.toString(days));
}

void DashboardWidget::reload()
{
    if (!m_reader.isOpen()) {
        return;
    }
    if (m_reading) {
        m_readAgain = true;
        return;
    }
    m_reading = true;
    const QDateTime now = m_clock.nowUtc();
    const QTimeZone zone = m_deskZone;
    m_reader.read<Snapshot>(
        this,
        [now, zone](ConsoleQueries &q) {
            Snapshot s;
            s.days = q.dailyStats(now, zone, DAYS);
            s.delivery = q.delivery(now.addDays(-DAYS), now);
            s.counts = q.counts(now, zone);
            s.next = q.nextSends(now, 3600);
            return s;
        },
        [this](Snapshot snapshot) {
            m_reading = false;
            m_error->hide();
            showSnapshot(snapshot);
            if (m_readAgain) {
                m_readAgain = false;
                reload();
            }
        },
        [this](const QString &message) {
            m_reading = false;
            m_error->setText(tr("The figures could not be read: %1").arg(message));
            m_error->show();
            if (m_readAgain) {
                m_readAgain = false;
                reload();
            }
        });
}

void DashboardWidget::showSnapshot(const Snapshot &s)
{
    const QLocale locale;
    m_chart->setDays(s.days);
    m_delivery->setText(deliveryText(s.delivery, DAYS));
    const int noReport = s.delivery.accepted - s.delivery.delivered - s.delivery.failed;
    QStringList notes;
    if (s.delivery.failed > 0) {
        notes.append(tr("Not delivered or failed: %1.").arg(locale.toString(s.delivery.failed)));
    }
    // When no receipt came at all the headline says so already.
    if (s.delivery.delivered + s.delivery.failed > 0 && noReport > 0) {
        notes.append(tr("No delivery report yet: %1.").arg(locale.toString(noReport)));
    }
    m_deliveryNote->setText(notes.join(u' '));
    m_deliveryNote->setVisible(!notes.isEmpty());

    m_counts->setText(tr("Waiting to send: %1 · Failed (last 7 days): %2 · Maybe sent: %3 · Sent today: %4 · "
                         "Meetings today: %5")
                          .arg(locale.toString(s.counts.queued), locale.toString(s.counts.failed),
                               locale.toString(s.counts.unknown), locale.toString(s.counts.acceptedToday),
                               locale.toString(s.counts.appointmentsToday)));
    ThemeColors::applyTone(m_counts, s.counts.failed + s.counts.unknown > 0 ? ThemeColors::Tone::Attention
                                                                            : ThemeColors::Tone::Normal);

    m_next->clear();
    for (const auto &n : s.next) {
        // A message waiting to retry goes at its next attempt, not at its original time.
        const QDateTime at = n.message.state == MessageState::RetryWait && n.message.nextAttemptUtc.isValid()
                                 ? n.message.nextAttemptUtc
                                 : n.message.dueUtc;
        const QDateTime local = at.toTimeZone(m_deskZone);
        QString what = ConsoleText::kindName(n.message.kind);
        if (n.message.kind == MessageKind::Reminder && n.message.offsetMin > 0) {
            what = tr("%1, %2 before").arg(what, ConsoleText::duration(n.message.offsetMin));
        }
        const QString who = n.message.kind == MessageKind::HostNotify
                                ? tr("Host (about %1)").arg(n.inviteeName)
                                : n.inviteeName;
        auto *item =
            new QTreeWidgetItem(m_next, {locale.toString(local.time(), u"HH:mm"_s), who, what, n.eventName});
        item->setData(0, Qt::UserRole, n.message.id);
    }
    m_next->setVisible(!s.next.isEmpty());
    m_nextEmpty->setVisible(s.next.isEmpty());
    emit reloaded();
}

} // namespace deskbell
