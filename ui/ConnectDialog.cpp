#include "ConnectDialog.h"

#include "EngineHost.h"
#include "ThemeColors.h"
#include "accounts/CalendlyOAuth.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QCommandLinkButton>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include <tuple>
#include <type_traits>

namespace deskbell {

using namespace Qt::StringLiterals;

namespace {

// Runs op with the engine's AccountConnector on the engine's thread, and hands the first `signal`
// it then emits to handler on this thread (unless context is gone by then). The connector is
// looked up each time: the engine replaces it when it reconnects.
template <typename... Args, typename Handler>
void askAccounts(EngineHost &host, QObject *context, void (AccountConnector::*signal)(Args...),
                 std::function<void(AccountConnector &)> op, Handler handler,
                 std::function<void()> unavailable)
{
    QPointer<QObject> guard(context);
    EngineHost *courier = &host; // lives on the GUI thread, like context
    host.post([guard, courier, signal, op, handler, unavailable](Engine &e) {
        AccountConnector *accounts = e.accounts();
        if (!accounts) {
            QMetaObject::invokeMethod(
                courier,
                [guard, unavailable] {
                    if (guard) {
                        unavailable();
                    }
                },
                Qt::QueuedConnection);
            return;
        }
        QObject::connect(
            accounts, signal, accounts,
            [guard, courier, handler](Args... args) {
                QMetaObject::invokeMethod(
                    courier,
                    [guard, handler, values = std::make_tuple(std::decay_t<Args>(args)...)] {
                        if (guard) {
                            std::apply(handler, values);
                        }
                    },
                    Qt::QueuedConnection);
            },
            Qt::SingleShotConnection);
        op(*accounts);
    });
}

QLabel *wrapped(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    return label;
}

QLabel *heading(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * 1.3);
    font.setBold(true);
    label->setFont(font);
    label->setWordWrap(true);
    return label;
}

// A page in a scroll area: wrapped text then never gets cut off in a small window.
QScrollArea *scrolled(QWidget *page)
{
    auto *area = new QScrollArea;
    area->setFrameShape(QFrame::NoFrame);
    area->setWidgetResizable(true);
    area->setWidget(page);
    return area;
}

QLabel *resultLabel(const QString &name, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return label;
}

} // namespace

ConnectDialog::ConnectDialog(EngineHost &host, const Engine::Status &status, Page page, QWidget *parent)
    : QDialog(parent)
    , m_host(host)
    , m_status(status)
{
    setWindowTitle(tr("Connect accounts"));
    auto *layout = new QVBoxLayout(this);
    auto *body = new QHBoxLayout;
    layout->addLayout(body, 1);

    m_nav = new QListWidget(this);
    m_nav->setObjectName(u"pages"_s);
    m_nav->setAccessibleName(tr("Pages"));
    m_nav->addItems(
        {tr("Welcome"), tr("Calendly"), tr("EngageLab"), tr("How bookings arrive"), tr("Sandbox")});
    m_nav->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Expanding);
    m_nav->setMaximumWidth(m_nav->sizeHintForColumn(0) + 4 * m_nav->frameWidth() +
                           fontMetrics().averageCharWidth() * 4);
    body->addWidget(m_nav);

    m_pages = new QStackedWidget(this);
    m_pages->addWidget(scrolled(buildWelcomePage()));
    m_pages->addWidget(scrolled(buildCalendlyPage()));
    m_pages->addWidget(scrolled(buildEngageLabPage()));
    m_pages->addWidget(scrolled(buildModePage()));
    m_pages->addWidget(scrolled(buildSandboxPage()));
    body->addWidget(m_pages, 1);
    connect(m_nav, &QListWidget::currentRowChanged, this, [this](int row) {
        m_pages->setCurrentIndex(row);
        updateDefaultButton();
    });

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setAutoDefault(false);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    setStatus(m_status);
    if (Engine *engine = m_host.engine()) {
        connect(engine, &Engine::statusChanged, this, &ConnectDialog::setStatus);
        connect(engine, &Engine::simulationFinished, this, [this](bool ok, const QString &error) {
            m_simulate->setEnabled(true);
            setResult(m_simulateResult,
                      ok ? tr("A made-up booking for Somchai Jaidee arrived and its messages were planned. "
                              "See them under Upcoming; in Sandbox they are marked \"not really sent\".")
                         : tr("The simulated booking did not go through: %1").arg(error),
                      !ok);
        });
    }
    // The configured mode and poll interval (the status has only the effective mode).
    m_host.call<Settings::Calendly>(
        this, [](Engine &e) { return e.settings().values.calendly; },
        [this](Settings::Calendly c) {
            m_pollIntervalSecs = c.pollIntervalSecs;
            const QString mode = c.mode.isEmpty() ? c.effectiveMode() : c.mode;
            (mode == u"webhook"_s  ? m_modeWebhook
             : mode == u"hybrid"_s ? m_modeHybrid
                                   : m_modePoll)
                ->setChecked(true);
            m_publicUrl->setText(c.publicUrl.toString());
            m_sendReal->setChecked(true);
            updateModeFields();
        });

    showPage(page);
    resize(sizeHint().expandedTo(QSize(fontMetrics().averageCharWidth() * 130, fontMetrics().height() * 34)));
}

