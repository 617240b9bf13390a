// SPDX-License-Identifier: MIT
#include "cli/Cli.h"

#include "cli/CaseCommand.h"
#include "cli/CheckCommand.h"
#include "cli/DestroyCommand.h"
#include "cli/GraphCommand.h"
#include "cli/ReplayCommand.h"
#include "cli/ReportCommand.h"
#include "cli/RulesCommand.h"
#include "cli/TimelineCommand.h"
#include "cli/TrainCommand.h"

#include "blastline/core/Error.h"
#include "blastline/core/sqlite/SqliteError.h"

#include <CLI/CLI.hpp>

#include <iostream>
#include <ostream>

namespace blastline::cli {

int runCli(int argc, const char* const* argv, std::ostream& out, std::ostream& err)
{
    CLI::App app("Blastline: what a terraform destroy or apply removes, and what happened when it did.", "blastline");
    app.set_version_flag("--version", std::string("blastline ") + BLASTLINE_VERSION);
    app.require_subcommand(1);

    DestroyCommand destroy;
    CheckCommand check;
    GraphCommand graph;
    RulesCommand rules;
    TimelineCommand timeline;
    ReplayCommand replay;
    TrainCommand train;
    ReportCommand report;
    CaseCommand caseCommand;
    destroy.registerWith(app);
    check.registerWith(app);
    graph.registerWith(app);
    rules.registerWith(app);
    timeline.registerWith(app);
    replay.registerWith(app);
    train.registerWith(app);
    report.registerWith(app);
    caseCommand.registerWith(app);

    // CLI11 would say only "A subcommand is required" for a mistyped command; name it instead.
    if (argc > 1 && argv[1][0] != '-'
        && app.get_subcommands([&](const CLI::App* sub) { return sub->get_name() == argv[1]; }).empty()) {
        err << "blastline: unknown command '" << argv[1]
            << "' (commands: destroy, check, graph, timeline, replay, train, report, case, rules)\nRun with --help for "
               "usage.\n";
        return ExitBadInput;
    }

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp&) {
        out << app.help();
        return ExitOk;
    } catch (const CLI::CallForAllHelp&) {
        out << app.help("", CLI::AppFormatMode::All);
        return ExitOk;
    } catch (const CLI::CallForVersion& version) {
        out << version.what() << '\n';
        return ExitOk;
    } catch (const CLI::ParseError& error) {
        err << "blastline: " << error.what() << "\nRun with --help for usage.\n";
        return ExitBadInput;
    }

    try {
        if (app.got_subcommand("destroy"))
            return destroy.run(out, err);
        if (app.got_subcommand("check"))
            return check.run(out, err);
        if (app.got_subcommand("graph"))
            return graph.run(out, err);
        if (app.got_subcommand("rules"))
            return rules.run(out, err);
        if (app.got_subcommand("timeline"))
            return timeline.run(out, err);
        if (app.got_subcommand("replay"))
            return replay.run(out, err);
        if (app.got_subcommand("train"))
            return train.run(std::cin, out, err); // the trainee answers on the terminal
        if (app.got_subcommand("report"))
            return report.run(out, err);
        if (caseCommand.wasGiven())
            return caseCommand.run(out, err);
    } catch (const core::InputError& error) {
        err << "blastline: error: " << error.what() << '\n';
        return ExitBadInput;
    } catch (const core::sqlite::SqliteError& error) {
        if (error.isBusy()) {
            err << "blastline: error: " << error.what()
                << "\nAnother process is writing to this case; try again when it has finished.\n";
            return ExitBusy;
        }
        err << "blastline: error: " << error.what() << '\n';
        return ExitBadInput; // a damaged or foreign database file is input Blastline cannot use
    } catch (const core::OperationCancelled&) {
        err << "blastline: cancelled\n";
        return ExitCancelled;
    } catch (const std::exception& error) {
        err << "blastline: internal error: " << error.what() << "\nPlease report this with the command you ran.\n";
        return ExitInternal;
    }
    return ExitInternal;
}

} // namespace blastline::cli
