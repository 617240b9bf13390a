// SPDX-License-Identifier: MIT
#pragma once

#include <iosfwd>

namespace blastline::cli {

/**
 * Exit codes, documented in docs/cli.md. 1 is kept for "the analysis found what you asked to fail on"
 * (the CI gate of `blastline check`), so that it never means "Blastline broke".
 */
enum ExitCode : int
{
    ExitOk = 0,
    ExitFindings = 1,
    ExitIncompleteInput = 1, // timeline: some input files could not be read; the output holds the rest
    ExitBadInput = 2, // usage errors and unreadable or invalid input files
    ExitInternal = 70, // a bug: an exception nobody expected (EX_SOFTWARE)
    ExitBusy = 75, // a case file is being written by another process (EX_TEMPFAIL): try again
    ExitCancelled = 130 // interrupted, as a shell reports a SIGINT
};

/** Runs the `blastline` command line; everything it prints goes to `out` and `err`. */
int runCli(int argc, const char* const* argv, std::ostream& out, std::ostream& err);

} // namespace blastline::cli
