#include "LogModel.h"

#include "ConsoleText.h"
#include "domain/Clock.h"
#include "storage/ConsoleReader.h"

#include <QApplication>
#include <QFont>
#include <QLocale>
#include <QPalette>
#include <QSaveFile>

#include <algorithm>

namespace deskbell {

using namespace Qt::StringLiterals;

namespace {

constexpr int EXPORT_PAGE = 1000;
constexpr int SINCE_LIMIT = 500;

QString digitsOf(const QString &text)
{
    QString digits;
    for (const QChar c : text) {
        if (c.isDigit()) {
            digits.append(c);
        }
    }
    return digits;
}

bool entryIsProblem(const ConsoleQueries::LogEntry &e)
{
    return e.source != ConsoleQueries::LogEntry::Source::Operator &&
           (e.state == u"failed"_s || e.state == u"unknown"_s || e.state == u"rejected"_s ||
            e.state == u"error"_s);
}

} // namespace

LogModel::LogModel(ConsoleReader &reader, const Clock &clock, QTimeZone deskZone, QObject *parent)
    : QAbstractTableModel(parent)
    , m_reader(reader)
    , m_clock(clock)
    , m_deskZone(std::move(deskZone))
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(200);
    connect(&m_debounce, &QTimer::timeout, this, &LogModel::refresh);
}

QStringList LogModel::statesFor(Preset preset)
{
    switch (preset) {
    case Preset::All:
        return {};
    case Preset::Problems:
        return {u"failed"_s, u"unknown"_s, u"rejected"_s, u"error"_s};
    case Preset::Sent:
        return {u"accepted"_s};
    case Preset::Waiting:
        return {u"queued"_s, u"retry_wait"_s, u"sending"_s};
    case Preset::OperatorActions:
        return {u"operator"_s};
    }
    return {};
}

void LogModel::setPreset(Preset preset)
{
    m_preset = preset;
    m_filter.states = statesFor(preset);
    reload();
}

void LogModel::setSearch(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_filter.search) {
        return;
    }
    m_filter.search = trimmed;
    reload();
}

void LogModel::reload()
{
    m_debounce.stop();
    requestFirst();
}

void LogModel::refresh()
{
    m_debounce.stop();
    if (m_activeRequest != 0) {
        m_refreshWanted = true;
        return;
    }
    if (!m_newestSeen) {
        requestFirst();
    } else {
        requestSince();
    }
}

void LogModel::scheduleRefresh()
{
    if (!m_debounce.isActive()) {
        m_debounce.start(); // not restarted: a steady stream of changes still shows up
    }
}

void LogModel::setPhonesRevealed(bool revealed)
{
    if (revealed == m_phonesRevealed) {
        return;
    }
    m_phonesRevealed = revealed;
    if (!m_entries.isEmpty()) {
        emit dataChanged(index(0, Phone), index(rowCount() - 1, Phone));
    }
}

const LogModel::LogEntry *LogModel::entry(int row) const
{
    return row >= 0 && row < m_entries.size() ? &m_entries.at(row) : nullptr;
}

template <typename Result>
void LogModel::request(std::function<Result(ConsoleQueries &)> query, std::function<void(Result)> apply)
{
    const quint64 id = ++m_requestSeq;
    m_activeRequest = id;
    m_reader.read<Result>(
        this, std::move(query),
        [this, id, apply = std::move(apply)](Result result) {
            if (id != m_activeRequest) {
                return; // a newer request replaced this one
            }
            m_activeRequest = 0;
            m_applying = true;
            apply(std::move(result));
            afterApply();
        },
        [this, id](const QString &message) {
            if (id == m_activeRequest) {
                m_activeRequest = 0;
                emit loadFailed(message);
            }
        });
}

void LogModel::requestFirst()
{
    ConsoleQueries::LogFilter filter = m_filter;
    filter.beforeUtc = {};
    filter.beforeId = 0;
    filter.limit = m_pageSize;
    m_refreshWanted = false;
    request<FirstPage>(
        [filter](ConsoleQueries &q) {
            FirstPage page;
            page.entries = q.log(filter);
            // The newest entry of the whole log: live updates continue from there even when the
            // filter hides it.
            ConsoleQueries::LogFilter newest;
            newest.limit = 1;
            const auto top = q.log(newest);
            if (!top.isEmpty()) {
                page.newest = entryKey(top.constFirst());
            }
            return page;
        },
        [this](FirstPage page) {
            beginResetModel();
            m_entries = std::move(page.entries);
            m_have.clear();
            for (const auto &e : std::as_const(m_entries)) {
                m_have.insert({int(e.source), e.id});
            }
            m_atEnd = m_entries.size() < m_pageSize;
            m_newestSeen = page.newest;
            endResetModel();
        });
}

