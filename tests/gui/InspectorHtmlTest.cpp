// SPDX-License-Identifier: MIT
#include "gui/InspectorHtml.h"

#include "GuiTestSupport.h"
#include "gui/EngineRun.h"

#include "blastline/core/AttributeValue.h"

#include <gtest/gtest.h>

namespace blastline::gui {

using testing::dataTalks;
using testing::kDatabase;

TEST(InspectorHtml, showsTheEnginesJudgementDependenciesAndTheTrail)
{
    testing::QuietProgress progress;
    const RunResult run = EngineRun::run(dataTalks(), {}, progress);
    const QString page = InspectorHtml::build(dataTalks(), run, kDatabase, NodeFate::Deleted);
    EXPECT_TRUE(page.contains(QString::fromUtf8(kDatabase)));
    EXPECT_TRUE(page.contains(QStringLiteral("Recovery points")));
    EXPECT_TRUE(page.contains(QStringLiteral("Depends on")));
    // The trail's DeleteDBCluster names the cluster.
    EXPECT_TRUE(page.contains(QStringLiteral("DeleteDBCluster")));
    for (const core::ReplayOutcome::DataStore& store : run.outcome().dataStores) {
        if (store.address == kDatabase) {
            EXPECT_TRUE(page.contains(QString::fromUtf8(core::toString(store.fate)))) << page.toStdString();
        }
    }
}

TEST(InspectorHtml, showsRedactedValuesExactlyAsTheImporterLeftThem)
{
    testing::QuietProgress progress;
    const RunResult run = EngineRun::run(dataTalks(), {}, progress);
    const core::ResourceInstance& cluster = run.graph->instance(*run.graph->find(kDatabase));
    bool anyRedacted = false;
    for (const auto& [path, value] : cluster.attributes.entries())
        anyRedacted = anyRedacted || value.kind == core::AttributeValue::Kind::Redacted;
    ASSERT_TRUE(anyRedacted) << "the sample's cluster has a master password, redacted on import";
    const QString page = InspectorHtml::build(dataTalks(), run, kDatabase, NodeFate::Alive);
    EXPECT_TRUE(page.contains(QString::fromUtf8(core::kRedactedMarker).toHtmlEscaped()));
    EXPECT_FALSE(page.contains(QStringLiteral("FAKE-sample-password"))); // the sample's stand-in secret
}

TEST(InspectorHtml, saysWhenTheAddressIsNotInTheRun)
{
    testing::QuietProgress progress;
    const RunResult run = EngineRun::run(dataTalks(), {}, progress);
    EXPECT_TRUE(InspectorHtml::build(dataTalks(), run, "aws_s3_bucket.nowhere", NodeFate::Unknown)
                    .contains(QStringLiteral("not a resource of this run")));
}

} // namespace blastline::gui
