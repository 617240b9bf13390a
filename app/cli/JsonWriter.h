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
    explicit JsonWriter(std::ostream& out)
        : m_stream(out)
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
    std::string m_out;
    std::vector<Level> m_levels;
    bool m_afterKey = false;
};

} // namespace blastline::cli
