// SPDX-License-Identifier: MIT
#include "cli/TextOutput.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <ostream>

namespace blastline::cli {

namespace {

std::string padRight(std::string text, std::size_t width)
{
    if (text.size() < width)
        text.append(width - text.size(), ' ');
    return text;
}

std::string outcomeLabel(core::OperationOutcome outcome, const OutputStyle& style)
{
    switch (outcome) {
    case core::OperationOutcome::Done:
        return style.green("deleted");
    case core::OperationOutcome::Failed:
        return style.red("FAILED ");
    case core::OperationOutcome::Skipped:
        return style.yellow("skipped");
    }
    return {};
}

/** DOT quoted ID: backslash-escape quotes and backslashes (addresses hold `["key"]`). */
std::string dotQuote(const std::string& text)
{
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"' || c == '\\')
            out += '\\';
        out += c;
    }
    out += '"';
    return out;
}

std::string dotLabel(const core::ResourceInstance& instance)
{
    std::string label = instance.address.mode == core::ResourceMode::Data ? "data." : "";
    label += instance.address.type + "." + instance.address.name + instance.address.key.toString();
    if (instance.isDeposed())
        label += " (deposed " + instance.deposedKey + ")";
    return label;
}

} // namespace

std::string formatDuration(double seconds)
{
    const long total = std::lround(seconds);
    char buffer[32];
    if (total >= 3600)
        std::snprintf(buffer, sizeof buffer, "%ldh %02ldm", total / 3600, (total % 3600) / 60);
    else if (total >= 60)
        std::snprintf(buffer, sizeof buffer, "%ldm %02lds", total / 60, total % 60);
    else
        std::snprintf(buffer, sizeof buffer, "%lds", total);
    return buffer;
}

void TextOutput::writeSimulation(std::ostream& out, const core::ResourceGraph& graph,
    const core::DestroySimulation& simulation, const OutputStyle& style)
{
    const auto& state = graph.state();
    out << style.bold(
        simulation.kind == "apply" ? "terraform apply of the plan, simulated" : "terraform destroy, simulated")
        << " - " << state.path << '\n';
    out << "State: Terraform " << (state.terraformVersion.empty() ? "(unknown)" : state.terraformVersion) << ", serial "
        << state.serial << ", lineage " << (state.lineage.empty() ? "(none)" : state.lineage) << '\n';
    if (!simulation.targets.empty()) {
        out << "Targets:";
        for (const auto& target : simulation.targets)
            out << ' ' << target;
        out << '\n';
    }
    for (const auto& warning : simulation.warnings)
        out << style.yellow("Warning: ") << warning << '\n';

    // Group by wave: a wave is what can go once everything that depends on it has gone.
    std::map<int, std::vector<const core::Operation*>> byWave;
    std::size_t width = 0;
    std::vector<const core::Operation*> notDeleted; // a plan's creates, updates, reads and forgets
    for (const auto& op : simulation.operations) {
        if (!op.deletes()) {
            notDeleted.push_back(&op);
            continue;
        }
        byWave[op.wave].push_back(&op);
        width = std::max(width, op.address.size());
    }
    width = std::min<std::size_t>(width, 72);
    for (auto& [wave, operations] : byWave) {
        std::stable_sort(operations.begin(), operations.end(), [](const auto* a, const auto* b) {
            return a->startSeconds.value_or(1e300) < b->startSeconds.value_or(1e300);
        });
        out << '\n' << style.bold("Wave " + std::to_string(wave)) << " (" << operations.size() << ")\n";
        for (const auto* op : operations) {
            out << "  " << outcomeLabel(op->outcome, style) << "  " << padRight(op->address, width);
            if (op->action == "replace")
                out << "  " << style.bold("(replaced: " + op->replaceOrder + ")");
            if (op->startSeconds && op->endSeconds)
                out << "  " << style.dim(formatDuration(*op->startSeconds) + " -> " + formatDuration(*op->endSeconds));
            out << '\n';
            if (!op->reason.empty())
                out << "           " << op->reason << '\n';
            if (!op->uncertainty.empty())
                out << "           " << style.yellow(op->uncertainty) << '\n';
        }
    }

    if (!notDeleted.empty()) {
        out << '\n' << style.bold("Not deleted by this plan") << " (" << notDeleted.size() << ")\n";
        for (const auto* op : notDeleted) {
            std::string action = op->action;
            action.resize(8, ' ');
            out << "  " << action << " " << op->address << '\n';
            if (!op->reason.empty())
                out << "           " << op->reason << '\n';
        }
    }

    const auto& summary = simulation.summary;
    double end = 0;
    for (const auto& op : simulation.operations)
        end = std::max(end, op.endSeconds.value_or(0));
    out << '\n'
        << style.bold("Summary: ") << summary.instances << (summary.instances == 1 ? " instance" : " instances")
        << " to delete: " << summary.done << " deleted, " << summary.failed << " failed, " << summary.skipped
        << " skipped. Simulated run " << formatDuration(end) << " with parallelism " << simulation.parallelism << ".\n";
    if (!graph.danglingDependencies().empty()) {
        out << "Note: " << graph.danglingDependencies().size()
            << " recorded dependencies name resources that are not in the state (tolerated):\n";
        std::size_t shown = 0;
        for (const auto& dangling : graph.danglingDependencies()) {
            if (++shown > 10) {
                out << "  ...\n";
                break;
            }
            out << "  " << graph.instance(dangling.from).displayName() << " -> " << dangling.missingAddress << '\n';
        }
    }
}

