#pragma once

#include <QWidget>

class QComboBox;
class QSpinBox;

namespace deskbell {

// A length of time as a number and a unit (minutes, hours, days), kept in minutes.
class DurationEdit : public QWidget
{
    Q_OBJECT

public:
    explicit DurationEdit(QWidget *parent = nullptr);

    // Shows the largest unit that divides the value: 1440 -> "1 days", 90 -> "90 minutes".
    void setMinutes(int minutes);
    int minutes() const;
    // Lets the value be 0, shown as zeroText ("Off").
    void allowZero(const QString &zeroText);

    QSpinBox *valueBox() const { return m_value; }
    QComboBox *unitBox() const { return m_unit; }
    // Names both parts for screen readers ("Reminder 1: amount", "Reminder 1: unit").
    void setAccessibleLabel(const QString &label);

signals:
    void changed();

private:
    QSpinBox *m_value = nullptr;
    QComboBox *m_unit = nullptr;
};

} // namespace deskbell
