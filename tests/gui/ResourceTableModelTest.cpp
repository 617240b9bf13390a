// SPDX-License-Identifier: MIT
#include "gui/ResourceTableModel.h"

#include <QAbstractItemModelTester>
#include <QSortFilterProxyModel>

#include <gtest/gtest.h>

namespace blastline::gui {

namespace {

std::vector<ResourceRow> sampleRows()
{
    return {
        {"aws_vpc.main", "aws_vpc", NodeFate::Alive, false, ""},
        {"aws_rds_cluster.db", "aws_rds_cluster", NodeFate::Alive, true, ""},
        {"module.app.aws_ecs_service.web", "aws_ecs_service", NodeFate::Alive, false, "module.app"},
    };
}

} // namespace

TEST(ResourceTableModel, passesTheModelTesterThroughResetsAndFateChanges)
{
    ResourceTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setRows(sampleRows());
    model.setFates({{"aws_rds_cluster.db", NodeFate::Deleted}, {"not.there", NodeFate::Failed}});
    model.setRows({});
    model.setFates({{"aws_rds_cluster.db", NodeFate::Deleted}});
    EXPECT_EQ(model.rowCount(), 0);
}

TEST(ResourceTableModel, showsEachColumnAndFindsRowsByAddress)
{
    ResourceTableModel model;
    model.setRows(sampleRows());
    ASSERT_EQ(model.rowCount(), 3);
    ASSERT_EQ(model.columnCount(), ResourceTableModel::ColumnCount);
    EXPECT_EQ(model.rowOf("aws_rds_cluster.db"), 1);
    EXPECT_FALSE(model.rowOf("aws_rds_cluster.other"));
    EXPECT_EQ(model.index(1, ResourceTableModel::DataStoreColumn).data().toString(), QStringLiteral("data store"));
    EXPECT_EQ(model.index(0, ResourceTableModel::DataStoreColumn).data().toString(), QString());
    EXPECT_EQ(model.index(2, ResourceTableModel::ModuleColumn).data().toString(), QStringLiteral("module.app"));
    EXPECT_EQ(model.index(0, ResourceTableModel::ModuleColumn).data().toString(), QStringLiteral("(root)"));

    model.setFates({{"aws_rds_cluster.db", NodeFate::Deleted}});
    EXPECT_EQ(model.index(1, ResourceTableModel::FateColumn).data().toString(), fateName(NodeFate::Deleted));
    EXPECT_EQ(model.index(0, ResourceTableModel::FateColumn).data().toString(), fateName(NodeFate::Alive));
    EXPECT_EQ(model.index(1, ResourceTableModel::TypeColumn).data(ResourceTableModel::AddressRole).toString(),
        QStringLiteral("aws_rds_cluster.db"));
}

TEST(ResourceTableModel, filtersOnAnyColumnAndSortsFatesByGravity)
{
    ResourceTableModel model;
    model.setRows(sampleRows());
    model.setFates({{"aws_rds_cluster.db", NodeFate::Deleted}, {"aws_vpc.main", NodeFate::Pending}});
    QSortFilterProxyModel proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
    proxy.setSourceModel(&model);
    proxy.setFilterKeyColumn(-1);
    proxy.setFilterCaseSensitivity(Qt::CaseInsensitive);
    proxy.setSortRole(ResourceTableModel::SortRole);

    proxy.setFilterFixedString(QStringLiteral("DATA STORE"));
    ASSERT_EQ(proxy.rowCount(), 1);
    EXPECT_EQ(proxy.index(0, 0).data().toString(), QStringLiteral("aws_rds_cluster.db"));
    proxy.setFilterFixedString(QStringLiteral("module.app"));
    EXPECT_EQ(proxy.rowCount(), 1);

    proxy.setFilterFixedString(QString());
    proxy.sort(ResourceTableModel::FateColumn, Qt::AscendingOrder);
    // Alive < Pending < Deleted in NodeFate's order, not "alive" < "deleted" < "to be deleted" alphabetically.
    EXPECT_EQ(proxy.index(0, ResourceTableModel::FateColumn).data().toString(), fateName(NodeFate::Alive));
    EXPECT_EQ(proxy.index(1, ResourceTableModel::FateColumn).data().toString(), fateName(NodeFate::Pending));
    EXPECT_EQ(proxy.index(2, ResourceTableModel::FateColumn).data().toString(), fateName(NodeFate::Deleted));
}

} // namespace blastline::gui
