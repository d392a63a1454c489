#include "engine/RulesChange.h"

namespace deskbell {

RulesChange::RulesChange(Database &db, Store &store, const Clock &clock)
    : m_db(db)
    , m_store(store)
    , m_clock(clock)
{}

} // namespace deskbell
