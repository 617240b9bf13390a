// SPDX-License-Identifier: MIT
#pragma once

#include <QLabel>

namespace blastline::gui {

struct RunResult;

/** The verdict of the run on screen, coloured, above the graph: what a room reads first on a shared screen. */
class VerdictBanner : public QLabel
{
    Q_OBJECT
public:
    explicit VerdictBanner(QWidget* parent = nullptr);
    /** The run's verdict (core::toString(Verdict)), its data stores' fates and the safeguards it ran with. */
    void showRun(const RunResult* run, bool simulated);
};

} // namespace blastline::gui
