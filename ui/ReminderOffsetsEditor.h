#pragma once

#include <QList>
#include <QWidget>

class QPushButton;
class QToolButton;
class QVBoxLayout;

namespace deskbell {

class DurationEdit;

// The reminders before a meeting as an editable list: each a number and a unit, with Remove, and
// "Add reminder" at the end.
class ReminderOffsetsEditor : public QWidget
{
    Q_OBJECT

public:
    explicit ReminderOffsetsEditor(QWidget *parent = nullptr);

    void setOffsets(const QList<int> &minutes);
    // In the order shown (duplicates kept: the caller says what is wrong with them).
    QList<int> offsets() const;

    int rowCount() const { return int(m_rows.size()); }
    DurationEdit *row(int index) const { return m_rows.at(index).edit; }
    QToolButton *removeButton(int index) const { return m_rows.at(index).remove; }
    QPushButton *addButton() const { return m_add; }

public slots:
    void addReminder(int minutes = 60);

signals:
    void changed();

private:
    struct Row
    {
        QWidget *container = nullptr;
        DurationEdit *edit = nullptr;
        QToolButton *remove = nullptr;
    };
    void removeRow(QWidget *container);
    void relabel();

    QVBoxLayout *m_rowsLayout = nullptr;
    QList<Row> m_rows;
    QPushButton *m_add = nullptr;
};

} // namespace deskbell
