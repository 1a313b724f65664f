# The freedesktop tree: desktop entry, AppStream metainfo, hicolor icons, man page, copyright and changelog.
include(GNUInstallDirs)

install(FILES ${CMAKE_CURRENT_SOURCE_DIR}/${VAULTTRAY_APP_ID}.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${CMAKE_CURRENT_SOURCE_DIR}/${VAULTTRAY_APP_ID}.metainfo.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)

# Icons: the SVG as drawn, and PNGs rendered from it at build time for the sizes menus and docks ask for.
find_program(RSVG_CONVERT rsvg-convert REQUIRED)
set(app_icon ${CMAKE_CURRENT_SOURCE_DIR}/icons/${VAULTTRAY_APP_ID}.svg)
install(FILES ${app_icon} DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
set(rendered_icons)
foreach(size 16 22 24 32 48 64 128 256 512)
    set(png ${CMAKE_CURRENT_BINARY_DIR}/icons/${size}x${size}/${VAULTTRAY_APP_ID}.png)
    add_custom_command(OUTPUT ${png}
        COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_CURRENT_BINARY_DIR}/icons/${size}x${size}
        COMMAND ${RSVG_CONVERT} --width ${size} --height ${size} --output ${png} ${app_icon}
        DEPENDS ${app_icon} VERBATIM)
    list(APPEND rendered_icons ${png})
    install(FILES ${png} DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps)
endforeach()

# Man page and changelog, compressed without name or time stamp so that a rebuild is byte-identical.
configure_file(${CMAKE_CURRENT_SOURCE_DIR}/vaulttray.1.in ${CMAKE_CURRENT_BINARY_DIR}/vaulttray.1 @ONLY)
configure_file(${CMAKE_CURRENT_SOURCE_DIR}/debian/changelog ${CMAKE_CURRENT_BINARY_DIR}/changelog COPYONLY)
set(compressed)
foreach(file vaulttray.1 changelog)
    add_custom_command(OUTPUT ${CMAKE_CURRENT_BINARY_DIR}/${file}.gz
        COMMAND gzip -9 -n -k -f ${CMAKE_CURRENT_BINARY_DIR}/${file}
        DEPENDS ${CMAKE_CURRENT_BINARY_DIR}/${file} VERBATIM)
    list(APPEND compressed ${CMAKE_CURRENT_BINARY_DIR}/${file}.gz)
endforeach()
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/vaulttray.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/changelog.gz ${CMAKE_CURRENT_SOURCE_DIR}/debian/copyright
    DESTINATION ${CMAKE_INSTALL_DOCDIR})

add_custom_target(vaulttray_desktop_files ALL DEPENDS ${rendered_icons} ${compressed})
