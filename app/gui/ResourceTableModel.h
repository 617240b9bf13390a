// SPDX-License-Identifier: MIT
#pragma once

#include "gui/ResourceRow.h"

#include <QAbstractTableModel>

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace blastline::gui {

/** The resources of the open run, one row each; fates follow the timeline's instant. */
class ResourceTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        AddressColumn,
        TypeColumn,
        FateColumn,
        DataStoreColumn,
        ModuleColumn,
        ColumnCount
    };
    enum Role
    {
        AddressRole = Qt::UserRole, // the row's address as a QString, whatever the column
        SortRole // what the column sorts by (fates in their order of gravity, not alphabetically)
    };

    explicit ResourceTableModel(QObject* parent = nullptr);

    void setRows(std::vector<ResourceRow> rows);
    /** Updates only the fate column; addresses the model does not hold are ignored. */
    void setFates(const std::unordered_map<std::string, NodeFate>& fates);
    const std::vector<ResourceRow>& rows() const { return m_rows; }
    std::optional<int> rowOf(const std::string& address) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<ResourceRow> m_rows;
    std::unordered_map<std::string, int> m_rowByAddress;
};

} // namespace blastline::gui
