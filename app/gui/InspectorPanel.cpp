// SPDX-License-Identifier: MIT
#include "gui/InspectorPanel.h"

#include "gui/InspectorHtml.h"

namespace blastline::gui {

InspectorPanel::InspectorPanel(QWidget* parent)
    : QTextBrowser(parent)
{
    setObjectName(QStringLiteral("inspector"));
    setOpenLinks(false); // links name resources, not pages
    setPlaceholderText(tr("Select a resource in the graph or the table."));
    connect(this, &QTextBrowser::anchorClicked, this, [this](const QUrl& url) {
        if (url.scheme() == InspectorHtml::linkScheme())
            emit addressActivated(url.fragment(QUrl::FullyDecoded));
    });
}

} // namespace blastline::gui
