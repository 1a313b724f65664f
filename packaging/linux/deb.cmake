# The Debian package (cpack -G DEB). dpkg-shlibdeps finds the linked libraries (Qt 6, QtKeychain, GMime,
# zstd, SQLite); what is only loaded at run time is named here.
set(CPACK_GENERATOR DEB)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION mail)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# libqt6sql6-sqlite: the QSQLITE driver plugin; qt6-qpa-plugins: the X11/Wayland platform plugins;
# libqt6svg6: the SVG icon engine for the tray icons; libsecret-1-0: loaded by QtKeychain for the Secret Service.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite, qt6-qpa-plugins, libqt6svg6, libsecret-1-0")
# A Secret Service keeps the passwords and tokens; without one vaulttray stores nothing unless allowed a file.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "gnome-keyring | keepassxc")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "sqlite3")
# The extended description under the synopsis, in lines of at most 80 columns (CPack indents them).
set(CPACK_PACKAGE_DESCRIPTION "vaulttray keeps a complete, durable and searchable archive of your mail
on your own machine, from the system tray: Gmail accounts through the Gmail
API and IMAP servers, in one SQLite file with full-text search.

It survives sleep, network changes and power cuts without losing or
duplicating mail; mail deleted on the server stays in the archive. Passwords
and tokens stay in the system keychain, never in the archive.")
