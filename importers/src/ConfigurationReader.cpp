// SPDX-License-Identifier: MIT
#include "blastline/importers/ConfigurationReader.h"

#include "FileLimits.h"
#include "HclParser.h"
#include "MappedFile.h"
#include "ModuleReader.h"
#include "RecordLimits.h"

#include "blastline/core/Error.h"

#include <algorithm>
#include <filesystem>
#include <vector>

namespace blastline::importers {

namespace {

namespace fs = std::filesystem;

bool endsWith(std::string_view text, std::string_view suffix)
{
    return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

bool isOverrideFile(std::string_view name)
{
    return name == "override.tf" || endsWith(name, "_override.tf");
}

// Terraform skips editor leftovers (".#main.tf", "#main.tf#", "main.tf~") and so do we, or a stale
// backup would declare every resource twice.
bool isIgnoredFile(std::string_view name)
{
    return name.empty() || name.front() == '.' || name.front() == '#' || name.back() == '~';
}

// Terraform's own rule for a local module source: a path that starts with ./ or ../ (either slash).
bool isLocalSource(std::string_view source)
{
    return source.starts_with("./") || source.starts_with("../") || source.starts_with(".\\")
        || source.starts_with("..\\");
}

std::string readFileText(const fs::path& path)
{
    const MappedFile file(path.string(), fileLimits::kConfigurationFile);
    return std::string(file.text());
}

std::string remoteSourceWarning(const core::ModuleCall& call)
{
    return call.address + ": source " + call.source + " is not a local folder; its resources are not read";
}

/** One walk over a module tree; `chain` holds the folders of the calls being read, to stop cycles. */
struct Walk
{
    core::TerraformConfiguration& configuration;
    std::vector<fs::path> chain;
    std::size_t followed = 0; // module calls read, against moduleLimits::kMaxFollowedCalls
};

void readModule(Walk& walk, const fs::path& dir, const std::string& moduleAddress);

fs::path canonicalOrSelf(const fs::path& path)
{
    std::error_code error;
    fs::path canonical = fs::weakly_canonical(path, error);
    return error ? path : canonical;
}

void followModuleCall(Walk& walk, const fs::path& callerDir, std::size_t callIndex)
{
    // A copy: reading the callee appends to moduleCalls, which would invalidate a reference.
    const core::ModuleCall call = walk.configuration.moduleCalls[callIndex];
    auto& warnings = walk.configuration.warnings;
    if (call.source.empty()) {
        warnings.push_back(call.address + ": source is missing or not a literal string; its resources are not read");
        return;
    }
    if (!isLocalSource(call.source)) {
        warnings.push_back(remoteSourceWarning(call));
        return;
    }
    const fs::path target = (callerDir / fs::path(call.source)).lexically_normal();
    std::error_code error;
    if (!fs::is_directory(target, error)) {
        warnings.push_back(call.address + ": source " + call.source + " (" + target.string()
            + ") is not a folder; its resources are not read");
        return;
    }
    const fs::path canonical = canonicalOrSelf(target);
    if (std::find(walk.chain.begin(), walk.chain.end(), canonical) != walk.chain.end()) {
        warnings.push_back(call.address + ": source " + call.source + " (" + target.string()
            + ") is a folder already being read (a module cycle); not read again");
        return;
    }
    if (walk.chain.size() > moduleLimits::kMaxDepth) // the root is chain[0], at depth 0
        throw core::InputError(call.address + ": source " + call.source + ": modules nested more than "
            + std::to_string(moduleLimits::kMaxDepth) + " deep (Blastline's limit; see docs/reliability.md)");
    if (++walk.followed > moduleLimits::kMaxFollowedCalls)
        throw core::InputError(call.address + ": more than " + groupDigits(moduleLimits::kMaxFollowedCalls)
            + " module calls to follow in one configuration (Blastline's limit; see docs/reliability.md)");
    walk.configuration.moduleCalls[callIndex].followed = true;
    walk.chain.push_back(canonical);
    readModule(walk, target, call.address);
    walk.chain.pop_back();
}

void readModule(Walk& walk, const fs::path& dir, const std::string& moduleAddress)
{
    std::vector<fs::path> files;
    std::vector<fs::path> overrides;
    std::vector<fs::path> jsonFiles;
    std::error_code error;
    for (fs::directory_iterator it(dir, error), end; !error && it != end; it.increment(error)) {
        const std::string name = it->path().filename().string();
        std::error_code typeError;
        if (isIgnoredFile(name) || !it->is_regular_file(typeError))
            continue;
        if (endsWith(name, ".tf.json"))
            jsonFiles.push_back(it->path());
        else if (endsWith(name, ".tf"))
            (isOverrideFile(name) ? overrides : files).push_back(it->path());
    }
    if (error)
        throw core::InputError("cannot list the configuration folder " + dir.string() + ": " + error.message());
    std::sort(files.begin(), files.end());
    std::sort(overrides.begin(), overrides.end());
    std::sort(jsonFiles.begin(), jsonFiles.end());

    auto& configuration = walk.configuration;
    for (const auto& path : jsonFiles)
        configuration.warnings.push_back(path.string() + ": JSON configuration not read");
    if (files.empty() && overrides.empty())
        configuration.warnings.push_back(
            (moduleAddress.empty() ? "" : moduleAddress + ": ") + "no .tf files in " + dir.string());

    const std::size_t firstCall = configuration.moduleCalls.size();
    ModuleReader reader(configuration, moduleAddress);
    // Override files are merged after every ordinary file of the module, as Terraform does.
    for (const auto* group : {&files, &overrides})
        for (const auto& path : *group)
            reader.addFile(HclParser::parse(readFileText(path), path.string()), path.string(), group == &overrides);
    const std::size_t endCall = configuration.moduleCalls.size();
    for (std::size_t index = firstCall; index < endCall; ++index)
        followModuleCall(walk, dir, index);
}

/**
 * The dependency lock file `terraform init` writes: one `provider "<source>" { version = "x.y.z" }`
 * block per provider. Some deletes behave by provider version (formats.md D.6), so it is worth reading.
 */
void readLockFile(const fs::path& path, core::TerraformConfiguration& configuration)
{
    std::error_code error;
    if (!fs::is_regular_file(path, error))
        return;
    const HclBody body = HclParser::parse(readFileText(path), path.string());
    for (const auto& block : body.blocks) {
        if (block.type != "provider" || block.labels.size() != 1)
            continue;
        const HclAttribute* version = block.body.findAttribute("version");
        if (version && version->value.kind == HclValue::Kind::Literal
            && version->value.literal.kind == core::AttributeValue::Kind::String)
            configuration.providerVersions[block.labels.front()] = version->value.literal.text;
    }
}

} // namespace

core::TerraformConfiguration ConfigurationReader::readDirectory(const std::string& dir)
{
    const fs::path root(dir);
    std::error_code error;
    if (!fs::exists(root, error))
        throw core::InputError("configuration folder " + dir + " does not exist");
    if (!fs::is_directory(root, error))
        throw core::InputError(dir + " is not a folder; expected a folder of Terraform .tf files");
    core::TerraformConfiguration configuration;
    configuration.rootDirectory = dir;
    Walk walk {configuration, {canonicalOrSelf(root)}};
    readModule(walk, root, "");
    readLockFile(root / ".terraform.lock.hcl", configuration);
    return configuration;
}

core::TerraformConfiguration ConfigurationReader::readText(std::string_view hcl, const std::string& fileName)
{
    core::TerraformConfiguration configuration;
    ModuleReader(configuration, "").addFile(HclParser::parse(hcl, fileName), fileName, false);
    // Without a folder there is nothing to follow; remote sources still get the warning they always get.
    for (const auto& call : configuration.moduleCalls)
        if (!call.source.empty() && !isLocalSource(call.source))
            configuration.warnings.push_back(remoteSourceWarning(call));
    return configuration;
}

} // namespace blastline::importers