ConnectDialog::~ConnectDialog()
{
    clearSecrets();
}

void ConnectDialog::done(int result)
{
    clearSecrets();
    QDialog::done(result);
}

void ConnectDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange) {
        ThemeColors::reapplyTones(this);
    }
    QDialog::changeEvent(event);
}

void ConnectDialog::clearSecrets()
{
    for (QLineEdit *field : {m_token, m_devKey, m_devSecret}) {
        if (field) {
            field->clear();
        }
    }
}

void ConnectDialog::showPage(Page page)
{
    m_nav->setCurrentRow(int(page));
    m_pages->setCurrentIndex(int(page));
    updateDefaultButton();
    switch (page) {
    case Page::Calendly:
        if (m_token->isVisibleTo(this)) {
            m_token->setFocus();
        } else {
            m_signIn->setFocus();
        }
        break;
    case Page::EngageLab:
        m_devKey->setFocus();
        break;
    default:
        break;
    }
}

ConnectDialog::Page ConnectDialog::currentPage() const
{
    return Page(m_pages->currentIndex());
}

void ConnectDialog::updateDefaultButton()
{
    QPushButton *byPage[] = {nullptr, m_calConnect, m_elConnect, m_modeSave, m_simulate};
    const int index = m_pages->currentIndex();
    if (currentPage() == Page::Calendly && m_status.oauthAvailable && !m_tokenBox->isVisibleTo(this)) {
        m_signIn->setDefault(true);
        return;
    }
    for (int i = 0; i < int(std::size(byPage)); ++i) {
        if (byPage[i]) {
            byPage[i]->setDefault(i == index);
        }
    }
    m_signIn->setDefault(false);
}

void ConnectDialog::setResult(QLabel *label, const QString &text, bool problem)
{
    label->setText(text);
    ThemeColors::applyTone(label, problem ? ThemeColors::Tone::Warning : ThemeColors::Tone::Normal);
}

void ConnectDialog::confirm(const QString &question, const QString &yesText, std::function<void()> yes)
{
    auto *box = new QMessageBox(QMessageBox::Question, windowTitle(), question, QMessageBox::NoButton, this);
    QPushButton *yesButton = box->addButton(yesText, QMessageBox::DestructiveRole);
    QPushButton *noButton = box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(noButton);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [box, yesButton, yes](QAbstractButton *clicked) {
        if (clicked == yesButton) {
            yes();
        }
        Q_UNUSED(box);
    });
    box->open();
}

// ---- pages

QWidget *ConnectDialog::buildWelcomePage()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(heading(tr("Welcome to Deskbell"), page));
    layout->addWidget(
        wrapped(tr("Deskbell texts the people who book with you: a confirmation, reminders before "
                   "the meeting, and a note when plans change. Start with one of these:"),
                page));
    auto *calendly = new QCommandLinkButton(
        tr("Connect &Calendly"),
        tr("Deskbell reads your bookings from Calendly to know whom to text and when."), page);
    calendly->setObjectName(u"welcomeCalendly"_s);
    auto *engageLab = new QCommandLinkButton(
        tr("Connect &EngageLab"),
        tr("EngageLab sends the text messages, using the templates it has approved."), page);
    engageLab->setObjectName(u"welcomeEngageLab"_s);
    auto *sandbox = new QCommandLinkButton(
        tr("Try it in &Sandbox"),
        tr("See what Deskbell would send with a made-up booking; nothing is really sent."), page);
    sandbox->setObjectName(u"welcomeSandbox"_s);
    connect(calendly, &QCommandLinkButton::clicked, this, [this] { showPage(Page::Calendly); });
    connect(engageLab, &QCommandLinkButton::clicked, this, [this] { showPage(Page::EngageLab); });
    connect(sandbox, &QCommandLinkButton::clicked, this, [this] { showPage(Page::Sandbox); });
    layout->addWidget(calendly);
    layout->addWidget(engageLab);
    layout->addWidget(sandbox);
    layout->addStretch(1);
    return page;
}

