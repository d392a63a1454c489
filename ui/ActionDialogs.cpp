#include "ActionDialogs.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyle>
#include <QTableWidget>
#include <QVBoxLayout>

namespace deskbell {

using namespace Qt::StringLiterals;

namespace {

QLabel *wrappedLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    return label;
}

// Icon + text, for a warning or an error, in the palette's own colours.
QWidget *iconRow(QStyle::StandardPixmap icon, QLabel *label, QWidget *parent)
{
    auto *row = new QWidget(parent);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *iconLabel = new QLabel(row);
    const int size = row->style()->pixelMetric(QStyle::PM_SmallIconSize);
    iconLabel->setPixmap(row->style()->standardIcon(icon).pixmap(size, size));
    iconLabel->setAlignment(Qt::AlignTop);
    layout->addWidget(iconLabel, 0);
    layout->addWidget(label, 1);
    return row;
}

} // namespace

ActionDialog::ActionDialog(const QString &title, const QString &explanation, const QString &confirmText,
                           QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(title);
    setObjectName(u"actionDialog"_s);
    auto *layout = new QVBoxLayout(this);

    auto *text = wrappedLabel(explanation, this);
    text->setObjectName(u"explanation"_s);
    layout->addWidget(text);

    m_warning = wrappedLabel({}, this);
    m_warning->setObjectName(u"warning"_s);
    QFont bold = m_warning->font();
    bold.setBold(true);
    m_warning->setFont(bold);
    auto *warningRow = iconRow(QStyle::SP_MessageBoxWarning, m_warning, this);
    warningRow->setObjectName(u"warningRow"_s);
    warningRow->setVisible(false);
    layout->addWidget(warningRow);

    m_form = new QFormLayout;
    m_reason = new QLineEdit(this);
    m_reason->setObjectName(u"reason"_s);
    m_reason->setPlaceholderText(tr("Optional: why (kept in the log with your name)"));
    m_reason->setClearButtonEnabled(true);
    m_form->addRow(tr("&Reason:"), m_reason);
    layout->addLayout(m_form);

    m_error = wrappedLabel({}, this);
    m_error->setObjectName(u"error"_s);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *errorRow = iconRow(QStyle::SP_MessageBoxCritical, m_error, this);
    errorRow->setObjectName(u"errorRow"_s);
    errorRow->setVisible(false);
    layout->addWidget(errorRow);

    m_buttons = new QDialogButtonBox(this);
    m_confirm = m_buttons->addButton(confirmText, QDialogButtonBox::AcceptRole);
    m_confirm->setObjectName(u"confirm"_s);
    m_confirm->setDefault(true);
    m_buttons->addButton(QDialogButtonBox::Cancel)->setObjectName(u"cancel"_s);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ActionDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ActionDialog::reject);
    layout->addWidget(m_buttons);

    // Wide enough for a sentence at any scaling: font metrics, not pixels.
    setMinimumWidth(fontMetrics().averageCharWidth() * 60);
}

QString ActionDialog::reason() const
{
    return m_reason->text().trimmed();
}

void ActionDialog::setReason(const QString &reason)
{
    m_reason->setText(reason);
}

void ActionDialog::setWarning(const QString &text)
{
    m_warning->setText(text);
    m_warning->parentWidget()->setVisible(!text.isEmpty());
}

QString ActionDialog::errorText() const
{
    return m_error->parentWidget()->isVisibleTo(this) ? m_error->text() : QString();
}

void ActionDialog::showError(const QString &error)
{
    m_error->setText(error);
    m_error->parentWidget()->setVisible(!error.isEmpty());
}

bool ActionDialog::validate(QString *)
{
    return true;
}

void ActionDialog::accept()
{
    if (m_busy) {
        return;
    }
    QString error;
    if (!validate(&error)) {
        showError(error);
        return;
    }
    showError({});
    m_busy = true;
    m_buttons->setEnabled(false);
    setCursor(Qt::BusyCursor);
    emit submitted();
}

void ActionDialog::finish(bool ok, const QString &error)
{
    m_busy = false;
    m_buttons->setEnabled(true);
    unsetCursor();
    if (ok) {
        QDialog::accept();
    } else {
        showError(error.isEmpty() ? tr("That did not work, and nothing was changed.") : error);
    }
}

