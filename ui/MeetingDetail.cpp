#include "MeetingDetail.h"

#include "ConsoleText.h"
#include "domain/Clock.h"

#include <QAction>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QScrollArea>
#include <QStackedWidget>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace deskbell {

using namespace Qt::StringLiterals;

namespace {

QLabel *valueLabel(QWidget *parent, const QString &name)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return label;
}

// Up to two buttons side by side, the rest under "More": the detail stays narrow enough to sit
// beside the list at any font size.
QWidget *buttonRow(QWidget *parent, const QList<QAction *> &actions)
{
    constexpr int SHOWN = 3;
    auto *row = new QWidget(parent);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    const int shown = actions.size() > SHOWN ? SHOWN - 1 : int(actions.size());
    for (int i = 0; i < shown; ++i) {
        auto *button = new QToolButton(row);
        button->setDefaultAction(actions.at(i));
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        layout->addWidget(button);
    }
    if (shown < actions.size()) {
        auto *more = new QToolButton(row);
        more->setObjectName(u"moreActions"_s);
        more->setText(MeetingDetail::tr("More"));
        more->setPopupMode(QToolButton::InstantPopup);
        auto *menu = new QMenu(more);
        for (int i = shown; i < actions.size(); ++i) {
            menu->addAction(actions.at(i));
        }
        more->setMenu(menu);
        layout->addWidget(more);
    }
    layout->addStretch(1);
    return row;
}

enum MessageColumn
{
    ColumnWhat,
    ColumnDue,
    ColumnState,
    ColumnCount,
};

} // namespace

MeetingDetail::MeetingDetail(const Clock &clock, QTimeZone deskZone, QWidget *parent)
    : QWidget(parent)
    , m_clock(clock)
    , m_deskZone(std::move(deskZone))
{
    setObjectName(u"meetingDetail"_s);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    m_stack = new QStackedWidget(this);
    outer->addWidget(m_stack);

    auto *empty = new QLabel(tr("Select a meeting to see its details and messages."), m_stack);
    empty->setObjectName(u"emptyDetail"_s);
    empty->setAlignment(Qt::AlignCenter);
    empty->setWordWrap(true);
    m_stack->addWidget(empty);

    auto *scroll = new QScrollArea(m_stack);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *page = new QWidget(scroll);
    auto *layout = new QVBoxLayout(page);

    m_headline = valueLabel(page, u"headline"_s);
    QFont big = m_headline->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_headline->setFont(big);
    layout->addWidget(m_headline);

    auto *form = new QFormLayout;
    m_form = form;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_when = valueLabel(page, u"when"_s);
    form->addRow(tr("When:"), m_when);

    auto *phoneRow = new QWidget(page);
    auto *phoneLayout = new QHBoxLayout(phoneRow);
    phoneLayout->setContentsMargins(0, 0, 0, 0);
    m_phone = valueLabel(phoneRow, u"phone"_s);
    m_reveal = new QToolButton(phoneRow);
    m_reveal->setObjectName(u"revealPhone"_s);
    m_reveal->setCheckable(true);
    m_reveal->setText(tr("Show"));
    m_reveal->setToolTip(tr("Show the whole number for this meeting"));
    connect(m_reveal, &QToolButton::toggled, this, [this](bool on) {
        m_revealedHere = on;
        m_reveal->setText(on ? tr("Hide") : tr("Show"));
        renderPhone();
        renderStory();
    });
    phoneLayout->addWidget(m_phone, 1);
    phoneLayout->addWidget(m_reveal, 0);
    form->addRow(tr("Phone:"), phoneRow);

    m_email = valueLabel(page, u"email"_s);
    form->addRow(tr("Email:"), m_email);
    m_event = valueLabel(page, u"event"_s);
    form->addRow(tr("Meeting:"), m_event);
    m_status = valueLabel(page, u"status"_s);
    form->addRow(tr("Status:"), m_status);
    m_cancelReason = valueLabel(page, u"cancelReason"_s);
    form->addRow(tr("Reason:"), m_cancelReason);
    layout->addLayout(form);

    m_meetingButtons = new QWidget(page);
    layout->addWidget(m_meetingButtons);

    auto *messagesTitle = new QLabel(tr("Messages"), page);
    QFont bold = messagesTitle->font();
    bold.setBold(true);
    messagesTitle->setFont(bold);
    layout->addWidget(messagesTitle);

    m_messages = new QTreeWidget(page);
    m_messages->setObjectName(u"detailMessages"_s);
    m_messages->setRootIsDecorated(false);
    m_messages->setUniformRowHeights(true);
    m_messages->setColumnCount(ColumnCount);
    m_messages->setHeaderLabels({tr("Message"), tr("Due"), tr("State")});
    m_messages->header()->setStretchLastSection(true);
    // Room for a handful of messages; the story of the selected one stays in sight below.
    m_messages->setMinimumHeight(m_messages->fontMetrics().height() * 6);
    m_messages->setMaximumHeight(m_messages->fontMetrics().height() * 11);
    messagesTitle->setBuddy(m_messages);
    connect(m_messages, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *current) {
        m_selected = current ? current->data(0, Qt::UserRole).toLongLong() : 0;
        renderStory();
        emit messageSelected(m_selected);
    });
    layout->addWidget(m_messages);

    m_story = valueLabel(page, u"messageStory"_s);
    layout->addWidget(m_story);
    m_messageButtons = new QWidget(page);
    layout->addWidget(m_messageButtons);
    layout->addStretch(1);

    scroll->setWidget(page);
    m_stack->addWidget(scroll);
    m_stack->setCurrentIndex(0);
}

