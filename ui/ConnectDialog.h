#pragma once

#include "Engine.h"

#include <QDialog>

namespace deskbell {

class EngineHost;

// The welcome flow and the accounts page: Connect Calendly (token pasted, or "Sign in with
// Calendly" when an OAuth client id is configured), Connect EngageLab, or "Try it in Sandbox";
// choosing webhook / poll / hybrid; showing the public URL; disconnecting. It only talks to the
// engine through EngineHost (the engine's AccountConnector does the network and keychain work).
class ConnectDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Page
    {
        Welcome,
        Calendly,
        EngageLab,
        Mode,
    };

    ConnectDialog(EngineHost &host, const Engine::Status &status, Page page = Page::Welcome,
                  QWidget *parent = nullptr);

private:
    EngineHost &m_host;
};

} // namespace deskbell
