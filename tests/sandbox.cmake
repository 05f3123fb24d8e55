# The sandbox server as a separate process: 200 concurrent sessions and malformed input
# from a Python load script, then SIGTERM (tests/support/sandbox_load.py).
add_test(NAME sandbox_load
         COMMAND ${POSTWIRE_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/support/sandbox_load.py
                 $<TARGET_FILE:postwire> ${CMAKE_CURRENT_BINARY_DIR}/sandbox_load --sessions 200)
postwire_test_environment(sandbox_load)
set_tests_properties(sandbox_load PROPERTIES PASS_REGULAR_EXPRESSION "PASSED" FAIL_REGULAR_EXPRESSION "FAILED" TIMEOUT 180)

# Crash safety: `postwire sandbox` killed (SIGKILL) in the middle of a burst from 20 sessions;
# every message that got its 250 must be on disk whole (tests/support/sandbox_crash.py).
add_test(NAME sandbox_crash
         COMMAND ${POSTWIRE_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/support/sandbox_crash.py
                 $<TARGET_FILE:postwire> ${CMAKE_CURRENT_BINARY_DIR}/sandbox_crash --sessions 20)
postwire_test_environment(sandbox_crash)
set_tests_properties(sandbox_crash PROPERTIES PASS_REGULAR_EXPRESSION "PASSED" FAIL_REGULAR_EXPRESSION "FAILED" TIMEOUT 180)
