#include "ThemeColors.h"

#include <QPalette>
#include <QWidget>

namespace deskbell {

namespace {
const char *const TONE_PROPERTY = "deskbellTone";
}

bool ThemeColors::isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < palette.color(QPalette::WindowText).lightness();
}

QColor ThemeColors::textColor(Tone tone, const QPalette &palette)
{
    const bool dark = isDark(palette);
    switch (tone) {
    case Tone::Normal:
        return palette.color(QPalette::WindowText);
    case Tone::Good:
        return dark ? QColor(120, 220, 140) : QColor(0, 110, 40);
    case Tone::Attention:
        return dark ? QColor(255, 196, 100) : QColor(150, 85, 0);
    case Tone::Warning:
        return dark ? QColor(255, 135, 135) : QColor(176, 0, 32);
    }
    return palette.color(QPalette::WindowText);
}

void ThemeColors::applyTone(QWidget *widget, Tone tone)
{
    widget->setProperty(TONE_PROPERTY, int(tone));
    // Start from the parent's palette so a theme change is followed, then colour the text roles.
    QPalette palette = widget->parentWidget() ? widget->parentWidget()->palette() : widget->palette();
    if (tone != Tone::Normal) {
        const QColor color = textColor(tone, palette);
        palette.setColor(QPalette::WindowText, color);
        palette.setColor(QPalette::Text, color);
    }
    widget->setPalette(palette);
}

void ThemeColors::reapplyTones(QWidget *root)
{
    const auto children = root->findChildren<QWidget *>();
    for (QWidget *child : children) {
        const QVariant tone = child->property(TONE_PROPERTY);
        if (tone.isValid()) {
            applyTone(child, Tone(tone.toInt()));
        }
    }
}

} // namespace deskbell
