# Proves that a record kind cannot be half-added (docs/architecture.md, "Adding a record kind"):
# compiles core/record_kinds.cpp as it is (must succeed, so the probe can fail), then three
# broken copies that must NOT compile:
#   1. a new Kind enumerator and nothing else        -> the exhaustive switch (-Werror=switch)
#   2. the enumerator listed in the switch, no row    -> static_assert on kKindCount / the table
#   3. a row of the table deleted                      -> static_assert "one row per Kind"
# Run by ctest as: cmake -DCXX=... -DSRC=<repo> -DWORK=<dir> -P kind_table_probe.cmake
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
file(READ ${SRC}/core/record_kinds.h header)
file(READ ${SRC}/core/record_kinds.cpp source)

function(probe name header_text source_text expect_ok expect_message)
  set(dir ${WORK}/${name})
  file(MAKE_DIRECTORY ${dir})
  file(WRITE ${dir}/record_kinds.h "${header_text}")
  file(WRITE ${dir}/record_kinds.cpp "${source_text}")
  execute_process(COMMAND ${CMAKE_COMMAND} -E env LC_ALL=C LANG=C ${CXX} -std=c++20 -Wall -Werror=switch -fsyntax-only -I${dir} ${dir}/record_kinds.cpp
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(expect_ok AND NOT rc EQUAL 0)
    message(FATAL_ERROR "${name}: the unchanged table must compile:\n${err}")
  endif()
  if(NOT expect_ok)
    if(rc EQUAL 0)
      message(FATAL_ERROR "${name}: a half-added kind compiled; the kind table no longer guards itself")
    endif()
    string(FIND "${err}" "${expect_message}" at)
    if(at EQUAL -1)
      message(FATAL_ERROR "${name}: failed, but not with \"${expect_message}\":\n${err}")
    endif()
    message(STATUS "${name}: refused as expected (${expect_message})")
  endif()
endfunction()

probe(unchanged "${header}" "${source}" TRUE "")

string(REPLACE "    Training,     // \"training\"\n" "    Training,     // \"training\"\n    Probe,\n" added_enum "${header}")
if(added_enum STREQUAL header)
  message(FATAL_ERROR "probe could not find the Training enumerator in core/record_kinds.h")
endif()
probe(enumerator_only "${added_enum}" "${source}" FALSE "enumeration value 'Probe' not handled in switch")

string(REPLACE "    case Kind::Training:\n        return true;" "    case Kind::Training:\n    case Kind::Probe:\n        return true;" listed "${source}")
if(listed STREQUAL source)
  message(FATAL_ERROR "probe could not find isEnumerator's switch in core/record_kinds.cpp")
endif()
probe(enumerator_without_row "${added_enum}" "${listed}" FALSE "raise kKindCount")

string(REGEX REPLACE "    {.kind = Kind::Teacher,[^\n]*\n[^\n]*\n[^\n]*\n" "" dropped "${source}")
if(dropped STREQUAL source)
  message(FATAL_ERROR "probe could not find the teacher row in core/record_kinds.cpp")
endif()
probe(row_missing "${header}" "${dropped}" FALSE "one row per Kind")
