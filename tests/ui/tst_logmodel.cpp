// The live log model over a real engine and SQLite file: newest first, older pages on demand
// (keyset paging), new entries prepended as they happen, filters by state and text, and a CSV
// export that writes every matching entry in a form Excel reads right.

#include "LogModel.h"
#include "domain/Phone.h"
#include "storage/Store.h"
#include "support/CalendlyBodies.h"
#include "support/ConsoleFixture.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace deskbell;
using namespace Qt::StringLiterals;
using deskbell::test::atBangkok;

namespace {

constexpr int WAIT_MS = 10000;

auto keyOfEntry(const ConsoleQueries::LogEntry &e)
{
    return std::tuple(e.atUtc.toMSecsSinceEpoch(), int(e.source), e.id);
}

} // namespace

class TestLogModel : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void showsNewestFirstAndPagesOlderEntries();
    void prependsWhatHappensNext();
    void stateFilterShowsOnlyThoseStates_data();
    void stateFilterShowsOnlyThoseStates();
    void liveEntriesFollowTheFilter();
    void searchFindsNameAndDigits();
    void entriesSayWhatHappenedInPlainWords();
    void csvLineQuotesAsRfc4180_data();
    void csvLineQuotesAsRfc4180();
    void exportWritesEveryMatchingEntry();
    void exportMasksPhonesUnlessRevealed();

private:
    void book(const QString &id, const QString &name, int hour);
    std::unique_ptr<LogModel> makeModel(int pageSize = 200);
    // Every log entry, newest first, straight from the reader.
    QList<ConsoleQueries::LogEntry> everything(const QStringList &states = {});
    // The exported file's bytes (empty on failure).
    QByteArray readExport(LogModel &model, int *rows);

    std::unique_ptr<test::ConsoleFixture> m_fixture;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestLogModel::init()
{
    m_fixture = std::make_unique<test::ConsoleFixture>(); // its clock starts at test::DESK_NOW
    QString error;
    QVERIFY2(m_fixture->start(&error), qPrintable(error));
    // Sending paused: the log only changes when the test says so.
    const auto paused = m_fixture->onEngine<OperatorActions::Result>([](Engine &e) {
        return e.act([](OperatorActions &a) { return a.pauseSending({u"tester"_s, {}}); });
    });
    QVERIFY2(paused.ok, qPrintable(paused.error));
}

void TestLogModel::cleanup()
{
    m_tester.reset();
    m_fixture.reset();
}

void TestLogModel::book(const QString &id, const QString &name, int hour)
{
    m_fixture->clock().advanceSecs(60); // each booking a minute after the last: a clear order
    m_fixture->book(id, name, atBangkok(hour));
}

std::unique_ptr<LogModel> TestLogModel::makeModel(int pageSize)
{
    auto model = std::make_unique<LogModel>(m_fixture->reader(), m_fixture->clock(), m_fixture->deskZone());
    model->setPageSize(pageSize);
    model->setRefreshDelay(20);
    m_tester = std::make_unique<QAbstractItemModelTester>(
        model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    return model;
}

QList<ConsoleQueries::LogEntry> TestLogModel::everything(const QStringList &states)
{
    QList<ConsoleQueries::LogEntry> out;
    bool done = false;
    QObject context;
    m_fixture->reader().read<QList<ConsoleQueries::LogEntry>>(
        &context,
        [states](ConsoleQueries &q) {
            ConsoleQueries::LogFilter filter;
            filter.states = states;
            filter.limit = 100000;
            return q.log(filter);
        },
        [&](QList<ConsoleQueries::LogEntry> entries) {
            out = std::move(entries);
            done = true;
        });
    if (!QTest::qWaitFor([&] { return done; }, WAIT_MS)) {
        qWarning("the reader did not answer");
    }
    return out;
}

QByteArray TestLogModel::readExport(LogModel &model, int *rows)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"export.csv"_s);
    QSignalSpy finished(&model, &LogModel::exportFinished);
    model.exportCsv(path);
    if (!finished.wait(WAIT_MS)) {
        return {};
    }
    *rows = finished.first().at(1).toInt();
    if (!finished.first().at(2).toString().isEmpty()) {
        return {};
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    return file.readAll();
}

