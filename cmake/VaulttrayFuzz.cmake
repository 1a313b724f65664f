# The IMAP parser's libFuzzer target (tests/fuzz), built by clang in its own project through ExternalProject, and a
# ctest that runs it for VAULTTRAY_FUZZ_SECONDS on a seed corpus written by tst_responseparser's rows. A crash, a
# sanitizer report, a leak or a timeout fails the test.
set(VAULTTRAY_FUZZ_SECONDS 20 CACHE STRING "How long the fuzz test runs each target")
find_program(VAULTTRAY_FUZZ_CXX NAMES clang++-14 clang++)
if(NOT VAULTTRAY_FUZZ_CXX)
    message(WARNING "clang++ not found: the IMAP parser fuzz test is not built. "
                    "Debian: apt-get install clang-14 libclang-rt-14-dev (scripts/test installs them).")
    return()
endif()

include(ExternalProject)
set(fuzz_dir ${CMAKE_BINARY_DIR}/fuzz)
ExternalProject_Add(vaulttray_fuzzers
    SOURCE_DIR ${PROJECT_SOURCE_DIR}/tests/fuzz
    BINARY_DIR ${fuzz_dir}/build
    CMAKE_ARGS -DCMAKE_CXX_COMPILER=${VAULTTRAY_FUZZ_CXX} -DCMAKE_BUILD_TYPE=RelWithDebInfo -DQt6_DIR=${Qt6_DIR}
    INSTALL_COMMAND ""
    BUILD_ALWAYS ON
    BUILD_BYPRODUCTS ${fuzz_dir}/build/fuzz_imapparser ${fuzz_dir}/build/fuzz_gmailjson
                     ${fuzz_dir}/build/fuzz_oauthbody ${fuzz_dir}/build/fuzz_mime)

# Seeds first: every parser test row in the fuzz target's input format.
add_test(NAME fuzz_imapparser_seeds COMMAND tst_responseparser parse)
set_tests_properties(fuzz_imapparser_seeds PROPERTIES
    FIXTURES_SETUP imap_fuzz_seeds
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen;LANG=C.UTF-8;VAULTTRAY_FUZZ_SEED_DIR=${fuzz_dir}/seeds")
file(MAKE_DIRECTORY ${fuzz_dir}/corpus ${fuzz_dir}/seeds)
# New inputs go to corpus/ (kept between runs, so each run starts where the last ended); crashes to fuzz/.
add_test(NAME fuzz_imapparser
    COMMAND ${fuzz_dir}/build/fuzz_imapparser -max_total_time=${VAULTTRAY_FUZZ_SECONDS} -max_len=4096 -timeout=10
            -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix=${fuzz_dir}/ ${fuzz_dir}/corpus ${fuzz_dir}/seeds)
set_tests_properties(fuzz_imapparser PROPERTIES
    FIXTURES_REQUIRED imap_fuzz_seeds
    LABELS fuzz
    TIMEOUT 300)

# The Gmail JSON, OAuth token-answer and MIME targets, seeded with the documented answer shapes and generated mail
# that tests/fuzz/seeds.py writes at test time (a folder of their own: libFuzzer reads seed folders recursively).
# Longer runs: scripts/soak fuzz.
add_test(NAME fuzz_seeds COMMAND /usr/bin/python3 ${PROJECT_SOURCE_DIR}/tests/fuzz/seeds.py ${fuzz_dir}/seeds-by-target)
set_tests_properties(fuzz_seeds PROPERTIES FIXTURES_SETUP fuzz_seeds)
foreach(target gmailjson oauthbody mime)
    file(MAKE_DIRECTORY ${fuzz_dir}/corpus-${target})
    add_test(NAME fuzz_${target}
        COMMAND ${fuzz_dir}/build/fuzz_${target} -max_total_time=${VAULTTRAY_FUZZ_SECONDS} -max_len=16384 -timeout=10
                -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix=${fuzz_dir}/ ${fuzz_dir}/corpus-${target}
                ${fuzz_dir}/seeds-by-target/${target})
    set_tests_properties(fuzz_${target} PROPERTIES FIXTURES_REQUIRED fuzz_seeds LABELS fuzz TIMEOUT 300)
endforeach()
