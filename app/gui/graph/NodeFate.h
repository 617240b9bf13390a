// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace blastline::core {
struct RecoveryPointNode;
}

namespace blastline::gui {

/** What becomes of a node in the run or at the moment shown; the graph view colours nodes by it. */
enum class NodeFate
{
    Alive,
    Pending, // to be deleted
    Deleted,
    Failed, // its delete was refused or failed
    Skipped, // never reached: what it waited on failed
    Unknown
};

/** "alive", "to be deleted", "deleted", "failed", "skipped", "unknown": for tooltips and legends. */
QString fateName(NodeFate fate);

/**
 * The worse of two fates, for a fold that stands for many nodes. From worst: deleted, to be deleted, failed (the
 * delete was refused, so the resource survives but the run broke), skipped, unknown, alive.
 */
NodeFate worseFate(NodeFate left, NodeFate right);

/**
 * A recovery point's fate as core's engine gave it (RecoveryPointNode::fate): "survives" and "created" draw as alive,
 * "deleted" as deleted, "expires" (gone after a date) as to be deleted; anything else as unknown.
 */
NodeFate fateOfRecoveryPoint(const core::RecoveryPointNode& point);

} // namespace blastline::gui
