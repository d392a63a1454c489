#pragma once

#include "Engine.h"
#include "accounts/AccountConnector.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QRadioButton;
class QStackedWidget;
class QToolButton;

namespace deskbell {

class EngineHost;

// The welcome flow and the accounts page: Connect Calendly (token pasted, or "Sign in with
// Calendly" when an OAuth client id is configured), Connect EngageLab, or "Try it in Sandbox";
// choosing webhook / poll / hybrid; showing the public URL; disconnecting. It only talks to the
// engine through EngineHost (the engine's AccountConnector does the network and keychain work).
//
// Secrets typed here go from the field straight to the engine's thread; the fields are emptied
// once saved and whenever the dialog closes, so nothing outlives it.
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
        Sandbox,
    };

    ConnectDialog(EngineHost &host, const Engine::Status &status, Page page = Page::Welcome,
                  QWidget *parent = nullptr);
    ~ConnectDialog() override;

    void showPage(Page page);
    Page currentPage() const;

    void done(int result) override;

signals:
    // A service was connected or disconnected here (the window may refresh what it shows).
    void accountsChanged();

protected:
    void changeEvent(QEvent *event) override;

private:
    QWidget *buildWelcomePage();
    QWidget *buildCalendlyPage();
    QWidget *buildEngageLabPage();
    QWidget *buildModePage();
    QWidget *buildSandboxPage();
    void setStatus(const Engine::Status &status);
    void updateDefaultButton();
    void updateModeFields();
    void clearSecrets();
    void setResult(QLabel *label, const QString &text, bool problem);

    void checkCalendly();
    void connectCalendly();
    void disconnectCalendly();
    void signInWithCalendly();
    void checkEngageLab();
    void connectEngageLab();
    void disconnectEngageLab();
    void saveMode();
    void simulateBooking();
    void setCalendlyBusy(bool busy);
    void setEngageLabBusy(bool busy);
    void confirm(const QString &question, const QString &yesText, std::function<void()> yes);

    EngineHost &m_host;
    Engine::Status m_status;
    int m_pollIntervalSecs = 60;

    QListWidget *m_nav = nullptr;
    QStackedWidget *m_pages = nullptr;

    // Calendly
    QLabel *m_calStatus = nullptr;
    QWidget *m_oauthBox = nullptr;
    QPushButton *m_signIn = nullptr;
    QLabel *m_oauthResult = nullptr;
    QToolButton *m_useToken = nullptr;
    QWidget *m_tokenBox = nullptr;
    QLineEdit *m_token = nullptr;
    QPushButton *m_calCheck = nullptr;
    QPushButton *m_calConnect = nullptr;
    QPushButton *m_calDisconnect = nullptr;
    QLabel *m_calResult = nullptr;

    // EngageLab
    QLabel *m_elStatus = nullptr;
    QLineEdit *m_devKey = nullptr;
    QLineEdit *m_devSecret = nullptr;
    QCheckBox *m_sendReal = nullptr;
    QPushButton *m_elCheck = nullptr;
    QPushButton *m_elConnect = nullptr;
    QPushButton *m_elDisconnect = nullptr;
    QLabel *m_elResult = nullptr;

    // Mode
    QRadioButton *m_modeWebhook = nullptr;
    QRadioButton *m_modePoll = nullptr;
    QRadioButton *m_modeHybrid = nullptr;
    QLabel *m_pollText = nullptr;
    QLineEdit *m_publicUrl = nullptr;
    QPushButton *m_copyPublic = nullptr;
    QLineEdit *m_listenerUrl = nullptr;
    QPushButton *m_copyListener = nullptr;
    QPushButton *m_modeSave = nullptr;
    QLabel *m_modeResult = nullptr;

    // Sandbox
    QLabel *m_sandboxStatus = nullptr;
    QPushButton *m_simulate = nullptr;
    QLabel *m_simulateResult = nullptr;
};

} // namespace deskbell
