// SPDX-License-Identifier: MIT
#include "gui/graph/NodeFate.h"

#include "blastline/core/ResourceGraph.h"

namespace blastline::gui {

namespace {

int severity(NodeFate fate)
{
    switch (fate) {
    case NodeFate::Deleted:
        return 5;
    case NodeFate::Pending:
        return 4;
    case NodeFate::Failed:
        return 3;
    case NodeFate::Skipped:
        return 2;
    case NodeFate::Unknown:
        return 1;
    case NodeFate::Alive:
        return 0;
    }
    return 1;
}

} // namespace

QString fateName(NodeFate fate)
{
    switch (fate) {
    case NodeFate::Alive:
        return QStringLiteral("alive");
    case NodeFate::Pending:
        return QStringLiteral("to be deleted");
    case NodeFate::Deleted:
        return QStringLiteral("deleted");
    case NodeFate::Failed:
        return QStringLiteral("failed");
    case NodeFate::Skipped:
        return QStringLiteral("skipped");
    case NodeFate::Unknown:
        return QStringLiteral("unknown");
    }
    return QStringLiteral("unknown");
}

NodeFate worseFate(NodeFate left, NodeFate right)
{
    return severity(right) > severity(left) ? right : left;
}

NodeFate fateOfRecoveryPoint(const core::RecoveryPointNode& point)
{
    if (point.fate == "survives" || point.fate == "created")
        return NodeFate::Alive;
    if (point.fate == "deleted")
        return NodeFate::Deleted;
    if (point.fate == "expires")
        return NodeFate::Pending;
    return NodeFate::Unknown;
}

} // namespace blastline::gui
