// The `taizhang` executable: everything lives in the taizhang_cli library (cli.h).
#include <iostream>

#include "cli.h"

int main(int argc, char** argv)
{
    return taizhang::cli::runCli(argc, argv, std::cin, std::cout, std::cerr);
}
