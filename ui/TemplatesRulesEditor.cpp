#include "TemplatesRulesEditor.h"

#include "ConsoleText.h"
#include "DurationEdit.h"
#include "EngineHost.h"
#include "ReminderOffsetsEditor.h"
#include "RulesSaveDialog.h"
#include "ThemeColors.h"
#include "domain/Clock.h"
#include "domain/Phone.h"
#include "engine/Planner.h"
#include "engine/TemplateCheck.h"
#include "storage/ConsoleReader.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QTimeEdit>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace deskbell {

using namespace Qt::StringLiterals;

namespace {

struct Region
{
    QString code;
    QString name;
};

// Every region libphonenumber knows, with its name, by name.
const QList<Region> &regions()
{
    static const QList<Region> list = [] {
        QList<Region> out;
        QSet<QString> seen;
        for (int t = 1; t <= int(QLocale::LastTerritory); ++t) {
            const auto territory = QLocale::Territory(t);
            const QString code = QLocale::territoryToCode(territory);
            if (code.size() != 2 || seen.contains(code) || !phone::isKnownRegion(code)) {
                continue;
            }
            seen.insert(code);
            out.append({code, QLocale::territoryToString(territory)});
        }
        std::sort(out.begin(), out.end(),
                  [](const Region &a, const Region &b) { return a.name.localeAwareCompare(b.name) < 0; });
        return out;
    }();
    return list;
}

QString fieldKey(TemplatesRulesEditor::Field field)
{
    switch (field) {
    case TemplatesRulesEditor::Field::Reminders:
        return u"reminders"_s;
    case TemplatesRulesEditor::Field::QuietHours:
        return u"quiet_hours"_s;
    case TemplatesRulesEditor::Field::HostPhone:
        return u"host_phone"_s;
    case TemplatesRulesEditor::Field::Followup:
        return u"followup"_s;
    case TemplatesRulesEditor::Field::Country:
        return u"default_region"_s;
    case TemplatesRulesEditor::Field::Timezone:
        return u"fallback_timezone"_s;
    case TemplatesRulesEditor::Field::General:
        return u"general"_s;
    }
    return {};
}

} // namespace

TemplatesRulesEditor::TemplatesRulesEditor(EngineHost &host, ConsoleReader &reader, const Clock &clock,
                                           QTimeZone deskZone, QWidget *parent)
    : QWidget(parent)
    , m_host(host)
    , m_reader(reader)
    , m_clock(clock)
    , m_deskZone(std::move(deskZone))
{
    auto *layout = new QVBoxLayout(this);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(buildTemplatesPart());
    auto *scroll = new QScrollArea(splitter);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(buildRulesPart());
    splitter->addWidget(scroll);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({3000, 2000}); // in proportion: the templates table needs the room
    layout->addWidget(splitter, 1);

    auto *general = new QLabel(this);
    general->setWordWrap(true);
    general->hide();
    ThemeColors::applyTone(general, ThemeColors::Tone::Warning);
    general->setObjectName(u"error_general"_s);
    m_errors.insert(Field::General, general);
    layout->addWidget(general);

    auto *buttons = new QHBoxLayout;
    m_status = new QLabel(this);
    m_status->setObjectName(u"status"_s);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    buttons->addWidget(m_status, 1);
    m_revert = new QPushButton(tr("Re&vert"), this);
    m_revert->setObjectName(u"revert"_s);
    m_revert->setToolTip(tr("Forget the changes made here since the last save"));
    m_save = new QPushButton(tr("&Save…"), this);
    m_save->setObjectName(u"save"_s);
    m_save->setDefault(true);
    m_save->setAutoDefault(true);
    buttons->addWidget(m_revert);
    buttons->addWidget(m_save);
    layout->addLayout(buttons);
    connect(m_save, &QPushButton::clicked, this, &TemplatesRulesEditor::save);
    connect(m_revert, &QPushButton::clicked, this, &TemplatesRulesEditor::revert);
    m_save->setEnabled(false);
    m_revert->setEnabled(false);

    if (Engine *engine = m_host.engine()) {
        connect(engine, &Engine::templatesChanged, this, &TemplatesRulesEditor::setTemplateCatalogue);
    }
    reload();
}

// ---- building

