#pragma once

#include <QColor>

class QPalette;
class QWidget;

namespace deskbell {

// Colours that stay readable in light and dark themes: derived from the widget's palette, never
// fixed for one background. Colour is never the only signal: every toned text also says it in words.
class ThemeColors
{
public:
    enum class Tone
    {
        Normal,
        Good,      // approved, delivered
        Attention, // waiting for review, maybe sent
        Warning,   // cannot be sent as it is, rejected, refused
    };

    // A dark theme: the window background is darker than its text.
    static bool isDark(const QPalette &palette);
    static QColor textColor(Tone tone, const QPalette &palette);

    // Gives a label (or any widget with text) the tone's text colour, and remembers the tone so
    // reapplyTones() can follow a theme change.
    static void applyTone(QWidget *widget, Tone tone);
    // Recomputes every toned widget under root (call on QEvent::PaletteChange).
    static void reapplyTones(QWidget *root);
};

} // namespace deskbell
