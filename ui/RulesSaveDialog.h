#pragma once

#include "engine/RulesChange.h"

#include <QDialog>

class QLabel;
class QLineEdit;

namespace deskbell {

// "Save these rules?": what the change does to planned messages (RulesChange::Effect::summary) and
// an optional reason for the audit log. Opened with open(), not exec(): the window keeps running.
class RulesSaveDialog : public QDialog
{
    Q_OBJECT

public:
    RulesSaveDialog(const RulesChange::Effect &effect, QWidget *parent = nullptr);

    const RulesChange::Effect &effect() const { return m_effect; }
    QString summaryText() const;
    QString reason() const;
    QLineEdit *reasonEdit() const { return m_reason; }

private:
    RulesChange::Effect m_effect;
    QLabel *m_summary = nullptr;
    QLineEdit *m_reason = nullptr;
};

} // namespace deskbell
