#pragma once

namespace vaulttray {
inline constexpr const char *kAppName = "vaulttray";
inline constexpr const char *kVersion = VAULTTRAY_VERSION;
} // namespace vaulttray
