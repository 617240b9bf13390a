// SPDX-License-Identifier: MIT
// Nothing redacted at import reaches the window: distinctive secrets planted in a state are looked for in every text
// the desktop app shows or writes (table and timeline cells and tooltips, the inspector of every resource, every
// label and text box, the graph's items and its SVG export, the report export). The search is shown to work on a file
// that holds them.
#include "gui/MainWindow.h"

#include "GuiTestSupport.h"
#include "TemporaryDirectory.h"
#include "gui/InspectorPanel.h"
#include "gui/ReportExport.h"
#include "gui/ResourceTableModel.h"
#include "gui/TimelinePanel.h"
#include "gui/Workspace.h"
#include "gui/graph/GraphView.h"

#include <QAbstractItemView>
#include <QGraphicsItem>
#include <QGraphicsScene>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>
#include <QTextEdit>

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace blastline::gui {
namespace {

// A `password` attribute, an attribute marked by sensitive_attributes, and a sensitive output.
constexpr const char* kState = R"({"version": 4, "terraform_version": "1.7.4", "serial": 3, "lineage": "gui-secrets",
  "outputs": {"db_url": {"value": "postgres://admin:PLANTED-GUI-OUTPUT-71aa@db:5432/orders", "type": "string",
                         "sensitive": true}},
  "resources": [{"mode": "managed", "type": "aws_db_instance", "name": "orders",
    "provider": "provider[\"registry.terraform.io/hashicorp/aws\"]",
    "instances": [{"schema_version": 2,
      "attributes": {"id": "db-ORDERS", "identifier": "orders", "arn": "arn:aws:rds:eu-west-1:123456789012:db:orders",
                     "password": "PLANTED-GUI-PASSWORD-3f0c", "connection_note": "PLANTED-GUI-SENSITIVE-8d21"},
      "sensitive_attributes": [[{"type": "get_attr", "value": "connection_note"}]]}]}]})";

const QStringList kSecrets {QStringLiteral("PLANTED-GUI-OUTPUT-71aa"), QStringLiteral("PLANTED-GUI-PASSWORD-3f0c"),
    QStringLiteral("PLANTED-GUI-SENSITIVE-8d21")};

QStringList secretsIn(const QString& text)
{
    QStringList found;
    for (const QString& secret : kSecrets) {
        if (text.contains(secret))
            found << secret;
    }
    return found;
}

void collectModel(const QAbstractItemModel* model, QString& into)
{
    if (model == nullptr)
        return;
    for (int row = 0; row < model->rowCount(); ++row) {
        for (int column = 0; column < model->columnCount(); ++column) {
            const QModelIndex index = model->index(row, column);
            for (const int role : {int(Qt::DisplayRole), int(Qt::ToolTipRole), int(Qt::UserRole)})
                into += index.data(role).toString() + QLatin1Char('\n');
        }
    }
}

/** Every text the window holds now: widgets, models, the graph's items. */
QString everyText(MainWindow& window)
{
    QString text = window.windowTitle();
    for (const QLabel* label : window.findChildren<QLabel*>())
        text += label->text() + label->toolTip();
    for (const QTextEdit* edit : window.findChildren<QTextEdit*>())
        text += edit->toHtml() + edit->toPlainText();
    for (const QLineEdit* edit : window.findChildren<QLineEdit*>())
        text += edit->text();
    for (const QAbstractItemView* view : window.findChildren<QAbstractItemView*>())
        collectModel(view->model(), text);
    if (QGraphicsScene* scene = window.graphView()->scene()) {
        for (const QGraphicsItem* item : scene->items())
            text += item->toolTip();
    }
    return text;
}

std::string fileText(const std::filesystem::path& path)
{
    std::ifstream in(path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

TEST(GuiSecrets, nothingRedactedAtImportIsShownOrWritten)
{
    const blastline::testing::TemporaryDirectory folder;
    const std::filesystem::path state = folder.write("planted.tfstate", kState);
    ASSERT_EQ(secretsIn(QString::fromStdString(fileText(state))), kSecrets) << "the search finds what is there";

    MainWindow window;
    window.setErrorHandler([](const QString& title, const QString& message) {
        ADD_FAILURE() << title.toStdString() << ": " << message.toStdString();
    });
    QSignalSpy opened(&window.workspace(), &Workspace::documentOpened);
    window.open({QString::fromStdString(state.string())});
    ASSERT_TRUE(QTest::qWaitFor([&] { return opened.count() == 1 && window.workspace().current(); }, 60'000));

    QString shown = everyText(window);
    // The inspector of every resource, one after the other.
    const ResourceTableModel& resources = *window.resourceModel();
    for (int row = 0; row < resources.rowCount(); ++row) {
        const std::string address =
            resources.index(row, ResourceTableModel::AddressColumn).data().toString().toStdString();
        window.selectAddress(address);
        shown += window.inspector()->toHtml();
    }
    // The walk saw the window's texts, attribute values included: a secret shown beside them would be found.
    ASSERT_TRUE(shown.contains(QStringLiteral("aws_db_instance.orders")));
    ASSERT_TRUE(shown.contains(QStringLiteral("arn:aws:rds:eu-west-1:123456789012:db:orders")));
    EXPECT_EQ(secretsIn(shown), QStringList {});
    // And under a safeguard, which re-runs the engine and rewrites the banner and the changes.
    window.workspace().setSafeguards({"final-snapshot"});
    ASSERT_TRUE(QTest::qWaitFor([&] { return !window.workspace().isBusy(); }, 60'000));
    EXPECT_EQ(secretsIn(everyText(window)), QStringList {});

    const std::filesystem::path svg = folder.path() / "graph.svg";
    ASSERT_TRUE(window.graphView()->exportSvg(QString::fromStdString(svg.string())));
    EXPECT_EQ(secretsIn(QString::fromStdString(fileText(svg))), QStringList {});
}

} // namespace
} // namespace blastline::gui
