#include "RulesSaveDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace deskbell {

RulesSaveDialog::RulesSaveDialog(const RulesChange::Effect &effect, QWidget *parent)
    : QDialog(parent)
    , m_effect(effect)
{
    setWindowTitle(tr("Save the rules"));
    setMinimumWidth(fontMetrics().averageCharWidth() * 60);
    auto *layout = new QVBoxLayout(this);

    auto *intro = new QLabel(effect.isEmpty() ? tr("The new rules apply to bookings from now on.")
                                              : tr("Saving changes the messages already planned:"),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    m_summary = new QLabel(effect.summary(), this);
    m_summary->setObjectName(QStringLiteral("effectSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    QFont bold = m_summary->font();
    bold.setBold(true);
    m_summary->setFont(bold);
    layout->addWidget(m_summary);

    auto *note = new QLabel(tr("Messages already sent, failed, or written by hand are not changed."), this);
    note->setWordWrap(true);
    layout->addWidget(note);

    auto *form = new QFormLayout;
    m_reason = new QLineEdit(this);
    m_reason->setObjectName(QStringLiteral("reason"));
    m_reason->setPlaceholderText(tr("Optional, kept in the history"));
    auto *reasonLabel = new QLabel(tr("&Reason:"), this);
    reasonLabel->setBuddy(m_reason);
    form->addRow(reasonLabel, m_reason);
    layout->addLayout(form);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Save)->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    m_reason->setFocus();
}

QString RulesSaveDialog::summaryText() const
{
    return m_summary->text();
}

QString RulesSaveDialog::reason() const
{
    return m_reason->text().trimmed();
}

} // namespace deskbell