QWidget *ConnectDialog::buildCalendlyPage()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(heading(tr("Calendly"), page));
    m_calStatus = resultLabel(u"calendlyStatus"_s, page);
    layout->addWidget(m_calStatus);

    m_oauthBox = new QWidget(page);
    auto *oauthLayout = new QVBoxLayout(m_oauthBox);
    oauthLayout->setContentsMargins(0, 0, 0, 0);
    oauthLayout->addWidget(wrapped(tr("Sign in to Calendly in your browser and allow Deskbell to read your "
                                      "bookings. Deskbell never sees your password."),
                                   m_oauthBox));
    auto *signInRow = new QHBoxLayout;
    m_signIn = new QPushButton(tr("Sign &in with Calendly"), m_oauthBox);
    m_signIn->setObjectName(u"calendlySignIn"_s);
    signInRow->addWidget(m_signIn);
    signInRow->addStretch(1);
    oauthLayout->addLayout(signInRow);
    m_oauthResult = resultLabel(u"calendlySignInResult"_s, m_oauthBox);
    m_oauthResult->setOpenExternalLinks(true);
    m_oauthResult->setTextInteractionFlags(Qt::TextBrowserInteraction);
    oauthLayout->addWidget(m_oauthResult);
    m_useToken = new QToolButton(m_oauthBox);
    m_useToken->setText(tr("Use a personal access &token instead"));
    m_useToken->setObjectName(u"calendlyUseToken"_s);
    m_useToken->setCheckable(true);
    m_useToken->setAutoRaise(true);
    m_useToken->setArrowType(Qt::RightArrow);
    m_useToken->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    auto *useTokenRow = new QHBoxLayout;
    useTokenRow->addWidget(m_useToken);
    useTokenRow->addStretch(1);
    oauthLayout->addLayout(useTokenRow);
    layout->addWidget(m_oauthBox);
    connect(m_signIn, &QPushButton::clicked, this, &ConnectDialog::signInWithCalendly);

    m_tokenBox = new QWidget(page);
    auto *tokenLayout = new QVBoxLayout(m_tokenBox);
    tokenLayout->setContentsMargins(0, 0, 0, 0);
    tokenLayout->addWidget(wrapped(
        tr("Paste a personal access token. To make one, open Calendly, go to Integrations & apps → API "
           "and webhooks → Personal access tokens, and choose \"Generate new token\". Give it these "
           "scopes: users:read, scheduled_events:read, webhooks:read and webhooks:write (to read your "
           "account and bookings, and to be told about new ones). Calendly shows the token only once."),
        m_tokenBox));
    auto *form = new QFormLayout;
    m_token = new QLineEdit(m_tokenBox);
    m_token->setObjectName(u"calendlyToken"_s);
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
    m_token->setPlaceholderText(tr("eyJraWQiOi…"));
    auto *tokenLabel = new QLabel(tr("Access to&ken:"), m_tokenBox);
    tokenLabel->setBuddy(m_token);
    form->addRow(tokenLabel, m_token);
    tokenLayout->addLayout(form);
    auto *row = new QHBoxLayout;
    m_calCheck = new QPushButton(tr("C&heck"), m_tokenBox);
    m_calCheck->setObjectName(u"calendlyCheck"_s);
    m_calCheck->setToolTip(tr("Ask Calendly whose token this is, without saving it"));
    m_calConnect = new QPushButton(tr("&Connect"), m_tokenBox);
    m_calConnect->setObjectName(u"calendlyConnect"_s);
    m_calConnect->setToolTip(tr("Check the token and keep it in this computer's keychain"));
    row->addWidget(m_calCheck);
    row->addWidget(m_calConnect);
    row->addStretch(1);
    tokenLayout->addLayout(row);
    layout->addWidget(m_tokenBox);
    connect(m_calCheck, &QPushButton::clicked, this, &ConnectDialog::checkCalendly);
    connect(m_calConnect, &QPushButton::clicked, this, &ConnectDialog::connectCalendly);
    connect(m_token, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_calCheck->setEnabled(!text.trimmed().isEmpty());
        m_calConnect->setEnabled(!text.trimmed().isEmpty());
    });
    m_calCheck->setEnabled(false);
    m_calConnect->setEnabled(false);
    connect(m_useToken, &QToolButton::toggled, this, [this](bool on) {
        m_useToken->setArrowType(on ? Qt::DownArrow : Qt::RightArrow);
        m_tokenBox->setVisible(on || !m_status.oauthAvailable);
        updateDefaultButton();
        if (on) {
            m_token->setFocus();
        }
    });

    m_calResult = resultLabel(u"calendlyResult"_s, page);
    layout->addWidget(m_calResult);

    auto *disconnectRow = new QHBoxLayout;
    m_calDisconnect = new QPushButton(tr("&Disconnect Calendly…"), page);
    m_calDisconnect->setObjectName(u"calendlyDisconnect"_s);
    m_calDisconnect->setAutoDefault(false);
    disconnectRow->addWidget(m_calDisconnect);
    disconnectRow->addStretch(1);
    layout->addStretch(1);
    layout->addLayout(disconnectRow);
    connect(m_calDisconnect, &QPushButton::clicked, this, &ConnectDialog::disconnectCalendly);
    return page;
}

