#pragma once

#include "config/Settings.h"
#include "domain/Message.h"
#include "engine/RulesChange.h"
#include "sms/EngageLabTemplates.h"
#include "storage/ConsoleQueries.h"

#include <QHash>
#include <QJsonObject>
#include <QTimeZone>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;
class QTimeEdit;
class QTreeWidget;

namespace deskbell {

class Clock;
class ConsoleReader;
class DurationEdit;
class EngineHost;
class ReminderOffsetsEditor;
class RulesSaveDialog;

// Templates and rules: for each message kind the EngageLab template with its review status, the
// variables it needs and where each value comes from, and a preview; reminder offsets, quiet hours,
// host phone, follow-up delay, default country. Before saving it shows what the change does to
// planned messages ("Re-times 14 reminders for 9 meetings") and applies it to them.
//
// It edits the default rules ([rules] and [templates]); an event type's own rules keep what they
// set themselves and follow the defaults where they had the defaults' value.
class TemplatesRulesEditor : public QWidget
{
    Q_OBJECT

public:
    enum Column
    {
        KindColumn,
        TemplateColumn,
        ReviewColumn,
        VariablesColumn,
        ColumnCount
    };

    // Fields that can carry an error message beside them.
    enum class Field
    {
        Reminders,
        QuietHours,
        HostPhone,
        Followup,
        Country,
        Timezone,
        General,
    };

    TemplatesRulesEditor(EngineHost &host, ConsoleReader &reader, const Clock &clock, QTimeZone deskZone,
                         QWidget *parent = nullptr);

    // The parts, for the window and for tests.
    QTableWidget *templatesTable() const { return m_table; }
    QComboBox *templateBox(MessageKind kind) const;
    QString templateIdFor(MessageKind kind) const; // as edited; empty: the kind is off
    void selectKind(MessageKind kind);
    MessageKind selectedKind() const { return m_selectedKind; }
    QTreeWidget *variablesView() const { return m_variables; }
    QLabel *templateNote() const { return m_templateNote; }
    QPlainTextEdit *previewView() const { return m_preview; }
    QComboBox *previewAppointmentBox() const { return m_previewWith; }
    ReminderOffsetsEditor *reminderOffsets() const { return m_reminders; }
    QCheckBox *quietHoursBox() const { return m_quietOn; }
    QTimeEdit *quietFromEdit() const { return m_quietFrom; }
    QTimeEdit *quietToEdit() const { return m_quietTo; }
    QLineEdit *hostPhoneEdit() const { return m_hostPhone; }
    DurationEdit *followupEdit() const { return m_followup; }
    QComboBox *countryBox() const { return m_country; }
    QComboBox *timezoneBox() const { return m_timezone; }
    QLabel *errorLabel(Field field) const { return m_errors.value(field); }
    QLabel *statusLabel() const { return m_status; }
    QPushButton *saveButton() const { return m_save; }
    QPushButton *revertButton() const { return m_revert; }
    bool hasUnsavedChanges() const { return m_dirty; }

    // The template text with the values filled in; a variable without a value stays as written
    // (which is what EngageLab would send).
    static QString renderTemplate(const QString &content, const QJsonObject &params);
    // Where Deskbell takes a parameter's value from, in words; empty for a name it does not fill.
    static QString variableSource(const QString &variable);
    // The values a message of this kind would carry for the appointment: those of its planned
    // message when there is one, else computed as the planner does.
    static QJsonObject previewParams(const Appointment &appointment, const QList<OutboxMessage> &messages,
                                     MessageKind kind, const Rules &rules);

public slots:
    // Re-reads the settings and the template catalogue from the engine (unsaved edits are lost).
    void reload();
    // Checks the edits, asks the engine what they would do to planned messages, shows that in a
    // confirmation, and saves on OK.
    void save();
    // Back to the rules as last loaded.
    void revert();

signals:
    void loaded();
    void confirmationOpened(deskbell::RulesSaveDialog *dialog);
    void saved(const deskbell::RulesChange::Effect &effect);
    void saveFailed(const QString &error);

protected:
    void changeEvent(QEvent *event) override;

private:
    QWidget *buildTemplatesPart();
    QWidget *buildRulesPart();
    QWidget *withError(QWidget *field, Field key);
    void fillFrom(const Settings::Values &values);
    void setTemplateCatalogue(const QList<SmsTemplate> &templates);
    void fillTemplateBox(QComboBox *box, const QString &id);
    void fitTemplateColumn();
    const SmsTemplate *findTemplate(const QString &id) const;
    void refreshRow(int row);
    void refreshAllRows();
    void refreshDetail();
    void refreshPreview();
    void loadUpcoming();
    void markDirty();
    void clearErrors();
    void showError(Field field, const QString &message);
    void showEngineErrors(const QString &errors);
    // The rules as edited (validated). False with errors shown beside the fields.
    bool collectRules(RuleSet *rules);
    void apply(const RuleSet &rules, const QString &reason);
    void setBusy(bool busy);

    EngineHost &m_host;
    ConsoleReader &m_reader;
    const Clock &m_clock;
    QTimeZone m_deskZone;

    Settings::Values m_values; // as last loaded
    QList<SmsTemplate> m_templates;
    bool m_catalogueKnown = false; // EngageLab answered (an empty account is known too)
    QList<ConsoleQueries::UpcomingItem> m_upcoming;
    MessageKind m_selectedKind = MessageKind::Confirm;
    bool m_filling = false;
    bool m_dirty = false;
    bool m_busy = false;

    QTableWidget *m_table = nullptr;
    QHash<MessageKind, QComboBox *> m_templateBoxes;
    QLabel *m_detailTitle = nullptr;
    QLabel *m_templateNote = nullptr;
    QTreeWidget *m_variables = nullptr;
    QLabel *m_available = nullptr;
    QComboBox *m_previewWith = nullptr;
    QPlainTextEdit *m_preview = nullptr;

    ReminderOffsetsEditor *m_reminders = nullptr;
    QCheckBox *m_quietOn = nullptr;
    QTimeEdit *m_quietFrom = nullptr;
    QTimeEdit *m_quietTo = nullptr;
    QLineEdit *m_hostPhone = nullptr;
    DurationEdit *m_followup = nullptr;
    QComboBox *m_country = nullptr;
    QComboBox *m_timezone = nullptr;
    QLabel *m_overridesNote = nullptr;
    QHash<Field, QLabel *> m_errors;
    QLabel *m_status = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_revert = nullptr;
};

} // namespace deskbell
