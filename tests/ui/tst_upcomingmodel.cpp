// The upcoming meetings model over a real engine and SQLite file, read through the ConsoleReader:
// pages arrive lazily, reloads merge changes without losing rows, filters start over, and every
// row says in plain words what happens, in the desk's zone, with phones masked.

#include "UpcomingModel.h"
#include "domain/Phone.h"
#include "storage/Store.h"
#include "support/CalendlyBodies.h"
#include "support/ConsoleFixture.h"

#include <QAbstractItemModelTester>
#include <QFont>
#include <QIcon>
#include <QPersistentModelIndex>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace deskbell;
using namespace Qt::StringLiterals;
using deskbell::test::atBangkok;

namespace {

constexpr int WAIT_MS = 10000;
const QDateTime TODAY_START(QDate(2026, 11, 1), QTime(17, 0), QTimeZone::utc()); // 00:00 Bangkok
const QDateTime TODAY_END = TODAY_START.addDays(1);

} // namespace

class TestUpcomingModel : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void loadsPagesLazilyUpToTheTotal();
    void reloadMergesChangesAndKeepsPersistentRows();
    void reloadDropsMeetingsThatLeftAndAddsMessages();
    void newRangeOrSearchStartsOver();
    void timesAreTheDesksWithTheInviteesInBrackets();
    void phonesAreMaskedUntilRevealed();
    void messagesSayWhatHappensInPlainWords();
    void failedAndMaybeSentStandOutWithoutFixedColours();
    void burstOfReloadRequestsReadsOnce();

private:
    // tested: wrapped in a QAbstractItemModelTester (which fetches more whenever it can).
    std::unique_ptr<UpcomingModel> makeModel(int pageSize = 100, bool tested = true);
    void waitLoaded(UpcomingModel &model);
    QString text(UpcomingModel &model, int row, int column, const QModelIndex &parent = {});
    int rowOfMessage(UpcomingModel &model, int meetingRow, MessageKind kind, int offsetMin = -1);

    std::unique_ptr<test::ConsoleFixture> m_fixture;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestUpcomingModel::init()
{
    m_fixture = std::make_unique<test::ConsoleFixture>(); // its clock starts at test::DESK_NOW
    QString error;
    QVERIFY2(m_fixture->start(&error), qPrintable(error));
}

void TestUpcomingModel::cleanup()
{
    m_tester.reset();
    m_fixture.reset();
}

std::unique_ptr<UpcomingModel> TestUpcomingModel::makeModel(int pageSize, bool tested)
{
    auto model =
        std::make_unique<UpcomingModel>(m_fixture->reader(), m_fixture->clock(), m_fixture->deskZone());
    model->setPageSize(pageSize);
    model->setReloadDelay(20);
    if (!tested) {
        return model;
    }
    m_tester = std::make_unique<QAbstractItemModelTester>(
        model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    return model;
}

void TestUpcomingModel::waitLoaded(UpcomingModel &model)
{
    QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), WAIT_MS);
}

QString TestUpcomingModel::text(UpcomingModel &model, int row, int column, const QModelIndex &parent)
{
    return model.index(row, column, parent).data().toString();
}

int TestUpcomingModel::rowOfMessage(UpcomingModel &model, int meetingRow, MessageKind kind, int offsetMin)
{
    const QModelIndex meeting = model.index(meetingRow, 0);
    for (int i = 0; i < model.rowCount(meeting); ++i) {
        const auto *m = model.message(model.index(i, 0, meeting));
        if (m && m->kind == kind && (offsetMin < 0 || m->offsetMin == offsetMin)) {
            return i;
        }
    }
    return -1;
}

void TestUpcomingModel::loadsPagesLazilyUpToTheTotal()
{
    for (int i = 0; i < 7; ++i) {
        m_fixture->book(u"M%1"_s.arg(i), u"Guest %1"_s.arg(i), atBangkok(10 + i));
    }
    m_fixture->book(u"TOMORROW"_s, u"Not today"_s, atBangkok(10, 0, 1));
    auto model = makeModel(3, false);
    QSignalSpy total(model.get(), &UpcomingModel::totalCountChanged);
    model->setRange(TODAY_START, TODAY_END);
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 3, WAIT_MS);
    QCOMPARE(model->totalCount(), 7);
    QCOMPARE(total.size(), 1);
    QVERIFY(model->canFetchMore({}));
    QCOMPARE(text(*model, 0, UpcomingModel::Who), u"Guest 0"_s);

    model->fetchMore({});
    QVERIFY(!model->canFetchMore({})); // one page at a time
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 6, WAIT_MS);
    model->fetchMore({});
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 7, WAIT_MS);
    QVERIFY(!model->canFetchMore({}));
    model->fetchMore({}); // nothing left: no request, no change
    QVERIFY(!model->isLoading());
    for (int i = 0; i < 7; ++i) {
        QCOMPARE(text(*model, i, UpcomingModel::Who), u"Guest %1"_s.arg(i)); // by start time
        QVERIFY(model->rowCount(model->index(i, 0)) > 0);                    // messages came with it
    }

    // A view (here the model tester) asks for more as long as there is more: every page arrives.
    auto viewed = makeModel(2);
    viewed->setRange(TODAY_START, TODAY_END);
    QTRY_COMPARE_WITH_TIMEOUT(viewed->rowCount(), 7, WAIT_MS);
    QVERIFY(!viewed->canFetchMore({}));
}

