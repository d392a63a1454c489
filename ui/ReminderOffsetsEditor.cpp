#include "ReminderOffsetsEditor.h"

#include "DurationEdit.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

namespace deskbell {

ReminderOffsetsEditor::ReminderOffsetsEditor(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_rowsLayout = new QVBoxLayout;
    m_rowsLayout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(m_rowsLayout);
    m_add = new QPushButton(tr("Add a reminder"), this);
    m_add->setObjectName(QStringLiteral("addReminder"));
    auto *addRow = new QHBoxLayout;
    addRow->addWidget(m_add);
    addRow->addStretch(1);
    layout->addLayout(addRow);
    connect(m_add, &QPushButton::clicked, this, [this] {
        addReminder();
        m_rows.last().edit->setFocus();
    });
}

void ReminderOffsetsEditor::setOffsets(const QList<int> &minutes)
{
    while (!m_rows.isEmpty()) {
        Row row = m_rows.takeLast();
        delete row.container;
    }
    for (int m : minutes) {
        addReminder(m);
    }
    relabel();
    emit changed();
}

QList<int> ReminderOffsetsEditor::offsets() const
{
    QList<int> out;
    for (const Row &row : m_rows) {
        out.append(row.edit->minutes());
    }
    return out;
}

void ReminderOffsetsEditor::addReminder(int minutes)
{
    Row row;
    row.container = new QWidget(this);
    auto *line = new QHBoxLayout(row.container);
    line->setContentsMargins(0, 0, 0, 0);
    row.edit = new DurationEdit(row.container);
    row.edit->setMinutes(minutes);
    line->addWidget(row.edit);
    line->addWidget(new QLabel(tr("before the meeting"), row.container));
    row.remove = new QToolButton(row.container);
    row.remove->setText(tr("Remove"));
    row.remove->setFocusPolicy(Qt::StrongFocus);
    line->addWidget(row.remove);
    line->addStretch(1);
    m_rowsLayout->addWidget(row.container);
    QWidget *container = row.container;
    connect(row.remove, &QToolButton::clicked, this, [this, container] { removeRow(container); });
    connect(row.edit, &DurationEdit::changed, this, &ReminderOffsetsEditor::changed);
    m_rows.append(row);
    relabel();
    emit changed();
}

void ReminderOffsetsEditor::removeRow(QWidget *container)
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).container == container) {
            m_rows.removeAt(i);
            container->deleteLater();
            container->hide();
            // Keep the keyboard where the user was: the next row's Remove, else "Add a reminder".
            if (i < m_rows.size()) {
                m_rows.at(i).remove->setFocus();
            } else {
                m_add->setFocus();
            }
            break;
        }
    }
    relabel();
    emit changed();
}

void ReminderOffsetsEditor::relabel()
{
    // Rows are created at any time: chain the tab order in the order they are shown.
    QWidget *previous = nullptr;
    for (int i = 0; i < m_rows.size(); ++i) {
        const Row &row = m_rows.at(i);
        const QString label = tr("Reminder %1").arg(i + 1);
        row.edit->setAccessibleLabel(label);
        row.remove->setAccessibleName(tr("Remove reminder %1").arg(i + 1));
        if (previous) {
            setTabOrder(previous, row.edit->valueBox());
        }
        setTabOrder(row.edit->valueBox(), row.edit->unitBox());
        setTabOrder(row.edit->unitBox(), row.remove);
        previous = row.remove;
    }
    if (previous) {
        setTabOrder(previous, m_add);
    }
}

} // namespace deskbell
