#include "UpcomingModel.h"

#include "ConsoleText.h"
#include "domain/Clock.h"
#include "storage/ConsoleReader.h"

#include <QApplication>
#include <QFont>
#include <QLocale>
#include <QPalette>
#include <QSet>

#include <algorithm>

namespace deskbell {

using namespace Qt::StringLiterals;

UpcomingModel::UpcomingModel(ConsoleReader &reader, const Clock &clock, QTimeZone deskZone, QObject *parent)
    : QAbstractItemModel(parent)
    , m_reader(reader)
    , m_clock(clock)
    , m_deskZone(std::move(deskZone))
{
    m_filter.limit = m_pageSize;
    m_debounce.setSingleShot(true);
    connect(&m_debounce, &QTimer::timeout, this, &UpcomingModel::reload);
}

UpcomingModel::~UpcomingModel() = default;

void UpcomingModel::setRange(const QDateTime &fromUtc, const QDateTime &toUtc)
{
    m_filter.fromUtc = fromUtc.toUTC();
    m_filter.toUtc = toUtc.toUTC();
    request(Request::First);
}

void UpcomingModel::setSearch(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_filter.search && m_total >= 0) {
        return;
    }
    m_filter.search = trimmed;
    request(Request::First);
}

void UpcomingModel::setPageSize(int rows)
{
    m_pageSize = qMax(1, rows);
}

void UpcomingModel::reload()
{
    m_debounce.stop();
    if (m_activeRequest != 0) {
        m_reloadWanted = true;
        return;
    }
    request(m_total < 0 ? Request::First : Request::Refresh);
}

void UpcomingModel::scheduleReload()
{
    if (!m_debounce.isActive()) {
        m_debounce.start(qMax(m_reloadDelay, loadedCount() / 5));
    }
}

void UpcomingModel::setPhonesRevealed(bool revealed)
{
    if (revealed == m_phonesRevealed) {
        return;
    }
    m_phonesRevealed = revealed;
    for (const auto &node : m_nodes) {
        emit dataChanged(createIndex(node->row, Phone, nullptr), createIndex(node->row, Phone, nullptr));
        const int children = int(node->item.messages.size());
        if (children > 0) {
            emit dataChanged(createIndex(0, Phone, node.get()), createIndex(children - 1, Phone, node.get()));
        }
    }
}

void UpcomingModel::request(Request kind)
{
    ConsoleQueries::UpcomingFilter filter = m_filter;
    switch (kind) {
    case Request::First:
        filter.offset = 0;
        filter.limit = m_pageSize;
        m_firstPending = true;
        break;
    case Request::More:
        filter.offset = loadedCount();
        filter.limit = m_pageSize;
        break;
    case Request::Refresh:
        filter.offset = 0;
        filter.limit = qMax(loadedCount(), m_pageSize);
        break;
    }
    const quint64 id = ++m_requestSeq;
    m_activeRequest = id;
    m_activeKind = kind;
    m_reader.read<Page>(
        this,
        [filter](ConsoleQueries &q) {
            Page page;
            page.items = q.upcoming(filter);
            ConsoleQueries::UpcomingFilter all = filter;
            all.offset = 0;
            page.total = q.upcomingCount(all);
            return page;
        },
        [this, id, kind](Page page) { onPage(id, kind, std::move(page)); },
        [this, id](const QString &message) {
            if (id != m_activeRequest) {
                return;
            }
            m_activeRequest = 0;
            m_firstPending = false;
            emit loadFailed(message);
        });
}

void UpcomingModel::onPage(quint64 requestId, Request kind, Page page)
{
    if (requestId != m_activeRequest) {
        return; // superseded by a newer filter
    }
    m_activeRequest = 0;
    const int oldTotal = m_total;
    m_applying = true;
    switch (kind) {
    case Request::First:
        m_firstPending = false;
        applyFirst(std::move(page));
        break;
    case Request::More:
        applyMore(std::move(page));
        break;
    case Request::Refresh:
        applyRefresh(std::move(page));
        break;
    }
    m_applying = false;
    if (m_total != oldTotal) {
        emit totalCountChanged(m_total);
    }
    emit loaded();
    if (m_activeRequest != 0) {
        return; // a slot of `loaded` already asked for something
    }
    if (m_reloadWanted) {
        m_reloadWanted = false;
        request(Request::Refresh);
    } else if (m_moreWanted) {
        m_moreWanted = false;
        fetchMore({});
    }
}