void TestLogModel::showsNewestFirstAndPagesOlderEntries()
{
    for (int i = 0; i < 4; ++i) {
        book(u"M%1"_s.arg(i), u"Guest %1"_s.arg(i), 12 + i);
    }
    const auto all = everything();
    QVERIFY(all.size() > 6);
    // Alone, the model reads one page and waits to be asked for the next.
    {
        LogModel alone(m_fixture->reader(), m_fixture->clock(), m_fixture->deskZone());
        alone.setPageSize(3);
        alone.reload();
        QTRY_COMPARE_WITH_TIMEOUT(alone.rowCount(), 3, WAIT_MS);
        QVERIFY(!alone.isLoading());
        QVERIFY(alone.canFetchMore({}));
        alone.fetchMore({});
        QVERIFY(!alone.canFetchMore({})); // one page at a time
        QTRY_COMPARE_WITH_TIMEOUT(alone.rowCount(), 6, WAIT_MS);
    }
    // Under a view (the model tester fetches whenever it can) page after page follows.
    auto model = makeModel(3);
    model->reload();
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() >= 3, WAIT_MS);
    while (model->canFetchMore({}) || model->isLoading()) {
        model->fetchMore({});
        QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading(), WAIT_MS);
    }
    QCOMPARE(model->rowCount(), all.size());
    for (int row = 0; row < model->rowCount(); ++row) {
        QCOMPARE(model->entry(row)->id, all.at(row).id);
        QCOMPARE(int(model->entry(row)->source), int(all.at(row).source));
        if (row > 0) {
            QVERIFY(keyOfEntry(*model->entry(row - 1)) > keyOfEntry(*model->entry(row)));
        }
    }
    QCOMPARE(model->index(0, LogModel::Who).data().toString(), u"Guest 3"_s);
}

void TestLogModel::prependsWhatHappensNext()
{
    book(u"A"_s, u"Anna"_s, 14);
    auto model = makeModel();
    model->reload();
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > 0 && !model->isLoading(), WAIT_MS);
    const int before = model->rowCount();
    const QPersistentModelIndex oldTop = model->index(0, 0);
    QSignalSpy resets(model.get(), &QAbstractItemModel::modelReset);
    QSignalSpy inserted(model.get(), &QAbstractItemModel::rowsInserted);

    connect(m_fixture->host().engine(), &Engine::bookingProcessed, model.get(), &LogModel::scheduleRefresh);
    book(u"B"_s, u"Ben"_s, 15);
    const int added = int(everything().size()) - before;
    QVERIFY(added > 0);
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), before + added, WAIT_MS);
    QCOMPARE(resets.size(), 0);
    QCOMPARE(inserted.first().at(1).toInt(), 0); // on top
    QCOMPARE(oldTop.row(), added);
    QCOMPARE(model->index(0, LogModel::Who).data().toString(), u"Ben"_s);
    // Nothing new: nothing moves.
    model->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading(), WAIT_MS);
    QCOMPARE(model->rowCount(), before + added);
}

void TestLogModel::stateFilterShowsOnlyThoseStates_data()
{
    QTest::addColumn<LogModel::Preset>("preset");
    QTest::addColumn<QStringList>("states");
    QTest::newRow("problems: failed, maybe sent, rejected")
        << LogModel::Preset::Problems << QStringList{u"unknown"_s, u"rejected"_s};
    QTest::newRow("waiting") << LogModel::Preset::Waiting << QStringList{u"queued"_s};
    QTest::newRow("operator actions") << LogModel::Preset::OperatorActions << QStringList{u"operator"_s};
}

