#pragma once

#include <QDialog>
#include <QList>
#include <QString>
#include <QStringList>

class QLabel;
class QTextBrowser;
class QTreeWidget;

namespace deskbell {

// Help > About Deskbell: what it is, its version and the Qt it runs on, its licence, and every
// library it is built from with that library's licence (the full texts are in the resources, from
// the Debian copyright files of the packages Deskbell is built against).
class AboutDialog : public QDialog
{
    Q_OBJECT

public:
    struct Component
    {
        QString name;
        QString usedFor;   // what Deskbell uses it for, in plain words
        QString licence;   // the licence's name, as an operator would read it
        QString spdx;      // the SPDX expression, for those who check
        QString url;       // the project's home page
        QStringList texts; // resource paths: the copyright notice first, then the full licence texts
    };

    explicit AboutDialog(QWidget *parent = nullptr);

    // Deskbell itself first, then the libraries.
    static QList<Component> components();
    // The notice and full licence texts of one component, as plain text.
    static QString licenceText(const Component &component);

    QLabel *versionLabel() const { return m_version; }
    QLabel *qtVersionLabel() const { return m_qtVersion; }
    QLabel *iconLabel() const { return m_icon; }
    QTreeWidget *componentList() const { return m_components; }
    QTextBrowser *licenceView() const { return m_licence; }

private:
    void showLicence(int index);

    QList<Component> m_list;
    QLabel *m_icon = nullptr;
    QLabel *m_version = nullptr;
    QLabel *m_qtVersion = nullptr;
    QTreeWidget *m_components = nullptr;
    QTextBrowser *m_licence = nullptr;
};

} // namespace deskbell
