#pragma once

#include "calendly/CalendlyClient.h"

#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace deskbell {

// Keeps exactly one Calendly webhook subscription pointing at Deskbell's public URL. Calendly
// disables a hook after 24 hours of failed deliveries and never re-enables it, and the URL of a
// hook cannot change: so "ensure" reuses, recreates or creates, and "remove" deletes.
class SubscriptionManager : public QObject
{
    Q_OBJECT

public:
    struct Account
    {
        QString user;         // user URI (users/me)
        QString organization; // organization URI (users/me current_organization)
        CalendlyClient::Scope scope = CalendlyClient::Scope::User;
    };

    struct Ensured
    {
        QString uri;
        // Set only when a subscription was created: the caller keeps it in the keychain, because
        // Calendly never shows it again. Empty when an existing subscription was reused.
        QString signingKey;
        bool created = false;
        bool replacedDisabled = false;
    };

    static const QStringList EVENTS; // invitee.created, invitee.canceled

    explicit SubscriptionManager(CalendlyClient &client, QObject *parent = nullptr);

    // haveSigningKey: whether the caller still holds the key of an existing subscription; without
    // it an active subscription is useless (signatures cannot be checked) and is recreated.
    void ensure(const Account &account, const QUrl &callbackUrl, bool haveSigningKey,
                CalendlyClient::Callback<Ensured> done);
    // Deletes every subscription of this account that points at callbackUrl (Deskbell's own only).
    void remove(const Account &account, const QUrl &callbackUrl, CalendlyClient::DoneCallback done);

    // 32 random bytes, base64url without padding.
    static QString newSigningKey();

private:
    void create(const Account &account, const QUrl &callbackUrl, bool replacedDisabled,
                CalendlyClient::Callback<Ensured> done);
    void deleteAll(QStringList uris, CalendlyClient::DoneCallback done);

    CalendlyClient &m_client;
};

} // namespace deskbell
