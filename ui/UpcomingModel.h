#pragma once

#include "storage/ConsoleQueries.h"

#include <QAbstractItemModel>
#include <QDateTime>
#include <QTimeZone>
#include <QTimer>

#include <memory>
#include <vector>

namespace deskbell {

class Clock;
class ConsoleReader;

// Upcoming meetings (top level) with their messages (children), read lazily through the
// ConsoleReader: one page at a time (canFetchMore/fetchMore), the total from upcomingCount. A
// reload re-reads the loaded rows and applies the difference row by row (insert, remove, move,
// change), so the view keeps its selection and expanded meetings while the engine works.
class UpcomingModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column
    {
        When,
        Who, // the invitee; for a message: what it is
        Status,
        Phone,
        Event,
        Details, // cancel reason; for a message: why it was skipped, failed or may have been sent
        ColumnCount,
    };
    enum Role
    {
        InviteeUriRole = Qt::UserRole + 1,
        MessageIdRole,    // 0 on a meeting row
        MessageStateRole, // int(MessageState); invalid on a meeting row
        ProblemRole,      // bool: failed or maybe sent (on a meeting: one of its messages is)
    };

    UpcomingModel(ConsoleReader &reader, const Clock &clock, QTimeZone deskZone, QObject *parent = nullptr);
    ~UpcomingModel() override;

    // A new range or search starts from the first page (the old rows stay until it arrives).
    void setRange(const QDateTime &fromUtc, const QDateTime &toUtc);
    void setSearch(const QString &text);
    QDateTime fromUtc() const { return m_filter.fromUtc; }
    QDateTime toUtc() const { return m_filter.toUtc; }
    QString search() const { return m_filter.search; }
    void setPageSize(int rows);
    // Milliseconds scheduleReload() waits for more changes before reading (longer with many rows
    // loaded: each reload reads them all again).
    void setReloadDelay(int ms) { m_reloadDelay = ms; }

    // Re-reads the loaded rows now, keeping what did not change.
    void reload();
    // reload() a little later: a burst of engine signals costs one read, and a steady stream of
    // them one read per delay (the wait is not restarted, so it never starves).
    void scheduleReload();

    void setPhonesRevealed(bool revealed);
    bool phonesRevealed() const { return m_phonesRevealed; }

    // -1 until the first answer.
    int totalCount() const { return m_total; }
    int loadedCount() const { return int(m_nodes.size()); }
    // True while a read is on its way.
    bool isLoading() const { return m_activeRequest != 0; }

    // The meeting of a row (its own row, or its message's parent); null when invalid.
    const ConsoleQueries::UpcomingItem *item(const QModelIndex &index) const;
    // The message of a child row; null on a meeting row.
    const OutboxMessage *message(const QModelIndex &index) const;
    QModelIndex indexOfInvitee(const QString &inviteeUri, int column = 0) const;
    QModelIndex indexOfMessage(qint64 messageId, int column = 0) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

signals:
    // A page, a reload or a new filter's first page was applied.
    void loaded();
    void totalCountChanged(int total);
    void loadFailed(const QString &message);

private:
    struct Node
    {
        ConsoleQueries::UpcomingItem item;
        int row = 0;
    };
    struct Page
    {
        QList<ConsoleQueries::UpcomingItem> items;
        int total = 0;
    };
    enum class Request
    {
        First,   // a new filter: replaces everything
        More,    // the next page: appended
        Refresh, // the loaded rows again: merged
    };

    void request(Request kind);
    void onPage(quint64 requestId, Request kind, Page page);
    void applyFirst(Page page);
    void applyMore(Page page);
    void applyRefresh(Page page);
    void syncMessages(int row, const QList<OutboxMessage> &next);
    void renumber(int from = 0);
    QVariant meetingData(const Node &node, int column, int role) const;
    QVariant messageData(const OutboxMessage &message, int column, int role) const;
    QDate deskToday() const;

    ConsoleReader &m_reader;
    const Clock &m_clock;
    QTimeZone m_deskZone;
    ConsoleQueries::UpcomingFilter m_filter;
    int m_pageSize = 100;
    std::vector<std::unique_ptr<Node>> m_nodes;
    int m_total = -1;
    bool m_phonesRevealed = false;
    quint64 m_requestSeq = 0;
    quint64 m_activeRequest = 0; // 0: nothing on its way
    Request m_activeKind = Request::First;
    bool m_firstPending = false; // a new filter's first page is on its way: no fetchMore meanwhile
    bool m_reloadWanted = false; // a reload was asked for while another read was on its way
    // While a page is being applied, a view's fetchMore (called from inside our own insert signals)
    // would read from an offset that is about to change: it waits until the page is in.
    bool m_applying = false;
    bool m_moreWanted = false;
    QTimer m_debounce;
    int m_reloadDelay = 200;
};

} // namespace deskbell
