// SPDX-License-Identifier: MIT
#pragma once

// moc (Qt 6.4) cannot parse the C++20 standard headers these reach; it needs none of them.
#ifndef Q_MOC_RUN
#include "blastline/core/Scenario.h"
#endif

#include <QDialog>

#include <vector>

class QButtonGroup;

namespace blastline::gui {

/** One decision point of a training exercise: what led to it, what the engine said so far, the question, the options.
 */
class TrainingDialog : public QDialog
{
    Q_OBJECT
public:
    /** `story` and `consequence` are HTML; the first option is preselected. */
    TrainingDialog(const core::DecisionPoint& decision, const QString& story, const QString& consequence,
        QWidget* parent = nullptr);
    /** The option chosen (valid after exec() returned Accepted). */
    const core::DecisionOption& chosen() const;

private:
    const core::DecisionPoint& m_decision;
    QButtonGroup* m_options;
};

} // namespace blastline::gui
