# vaulttray_test(NAME SOURCES... LIBS... [LABELS ...] [ENV ...] [WRAPPER script] [ARGS ...] [EXECUTABLE target])
# One executable per test; tests link the layer libraries, never the app. WRAPPER runs it through a script that
# sets up its surroundings (e.g. tests/integration/ui/xsession.sh: an X server, a tray host, a session bus).
# EXECUTABLE runs a test executable made by an earlier vaulttray_test again, with ARGS (e.g. one QTest function, for
# a scenario that needs a process of its own).
function(vaulttray_test name)
    cmake_parse_arguments(T "" "TIMEOUT;WRAPPER;EXECUTABLE" "SOURCES;LIBS;LABELS;ENV;ARGS" ${ARGN})
    if(T_EXECUTABLE)
        set(exe ${T_EXECUTABLE})
    else()
        set(exe ${name})
        add_executable(${name} ${T_SOURCES})
        target_link_libraries(${name} PRIVATE Qt6::Test ${T_LIBS})
    endif()
    if(T_WRAPPER)
        add_test(NAME ${name} COMMAND ${T_WRAPPER} $<TARGET_FILE:${exe}> ${T_ARGS})
    else()
        add_test(NAME ${name} COMMAND ${exe} ${T_ARGS})
    endif()
    if(NOT T_TIMEOUT)
        set(T_TIMEOUT 300)
    endif()
    set_tests_properties(${name} PROPERTIES
        TIMEOUT ${T_TIMEOUT}
        LABELS "${T_LABELS}"
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;LANG=C.UTF-8;LC_ALL=C.UTF-8;VAULTTRAY_TEST_DATA=${PROJECT_SOURCE_DIR}/tests/data;${T_ENV}")
endfunction()
