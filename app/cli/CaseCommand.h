// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace blastline::cli {

/**
 * `blastline case import CASE FILE_OR_DIR... [--embed]`, `case show CASE [--format text|json]`,
 * `case verify CASE`, `case note CASE (--at TIME | --event ID | --address ADDR) TEXT [--author NAME]`,
 * `case events CASE --address ADDR [--offset N] [--limit N] [--format text|jsonl]`:
 * an investigation kept in one SQLite file (docs/case-file.md).
 */
class CaseCommand
{
public:
    void registerWith(CLI::App& app);
    /** Whether one of the case sub-commands was given (CLI11 marks the parent too). */
    bool wasGiven() const;
    int run(std::ostream& out, std::ostream& err) const;

private:
    int runImport(std::ostream& out, std::ostream& err) const;
    int runShow(std::ostream& out) const;
    int runVerify(std::ostream& out) const;
    int runNote(std::ostream& out) const;
    int runEvents(std::ostream& out) const;

    CLI::App* m_command = nullptr;
    CLI::App* m_import = nullptr;
    CLI::App* m_show = nullptr;
    CLI::App* m_verify = nullptr;
    CLI::App* m_note = nullptr;
    CLI::App* m_events = nullptr;
    std::int64_t m_offset = 0;
    std::int64_t m_limit = 1000;
    std::string m_case;
    std::vector<std::string> m_paths;
    bool m_embed = false;
    std::string m_format = "text";
    std::string m_at;
    std::string m_event;
    std::string m_address;
    std::string m_text;
    std::string m_author;
};

} // namespace blastline::cli
