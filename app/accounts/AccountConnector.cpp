#include "accounts/AccountConnector.h"

namespace deskbell {

AccountConnector::AccountConnector(QNetworkAccessManager &network, SecretStore &secrets, Endpoints endpoints,
                                   QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_secrets(secrets)
    , m_endpoints(std::move(endpoints))
{}

} // namespace deskbell
