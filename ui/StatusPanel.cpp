#include "StatusPanel.h"

#include "ConsoleText.h"
#include "domain/Clock.h"

#include <QApplication>
#include <QClipboard>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

#include <tuple>

namespace deskbell {

using namespace Qt::StringLiterals;

namespace {

QLabel *bodyLabel(QWidget *parent, const QString &name)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    return label;
}

QToolButton *makeCountButton(QWidget *parent, const QString &name, const QString &tip)
{
    auto *button = new QToolButton(parent);
    button->setObjectName(name);
    button->setAutoRaise(true);
    button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    button->setCursor(Qt::PointingHandCursor);
    button->setToolTip(tip);
    return button;
}

} // namespace

StatusPanel::StatusPanel(const Clock &clock, QTimeZone deskZone, QWidget *parent)
    : QFrame(parent)
    , m_clock(clock)
    , m_deskZone(std::move(deskZone))
{
    setObjectName(u"statusPanel"_s);
    setFrameShape(QFrame::NoFrame);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);

    auto *cards = new QHBoxLayout;
    m_calendly = nullptr;
    cards->addWidget(card(tr("Calendly"), m_calendly), 1);

    auto *listenerButtons = new QWidget(this);
    auto *listenerLayout = new QHBoxLayout(listenerButtons);
    listenerLayout->setContentsMargins(0, 0, 0, 0);
    m_copyListener = new QToolButton(listenerButtons);
    m_copyListener->setObjectName(u"copyListenerUrl"_s);
    m_copyListener->setText(tr("Copy address"));
    m_copyListener->setToolTip(tr("Copy the address Deskbell listens on"));
    connect(m_copyListener, &QToolButton::clicked, this,
            [this] { QApplication::clipboard()->setText(m_status.listenerUrl.toString()); });
    m_copyPublic = new QToolButton(listenerButtons);
    m_copyPublic->setObjectName(u"copyPublicUrl"_s);
    m_copyPublic->setText(tr("Copy public address"));
    m_copyPublic->setToolTip(tr("Copy the address Calendly sends bookings to"));
    connect(m_copyPublic, &QToolButton::clicked, this,
            [this] { QApplication::clipboard()->setText(m_status.publicUrl.toString()); });
    listenerLayout->addWidget(m_copyListener);
    listenerLayout->addWidget(m_copyPublic);
    listenerLayout->addStretch(1);
    cards->addWidget(card(tr("Receiving bookings"), m_listener, listenerButtons), 1);

    cards->addWidget(card(tr("Sending texts"), m_sending), 1);

    auto *countsBox = new QWidget(this);
    auto *countsLayout = new QVBoxLayout(countsBox);
    countsLayout->setContentsMargins(0, 0, 0, 0);
    countsLayout->setSpacing(0);
    m_waiting =
        makeCountButton(countsBox, u"countWaiting"_s, tr("Show the waiting messages in the live log"));
    m_failed = makeCountButton(countsBox, u"countFailed"_s, tr("Show the failed messages in the live log"));
    m_maybeSent = makeCountButton(countsBox, u"countMaybeSent"_s,
                                  tr("Show the messages that may have been sent in the live log"));
    for (auto *button : {m_waiting, m_failed, m_maybeSent}) {
        countsLayout->addWidget(button, 0, Qt::AlignLeft);
    }
    connect(m_waiting, &QToolButton::clicked, this, [this] { emit countClicked(Count::Waiting); });
    connect(m_failed, &QToolButton::clicked, this, [this] { emit countClicked(Count::Failed); });
    connect(m_maybeSent, &QToolButton::clicked, this, [this] { emit countClicked(Count::MaybeSent); });
    QLabel *todayBody = nullptr;
    cards->addWidget(card(tr("Messages"), todayBody, countsBox), 1);
    m_today = todayBody;
    m_today->setObjectName(u"countsToday"_s);
    // Until the first count arrives, nothing pretends to be zero.
    m_today->setText(tr("Counting…"));
    for (auto *button : {m_waiting, m_failed, m_maybeSent}) {
        button->setVisible(false);
    }
    outer->addLayout(cards);

    m_alertsBox = new QFrame(this);
    m_alertsBox->setObjectName(u"alerts"_s);
    static_cast<QFrame *>(m_alertsBox)->setFrameShape(QFrame::StyledPanel);
    auto *alertsOuter = new QHBoxLayout(m_alertsBox);
    m_alerts = new QVBoxLayout;
    alertsOuter->addLayout(m_alerts, 1);
    m_connect = new QPushButton(tr("Connect accounts…"), m_alertsBox);
    m_connect->setObjectName(u"alertConnect"_s);
    connect(m_connect, &QPushButton::clicked, this, &StatusPanel::connectRequested);
    alertsOuter->addWidget(m_connect, 0, Qt::AlignTop);
    m_alertsBox->setVisible(false);
    outer->addWidget(m_alertsBox);

    // "Checked Calendly 2 min ago" must keep counting between status updates.
    m_ageTimer.setInterval(30 * 1000);
    connect(&m_ageTimer, &QTimer::timeout, this, &StatusPanel::renderAge);
    m_ageTimer.start();

    render();
}