void TestLogModel::stateFilterShowsOnlyThoseStates()
{
    QFETCH(LogModel::Preset, preset);
    QFETCH(QStringList, states);
    book(u"A"_s, u"Anna"_s, 18);
    QCOMPARE(m_fixture->ingest("{\"event\": \"invitee.created\"}").outcome, u"rejected"_s);
    // A reminder whose send broke off: "maybe sent".
    Store &store = m_fixture->store();
    qint64 reminder = 0;
    for (const auto &m : store.messagesForInvitee(test::inviteeUri(u"A"_s))) {
        if (m.kind == MessageKind::Reminder && m.state == MessageState::Queued) {
            reminder = m.id;
        }
    }
    QVERIFY(reminder > 0);
    QVERIFY(store.markSending(reminder));
    Store::SendOutcome outcome;
    outcome.state = MessageState::Unknown;
    outcome.reason = u"connection lost"_s;
    store.finishSending(reminder, outcome);

    auto model = makeModel();
    model->setPreset(preset);
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > 0 && !model->isLoading(), WAIT_MS);
    QCOMPARE(model->rowCount(), everything(LogModel::statesFor(preset)).size());
    QSet<QString> seen;
    for (int row = 0; row < model->rowCount(); ++row) {
        const auto *e = model->entry(row);
        const QString state =
            e->source == ConsoleQueries::LogEntry::Source::Operator ? u"operator"_s : e->state;
        QVERIFY2(LogModel::statesFor(preset).contains(state), qPrintable(state));
        seen.insert(state);
    }
    for (const QString &state : states) {
        QVERIFY2(seen.contains(state), qPrintable(state));
    }
    // Back to everything: more than the filter showed.
    const int filtered = model->rowCount();
    model->setPreset(LogModel::Preset::All);
    QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading() && model->rowCount() > filtered, WAIT_MS);
}

void TestLogModel::liveEntriesFollowTheFilter()
{
    book(u"A"_s, u"Anna"_s, 14);
    auto model = makeModel();
    model->setPreset(LogModel::Preset::Problems);
    QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading(), WAIT_MS);
    QCOMPARE(model->rowCount(), 0);
    // A good booking and a broken one arrive: only the broken one is a problem.
    book(u"B"_s, u"Ben"_s, 15);
    m_fixture->clock().advanceSecs(60);
    QCOMPARE(m_fixture->ingest("[]").outcome, u"rejected"_s);
    model->refresh();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, WAIT_MS);
    QCOMPARE(model->entry(0)->state, u"rejected"_s);
    QVERIFY(model->index(0, 0).data(LogModel::ProblemRole).toBool());
}

void TestLogModel::searchFindsNameAndDigits()
{
    book(u"A"_s, u"Anna Wong"_s, 14);
    m_fixture->clock().advanceSecs(60);
    test::BodyOptions priya;
    priya.id = u"P"_s;
    priya.name = u"Priya Sharma"_s;
    priya.phone = u"+91 98765 43210"_s;
    priya.timezone = u"Asia/Kolkata"_s;
    priya.startUtc = atBangkok(16);
    QCOMPARE(m_fixture->ingest(test::body(priya)).outcome, u"applied"_s);

    auto model = makeModel();
    model->setSearch(u"priya"_s);
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > 0 && !model->isLoading(), WAIT_MS);
    for (int row = 0; row < model->rowCount(); ++row) {
        QCOMPARE(model->entry(row)->inviteeName, u"Priya Sharma"_s);
    }
    const int byName = model->rowCount();
    model->setSearch(u"98765 43"_s);
    QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading(), WAIT_MS);
    QCOMPARE(model->rowCount(), byName);
    // Live entries obey the search too.
    book(u"C"_s, u"Chai"_s, 17);
    model->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading(), WAIT_MS);
    QCOMPARE(model->rowCount(), byName);
}

void TestLogModel::entriesSayWhatHappenedInPlainWords()
{
    book(u"A"_s, u"Anna"_s, 14);
    auto model = makeModel();
    model->reload();
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > 0 && !model->isLoading(), WAIT_MS);
    QSet<QString> what;
    QSet<QString> state;
    for (int row = 0; row < model->rowCount(); ++row) {
        what.insert(model->index(row, LogModel::What).data().toString());
        state.insert(model->index(row, LogModel::State).data().toString());
        const QString phone = model->index(row, LogModel::Phone).data().toString();
        QVERIFY2(!phone.contains(u"2345"_s), qPrintable(phone));
    }
    QVERIFY(what.contains(u"Booking received: New booking"_s));
    QVERIFY(what.contains(u"Confirmation"_s));
    QVERIFY2(what.contains(u"%1: Paused all sending"_s.arg(u"tester"_s)),
             qPrintable(QStringList(what.values()).join(u'|')));
    QVERIFY(state.contains(u"Planned"_s));
    QVERIFY(state.contains(u"Waiting"_s));
    QVERIFY(state.contains(u"Operator action"_s));
    // Times are the desk's, today without a date.
    QVERIFY(model->index(0, LogModel::Time).data().toString().startsWith(u"09:0"_s));
}

