#include "ConnectDialog.h"

#include "EngineHost.h"

namespace deskbell {

ConnectDialog::ConnectDialog(EngineHost &host, const Engine::Status &status, Page page, QWidget *parent)
    : QDialog(parent)
    , m_host(host)
{
    Q_UNUSED(status);
    Q_UNUSED(page);
}

} // namespace deskbell
