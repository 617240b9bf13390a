// SPDX-License-Identifier: MIT
#include "GraphTestSupport.h"

#include "GraphBuilder.h"
#include "gui/graph/GraphView.h"
#include "gui/graph/NodeItem.h"

#include <QGraphicsScene>
#include <QPainter>

namespace blastline::gui::test {

std::shared_ptr<core::ResourceGraph> makeGraph(std::string_view description)
{
    return std::make_shared<core::ResourceGraph>(core::test::makeState(description));
}

std::string networkDescription(std::size_t webCount)
{
    std::string description = "aws_vpc.main; aws_subnet.a -> aws_vpc.main; aws_db_instance.main -> aws_subnet.a";
    for (std::size_t index = 0; index < webCount; ++index)
        description += "; aws_instance.web[" + std::to_string(index) + "] -> aws_subnet.a, aws_vpc.main";
    return description;
}

std::size_t countItems(const QGraphicsScene& scene, int type)
{
    std::size_t count = 0;
    for (const QGraphicsItem* item : scene.items()) {
        if (item->type() == type)
            ++count;
    }
    return count;
}

NodeItem* nodeItem(const GraphView& view, const std::string& address)
{
    NodeItem* item = view.itemFor(address);
    if (!item || item->address() != QString::fromStdString(address))
        return nullptr;
    return item;
}

QImage renderScene(GraphView& view)
{
    const QRectF area = view.scene()->sceneRect();
    QImage image(area.size().toSize(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    view.scene()->render(&painter, QRectF(QPointF(0, 0), area.size()), area);
    return image;
}

} // namespace blastline::gui::test
