// SPDX-License-Identifier: MIT
#include "blastline/importers/InventoryReader.h"

#include "InventoryRecords.h"
#include "JsonLocation.h"
#include "LimitedReaders.h"
#include "MappedFile.h"

#include "blastline/core/Error.h"

#include <nlohmann/json.hpp>

#include <array>

namespace blastline::importers {

using core::InputError;
using nlohmann::json;

namespace {

std::string acceptedShapes()
{
    std::string list;
    for (const InventoryShape& shape : inventoryShapes()) {
        list += list.empty() ? "" : ", ";
        list += "`" + std::string(shape.command) + "` ({\"" + std::string(shape.key) + "\": [...]})";
    }
    return list;
}

json parseJson(std::string_view text, const std::string& name, std::size_t maxStringBytes)
{
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
        throw InputError(name + ": the file is empty; expected the JSON output of an AWS CLI listing");
    }
    // Windows PowerShell 5 writes UTF-16 with `>`; the bytes would otherwise read as a syntax error at 1:1.
    if (text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF")) {
        throw InputError(
            name + ": the file is UTF-16; expected UTF-8 JSON (in PowerShell, use `| Out-File -Encoding utf8`)");
    }
    return parseJsonDocument(text, name, maxStringBytes);
}

const InventoryShape& detectShape(const json& root)
{
    if (!root.is_object()) {
        throw StructureError("",
            "expected at the top level the JSON object an AWS CLI listing prints, found " + describeJson(root)
                + (root.is_array() ? " (a --query result? give the unfiltered output)" : ""));
    }
    const InventoryShape* found = nullptr;
    for (const InventoryShape& shape : inventoryShapes()) {
        if (!root.contains(std::string(shape.key))) {
            continue;
        }
        if (found != nullptr) {
            throw StructureError("",
                "holds both \"" + std::string(found->key) + "\" and \"" + std::string(shape.key)
                    + "\"; expected the output of one listing per file");
        }
        found = &shape;
    }
    if (found == nullptr) {
        throw StructureError("", "not a listing of backups; expected the JSON output of one of: " + acceptedShapes());
    }
    return *found;
}

// A listing cut by --max-items or --no-paginate ends with a token; what follows it is unknown.
void warnIfOnePage(const json& root, Inventory& inventory)
{
    static constexpr std::array<std::string_view, 3> kTokens = {"NextToken", "Marker", "LastEvaluatedBackupArn"};
    for (const std::string_view token : kTokens) {
        const auto it = root.find(std::string(token));
        if (it != root.end() && it->is_string() && !it->get_ref<const std::string&>().empty()) {
            inventory.warnings.push_back("the listing is one page of several (\"" + std::string(token)
                + "\" is set): backups on later pages are not known; list again without --max-items or --no-paginate");
        }
    }
}

Inventory parse(std::string_view text, const std::string& name, const RecordLimits& limits)
{
    const json root = parseJson(text, name, limits.stringBytes);
    const InventoryShape& shape = detectShape(root);
    const std::string pointer = "/" + pointerToken(shape.key);
    const json& entries = root.at(std::string(shape.key));
    if (!entries.is_array()) {
        throw StructureError(pointer, "expected an array, found " + describeJson(entries));
    }
    if (entries.size() > limits.recoveryPoints) {
        throw tooManyRecords(
            pointer + "/" + std::to_string(limits.recoveryPoints), limits.recoveryPoints, recordKinds::kRecoveryPoints);
    }
    Inventory inventory;
    inventory.path = name;
    inventory.shape = shape.command;
    inventory.recoveryPoints.reserve(entries.size());
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const InventoryRecord record {entries[i], pointer + "/" + std::to_string(i), inventory.warnings};
        expectObject(record.value, record.pointer, false);
        if (auto point = shape.convert(record)) {
            point->sourceDocument = name;
            inventory.recoveryPoints.push_back(std::move(*point));
        }
    }
    warnIfOnePage(root, inventory);
    return inventory;
}

} // namespace

Inventory readInventoryText(std::string_view text, const std::string& displayName, const RecordLimits& limits)
{
    try {
        return parse(text, displayName, limits);
    } catch (const StructureError& error) {
        throw InputError(structureErrorMessage(displayName, error));
    } catch (const nlohmann::json::exception& error) {
        // A shape the converters did not anticipate; still the input's fault, still no partial result.
        throw InputError(displayName + ": unexpected content: " + error.what());
    }
}

Inventory InventoryReader::readText(std::string_view text, const std::string& displayName)
{
    return readInventoryText(text, displayName, RecordLimits {});
}

Inventory InventoryReader::readFile(const std::string& path)
{
    const MappedFile file(path, fileLimits::kInventory);
    return readText(file.text(), path);
}

} // namespace blastline::importers