void LogModel::requestOlder()
{
    if (m_entries.isEmpty()) {
        return;
    }
    ConsoleQueries::LogFilter filter = m_filter;
    const LogEntry &last = m_entries.constLast();
    filter.beforeUtc = last.atUtc;
    filter.beforeSource = last.source;
    filter.beforeId = last.id;
    filter.limit = m_pageSize;
    const int pageSize = m_pageSize;
    request<QList<LogEntry>>([filter](ConsoleQueries &q) { return q.log(filter); },
                             [this, pageSize](QList<LogEntry> older) {
                                 m_atEnd = older.size() < pageSize;
                                 QList<LogEntry> added;
                                 for (auto &e : older) {
                                     if (!m_have.contains({int(e.source), e.id})) {
                                         m_have.insert({int(e.source), e.id});
                                         added.append(std::move(e));
                                     }
                                 }
                                 if (!added.isEmpty()) {
                                     const int first = rowCount();
                                     beginInsertRows({}, first, first + int(added.size()) - 1);
                                     m_entries.append(added);
                                     endInsertRows();
                                 }
                             });
}

void LogModel::requestSince()
{
    const Key after = *m_newestSeen;
    request<QList<LogEntry>>(
        [after](ConsoleQueries &q) { return q.logSince(after.atUtc, after.source, after.id, SINCE_LIMIT); },
        [this](QList<LogEntry> since) {
            if (!since.isEmpty()) {
                m_newestSeen = entryKey(since.constLast());
            }
            // Oldest first from the reader; the view shows newest first.
            QList<LogEntry> added;
            for (auto it = since.crbegin(); it != since.crend(); ++it) {
                if (matches(*it) && !m_have.contains({int(it->source), it->id})) {
                    m_have.insert({int(it->source), it->id});
                    added.append(*it);
                }
            }
            if (!added.isEmpty()) {
                beginInsertRows({}, 0, int(added.size()) - 1);
                m_entries = added + m_entries;
                endInsertRows();
            }
            // A full batch: more may be waiting behind it.
            m_refreshWanted = m_refreshWanted || since.size() >= SINCE_LIMIT;
        });
}

void LogModel::afterApply()
{
    m_applying = false;
    emit loaded();
    if (m_activeRequest != 0) {
        return; // a slot of `loaded` already asked for something
    }
    if (m_refreshWanted) {
        m_refreshWanted = false;
        refresh();
    } else if (m_moreWanted) {
        m_moreWanted = false;
        fetchMore({});
    }
}

// The reader's filter, repeated for the entries logSince brings (it has no filter of its own).
bool LogModel::matches(const LogEntry &e) const
{
    const QStringList &states = m_filter.states;
    if (!states.isEmpty()) {
        const bool wanted = e.source == LogEntry::Source::Operator ? states.contains(u"operator"_s)
                                                                   : states.contains(e.state);
        if (!wanted) {
            return false;
        }
    }
    const QString search = m_filter.search;
    if (search.isEmpty()) {
        return true;
    }
    for (const QString &text : {e.inviteeName, e.what, e.detail, e.actor, e.phoneE164}) {
        if (text.contains(search, Qt::CaseInsensitive)) {
            return true;
        }
    }
    const QString digits = digitsOf(search);
    const bool looksLikeNumber =
        std::none_of(search.cbegin(), search.cend(), [](QChar c) { return c.isLetter(); });
    return looksLikeNumber && !digits.isEmpty() && digitsOf(e.phoneE164).contains(digits);
}

int LogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int LogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool LogModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_atEnd && m_activeRequest == 0 && !m_entries.isEmpty();
}

void LogModel::fetchMore(const QModelIndex &parent)
{
    if (m_applying && !parent.isValid()) {
        m_moreWanted = true;
        return;
    }
    if (canFetchMore(parent)) {
        requestOlder();
    }
}

