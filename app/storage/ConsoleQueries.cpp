#include "storage/ConsoleQueries.h"

#include "storage/Database.h"

namespace deskbell {

ConsoleQueries::ConsoleQueries(Database &db)
    : m_db(db)
{}

} // namespace deskbell
