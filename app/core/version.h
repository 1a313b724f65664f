#pragma once

namespace vaulttray {
inline constexpr const char *kAppName = "vaulttray";
inline constexpr const char *kVersion = VAULTTRAY_VERSION;
// One reverse-DNS id everywhere: desktop entry, AppStream, icon, autostart entry, Flatpak, macOS bundle.
inline constexpr const char *kAppId = VAULTTRAY_APP_ID;
} // namespace vaulttray
