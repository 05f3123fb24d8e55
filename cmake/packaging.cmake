# The Debian package (cpack -G DEB, run by scripts/package): postwire_<version>_<arch>.deb.
# Library dependencies come from dpkg-shlibdeps; only what is loaded at run time without
# being linked (Qt's platform and SVG plugins, the openssl command) is named here.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME postwire)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "The Postwire developers")
set(CPACK_PACKAGE_CONTACT "The Postwire developers <postwire@users.noreply.github.com>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "mail composer that shows the SMTP dialogue")
# One string (CMake would join several with ';'); the summary above is the synopsis line.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "Postwire composes and sends mail while every command it sends and every reply
the server gives appears live in a transcript, explained line by line. It comes
with a built-in sandbox SMTP server whose behaviour can be changed, and with
command-line tools to send, probe and type SMTP sessions by hand.")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION mail)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://github.com/postwire/postwire")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins, libqt6svg6, openssl")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "ca-certificates")
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)

# Debian policy: a copyright file and a changelog in /usr/share/doc/postwire, the changelog
# compressed without a time stamp.
configure_file(${PROJECT_SOURCE_DIR}/resources/debian/changelog.in
               ${PROJECT_BINARY_DIR}/debian/changelog @ONLY)
add_custom_command(OUTPUT ${PROJECT_BINARY_DIR}/debian/changelog.gz
                   COMMAND ${POSTWIRE_GZIP} -9nc ${PROJECT_BINARY_DIR}/debian/changelog
                           > ${PROJECT_BINARY_DIR}/debian/changelog.gz
                   DEPENDS ${PROJECT_BINARY_DIR}/debian/changelog VERBATIM)
add_custom_target(postwire_changelog ALL DEPENDS ${PROJECT_BINARY_DIR}/debian/changelog.gz)
install(FILES ${PROJECT_SOURCE_DIR}/resources/debian/copyright
              ${PROJECT_BINARY_DIR}/debian/changelog.gz
        DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/postwire)

include(CPack)