void TestUpcomingModel::reloadMergesChangesAndKeepsPersistentRows()
{
    m_fixture->book(u"A"_s, u"Anna"_s, atBangkok(14));
    m_fixture->book(u"B"_s, u"Ben"_s, atBangkok(16));
    auto model = makeModel();
    model->setRange(TODAY_START, TODAY_END);
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 2, WAIT_MS);
    waitLoaded(*model);
    const QPersistentModelIndex ben = model->index(1, UpcomingModel::Who);
    const QPersistentModelIndex benMessage = model->index(0, 0, model->index(1, 0));
    const qint64 benMessageId = benMessage.data(UpcomingModel::MessageIdRole).toLongLong();
    QVERIFY(benMessageId > 0);
    QSignalSpy resets(model.get(), &QAbstractItemModel::modelReset);
    QSignalSpy inserted(model.get(), &QAbstractItemModel::rowsInserted);

    // An earlier meeting arrives: it is inserted above, and Ben's rows follow him.
    m_fixture->book(u"C"_s, u"Chai"_s, atBangkok(11));
    model->reload();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 3, WAIT_MS);
    QCOMPARE(resets.size(), 0);
    QVERIFY(!inserted.isEmpty());
    QCOMPARE(text(*model, 0, UpcomingModel::Who), u"Chai"_s);
    QVERIFY(ben.isValid());
    QCOMPARE(ben.row(), 2);
    QCOMPARE(ben.data().toString(), u"Ben"_s);
    QVERIFY(benMessage.isValid());
    QCOMPARE(benMessage.parent().row(), 2);
    QCOMPARE(benMessage.data(UpcomingModel::MessageIdRole).toLongLong(), benMessageId);

    // Anna cancels: her row changes in place, her waiting reminder is withdrawn.
    test::BodyOptions cancel;
    cancel.event = u"invitee.canceled"_s;
    cancel.id = u"A"_s;
    cancel.name = u"Anna"_s;
    cancel.startUtc = atBangkok(14);
    QCOMPARE(m_fixture->ingest(test::body(cancel)).outcome, u"applied"_s);
    model->reload();
    QTRY_COMPARE_WITH_TIMEOUT(text(*model, 1, UpcomingModel::Status), u"Canceled"_s, WAIT_MS);
    QCOMPARE(text(*model, 1, UpcomingModel::Details), u"Meeting Conflict"_s);
    const int reminder = rowOfMessage(*model, 1, MessageKind::Reminder, 120);
    QVERIFY(reminder >= 0);
    QTRY_COMPARE_WITH_TIMEOUT(text(*model, reminder, UpcomingModel::Status, model->index(1, 0)),
                              u"Canceled"_s, WAIT_MS);
    QCOMPARE(resets.size(), 0);
    QCOMPARE(ben.row(), 2);
}

void TestUpcomingModel::reloadDropsMeetingsThatLeftAndAddsMessages()
{
    m_fixture->book(u"A"_s, u"Anna"_s, atBangkok(14));
    m_fixture->book(u"B"_s, u"Ben"_s, atBangkok(16));
    auto model = makeModel();
    model->setRange(TODAY_START, TODAY_END);
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 2, WAIT_MS);
    waitLoaded(*model);
    const int before = model->rowCount(model->index(0, 0));

    // Anna's meeting is narrowed out by a search that reloads in place: the model starts over.
    model->setSearch(u"Ben"_s);
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, WAIT_MS);
    model->setSearch({});
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 2, WAIT_MS);
    waitLoaded(*model);

    // A resend adds a child row under Anna without touching Ben.
    const QPersistentModelIndex ben = model->index(1, 0);
    const qint64 confirm = model->index(rowOfMessage(*model, 0, MessageKind::Confirm), 0, model->index(0, 0))
                               .data(UpcomingModel::MessageIdRole)
                               .toLongLong();
    const auto result = m_fixture->onEngine<OperatorActions::Result>([confirm](Engine &e) {
        return e.act([&](OperatorActions &a) { return a.resend(confirm, {u"tester"_s, {}}); });
    });
    QVERIFY2(result.ok, qPrintable(result.error));
    model->reload();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(model->index(0, 0)), before + 1, WAIT_MS);
    QCOMPARE(ben.row(), 1);
}

