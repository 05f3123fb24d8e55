# The keychain for real (issue 15): Postwire's keychain store against gnome-keyring's Secret
# Service in a private D-Bus session, started by keychain/keychain_session.sh.
add_executable(keychaincheck ${CMAKE_CURRENT_SOURCE_DIR}/keychain/keychaincheck.cpp)
target_link_libraries(keychaincheck PRIVATE postwire_ui postwire_oauth postwire_testsupport Qt6::Test)
add_test(NAME keychain_secret_service
         COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/keychain/keychain_session.sh $<TARGET_FILE:keychaincheck>)
set_tests_properties(keychain_secret_service PROPERTIES TIMEOUT 120)
