// SPDX-License-Identifier: MIT
#include "CaseSupport.h"

#include "blastline/core/Error.h"
#include "blastline/core/ProgressSink.h"
#include "blastline/core/UtcTime.h"

#include <array>
#include <chrono>

namespace blastline::core {

const char* toString(EvidenceKind kind)
{
    switch (kind) {
    case EvidenceKind::State:
        return "state";
    case EvidenceKind::Plan:
        return "plan";
    case EvidenceKind::Trail:
        return "trail";
    case EvidenceKind::Inventory:
        return "inventory";
    case EvidenceKind::Configuration:
        return "configuration";
    case EvidenceKind::Scenario:
        break;
    }
    return "scenario";
}

namespace casefile {

namespace {

template<typename Enum, std::size_t N>
Enum fromText(std::string_view text, const std::array<Enum, N>& values, std::string_view what)
{
    for (const Enum value : values)
        if (text == toString(value))
            return value;
    throw Error("case file: unknown " + std::string(what) + " '" + std::string(text) + "'");
}

} // namespace

void report(ProgressSink* progress, std::string_view phase, std::uint64_t done, std::uint64_t total)
{
    if (!progress)
        return;
    if (progress->isCancelled())
        throw OperationCancelled();
    progress->progress(phase, done, total);
}

std::string utcNow()
{
    const auto now = std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now());
    return UtcTime::format(now.time_since_epoch().count());
}

const char* toString(StateSource source)
{
    switch (source) {
    case StateSource::StateV4:
        return "state-v4";
    case StateSource::StateV3:
        return "state-v3";
    case StateSource::ShowJson:
        break;
    }
    return "show-json";
}

const char* toString(RecoveryPoint::Origin origin)
{
    switch (origin) {
    case RecoveryPoint::Origin::Rule:
        return "rule";
    case RecoveryPoint::Origin::State:
        return "state";
    case RecoveryPoint::Origin::Inventory:
        return "inventory";
    case RecoveryPoint::Origin::Assumed:
        break;
    }
    return "assumed";
}

const char* toString(ResourceMode mode)
{
    return mode == ResourceMode::Data ? "data" : "managed";
}

EvidenceKind evidenceKindFrom(std::string_view text)
{
    return fromText(text,
        std::array {EvidenceKind::State, EvidenceKind::Plan, EvidenceKind::Trail, EvidenceKind::Inventory,
            EvidenceKind::Configuration, EvidenceKind::Scenario},
        "evidence kind");
}

StateSource stateSourceFrom(std::string_view text)
{
    return fromText(
        text, std::array {StateSource::StateV4, StateSource::StateV3, StateSource::ShowJson}, "state source");
}

RecoveryPoint::Origin originFrom(std::string_view text)
{
    using Origin = RecoveryPoint::Origin;
    return fromText(
        text, std::array {Origin::Rule, Origin::State, Origin::Inventory, Origin::Assumed}, "recovery point origin");
}

EventClass eventClassFrom(std::string_view text)
{
    return fromText(text,
        std::array {EventClass::Create, EventClass::Modify, EventClass::Delete, EventClass::BackupDestroying,
            EventClass::ProtectionLowering, EventClass::Read, EventClass::Other},
        "event class");
}

ToolIdentity::Kind toolKindFrom(std::string_view text)
{
    using Kind = ToolIdentity::Kind;
    return fromText(text,
        std::array {Kind::Terraform, Kind::OpenTofu, Kind::AwsCli, Kind::Console, Kind::Sdk, Kind::CloudFormation,
            Kind::AwsService, Kind::Unknown},
        "tool kind");
}

} // namespace casefile

} // namespace blastline::core
