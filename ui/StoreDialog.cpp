#include "StoreDialog.h"

#include "EngineHost.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QThread>
#include <QVBoxLayout>

#include <algorithm>

namespace deskbell {

using namespace Qt::StringLiterals;

namespace {

// Carries the copy's report from its thread back to the dialog (a queued connection: cut safely if
// the dialog is gone by then).
class CopyCourier : public QObject
{
    Q_OBJECT

signals:
    void arrived(const deskbell::StoreMigrator::Report &report, const QString &saveError);
};

} // namespace

StoreDialog::StoreDialog(EngineHost &host, const Database::Location &current, const QString &settingsPath,
                         QWidget *parent)
    : QDialog(parent)
    , m_host(host)
    , m_current(current)
    , m_settingsPath(settingsPath)
    , m_probe(new StoreProbe(this))
{
    qRegisterMetaType<StoreProbe::Result>();
    qRegisterMetaType<StoreMigrator::Report>();
    setWindowTitle(tr("Shared store"));
    setObjectName(u"storeDialog"_s);

    auto *intro = new QLabel(
        tr("Several desks can work on one PostgreSQL database: each sees the others' changes within "
           "seconds. The password is kept in the system keychain, never in the settings file."),
        this);
    intro->setWordWrap(true);

    m_hostEdit = new QLineEdit(this);
    m_hostEdit->setObjectName(u"storeHost"_s);
    m_hostEdit->setPlaceholderText(tr("localhost"));
    m_port = new QSpinBox(this);
    m_port->setObjectName(u"storePort"_s);
    m_port->setRange(1, 65535);
    m_port->setValue(5432);
    m_database = new QLineEdit(this);
    m_database->setObjectName(u"storeDatabase"_s);
    m_user = new QLineEdit(this);
    m_user->setObjectName(u"storeUser"_s);
    m_password = new QLineEdit(this);
    m_password->setObjectName(u"storePassword"_s);
    m_password->setEchoMode(QLineEdit::Password);
    m_schema = new QLineEdit(this);
    m_schema->setObjectName(u"storeSchema"_s);
    m_schema->setPlaceholderText(tr("public"));
    m_sslMode = new QComboBox(this);
    m_sslMode->setObjectName(u"storeSslMode"_s);
    m_sslMode->addItem(tr("Default (prefer)"), QString());
    for (const char *mode : {"disable", "allow", "prefer", "require", "verify-ca", "verify-full"}) {
        m_sslMode->addItem(QString::fromLatin1(mode), QString::fromLatin1(mode));
    }

    if (current.driver == Database::Location::Driver::Postgres) {
        m_hostEdit->setText(current.host);
        m_port->setValue(current.port);
        m_database->setText(current.database);
        m_user->setText(current.user);
        m_schema->setText(current.schema);
        m_sslMode->setCurrentIndex(std::max(0, m_sslMode->findData(current.sslMode)));
        m_password->setPlaceholderText(tr("unchanged"));
    }

    auto *form = new QFormLayout;
    form->addRow(tr("&Host:"), m_hostEdit);
    form->addRow(tr("&Port:"), m_port);
    form->addRow(tr("&Database:"), m_database);
    form->addRow(tr("&User:"), m_user);
    form->addRow(tr("Pass&word:"), m_password);
    form->addRow(tr("&Schema:"), m_schema);
    form->addRow(tr("SS&L mode:"), m_sslMode);

    m_test = new QPushButton(tr("&Test connection"), this);
    m_test->setObjectName(u"storeTest"_s);
    m_test->setAutoDefault(false);
    connect(m_test, &QPushButton::clicked, this, &StoreDialog::testConnection);

    m_result = new QLabel(this);
    m_result->setObjectName(u"storeResult"_s);
    m_result->setWordWrap(true);
    m_result->setTextFormat(Qt::PlainText);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);

