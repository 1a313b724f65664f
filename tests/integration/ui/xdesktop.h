#pragma once

#include <QImage>
#include <QRect>
#include <QString>
#include <QStringList>

#include <optional>

namespace vaulttray::test {

// The private X desktop of xsession.sh, seen from outside the program under test, as a person sees it: windows
// from xwininfo, clicks and keys through xdotool, pictures through ImageMagick's import of the root window.
// (Needs a QCoreApplication: the tools run as QProcesses.)
namespace xdesktop {

struct XWindow
{
    QString id;   // 0x...
    QString name; // WM_NAME, empty when it has none
    QRect rect;   // on the screen
};

// The icon the program docked in trayer's panel, found under the panel in the window tree.
std::optional<XWindow> trayIcon(const QString &name = QStringLiteral("vaulttray"));
// The visible top-level windows whose name is exactly `name`.
QList<XWindow> visibleWindows(const QString &name);
// The panel itself (to frame screenshots of the icon).
std::optional<XWindow> trayPanel();

bool click(const XWindow &window, int button = 1);
bool key(const QString &keys); // xdotool key syntax, to the focused window
// Gives `window` the keyboard focus (there is no window manager to do it), then types `keys` into it.
bool keyInto(const XWindow &window, const QString &keys);

// The screen now, or a part of it.
QImage grab(const QRect &area = QRect());
// Saves `image` as NAME.png in the screenshots folder ($VAULTTRAY_SCREENSHOTS, e.g. build/screenshots): CI keeps
// them as artefacts. Returns the file's path, or an empty string when it could not be written.
QString keep(const QImage &image, const QString &name);

// How many distinct colours a picture has: a blank area has one or two.
int colours(const QImage &image);

} // namespace xdesktop
} // namespace vaulttray::test
