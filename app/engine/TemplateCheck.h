#pragma once

#include "domain/Message.h"
#include "domain/Rules.h"
#include "sms/EngageLabTemplates.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace deskbell {

// The parameters the planner gives a message of this kind (Planner fills exactly these).
QStringList suppliedParams(MessageKind kind);

// What is wrong with the template mappings, checked against the account's templates: an id that does
// not exist, a template not (yet) approved, and variables the message does not fill (EngageLab would
// send "{clinic}" literally). One entry per problem, for every rule set (defaults and overrides).
struct TemplateProblem
{
    QString ruleSource; // "defaults" or "event_type.<id>"
    MessageKind kind = MessageKind::Confirm;
    QString templateId;
    QString problem;           // plain words for the operator
    bool blocksSending = true; // false for a warning that does not stop the text (none yet)

    QString toString() const;
};

QList<TemplateProblem> checkTemplateMappings(const RuleSet &rules, const QList<SmsTemplate> &templates);

} // namespace deskbell