// ---- correct phone

CorrectPhoneDialog::CorrectPhoneDialog(const QString &inviteeName, const QString &currentNumber,
                                       QWidget *parent)
    : ActionDialog(tr("Correct phone number"),
                   tr("Type the number %1 gave you. Waiting messages go to the new number; messages "
                      "that were skipped for a missing or wrong number are planned again if their time "
                      "has not passed.")
                       .arg(inviteeName.isEmpty() ? tr("the invitee") : inviteeName),
                   tr("&Save number"), parent)
{
    m_phone = new QLineEdit(this);
    m_phone->setObjectName(u"phone"_s);
    m_phone->setText(currentNumber);
    m_phone->setPlaceholderText(tr("e.g. +66 81 234 5678, or 081 234 5678 for a local number"));
    m_phone->setInputMethodHints(Qt::ImhDialableCharactersOnly);
    form()->insertRow(0, tr("New &number:"), m_phone);
    m_phone->setFocus();
    m_phone->selectAll();
}

QString CorrectPhoneDialog::phone() const
{
    return m_phone->text().trimmed();
}

bool CorrectPhoneDialog::validate(QString *error)
{
    if (phone().isEmpty()) {
        *error = tr("Type a phone number first.");
        return false;
    }
    return true; // the engine checks the number itself and says what is wrong
}

// ---- ad-hoc message

AdHocMessageDialog::AdHocMessageDialog(const QString &inviteeName, const QJsonObject &knownValues,
                                       QWidget *parent)
    : ActionDialog(tr("Send a message"),
                   tr("Send %1 a text now, outside the planned messages. EngageLab only sends approved "
                      "templates: choose one, and fill in every value it uses.")
                       .arg(inviteeName.isEmpty() ? tr("the invitee") : inviteeName),
                   tr("&Send"), parent)
    , m_known(knownValues)
{
    m_template = new QComboBox(this);
    m_template->setObjectName(u"template"_s);
    m_template->setEditable(true);
    m_template->setInsertPolicy(QComboBox::NoInsert);
    m_template->lineEdit()->setPlaceholderText(tr("Template id, e.g. 1234567890123456789"));
    form()->insertRow(0, tr("&Template:"), m_template);

    m_params = new QTableWidget(0, 2, this);
    m_params->setObjectName(u"params"_s);
    m_params->setHorizontalHeaderLabels({tr("Value name"), tr("Value")});
    m_params->horizontalHeader()->setStretchLastSection(true);
    m_params->verticalHeader()->setVisible(false);
    m_params->setMinimumHeight(fontMetrics().height() * 7);
    auto *addRow = new QPushButton(tr("&Add a value"), this);
    connect(addRow, &QPushButton::clicked, this, [this] {
        m_params->insertRow(m_params->rowCount());
        m_params->setCurrentCell(m_params->rowCount() - 1, 0);
        m_params->edit(m_params->currentIndex());
    });
    auto *paramsBox = new QWidget(this);
    auto *paramsLayout = new QVBoxLayout(paramsBox);
    paramsLayout->setContentsMargins(0, 0, 0, 0);
    paramsLayout->addWidget(m_params);
    paramsLayout->addWidget(addRow, 0, Qt::AlignLeft);
    form()->insertRow(1, tr("&Values:"), paramsBox);

    m_preview = new QLabel(this);
    m_preview->setObjectName(u"preview"_s);
    m_preview->setWordWrap(true);
    m_preview->setTextFormat(Qt::PlainText);
    m_preview->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form()->insertRow(2, tr("Preview:"), m_preview);

    connect(m_template, &QComboBox::currentIndexChanged, this, &AdHocMessageDialog::onTemplateChosen);
    connect(m_template, &QComboBox::editTextChanged, this, &AdHocMessageDialog::updatePreview);
    connect(m_params, &QTableWidget::itemChanged, this, &AdHocMessageDialog::updatePreview);
    updatePreview();
}