QWidget *ConnectDialog::buildEngageLabPage()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(heading(tr("EngageLab"), page));
    m_elStatus = resultLabel(u"engageLabStatus"_s, page);
    layout->addWidget(m_elStatus);
    layout->addWidget(
        wrapped(tr("EngageLab sends the texts. In the EngageLab SMS console, open API Key and copy the "
                   "dev key and the dev secret into the fields below."),
                page));
    auto *form = new QFormLayout;
    m_devKey = new QLineEdit(page);
    m_devKey->setObjectName(u"engageLabKey"_s);
    m_devKey->setEchoMode(QLineEdit::Password);
    m_devKey->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
    auto *keyLabel = new QLabel(tr("Dev &key:"), page);
    keyLabel->setBuddy(m_devKey);
    form->addRow(keyLabel, m_devKey);
    m_devSecret = new QLineEdit(page);
    m_devSecret->setObjectName(u"engageLabSecret"_s);
    m_devSecret->setEchoMode(QLineEdit::Password);
    m_devSecret->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
    auto *secretLabel = new QLabel(tr("Dev s&ecret:"), page);
    secretLabel->setBuddy(m_devSecret);
    form->addRow(secretLabel, m_devSecret);
    layout->addLayout(form);
    m_sendReal =
        new QCheckBox(tr("Send real texts with EngageLab once connected (otherwise Deskbell stays in "
                         "Sandbox and sends nothing)"),
                      page);
    m_sendReal->setObjectName(u"engageLabSendReal"_s);
    m_sendReal->setChecked(true);
    layout->addWidget(m_sendReal);

    auto *row = new QHBoxLayout;
    m_elCheck = new QPushButton(tr("Chec&k"), page);
    m_elCheck->setObjectName(u"engageLabCheck"_s);
    m_elCheck->setToolTip(tr("List the account's templates with these credentials, without saving them"));
    m_elConnect = new QPushButton(tr("Co&nnect"), page);
    m_elConnect->setObjectName(u"engageLabConnect"_s);
    m_elConnect->setToolTip(tr("Check the credentials and keep them in this computer's keychain"));
    row->addWidget(m_elCheck);
    row->addWidget(m_elConnect);
    row->addStretch(1);
    layout->addLayout(row);
    m_elResult = resultLabel(u"engageLabResult"_s, page);
    layout->addWidget(m_elResult);
    const auto filled = [this] {
        const bool ok = !m_devKey->text().trimmed().isEmpty() && !m_devSecret->text().trimmed().isEmpty();
        m_elCheck->setEnabled(ok);
        m_elConnect->setEnabled(ok);
    };
    connect(m_devKey, &QLineEdit::textChanged, this, filled);
    connect(m_devSecret, &QLineEdit::textChanged, this, filled);
    filled();
    connect(m_elCheck, &QPushButton::clicked, this, &ConnectDialog::checkEngageLab);
    connect(m_elConnect, &QPushButton::clicked, this, &ConnectDialog::connectEngageLab);

    layout->addStretch(1);
    auto *disconnectRow = new QHBoxLayout;
    m_elDisconnect = new QPushButton(tr("Disconnect Engage&Lab…"), page);
    m_elDisconnect->setObjectName(u"engageLabDisconnect"_s);
    m_elDisconnect->setAutoDefault(false);
    disconnectRow->addWidget(m_elDisconnect);
    disconnectRow->addStretch(1);
    layout->addLayout(disconnectRow);
    connect(m_elDisconnect, &QPushButton::clicked, this, &ConnectDialog::disconnectEngageLab);
    return page;
}

