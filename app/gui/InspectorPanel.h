// SPDX-License-Identifier: MIT
#pragma once

#include <QTextBrowser>

namespace blastline::gui {

/** Shows InspectorHtml's page for the selected resource; its links select the resource they name. */
class InspectorPanel : public QTextBrowser
{
    Q_OBJECT
public:
    explicit InspectorPanel(QWidget* parent = nullptr);

signals:
    void addressActivated(const QString& address);
};

} // namespace blastline::gui
