// taizhang-county: the county education bureau's server and admin tool (see docs/server.md).
#include "commands.h"

int main(int argc, char** argv) { return taizhang::server::runCountyCli(argc, argv); }