void MeetingDetail::setActions(const QList<QAction *> &messageActions, const QList<QAction *> &meetingActions)
{
    auto replace = [this](QWidget *&slot, const QList<QAction *> &actions) {
        QWidget *fresh = buttonRow(slot->parentWidget(), actions);
        auto *layout = slot->parentWidget()->layout();
        layout->replaceWidget(slot, fresh);
        delete slot;
        slot = fresh;
    };
    replace(m_messageButtons, messageActions);
    replace(m_meetingButtons, meetingActions);
}

QDate MeetingDetail::deskToday() const
{
    return m_clock.nowUtc().toTimeZone(m_deskZone).date();
}

void MeetingDetail::setItem(const std::optional<ConsoleQueries::UpcomingItem> &item)
{
    const bool sameMeeting = item && m_item && item->appointment.inviteeUri == m_item->appointment.inviteeUri;
    if (!sameMeeting) {
        // A new meeting starts masked again.
        m_revealedHere = false;
        const QSignalBlocker block(m_reveal);
        m_reveal->setChecked(false);
        m_reveal->setText(tr("Show"));
    }
    m_item = item;
    render();
}

void MeetingDetail::setPhonesRevealed(bool revealed)
{
    m_phonesRevealed = revealed;
    renderPhone();
    renderStory();
}

bool MeetingDetail::isPhoneShown() const
{
    return m_phonesRevealed || m_revealedHere;
}

void MeetingDetail::render()
{
    if (!m_item) {
        m_stack->setCurrentIndex(0);
        m_messages->clear();
        m_selected = 0;
        return;
    }
    m_stack->setCurrentIndex(1);
    const Appointment &a = m_item->appointment;
    m_headline->setText(a.inviteeName.isEmpty() ? tr("(no name)") : a.inviteeName);

    QString when = ConsoleText::meetingTime(a, m_deskZone, QDate());
    if (a.startUtc.isValid()) {
        const QDateTime start = a.startUtc.toTimeZone(m_deskZone);
        when = tr("%1, %2–%3 at the desk (%4)")
                   .arg(QLocale().toString(start.date(), ConsoleText::longDateFormat()),
                        start.toString(u"HH:mm"_s),
                        a.endUtc.isValid() ? a.endUtc.toTimeZone(m_deskZone).toString(u"HH:mm"_s) : u"?"_s,
                        QString::fromUtf8(m_deskZone.id()));
        const QTimeZone theirs(a.timezone.toUtf8());
        if (theirs.isValid() && theirs.offsetFromUtc(a.startUtc) != m_deskZone.offsetFromUtc(a.startUtc)) {
            const QDateTime there = a.startUtc.toTimeZone(theirs);
            when += u'\n' + tr("%1, %2 for them (%3)")
                                .arg(QLocale().toString(
                                         there.date(), tr("dddd d MMMM", "date format: Thursday 5 November")),
                                     there.toString(u"HH:mm"_s), a.timezone);
        }
    }
    m_when->setText(when);
    m_email->setText(a.email.isEmpty() ? tr("none given") : a.email);
    QString event = a.eventName;
    if (!a.hostName.isEmpty()) {
        event = tr("%1 with %2").arg(event, a.hostName);
    }
    if (!a.location.isEmpty()) {
        event += u'\n' + a.location;
    }
    m_event->setText(event);
    m_status->setText(ConsoleText::appointmentStatus(a.status));
    m_cancelReason->setText(a.cancelReason);
    m_form->setRowVisible(m_cancelReason, !a.cancelReason.isEmpty());
    renderPhone();

    const qint64 keep = m_selected;
    {
        const QSignalBlocker block(m_messages);
        m_messages->clear();
        const QDate today = deskToday();
        QTreeWidgetItem *current = nullptr;
        for (const auto &m : m_item->messages) {
            auto *row = new QTreeWidgetItem(m_messages);
            row->setData(0, Qt::UserRole, m.id);
            row->setText(ColumnWhat, ConsoleText::messageTitle(m));
            row->setText(ColumnDue, ConsoleText::deskTime(m.dueUtc, m_deskZone, today));
            row->setText(ColumnState, ConsoleText::messageState(m, m_deskZone));
            row->setIcon(ColumnState, ConsoleText::stateIcon(m.state));
            const QString reason = ConsoleText::messageReason(m);
            row->setToolTip(ColumnState, reason.isEmpty() ? row->text(ColumnState) : reason);
            if (m.id == keep) {
                current = row;
            }
        }
        if (current) {
            m_messages->setCurrentItem(current);
        } else {
            m_selected = 0;
        }
        for (int c = 0; c < ColumnCount - 1; ++c) {
            m_messages->resizeColumnToContents(c);
        }
    }
    renderStory();
    if (m_selected != keep) {
        emit messageSelected(m_selected);
    }
}

