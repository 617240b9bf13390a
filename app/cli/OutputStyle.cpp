// SPDX-License-Identifier: MIT
#include "cli/OutputStyle.h"

#include <cstdlib>
#include <unistd.h>

namespace blastline::cli {

OutputStyle OutputStyle::forStdout()
{
    // https://no-color.org: any non-empty NO_COLOR turns colour off.
    const char* noColor = std::getenv("NO_COLOR");
    const bool colour = ::isatty(STDOUT_FILENO) == 1 && (noColor == nullptr || *noColor == '\0');
    return OutputStyle(colour);
}

} // namespace blastline::cli
