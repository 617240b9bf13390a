// SPDX-License-Identifier: MIT
#include "StateSaxHandler.h"

#include "ShowJsonReader.h"
#include "StateV3Upgrader.h"
#include "StateV4Handler.h"

namespace blastline::importers {

using core::AttributeValue;
using nlohmann::json;

StateSaxHandler::StateSaxHandler(
    StateV4Handler& v4, StateV3Upgrader& v3, ShowJsonReader& showJson, const RecordLimits& limits)
    : m_v4(v4)
    , m_v3(v3)
    , m_showJson(showJson)
    , m_limits(limits)
{ }

bool StateSaxHandler::scalar(json value, AttributeValue leaf)
{
    switch (m_capture) {
    case Capture::Flatten:
        m_flattener.leaf(std::move(leaf));
        return true;
    case Capture::Dom:
        m_dom.scalar(std::move(value));
        return true;
    case Capture::Skip:
        return true;
    case Capture::None:
        break;
    }
    if (m_frames.empty()) {
        throw StructureError(
            "", "expected a JSON object at the top level (a Terraform state), found " + describeJson(value));
    }
    const Slot slot = slotFor(m_frames.back());
    switch (slot.capture) {
    case Capture::Dom:
        deliver(slot.target, std::move(value));
        break;
    case Capture::Flatten:
        if (!value.is_null()) {
            fail({pointerOf(m_frames.size()), "expected an object, found " + describeJson(value)});
        }
        deliverFlat(slot.target, {}); // null attributes: the object is treated as {} (as Terraform does)
        break;
    case Capture::Skip:
        break;
    case Capture::None:
        // A null where a list or map belongs means empty, as Go's decoder reads it.
        if (!value.is_null()) {
            fail({pointerOf(m_frames.size()), "expected an array or object, found " + describeJson(value)});
        }
        break;
    }
    return true;
}

bool StateSaxHandler::null()
{
    return scalar(json(), AttributeValue::null());
}

bool StateSaxHandler::boolean(bool value)
{
    return scalar(json(value), AttributeValue::boolean(value));
}

bool StateSaxHandler::number_integer(std::int64_t value)
{
    if (m_capture == Capture::Flatten) {
        m_flattener.leaf(AttributeValue::number(std::to_string(value)));
        return true;
    }
    return scalar(json(value), {});
}

bool StateSaxHandler::number_unsigned(std::uint64_t value)
{
    if (m_capture == Capture::Flatten) {
        m_flattener.leaf(AttributeValue::number(std::to_string(value)));
        return true;
    }
    return scalar(json(value), {});
}

bool StateSaxHandler::number_float(double value, const std::string& text)
{
    if (m_capture == Capture::Flatten) {
        m_flattener.leaf(AttributeValue::number(text)); // the JSON text, so nothing is lost in a double
        return true;
    }
    return scalar(json(value), {});
}

bool StateSaxHandler::string(std::string& value)
{
    refuseLongString(value, m_frames.size());
    if (m_capture == Capture::Flatten) {
        // Copied, not moved: the lexer keeps its grown buffer and we allocate exactly once.
        m_flattener.leaf(AttributeValue::string(value));
        return true;
    }
    return scalar(json(value), {});
}

bool StateSaxHandler::binary(json::binary_t& /*value*/)
{
    return true; // never produced by the JSON parser
}

bool StateSaxHandler::key(std::string& name)
{
    // Outside a captured value the innermost frame still holds the previous key: name the object.
    refuseLongString(name, m_capture == Capture::None && !m_frames.empty() ? m_frames.size() - 1 : m_frames.size());
    switch (m_capture) {
    case Capture::Flatten:
        m_flattener.key(name);
        break;
    case Capture::Dom:
        m_dom.key(name);
        break;
    case Capture::Skip:
        break;
    case Capture::None:
        m_frames.back().key.swap(name);
        break;
    }
    return true;
}

bool StateSaxHandler::start_object(std::size_t /*elements*/)
{
    return startContainer(false);
}

bool StateSaxHandler::start_array(std::size_t /*elements*/)
{
    return startContainer(true);
}

bool StateSaxHandler::end_object()
{
    return endContainer();
}

bool StateSaxHandler::end_array()
{
    return endContainer();
}

bool StateSaxHandler::startContainer(bool isArray)
{
    // Bounded here because what a capture delivers (DOMs, flattened values) is walked recursively later.
    if (m_capture != Capture::None && m_depth >= kMaxJsonNesting) {
        throw StructureError(
            pointerOf(m_frames.size()), "values nested more than " + std::to_string(kMaxJsonNesting) + " levels deep");
    }
    switch (m_capture) {
    case Capture::Flatten:
        m_flattener.startContainer(isArray);
        ++m_depth;
        return true;
    case Capture::Dom:
        m_dom.startContainer(isArray);
        ++m_depth;
        return true;
    case Capture::Skip:
        ++m_depth;
        return true;
    case Capture::None:
        break;
    }
    if (m_frames.empty()) {
        if (isArray) {
            throw StructureError("", "expected a JSON object at the top level (a Terraform state), found an array");
        }
        m_frames.push_back({Role::Root, false, 0, {}});
        return true;
    }
    const Slot slot = slotFor(m_frames.back());
    m_capture = slot.capture;
    m_target = slot.target;
    m_depth = 1;
    switch (slot.capture) {
    case Capture::Flatten:
        m_flattener.reset();
        m_flattener.startContainer(isArray);
        return true;
    case Capture::Dom:
        m_dom.begin();
        m_dom.startContainer(isArray);
        return true;
    case Capture::Skip:
        return true;
    case Capture::None:
        break;
    }
    const bool wantsArray = slot.role == Role::V4Resources || slot.role == Role::V4Instances
        || slot.role == Role::V3Modules || slot.role == Role::ShowModules || slot.role == Role::ShowResources;
    if (wantsArray != isArray) {
        fail({pointerOf(m_frames.size()),
            std::string(wantsArray ? "expected an array" : "expected an object") + ", found "
                + (isArray ? "an array" : "an object")});
        m_capture = Capture::Skip; // keep parsing (the version may still explain it), ignore the contents
        return true;
    }
    if (slot.role == Role::V4Instance || slot.role == Role::ShowResource) {
        countInstance(pointerOf(m_frames.size()));
    }
    m_frames.push_back({slot.role, isArray, 0, {}});
    switch (slot.role) {
    case Role::V4Resource:
        m_v4Resource = {};
        break;
    case Role::V4Instance:
        m_v4Instance = {};
        break;
    case Role::ShowResource:
        m_showResource = {};
        break;
    case Role::V3Module:
        m_v3ModuleFields = json::object();
        m_v3Resources.clear();
        break;
    default:
        break;
    }
    return true;
}

bool StateSaxHandler::endContainer()
{
    if (m_capture != Capture::None) {
        if (m_capture == Capture::Flatten) {
            m_flattener.endContainer();
        } else if (m_capture == Capture::Dom) {
            m_dom.endContainer();
        }
        if (--m_depth == 0) {
            const Capture finished = m_capture;
            m_capture = Capture::None;
            if (finished == Capture::Dom) {
                deliver(m_target, m_dom.take());
            } else if (finished == Capture::Flatten) {
                deliverFlat(m_target, m_flattener.take());
            }
        }
        return true;
    }
    finishRecord(m_frames.back().role);
    m_frames.pop_back();
    return true;
}

void StateSaxHandler::deliver(Target target, json value)
{
    const std::string& key = m_frames.back().key;
    switch (target) {
    case Target::RootField:
        m_rootFields[key] = std::move(value);
        break;
    case Target::V4ResourceField:
        m_v4Resource.fields[key] = std::move(value);
        break;
    case Target::V4InstanceField:
        m_v4Instance.fields[key] = std::move(value);
        break;
    case Target::V3ModuleField:
        m_v3ModuleFields[key] = std::move(value);
        break;
    case Target::V3Resource:
        countInstance(pointerOf(m_frames.size()));
        m_v3Resources.emplace_back(key, std::move(value));
        break;
    case Target::ShowOutputs:
        m_showJsonOutputs = std::move(value);
        break;
    case Target::ShowResourceField:
        m_showResource.fields[key] = std::move(value);
        break;
    default:
        break;
    }
}

void StateSaxHandler::deliverFlat(Target target, FlatEntries entries)
{
    // Thrown whatever the format turns out to be: a limit is not a question of shape. The fast
    // path declines the same counts, so this is the message either way.
    if (entries.size() > m_limits.attributesPerInstance) {
        throw tooManyRecords(pointerOf(m_frames.size()), m_limits.attributesPerInstance, recordKinds::kAttributes);
    }
    switch (target) {
    case Target::V4Attributes:
        m_v4Instance.attributes = std::move(entries);
        m_v4Instance.hasAttributes = true;
        break;
    case Target::V4FlatAttributes:
        m_v4Instance.flatAttributes = std::move(entries);
        m_v4Instance.hasFlatAttributes = true;
        break;
    case Target::V4Identity:
        m_v4Instance.identity = std::move(entries);
        break;
    case Target::ShowAttributes:
        m_showResource.attributes = std::move(entries);
        m_showResource.hasAttributes = true;
        break;
    case Target::ShowIdentity:
        m_showResource.identity = std::move(entries);
        break;
    default:
        break;
    }
}

void StateSaxHandler::finishRecord(Role role)
{
    try {
        switch (role) {
        case Role::V4Instance:
            m_v4.instance(std::move(m_v4Instance));
            break;
        case Role::V4Resource:
            m_v4.resourceEnd(m_v4Resource.fields);
            break;
        case Role::V3Module:
            m_v3.module(m_v3ModuleFields, std::move(m_v3Resources));
            break;
        case Role::ShowResource:
            m_showJson.resource(std::move(m_showResource));
            break;
        default:
            break;
        }
    } catch (const StructureError& error) {
        fail(error.within(pointerOf(m_frames.size() - 1)));
    }
}

std::string StateSaxHandler::pointerOf(std::size_t frameIndex) const
{
    std::string pointer;
    for (std::size_t i = 0; i < frameIndex && i < m_frames.size(); ++i) {
        const Frame& frame = m_frames[i];
        pointer += '/';
        pointer += frame.isArray ? std::to_string(frame.count - 1) : pointerToken(frame.key);
    }
    return pointer;
}

void StateSaxHandler::countInstance(const std::string& pointer)
{
    if (++m_instanceCount > m_limits.stateInstances) {
        throw tooManyRecords(pointer, m_limits.stateInstances, recordKinds::kStateInstances);
    }
}

void StateSaxHandler::refuseLongString(const std::string& text, std::size_t frameIndex) const
{
    // nlohmann hands over a string only once it is whole, so this bounds what is kept, not what the
    // lexer spent; the file-size limit bounds that. The pointer is the innermost field the handler
    // tracks (inside attributes, the attributes field itself): nlohmann's SAX gives no position.
    if (text.size() > m_limits.stringBytes) {
        throw stringTooLong(pointerOf(frameIndex), text.size(), m_limits.stringBytes);
    }
}

bool StateSaxHandler::formatSettled() const
{
    const json* version = findField(m_rootFields, "version");
    if (version != nullptr) {
        return *version == 4 || *version == 3;
    }
    return m_rootFields.contains("format_version");
}

void StateSaxHandler::fail(const StructureError& error)
{
    if (formatSettled()) {
        throw error;
    }
    if (!m_deferredError) {
        m_deferredError = error;
    }
}

bool StateSaxHandler::parse_error(
    std::size_t position, const std::string& /*lastToken*/, const nlohmann::detail::exception& error)
{
    m_syntaxError = std::make_pair(position, std::string(error.what()));
    return false;
}

} // namespace blastline::importers