void UpcomingModel::applyFirst(Page page)
{
    beginResetModel();
    m_nodes.clear();
    QSet<QString> seen;
    for (auto &item : page.items) {
        if (seen.contains(item.appointment.inviteeUri)) {
            continue;
        }
        seen.insert(item.appointment.inviteeUri);
        auto node = std::make_unique<Node>();
        node->item = std::move(item);
        m_nodes.push_back(std::move(node));
    }
    renumber();
    m_total = page.total;
    endResetModel();
}

void UpcomingModel::applyMore(Page page)
{
    m_total = page.total;
    QSet<QString> have;
    for (const auto &node : m_nodes) {
        have.insert(node->item.appointment.inviteeUri);
    }
    std::vector<std::unique_ptr<Node>> added;
    for (auto &item : page.items) {
        if (have.contains(item.appointment.inviteeUri)) {
            continue; // a reload moved it into the loaded rows meanwhile
        }
        have.insert(item.appointment.inviteeUri);
        auto node = std::make_unique<Node>();
        node->item = std::move(item);
        added.push_back(std::move(node));
    }
    if (page.items.isEmpty()) {
        // The total was stale (meetings went away meanwhile): never promise rows a fetch cannot bring.
        m_total = qMin(m_total, loadedCount());
        return;
    }
    if (added.empty()) {
        return;
    }
    const int first = loadedCount();
    beginInsertRows({}, first, first + int(added.size()) - 1);
    for (auto &node : added) {
        m_nodes.push_back(std::move(node));
    }
    renumber(first);
    endInsertRows();
}

void UpcomingModel::applyRefresh(Page page)
{
    m_total = page.total;
    // Drop repeats defensively: keys must be unique for the merge below.
    QList<ConsoleQueries::UpcomingItem> next;
    QSet<QString> nextKeys;
    for (auto &item : page.items) {
        if (!nextKeys.contains(item.appointment.inviteeUri)) {
            nextKeys.insert(item.appointment.inviteeUri);
            next.append(std::move(item));
        }
    }
    // 1. Meetings no longer in the loaded window leave, in contiguous blocks from the end.
    for (int i = loadedCount() - 1; i >= 0; --i) {
        if (nextKeys.contains(m_nodes[size_t(i)]->item.appointment.inviteeUri)) {
            continue;
        }
        int first = i;
        while (first > 0 && !nextKeys.contains(m_nodes[size_t(first - 1)]->item.appointment.inviteeUri)) {
            --first;
        }
        beginRemoveRows({}, first, i);
        m_nodes.erase(m_nodes.begin() + first, m_nodes.begin() + i + 1);
        renumber(first);
        endRemoveRows();
        i = first;
    }
    // 2. Walk the new order: keep, move up, or insert; then bring each kept meeting up to date.
    for (int i = 0; i < next.size(); ++i) {
        const QString &key = next.at(i).appointment.inviteeUri;
        if (i < loadedCount() && m_nodes[size_t(i)]->item.appointment.inviteeUri == key) {
            // same place
        } else {
            int from = -1;
            for (int j = i + 1; j < loadedCount(); ++j) {
                if (m_nodes[size_t(j)]->item.appointment.inviteeUri == key) {
                    from = j;
                    break;
                }
            }
            if (from >= 0) {
                beginMoveRows({}, from, from, {}, i);
                auto node = std::move(m_nodes[size_t(from)]);
                m_nodes.erase(m_nodes.begin() + from);
                m_nodes.insert(m_nodes.begin() + i, std::move(node));
                renumber(i);
                endMoveRows();
            } else {
                beginInsertRows({}, i, i);
                auto node = std::make_unique<Node>();
                node->item = next.at(i);
                m_nodes.insert(m_nodes.begin() + i, std::move(node));
                renumber(i);
                endInsertRows();
                continue;
            }
        }
        syncMessages(i, next.at(i).messages);
        m_nodes[size_t(i)]->item.appointment = next.at(i).appointment;
        emit dataChanged(index(i, 0), index(i, ColumnCount - 1));
    }
}