QWidget *ConnectDialog::buildModePage()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(heading(tr("How bookings reach Deskbell"), page));

    const auto option = [&](QRadioButton *&button, const QString &name, const QString &title,
                            QLabel *description) {
        button = new QRadioButton(title, page);
        button->setObjectName(name);
        layout->addWidget(button);
        description->setIndent(fontMetrics().averageCharWidth() * 4);
        layout->addWidget(description);
        connect(button, &QRadioButton::toggled, this, &ConnectDialog::updateModeFields);
    };
    option(
        m_modeWebhook, u"modeWebhook"_s, tr("&Webhook: instant"),
        wrapped(tr("Calendly tells Deskbell the moment someone books. It needs a public address that reaches "
                   "this computer: a tunnel (such as cloudflared or ngrok) or a reverse proxy."),
                page));
    m_pollText = wrapped(QString(), page);
    option(m_modePoll, u"modePoll"_s, tr("&Poll: works anywhere"), m_pollText);
    option(
        m_modeHybrid, u"modeHybrid"_s, tr("H&ybrid: both"),
        wrapped(tr("Webhooks for speed, and a check every 5 minutes that catches anything a webhook missed, "
                   "for example while this computer was off. Needs the public address too."),
                page));

    auto *grid = new QGridLayout;
    m_publicUrl = new QLineEdit(page);
    m_publicUrl->setObjectName(u"publicUrl"_s);
    m_publicUrl->setPlaceholderText(tr("https://your-tunnel.example.com/webhooks/calendly"));
    auto *publicLabel = new QLabel(tr("Public &address:"), page);
    publicLabel->setBuddy(m_publicUrl);
    m_copyPublic = new QPushButton(tr("Copy"), page);
    m_copyPublic->setAccessibleName(tr("Copy the public address"));
    m_copyPublic->setAutoDefault(false);
    grid->addWidget(publicLabel, 0, 0);
    grid->addWidget(m_publicUrl, 0, 1);
    grid->addWidget(m_copyPublic, 0, 2);
    grid->addWidget(wrapped(tr("The https address your tunnel or proxy gives, ending in /webhooks/calendly. "
                               "Calendly sends bookings there."),
                            page),
                    1, 1, 1, 2);
    m_listenerUrl = new QLineEdit(page);
    m_listenerUrl->setObjectName(u"listenerUrl"_s);
    m_listenerUrl->setReadOnly(true);
    auto *listenerLabel = new QLabel(tr("&Local address:"), page);
    listenerLabel->setBuddy(m_listenerUrl);
    m_copyListener = new QPushButton(tr("Copy"), page);
    m_copyListener->setAccessibleName(tr("Copy the local address"));
    m_copyListener->setAutoDefault(false);
    grid->addWidget(listenerLabel, 2, 0);
    grid->addWidget(m_listenerUrl, 2, 1);
    grid->addWidget(m_copyListener, 2, 2);
    grid->addWidget(wrapped(tr("Where Deskbell listens on this computer: point the tunnel or proxy here "
                               "(for example: cloudflared tunnel --url <this address>)."),
                            page),
                    3, 1, 1, 2);
    layout->addLayout(grid);
    connect(m_copyPublic, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(m_publicUrl->text().trimmed()); });
    connect(m_copyListener, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(m_listenerUrl->text()); });

    auto *row = new QHBoxLayout;
    m_modeSave = new QPushButton(tr("&Save"), page);
    m_modeSave->setObjectName(u"modeSave"_s);
    row->addWidget(m_modeSave);
    row->addStretch(1);
    layout->addLayout(row);
    m_modeResult = resultLabel(u"modeResult"_s, page);
    layout->addWidget(m_modeResult);
    layout->addStretch(1);
    connect(m_modeSave, &QPushButton::clicked, this, &ConnectDialog::saveMode);
    return page;
}

QWidget *ConnectDialog::buildSandboxPage()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(heading(tr("Sandbox"), page));
    layout->addWidget(
        wrapped(tr("In Sandbox, Deskbell does everything except send: bookings are read, messages "
                   "are planned, \"sent\" on time and logged, but no text leaves this computer. "
                   "Use it to try your rules and templates."),
                page));
    m_sandboxStatus = resultLabel(u"sandboxStatus"_s, page);
    layout->addWidget(m_sandboxStatus);
    layout->addWidget(wrapped(tr("A simulated booking is a made-up appointment a few hours from now, sent to "
                                 "Deskbell the way Calendly would send it."),
                              page));
    auto *row = new QHBoxLayout;
    m_simulate = new QPushButton(tr("Si&mulate a booking"), page);
    m_simulate->setObjectName(u"simulate"_s);
    row->addWidget(m_simulate);
    row->addStretch(1);
    layout->addLayout(row);
    m_simulateResult = resultLabel(u"simulateResult"_s, page);
    layout->addWidget(m_simulateResult);
    layout->addStretch(1);
    connect(m_simulate, &QPushButton::clicked, this, &ConnectDialog::simulateBooking);
    return page;
}

// ---- state

void ConnectDialog::setStatus(const Engine::Status &status)
{
    m_status = status;
    if (!status.calendlyAccount.isEmpty()) {
        setResult(m_calStatus, tr("Connected as %1.").arg(status.calendlyAccount), false);
    } else if (!status.calendlyError.isEmpty()) {
        setResult(m_calStatus, tr("Not connected: %1").arg(status.calendlyError), true);
    } else {
        setResult(m_calStatus, tr("Not connected yet."), false);
    }
    m_oauthBox->setVisible(status.oauthAvailable);
    // Nothing to disconnect when no token was ever given (no account, no complaint about one).
    m_calDisconnect->setEnabled(!status.calendlyAccount.isEmpty() || !status.calendlyError.isEmpty());
    m_tokenBox->setVisible(!status.oauthAvailable || m_useToken->isChecked());

    const bool engageLab = status.providerName == u"engagelab"_s;
    if (engageLab && status.providerError.isEmpty()) {
        setResult(m_elStatus, tr("Connected: Deskbell sends real texts with EngageLab."), false);
    } else if (engageLab) {
        setResult(m_elStatus, tr("EngageLab is not sending: %1").arg(status.providerError), true);
    } else {
        setResult(m_elStatus, tr("Sending is in Sandbox: nothing is really sent."), false);
    }
    m_sandboxStatus->setText(
        status.sandbox || !engageLab
            ? tr("Deskbell is in Sandbox now.")
            : tr("Deskbell sends real texts now, so a simulated booking is not possible. "
                 "Switch to Sandbox in the settings to try things out."));
    m_simulate->setEnabled(status.sandbox || !engageLab);

    QUrl local = status.listenerUrl;
    m_listenerUrl->setText(local.isEmpty() ? tr("(not listening: %1)").arg(status.listenerError)
                                           : local.toString(QUrl::StripTrailingSlash));
    m_copyListener->setEnabled(!local.isEmpty());
    updateDefaultButton();
}