QWidget *TemplatesRulesEditor::buildTemplatesPart()
{
    auto *box = new QGroupBox(tr("Messages and their templates"), this);
    auto *layout = new QVBoxLayout(box);

    auto *intro =
        new QLabel(tr("Each kind of message is sent with an EngageLab template. EngageLab sends only "
                      "approved templates; Deskbell fills in the variables."),
                   box);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *tableLabel = new QLabel(tr("&Messages:"), box);
    layout->addWidget(tableLabel);
    m_table = new QTableWidget(0, ColumnCount, box);
    m_table->setObjectName(u"templatesTable"_s);
    tableLabel->setBuddy(m_table);
    m_table->setHorizontalHeaderLabels({tr("Message"), tr("Template"), tr("Review"), tr("Variables")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setTabKeyNavigation(false); // Tab leaves the table; arrows move inside it
    m_table->setWordWrap(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(KindColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(TemplateColumn, QHeaderView::Interactive);
    m_table->horizontalHeader()->setSectionResizeMode(ReviewColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(VariablesColumn, QHeaderView::Stretch);
    const QList<MessageKind> kinds = allMessageKinds();
    m_table->setRowCount(int(kinds.size()));
    for (int row = 0; row < kinds.size(); ++row) {
        const MessageKind kind = kinds.at(row);
        auto *name = new QTableWidgetItem(ConsoleText::kindName(kind));
        name->setData(Qt::UserRole, int(kind));
        m_table->setItem(row, KindColumn, name);
        m_table->setItem(row, ReviewColumn, new QTableWidgetItem);
        m_table->setItem(row, VariablesColumn, new QTableWidgetItem);

        auto *combo = new QComboBox(m_table);
        combo->setObjectName(u"template_"_s + keyOf(kind));
        combo->setEditable(true);
        combo->setInsertPolicy(QComboBox::NoInsert);
        combo->completer()->setCompletionMode(QCompleter::PopupCompletion);
        combo->completer()->setFilterMode(Qt::MatchContains);
        combo->lineEdit()->setPlaceholderText(tr("Off: not sent"));
        combo->setAccessibleName(tr("Template for the %1").arg(ConsoleText::kindName(kind)));
        combo->setToolTip(tr("Choose one of your EngageLab templates, or type its id. Empty: this message is "
                             "not sent."));
        m_table->setCellWidget(row, TemplateColumn, combo);
        m_templateBoxes.insert(kind, combo);
        connect(combo, &QComboBox::editTextChanged, this, [this, row, kind] {
            refreshRow(row);
            if (kind == m_selectedKind) {
                refreshDetail();
            }
            markDirty();
        });
        // Focusing a row's template selects the row, so the details follow the keyboard.
        connect(combo, &QComboBox::highlighted, this, [this, row] { m_table->selectRow(row); });
    }
    m_table->resizeRowsToContents();
    connect(m_table, &QTableWidget::currentCellChanged, this, [this](int row) {
        if (row < 0) {
            return;
        }
        m_selectedKind = MessageKind(m_table->item(row, KindColumn)->data(Qt::UserRole).toInt());
        refreshDetail();
    });
    layout->addWidget(m_table, 2);

    m_detailTitle = new QLabel(box);
    QFont bold = m_detailTitle->font();
    bold.setBold(true);
    m_detailTitle->setFont(bold);
    m_detailTitle->setWordWrap(true);
    layout->addWidget(m_detailTitle);
    m_templateNote = new QLabel(box);
    m_templateNote->setObjectName(u"templateNote"_s);
    m_templateNote->setWordWrap(true);
    layout->addWidget(m_templateNote);

    auto *variablesLabel = new QLabel(tr("Variables in the template and where their values come from:"), box);
    variablesLabel->setWordWrap(true);
    layout->addWidget(variablesLabel);
    m_variables = new QTreeWidget(box);
    m_variables->setObjectName(u"variables"_s);
    m_variables->setRootIsDecorated(false);
    m_variables->setHeaderLabels({tr("Variable"), tr("Value comes from")});
    m_variables->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_variables->setAccessibleName(tr("Variables of the template"));
    layout->addWidget(m_variables, 1);
    m_available = new QLabel(box);
    m_available->setWordWrap(true);
    layout->addWidget(m_available);

    auto *previewRow = new QHBoxLayout;
    auto *previewLabel = new QLabel(tr("Preview &with:"), box);
    m_previewWith = new QComboBox(box);
    m_previewWith->setObjectName(u"previewWith"_s);
    // The sample is there from the start; real appointments join it once the reader answers.
    m_previewWith->addItem(tr("A sample appointment"), QString());
    previewLabel->setBuddy(m_previewWith);
    previewRow->addWidget(previewLabel);
    previewRow->addWidget(m_previewWith, 1);
    layout->addLayout(previewRow);
    connect(m_previewWith, &QComboBox::currentIndexChanged, this, &TemplatesRulesEditor::refreshPreview);
    m_preview = new QPlainTextEdit(box);
    m_preview->setObjectName(u"preview"_s);
    m_preview->setReadOnly(true);
    m_preview->setTabChangesFocus(true);
    m_preview->setAccessibleName(tr("Preview of the message"));
    layout->addWidget(m_preview, 1);
    return box;
}

QWidget *TemplatesRulesEditor::withError(QWidget *field, Field key)
{
    auto *container = new QWidget(field->parentWidget());
    auto *layout = new QVBoxLayout(container);
    layout->setContentsMargins(0, 0, 0, 0);
    field->setParent(container);
    layout->addWidget(field);
    auto *error = new QLabel(container);
    error->setObjectName(u"error_"_s + fieldKey(key));
    error->setWordWrap(true);
    error->hide();
    ThemeColors::applyTone(error, ThemeColors::Tone::Warning);
    layout->addWidget(error);
    m_errors.insert(key, error);
    return container;
}

QWidget *TemplatesRulesEditor::buildRulesPart()
{
    auto *box = new QGroupBox(tr("When messages go"));
    auto *form = new QFormLayout(box);
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);

    m_reminders = new ReminderOffsetsEditor(box);
    m_reminders->setObjectName(u"reminders"_s);
    connect(m_reminders, &ReminderOffsetsEditor::changed, this, [this] {
        markDirty();
        refreshPreview(); // {advance} follows the first reminder
    });
    auto *remindersLabel = new QLabel(tr("&Reminders:"), box);
    remindersLabel->setBuddy(m_reminders->addButton());
    form->addRow(remindersLabel, withError(m_reminders, Field::Reminders));

    auto *quiet = new QWidget(box);
    auto *quietLayout = new QHBoxLayout(quiet);
    quietLayout->setContentsMargins(0, 0, 0, 0);
    m_quietOn = new QCheckBox(tr("Hold reminders between"), quiet);
    m_quietOn->setObjectName(u"quietHours"_s);
    m_quietFrom = new QTimeEdit(quiet);
    m_quietFrom->setObjectName(u"quietFrom"_s);
    m_quietFrom->setDisplayFormat(u"HH:mm"_s);
    m_quietFrom->setAccessibleName(tr("Quiet hours start"));
    m_quietTo = new QTimeEdit(quiet);
    m_quietTo->setObjectName(u"quietTo"_s);
    m_quietTo->setDisplayFormat(u"HH:mm"_s);
    m_quietTo->setAccessibleName(tr("Quiet hours end"));
    quietLayout->addWidget(m_quietOn);
    quietLayout->addWidget(m_quietFrom);
    quietLayout->addWidget(new QLabel(tr("and"), quiet));
    quietLayout->addWidget(m_quietTo);
    quietLayout->addStretch(1);
    const auto quietChanged = [this] {
        m_quietFrom->setEnabled(m_quietOn->isChecked());
        m_quietTo->setEnabled(m_quietOn->isChecked());
        markDirty();
    };
    connect(m_quietOn, &QCheckBox::toggled, this, quietChanged);
    connect(m_quietFrom, &QTimeEdit::timeChanged, this, quietChanged);
    connect(m_quietTo, &QTimeEdit::timeChanged, this, quietChanged);
    auto *quietLabel = new QLabel(tr("&Quiet hours:"), box);
    quietLabel->setBuddy(m_quietOn);
    form->addRow(quietLabel, withError(quiet, Field::QuietHours));
    auto *quietHelp =
        new QLabel(tr("In the invitee's own time; a reminder due then waits until the end."), box);
    quietHelp->setWordWrap(true);
    form->addRow(QString(), quietHelp);

    m_hostPhone = new QLineEdit(box);
    m_hostPhone->setObjectName(u"hostPhone"_s);
    m_hostPhone->setPlaceholderText(tr("e.g. +66 81 234 5678; empty: no texts to the host"));
    m_hostPhone->setInputMethodHints(Qt::ImhDialableCharactersOnly);
    connect(m_hostPhone, &QLineEdit::textEdited, this, &TemplatesRulesEditor::markDirty);
    auto *hostLabel = new QLabel(tr("Host &phone:"), box);
    hostLabel->setBuddy(m_hostPhone);
    form->addRow(hostLabel, withError(m_hostPhone, Field::HostPhone));

    auto *followup = new QWidget(box);
    auto *followupLayout = new QHBoxLayout(followup);
    followupLayout->setContentsMargins(0, 0, 0, 0);
    m_followup = new DurationEdit(followup);
    m_followup->setObjectName(u"followup"_s);
    m_followup->allowZero(tr("Off"));
    m_followup->setAccessibleLabel(tr("Follow-up delay"));
    followupLayout->addWidget(m_followup);
    followupLayout->addWidget(new QLabel(tr("after the meeting ends"), followup));
    followupLayout->addStretch(1);
    connect(m_followup, &DurationEdit::changed, this, &TemplatesRulesEditor::markDirty);
    auto *followupLabel = new QLabel(tr("&Follow-up:"), box);
    followupLabel->setBuddy(m_followup->valueBox());
    form->addRow(followupLabel, withError(followup, Field::Followup));

    m_country = new QComboBox(box);
    m_country->setObjectName(u"country"_s);
    m_country->addItem(tr("None: numbers must start with +"), QString());
    for (const Region &r : regions()) {
        m_country->addItem(tr("%1 (%2)").arg(r.name, r.code), r.code);
    }
    connect(m_country, &QComboBox::currentIndexChanged, this, &TemplatesRulesEditor::markDirty);
    auto *countryLabel = new QLabel(tr("Default &country:"), box);
    countryLabel->setBuddy(m_country);
    m_country->setToolTip(tr("For phone numbers written without a country code."));
    form->addRow(countryLabel, withError(m_country, Field::Country));

    m_timezone = new QComboBox(box);
    m_timezone->setObjectName(u"timezone"_s);
    for (const QByteArray &id : QTimeZone::availableTimeZoneIds()) {
        m_timezone->addItem(QString::fromUtf8(id), QString::fromUtf8(id));
    }
    m_timezone->setToolTip(tr("Used when Calendly does not say the invitee's time zone."));
    connect(m_timezone, &QComboBox::currentIndexChanged, this, &TemplatesRulesEditor::markDirty);
    auto *zoneLabel = new QLabel(tr("Fallback time &zone:"), box);
    zoneLabel->setBuddy(m_timezone);
    form->addRow(zoneLabel, withError(m_timezone, Field::Timezone));

    m_overridesNote = new QLabel(box);
    m_overridesNote->setWordWrap(true);
    m_overridesNote->hide();
    form->addRow(m_overridesNote);
    return box;
}

// ---- loading

void TemplatesRulesEditor::reload()
{
    struct Loaded
    {
        Settings::Values values;
        QList<SmsTemplate> templates;
    };
    m_host.call<Loaded>(
        this,
        [](Engine &e) {
            return Loaded{e.settings().values, e.templates()};
        },
        [this](Loaded answer) {
            m_values = answer.values;
            m_templates = answer.templates;
            m_catalogueKnown = m_catalogueKnown || !m_templates.isEmpty();
            fillFrom(m_values);
            loadUpcoming();
            emit loaded();
        });
}

void TemplatesRulesEditor::loadUpcoming()
{
    if (!m_reader.isOpen()) {
        return;
    }
    ConsoleQueries::UpcomingFilter filter;
    filter.fromUtc = m_clock.nowUtc();
    filter.toUtc = filter.fromUtc.addDays(30);
    filter.limit = 100;
    m_reader.read<QList<ConsoleQueries::UpcomingItem>>(
        this, [filter](ConsoleQueries &q) { return q.upcoming(filter); },
        [this](QList<ConsoleQueries::UpcomingItem> items) {
            const QString chosen = m_previewWith->currentData().toString();
            m_upcoming = items;
            const QSignalBlocker block(m_previewWith);
            m_previewWith->clear();
            m_previewWith->addItem(tr("A sample appointment"), QString());
            const QLocale locale;
            for (const auto &item : std::as_const(m_upcoming)) {
                const Appointment &a = item.appointment;
                if (a.status != Appointment::Status::Active) {
                    continue;
                }
                m_previewWith->addItem(
                    tr("%1, %2 (%3)")
                        .arg(locale.toString(a.startUtc.toTimeZone(m_deskZone), QLocale::ShortFormat),
                             a.inviteeName, a.eventName),
                    a.inviteeUri);
            }
            const int index = m_previewWith->findData(chosen);
            m_previewWith->setCurrentIndex(std::max(0, index));
            refreshPreview();
        });
}

void TemplatesRulesEditor::fillFrom(const Settings::Values &values)
{
    m_filling = true;
    const Rules &r = values.rules.defaults;
    for (auto it = m_templateBoxes.cbegin(); it != m_templateBoxes.cend(); ++it) {
        fillTemplateBox(it.value(), r.templateFor(it.key()));
    }
    m_reminders->setOffsets(r.reminderOffsetsMin);
    m_quietOn->setChecked(r.quietHours.has_value());
    m_quietFrom->setTime(r.quietHours ? r.quietHours->start : QTime(21, 0));
    m_quietTo->setTime(r.quietHours ? r.quietHours->end : QTime(8, 0));
    m_quietFrom->setEnabled(m_quietOn->isChecked());
    m_quietTo->setEnabled(m_quietOn->isChecked());
    m_hostPhone->setText(r.hostPhone);
    m_followup->setMinutes(r.followupAfterMin);
    m_country->setCurrentIndex(std::max(0, m_country->findData(r.defaultRegion.toUpper())));
    int zone = m_timezone->findData(r.fallbackTimezone);
    if (zone < 0 && !r.fallbackTimezone.isEmpty()) {
        m_timezone->addItem(r.fallbackTimezone, r.fallbackTimezone);
        zone = m_timezone->count() - 1;
    }
    m_timezone->setCurrentIndex(std::max(0, zone));
    if (values.rules.overrides.isEmpty()) {
        m_overridesNote->hide();
    } else {
        QStringList names;
        for (const auto &o : values.rules.overrides) {
            names.append(o.match);
        }
        m_overridesNote->setText(
            tr("These are the rules for every event type except %1, which have rules of their own in the "
               "settings file. Their own values stay; where they use the defaults, they follow these.")
                .arg(names.join(tr(", "))));
        m_overridesNote->show();
    }
    m_filling = false;
    m_dirty = false;
    clearErrors();
    m_save->setEnabled(false);
    m_revert->setEnabled(false);
    refreshAllRows();
    fitTemplateColumn();
    if (m_table->currentRow() < 0) {
        m_table->setCurrentCell(0, KindColumn);
    }
    refreshDetail();
}

void TemplatesRulesEditor::setTemplateCatalogue(const QList<SmsTemplate> &templates)
{
    m_templates = templates;
    m_catalogueKnown = true;
    const bool wasFilling = m_filling;
    m_filling = true;
    for (auto it = m_templateBoxes.cbegin(); it != m_templateBoxes.cend(); ++it) {
        fillTemplateBox(it.value(), templateIdFor(it.key()));
    }
    m_filling = wasFilling;
    refreshAllRows();
    fitTemplateColumn();
    refreshDetail();
}

void TemplatesRulesEditor::fitTemplateColumn()
{
    // Cell widgets do not size their column: make room for the longest template name and id.
    int width = m_table->horizontalHeader()->sectionSizeHint(TemplateColumn);
    for (QComboBox *box : std::as_const(m_templateBoxes)) {
        const QFontMetrics fm(box->font());
        int text = 0;
        for (int i = 0; i < box->count(); ++i) {
            text = std::max(text, fm.horizontalAdvance(box->itemText(i)));
        }
        text = std::max(text, fm.horizontalAdvance(box->currentText()));
        width = std::max(width, text + fm.averageCharWidth() * 6); // the arrow and the frame
    }
    m_table->setColumnWidth(TemplateColumn, width);
}

void TemplatesRulesEditor::fillTemplateBox(QComboBox *box, const QString &id)
{
    const QSignalBlocker block(box);
    box->clear();
    box->addItem(QString(), QString());
    for (const SmsTemplate &t : std::as_const(m_templates)) {
        box->addItem(t.name.isEmpty() ? t.id : tr("%1 (%2)").arg(t.name, t.id), t.id);
    }
    const int index = id.isEmpty() ? 0 : box->findData(id);
    if (index >= 0) {
        box->setCurrentIndex(index);
    } else {
        box->setCurrentIndex(-1);
        box->setEditText(id);
    }
    box->lineEdit()->setCursorPosition(0); // the template's name, not the end of its id
}

QComboBox *TemplatesRulesEditor::templateBox(MessageKind kind) const
{
    return m_templateBoxes.value(kind);
}

QString TemplatesRulesEditor::templateIdFor(MessageKind kind) const
{
    const QComboBox *box = m_templateBoxes.value(kind);
    if (!box) {
        return {};
    }
    const QString text = box->currentText().trimmed();
    const int index = box->findText(text, Qt::MatchExactly);
    return index >= 0 ? box->itemData(index).toString() : text;
}

void TemplatesRulesEditor::selectKind(MessageKind kind)
{
    const int row = int(allMessageKinds().indexOf(kind));
    if (row >= 0) {
        m_table->setCurrentCell(row, KindColumn);
    }
}

const SmsTemplate *TemplatesRulesEditor::findTemplate(const QString &id) const
{
    for (const SmsTemplate &t : m_templates) {
        if (t.id == id) {
            return &t;
        }
    }
    return nullptr;
}

// ---- showing

void TemplatesRulesEditor::refreshRow(int row)
{
    const auto kind = MessageKind(m_table->item(row, KindColumn)->data(Qt::UserRole).toInt());
    const QString id = templateIdFor(kind);
    const SmsTemplate *found = findTemplate(id);
    const QPalette pal = palette();

    QTableWidgetItem *review = m_table->item(row, ReviewColumn);
    QTableWidgetItem *variables = m_table->item(row, VariablesColumn);
    ThemeColors::Tone reviewTone = ThemeColors::Tone::Normal;
    ThemeColors::Tone variablesTone = ThemeColors::Tone::Normal;
    if (id.isEmpty()) {
        review->setText(tr("Not sent"));
        review->setToolTip(tr("No template is chosen, so this message is not sent."));
        variables->setText(QString());
        variables->setToolTip(QString());
    } else {
        review->setText(ConsoleText::reviewStatus(found));
        if (!found) {
            reviewTone = ThemeColors::Tone::Attention;
            review->setToolTip(m_catalogueKnown
                                   ? tr("There is no template with this id in your EngageLab account.")
                                   : tr("EngageLab is not connected, so Deskbell cannot see this template."));
            variables->setText(tr("Not known"));
            variables->setToolTip(review->toolTip());
        } else {
            reviewTone = found->isApproved()  ? ThemeColors::Tone::Good
                         : found->status == 1 ? ThemeColors::Tone::Attention
                                              : ThemeColors::Tone::Warning;
            review->setToolTip(found->auditRemark.isEmpty()
                                   ? QString()
                                   : tr("EngageLab's reviewer: %1").arg(found->auditRemark));
            const QStringList all = found->variables();
            const QStringList missing = missingVariables(*found, suppliedParams(kind));
            QStringList filled;
            for (const QString &v : all) {
                if (!missing.contains(v)) {
                    filled.append(v);
                }
            }
            QString text = filled.join(tr(", "));
            if (!missing.isEmpty()) {
                // The problem first: a narrow column cuts the end off.
                variablesTone = ThemeColors::Tone::Warning;
                const QString cannot = tr("Cannot fill: %1").arg(missing.join(tr(", ")));
                text = text.isEmpty() ? cannot : tr("%1 (fills %2)").arg(cannot, text);
            } else if (all.isEmpty()) {
                text = tr("none");
            }
            variables->setText(text);
            variables->setToolTip(
                missing.isEmpty() ? QString()
                                  : tr("Deskbell does not fill %1 for this message: EngageLab would send it "
                                       "as written.")
                                        .arg(missing.join(tr(", "))));
        }
    }
    review->setForeground(ThemeColors::textColor(reviewTone, pal));
    variables->setForeground(ThemeColors::textColor(variablesTone, pal));
}

void TemplatesRulesEditor::refreshAllRows()
{
    for (int row = 0; row < m_table->rowCount(); ++row) {
        refreshRow(row);
    }
    m_table->resizeRowsToContents();
}

QString TemplatesRulesEditor::variableSource(const QString &variable)
{
    static const QHash<QString, const char *> sources{
        {u"name"_s, QT_TR_NOOP("The invitee's name, from Calendly")},
        {u"time"_s, QT_TR_NOOP("The meeting's start time, in the invitee's time zone")},
        {u"date"_s, QT_TR_NOOP("The meeting's date, in the invitee's time zone")},
        {u"timezone"_s, QT_TR_NOOP("The invitee's time zone")},
        {u"event_name"_s, QT_TR_NOOP("The meeting's name (the Calendly event type)")},
        {u"location"_s, QT_TR_NOOP("Where the meeting is, from Calendly")},
        {u"cancel_url"_s, QT_TR_NOOP("Calendly's link to cancel")},
        {u"reschedule_url"_s, QT_TR_NOOP("Calendly's link to reschedule")},
        {u"host_name"_s, QT_TR_NOOP("The host's name, from Calendly")},
        {u"advance"_s, QT_TR_NOOP("How long before the meeting the reminder goes (\"24 hours\")")},
        {u"event"_s, QT_TR_NOOP("What happened: \"booked\" or \"rescheduled\"")},
    };
    const char *source = sources.value(variable);
    return source ? tr(source) : QString();
}

void TemplatesRulesEditor::refreshDetail()
{
    const MessageKind kind = m_selectedKind;
    const QString id = templateIdFor(kind);
    const SmsTemplate *found = findTemplate(id);
    const QStringList supplied = suppliedParams(kind);

    if (id.isEmpty()) {
        m_detailTitle->setText(tr("%1: not sent").arg(ConsoleText::kindName(kind)));
    } else if (found && !found->name.isEmpty()) {
        m_detailTitle->setText(
            tr("%1: template \"%2\" (%3)").arg(ConsoleText::kindName(kind), found->name, id));
    } else {
        m_detailTitle->setText(tr("%1: template %2").arg(ConsoleText::kindName(kind), id));
    }

    QString note;
    ThemeColors::Tone noteTone = ThemeColors::Tone::Normal;
    if (id.isEmpty()) {
        note = tr("Choose a template to send this message.");
    } else if (!found) {
        noteTone = ThemeColors::Tone::Attention;
        note = m_catalogueKnown ? tr("Unknown: there is no template with this id in your EngageLab account. "
                                     "Check the id in EngageLab's console.")
                                : tr("Unknown: EngageLab is not connected, so Deskbell cannot see this "
                                     "template's review or its text. Connect EngageLab to check it.");
    } else if (found->status == 1) {
        noteTone = ThemeColors::Tone::Attention;
        note = tr("Pending review: EngageLab sends it once its reviewers approve it.");
    } else if (found->status == 3) {
        noteTone = ThemeColors::Tone::Warning;
        note = found->auditRemark.isEmpty()
                   ? tr("Rejected by EngageLab: this message cannot be sent with it.")
                   : tr("Rejected by EngageLab (\"%1\"): this message cannot be sent with it.")
                         .arg(found->auditRemark);
    } else if (found->isApproved()) {
        noteTone = ThemeColors::Tone::Good;
        note = tr("Approved: EngageLab sends it.");
    } else {
        noteTone = ThemeColors::Tone::Attention;
        note = tr("Unknown review status (%1).").arg(found->statusText());
    }
    m_templateNote->setText(note);
    ThemeColors::applyTone(m_templateNote, noteTone);

    m_variables->clear();
    const QPalette pal = palette();
    if (found) {
        const QStringList all = found->variables();
        for (const QString &v : all) {
            auto *item = new QTreeWidgetItem(m_variables);
            item->setText(0, u"{%1}"_s.arg(v));
            if (supplied.contains(v)) {
                item->setText(1, tr("Deskbell fills it: %1").arg(variableSource(v)));
            } else {
                item->setText(
                    1, tr("Deskbell cannot fill this for a %1: EngageLab would send \"{%2}\" as written. "
                          "Change the template in EngageLab or choose another.")
                           .arg(ConsoleText::kindName(kind).toLower(), v));
                for (int c = 0; c < 2; ++c) {
                    item->setForeground(c, ThemeColors::textColor(ThemeColors::Tone::Warning, pal));
                }
                item->setData(0, Qt::UserRole, true); // a problem
            }
        }
        if (all.isEmpty()) {
            auto *item = new QTreeWidgetItem(m_variables);
            item->setText(0, tr("(none)"));
            item->setText(1, tr("The template has no variables."));
        }
    }
    QStringList names;
    for (const QString &p : supplied) {
        names.append(u"{%1}"_s.arg(p));
    }
    m_available->setText(tr("Deskbell can fill for this message: %1").arg(names.join(tr(", "))));
    refreshPreview();
}

QJsonObject TemplatesRulesEditor::previewParams(const Appointment &appointment,
                                                const QList<OutboxMessage> &messages, MessageKind kind,
                                                const Rules &rules)
{
    for (const OutboxMessage &m : messages) {
        if (m.kind == kind && !m.params.isEmpty()) {
            return m.params; // exactly what will be (or was) sent
        }
    }
    // As the planner writes them: in the desk's message language, whatever the console's.
    QJsonObject p = Planner::messageParams(appointment, rules, zoneForInvitee(appointment, rules));
    if (kind == MessageKind::Reminder) {
        p.insert(u"advance"_s, formatAdvance(rules.reminderOffsetsMin.value(0, 60), rules.messageLanguage));
    }
    if (kind == MessageKind::HostNotify) {
        p.insert(u"event"_s, u"booked"_s);
    }
    return p;
}

QString TemplatesRulesEditor::renderTemplate(const QString &content, const QJsonObject &params)
{
    QString out = content;
    for (const QString &name : templateVariables(content)) {
        if (!params.contains(name)) {
            continue;
        }
        const QString value = params.value(name).toVariant().toString();
        const QString n = QRegularExpression::escape(name);
        const QRegularExpression pattern(u"\\{\\{\\s*%1\\s*\\}\\}|\\{%1\\}"_s.arg(n));
        out.replace(pattern, QString(value).replace(u'\\', u"\\\\"_s));
    }
    return out;
}

void TemplatesRulesEditor::refreshPreview()
{
    const MessageKind kind = m_selectedKind;
    const SmsTemplate *found = findTemplate(templateIdFor(kind));
    if (templateIdFor(kind).isEmpty()) {
        m_preview->setPlainText(tr("This message is not sent."));
        return;
    }
    if (!found) {
        m_preview->setPlainText(tr("The text of this template is not known: connect EngageLab to see it."));
        return;
    }
    Rules rules = m_values.rules.defaults;
    rules.reminderOffsetsMin = m_reminders->offsets();
    if (const QString zone = m_timezone->currentData().toString(); !zone.isEmpty()) {
        rules.fallbackTimezone = zone;
    }

    const QString uri = m_previewWith->currentData().toString();
    QJsonObject params;
    const auto chosen = std::find_if(m_upcoming.cbegin(), m_upcoming.cend(),
                                     [&](const auto &item) { return item.appointment.inviteeUri == uri; });
    if (!uri.isEmpty() && chosen != m_upcoming.cend()) {
        params = previewParams(chosen->appointment, chosen->messages, kind, rules);
    } else {
        Appointment sample;
        sample.inviteeName = tr("Somchai Jaidee");
        sample.eventName = tr("Dental check-up");
        sample.location = tr("Sukhumvit clinic, room 2");
        sample.hostName = tr("Dr. Lee");
        sample.cancelUrl = u"https://calendly.com/cancellations/SAMPLE"_s;
        sample.rescheduleUrl = u"https://calendly.com/reschedulings/SAMPLE"_s;
        sample.timezone = QString::fromUtf8(m_deskZone.id());
        // Tomorrow at 10:00 at the desk.
        const QDate tomorrow = m_clock.nowUtc().toTimeZone(m_deskZone).date().addDays(1);
        sample.startUtc = QDateTime(tomorrow, QTime(10, 0), m_deskZone).toUTC();
        sample.endUtc = sample.startUtc.addSecs(30 * 60);
        params = previewParams(sample, {}, kind, rules);
    }
    m_preview->setPlainText(renderTemplate(found->content, params));
}

// ---- editing and saving

void TemplatesRulesEditor::markDirty()
{
    if (m_filling) {
        return;
    }
    m_dirty = true;
    m_save->setEnabled(!m_busy);
    m_revert->setEnabled(!m_busy);
    m_status->clear();
}

void TemplatesRulesEditor::clearErrors()
{
    for (QLabel *label : std::as_const(m_errors)) {
        label->clear();
        label->hide();
    }
}

void TemplatesRulesEditor::showError(Field field, const QString &message)
{
    QLabel *label = m_errors.value(field);
    if (!label) {
        return;
    }
    label->setText(label->text().isEmpty() ? message : label->text() + u'\n' + message);
    label->show();
}

void TemplatesRulesEditor::showEngineErrors(const QString &errors)
{
    // Settings problems read "[rules] host_phone: ..."; put each beside its field.
    static const QList<QPair<QString, Field>> keys{
        {u"reminder_offsets_min"_s, Field::Reminders}, {u"quiet_hours"_s, Field::QuietHours},
        {u"host_phone"_s, Field::HostPhone},           {u"followup_after_min"_s, Field::Followup},
        {u"default_region"_s, Field::Country},         {u"fallback_timezone"_s, Field::Timezone},
    };
    for (const QString &line : errors.split(u'\n', Qt::SkipEmptyParts)) {
        Field field = Field::General;
        for (const auto &[key, f] : keys) {
            if (line.contains(key)) {
                field = f;
                break;
            }
        }
        showError(field, line);
    }
}

bool TemplatesRulesEditor::collectRules(RuleSet *out)
{
    clearErrors();
    const Rules old = m_values.rules.defaults;
    Rules r = old;
    QWidget *firstBad = nullptr;

    QList<int> offsets = m_reminders->offsets();
    QList<int> seen;
    for (int m : offsets) {
        if (seen.contains(m)) {
            showError(Field::Reminders, tr("Two reminders are set for the same time (%1 before). Remove one.")
                                            .arg(ConsoleText::duration(m)));
            firstBad = firstBad ? firstBad : m_reminders->addButton();
            break;
        }
        seen.append(m);
    }
    std::sort(offsets.begin(), offsets.end(), std::greater<int>());
    r.reminderOffsetsMin = offsets;

    if (m_quietOn->isChecked()) {
        if (m_quietFrom->time() == m_quietTo->time()) {
            showError(Field::QuietHours, tr("Quiet hours need a start and an end that differ."));
            firstBad = firstBad ? firstBad : m_quietFrom;
        }
        r.quietHours = QuietHours{m_quietFrom->time(), m_quietTo->time()};
    } else {
        r.quietHours.reset();
    }

    r.defaultRegion = m_country->currentData().toString();
    const QString typed = m_hostPhone->text().trimmed();
    if (typed.isEmpty()) {
        r.hostPhone.clear();
    } else {
        const NormalizedPhone number = phone::normalize(typed, r.defaultRegion);
        if (!number.isValid()) {
            showError(
                Field::HostPhone,
                tr("\"%1\" is not a phone number Deskbell can text (%2). Write it with the country code, "
                   "for example +66 81 234 5678.")
                    .arg(typed, number.error));
            firstBad = firstBad ? firstBad : m_hostPhone;
        } else {
            r.hostPhone = number.e164;
        }
    }
    r.followupAfterMin = m_followup->minutes();
    r.fallbackTimezone = m_timezone->currentData().toString();
    for (MessageKind kind : allMessageKinds()) {
        const QString id = templateIdFor(kind);
        if (id.isEmpty()) {
            r.templates.remove(kind);
        } else {
            r.templates.insert(kind, id);
        }
    }

    if (firstBad) {
        firstBad->setFocus();
        return false;
    }

    RuleSet rules = m_values.rules;
    rules.defaults = r;
    // An event type's rules are complete copies; where one had the old default it follows the new.
    for (EventTypeOverride &o : rules.overrides) {
        Rules &x = o.rules;
        if (x.reminderOffsetsMin == old.reminderOffsetsMin) {
            x.reminderOffsetsMin = r.reminderOffsetsMin;
        }
        if (x.followupAfterMin == old.followupAfterMin) {
            x.followupAfterMin = r.followupAfterMin;
        }
        if (x.hostPhone == old.hostPhone) {
            x.hostPhone = r.hostPhone;
        }
        if (x.fallbackTimezone == old.fallbackTimezone) {
            x.fallbackTimezone = r.fallbackTimezone;
        }
        if (x.quietHours == old.quietHours) {
            x.quietHours = r.quietHours;
        }
        x.defaultRegion = r.defaultRegion; // only [rules] may set it
        for (MessageKind kind : allMessageKinds()) {
            if (x.templateFor(kind) == old.templateFor(kind)) {
                if (r.templateFor(kind).isEmpty()) {
                    x.templates.remove(kind);
                } else {
                    x.templates.insert(kind, r.templateFor(kind));
                }
            }
        }
    }
    *out = rules;
    return true;
}

void TemplatesRulesEditor::setBusy(bool busy)
{
    m_busy = busy;
    m_save->setEnabled(!busy && m_dirty);
    m_revert->setEnabled(!busy && m_dirty);
}

void TemplatesRulesEditor::save()
{
    RuleSet rules;
    if (!collectRules(&rules)) {
        m_status->setText(tr("Not saved: fix what is marked first."));
        emit saveFailed(m_status->text());
        return;
    }
    setBusy(true);
    m_status->setText(tr("Checking what the change does to planned messages…"));
    struct Preview
    {
        RulesChange::Effect effect;
        QString error;
    };
    m_host.call<Preview>(
        this,
        [rules](Engine &e) {
            // The other settings as they are now (the accounts page may have changed the mode).
            Settings::Values values = e.settings().values;
            values.rules = rules;
            Preview p;
            p.effect = e.previewSettings(values, &p.error);
            return p;
        },
        [this, rules](Preview p) {
            setBusy(false);
            if (!p.error.isEmpty()) {
                m_status->setText(tr("Not saved."));
                showEngineErrors(p.error);
                emit saveFailed(p.error);
                return;
            }
            m_status->clear();
            auto *dialog = new RulesSaveDialog(p.effect, this);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            connect(dialog, &QDialog::accepted, this,
                    [this, rules, dialog] { apply(rules, dialog->reason()); });
            dialog->open();
            emit confirmationOpened(dialog);
        });
}

void TemplatesRulesEditor::apply(const RuleSet &rules, const QString &reason)
{
    setBusy(true);
    m_status->setText(tr("Saving…"));
    struct Applied
    {
        bool ok = false;
        RulesChange::Effect effect;
        QString error;
    };
    const OperatorActions::Actor actor{OperatorActions::osUserName(), reason};
    m_host.call<Applied>(
        this,
        [rules, actor](Engine &e) {
            Settings::Values values = e.settings().values;
            values.rules = rules;
            Applied a;
            a.ok = e.applySettings(values, actor, &a.effect, &a.error);
            return a;
        },
        [this](Applied a) {
            setBusy(false);
            if (!a.ok) {
                m_status->setText(tr("Not saved."));
                showEngineErrors(a.error);
                emit saveFailed(a.error);
                return;
            }
            const QString done = tr("Saved. %1").arg(a.effect.summary());
            reload();
            m_status->setText(done);
            emit saved(a.effect);
        });
}

void TemplatesRulesEditor::revert()
{
    fillFrom(m_values);
    m_status->setText(tr("Changes discarded."));
}

void TemplatesRulesEditor::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange) {
        ThemeColors::reapplyTones(this);
        refreshAllRows();
        refreshDetail();
    }
    QWidget::changeEvent(event);
}

} // namespace deskbell
