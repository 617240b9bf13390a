// SPDX-License-Identifier: MIT
#pragma once

#include <stdexcept>
#include <string>

namespace blastline::core {

/** Base of the errors Blastline throws; the CLI maps them to exit codes in one place. */
class Error : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

/** The input is not what it claims or should be. The message names the file, the place and what was expected. */
class InputError : public Error
{
public:
    using Error::Error;
};

/** Long work was cancelled through ProgressSink::isCancelled(). */
class OperationCancelled : public Error
{
public:
    OperationCancelled()
        : Error("operation cancelled")
    { }
};

} // namespace blastline::core
