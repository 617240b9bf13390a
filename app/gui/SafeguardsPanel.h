// SPDX-License-Identifier: MIT
#pragma once

// moc (Qt 6.4) cannot parse the C++20 standard headers these reach; it needs none of them.
#ifndef Q_MOC_RUN
#include "blastline/core/OutcomeDiff.h"
#endif

#include <QWidget>

#include <string>
#include <vector>

class QCheckBox;
class QLabel;
class QListWidget;
class QVBoxLayout;

namespace blastline::gui {

/**
 * One checkbox per safeguard the document's engine takes; ticking one asks for a new run. Below, what the run
 * under the ticked safeguards changes for the data, as core::diffOutcomes words it, and where history diverges.
 */
class SafeguardsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit SafeguardsPanel(QWidget* parent = nullptr);

    /** Rebuilds the checkboxes (names as the engine takes them), all unticked. */
    void setAvailable(const std::vector<std::string>& names);
    /** Ticks exactly these, without asking for a run. */
    void setChecked(const std::vector<std::string>& names);
    std::vector<std::string> checked() const;
    /** `divergence`: where a replay under safeguards first departs from history, or empty. */
    void showChanges(const std::vector<core::FateChange>& changes, const QString& divergence, bool safeguardsTicked);
    QCheckBox* checkBox(const QString& name) const;
    QListWidget* changeList() const { return m_changes; }

signals:
    void safeguardsChanged(const std::vector<std::string>& names);

protected:
    /** Keeps Space for a focused checkbox: the window's Play shortcut would otherwise take it. */
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QVBoxLayout* m_boxes;
    std::vector<QCheckBox*> m_checkBoxes;
    QListWidget* m_changes;
    QLabel* m_divergence;
};

} // namespace blastline::gui
