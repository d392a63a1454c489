#include "calendly/SubscriptionManager.h"

#include <QLoggingCategory>
#include <QRandomGenerator>

namespace deskbell {

using namespace Qt::StringLiterals;

namespace {

Q_LOGGING_CATEGORY(lcSubscriptions, "deskbell.calendly")

bool sameUrl(const QString &a, const QUrl &b)
{
    return QUrl(a).adjusted(QUrl::StripTrailingSlash) == b.adjusted(QUrl::StripTrailingSlash);
}

} // namespace

const QStringList SubscriptionManager::EVENTS{u"invitee.created"_s, u"invitee.canceled"_s};

SubscriptionManager::SubscriptionManager(CalendlyClient &client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{}

QString SubscriptionManager::newSigningKey()
{
    QByteArray bytes(32, Qt::Uninitialized);
    QRandomGenerator::system()->generate(bytes.begin(), bytes.end());
    return QString::fromLatin1(
        bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

void SubscriptionManager::ensure(const Account &account, const QUrl &callbackUrl, bool haveSigningKey,
                                 CalendlyClient::Callback<Ensured> done)
{
    m_client.listWebhookSubscriptions(
        account.organization, account.user, account.scope,
        [this, account, callbackUrl, haveSigningKey,
         done](const QList<CalendlyClient::WebhookSubscription> &subscriptions, const CalendlyError &error) {
            if (!error.ok()) {
                done({}, error);
                return;
            }
            QStringList stale;
            for (const auto &s : subscriptions) {
                if (!sameUrl(s.callbackUrl, callbackUrl)) {
                    continue;
                }
                const bool coversEvents = std::all_of(
                    EVENTS.begin(), EVENTS.end(), [&s](const QString &e) { return s.events.contains(e); });
                if (s.isActive() && coversEvents && haveSigningKey) {
                    qCInfo(lcSubscriptions).noquote() << u"webhook subscription %1 is active"_s.arg(s.uri);
                    Ensured reused;
                    reused.uri = s.uri;
                    done(reused, {});
                    return;
                }
                stale.append(s.uri);
            }
            const bool replacing = !stale.isEmpty();
            if (replacing) {
                qCInfo(lcSubscriptions).noquote()
                    << u"replacing %1 unusable webhook subscription(s) (disabled, missing events or key)"_s
                           .arg(stale.size());
            }
            deleteAll(stale, [this, account, callbackUrl, replacing, done](const CalendlyError &deleteError) {
                if (!deleteError.ok()) {
                    done({}, deleteError);
                    return;
                }
                create(account, callbackUrl, replacing, done);
            });
        });
}

void SubscriptionManager::create(const Account &account, const QUrl &callbackUrl, bool replacedDisabled,
                                 CalendlyClient::Callback<Ensured> done)
{
    const QString key = newSigningKey();
    m_client.createWebhookSubscription(
        callbackUrl, EVENTS, account.organization, account.user, account.scope, key,
        [key, replacedDisabled, done](const CalendlyClient::WebhookSubscription &created,
                                      const CalendlyError &error) {
            if (!error.ok()) {
                done({}, error);
                return;
            }
            qCInfo(lcSubscriptions).noquote() << u"webhook subscription %1 created"_s.arg(created.uri);
            Ensured result;
            result.uri = created.uri;
            result.signingKey = key;
            result.created = true;
            result.replacedDisabled = replacedDisabled;
            done(result, {});
        });
}

void SubscriptionManager::remove(const Account &account, const QUrl &callbackUrl,
                                 CalendlyClient::DoneCallback done)
{
    m_client.listWebhookSubscriptions(
        account.organization, account.user, account.scope,
        [this, callbackUrl, done](const QList<CalendlyClient::WebhookSubscription> &subscriptions,
                                  const CalendlyError &error) {
            if (!error.ok()) {
                done(error);
                return;
            }
            QStringList ours;
            for (const auto &s : subscriptions) {
                if (sameUrl(s.callbackUrl, callbackUrl)) {
                    ours.append(s.uri);
                }
            }
            deleteAll(ours, done);
        });
}

void SubscriptionManager::deleteAll(QStringList uris, CalendlyClient::DoneCallback done)
{
    if (uris.isEmpty()) {
        done({});
        return;
    }
    const QString uri = uris.takeFirst();
    m_client.deleteWebhookSubscription(uri, [this, uris, done](const CalendlyError &error) {
        // Already gone is what we wanted.
        if (!error.ok() && error.kind != CalendlyError::Kind::NotFound) {
            done(error);
            return;
        }
        deleteAll(uris, done);
    });
}

} // namespace deskbell