// The same merge for one meeting's messages, keyed by message id.
void UpcomingModel::syncMessages(int row, const QList<OutboxMessage> &next)
{
    Node *node = m_nodes[size_t(row)].get();
    QList<OutboxMessage> &current = node->item.messages;
    const QModelIndex parentIndex = createIndex(row, 0, nullptr);
    QSet<qint64> nextIds;
    for (const auto &m : next) {
        nextIds.insert(m.id);
    }
    for (int i = int(current.size()) - 1; i >= 0; --i) {
        if (nextIds.contains(current.at(i).id)) {
            continue;
        }
        int first = i;
        while (first > 0 && !nextIds.contains(current.at(first - 1).id)) {
            --first;
        }
        beginRemoveRows(parentIndex, first, i);
        current.remove(first, i - first + 1);
        endRemoveRows();
        i = first;
    }
    for (int i = 0; i < next.size(); ++i) {
        const qint64 id = next.at(i).id;
        if (i < current.size() && current.at(i).id == id) {
            current[i] = next.at(i);
            emit dataChanged(createIndex(i, 0, node), createIndex(i, ColumnCount - 1, node));
            continue;
        }
        int from = -1;
        for (int j = i + 1; j < current.size(); ++j) {
            if (current.at(j).id == id) {
                from = j;
                break;
            }
        }
        if (from >= 0) {
            beginMoveRows(parentIndex, from, from, parentIndex, i);
            current.move(from, i);
            endMoveRows();
            current[i] = next.at(i);
            emit dataChanged(createIndex(i, 0, node), createIndex(i, ColumnCount - 1, node));
        } else {
            beginInsertRows(parentIndex, i, i);
            current.insert(i, next.at(i));
            endInsertRows();
        }
    }
}

void UpcomingModel::renumber(int from)
{
    for (size_t i = size_t(qMax(0, from)); i < m_nodes.size(); ++i) {
        m_nodes[i]->row = int(i);
    }
}

const ConsoleQueries::UpcomingItem *UpcomingModel::item(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this) {
        return nullptr;
    }
    if (const auto *node = static_cast<const Node *>(index.internalPointer())) {
        return &node->item;
    }
    return index.row() < loadedCount() ? &m_nodes[size_t(index.row())]->item : nullptr;
}

const OutboxMessage *UpcomingModel::message(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this || !index.internalPointer()) {
        return nullptr;
    }
    const auto *node = static_cast<const Node *>(index.internalPointer());
    return index.row() < node->item.messages.size() ? &node->item.messages.at(index.row()) : nullptr;
}

QModelIndex UpcomingModel::indexOfInvitee(const QString &inviteeUri, int column) const
{
    for (const auto &node : m_nodes) {
        if (node->item.appointment.inviteeUri == inviteeUri) {
            return createIndex(node->row, column, nullptr);
        }
    }
    return {};
}

QModelIndex UpcomingModel::indexOfMessage(qint64 messageId, int column) const
{
    for (const auto &node : m_nodes) {
        const auto &messages = node->item.messages;
        for (int i = 0; i < messages.size(); ++i) {
            if (messages.at(i).id == messageId) {
                return createIndex(i, column, node.get());
            }
        }
    }
    return {};
}

QModelIndex UpcomingModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount) {
        return {};
    }
    if (!parent.isValid()) {
        return row < loadedCount() ? createIndex(row, column, nullptr) : QModelIndex();
    }
    if (parent.internalPointer() || parent.column() != 0 || parent.row() >= loadedCount()) {
        return {};
    }
    Node *node = m_nodes[size_t(parent.row())].get();
    if (row >= node->item.messages.size()) {
        return {};
    }
    return createIndex(row, column, node);
}

QModelIndex UpcomingModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || !child.internalPointer()) {
        return {};
    }
    const auto *node = static_cast<const Node *>(child.internalPointer());
    return createIndex(node->row, 0, nullptr);
}

int UpcomingModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid()) {
        return loadedCount();
    }
    if (parent.internalPointer() || parent.column() != 0 || parent.row() >= loadedCount()) {
        return 0;
    }
    return int(m_nodes[size_t(parent.row())]->item.messages.size());
}

int UpcomingModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

bool UpcomingModel::hasChildren(const QModelIndex &parent) const
{
    return rowCount(parent) > 0;
}

bool UpcomingModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_firstPending && m_activeRequest == 0 && m_total > loadedCount();
}

void UpcomingModel::fetchMore(const QModelIndex &parent)
{
    if (m_applying && !parent.isValid()) {
        m_moreWanted = true;
        return;
    }
    if (canFetchMore(parent)) {
        request(Request::More);
    }
}

QDate UpcomingModel::deskToday() const
{
    return m_clock.nowUtc().toTimeZone(m_deskZone).date();
}

QVariant UpcomingModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return {};
    }
    if (const auto *node = static_cast<const Node *>(index.internalPointer())) {
        return messageData(node->item.messages.at(index.row()), index.column(), role);
    }
    return meetingData(*m_nodes[size_t(index.row())], index.column(), role);
}

