#pragma once

#include <QUrl>

namespace vaulttray {

// Opens a URL in the person's browser without needing a GUI application object (the command line runs in a
// QCoreApplication): xdg-open on Linux (which honours $BROWSER), then $BROWSER itself; `open` on macOS;
// the URL protocol handler on Windows. False when nothing could be started.
bool openUrlExternally(const QUrl &url);

} // namespace vaulttray
