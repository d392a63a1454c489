#include "EngineHost.h"

namespace deskbell {

EngineHost::EngineHost(Engine::Options options, const Clock &clock, QObject *parent)
    : QObject(parent)
{
    Q_UNUSED(options);
    Q_UNUSED(clock);
}

EngineHost::~EngineHost() = default;

} // namespace deskbell
