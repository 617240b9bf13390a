// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace blastline::cli {

/**
 * Streams pretty-printed JSON (two-space indent) straight to an ostream. Outputs of 50,000+ operations
 * are written without building a document tree first, which would cost more memory than the state.
 * The caller keeps the structure balanced; misuse is caught by asserts in debug builds.
 */
class JsonWriter
{
public:
    enum class Layout
    {
        Pretty, // two-space indent: documents people read
        Lines // each top-level value on one line: JSON Lines, for jq, Timesketch and log pipelines
    };

    explicit JsonWriter(std::ostream& out, Layout layout = Layout::Pretty)
        : m_stream(out)
        , m_layout(layout)
    { }
    ~JsonWriter();

    JsonWriter& beginObject();
    JsonWriter& endObject();
    JsonWriter& beginArray();
    JsonWriter& endArray();
    JsonWriter& key(std::string_view name);

    JsonWriter& value(std::string_view text);
    JsonWriter& value(const char* text) { return value(std::string_view(text)); }
    JsonWriter& value(const std::string& text) { return value(std::string_view(text)); }
    JsonWriter& value(double number);
    JsonWriter& value(std::int64_t number);
    JsonWriter& value(std::uint64_t number);
    JsonWriter& value(int number) { return value(static_cast<std::int64_t>(number)); }
    JsonWriter& value(bool flag);
    JsonWriter& null();
    JsonWriter& valueOrNull(const std::optional<double>& number) { return number ? value(*number) : null(); }
    /** A string, or null when it is empty. */
    JsonWriter& stringOrNull(std::string_view text) { return text.empty() ? null() : value(text); }
    JsonWriter& stringArray(const std::vector<std::string>& items);
    /** A value that is already compact JSON text (a CloudTrail record kept by the reader). */
    JsonWriter& rawValue(std::string_view json);

    template<typename T> JsonWriter& field(std::string_view name, const T& v)
    {
        key(name);
        return value(v);
    }

    static void writeEscaped(std::string& out, std::string_view text);

private:
    void beforeValue();
    void open(char bracket);
    void close(char bracket);

    struct Level
    {
        bool empty = true;
    };
    void flushIfFull();

    // Output is gathered in a string and handed to the stream in large pieces: one ostream call per
    // token cost more than the formatting itself on 50,000-operation documents.
    std::ostream& m_stream;
    Layout m_layout;
    std::string m_out;
    std::vector<Level> m_levels;
    bool m_afterKey = false;
};

} // namespace blastline::cli
