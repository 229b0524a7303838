# CPACK_PRE_BUILD_SCRIPTS for the DEB generator: the install rules put the county's config and
# system unit under the prefix (etc/, lib/systemd/system) so that `cmake --install --prefix DIR`
# never writes outside DIR. In the package they belong at the root: /etc/taizhang-county and
# /lib/systemd/system (bookworm's unit directory). Runs once per staged component.
file(GLOB staged_roots LIST_DIRECTORIES true "${CPACK_TEMPORARY_DIRECTORY}/*/usr" "${CPACK_TEMPORARY_DIRECTORY}/usr")
foreach(usr IN LISTS staged_roots)
  get_filename_component(root "${usr}" DIRECTORY)
  foreach(sub etc lib/systemd/system)
    if(IS_DIRECTORY "${usr}/${sub}")
      get_filename_component(parent "${root}/${sub}" DIRECTORY)
      file(MAKE_DIRECTORY "${parent}")
      file(RENAME "${usr}/${sub}" "${root}/${sub}")
      message(STATUS "deb layout: /usr/${sub} -> /${sub} in ${root}")
    endif()
  endforeach()
  # Remove directories left empty by the moves (usr/lib/systemd when only system units were there).
  foreach(dir lib/systemd lib)
    if(IS_DIRECTORY "${usr}/${dir}")
      file(GLOB left "${usr}/${dir}/*")
      if(NOT left)
        file(REMOVE_RECURSE "${usr}/${dir}")
      endif()
    endif()
  endforeach()
endforeach()
