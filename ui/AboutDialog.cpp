#include "AboutDialog.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QFile>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QSplitter>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>

#ifndef DESKBELL_HOMEPAGE
#define DESKBELL_HOMEPAGE "https://github.com/deskbell/deskbell"
#endif

// The licence texts live in deskbell_ui, a static library: without this reference the linker would
// leave its resource object out of the program and the tests.
static void initLicenceResources()
{
    static const bool done = [] {
        Q_INIT_RESOURCE(licenses);
        return true;
    }();
    Q_UNUSED(done);
}

namespace deskbell {

using namespace Qt::StringLiterals;

namespace {

const QString GPL3 = u":/licenses/GPL-3.0.txt"_s;
const QString LGPL3 = u":/licenses/LGPL-3.0.txt"_s;
const QString APACHE2 = u":/licenses/Apache-2.0.txt"_s;

QLabel *textLabel(QWidget *parent, const QString &name, const QString &text)
{
    auto *label = new QLabel(text, parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

QList<AboutDialog::Component> AboutDialog::components()
{
    // Facts from the Debian copyright files (/usr/share/doc/<package>/copyright) of the packages
    // Deskbell is built against: libqt6*6, libqt6httpserver6, libqt6keychain1, libphonenumber8 and
    // what it links (libicu72, libprotobuf32, libabsl20220623), libsqlite3-0.
    return {
        {u"Deskbell"_s,
         tr("This program"),
         tr("MIT licence"),
         u"MIT"_s,
         QStringLiteral(DESKBELL_HOMEPAGE),
         {u":/licenses/deskbell.txt"_s}},
        {u"Qt"_s,
         tr("Windows, network, database access"),
         tr("GNU Lesser General Public License, version 3"),
         u"LGPL-3.0-only"_s,
         u"https://www.qt.io/"_s,
         {u":/licenses/qt.txt"_s, LGPL3, GPL3}},
        {u"Qt HTTP Server"_s,
         tr("Receiving bookings from Calendly"),
         tr("GNU General Public License, version 3"),
         u"GPL-3.0-only"_s,
         u"https://doc.qt.io/qt-6/qthttpserver-index.html"_s,
         {u":/licenses/qthttpserver.txt"_s, GPL3}},
        {u"QtKeychain"_s,
         tr("Keeping passwords and keys in the system keychain"),
         tr("BSD 2-clause licence"),
         u"BSD-2-Clause"_s,
         u"https://github.com/frankosterfeld/qtkeychain"_s,
         {u":/licenses/qtkeychain.txt"_s}},
        {u"libphonenumber"_s,
         tr("Phone numbers of every country"),
         tr("Apache License 2.0; small parts MIT-style and BSD 3-clause"),
         u"Apache-2.0 AND MIT AND BSD-3-Clause"_s,
         u"https://github.com/google/libphonenumber"_s,
         {u":/licenses/libphonenumber.txt"_s, APACHE2}},
        {u"ICU"_s,
         tr("Text handling for libphonenumber"),
         tr("MIT licence (Unicode, Inc.)"),
         u"MIT"_s,
         u"https://icu.unicode.org/"_s,
         {u":/licenses/icu.txt"_s}},
        {u"Protocol Buffers"_s,
         tr("Phone number metadata for libphonenumber"),
         tr("BSD 3-clause licence"),
         u"BSD-3-Clause"_s,
         u"https://github.com/protocolbuffers/protobuf"_s,
         {u":/licenses/protobuf.txt"_s}},
        {u"Abseil"_s,
         tr("Support code for libphonenumber"),
         tr("Apache License 2.0"),
         u"Apache-2.0"_s,
         u"https://abseil.io/"_s,
         {u":/licenses/abseil.txt"_s, APACHE2}},
        {u"SQLite"_s,
         tr("The database on this computer"),
         tr("Public domain"),
         u"blessing"_s,
         u"https://www.sqlite.org/"_s,
         {u":/licenses/sqlite.txt"_s}},
    };
}

QString AboutDialog::licenceText(const Component &component)
{
    initLicenceResources();
    QStringList parts;
    for (const QString &path : component.texts) {
        QFile file(path);
        if (file.open(QIODevice::ReadOnly)) {
            parts << QString::fromUtf8(file.readAll()).trimmed();
        }
    }
    const QString rule(72, u'-');
    return parts.join(u"\n\n"_s + rule + u"\n\n"_s);
}

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
    , m_list(components())
{
    initLicenceResources();
    setObjectName(u"aboutDialog"_s);
    setWindowTitle(tr("About Deskbell"));

    auto *layout = new QVBoxLayout(this);

    auto *header = new QHBoxLayout;
    m_icon = new QLabel(this);
    m_icon->setObjectName(u"aboutIcon"_s);
    const int iconSize = fontMetrics().height() * 4;
    const QIcon icon = QApplication::windowIcon();
    if (!icon.isNull()) {
        m_icon->setPixmap(icon.pixmap(QSize(iconSize, iconSize), devicePixelRatioF()));
    }
    m_icon->setAlignment(Qt::AlignTop);
    header->addWidget(m_icon, 0);

    auto *titles = new QVBoxLayout;
    auto *name = textLabel(this, u"aboutName"_s, u"Deskbell"_s);
    QFont big = name->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    name->setFont(big);
    titles->addWidget(name);
    m_version =
        textLabel(this, u"aboutVersion"_s, tr("Version %1").arg(QCoreApplication::applicationVersion()));
    titles->addWidget(m_version);
    const QString runtimeQt = QString::fromLatin1(qVersion());
    const QString builtQt = QStringLiteral(QT_VERSION_STR);
    m_qtVersion =
        textLabel(this, u"aboutQtVersion"_s,
                  runtimeQt == builtQt ? tr("Running on Qt %1").arg(runtimeQt)
                                       : tr("Running on Qt %1 (built with Qt %2)").arg(runtimeQt, builtQt));
    titles->addWidget(m_qtVersion);
    titles->addStretch(1);
    header->addLayout(titles, 1);
    layout->addLayout(header);

    layout->addWidget(textLabel(
        this, u"aboutDescription"_s,
        tr("Deskbell texts the people who book you on Calendly: a confirmation when they book, reminders "
           "before the meeting, a notice when they cancel or reschedule, and a follow-up afterwards. It "
           "sends "
           "through your EngageLab SMS account and keeps every booking and message on this computer.")));

    auto *licence = textLabel(this, u"aboutLicence"_s,
                              tr("Deskbell's own code is under the MIT licence. It is built with Qt HTTP "
                                 "Server, which is under the GNU "
                                 "General Public License version 3, so the program as a whole is distributed "
                                 "under the terms of that "
                                 "licence. Source code: %1")
                                  .arg(u"<a href=\"%1\">%1</a>"_s.arg(QStringLiteral(DESKBELL_HOMEPAGE))));
    licence->setTextFormat(Qt::RichText);
    licence->setTextInteractionFlags(Qt::TextBrowserInteraction);
    licence->setOpenExternalLinks(true);
    layout->addWidget(licence);

    layout->addWidget(textLabel(this, u"aboutBuiltWith"_s, tr("Deskbell is built with these libraries:")));

    auto *splitter = new QSplitter(Qt::Vertical, this);
    m_components = new QTreeWidget(splitter);
    m_components->setObjectName(u"aboutComponents"_s);
    m_components->setRootIsDecorated(false);
    m_components->setHeaderLabels({tr("Name"), tr("Licence"), tr("Used for")});
    for (int i = 0; i < m_list.size(); ++i) {
        const Component &c = m_list.at(i);
        auto *item = new QTreeWidgetItem(m_components, {c.name, c.licence, c.usedFor});
        item->setData(0, Qt::UserRole, i);
        item->setToolTip(0, c.url);
        item->setToolTip(1, c.spdx);
    }
    m_components->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_components->header()->setSectionResizeMode(2, QHeaderView::Stretch);

    m_licence = new QTextBrowser(splitter);
    m_licence->setObjectName(u"aboutLicenceText"_s);
    m_licence->setOpenExternalLinks(true);
    m_licence->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    splitter->addWidget(m_components);
    splitter->addWidget(m_licence);
    splitter->setStretchFactor(1, 1);
    layout->addWidget(splitter, 1);

    connect(m_components, &QTreeWidget::currentItemChanged, this,
            [this](QTreeWidgetItem *item) { showLicence(item ? item->data(0, Qt::UserRole).toInt() : -1); });
    m_components->setCurrentItem(m_components->topLevelItem(0));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    resize(fontMetrics().averageCharWidth() * 140, fontMetrics().height() * 44);
}

void AboutDialog::showLicence(int index)
{
    if (index < 0 || index >= m_list.size()) {
        m_licence->clear();
        return;
    }
    const Component &c = m_list.at(index);
    m_licence->setPlainText(tr("%1 — %2\nHome page: %3").arg(c.name, c.licence, c.url) + u"\n\n"_s +
                            licenceText(c));
}

} // namespace deskbell