void TestLogModel::csvLineQuotesAsRfc4180_data()
{
    QTest::addColumn<QStringList>("cells");
    QTest::addColumn<QByteArray>("line");
    QTest::newRow("plain") << QStringList{u"a"_s, u"b"_s} << QByteArray("a,b\r\n");
    QTest::newRow("comma") << QStringList{u"Wong, Anna"_s} << QByteArray("\"Wong, Anna\"\r\n");
    QTest::newRow("quote doubled") << QStringList{u"say \"hi\""_s} << QByteArray("\"say \"\"hi\"\"\"\r\n");
    QTest::newRow("line break") << QStringList{u"one\ntwo"_s, u"x"_s} << QByteArray("\"one\ntwo\",x\r\n");
    QTest::newRow("empty cells") << QStringList{QString(), QString()} << QByteArray(",\r\n");
    QTest::newRow("formula stays text") << QStringList{u"=1+2"_s} << QByteArray("'=1+2\r\n");
    QTest::newRow("masked phone stays text")
        << QStringList{u"+66 8•• ••• 678"_s} << QString(u"'+66 8•• ••• 678\r\n"_s).toUtf8();
    QTest::newRow("unicode") << QStringList{u"สมชาย"_s} << QString(u"สมชาย\r\n"_s).toUtf8();
}

void TestLogModel::csvLineQuotesAsRfc4180()
{
    QFETCH(QStringList, cells);
    QFETCH(QByteArray, line);
    QCOMPARE(LogModel::csvLine(cells), line);
}

void TestLogModel::exportWritesEveryMatchingEntry()
{
    for (int i = 0; i < 5; ++i) {
        book(u"M%1"_s.arg(i), i == 2 ? u"Wong, \"Annie\""_s : u"Guest %1"_s.arg(i), 12 + i);
    }
    auto model = makeModel(2);
    model->reload();
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() >= 2, WAIT_MS);
    const auto all = everything();
    QVERIFY(all.size() > 6); // more than the pages loaded so far

    int rows = 0;
    const QByteArray bytes = readExport(*model, &rows);
    QVERIFY(!bytes.isEmpty());
    QCOMPARE(rows, all.size());
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF")); // the byte order mark Excel looks for
    const QString text = QString::fromUtf8(bytes.mid(3));
    const QStringList lines = text.split(u"\r\n"_s, Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), rows + 1);
    QCOMPARE(lines.first(), u"Time (Asia/Bangkok),What happened,Who,Phone,State,Details"_s);
    QVERIFY(lines.at(1).startsWith(
        all.first().atUtc.toTimeZone(m_fixture->deskZone()).toString(u"yyyy-MM-dd HH:mm:ss"_s)));
    QVERIFY(text.contains(u",\"Wong, \"\"Annie\"\"\","_s));

    // Filtered: only the matching entries, all of them.
    model->setPreset(LogModel::Preset::Waiting);
    QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading(), WAIT_MS);
    const QString waiting = QString::fromUtf8(readExport(*model, &rows).mid(3));
    QCOMPARE(rows, everything(LogModel::statesFor(LogModel::Preset::Waiting)).size());
    QVERIFY(rows > 2);
    QCOMPARE(waiting.split(u"\r\n"_s, Qt::SkipEmptyParts).size(), rows + 1);
}

void TestLogModel::exportMasksPhonesUnlessRevealed()
{
    book(u"A"_s, u"Anna"_s, 14);
    auto model = makeModel();
    model->reload();
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > 0 && !model->isLoading(), WAIT_MS);
    int rows = 0;
    QString text = QString::fromUtf8(readExport(*model, &rows));
    QVERIFY(rows > 0);
    QVERIFY(text.contains(phone::mask(u"+66812345678"_s)));
    QVERIFY(!text.contains(u"+66812345678"_s));
    model->setPhonesRevealed(true);
    text = QString::fromUtf8(readExport(*model, &rows));
    QVERIFY(text.contains(u"'+66812345678"_s));
}

QTEST_MAIN(TestLogModel)
#include "tst_logmodel.moc"