QWidget *StatusPanel::card(const QString &title, QLabel *&body, QWidget *extra)
{
    auto *frame = new QFrame(this);
    frame->setFrameShape(QFrame::StyledPanel);
    auto *layout = new QVBoxLayout(frame);
    auto *heading = new QLabel(title, frame);
    QFont bold = heading->font();
    bold.setBold(true);
    heading->setFont(bold);
    layout->addWidget(heading);
    body = bodyLabel(frame, {});
    layout->addWidget(body);
    if (extra) {
        extra->setParent(frame);
        layout->addWidget(extra);
    }
    layout->addStretch(1);
    return frame;
}

void StatusPanel::setStatus(const Engine::Status &status)
{
    m_status = status;
    m_hasStatus = true;
    render();
}

void StatusPanel::setCounts(const ConsoleQueries::Counts &counts)
{
    m_counts = counts;
    for (auto *button : {m_waiting, m_failed, m_maybeSent}) {
        button->setVisible(true);
    }
    m_waiting->setText(tr("%n waiting", nullptr, counts.queued));
    m_failed->setText(tr("%n failed", nullptr, counts.failed));
    m_maybeSent->setText(tr("%n maybe sent", nullptr, counts.unknown));
    // Problems stand out by weight and the style's icons, never by a fixed colour.
    for (auto [button, count, icon] :
         {std::tuple{m_failed, counts.failed, QStyle::SP_MessageBoxCritical},
          std::tuple{m_maybeSent, counts.unknown, QStyle::SP_MessageBoxWarning}}) {
        QFont font = button->font();
        font.setBold(count > 0);
        button->setFont(font);
        button->setIcon(count > 0 ? style()->standardIcon(icon) : QIcon());
    }
    m_today->setText(tr("Today: %1, %2")
                         .arg(tr("%n sent", nullptr, counts.acceptedToday),
                              tr("%n meeting(s)", nullptr, counts.appointmentsToday)));
}

void StatusPanel::renderAge()
{
    if (!m_hasStatus) {
        m_calendly->setText(tr("Starting…"));
        return;
    }
    const Engine::Status &s = m_status;
    QStringList lines;
    if (s.calendlyAccount.isEmpty()) {
        lines << tr("Not connected: no bookings arrive. Open Connect accounts.");
    } else {
        lines << tr("Connected as %1").arg(s.calendlyAccount);
    }
    if (s.calendlyMode == u"webhook"_s) {
        lines << (s.webhookSubscribed ? tr("Bookings arrive as they are made.")
                                      : tr("Waiting for the webhook to be set up."));
    } else if (s.calendlyMode == u"poll"_s) {
        lines << tr("Deskbell checks Calendly every few minutes.");
    } else if (s.calendlyMode == u"hybrid"_s) {
        lines << (s.webhookSubscribed ? tr("Bookings arrive as they are made, with regular checks.")
                                      : tr("Deskbell checks Calendly every few minutes."));
    }
    if (s.lastPollUtc.isValid()) {
        lines << tr("Checked Calendly %1").arg(ConsoleText::ago(s.lastPollUtc, m_clock.nowUtc(), m_deskZone));
    } else if (!s.calendlyAccount.isEmpty() && s.calendlyMode != u"webhook"_s) {
        lines << tr("Not checked yet.");
    }
    if (!s.calendlyError.isEmpty()) {
        lines << tr("Problem: %1").arg(s.calendlyError);
    }
    m_calendly->setText(lines.join(u'\n'));
}

