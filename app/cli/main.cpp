// SPDX-License-Identifier: MIT
#include "cli/Cli.h"

#include <iostream>

int main(int argc, char** argv)
{
    std::ios::sync_with_stdio(false);
    return blastline::cli::runCli(argc, argv, std::cout, std::cerr);
}
