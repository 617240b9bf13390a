// SPDX-License-Identifier: MIT
#pragma once

#include "gui/graph/NodeFate.h"

#include <QString>

#include <string>

namespace blastline::gui {

struct Document;
struct RunResult;

/**
 * The inspector's page for one resource, as HTML: its fate now, its attributes (as the importers left them: secrets
 * are `(redacted)` already and shown exactly so), what it depends on and what depends on it (links), the engine's
 * judgement of its data and recovery points, the trail events that name it, and the case's notes on it.
 */
class InspectorHtml
{
public:
    /** Links are "resource:<address>"; an address the run's graph does not know gives a short page saying so. */
    static QString build(const Document& document, const RunResult& run, const std::string& address, NodeFate fate);
    /** The scheme of the links build() writes. */
    static QString linkScheme() { return QStringLiteral("resource"); }

private:
    static constexpr std::size_t kMaxEvents = 200; // a busy resource can have thousands; the case keeps them all
};

} // namespace blastline::gui
