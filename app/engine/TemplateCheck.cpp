#include "engine/TemplateCheck.h"

namespace deskbell {

using namespace Qt::StringLiterals;

QStringList suppliedParams(MessageKind kind)
{
    QStringList params{u"name"_s,     u"time"_s,       u"date"_s,           u"timezone"_s, u"event_name"_s,
                       u"location"_s, u"cancel_url"_s, u"reschedule_url"_s, u"host_name"_s};
    if (kind == MessageKind::Reminder) {
        params.append(u"advance"_s);
    }
    if (kind == MessageKind::HostNotify) {
        params.append(u"event"_s);
    }
    return params;
}

QString TemplateProblem::toString() const
{
    return u"%1 (%2, template %3): %4"_s.arg(displayName(kind), ruleSource, templateId, problem);
}

QList<TemplateProblem> checkTemplateMappings(const RuleSet &rules, const QList<SmsTemplate> &templates)
{
    QList<TemplateProblem> problems;
    const auto checkRules = [&](const Rules &r, const QString &source) {
        for (MessageKind kind : allMessageKinds()) {
            const QString id = r.templateFor(kind);
            if (id.isEmpty()) {
                continue;
            }
            const auto found = std::find_if(templates.begin(), templates.end(),
                                            [&](const SmsTemplate &t) { return t.id == id; });
            if (found == templates.end()) {
                problems.append({source, kind, id, u"no template with this id in the EngageLab account"_s});
                continue;
            }
            if (!found->isApproved()) {
                QString text = u"the template is %1"_s.arg(found->statusText());
                if (!found->auditRemark.isEmpty()) {
                    text += u" (\"%1\")"_s.arg(found->auditRemark);
                }
                problems.append({source, kind, id, text});
            }
            const QStringList missing = missingVariables(*found, suppliedParams(kind));
            if (!missing.isEmpty()) {
                problems.append(
                    {source, kind, id,
                     u"the text uses %1, which Deskbell does not fill for this message; EngageLab would "
                     "send it as written"_s.arg(missing.join(u", "_s))});
            }
        }
    };
    checkRules(rules.defaults, u"defaults"_s);
    for (const auto &o : rules.overrides) {
        checkRules(o.rules, u"event_type."_s + o.id);
    }
    return problems;
}

} // namespace deskbell