void MeetingDetail::renderPhone()
{
    if (!m_item) {
        return;
    }
    const Appointment &a = m_item->appointment;
    if (a.phoneRaw.isEmpty() && a.phoneE164.isEmpty()) {
        m_phone->setText(tr("No phone number was given, so no text can be sent."));
        m_reveal->setVisible(false);
        return;
    }
    m_reveal->setVisible(!m_phonesRevealed);
    QString text = ConsoleText::phone(a.recipient(), isPhoneShown());
    if (!a.hasValidPhone()) {
        text = tr("%1 — not a valid number: no text can be sent until it is corrected").arg(text);
    } else if (a.phoneSource == u"operator"_s) {
        text = tr("%1 (corrected at the desk)").arg(text);
    }
    m_phone->setText(text);
}

void MeetingDetail::selectMessage(qint64 messageId)
{
    for (int i = 0; i < m_messages->topLevelItemCount(); ++i) {
        auto *row = m_messages->topLevelItem(i);
        if (row->data(0, Qt::UserRole).toLongLong() == messageId) {
            m_messages->setCurrentItem(row);
            return;
        }
    }
}

qint64 MeetingDetail::selectedMessageId() const
{
    return m_item ? m_selected : 0;
}

const OutboxMessage *MeetingDetail::selectedMessage() const
{
    if (!m_item || m_selected == 0) {
        return nullptr;
    }
    for (const auto &m : m_item->messages) {
        if (m.id == m_selected) {
            return &m;
        }
    }
    return nullptr;
}

void MeetingDetail::renderStory()
{
    const OutboxMessage *m = selectedMessage();
    if (!m) {
        m_story->setText(m_item && !m_item->messages.isEmpty()
                             ? tr("Select a message to see what happened to it.")
                             : tr("No messages are planned for this meeting."));
        return;
    }
    QStringList lines;
    lines << tr("%1: %2").arg(ConsoleText::messageTitle(*m), ConsoleText::messageState(*m, m_deskZone));
    const QString reason = ConsoleText::messageReason(*m);
    if (!reason.isEmpty()) {
        lines << tr("Why: %1").arg(reason);
    }
    if (m->state == MessageState::Unknown) {
        lines << tr("Deskbell lost contact while sending this one: it may have arrived. Check with the "
                    "person before sending it again.");
    }
    const QDate today = deskToday();
    lines << tr("Due: %1").arg(ConsoleText::deskTime(m->dueUtc, m_deskZone, today));
    lines << tr("To: %1").arg(ConsoleText::phone(m->recipient, isPhoneShown()));
    lines << tr("Attempts: %1").arg(m->attempts);
    if (m->state == MessageState::RetryWait && m->nextAttemptUtc.isValid()) {
        lines << tr("Next try: %1").arg(ConsoleText::deskTime(m->nextAttemptUtc, m_deskZone, today));
    }
    if (!m->lastError.isEmpty() && !reason.contains(ConsoleText::reasonWords(m->lastError))) {
        lines << tr("Last error: %1").arg(ConsoleText::reasonWords(m->lastError));
    }
    if (m->acceptedUtc.isValid()) {
        lines
            << tr("Handed to the provider: %1").arg(ConsoleText::deskTime(m->acceptedUtc, m_deskZone, today));
    }
    if (!m->providerMessageId.isEmpty()) {
        lines << tr("Provider message id: %1").arg(m->providerMessageId);
    }
    if (!m->deliveryStatus.isEmpty()) {
        lines << tr("Delivery: %1%2 (%3)")
                     .arg(m->deliveryStatus == u"delivered"_s ? tr("delivered") : m->deliveryStatus,
                          m->deliveryCode.isEmpty() ? QString() : tr(", code %1").arg(m->deliveryCode),
                          ConsoleText::deskTime(m->deliveryUtc, m_deskZone, today));
    }
    if (!m->templateId.isEmpty()) {
        lines << tr("Template: %1").arg(m->templateId);
    }
    m_story->setText(lines.join(u'\n'));
}

QString MeetingDetail::headline() const
{
    return m_item ? m_headline->text() : QString();
}

QString MeetingDetail::phoneText() const
{
    return m_item ? m_phone->text() : QString();
}

QString MeetingDetail::messageStory() const
{
    return m_story->text();
}

} // namespace deskbell