void TestUpcomingModel::newRangeOrSearchStartsOver()
{
    m_fixture->book(u"A"_s, u"Anna Wong"_s, atBangkok(14));
    m_fixture->book(u"P"_s, u"Priya Sharma"_s, atBangkok(15), u"Asia/Kolkata"_s, u"+91 98765 43210"_s);
    m_fixture->book(u"T"_s, u"Tom Tomorrow"_s, atBangkok(9, 30, 1));
    auto model = makeModel();
    model->setRange(TODAY_START, TODAY_END);
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 2, WAIT_MS);

    model->setSearch(u"priya"_s);
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, WAIT_MS);
    QCOMPARE(text(*model, 0, UpcomingModel::Who), u"Priya Sharma"_s);
    QCOMPARE(model->totalCount(), 1);

    // Digits find the number whatever the spacing.
    model->setSearch(u"98765 432"_s);
    QTRY_COMPARE_WITH_TIMEOUT(text(*model, 0, UpcomingModel::Who), u"Priya Sharma"_s, WAIT_MS);
    waitLoaded(*model);
    QCOMPARE(model->rowCount(), 1);

    model->setSearch({});
    model->setRange(TODAY_END, TODAY_END.addDays(1));
    QTRY_COMPARE_WITH_TIMEOUT(text(*model, 0, UpcomingModel::Who), u"Tom Tomorrow"_s, WAIT_MS);
    waitLoaded(*model);
    QCOMPARE(model->rowCount(), 1);

    model->setRange(TODAY_START.addDays(5), TODAY_START.addDays(6));
    QTRY_COMPARE_WITH_TIMEOUT(model->totalCount(), 0, WAIT_MS);
    QCOMPARE(model->rowCount(), 0);
}

void TestUpcomingModel::timesAreTheDesksWithTheInviteesInBrackets()
{
    m_fixture->book(u"B"_s, u"Bangkok"_s, atBangkok(14));
    m_fixture->book(u"D"_s, u"Dubai"_s, atBangkok(15, 30), u"Asia/Dubai"_s);
    m_fixture->book(u"N"_s, u"Next day"_s, atBangkok(10, 0, 3));
    auto model = makeModel();
    model->setRange(TODAY_START, TODAY_START.addDays(7));
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 3, WAIT_MS);
    QCOMPARE(text(*model, 0, UpcomingModel::When), u"14:00"_s);
    QCOMPARE(text(*model, 1, UpcomingModel::When), u"15:30 (Mon 12:30 in Asia/Dubai)"_s);
    QCOMPARE(text(*model, 2, UpcomingModel::When), u"Thu 5 Nov, 10:00"_s);
    // Messages too: the 2-hour reminder of the 14:00 meeting is due at 12:00 desk time.
    const int reminder = rowOfMessage(*model, 0, MessageKind::Reminder);
    QVERIFY(reminder >= 0);
    const QModelIndex meeting = model->index(0, 0);
    bool found = false;
    for (int i = 0; i < model->rowCount(meeting); ++i) {
        const auto *m = model->message(model->index(i, 0, meeting));
        if (m->kind == MessageKind::Reminder && m->offsetMin == 120) {
            QCOMPARE(text(*model, i, UpcomingModel::When, meeting), u"12:00"_s);
            QCOMPARE(text(*model, i, UpcomingModel::Who, meeting), u"Reminder (2 hours before)"_s);
            found = true;
        }
    }
    QVERIFY(found);
}

void TestUpcomingModel::phonesAreMaskedUntilRevealed()
{
    m_fixture->book(u"A"_s, u"Anna"_s, atBangkok(14));
    m_fixture->book(u"X"_s, u"No phone"_s, atBangkok(15), u"Asia/Bangkok"_s, QString());
    auto model = makeModel();
    model->setRange(TODAY_START, TODAY_END);
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 2, WAIT_MS);
    const QString masked = text(*model, 0, UpcomingModel::Phone);
    QCOMPARE(masked, phone::mask(u"+66812345678"_s));
    QVERIFY2(!masked.contains(u"1234"_s), qPrintable(masked));
    const QString child = text(*model, 0, UpcomingModel::Phone, model->index(0, 0));
    QVERIFY2(!child.contains(u"1234"_s), qPrintable(child));
    QCOMPARE(text(*model, 1, UpcomingModel::Phone), u"no number"_s);

    QSignalSpy changed(model.get(), &QAbstractItemModel::dataChanged);
    model->setPhonesRevealed(true);
    QVERIFY(!changed.isEmpty());
    QCOMPARE(text(*model, 0, UpcomingModel::Phone), u"+66812345678"_s);
    model->setPhonesRevealed(false);
    QCOMPARE(text(*model, 0, UpcomingModel::Phone), masked);
}