QVariant LogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const LogEntry &e = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Time:
            return ConsoleText::deskTime(e.atUtc, m_deskZone, m_clock.nowUtc().toTimeZone(m_deskZone).date(),
                                         true);
        case What:
            return ConsoleText::logWhat(e);
        case Who:
            return e.inviteeName;
        case Phone:
            return e.phoneE164.isEmpty() ? QString() : ConsoleText::phone(e.phoneE164, m_phonesRevealed);
        case State:
            return ConsoleText::logState(e);
        case Detail:
            return ConsoleText::reasonWords(e.detail);
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == Detail || index.column() == What) {
            return e.detail.isEmpty()
                       ? ConsoleText::logWhat(e)
                       : tr("%1\n%2").arg(ConsoleText::logWhat(e), ConsoleText::reasonWords(e.detail));
        }
        if (index.column() == Time && e.atUtc.isValid()) {
            return QLocale().toString(
                e.atUtc.toTimeZone(m_deskZone),
                tr("dddd d MMMM yyyy, HH:mm:ss", "date format: Thursday 5 November 2026, 14:00:05"));
        }
        break;
    case Qt::DecorationRole:
        if (index.column() == State && entryIsProblem(e)) {
            return ConsoleText::stateIcon(e.state == u"unknown"_s ? MessageState::Unknown
                                                                  : MessageState::Failed);
        }
        break;
    case Qt::FontRole:
        if (index.column() == State && entryIsProblem(e)) {
            QFont font = QApplication::font();
            font.setBold(true);
            return font;
        }
        break;
    case InviteeUriRole:
        return e.inviteeUri;
    case MessageIdRole:
        return e.messageId;
    case ProblemRole:
        return entryIsProblem(e);
    case SourceRole:
        return int(e.source);
    default:
        break;
    }
    return {};
}

QVariant LogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case Time:
        return tr("Time");
    case What:
        return tr("What happened");
    case Who:
        return tr("Who");
    case Phone:
        return tr("Phone");
    case State:
        return tr("State");
    case Detail:
        return tr("Details");
    default:
        return {};
    }
}

QByteArray LogModel::csvLine(const QStringList &cells)
{
    QStringList quoted;
    quoted.reserve(cells.size());
    for (QString cell : cells) {
        if (!cell.isEmpty() &&
            (cell.front() == u'=' || cell.front() == u'+' || cell.front() == u'-' || cell.front() == u'@')) {
            cell.prepend(u'\'');
        }
        if (cell.contains(u'"') || cell.contains(u',') || cell.contains(u'\n') || cell.contains(u'\r') ||
            cell.contains(u';') || cell.startsWith(u' ') || cell.endsWith(u' ')) {
            cell.replace(u"\""_s, u"\"\""_s);
            cell = u'"' + cell + u'"';
        }
        quoted.append(cell);
    }
    return quoted.join(u',').toUtf8() + "\r\n";
}

QStringList LogModel::csvCells(const LogEntry &e, const QTimeZone &zone, bool revealPhones)
{
    return {
        e.atUtc.isValid() ? e.atUtc.toTimeZone(zone).toString(u"yyyy-MM-dd HH:mm:ss"_s) : QString(),
        ConsoleText::logWhat(e),
        e.inviteeName,
        e.phoneE164.isEmpty() ? QString() : ConsoleText::phone(e.phoneE164, revealPhones),
        ConsoleText::logState(e),
        ConsoleText::reasonWords(e.detail),
    };
}

void LogModel::exportCsv(const QString &path)
{
    struct Outcome
    {
        int rows = 0;
        QString error;
    };
    const ConsoleQueries::LogFilter filter = m_filter;
    const QTimeZone zone = m_deskZone;
    const bool reveal = m_phonesRevealed;
    QStringList header{tr("Time (%1)").arg(QString::fromUtf8(zone.id())),
                       tr("What happened"),
                       tr("Who"),
                       tr("Phone"),
                       tr("State"),
                       tr("Details")};
    // The whole export runs on the reader's thread (paging and writing), so a long log never
    // freezes the window; the views' own reads wait behind it.
    m_reader.read<Outcome>(
        this,
        [filter, zone, reveal, path, header](ConsoleQueries &q) {
            Outcome out;
            QSaveFile file(path);
            if (!file.open(QIODevice::WriteOnly)) {
                out.error = file.errorString();
                return out;
            }
            file.write("\xEF\xBB\xBF"); // UTF-8 byte order mark: Excel otherwise guesses a code page
            file.write(csvLine(header));
            ConsoleQueries::LogFilter page = filter;
            page.beforeUtc = {};
            page.beforeId = 0;
            page.limit = EXPORT_PAGE;
            for (;;) {
                const QList<LogEntry> entries = q.log(page);
                for (const auto &e : entries) {
                    file.write(csvLine(csvCells(e, zone, reveal)));
                }
                out.rows += int(entries.size());
                if (entries.size() < EXPORT_PAGE) {
                    break;
                }
                page.beforeUtc = entries.constLast().atUtc;
                page.beforeSource = entries.constLast().source;
                page.beforeId = entries.constLast().id;
            }
            if (!file.commit()) {
                out.error = file.errorString();
                out.rows = 0;
            }
            return out;
        },
        [this, path](Outcome out) { emit exportFinished(path, out.rows, out.error); },
        [this, path](const QString &message) { emit exportFinished(path, 0, message); });
}

} // namespace deskbell
