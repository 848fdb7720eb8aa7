# `make package`: a Debian package an operator installs with neither a compiler nor Node
# (issue 11, "Operating it"). It carries the binary, the built web UI (web/dist, built first by
# `make package`), the policy as an editable configuration file, the systemd unit and the
# deployment guide. Runtime library dependencies are computed by dpkg-shlibdeps.
include(GNUInstallDirs)

install(TARGETS grassroots RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/web/dist/ DESTINATION ${CMAKE_INSTALL_DATADIR}/grassroots/web)
install(FILES ${PROJECT_SOURCE_DIR}/policy/mohe-2016.toml DESTINATION /etc/grassroots
        RENAME policy.toml)
install(FILES ${PROJECT_SOURCE_DIR}/packaging/grassroots.default DESTINATION /etc/default
        RENAME grassroots)
install(FILES ${PROJECT_SOURCE_DIR}/packaging/grassroots.service
        DESTINATION /lib/systemd/system)
install(FILES ${PROJECT_SOURCE_DIR}/docs/deploy.md ${PROJECT_SOURCE_DIR}/docs/contract.md
        DESTINATION ${CMAKE_INSTALL_DOCDIR})

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME grassroots)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "Grassroots maintainers <grassroots@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "Assessment and rectification of weak grassroots Party organizations")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION admin)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "adduser")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "nginx, postgresql-15")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
# The policy and the service settings are the operator's: an upgrade keeps their edits.
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${PROJECT_SOURCE_DIR}/packaging/postinst ${PROJECT_SOURCE_DIR}/packaging/prerm
    ${PROJECT_SOURCE_DIR}/packaging/postrm ${CMAKE_CURRENT_BINARY_DIR}/packaging/conffiles)
file(WRITE ${CMAKE_CURRENT_BINARY_DIR}/packaging/conffiles
     "/etc/grassroots/policy.toml\n/etc/default/grassroots\n")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