    const bool fromSqlite = current.driver == Database::Location::Driver::Sqlite && !current.path.isEmpty();
    m_copy = new QCheckBox(tr("&Copy this desk's data into the shared store (it must be empty). Deskbell "
                              "stops sending while it copies, then restarts."),
                           this);
    m_copy->setObjectName(u"storeCopy"_s);
    m_copy->setEnabled(fromSqlite);
    m_copy->setChecked(fromSqlite);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &StoreDialog::save);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_test, 0, Qt::AlignLeft);
    layout->addWidget(m_result);
    layout->addWidget(m_copy);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    connect(m_probe, &StoreProbe::finished, this, [this](const StoreProbe::Result &result) {
        m_test->setEnabled(true);
        showResult(result.summary(), !result.connected || !result.error.isEmpty());
        emit probeFinished(result);
    });

    m_savePassword = [this](const QByteArray &password, std::function<void(const QString &)> done) {
        // The keychain belongs to the engine's thread; the answer comes back through the host, which
        // lives here and outlives the call.
        QPointer<StoreDialog> guard(this);
        EngineHost *courier = &m_host;
        m_host.post([password, guard, courier, done](Engine &) {
            StoreProbe::savePassword(password, [guard, courier, done](const QString &error) {
                QMetaObject::invokeMethod(
                    courier,
                    [guard, done, error] {
                        if (guard) {
                            done(error);
                        }
                    },
                    Qt::QueuedConnection);
            });
        });
    };
    m_restart = [] {
        QCoreApplication::exit(RESTART_EXIT_CODE);
    };
}

StoreDialog::~StoreDialog() = default;

Database::Location StoreDialog::location() const
{
    Database::Location location;
    location.driver = Database::Location::Driver::Postgres;
    location.host = m_hostEdit->text().trimmed();
    location.port = m_port->value();
    location.database = m_database->text().trimmed();
    location.user = m_user->text().trimmed();
    location.schema = m_schema->text().trimmed();
    location.sslMode = m_sslMode->currentData().toString();
    location.password = m_password->text();
    if (location.password.isEmpty() && m_current.driver == Database::Location::Driver::Postgres &&
        location.host == m_current.host && location.database == m_current.database &&
        location.user == m_current.user) {
        location.password = m_current.password; // "unchanged"
    }
    location.url = StoreProbe::urlOf(location);
    return location;
}

QString StoreDialog::url() const
{
    return StoreProbe::urlOf(location());
}

void StoreDialog::showResult(const QString &text, bool problem)
{
    m_result->setText(text);
    m_result->setProperty("problem", problem);
    m_result->setStyleSheet(problem ? u"color: palette(link-visited);"_s : QString());
}

void StoreDialog::testConnection()
{
    if (m_database->text().trimmed().isEmpty()) {
        showResult(tr("Name the database first."), true);
        return;
    }
    m_test->setEnabled(false);
    showResult(tr("Connecting…"), false);
    m_probe->start(location());
}

void StoreDialog::setBusy(bool busy, const QString &text)
{
    m_buttons->setEnabled(!busy);
    m_test->setEnabled(!busy);
    showResult(text, false);
}

void StoreDialog::save()
{
    const Database::Location target = location();
    Database::Location parsed;
    QString why;
    if (target.database.isEmpty() || !Database::parseUrl(target.url, {}, &parsed, &why)) {
        showResult(target.database.isEmpty() ? tr("Name the database first.") : why, true);
        return;
    }
    if (m_password->text().isEmpty()) {
        afterPassword();
        return;
    }
    setBusy(true, tr("Saving the password in the keychain…"));
    m_savePassword(m_password->text().toUtf8(), [this](const QString &error) {
        if (!error.isEmpty()) {
            m_buttons->setEnabled(true);
            m_test->setEnabled(true);
            showResult(tr("The password could not be saved: %1").arg(error), true);
            return;
        }
        afterPassword();
    });
}

void StoreDialog::afterPassword()
{
    if (m_copy->isEnabled() && m_copy->isChecked()) {
        startCopy();
    } else {
        writeUrl();
    }
}