void TestUpcomingModel::messagesSayWhatHappensInPlainWords()
{
    // 09:30 today: the 24-hour reminder is already past, the confirmation goes now (Sandbox).
    m_fixture->book(u"A"_s, u"Anna"_s, atBangkok(9, 30));
    m_fixture->book(u"I"_s, u"Invalid"_s, atBangkok(16), u"Asia/Bangkok"_s, u"12"_s);
    auto model = makeModel();
    // As the window does: the engine's word that a message changed brings a reload.
    connect(m_fixture->host().engine(), &Engine::messageChanged, model.get(), &UpcomingModel::scheduleReload);
    model->setRange(TODAY_START, TODAY_END);
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 2, WAIT_MS);
    const QModelIndex anna = model->index(0, 0);
    const int confirm = rowOfMessage(*model, 0, MessageKind::Confirm);
    QVERIFY(confirm >= 0);
    // Never "Sent" for a demo: the sandbox did not text anybody.
    model->reload();
    QTRY_COMPARE_WITH_TIMEOUT(text(*model, confirm, UpcomingModel::Status, anna),
                              u"Sandbox: not really sent"_s, WAIT_MS);

    const QModelIndex invalid = model->index(1, 0);
    QVERIFY(model->rowCount(invalid) > 0);
    for (int i = 0; i < model->rowCount(invalid); ++i) {
        QCOMPARE(text(*model, i, UpcomingModel::Status, invalid), u"Skipped"_s);
        QCOMPARE(text(*model, i, UpcomingModel::Details, invalid), u"invalid phone"_s);
    }
    QVERIFY(text(*model, 1, UpcomingModel::Details).contains(u"not valid"_s));
}

void TestUpcomingModel::failedAndMaybeSentStandOutWithoutFixedColours()
{
    m_fixture->book(u"A"_s, u"Anna"_s, atBangkok(18));
    // Put the 2-hour reminder through a send that broke off, and one that failed, as the dispatcher would.
    QList<OutboxMessage> messages = m_fixture->store().messagesForInvitee(test::inviteeUri(u"A"_s));
    qint64 reminder = 0;
    for (const auto &m : messages) {
        if (m.kind == MessageKind::Reminder && m.state == MessageState::Queued) {
            reminder = m.id;
        }
    }
    QVERIFY(reminder > 0);
    Store &store = m_fixture->store();
    QVERIFY(store.markSending(reminder));
    Store::SendOutcome outcome;
    outcome.state = MessageState::Unknown;
    outcome.reason = u"no answer from the provider"_s;
    store.finishSending(reminder, outcome);

    auto model = makeModel();
    model->setRange(TODAY_START, TODAY_END);
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, WAIT_MS);
    const QModelIndex meeting = model->index(0, 0);
    const QModelIndex row = model->indexOfMessage(reminder, UpcomingModel::Status);
    QVERIFY(row.isValid());
    QCOMPARE(row.data().toString(), u"Maybe sent — check before resending"_s);
    QCOMPARE(model->index(row.row(), UpcomingModel::Details, meeting).data().toString(),
             u"no answer from the provider"_s);
    QVERIFY(row.data(UpcomingModel::ProblemRole).toBool());
    QVERIFY(!row.data(Qt::DecorationRole).value<QIcon>().isNull());
    QVERIFY(row.data(Qt::FontRole).value<QFont>().bold());
    QVERIFY(meeting.data(UpcomingModel::ProblemRole).toBool());
    // Colour is never fixed: nothing but the palette's own muted text colour is ever handed out.
    for (int r = 0; r < model->rowCount(meeting); ++r) {
        for (int c = 0; c < UpcomingModel::ColumnCount; ++c) {
            const QVariant brush = model->index(r, c, meeting).data(Qt::ForegroundRole);
            QVERIFY(!brush.isValid() || brush.value<QBrush>().color() ==
                                            QGuiApplication::palette().color(QPalette::PlaceholderText));
        }
    }
}

void TestUpcomingModel::burstOfReloadRequestsReadsOnce()
{
    m_fixture->book(u"A"_s, u"Anna"_s, atBangkok(14));
    auto model = makeModel();
    model->setReloadDelay(100);
    model->setRange(TODAY_START, TODAY_END);
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, WAIT_MS);
    waitLoaded(*model);
    QSignalSpy loaded(model.get(), &UpcomingModel::loaded);
    for (int i = 0; i < 20; ++i) {
        model->scheduleReload();
    }
    QVERIFY(loaded.wait(WAIT_MS));
    // The burst cost one read, and none is left on its way.
    QCOMPARE(loaded.size(), 1);
    QVERIFY(!model->isLoading());
}

QTEST_MAIN(TestUpcomingModel)
#include "tst_upcomingmodel.moc"
