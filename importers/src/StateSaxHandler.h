// SPDX-License-Identifier: MIT
#pragma once

#include "AttributeFlattener.h"
#include "JsonDomBuilder.h"
#include "JsonLocation.h"
#include "RecordLimits.h"
#include "StateRecord.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace blastline::importers {

class ShowJsonReader;
class StateV3Upgrader;
class StateV4Handler;

/**
 * nlohmann SAX handler for every state shape at once. It follows the structure (resources →
 * instances, modules → resources, values → root_module → child_modules → resources), builds a small
 * DOM for each record's plain fields, flattens attribute objects straight from the events, and hands
 * every finished record to the converter of its format, so no DOM of the whole file ever exists.
 *
 * The format is only known once `version` has been read, which need not come first; until then a
 * structural error is kept and reported after the parse, unless the version turns out unsupported.
 */
class StateSaxHandler
{
public:
    StateSaxHandler(StateV4Handler& v4, StateV3Upgrader& v3, ShowJsonReader& showJson, const RecordLimits& limits);

    // The nlohmann SAX interface.
    bool null();
    bool boolean(bool value);
    bool number_integer(std::int64_t value);
    bool number_unsigned(std::uint64_t value);
    bool number_float(double value, const std::string& text);
    bool string(std::string& value);
    bool binary(nlohmann::json::binary_t& value);
    bool start_object(std::size_t elements);
    bool key(std::string& name);
    bool end_object();
    bool start_array(std::size_t elements);
    bool end_array();
    bool parse_error(std::size_t position, const std::string& lastToken, const nlohmann::detail::exception& error);

    /** Top-level fields kept (version, serial, outputs, ...). */
    const nlohmann::json& rootFields() const { return m_rootFields; }
    /** Every top-level key seen, kept or not (tells a plan from a state). */
    const std::set<std::string>& rootKeys() const { return m_rootKeys; }
    const nlohmann::json& showJsonOutputs() const { return m_showJsonOutputs; }
    const std::optional<StructureError>& deferredError() const { return m_deferredError; }
    /** Byte position and nlohmann's message when the text is not valid JSON. */
    const std::optional<std::pair<std::size_t, std::string>>& syntaxError() const { return m_syntaxError; }

private:
    enum class Role : std::uint8_t
    {
        Root,
        V4Resources,
        V4Resource,
        V4Instances,
        V4Instance,
        V3Modules,
        V3Module,
        V3Resources,
        ShowValues,
        ShowModule,
        ShowModules,
        ShowResources,
        ShowResource,
    };
    enum class Capture : std::uint8_t
    {
        None,
        Dom,
        Flatten,
        Skip
    };
    enum class Target : std::uint8_t
    {
        RootField,
        V4ResourceField,
        V4InstanceField,
        V4Attributes,
        V4Identity,
        V4FlatAttributes,
        V3ModuleField,
        V3Resource,
        ShowOutputs,
        ShowResourceField,
        ShowAttributes,
        ShowIdentity,
    };
    struct Frame
    {
        Role role;
        bool isArray;
        std::size_t count = 0; // elements started so far (arrays)
        std::string key; // current key (objects)
    };
    struct Slot
    {
        Capture capture;
        Role role; // when capture == None: the structural role of the child
        Target target; // otherwise: where the captured value goes
    };

    Slot slotFor(Frame& parent);
    bool scalar(nlohmann::json value, core::AttributeValue leaf);
    bool startContainer(bool isArray);
    bool endContainer();
    void deliver(Target target, nlohmann::json value);
    void deliverFlat(Target target, FlatEntries entries);
    void finishRecord(Role role);
    std::string pointerOf(std::size_t frameIndex) const;
    /** Throws stringTooLong at pointerOf(frameIndex) when `text` is over the string limit. */
    void refuseLongString(const std::string& text, std::size_t frameIndex) const;
    void fail(const StructureError& error);
    bool formatSettled() const;
    void countInstance(const std::string& pointer);

    StateV4Handler& m_v4;
    StateV3Upgrader& m_v3;
    ShowJsonReader& m_showJson;
    const RecordLimits& m_limits;
    std::size_t m_instanceCount = 0; // every format's instances so far, against m_limits.stateInstances

    std::vector<Frame> m_frames;
    Capture m_capture = Capture::None;
    Target m_target = Target::RootField;
    std::size_t m_depth = 0;
    JsonDomBuilder m_dom;
    AttributeFlattener m_flattener;

    nlohmann::json m_rootFields = nlohmann::json::object();
    std::set<std::string> m_rootKeys;
    StateRecord m_v4Resource;
    StateRecord m_v4Instance;
    StateRecord m_showResource;
    nlohmann::json m_showJsonOutputs;
    nlohmann::json m_v3ModuleFields;
    std::vector<std::pair<std::string, nlohmann::json>> m_v3Resources;

    std::optional<StructureError> m_deferredError;
    std::optional<std::pair<std::size_t, std::string>> m_syntaxError;
};

} // namespace blastline::importers
