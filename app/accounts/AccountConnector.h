#pragma once

#include "sms/EngageLabTemplates.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;

namespace deskbell {

class CalendlyClient;
class SecretStore;
struct CalendlyError;

// Connecting and disconnecting the outside accounts, as the welcome flow and the settings page do
// it: check credentials live, keep them in the OS keychain, take them out again. Lives on the
// engine's thread (it uses the network and the keychain, which widgets never touch). Every
// operation answers with exactly one signal, later (never from inside the call). Credentials go only
// into request headers and the keychain: never into a signal, a log line or a file.
class AccountConnector : public QObject
{
    Q_OBJECT

public:
    struct Endpoints
    {
        QUrl calendlyApi{QStringLiteral("https://api.calendly.com")};
        QUrl engageLabApi{QStringLiteral("https://smsapi.engagelab.com")};
        int timeoutMs = 15000;
    };

    struct CalendlyAccount
    {
        QString userName;
        QString userUri;
        QString organizationName; // from GET /organizations/{uuid}; empty when the token may not read it
        QString organizationUri;
        QString timezone;
    };

    AccountConnector(QNetworkAccessManager &network, SecretStore &secrets, Endpoints endpoints,
                     QObject *parent = nullptr);
    ~AccountConnector() override;

    // GET /users/me (and the organization's name) with this token. ok: calendlyChecked(account, {});
    // else calendlyChecked({}, plain words: wrong/expired token, missing scope, network).
    void checkCalendly(const QByteArray &token);
    // Checks, then writes calendly_token to the keychain; calendlySaved(ok, error). A keychain that is
    // unavailable or locked is reported as such and nothing is stored anywhere else. A pasted token
    // replaces a "Sign in with Calendly", so a calendly_refresh_token left from one is removed.
    void connectCalendly(const QByteArray &token);
    // Deletes Deskbell's webhook subscription (by the stored token, when one is given and it still
    // works; a failure here is reported but does not stop the rest), then removes calendly_token,
    // calendly_refresh_token and calendly_signing_key from the keychain. disconnected("calendly", error).
    void disconnectCalendly(const QUrl &webhookCallbackUrl);

    // Lists templates with this dev key and secret. engageLabChecked(templates, {}) or ({}, error).
    void checkEngageLab(const QByteArray &devKey, const QByteArray &devSecret);
    // Checks, then writes engagelab_dev_key and engagelab_dev_secret; engageLabSaved(ok, error).
    // Both or neither: a secret that cannot be written takes the key back out.
    void connectEngageLab(const QByteArray &devKey, const QByteArray &devSecret);
    // Removes both from the keychain. disconnected("engagelab", error).
    void disconnectEngageLab();

signals:
    void calendlyChecked(const deskbell::AccountConnector::CalendlyAccount &account, const QString &error);
    void calendlySaved(bool ok, const QString &error);
    void engageLabChecked(const QList<deskbell::SmsTemplate> &templates, const QString &error);
    void engageLabSaved(bool ok, const QString &error);
    void disconnected(const QString &service, const QString &error);

private:
    using CalendlyDone = std::function<void(const CalendlyAccount &account, const QString &error)>;
    using EngageLabDone = std::function<void(const QList<SmsTemplate> &templates, const QString &error)>;
    // failed: the plain names of the secrets that could not be removed; unavailable: the keychain
    // was locked or missing for at least one of them.
    using RemovedDone = std::function<void(const QStringList &failed, bool unavailable)>;

    void runCalendlyCheck(const QByteArray &token, CalendlyDone done);
    void runEngageLabCheck(const QByteArray &devKey, const QByteArray &devSecret, EngageLabDone done);
    void removeSecrets(QStringList names, QStringList failed, bool unavailable, RemovedDone done);
    void later(std::function<void()> what);
    // A client for this token at the configured API address, a child of this object (so it goes,
    // callbacks and all, when this object does).
    CalendlyClient *calendlyClient(const QByteArray &token);
    QString calendlyWords(const CalendlyError &error) const;

    QNetworkAccessManager &m_network;
    SecretStore &m_secrets;
    Endpoints m_endpoints;
};

} // namespace deskbell

Q_DECLARE_METATYPE(deskbell::AccountConnector::CalendlyAccount)
