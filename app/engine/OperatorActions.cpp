#include "engine/OperatorActions.h"

namespace deskbell {

OperatorActions::OperatorActions(Database &db, Store &store, const Clock &clock, Dispatcher *dispatcher)
    : m_db(db)
    , m_store(store)
    , m_clock(clock)
    , m_dispatcher(dispatcher)
{}

} // namespace deskbell
