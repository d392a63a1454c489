#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>

#include <sys/resource.h>

namespace deskbell::bench {

// The most this process has held in memory so far, in KiB.
inline long peakRssKiB()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

// What this process holds in memory now, in MiB, from /proc (Linux); -1 where that is not readable.
inline double currentRssMiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly)) {
        return -1;
    }
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:")) {
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
        }
    }
    return -1;
}

} // namespace deskbell::bench
