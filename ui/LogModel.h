#pragma once

#include "storage/ConsoleQueries.h"

#include <QAbstractTableModel>
#include <QSet>
#include <QTimeZone>
#include <QTimer>

#include <functional>

namespace deskbell {

class Clock;
class ConsoleReader;

// The live log: booking events, message state changes and operator actions, newest first, flat.
// Older entries come a page at a time (keyset paging through ConsoleQueries::log, canFetchMore);
// new ones are prepended as they happen (logSince after an engine signal).
class LogModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        Time,
        What,
        Who,
        Phone,
        State,
        Detail,
        ColumnCount,
    };
    enum Role
    {
        InviteeUriRole = Qt::UserRole + 1,
        MessageIdRole,
        ProblemRole,
        SourceRole, // int(LogEntry::Source)
    };
    // What the filter box offers.
    enum class Preset
    {
        All,
        Problems, // failed, maybe sent, rejected and broken bookings
        Sent,
        Waiting,
        OperatorActions,
    };
    Q_ENUM(Preset)
    using LogEntry = ConsoleQueries::LogEntry;

    LogModel(ConsoleReader &reader, const Clock &clock, QTimeZone deskZone, QObject *parent = nullptr);

    static QStringList statesFor(Preset preset);
    void setPreset(Preset preset);
    Preset preset() const { return m_preset; }
    void setSearch(const QString &text);
    QString search() const { return m_filter.search; }
    void setPageSize(int rows) { m_pageSize = qMax(1, rows); }
    void setRefreshDelay(int ms) { m_debounce.setInterval(ms); }

    // From the newest entry again (a new filter does this itself).
    void reload();
    // Prepends what happened since the newest entry seen.
    void refresh();
    // refresh() after a short quiet time.
    void scheduleRefresh();

    void setPhonesRevealed(bool revealed);
    bool phonesRevealed() const { return m_phonesRevealed; }

    bool isLoading() const { return m_activeRequest != 0; }
    const LogEntry *entry(int row) const;

    // Writes every entry matching the current filter (not only the loaded ones) to a CSV file, on
    // the reader's thread: UTF-8 with a byte order mark (so Excel reads the names right), fields
    // quoted as RFC 4180 says, phone numbers masked unless revealed. exportFinished follows.
    void exportCsv(const QString &path);
    // One CSV line (with CRLF). Cells that a spreadsheet would run as a formula (=, +, -, @ first)
    // get a leading apostrophe, so a booking named "=HYPERLINK(...)" stays text.
    static QByteArray csvLine(const QStringList &cells);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

signals:
    void loaded();
    void loadFailed(const QString &message);
    void exportFinished(const QString &path, int rows, const QString &error);

private:
    struct Key
    {
        QDateTime atUtc;
        LogEntry::Source source = LogEntry::Source::Message;
        qint64 id = 0;
    };
    struct FirstPage
    {
        QList<LogEntry> entries;
        std::optional<Key> newest; // of the whole log, whatever the filter
    };

    // Runs query on the reader's thread; apply(result) follows on this one (inside m_applying, then
    // afterApply()) unless a newer request replaced it meanwhile. A failure goes to loadFailed.
    template <typename Result>
    void request(std::function<Result(ConsoleQueries &)> query, std::function<void(Result)> apply);
    void requestFirst();
    void requestOlder();
    void requestSince();
    // After a read was applied: runs what was asked for meanwhile (a refresh, the next page).
    void afterApply();
    bool matches(const LogEntry &entry) const;
    static Key entryKey(const LogEntry &entry) { return {entry.atUtc, entry.source, entry.id}; }
    static QStringList csvCells(const LogEntry &entry, const QTimeZone &zone, bool revealPhones);

    ConsoleReader &m_reader;
    const Clock &m_clock;
    QTimeZone m_deskZone;
    Preset m_preset = Preset::All;
    ConsoleQueries::LogFilter m_filter;
    int m_pageSize = 200;
    QList<LogEntry> m_entries;       // newest first
    QSet<QPair<int, qint64>> m_have; // (source, id) of the loaded entries
    std::optional<Key> m_newestSeen; // what logSince continues from
    bool m_atEnd = false;            // no older entries left
    bool m_phonesRevealed = false;
    quint64 m_requestSeq = 0;
    quint64 m_activeRequest = 0;
    bool m_refreshWanted = false;
    // A view's fetchMore from inside our own insert signals waits until the entries are in.
    bool m_applying = false;
    bool m_moreWanted = false;
    QTimer m_debounce;
};

} // namespace deskbell