void StatusPanel::render()
{
    renderAge();
    const Engine::Status &s = m_status;

    QStringList listener;
    if (!m_hasStatus) {
        listener << tr("Starting…");
    } else if (s.listenerUrl.isValid() && !s.listenerUrl.isEmpty()) {
        listener << tr("Listening at %1").arg(s.listenerUrl.toString());
    } else {
        listener << tr("Not listening for Calendly.");
        if (!s.listenerError.isEmpty()) {
            listener << s.listenerError;
        }
    }
    if (m_hasStatus) {
        listener << (s.publicUrl.isEmpty() ? tr("No public address set: Calendly cannot send here "
                                                "directly.")
                                           : tr("Calendly sends to %1").arg(s.publicUrl.toString()));
    }
    m_listener->setText(listener.join(u'\n'));
    m_copyListener->setVisible(m_hasStatus && !s.listenerUrl.isEmpty());
    m_copyPublic->setVisible(m_hasStatus && !s.publicUrl.isEmpty());

    QStringList sending;
    if (!m_hasStatus) {
        sending << tr("Starting…");
    } else {
        if (s.paused) {
            sending << tr("PAUSED — nothing will be sent.");
            if (!s.pauseReason.isEmpty()) {
                sending << tr("Reason: %1").arg(s.pauseReason);
            }
        }
        if (s.providerName.isEmpty()) {
            sending << tr("Not connected: nothing can be sent. Open Connect accounts.");
        } else if (s.sandbox) {
            sending << tr("Sandbox: messages are not really sent.");
        } else if (s.providerName == u"engagelab"_s) {
            sending << (s.paused ? tr("Through EngageLab, once resumed.") : tr("Sending through EngageLab."));
        } else {
            sending << tr("Sending through %1.").arg(s.providerName);
        }
        if (!s.providerError.isEmpty()) {
            sending << tr("Problem: %1").arg(s.providerError);
        }
    }
    m_sending->setText(sending.join(u'\n'));
    QFont font = m_sending->font();
    font.setBold(s.paused);
    m_sending->setFont(font);

    // Alerts: what the engine raised, plus any problem it reported in a field but not as an alert.
    while (QLayoutItem *item = m_alerts->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    QStringList alerts = s.alerts;
    auto addIfNew = [&alerts](const QString &text) {
        if (text.isEmpty()) {
            return;
        }
        for (const QString &a : std::as_const(alerts)) {
            if (a.contains(text)) {
                return;
            }
        }
        alerts << text;
    };
    if (m_hasStatus) {
        if (!s.storageOpen) {
            addIfNew(tr("The database is not open, so nothing can be shown or sent. %1").arg(s.databaseUrl));
        }
        for (const QString &e : s.settingsErrors) {
            addIfNew(tr("Settings: %1").arg(e));
        }
    }
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize);
    for (const QString &text : std::as_const(alerts)) {
        auto *row = new QWidget(m_alertsBox);
        auto *layout = new QHBoxLayout(row);
        layout->setContentsMargins(0, 0, 0, 0);
        auto *icon = new QLabel(row);
        icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(iconSize, iconSize));
        icon->setAlignment(Qt::AlignTop);
        auto *label = bodyLabel(row, u"alert"_s);
        label->setText(text);
        layout->addWidget(icon, 0);
        layout->addWidget(label, 1);
        m_alerts->addWidget(row);
    }
    m_alertsBox->setVisible(!alerts.isEmpty());
    m_connect->setVisible(!s.providerError.isEmpty() || !s.calendlyError.isEmpty() ||
                          (m_hasStatus && (s.calendlyAccount.isEmpty() || s.providerName.isEmpty())));
}

QString StatusPanel::calendlyText() const
{
    return m_calendly->text();
}

QString StatusPanel::listenerText() const
{
    return m_listener->text();
}

QString StatusPanel::sendingText() const
{
    return m_sending->text();
}

QString StatusPanel::countsText() const
{
    return QStringList{m_waiting->text(), m_failed->text(), m_maybeSent->text(), m_today->text()}.join(u'\n');
}

QStringList StatusPanel::alertTexts() const
{
    QStringList texts;
    for (const auto *label : m_alertsBox->findChildren<QLabel *>(u"alert"_s)) {
        texts << label->text();
    }
    return texts;
}

QToolButton *StatusPanel::countButton(Count count) const
{
    switch (count) {
    case Count::Waiting:
        return m_waiting;
    case Count::Failed:
        return m_failed;
    case Count::MaybeSent:
        return m_maybeSent;
    }
    return nullptr;
}

} // namespace deskbell
