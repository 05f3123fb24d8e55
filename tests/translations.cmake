# Every text a person reads has a translation in every language (tests/support/check_translations.py
# runs lupdate into a copy, never into the tree); the command line follows LANG and --lang.
find_package(Qt6 6.4 REQUIRED COMPONENTS LinguistTools)
add_test(NAME translations_complete
         COMMAND ${POSTWIRE_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/support/check_translations.py
                 $<TARGET_FILE:Qt6::lupdate> ${PROJECT_SOURCE_DIR}
                 ${CMAKE_CURRENT_BINARY_DIR}/translations-check "${POSTWIRE_EXTRA_TRANSLATIONS_DIR}")
set_tests_properties(translations_complete PROPERTIES TIMEOUT 900)
