// SPDX-License-Identifier: MIT
#pragma once

#include "cli/CheckRun.h"

#include <iosfwd>
#include <vector>

namespace blastline::cli {

/**
 * The gate's result as a pull-request comment (GitHub-flavoured Markdown): the verdict and a short
 * table first, where a reviewer sees it; the reasons, recovery points and the safeguards that would
 * prevent each finding folded in `<details>`.
 */
class CheckMarkdown
{
public:
    static void write(std::ostream& out, const CheckRun& run, const std::vector<Finding>& findings);
};

} // namespace blastline::cli
