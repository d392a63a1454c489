# Read by cpack once per generator (CPACK_PROJECT_CONFIG_FILE), with CPACK_GENERATOR set to it.

if(CPACK_GENERATOR STREQUAL "TGZ")
    # The tarball mirrors the .deb's tree (usr/..., etc/deskbell/...) under one top folder, so the
    # unit's /usr/bin/deskbell and /etc/deskbell paths hold after
    #   sudo tar -xzf deskbell-<version>-linux-x86_64.tar.gz -C / --strip-components=1
    # DESTDIR staging keeps the absolute /etc/deskbell destinations inside the archive.
    set(CPACK_SET_DESTDIR ON)
    set(CPACK_INSTALL_PREFIX /usr)
endif()
