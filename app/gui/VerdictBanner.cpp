// SPDX-License-Identifier: MIT
#include "gui/VerdictBanner.h"

#include "gui/FateStyle.h"
#include "gui/RunResult.h"

namespace blastline::gui {

VerdictBanner::VerdictBanner(QWidget* parent)
    : QLabel(parent)
{
    setObjectName(QStringLiteral("verdictBanner"));
    setTextFormat(Qt::RichText);
    setWordWrap(true);
    setMargin(8);
    setAutoFillBackground(true);
    showRun(nullptr, false);
}

void VerdictBanner::showRun(const RunResult* run, bool simulated)
{
    QPalette colours = palette();
    if (run == nullptr || !simulated) {
        colours = QPalette();
        setPalette(colours);
        setText(run == nullptr
                ? tr("Open a scenario, a state, a plan, a trail or a case (File ▸ Open, or drop it here).")
                : tr("A trail alone: nothing to simulate. Open it with its state to see the blast radius."));
        return;
    }
    const core::Verdict verdict = run->outcome().verdict;
    colours.setColor(QPalette::Window, FateStyle::verdictBackground(verdict));
    colours.setColor(QPalette::WindowText, FateStyle::verdictForeground(verdict));
    setPalette(colours);

    QString stores;
    for (const core::ReplayOutcome::DataStore& store : run->outcome().dataStores) {
        stores += QStringLiteral("&nbsp;&nbsp;%1: <b>%2</b>")
                      .arg(QString::fromStdString(store.address).toHtmlEscaped(),
                          QString::fromUtf8(core::toString(store.fate)));
    }
    QString safeguards;
    for (const std::string& name : run->safeguards())
        safeguards += (safeguards.isEmpty() ? QString() : QStringLiteral(", ")) + QString::fromStdString(name);
    setText(
        QStringLiteral("<span style='font-size:large'><b>%1</b></span>%2<br/>%3")
            .arg(QString::fromUtf8(core::toString(verdict)).toUpper(), stores,
                safeguards.isEmpty() ? tr("No safeguards assumed") : tr("With %1").arg(safeguards.toHtmlEscaped())));
}

} // namespace blastline::gui
