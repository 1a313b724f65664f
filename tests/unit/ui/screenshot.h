#pragma once

#include <QDir>
#include <QWidget>

namespace vaulttray::testsupport {

// Keeps a picture of the widget under $VAULTTRAY_SCREENSHOTS (the build folder's screenshots/) for a person
// to look at; returns false when it could not be written.
inline bool keepScreenshot(QWidget &widget, const QString &name)
{
    const QString folder = qEnvironmentVariable("VAULTTRAY_SCREENSHOTS");
    if (folder.isEmpty() || !QDir().mkpath(folder))
        return false;
    return widget.grab().save(QDir(folder).filePath(name + QStringLiteral(".png")));
}

} // namespace vaulttray::testsupport