void StoreDialog::writeUrl()
{
    setBusy(true, tr("Saving…"));
    const QString path = m_settingsPath;
    const QString newUrl = url();
    m_host.call<QString>(
        this,
        [path, newUrl](Engine &) {
            QString error;
            StoreProbe::saveStorageUrl(path, newUrl, &error);
            return error;
        },
        [this, newUrl](QString error) {
            if (!error.isEmpty()) {
                m_buttons->setEnabled(true);
                m_test->setEnabled(true);
                showResult(tr("The settings could not be saved: %1").arg(error), true);
                return;
            }
            emit saved(newUrl);
            offerRestart(tr("Saved. Deskbell uses the shared store after a restart."));
        });
}

void StoreDialog::startCopy()
{
    setBusy(true, tr("Stopping this desk's sending, then copying its data…"));
    // The engine holds the SQLite file (its lock) and writes to it: stop it first, so the copy is
    // complete. It does not start again in this run; the restart brings it back on the right store.
    m_host.shutdown(20000);
    m_engineStopped = true;
    const Database::Location source = m_current;
    const Database::Location target = location();
    const QString path = m_settingsPath;
    const QString newUrl = url();
    auto *courier = new CopyCourier;
    connect(
        courier, &CopyCourier::arrived, this,
        [this, newUrl](const StoreMigrator::Report &report, const QString &saveError) {
            emit copyFinished(report);
            if (!report.ok) {
                showResult(tr("Nothing was copied, and this desk keeps its own data: %1").arg(report.error),
                           true);
                offerRestart(tr("Nothing was copied: %1\nRestart Deskbell to go on working with this desk's "
                                "own data.")
                                 .arg(report.error));
                return;
            }
            if (!saveError.isEmpty()) {
                offerRestart(
                    tr("The data was copied, but the settings could not be saved: %1").arg(saveError));
                return;
            }
            qint64 rows = 0;
            for (const auto &t : report.tables) {
                rows += t.targetRows;
            }
            emit saved(newUrl);
            offerRestart(tr("Copied and checked %n row(s). Deskbell uses the shared store after a restart.",
                            "", int(rows)));
        },
        Qt::QueuedConnection);
    QThread *thread = QThread::create([courier, source, target, path, newUrl] {
        const StoreMigrator::Report report = StoreMigrator::copy(source, target);
        QString saveError;
        if (report.ok) {
            StoreProbe::saveStorageUrl(path, newUrl, &saveError);
        }
        emit courier->arrived(report, saveError);
    });
    thread->setObjectName(u"deskbell store copy"_s);
    connect(thread, &QThread::finished, courier, &QObject::deleteLater);
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
}

void StoreDialog::offerRestart(const QString &text)
{
    const bool problem = m_result->property("problem").toBool();
    showResult(text, problem);
    m_password->clear(); // saved (or not needed any more): it does not stay in the window
    m_test->setEnabled(false);
    m_buttons->clear();
    auto *restart = m_buttons->addButton(tr("&Restart now"), QDialogButtonBox::AcceptRole);
    restart->setObjectName(u"restartNow"_s);
    if (!m_engineStopped) {
        m_buttons->addButton(tr("&Later"), QDialogButtonBox::RejectRole)->setObjectName(u"restartLater"_s);
    } else {
        setWindowTitle(tr("Shared store: Deskbell restarts when this closes"));
    }
    disconnect(m_buttons, &QDialogButtonBox::accepted, this, &StoreDialog::save);
    connect(restart, &QPushButton::clicked, this, [this] {
        done(Accepted);
        m_restart();
    });
    m_buttons->setEnabled(true);
}

void StoreDialog::done(int result)
{
    m_password->clear();
    QDialog::done(result);
    if (m_engineStopped && result != Accepted) {
        // The engine was stopped for the copy: without a restart this desk would send nothing.
        m_restart();
    }
}

} // namespace deskbell

#include "StoreDialog.moc"
