// SPDX-License-Identifier: MIT
#pragma once

#include "blastline/core/Error.h"
#include "blastline/core/ProgressSink.h"

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string_view>

namespace blastline::importers {

/**
 * Reports how far the parser has read. nlohmann's SAX parser tells its handler nothing about
 * positions, so the input iterator itself notices when it crosses the next reporting mark: one
 * pointer comparison per character, and a call into the sink once per step (about 1 MB).
 */
class ProgressTracker
{
public:
    static constexpr std::size_t kStep = std::size_t(1) << 20;

    ProgressTracker(std::string_view text, core::ProgressSink* sink)
        : m_text(text)
        , m_sink(sink)
    { }

    /** The first mark, or null (never reached) when nobody listens. */
    const char* firstMark() const { return m_sink == nullptr ? nullptr : markAfter(m_text.data()); }

    /** Reports `position`, stops with OperationCancelled when asked to, and returns the next mark. */
    const char* reached(const char* position)
    {
        m_sink->progress("Reading state", static_cast<std::uint64_t>(position - m_text.data()), m_text.size());
        if (m_sink->isCancelled()) {
            throw core::OperationCancelled();
        }
        return markAfter(position);
    }

    void finished()
    {
        if (m_sink != nullptr) {
            m_sink->progress("Reading state", m_text.size(), m_text.size());
        }
    }

private:
    const char* markAfter(const char* position) const
    {
        const std::size_t left = static_cast<std::size_t>(m_text.data() + m_text.size() - position);
        return left > kStep ? position + kStep : nullptr;
    }

    std::string_view m_text;
    core::ProgressSink* m_sink;
};

/** A forward iterator over the text that calls the tracker at each mark. */
class ProgressIterator
{
public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char*;
    using reference = const char&;

    ProgressIterator() = default;
    ProgressIterator(const char* position, ProgressTracker* tracker)
        : m_position(position)
        , m_mark(tracker == nullptr ? nullptr : tracker->firstMark())
        , m_tracker(tracker)
    { }

    // Forced inline: the lexer calls these once per byte, and an out-of-line call cost ~8% of a read.
    [[gnu::always_inline]] reference operator*() const { return *m_position; }
    [[gnu::always_inline]] ProgressIterator& operator++()
    {
        ++m_position;
        if (m_position == m_mark) [[unlikely]] {
            reachedMark();
        }
        return *this;
    }
    ProgressIterator operator++(int)
    {
        ProgressIterator before = *this;
        ++*this;
        return before;
    }
    bool operator==(const ProgressIterator& other) const { return m_position == other.m_position; }

private:
    [[gnu::noinline]] void reachedMark() { m_mark = m_tracker->reached(m_position); }

    const char* m_position = nullptr;
    const char* m_mark = nullptr;
    ProgressTracker* m_tracker = nullptr;
};

} // namespace blastline::importers
