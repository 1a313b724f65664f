# vaulttray_dovecot_testbed: the private Dovecot and the Maildir generator, for the IMAP tests and the benchmarks
# (which build without the tests, hence a file both include).
if(NOT TARGET vaulttray_dovecot_testbed)
    add_library(vaulttray_dovecot_testbed STATIC
        ${CMAKE_CURRENT_LIST_DIR}/dovecottestbed.h ${CMAKE_CURRENT_LIST_DIR}/dovecottestbed.cpp
        ${CMAKE_CURRENT_LIST_DIR}/maildirgenerator.h ${CMAKE_CURRENT_LIST_DIR}/maildirgenerator.cpp)
    target_include_directories(vaulttray_dovecot_testbed PUBLIC ${CMAKE_CURRENT_LIST_DIR})
    target_link_libraries(vaulttray_dovecot_testbed PUBLIC vaulttray_imap Qt6::Core Qt6::Network)
endif()
