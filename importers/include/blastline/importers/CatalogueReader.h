// SPDX-License-Identifier: MIT
#pragma once

#include "blastline/core/DeletionCatalogue.h"

#include <string>
#include <string_view>

namespace blastline::importers {

/**
 * Reads deletion catalogues (schema "blastline.deletion-catalogue/1"): the built-in AWS catalogue,
 * importers/rules/aws-deletion-catalogue.json embedded at build time, and users' files of the same
 * shape whose entries replace built-in entries of the same type.
 *
 * Everything is validated at load: the schema string, required fields and their JSON types, effect
 * values, that every condition compiles (core::Condition::parse), that retention_days is a number,
 * an attribute path or a $fact, and that no type appears twice in one file. Templates
 * ("${attr}") are allowed in identifier, explanation, error and string-valued safeguard attributes.
 *
 * Throws core::InputError naming the file, then the line and column (syntax) or the JSON pointer
 * (structure) and what was expected; a condition error reads "<file>: <type>.<rule id>: at column N:
 * ... (at <pointer>)". A file that fails validation adds nothing to `into`.
 */
class CatalogueReader
{
public:
    /** The built-in AWS catalogue. Throws core::InputError if the embedded file is broken. */
    static core::DeletionCatalogue builtin();
    /** Adds the entries of a user's catalogue file to `into`, replacing entries of the same type. */
    static void readFile(const std::string& path, core::DeletionCatalogue& into);
    /** As readFile, from text; `name` is used in messages in place of a path. */
    static void readText(std::string_view json, const std::string& name, core::DeletionCatalogue& into);
};

} // namespace blastline::importers
