#include "DurationEdit.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QSpinBox>

namespace deskbell {

namespace {
constexpr int MINUTES_PER[] = {1, 60, 1440};
}

DurationEdit::DurationEdit(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_value = new QSpinBox(this);
    m_value->setRange(1, 9999);
    m_value->setAccelerated(true);
    m_unit = new QComboBox(this);
    m_unit->addItem(tr("minutes"), MINUTES_PER[0]);
    m_unit->addItem(tr("hours"), MINUTES_PER[1]);
    m_unit->addItem(tr("days"), MINUTES_PER[2]);
    layout->addWidget(m_value);
    layout->addWidget(m_unit);
    layout->addStretch(1);
    setFocusProxy(m_value);
    connect(m_value, &QSpinBox::valueChanged, this, &DurationEdit::changed);
    connect(m_unit, &QComboBox::currentIndexChanged, this, &DurationEdit::changed);
}

void DurationEdit::setMinutes(int minutes)
{
    int unit = 0;
    for (int i = 2; i > 0; --i) {
        if (minutes > 0 && minutes % MINUTES_PER[i] == 0) {
            unit = i;
            break;
        }
    }
    const QSignalBlocker blockValue(m_value);
    const QSignalBlocker blockUnit(m_unit);
    m_unit->setCurrentIndex(unit);
    m_value->setValue(minutes / MINUTES_PER[unit]);
    emit changed();
}

int DurationEdit::minutes() const
{
    return m_value->value() * m_unit->currentData().toInt();
}

void DurationEdit::allowZero(const QString &zeroText)
{
    m_value->setMinimum(0);
    m_value->setSpecialValueText(zeroText);
}

void DurationEdit::setAccessibleLabel(const QString &label)
{
    m_value->setAccessibleName(tr("%1: amount").arg(label));
    m_unit->setAccessibleName(tr("%1: unit").arg(label));
}

} // namespace deskbell