void TextOutput::writeDot(std::ostream& out, const core::ResourceGraph& graph)
{
    out << "digraph G {\n  rankdir = \"RL\";\n  node [shape = rect, fontname = \"sans-serif\"];\n";
    if (graph.nodeCount() == 0)
        out << "  /* This state does not contain any resources. */\n";
    // One cluster per module instance, in first-seen order; root-module nodes outside any cluster.
    std::vector<std::string> moduleOrder;
    std::map<std::string, std::vector<std::uint32_t>> byModule;
    for (std::uint32_t i = 0; i < graph.nodeCount(); ++i) {
        const std::string module = graph.instance(core::NodeId {i}).address.moduleInstanceString();
        auto [it, inserted] = byModule.try_emplace(module);
        if (inserted)
            moduleOrder.push_back(module);
        it->second.push_back(i);
    }
    for (const auto& module : moduleOrder) {
        const std::string indent = module.empty() ? "  " : "    ";
        if (!module.empty())
            out << "  subgraph " << dotQuote("cluster_" + module) << " {\n    label = " << dotQuote(module)
                << "\n    fontname = \"sans-serif\"\n";
        for (const std::uint32_t i : byModule[module]) {
            const auto& instance = graph.instance(core::NodeId {i});
            out << indent << dotQuote(instance.displayName()) << " [label=" << dotQuote(dotLabel(instance)) << "];\n";
        }
        if (!module.empty())
            out << "  }\n";
    }
    // Recovery points stand outside the module clusters: a backup is not part of the module it restores.
    for (std::size_t i = 0; i < graph.recoveryPointCount(); ++i) {
        const core::NodeId node {static_cast<std::uint32_t>(graph.nodeCount() + i)};
        const auto& point = graph.recoveryPoint(node);
        out << "  " << dotQuote(graph.nodeName(node))
            << " [shape = cylinder, label=" << dotQuote(point.kind + ": " + point.id + " (" + point.fate + ")")
            << "];\n";
    }
    for (const auto& edge : graph.edges()) {
        out << "  " << dotQuote(graph.nodeName(edge.from)) << " -> " << dotQuote(graph.nodeName(edge.to));
        if (edge.kind == core::EdgeKind::References)
            out << " [style = dashed]";
        else if (edge.kind != core::EdgeKind::DependsOn)
            out << " [style = dotted, label = " << dotQuote(core::toString(edge.kind)) << "]";
        out << ";\n";
    }
    out << "}\n";
}

} // namespace blastline::cli
