# The layering DESIGN.md promises, checked from the includes (tests/support/check_layering.py).
add_test(NAME layering
         COMMAND ${POSTWIRE_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/support/check_layering.py
                 ${PROJECT_SOURCE_DIR} ${QT6_INSTALL_PREFIX}/${QT6_INSTALL_HEADERS})