void ConnectDialog::updateModeFields()
{
    m_pollText->setText(
        tr("Deskbell asks Calendly for bookings every %1 seconds. No public address is needed; "
           "a booking shows up within that time.")
            .arg(m_pollIntervalSecs));
    const bool needsAddress = m_modeWebhook->isChecked() || m_modeHybrid->isChecked();
    m_publicUrl->setEnabled(needsAddress);
    m_copyPublic->setEnabled(needsAddress);
}

// ---- Calendly

void ConnectDialog::setCalendlyBusy(bool busy)
{
    const bool filled = !m_token->text().trimmed().isEmpty();
    m_calCheck->setEnabled(!busy && filled);
    m_calConnect->setEnabled(!busy && filled);
    m_calDisconnect->setEnabled(!busy &&
                                (!m_status.calendlyAccount.isEmpty() || !m_status.calendlyError.isEmpty()));
    m_signIn->setEnabled(!busy);
}

void ConnectDialog::checkCalendly()
{
    const QByteArray token = m_token->text().trimmed().toUtf8();
    if (token.isEmpty()) {
        return;
    }
    setCalendlyBusy(true);
    setResult(m_calResult, tr("Asking Calendly…"), false);
    askAccounts(
        m_host, this, &AccountConnector::calendlyChecked,
        [token](AccountConnector &a) { a.checkCalendly(token); },
        [this](const AccountConnector::CalendlyAccount &account, const QString &error) {
            setCalendlyBusy(false);
            if (!error.isEmpty()) {
                setResult(m_calResult, tr("This token does not work: %1").arg(error), true);
                return;
            }
            const QString organization =
                account.organizationName.isEmpty() ? account.organizationUri : account.organizationName;
            setResult(m_calResult,
                      organization.isEmpty() ? tr("The token works. Account: %1.").arg(account.userName)
                                             : tr("The token works. Account: %1, organization: %2.")
                                                   .arg(account.userName, organization),
                      false);
        },
        [this] {
            setCalendlyBusy(false);
            setResult(m_calResult, tr("Deskbell is not running, so nothing can be checked."), true);
        });
}

void ConnectDialog::connectCalendly()
{
    const QByteArray token = m_token->text().trimmed().toUtf8();
    if (token.isEmpty()) {
        return;
    }
    setCalendlyBusy(true);
    setResult(m_calResult, tr("Checking the token and saving it…"), false);
    askAccounts(
        m_host, this, &AccountConnector::calendlySaved,
        [token](AccountConnector &a) { a.connectCalendly(token); },
        [this](bool ok, const QString &error) {
            setCalendlyBusy(false);
            if (!ok) {
                setResult(m_calResult, tr("Not connected: %1").arg(error), true);
                return;
            }
            m_token->clear();
            setResult(m_calResult,
                      tr("Connected. The token is kept in this computer's keychain; Deskbell now "
                         "reads your bookings."),
                      false);
            m_host.post([](Engine &e) { e.reconnect(); });
            emit accountsChanged();
        },
        [this] {
            setCalendlyBusy(false);
            setResult(m_calResult, tr("Deskbell is not running, so nothing can be saved."), true);
        });
}

void ConnectDialog::disconnectCalendly()
{
    confirm(
        tr("Disconnect Calendly? Deskbell stops reading new bookings, removes its webhook from Calendly and "
           "forgets the token. Messages already planned still go."),
        tr("&Disconnect"), [this] {
            setCalendlyBusy(true);
            setResult(m_calResult, tr("Disconnecting…"), false);
            const QUrl callback = m_status.publicUrl;
            askAccounts(
                m_host, this, &AccountConnector::disconnected,
                [callback](AccountConnector &a) { a.disconnectCalendly(callback); },
                [this](const QString &service, const QString &error) {
                    Q_UNUSED(service);
                    setCalendlyBusy(false);
                    setResult(m_calResult,
                              error.isEmpty() ? tr("Calendly is disconnected.")
                                              : tr("Calendly is disconnected, with a problem: %1").arg(error),
                              !error.isEmpty());
                    m_host.post([](Engine &e) { e.reconnect(); });
                    emit accountsChanged();
                },
                [this] {
                    setCalendlyBusy(false);
                    setResult(m_calResult, tr("Deskbell is not running."), true);
                });
        });
}

