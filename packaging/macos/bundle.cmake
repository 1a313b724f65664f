# vaulttray.app: a menu-bar app (LSUIElement: no Dock icon, no menu bar of its own), with the same id as
# everywhere else. macdeployqt, signing and notarisation are steps after the build: docs/packaging.md.
set(icns ${CMAKE_CURRENT_BINARY_DIR}/vaulttray.icns)
set(iconset ${CMAKE_CURRENT_BINARY_DIR}/vaulttray.iconset)
find_program(RSVG_CONVERT rsvg-convert REQUIRED) # Homebrew: librsvg
set(iconset_commands)
foreach(size 16 32 128 256 512)
    math(EXPR double "${size} * 2")
    list(APPEND iconset_commands
        COMMAND ${RSVG_CONVERT} -w ${size} -h ${size} -o ${iconset}/icon_${size}x${size}.png
                ${CMAKE_CURRENT_SOURCE_DIR}/icons/${VAULTTRAY_APP_ID}.svg
        COMMAND ${RSVG_CONVERT} -w ${double} -h ${double} -o ${iconset}/icon_${size}x${size}@2x.png
                ${CMAKE_CURRENT_SOURCE_DIR}/icons/${VAULTTRAY_APP_ID}.svg)
endforeach()
add_custom_command(OUTPUT ${icns}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${iconset}
    ${iconset_commands}
    COMMAND iconutil --convert icns --output ${icns} ${iconset}
    DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/icons/${VAULTTRAY_APP_ID}.svg VERBATIM)
target_sources(vaulttray PRIVATE ${icns})
set_source_files_properties(${icns} PROPERTIES MACOSX_PACKAGE_LOCATION Resources)

set_target_properties(vaulttray PROPERTIES
    MACOSX_BUNDLE TRUE
    MACOSX_BUNDLE_INFO_PLIST ${CMAKE_CURRENT_SOURCE_DIR}/macos/Info.plist.in
    MACOSX_BUNDLE_BUNDLE_NAME vaulttray
    MACOSX_BUNDLE_EXECUTABLE_NAME vaulttray
    MACOSX_BUNDLE_GUI_IDENTIFIER ${VAULTTRAY_APP_ID}
    MACOSX_BUNDLE_ICON_FILE vaulttray.icns
    MACOSX_BUNDLE_SHORT_VERSION_STRING ${PROJECT_VERSION}
    MACOSX_BUNDLE_BUNDLE_VERSION ${PROJECT_VERSION}
    MACOSX_BUNDLE_COPYRIGHT "© 2026 The vaulttray developers")
set(CPACK_GENERATOR DragNDrop)
