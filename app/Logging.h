#pragma once

#include <QString>

namespace deskbell::logging {

// One line per message on stderr: "2026-11-25T09:00:00.123Z info deskbell.engine: ...".
// QT_LOGGING_RULES still selects categories (e.g. "deskbell.*.debug=true").
void install();

} // namespace deskbell::logging