QVariant UpcomingModel::meetingData(const Node &node, int column, int role) const
{
    const Appointment &a = node.item.appointment;
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case When:
            return ConsoleText::meetingTime(a, m_deskZone, deskToday());
        case Who:
            return a.inviteeName.isEmpty() ? tr("(no name)") : a.inviteeName;
        case Event:
            return a.eventName;
        case Phone:
            if (a.recipient().isEmpty()) {
                return tr("no number");
            }
            return ConsoleText::phone(a.recipient(), m_phonesRevealed);
        case Status:
            return ConsoleText::appointmentStatus(a.status);
        case Details:
            if (!a.cancelReason.isEmpty()) {
                return a.cancelReason;
            }
            if (!a.phoneRaw.isEmpty() && !a.hasValidPhone()) {
                return tr("The phone number is not valid: no text can go out until it is corrected.");
            }
            if (a.phoneRaw.isEmpty()) {
                return tr("No phone number was given.");
            }
            return {};
        }
        break;
    case Qt::ToolTipRole:
        if (column == Phone && !a.phoneRaw.isEmpty() && !a.hasValidPhone()) {
            return tr("This number is not valid, so no text can be sent to it. Select the meeting and "
                      "choose Correct phone number.");
        }
        if (column == When && a.startUtc.isValid()) {
            return tr("%1 at the desk (%2)")
                .arg(QLocale().toString(a.startUtc.toTimeZone(m_deskZone), ConsoleText::longDateTimeFormat()),
                     QString::fromUtf8(m_deskZone.id()));
        }
        break;
    case Qt::ForegroundRole:
        if (a.status != Appointment::Status::Active && column != Status) {
            return QApplication::palette().brush(QPalette::PlaceholderText);
        }
        break;
    case Qt::DecorationRole:
        if (column == Status) {
            for (const auto &m : node.item.messages) {
                if (ConsoleText::isProblem(m.state)) {
                    return ConsoleText::stateIcon(m.state);
                }
            }
        }
        break;
    case InviteeUriRole:
        return a.inviteeUri;
    case MessageIdRole:
        return qint64(0);
    case ProblemRole:
        return std::any_of(node.item.messages.cbegin(), node.item.messages.cend(),
                           [](const OutboxMessage &m) { return ConsoleText::isProblem(m.state); });
    default:
        break;
    }
    return {};
}

QVariant UpcomingModel::messageData(const OutboxMessage &m, int column, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case When:
            return ConsoleText::deskTime(m.dueUtc, m_deskZone, deskToday());
        case Who:
            return ConsoleText::messageTitle(m);
        case Event:
            return {};
        case Phone:
            return m.recipient.isEmpty() ? QString() : ConsoleText::phone(m.recipient, m_phonesRevealed);
        case Status:
            return ConsoleText::messageState(m, m_deskZone);
        case Details:
            return ConsoleText::messageReason(m);
        }
        break;
    case Qt::ToolTipRole:
        if (column == Status || column == Details) {
            const QString reason = ConsoleText::messageReason(m);
            return reason.isEmpty() ? ConsoleText::messageState(m, m_deskZone)
                                    : tr("%1: %2").arg(ConsoleText::messageState(m, m_deskZone), reason);
        }
        break;
    case Qt::DecorationRole:
        if (column == Status) {
            const QIcon icon = ConsoleText::stateIcon(m.state);
            if (!icon.isNull()) {
                return icon;
            }
        }
        break;
    case Qt::FontRole:
        if (ConsoleText::isProblem(m.state) && column == Status) {
            QFont font = QApplication::font();
            font.setBold(true);
            return font;
        }
        break;
    case Qt::ForegroundRole:
        // The palette's own muted colour: readable in light and dark themes alike.
        if (m.state == MessageState::Skipped || m.state == MessageState::Canceled) {
            return QApplication::palette().brush(QPalette::PlaceholderText);
        }
        break;
    case InviteeUriRole:
        return m.inviteeUri;
    case MessageIdRole:
        return m.id;
    case MessageStateRole:
        return int(m.state);
    case ProblemRole:
        return ConsoleText::isProblem(m.state);
    default:
        break;
    }
    return {};
}

QVariant UpcomingModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case When:
        return tr("When");
    case Who:
        return tr("Who / message");
    case Event:
        return tr("Meeting");
    case Phone:
        return tr("Phone");
    case Status:
        return tr("Status");
    case Details:
        return tr("Details");
    default:
        return {};
    }
}

} // namespace deskbell