void AdHocMessageDialog::setTemplates(const QList<SmsTemplate> &templates)
{
    const QString typed = m_template->currentText();
    m_templates = templates;
    const QSignalBlocker block(m_template);
    m_template->clear();
    for (const auto &t : templates) {
        const QString label = t.isApproved() ? tr("%1 (%2)").arg(t.name, t.id)
                                             : tr("%1 (%2) — %3").arg(t.name, t.id, t.statusText());
        m_template->addItem(label, t.id);
    }
    m_template->setCurrentIndex(-1);
    m_template->setEditText(typed);
    updatePreview();
}

const SmsTemplate *AdHocMessageDialog::chosenTemplate() const
{
    const QString id = templateId();
    for (const auto &t : m_templates) {
        if (t.id == id) {
            return &t;
        }
    }
    return nullptr;
}

QString AdHocMessageDialog::templateId() const
{
    const QString text = m_template->currentText().trimmed();
    const int index = m_template->findText(text);
    return index >= 0 ? m_template->itemData(index).toString() : text;
}

void AdHocMessageDialog::onTemplateChosen()
{
    const SmsTemplate *chosen = chosenTemplate();
    if (!chosen) {
        updatePreview();
        return;
    }
    // The template's variables, each prefilled from the meeting when a planned message used it.
    const QJsonObject typed = params();
    const QSignalBlocker block(m_params);
    m_params->setRowCount(0);
    for (const QString &name : chosen->variables()) {
        const int row = m_params->rowCount();
        m_params->insertRow(row);
        auto *nameItem = new QTableWidgetItem(name);
        nameItem->setFlags(nameItem->flags() & ~Qt::ItemIsEditable);
        m_params->setItem(row, 0, nameItem);
        const QJsonValue value = typed.contains(name) ? typed.value(name) : m_known.value(name);
        m_params->setItem(row, 1, new QTableWidgetItem(value.toVariant().toString()));
    }
    updatePreview();
}

void AdHocMessageDialog::setParam(const QString &name, const QString &value)
{
    for (int row = 0; row < m_params->rowCount(); ++row) {
        if (m_params->item(row, 0) && m_params->item(row, 0)->text() == name) {
            m_params->setItem(row, 1, new QTableWidgetItem(value));
            return;
        }
    }
    const int row = m_params->rowCount();
    m_params->insertRow(row);
    m_params->setItem(row, 0, new QTableWidgetItem(name));
    m_params->setItem(row, 1, new QTableWidgetItem(value));
}

QJsonObject AdHocMessageDialog::params() const
{
    QJsonObject out;
    for (int row = 0; row < m_params->rowCount(); ++row) {
        const auto *name = m_params->item(row, 0);
        const auto *value = m_params->item(row, 1);
        if (name && !name->text().trimmed().isEmpty()) {
            out.insert(name->text().trimmed(), value ? value->text() : QString());
        }
    }
    return out;
}

void AdHocMessageDialog::updatePreview()
{
    const SmsTemplate *chosen = chosenTemplate();
    if (!chosen) {
        m_preview->setText(templateId().isEmpty() ? tr("Choose a template.")
                                                  : tr("No preview: this template is not in the list "
                                                       "EngageLab gave us."));
        return;
    }
    QString text = chosen->content;
    const QJsonObject values = params();
    for (auto it = values.constBegin(); it != values.constEnd(); ++it) {
        const QString value = it.value().toString();
        text.replace(u"{{"_s + it.key() + u"}}"_s, value);
        text.replace(u"{"_s + it.key() + u"}"_s, value);
    }
    m_preview->setText(text);
}

bool AdHocMessageDialog::validate(QString *error)
{
    if (templateId().isEmpty()) {
        *error = tr("Choose a template, or type its id.");
        return false;
    }
    if (const SmsTemplate *chosen = chosenTemplate()) {
        QStringList filled;
        const QJsonObject values = params();
        for (auto it = values.constBegin(); it != values.constEnd(); ++it) {
            if (!it.value().toString().isEmpty()) {
                filled << it.key();
            }
        }
        const QStringList missing = missingVariables(*chosen, filled);
        if (!missing.isEmpty()) {
            *error = tr("Fill in every value the template uses: %1 is empty, and EngageLab would send "
                        "the placeholder as it is.")
                         .arg(missing.join(u", "_s));
            return false;
        }
    }
    return true;
}

} // namespace deskbell
