// SPDX-License-Identifier: MIT
#pragma once

#include <string>

namespace blastline::cli {

/** Terminal styling: ANSI colour only when writing to a terminal and NO_COLOR is unset. */
class OutputStyle
{
public:
    /** Decides for standard output (the only stream the reports go to). */
    static OutputStyle forStdout();
    static OutputStyle plain() { return OutputStyle(false); }

    std::string green(const std::string& text) const { return wrap("32", text); }
    std::string red(const std::string& text) const { return wrap("31", text); }
    std::string yellow(const std::string& text) const { return wrap("33", text); }
    std::string bold(const std::string& text) const { return wrap("1", text); }
    std::string dim(const std::string& text) const { return wrap("2", text); }

private:
    explicit OutputStyle(bool colour)
        : m_colour(colour)
    { }
    std::string wrap(const char* code, const std::string& text) const
    {
        return m_colour ? "\x1b[" + std::string(code) + "m" + text + "\x1b[0m" : text;
    }
    bool m_colour;
};

} // namespace blastline::cli
