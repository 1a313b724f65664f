# The Windows installer (cpack -G NSIS), run after windeployqt has put the Qt DLLs and plugins into the
# install tree: docs/packaging.md.
set(CPACK_GENERATOR NSIS)
set(CPACK_PACKAGE_EXECUTABLES vaulttray vaulttray) # a Start menu entry
set(CPACK_NSIS_PACKAGE_NAME vaulttray)
set(CPACK_NSIS_DISPLAY_NAME vaulttray)
set(CPACK_NSIS_INSTALLED_ICON_NAME bin\\\\vaulttray.exe)
set(CPACK_NSIS_URL_INFO_ABOUT ${VAULTTRAY_HOMEPAGE})
set(CPACK_NSIS_HELP_LINK ${VAULTTRAY_HOMEPAGE})
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
# Per-user autostart is the app's own setting (a Run key value); the uninstaller removes it too.
set(CPACK_NSIS_EXTRA_UNINSTALL_COMMANDS
    "DeleteRegValue HKCU 'Software\\\\Microsoft\\\\Windows\\\\CurrentVersion\\\\Run' 'vaulttray'")
