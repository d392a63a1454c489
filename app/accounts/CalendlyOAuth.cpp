#include "accounts/CalendlyOAuth.h"

#include <QTcpServer>

namespace deskbell {

CalendlyOAuth::CalendlyOAuth(QNetworkAccessManager &network, const Clock &clock, Config config, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_clock(clock)
    , m_config(std::move(config))
{}

CalendlyOAuth::~CalendlyOAuth() = default;

} // namespace deskbell
