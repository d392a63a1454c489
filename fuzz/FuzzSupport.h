#pragma once

// What every Deskbell fuzz target shares: a QCoreApplication (some code needs an event loop or an
// application instance), Qt's own messages silenced (millions of runs would print millions of
// warnings and slow libFuzzer down to a crawl), and a check that aborts so libFuzzer records the input.

#include <QByteArray>
#include <QCoreApplication>
#include <QtGlobal>

#include <cstdio>
#include <cstdlib>

namespace deskbell::fuzz {

inline void quietMessages(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    // Fatal messages still end the run: libFuzzer reports the abort with the input that caused it.
    if (type == QtFatalMsg) {
        std::fputs(qPrintable(message), stderr);
        std::abort();
    }
}

// Call from LLVMFuzzerInitialize.
inline void initialize(int *argc, char ***argv)
{
    qInstallMessageHandler(quietMessages);
    static QCoreApplication app(*argc, *argv);
}

inline QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

// A property the code under test promises; a broken one is a finding like a crash.
#define DESKBELL_FUZZ_CHECK(condition)                                                                       \
    do {                                                                                                     \
        if (!(condition)) {                                                                                  \
            std::fprintf(stderr, "deskbell fuzz check failed: %s (%s:%d)\n", #condition, __FILE__,           \
                         __LINE__);                                                                          \
            std::abort();                                                                                    \
        }                                                                                                    \
    } while (false)

} // namespace deskbell::fuzz
