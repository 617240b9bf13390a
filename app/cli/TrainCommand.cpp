// SPDX-License-Identifier: MIT
#include "cli/TrainCommand.h"

#include "cli/Cli.h"
#include "cli/OutputStyle.h"
#include "blastline/importers/ScenarioSession.h"
#include "cli/TextList.h"

#include "blastline/core/Error.h"
#include "blastline/core/TrainingScore.h"
#include "blastline/core/UtcTime.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <fstream>
#include <istream>
#include <map>
#include <optional>
#include <ostream>

namespace blastline::cli {

namespace {

using Answers = std::map<std::string, std::string>; // decision id -> option id

std::string trimmed(std::string text)
{
    const auto first = text.find_first_not_of(" \t\r");
    const auto last = text.find_last_not_of(" \t\r");
    return first == std::string::npos ? std::string() : text.substr(first, last - first + 1);
}

/** `decision=option` lines; `#` starts a comment. */
Answers readAnswers(const std::string& path)
{
    std::ifstream file(path);
    if (!file)
        throw core::InputError(path + ": cannot open the answers file");
    Answers answers;
    std::string line;
    for (int number = 1; std::getline(file, line); ++number) {
        line = trimmed(line.substr(0, line.find('#')));
        if (line.empty())
            continue;
        const std::size_t equals = line.find('=');
        if (equals == std::string::npos)
            throw core::InputError(
                path + ":" + std::to_string(number) + ": expected decision=option, found \"" + line + "\"");
        answers[trimmed(line.substr(0, equals))] = trimmed(line.substr(equals + 1));
    }
    return answers;
}

std::string hoursAndMinutes(std::int64_t milliseconds)
{
    const std::int64_t minutes = milliseconds / 60'000;
    return std::to_string(minutes / 60) + " h " + std::to_string(minutes % 60) + " min";
}

class Exercise
{
public:
    Exercise(const importers::ScenarioSession& session, const Answers* answers, std::istream& in, std::ostream& out)
        : m_session(session)
        , m_answers(answers)
        , m_in(in)
        , m_out(out)
        , m_style(OutputStyle::forStdout())
    { }

    void run()
    {
        const core::Scenario& scenario = m_session.scenario();
        m_out << m_style.bold("Training: " + scenario.metadata.title) << "\n" << scenario.metadata.summary << "\n";
        std::vector<const core::DecisionPoint*> decisions;
        for (const core::DecisionPoint& decision : scenario.decisions)
            decisions.push_back(&decision);
        std::stable_sort(decisions.begin(), decisions.end(),
            [](const core::DecisionPoint* a, const core::DecisionPoint* b) { return a->time < b->time; });
        std::int64_t toldUntil = scenario.metadata.incidentStart - 1;
        for (const core::DecisionPoint* decision : decisions) {
            tell(toldUntil, decision->time);
            toldUntil = decision->time;
            decide(*decision);
            if (m_haltAfter)
                break;
        }
        score();
    }

private:
    /** The narrative between two decisions, so that each question comes with what led to it. */
    void tell(std::int64_t after, std::int64_t until)
    {
        for (const core::ScenarioNarrativeEntry& entry : m_session.scenario().narrative) {
            if (entry.time > after && entry.time <= until)
                m_out << "  " << m_style.dim(core::UtcTime::format(entry.time)) << "  " << entry.actor << ": "
                      << entry.text << '\n';
        }
    }

    void decide(const core::DecisionPoint& decision)
    {
        m_out << '\n'
              << m_style.bold("Decision at " + core::UtcTime::format(decision.time)) << ": " << decision.question
              << '\n';
        for (std::size_t i = 0; i < decision.options.size(); ++i)
            m_out << "  " << i + 1 << ". " << decision.options[i].label << '\n';
        const core::DecisionOption& option = choose(decision);
        m_out << "You chose: " << option.label << '\n';
        if (option.effect.kind == core::DecisionEffect::Kind::Safeguard)
            m_safeguards.push_back(option.effect.name);
        else if (option.effect.name == "stop")
            m_haltAfter = decision.time;
        consequence();
    }

    const core::DecisionOption& choose(const core::DecisionPoint& decision)
    {
        const auto byId = [&](const std::string& id) -> const core::DecisionOption* {
            for (const core::DecisionOption& option : decision.options) {
                if (option.id == id)
                    return &option;
            }
            return nullptr;
        };
        if (m_answers != nullptr) {
            const auto answer = m_answers->find(decision.id);
            if (answer == m_answers->end())
                throw core::InputError("--answers: no answer for decision " + decision.id);
            if (const core::DecisionOption* option = byId(answer->second))
                return *option;
            throw core::InputError("--answers: " + decision.id + "=" + answer->second + ": not an option of it");
        }
        for (;;) {
            m_out << "Your choice (1-" << decision.options.size() << "): " << std::flush;
            std::string line;
            if (!std::getline(m_in, line))
                throw core::InputError("train: the input ended before decision " + decision.id
                    + " was answered (give --answers FILE to run without a terminal)");
            line = trimmed(line);
            if (const core::DecisionOption* option = byId(line))
                return *option;
            const auto number = std::strtoul(line.c_str(), nullptr, 10);
            if (number >= 1 && number <= decision.options.size())
                return decision.options[number - 1];
            m_out << "Please answer with a number from the list.\n";
        }
    }

