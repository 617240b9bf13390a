// SPDX-License-Identifier: MIT
#include "gui/ResourceTableModel.h"

#include "gui/FateStyle.h"

namespace blastline::gui {

ResourceTableModel::ResourceTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

void ResourceTableModel::setRows(std::vector<ResourceRow> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    m_rowByAddress.clear();
    for (std::size_t i = 0; i < m_rows.size(); ++i)
        m_rowByAddress.emplace(m_rows[i].address, static_cast<int>(i));
    endResetModel();
}

void ResourceTableModel::setFates(const std::unordered_map<std::string, NodeFate>& fates)
{
    if (m_rows.empty())
        return;
    for (ResourceRow& row : m_rows) {
        const auto found = fates.find(row.address);
        if (found != fates.end())
            row.fate = found->second;
    }
    emit dataChanged(index(0, FateColumn), index(rowCount() - 1, FateColumn));
}

std::optional<int> ResourceTableModel::rowOf(const std::string& address) const
{
    const auto found = m_rowByAddress.find(address);
    if (found == m_rowByAddress.end())
        return std::nullopt;
    return found->second;
}

int ResourceTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ResourceTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ResourceTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ResourceRow& row = m_rows[static_cast<std::size_t>(index.row())];
    if (role == AddressRole)
        return QString::fromStdString(row.address);
    if (role == SortRole && index.column() == FateColumn)
        return static_cast<int>(row.fate);
    if (role == Qt::ForegroundRole && index.column() == FateColumn) {
        const QColor color = FateStyle::color(row.fate);
        return color.isValid() ? QVariant(color) : QVariant();
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != SortRole)
        return {};
    switch (index.column()) {
    case AddressColumn:
        return QString::fromStdString(row.address);
    case TypeColumn:
        return QString::fromStdString(row.type);
    case FateColumn:
        return FateStyle::name(row.fate);
    case DataStoreColumn:
        return row.dataStore ? tr("data store") : QString();
    case ModuleColumn:
        return row.module.empty() ? tr("(root)") : QString::fromStdString(row.module);
    default:
        return {};
    }
}

QVariant ResourceTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case AddressColumn:
        return tr("Address");
    case TypeColumn:
        return tr("Type");
    case FateColumn:
        return tr("Fate");
    case DataStoreColumn:
        return tr("Data store?");
    case ModuleColumn:
        return tr("Module");
    default:
        return {};
    }
}

} // namespace blastline::gui
