#pragma once

#include "sms/EngageLabTemplates.h"

#include <QDialog>
#include <QJsonObject>
#include <QList>

class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace deskbell {

// The confirmation every operator action goes through: what will happen in plain words, an
// optional reason (kept in the audit log with the operator's name), and the button that does it.
// OK does not close the dialog: it sends submitted() and waits for finish(), so a refusal from the
// engine ("that number is not valid") shows inside the dialog and can be corrected on the spot.
// Open it with open(): nothing blocks, and tests drive it like a person would.
class ActionDialog : public QDialog
{
    Q_OBJECT

public:
    ActionDialog(const QString &title, const QString &explanation, const QString &confirmText,
                 QWidget *parent = nullptr);

    QString reason() const;
    void setReason(const QString &reason);
    // A paragraph that must not be missed (e.g. "they may get it twice"), with a warning icon.
    void setWarning(const QString &text);
    QPushButton *confirmButton() const { return m_confirm; }
    QLineEdit *reasonEdit() const { return m_reason; }
    // The engine's answer: closes on success, shows the error and lets the operator try again on failure.
    void finish(bool ok, const QString &error);
    QString errorText() const;

    void accept() override;

signals:
    void submitted();

protected:
    // Fields of a subclass go here, above the reason.
    QFormLayout *form() const { return m_form; }
    // False with *error keeps the dialog open with that message and sends nothing.
    virtual bool validate(QString *error);
    void showError(const QString &error);

private:
    QLabel *m_warning = nullptr;
    QFormLayout *m_form = nullptr;
    QLineEdit *m_reason = nullptr;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_confirm = nullptr;
    bool m_busy = false;
};

// A new number for a meeting: the engine validates it (with the desk's default country for
// numbers written without +) and says plainly what is wrong.
class CorrectPhoneDialog : public ActionDialog
{
    Q_OBJECT

public:
    CorrectPhoneDialog(const QString &inviteeName, const QString &currentNumber, QWidget *parent = nullptr);
    QString phone() const;
    QLineEdit *phoneEdit() const { return m_phone; }

protected:
    bool validate(QString *error) override;

private:
    QLineEdit *m_phone = nullptr;
};

// A message written by the desk: a template (from the EngageLab catalogue, or an id typed in) and
// its values, prefilled from what the meeting's planned messages use.
class AdHocMessageDialog : public ActionDialog
{
    Q_OBJECT

public:
    AdHocMessageDialog(const QString &inviteeName, const QJsonObject &knownValues, QWidget *parent = nullptr);

    // The catalogue may arrive after the dialog opened.
    void setTemplates(const QList<SmsTemplate> &templates);
    QString templateId() const;
    QJsonObject params() const;
    void setParam(const QString &name, const QString &value);
    QComboBox *templateBox() const { return m_template; }

protected:
    bool validate(QString *error) override;

private:
    void onTemplateChosen();
    void updatePreview();
    const SmsTemplate *chosenTemplate() const;

    QJsonObject m_known;
    QList<SmsTemplate> m_templates;
    QComboBox *m_template = nullptr;
    QTableWidget *m_params = nullptr;
    QLabel *m_preview = nullptr;
};

} // namespace deskbell
