// deskbell.ini: Settings::load on any INI text (QSettings' reader, then Deskbell's validation), and the
// round trip the settings editor relies on: what loaded without errors saves and loads again without errors.
//
// Settings reads files only, so each input is written to a file in a RAM directory (/dev/shm, or TMPDIR).
// Always the same two names: QSettings caches every file it has read by name, so a fresh name per input
// would grow that cache without end (and make libFuzzer run a full leak scan after every input). The cache
// re-reads a file when its size or modification time changed; each write gets a time of its own.
#include "FuzzSupport.h"
#include "config/Settings.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QTimeZone>

#include <unistd.h>

using namespace deskbell;

namespace {

QString workDir()
{
    // Never destroyed: the exit handler below runs after static destructors registered before it.
    static const QString *const dir = [] {
        const QString base =
            QDir(QStringLiteral("/dev/shm")).exists() ? QStringLiteral("/dev/shm") : QDir::tempPath();
        auto *path =
            new QString(base + QStringLiteral("/deskbell-fuzz-settings-") + QString::number(getpid()));
        QDir().mkpath(*path);
        std::atexit([] { QDir(workDir()).removeRecursively(); });
        return path;
    }();
    return *dir;
}

bool write(const QString &path, const QByteArray &bytes)
{
    static qint64 stamp = 1'000'000'000'000; // ms; a new one per write, so QSettings' cache never matches
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size() &&
           file.flush() &&
           file.setFileTime(QDateTime::fromMSecsSinceEpoch(stamp += 1000, QTimeZone::utc()),
                            QFileDevice::FileModificationTime);
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fuzz::initialize(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString path = workDir() + QStringLiteral("/deskbell.ini");
    if (!write(path, fuzz::bytes(data, size))) {
        std::abort(); // the RAM directory is full or gone: not the input's fault, but nothing works now
    }
    const Settings::LoadResult result = Settings::load(path, QByteArrayLiteral("Asia/Bangkok"));
    DESKBELL_FUZZ_CHECK(result.fileExisted);
    for (const Settings::Problem &problem : result.problems) {
        DESKBELL_FUZZ_CHECK(!problem.message.isEmpty());
        (void)problem.toString();
    }
    (void)result.values.calendly.effectiveMode();

    if (result.ok()) {
        // save() keeps sections it does not write: start from an empty file, as the first-run file does.
        const QString again = workDir() + QStringLiteral("/saved.ini");
        DESKBELL_FUZZ_CHECK(write(again, QByteArray()));
        QString error;
        DESKBELL_FUZZ_CHECK(Settings::save(again, result.values, &error));
        const Settings::LoadResult reloaded = Settings::load(again, QByteArrayLiteral("Asia/Bangkok"));
        DESKBELL_FUZZ_CHECK(reloaded.ok());
    }
    return 0;
}
