#include "accounts/AccountConnector.h"

#include "calendly/CalendlyClient.h"
#include "calendly/SubscriptionManager.h"
#include "secrets/SecretStore.h"
#include "sms/EngageLabProvider.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QTimer>

namespace deskbell {

using namespace Qt::StringLiterals;

namespace {

Q_LOGGING_CATEGORY(lcAccounts, "deskbell.accounts")

// What the operator reads about each secret; the keychain names stay in the log.
QString plainName(const QString &name)
{
    if (name == secret::CALENDLY_TOKEN) {
        return QCoreApplication::translate("deskbell::AccountConnector", "the Calendly token");
    }
    if (name == secret::CALENDLY_REFRESH_TOKEN) {
        return QCoreApplication::translate("deskbell::AccountConnector", "the Calendly sign-in");
    }
    if (name == secret::CALENDLY_SIGNING_KEY) {
        return QCoreApplication::translate("deskbell::AccountConnector", "the webhook signing key");
    }
    if (name == secret::ENGAGELAB_DEV_KEY) {
        return QCoreApplication::translate("deskbell::AccountConnector", "the EngageLab key");
    }
    if (name == secret::ENGAGELAB_DEV_SECRET) {
        return QCoreApplication::translate("deskbell::AccountConnector", "the EngageLab secret");
    }
    return name;
}

} // namespace

AccountConnector::AccountConnector(QNetworkAccessManager &network, SecretStore &secrets, Endpoints endpoints,
                                   QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_secrets(secrets)
    , m_endpoints(std::move(endpoints))
{
    qRegisterMetaType<deskbell::AccountConnector::CalendlyAccount>();
    qRegisterMetaType<QList<deskbell::SmsTemplate>>();
}

// The clients of the checks in flight are children and go first, silently; keychain callbacks
// still to come find the QPointer they hold cleared.
AccountConnector::~AccountConnector() = default;

CalendlyClient *AccountConnector::calendlyClient(const QByteArray &token)
{
    CalendlyClient::Config config;
    config.apiBase = m_endpoints.calendlyApi;
    config.token = QString::fromUtf8(token);
    config.timeoutMs = m_endpoints.timeoutMs;
    return new CalendlyClient(m_network, config, this);
}

void AccountConnector::later(std::function<void()> what)
{
    QTimer::singleShot(0, this, std::move(what));
}

// ---- Calendly

void AccountConnector::checkCalendly(const QByteArray &token)
{
    const QPointer<AccountConnector> self(this);
    runCalendlyCheck(token, [self](const CalendlyAccount &account, const QString &error) {
        if (self) {
            emit self->calendlyChecked(account, error);
        }
    });
}

void AccountConnector::connectCalendly(const QByteArray &token)
{
    const QPointer<AccountConnector> self(this);
    const QByteArray trimmed = token.trimmed();
    runCalendlyCheck(trimmed, [self, this, trimmed](const CalendlyAccount &, const QString &error) {
        if (!self) {
            return;
        }
        if (!error.isEmpty()) {
            emit calendlySaved(false, error);
            return;
        }
        m_secrets.write(secret::CALENDLY_TOKEN, trimmed, [self, this](const SecretStore::Result &written) {
            if (!self) {
                return;
            }
            if (written.status == SecretStore::Result::Status::Unavailable) {
                qCWarning(lcAccounts).noquote() << "Calendly token not saved: the keychain is unavailable";
                emit calendlySaved(false,
                                   tr("The system keychain is locked or not available, so the token was "
                                      "not saved. Unlock it (or sign in to the desktop session) and try "
                                      "again."));
                return;
            }
            if (!written.ok()) {
                qCWarning(lcAccounts).noquote() << "Calendly token not saved:" << written.error;
                emit calendlySaved(false, tr("The system keychain could not save the token (%1). Nothing was "
                                             "saved; try again.")
                                              .arg(written.error));
                return;
            }
            qCInfo(lcAccounts) << "Calendly token saved to the keychain";
            // A sign-in's refresh token would later swap the pasted token for the old account's.
            m_secrets.remove(
                secret::CALENDLY_REFRESH_TOKEN, [self, this](const SecretStore::Result &removed) {
                    if (!self) {
                        return;
                    }
                    if (!removed.ok() && removed.status != SecretStore::Result::Status::NotFound) {
                        qCWarning(lcAccounts).noquote()
                            << "an old calendly_refresh_token could not be removed:" << removed.error;
                    }
                    emit calendlySaved(true, {});
                });
        });
    });
}

void AccountConnector::runCalendlyCheck(const QByteArray &token, CalendlyDone done)
{
    const QByteArray trimmed = token.trimmed();
    if (trimmed.isEmpty()) {
        later([this, done] { done({}, tr("Paste the Calendly token first.")); });
        return;
    }
    auto *client = calendlyClient(trimmed);
    const QPointer<AccountConnector> self(this);
    // The client is a child: if this object goes, the client goes and no callback comes.
    client->fetchMe([self, this, client, done](const CalendlyClient::Me &me, const CalendlyError &error) {
        if (!self) {
            return;
        }
        if (!error.ok()) {
            qCInfo(lcAccounts).noquote() << u"Calendly token refused: %1 (HTTP %2)"_s.arg(
                keyOf(error.kind), QString::number(error.httpStatus));
            client->deleteLater();
            done({}, calendlyWords(error));
            return;
        }
        CalendlyAccount account;
        account.userName = me.name;
        account.userUri = me.uri;
        account.organizationUri = me.organization;
        account.timezone = me.timezone;
        if (me.organization.isEmpty()) {
            client->deleteLater();
            done(account, {});
            return;
        }
        client->fetchOrganization(
            me.organization, [self, client, account, done](const CalendlyClient::Organization &organization,
                                                           const CalendlyError &orgError) mutable {
                client->deleteLater();
                if (!self) {
                    return;
                }
                // The name is a courtesy: a token without organizations:read still connects.
                if (orgError.ok()) {
                    account.organizationName = organization.name;
                } else {
                    qCInfo(lcAccounts).noquote()
                        << u"organization name not available: %1"_s.arg(keyOf(orgError.kind));
                }
                qCInfo(lcAccounts) << "Calendly token accepted";
                done(account, {});
            });
    });
}

QString AccountConnector::calendlyWords(const CalendlyError &error) const
{
    switch (error.kind) {
    case CalendlyError::Kind::None:
        return {};
    case CalendlyError::Kind::Auth:
        return tr("Calendly did not accept this token. Copy it again from Calendly → Integrations → API & "
                  "Webhooks.");
    case CalendlyError::Kind::Forbidden:
        // The client already names the missing permission or the plan, in plain words.
        return error.plainMessage;
    case CalendlyError::Kind::RateLimited:
        return tr("Calendly asks Deskbell to wait a moment. Try again in %1 seconds.")
            .arg(error.retryAfterSecs);
    case CalendlyError::Kind::Transient:
        if (error.httpStatus == 0 && error.timedOut) {
            return tr("Calendly did not answer within %1 seconds. Check the internet connection and try "
                      "again.")
                .arg(qMax(1, m_endpoints.timeoutMs / 1000));
        }
        if (error.httpStatus == 0) {
            return tr("Deskbell could not reach Calendly. Check the internet connection (and any proxy or "
                      "firewall) and try again.");
        }
        return tr("Calendly has a problem on its side right now (error %1). Try again in a few minutes.")
            .arg(error.httpStatus);
    case CalendlyError::Kind::NotFound:
    case CalendlyError::Kind::Conflict:
    case CalendlyError::Kind::Invalid:
        break;
    }
    return error.httpStatus > 0
               ? tr("Calendly gave an answer Deskbell did not expect (error %1). Check the Calendly address "
                    "in "
                    "the settings and try again.")
                     .arg(error.httpStatus)
               : tr("Calendly gave an answer Deskbell could not read. Check the Calendly address in the "
                    "settings and try again.");
}

void AccountConnector::disconnectCalendly(const QUrl &webhookCallbackUrl)
{
    const QPointer<AccountConnector> self(this);
    // Removes the three secrets and says how it all went, in one signal.
    auto finish = [self, this](const QString &subscriptionProblem) {
        removeSecrets({secret::CALENDLY_TOKEN, secret::CALENDLY_REFRESH_TOKEN, secret::CALENDLY_SIGNING_KEY},
                      {}, false,
                      [self, this, subscriptionProblem](const QStringList &failed, bool unavailable) {
                          if (!self) {
                              return;
                          }
                          QStringList problems;
                          if (unavailable) {
                              problems.append(tr("The system keychain is locked or not available, so the "
                                                 "Calendly details were not removed from this computer. "
                                                 "Unlock it (or sign in to the desktop session) and try "
                                                 "again."));
                          } else if (!failed.isEmpty()) {
                              problems.append(tr("The system keychain could not remove %1. Try again.")
                                                  .arg(failed.join(tr(" and "))));
                          }
                          if (!subscriptionProblem.isEmpty()) {
                              problems.append(subscriptionProblem);
                          }
                          qCInfo(lcAccounts).noquote()
                              << (problems.isEmpty() ? u"Calendly disconnected"_s
                                                     : u"Calendly disconnected with problems"_s);
                          emit disconnected(u"calendly"_s, problems.join(u' '));
                      });
    };

    m_secrets.read(
        secret::CALENDLY_TOKEN, [self, this, finish, webhookCallbackUrl](const SecretStore::Result &stored) {
            if (!self) {
                return;
            }
            const QByteArray token = stored.ok() ? stored.value.trimmed() : QByteArray();
            if (token.isEmpty() || !webhookCallbackUrl.isValid() || webhookCallbackUrl.isEmpty()) {
                finish({});
                return;
            }
            auto *client = calendlyClient(token);
            const auto subscriptionWords = [this](const CalendlyError &error) -> QString {
                // A token Calendly no longer takes cannot delete anything; the subscription it made stops
                // by itself once nobody answers it (Calendly disables it after a day).
                if (error.ok() || error.kind == CalendlyError::Kind::Auth) {
                    return {};
                }
                return tr("Deskbell's webhook subscription at Calendly could not be deleted: %1")
                    .arg(calendlyWords(error));
            };
            client->fetchMe([self, client, finish, webhookCallbackUrl,
                             subscriptionWords](const CalendlyClient::Me &me, const CalendlyError &error) {
                if (!self) {
                    return;
                }
                if (!error.ok()) {
                    client->deleteLater();
                    finish(subscriptionWords(error));
                    return;
                }
                auto *manager = new SubscriptionManager(*client, client);
                manager->remove({me.uri, me.organization, CalendlyClient::Scope::User}, webhookCallbackUrl,
                                [self, client, finish, subscriptionWords](const CalendlyError &removeError) {
                                    client->deleteLater();
                                    if (!self) {
                                        return;
                                    }
                                    if (removeError.ok()) {
                                        qCInfo(lcAccounts)
                                            << "Deskbell's webhook subscription deleted at Calendly";
                                    }
                                    finish(subscriptionWords(removeError));
                                });
            });
        });
}

void AccountConnector::removeSecrets(QStringList names, QStringList failed, bool unavailable,
                                     RemovedDone done)
{
    if (names.isEmpty()) {
        done(failed, unavailable);
        return;
    }
    const QString name = names.takeFirst();
    const QPointer<AccountConnector> self(this);
    m_secrets.remove(name, [self, this, name, names, failed, unavailable,
                            done](const SecretStore::Result &removed) mutable {
        if (!self) {
            return;
        }
        if (removed.status == SecretStore::Result::Status::Unavailable) {
            unavailable = true;
            failed.append(plainName(name));
        } else if (!removed.ok() && removed.status != SecretStore::Result::Status::NotFound) {
            qCWarning(lcAccounts).noquote() << u"%1 not removed: %2"_s.arg(name, removed.error);
            failed.append(plainName(name));
        }
        removeSecrets(names, failed, unavailable, done);
    });
}

// ---- EngageLab

void AccountConnector::checkEngageLab(const QByteArray &devKey, const QByteArray &devSecret)
{
    const QPointer<AccountConnector> self(this);
    runEngageLabCheck(devKey, devSecret, [self](const QList<SmsTemplate> &templates, const QString &error) {
        if (self) {
            emit self->engageLabChecked(templates, error);
        }
    });
}

void AccountConnector::runEngageLabCheck(const QByteArray &devKey, const QByteArray &devSecret,
                                         EngageLabDone done)
{
    const QByteArray key = devKey.trimmed();
    const QByteArray secretValue = devSecret.trimmed();
    if (key.isEmpty() || secretValue.isEmpty()) {
        later([this, done] { done({}, tr("Enter both the EngageLab key and the secret first.")); });
        return;
    }
    EngageLabProvider::Config config;
    config.apiBase = m_endpoints.engageLabApi;
    config.devKey = QString::fromUtf8(key);
    config.devSecret = QString::fromUtf8(secretValue);
    config.timeoutMs = m_endpoints.timeoutMs;
    auto *client = new EngageLabTemplateClient(&m_network, config, this);
    connect(client, &EngageLabTemplateClient::fetched, this,
            [client, done](const QList<SmsTemplate> &templates) {
                client->deleteLater();
                qCInfo(lcAccounts) << "EngageLab key accepted;" << templates.size() << "templates";
                done(templates, {});
            });
    connect(
        client, &EngageLabTemplateClient::failed, this,
        [this, client, done](const QString &reason, bool authProblem) {
            client->deleteLater();
            if (authProblem) {
                done({},
                     tr("EngageLab did not accept this key and secret. Copy both again from the EngageLab "
                        "SMS console (API Key page)."));
                return;
            }
            // The reason is already scrubbed of the key and secret by the template client.
            done({}, tr("Deskbell could not check the EngageLab account (%1). Check the internet connection "
                        "and try again.")
                         .arg(reason));
        });
    client->fetch();
}

void AccountConnector::connectEngageLab(const QByteArray &devKey, const QByteArray &devSecret)
{
    const QPointer<AccountConnector> self(this);
    const QByteArray key = devKey.trimmed();
    const QByteArray secretValue = devSecret.trimmed();
    const QString lockedWords =
        tr("The system keychain is locked or not available, so the EngageLab key and "
           "secret were not saved. Unlock it (or sign in to the desktop session) and try "
           "again.");
    const auto failWith = [this, lockedWords](const SecretStore::Result &result) {
        if (result.status == SecretStore::Result::Status::Unavailable) {
            emit engageLabSaved(false, lockedWords);
        } else {
            emit engageLabSaved(false,
                                tr("The system keychain could not save the EngageLab key and secret (%1). "
                                   "Nothing was saved; try again.")
                                    .arg(result.error));
        }
    };
    runEngageLabCheck(
        key, secretValue,
        [self, this, key, secretValue, failWith](const QList<SmsTemplate> &, const QString &error) {
            if (!self) {
                return;
            }
            if (!error.isEmpty()) {
                emit engageLabSaved(false, error);
                return;
            }
            m_secrets.write(
                secret::ENGAGELAB_DEV_KEY, key,
                [self, this, secretValue, failWith](const SecretStore::Result &keyWritten) {
                    if (!self) {
                        return;
                    }
                    if (!keyWritten.ok()) {
                        qCWarning(lcAccounts).noquote() << "EngageLab key not saved:" << keyWritten.error;
                        failWith(keyWritten);
                        return;
                    }
                    m_secrets.write(
                        secret::ENGAGELAB_DEV_SECRET, secretValue,
                        [self, this, failWith](const SecretStore::Result &secretWritten) {
                            if (!self) {
                                return;
                            }
                            if (secretWritten.ok()) {
                                qCInfo(lcAccounts) << "EngageLab key and secret saved to the keychain";
                                emit engageLabSaved(true, {});
                                return;
                            }
                            qCWarning(lcAccounts).noquote()
                                << "EngageLab secret not saved:" << secretWritten.error;
                            // A key without its secret is of no use: take it back out.
                            m_secrets.remove(secret::ENGAGELAB_DEV_KEY,
                                             [self, failWith, secretWritten](const SecretStore::Result &) {
                                                 if (self) {
                                                     failWith(secretWritten);
                                                 }
                                             });
                        });
                });
        });
}

void AccountConnector::disconnectEngageLab()
{
    const QPointer<AccountConnector> self(this);
    removeSecrets(
        {secret::ENGAGELAB_DEV_KEY, secret::ENGAGELAB_DEV_SECRET}, {}, false,
        [self, this](const QStringList &failed, bool unavailable) {
            if (!self) {
                return;
            }
            QString error;
            if (unavailable) {
                error = tr("The system keychain is locked or not available, so the EngageLab key and "
                           "secret were not removed from this computer. Unlock it (or sign in to the "
                           "desktop session) and try again.");
            } else if (!failed.isEmpty()) {
                error =
                    tr("The system keychain could not remove %1. Try again.").arg(failed.join(tr(" and ")));
            }
            qCInfo(lcAccounts).noquote()
                << (error.isEmpty() ? u"EngageLab disconnected"_s : u"EngageLab disconnect incomplete"_s);
            emit disconnected(u"engagelab"_s, error);
        });
}

} // namespace deskbell
