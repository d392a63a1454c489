#include "UpcomingModel.h"

#include "domain/Phone.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

namespace deskbell {

using namespace Qt::StringLiterals;

namespace {

// Top-level rows carry internalId 0; a message row carries its appointment's row + 1.
constexpr quintptr TOP = 0;

QString stateWords(MessageState state)
{
    switch (state) {
    case MessageState::Queued:
        return u"Waiting"_s;
    case MessageState::Sending:
        return u"Sending"_s;
    case MessageState::Accepted:
        return u"Sent"_s;
    case MessageState::RetryWait:
        return u"Will retry"_s;
    case MessageState::Failed:
        return u"Failed"_s;
    case MessageState::Canceled:
        return u"Canceled"_s;
    case MessageState::Skipped:
        return u"Not sent"_s;
    case MessageState::Unknown:
        return u"Maybe sent"_s;
    }
    return {};
}

QString statusWords(Appointment::Status status)
{
    switch (status) {
    case Appointment::Status::Active:
        return u"Booked"_s;
    case Appointment::Status::Canceled:
        return u"Canceled"_s;
    case Appointment::Status::Rescheduled:
        return u"Moved"_s;
    case Appointment::Status::NoShow:
        return u"No-show"_s;
    }
    return {};
}

} // namespace

UpcomingModel::UpcomingModel(QTimeZone deskZone, QObject *parent)
    : QAbstractItemModel(parent)
    , m_deskZone(std::move(deskZone))
{}

void UpcomingModel::setItems(QList<Engine::UpcomingItem> items)
{
    beginResetModel();
    m_items = std::move(items);
    endResetModel();
}

QModelIndex UpcomingModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount) {
        return {};
    }
    if (!parent.isValid()) {
        return row < m_items.size() ? createIndex(row, column, TOP) : QModelIndex();
    }
    if (parent.internalId() != TOP || parent.row() >= m_items.size() ||
        row >= m_items.at(parent.row()).messages.size()) {
        return {};
    }
    return createIndex(row, column, quintptr(parent.row()) + 1);
}

QModelIndex UpcomingModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == TOP) {
        return {};
    }
    return createIndex(int(child.internalId() - 1), 0, TOP);
}

int UpcomingModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid()) {
        return int(m_items.size());
    }
    if (parent.internalId() == TOP && parent.column() == 0 && parent.row() < m_items.size()) {
        return int(m_items.at(parent.row()).messages.size());
    }
    return 0;
}

int UpcomingModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant UpcomingModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return {};
    }
    if (index.internalId() == TOP) {
        return appointmentData(m_items.at(index.row()), index.column(), role);
    }
    const auto &item = m_items.at(int(index.internalId() - 1));
    return messageData(item.messages.at(index.row()), index.column(), role);
}

QVariant UpcomingModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case When:
        return u"When"_s;
    case Who:
        return u"Who / message"_s;
    case What:
        return u"Meeting / due"_s;
    case Phone:
        return u"Phone"_s;
    case Status:
        return u"Status"_s;
    default:
        return {};
    }
}

QString UpcomingModel::deskTime(const QDateTime &utc) const
{
    if (!utc.isValid()) {
        return u"time unknown"_s;
    }
    return QLocale().toString(utc.toTimeZone(m_deskZone), u"ddd d MMM, HH:mm"_s);
}

QVariant UpcomingModel::appointmentData(const Engine::UpcomingItem &item, int column, int role) const
{
    const Appointment &a = item.appointment;
    if (role == Qt::DisplayRole) {
        switch (column) {
        case When: {
            QString text = deskTime(a.startUtc);
            const QTimeZone theirs(a.timezone.toUtf8());
            if (theirs.isValid() && a.startUtc.isValid() &&
                theirs.offsetFromUtc(a.startUtc) != m_deskZone.offsetFromUtc(a.startUtc)) {
                text += u"  (%1 for them)"_s.arg(a.startUtc.toTimeZone(theirs).toString(u"HH:mm"_s));
            }
            return text;
        }
        case Who:
            return a.inviteeName;
        case What:
            return a.eventName;
        case Phone:
            return a.phoneRaw.isEmpty() ? u"none"_s : phone::mask(a.recipient());
        case Status:
            return statusWords(a.status);
        }
    }
    if (role == Qt::ToolTipRole && column == Phone && !a.phoneRaw.isEmpty() && !a.hasValidPhone()) {
        return u"This number is not valid, so no text can be sent to it."_s;
    }
    return {};
}

QVariant UpcomingModel::messageData(const OutboxMessage &m, int column, int role) const
{
    if (role == Qt::DisplayRole) {
        switch (column) {
        case Who: {
            QString text = displayName(m.kind);
            if (m.kind == MessageKind::Reminder) {
                text += u" (%1 before)"_s.arg(formatAdvance(m.offsetMin));
            }
            return text;
        }
        case What:
            return deskTime(m.dueUtc);
        case Phone:
            return m.recipient.isEmpty() ? QString() : phone::mask(m.recipient);
        case Status: {
            if (m.state == MessageState::Accepted) {
                if (m.providerPlanId == u"sandbox"_s) {
                    return u"Sandbox: not really sent"_s; // never let a demo pass for a real text
                }
                if (!m.deliveryStatus.isEmpty()) {
                    return u"Sent, %1"_s.arg(
                        m.deliveryStatus == u"delivered"_s
                            ? u"delivered"_s
                            : u"not delivered (%1%2)"_s.arg(m.deliveryStatus, m.deliveryCode.isEmpty()
                                                                                  ? QString()
                                                                                  : u" "_s + m.deliveryCode));
                }
            }
            const QString reason = !m.skipReason.isEmpty() ? m.skipReason : m.lastError;
            return reason.isEmpty() ? stateWords(m.state) : u"%1: %2"_s.arg(stateWords(m.state), reason);
        }
        default:
            return {};
        }
    }
    if (role == Qt::ForegroundRole && column == Status) {
        if (m.state == MessageState::Failed || m.state == MessageState::Unknown) {
            return QBrush(QColor(0xB0, 0x1E, 0x1E));
        }
        if (m.state == MessageState::Skipped || m.state == MessageState::Canceled) {
            return QBrush(QColor(0x6B, 0x6B, 0x6B));
        }
    }
    return {};
}

} // namespace deskbell