void ConnectDialog::signInWithCalendly()
{
    setCalendlyBusy(true);
    setResult(m_oauthResult, tr("Opening Calendly in your browser…"), false);
    QPointer<ConnectDialog> guard(this);
    EngineHost *courier = &m_host;
    // Answers come back through the host (on this thread); the dialog may be gone by then.
    const auto deliver = [guard, courier](std::function<void(ConnectDialog *)> work) {
        QMetaObject::invokeMethod(
            courier,
            [guard, work] {
                if (guard) {
                    work(guard.data());
                }
            },
            Qt::QueuedConnection);
    };
    m_host.post([deliver](Engine &e) {
        CalendlyOAuth *oauth = e.oauth();
        if (!oauth) {
            deliver([](ConnectDialog *d) {
                d->setCalendlyBusy(false);
                d->setResult(d->m_oauthResult,
                             tr("Sign-in is not set up in this copy of Deskbell; use a token."), true);
            });
            return;
        }
        QObject::connect(
            oauth, &CalendlyOAuth::authorizationUrlReady, oauth,
            [deliver](const QUrl &url) {
                deliver([url](ConnectDialog *d) {
                    const bool opened = QDesktopServices::openUrl(url);
                    const QString link = u"<a href=\"%1\">%2</a>"_s.arg(
                        url.toString(QUrl::FullyEncoded).toHtmlEscaped(), tr("open the sign-in page"));
                    d->setResult(
                        d->m_oauthResult,
                        opened ? tr("Finish signing in in your browser. If it did not open, %1.").arg(link)
                               : tr("Your browser could not be opened: %1 yourself.").arg(link),
                        false);
                });
            },
            Qt::SingleShotConnection);
        auto connections = std::make_shared<QList<QMetaObject::Connection>>();
        connections->append(QObject::connect(oauth, &CalendlyOAuth::signedIn, oauth,
                                             [deliver, connections](const CalendlyOAuth::Tokens &) {
                                                 for (const auto &c : *connections) {
                                                     QObject::disconnect(c);
                                                 }
                                                 // The engine keeps the tokens and reconnects.
                                                 deliver([](ConnectDialog *d) {
                                                     d->setCalendlyBusy(false);
                                                     d->setResult(d->m_oauthResult,
                                                                  tr("Signed in. Deskbell is connecting to "
                                                                     "Calendly…"),
                                                                  false);
                                                     emit d->accountsChanged();
                                                 });
                                             }));
        connections->append(QObject::connect(
            oauth, &CalendlyOAuth::failed, oauth, [deliver, connections](const QString &error, bool) {
                for (const auto &c : *connections) {
                    QObject::disconnect(c);
                }
                deliver([error](ConnectDialog *d) {
                    d->setCalendlyBusy(false);
                    d->setResult(d->m_oauthResult, tr("Not signed in: %1").arg(error), true);
                });
            }));
        oauth->signIn();
    });
}

// ---- EngageLab

void ConnectDialog::setEngageLabBusy(bool busy)
{
    const bool filled = !m_devKey->text().trimmed().isEmpty() && !m_devSecret->text().trimmed().isEmpty();
    m_elCheck->setEnabled(!busy && filled);
    m_elConnect->setEnabled(!busy && filled);
    m_elDisconnect->setEnabled(!busy);
}

void ConnectDialog::checkEngageLab()
{
    const QByteArray key = m_devKey->text().trimmed().toUtf8();
    const QByteArray secret = m_devSecret->text().trimmed().toUtf8();
    setEngageLabBusy(true);
    setResult(m_elResult, tr("Asking EngageLab…"), false);
    askAccounts(
        m_host, this, &AccountConnector::engageLabChecked,
        [key, secret](AccountConnector &a) { a.checkEngageLab(key, secret); },
        [this](const QList<SmsTemplate> &templates, const QString &error) {
            setEngageLabBusy(false);
            if (!error.isEmpty()) {
                setResult(m_elResult, tr("These credentials do not work: %1").arg(error), true);
                return;
            }
            const auto approved = std::count_if(templates.cbegin(), templates.cend(),
                                                [](const SmsTemplate &t) { return t.isApproved(); });
            setResult(m_elResult,
                      tr("The credentials work. Templates in the account: %1, of which approved: %2.")
                          .arg(templates.size())
                          .arg(approved),
                      false);
        },
        [this] {
            setEngageLabBusy(false);
            setResult(m_elResult, tr("Deskbell is not running, so nothing can be checked."), true);
        });
}

