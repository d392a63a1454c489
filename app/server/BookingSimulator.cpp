#include "server/BookingSimulator.h"

namespace deskbell {

BookingSimulator::BookingSimulator(QNetworkAccessManager &network, QObject *parent)
    : QObject(parent)
    , m_network(network)
{}

} // namespace deskbell