    /** What the engine computes with every choice so far, told against the ground truth's data stores. */
    void consequence()
    {
        m_last = m_session.engine().run(m_safeguards, m_haltAfter);
        if (!engineJudges()) {
            m_out << "  The engine: nothing to simulate (the deletes are not Terraform's); as the sources tell it:\n";
            for (const core::DataStoreTruth& truth : m_session.scenario().groundTruth.dataStores)
                m_out << "  " << truth.address << ": " << fateOf(truth.address) << '\n';
            return;
        }
        m_out << "  The engine: " << core::toString(m_last->outcome.verdict);
        if (m_last->divergence)
            m_out << "; history changes at " << core::UtcTime::format(m_last->divergence->timeMs);
        m_out << '\n';
        for (const core::DataStoreTruth& truth : m_session.scenario().groundTruth.dataStores)
            m_out << "  " << truth.address << ": " << fateOf(truth.address) << '\n';
    }

    /**
     * A scenario without commands (neither a Terraform run nor deletes a trail recorded) gives the engine nothing to
     * judge: any choice would score as saving everything, so the fates are the ground truth's, told as such.
     */
    bool engineJudges() const { return !m_session.scenario().commands.empty(); }

    std::string fateOf(const std::string& address) const
    {
        return core::TrainingScore::fateOf(m_session.scenario(), m_last ? &*m_last : nullptr, address);
    }

    void score()
    {
        if (!m_last)
            m_last = m_session.engine().run(m_safeguards, m_haltAfter);
        const core::TrainingScore score =
            core::TrainingScore::compute(m_session.scenario(), *m_last, m_session.engine().run({}));
        m_out << '\n' << m_style.bold("Score") << '\n';
        if (!score.engineJudges)
            m_out << "  Data saved: not computed: the engine cannot simulate this scenario's deletes (they are not "
                  << "Terraform's); the sources say " << score.lostInReality << " data stores were lost\n";
        else
            m_out << "  Data saved: " << score.saved << " of the " << score.lostInReality
                  << " data stores lost in reality"
                  << (score.unknown > 0 ? ", " + std::to_string(score.unknown) + " not known (see their fates above)"
                                        : std::string())
                  << " (the engine's verdict: " << core::toString(score.verdict) << ")\n";
        // As it really went: from the recorded delete of a lost store to the story's last key time (the restore).
        if (!score.recoveryNeeded())
            m_out << "  Time to recover: none needed\n";
        else if (score.timeToRecoverMs)
            m_out << "  Time to recover: " << hoursAndMinutes(*score.timeToRecoverMs)
                  << ", as in reality (from the delete to the scenario's last key time)\n";
        else
            m_out << "  Time to recover: as in reality (the scenario gives no time for it)\n";
        m_out << "  Safeguards chosen: " << (m_safeguards.empty() ? std::string("none") : joined(m_safeguards))
              << (m_haltAfter ? "; stopped at " + core::UtcTime::format(*m_haltAfter) : std::string()) << '\n';
    }

    const importers::ScenarioSession& m_session;
    const Answers* m_answers;
    std::istream& m_in;
    std::ostream& m_out;
    OutputStyle m_style;
    std::vector<std::string> m_safeguards;
    std::optional<std::int64_t> m_haltAfter;
    std::optional<core::ReplayResult> m_last;
};

} // namespace

void TrainCommand::registerWith(CLI::App& app)
{
    auto* command = app.add_subcommand("train",
        "A training exercise on an incident scenario: decide at each decision point and see what the engine "
        "computes, then the score");
    command->add_option("SCENARIO", m_scenario, "A scenario folder, or its scenario.json")->required();
    command->add_option("--answers", m_answers,
        "Take the choices from this file (one decision=option per line) instead of the terminal");
    command->add_option("--rules", m_ruleFiles, "A deletion-catalogue file that adds or overrides entries; repeatable");
}

int TrainCommand::run(std::istream& in, std::ostream& out, std::ostream& err) const
{
    std::optional<Answers> answers;
    if (!m_answers.empty())
        answers = readAnswers(m_answers);
    const importers::ScenarioSession session(m_scenario, m_ruleFiles);
    Exercise(session, answers ? &*answers : nullptr, in, out).run();
    return session.reportUnreadable(err) ? ExitIncompleteInput : ExitOk;
}

} // namespace blastline::cli
