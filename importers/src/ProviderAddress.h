// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace blastline::importers {

inline constexpr std::string_view kDefaultRegistryHost = "registry.terraform.io";

/**
 * The provider source address ("registry.terraform.io/hashicorp/aws") of an absolute provider
 * configuration string as a state records it:
 *   provider["registry.terraform.io/hashicorp/aws"]        (0.13+)
 *   provider["registry.terraform.io/hashicorp/aws"].west   (aliased)
 *   module.foo.provider["registry.terraform.io/hashicorp/aws"]
 *   provider.aws, provider.aws.west, module.foo.provider.aws  (0.12 legacy: namespace "-")
 * OpenTofu's "registry.opentofu.org/hashicorp/aws" is kept as written: it names the same provider
 * through another registry, and rewriting it would misreport where the state came from; callers that
 * compare providers should compare namespace/type. nullopt when the string has none of these shapes.
 */
std::optional<std::string> providerSourceFromConfig(std::string_view config);

/** A source written in short form ("aws", "hashicorp/aws") completed to host/namespace/type. */
std::string completeProviderSource(std::string_view source);

/** Terraform 0.11 left the provider out when it was the default: "aws_instance" implies "aws". */
std::string impliedProviderType(std::string_view resourceType);

/** "registry.terraform.io/-/aws": what Terraform calls a legacy provider. */
std::string legacyProviderSource(std::string_view type);

} // namespace blastline::importers