void ConnectDialog::connectEngageLab()
{
    const QByteArray key = m_devKey->text().trimmed().toUtf8();
    const QByteArray secret = m_devSecret->text().trimmed().toUtf8();
    const bool sendReal = m_sendReal->isChecked();
    setEngageLabBusy(true);
    setResult(m_elResult, tr("Checking the credentials and saving them…"), false);
    askAccounts(
        m_host, this, &AccountConnector::engageLabSaved,
        [key, secret](AccountConnector &a) { a.connectEngageLab(key, secret); },
        [this, sendReal](bool ok, const QString &error) {
            if (!ok) {
                setEngageLabBusy(false);
                setResult(m_elResult, tr("Not connected: %1").arg(error), true);
                return;
            }
            m_devKey->clear();
            m_devSecret->clear();
            m_host.call<QString>(
                this,
                [sendReal](Engine &e) {
                    QString problem;
                    Settings::Values values = e.settings().values;
                    const QString provider = sendReal ? u"engagelab"_s : values.sms.provider;
                    if (provider != values.sms.provider) {
                        values.sms.provider = provider;
                        RulesChange::Effect effect;
                        e.applySettings(values, {OperatorActions::osUserName(), tr("EngageLab connected")},
                                        &effect, &problem); // reconnects: the provider changed
                    } else {
                        e.reconnect();
                    }
                    e.refreshTemplates();
                    return problem;
                },
                [this, sendReal](QString problem) {
                    setEngageLabBusy(false);
                    if (!problem.isEmpty()) {
                        setResult(
                            m_elResult,
                            tr("The credentials are saved, but sending could not be switched to EngageLab: "
                               "%1")
                                .arg(problem),
                            true);
                    } else {
                        setResult(m_elResult,
                                  sendReal
                                      ? tr("Connected. The credentials are kept in this computer's keychain; "
                                           "Deskbell now sends real texts.")
                                      : tr("Connected. The credentials are kept in this computer's keychain; "
                                           "sending stays in Sandbox."),
                                  false);
                    }
                    emit accountsChanged();
                });
        },
        [this] {
            setEngageLabBusy(false);
            setResult(m_elResult, tr("Deskbell is not running, so nothing can be saved."), true);
        });
}

void ConnectDialog::disconnectEngageLab()
{
    confirm(
        tr("Disconnect EngageLab? Deskbell forgets the dev key and secret and cannot send texts until you "
           "connect again."),
        tr("Disconnect Engage&Lab"), [this] {
            setEngageLabBusy(true);
            setResult(m_elResult, tr("Disconnecting…"), false);
            askAccounts(
                m_host, this, &AccountConnector::disconnected,
                [](AccountConnector &a) { a.disconnectEngageLab(); },
                [this](const QString &, const QString &error) {
                    setEngageLabBusy(false);
                    setResult(m_elResult,
                              error.isEmpty()
                                  ? tr("EngageLab is disconnected.")
                                  : tr("EngageLab is disconnected, with a problem: %1").arg(error),
                              !error.isEmpty());
                    m_host.post([](Engine &e) { e.reconnect(); });
                    emit accountsChanged();
                },
                [this] {
                    setEngageLabBusy(false);
                    setResult(m_elResult, tr("Deskbell is not running."), true);
                });
        });
}

// ---- mode

void ConnectDialog::saveMode()
{
    const QString mode = m_modeWebhook->isChecked()  ? u"webhook"_s
                         : m_modeHybrid->isChecked() ? u"hybrid"_s
                                                     : u"poll"_s;
    const QString typed = m_publicUrl->text().trimmed();
    const QUrl url = QUrl::fromUserInput(typed);
    if (mode != u"poll"_s) {
        if (typed.isEmpty()) {
            setResult(m_modeResult,
                      tr("A webhook needs the public address your tunnel or proxy gives. Enter it, or choose "
                         "Poll."),
                      true);
            m_publicUrl->setFocus();
            return;
        }
        if (!url.isValid() || url.scheme() != u"https"_s) {
            setResult(m_modeResult,
                      tr("The public address must start with https:// (Calendly sends only there)."), true);
            m_publicUrl->setFocus();
            return;
        }
    }
    m_modeSave->setEnabled(false);
    setResult(m_modeResult, tr("Saving…"), false);
    const QUrl publicUrl = typed.isEmpty() ? QUrl() : url;
    m_host.call<QString>(
        this,
        [mode, publicUrl](Engine &e) {
            Settings::Values values = e.settings().values;
            values.calendly.mode = mode;
            values.calendly.publicUrl = publicUrl;
            RulesChange::Effect effect;
            QString error;
            // applySettings reconnects when the mode or the address changed.
            if (!e.applySettings(values, {OperatorActions::osUserName(), tr("connection mode changed")},
                                 &effect, &error) &&
                error.isEmpty()) {
                error = tr("The settings could not be saved.");
            }
            return error;
        },
        [this](QString error) {
            m_modeSave->setEnabled(true);
            setResult(m_modeResult, error.isEmpty() ? tr("Saved.") : tr("Not saved: %1").arg(error),
                      !error.isEmpty());
        });
}

// ---- Sandbox

void ConnectDialog::simulateBooking()
{
    m_simulate->setEnabled(false);
    setResult(m_simulateResult, tr("Sending a made-up booking…"), false);
    m_host.post([](Engine &e) { e.simulateBooking(); });
}

} // namespace deskbell
