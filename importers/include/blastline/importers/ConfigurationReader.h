// SPDX-License-Identifier: MIT
#pragma once

#include "blastline/core/TerraformConfiguration.h"

#include <string>
#include <string_view>

namespace blastline::importers {

/**
 * Reads Terraform configuration (HCL native syntax, .tf files) for what only it knows: which resources
 * are declared, their lifecycle.prevent_destroy / create_before_destroy, `removed` blocks and module
 * calls. Only literals are evaluated; any other expression is recorded as such, never guessed at.
 *
 * Throws core::InputError "FILE:LINE:COLUMN: expected ..., found ..." on the first syntax error in
 * any file read; never returns a partial configuration. Stateless and thread-safe.
 */
class ConfigurationReader
{
public:
    /**
     * Reads every *.tf file of `dir` (sorted by name, not recursive; override files last, merged as
     * Terraform does; *.tf.json skipped with a warning), then the folders of `module` calls whose
     * source is a local path ("./", "../"), with addresses prefixed "module.NAME.". Remote, missing
     * and cyclic module sources become warnings. Throws core::InputError if `dir` is not a folder.
     */
    static core::TerraformConfiguration readDirectory(const std::string& dir);

    /** Reads one file's text; `fileName` is used in locations and messages. Module calls are not followed. */
    static core::TerraformConfiguration readText(std::string_view hcl, const std::string& fileName);
};

} // namespace blastline::importers
