# vaulttray_test(NAME SOURCES... LIBS... [LABELS ...] [ENV ...] [WRAPPER script])
# One executable per test; tests link the layer libraries, never the app. WRAPPER runs it through a script that
# sets up its surroundings (e.g. tests/integration/ui/xsession.sh: an X server, a tray host, a session bus).
function(vaulttray_test name)
    cmake_parse_arguments(T "" "TIMEOUT;WRAPPER" "SOURCES;LIBS;LABELS;ENV" ${ARGN})
    add_executable(${name} ${T_SOURCES})
    target_link_libraries(${name} PRIVATE Qt6::Test ${T_LIBS})
    if(T_WRAPPER)
        add_test(NAME ${name} COMMAND ${T_WRAPPER} $<TARGET_FILE:${name}>)
    else()
        add_test(NAME ${name} COMMAND ${name})
    endif()
    if(NOT T_TIMEOUT)
        set(T_TIMEOUT 300)
    endif()
    set_tests_properties(${name} PROPERTIES
        TIMEOUT ${T_TIMEOUT}
        LABELS "${T_LABELS}"
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;LANG=C.UTF-8;LC_ALL=C.UTF-8;VAULTTRAY_TEST_DATA=${PROJECT_SOURCE_DIR}/tests/data;${T_ENV}")
endfunction()
