# postwire(1) describes every option each command's --help prints (tests/support/check_manpage.py).
add_test(NAME manpage
         COMMAND ${POSTWIRE_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/support/check_manpage.py
                 $<TARGET_FILE:postwire> ${PROJECT_SOURCE_DIR}/resources/postwire.1)
# The check must fail when an option is missing from the man page.
add_test(NAME manpage_detects_missing_option
         COMMAND ${POSTWIRE_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/support/check_manpage.py
                 $<TARGET_FILE:postwire> ${PROJECT_SOURCE_DIR}/resources/postwire.1
                 --drop send --from)
set_tests_properties(manpage_detects_missing_option PROPERTIES
    PASS_REGULAR_EXPRESSION "postwire send: --from is in --help but not in the man page")
foreach(name manpage manpage_detects_missing_option)
    postwire_test_environment(${name})
endforeach()
# The man page is English: compare it with the English --help whatever the machine's language.
set_property(TEST manpage manpage_detects_missing_option APPEND PROPERTY ENVIRONMENT
             "LC_ALL=C.UTF-8;LANG=C.UTF-8;LANGUAGE=")
