// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

#include <string>

class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace blastline::gui {

class ResourceTableModel;

/** The resource table with its filter: sortable, filterable on every column, its selection linked to the graph's. */
class ResourceTablePanel : public QWidget
{
    Q_OBJECT
public:
    explicit ResourceTablePanel(ResourceTableModel* model, QWidget* parent = nullptr);

    /** Selects and shows the address's row (clearing the filter if it hides it); emits nothing. */
    void selectAddress(const std::string& address);
    void clearSelection();
    QLineEdit* filterEdit() const { return m_filter; }
    QTableView* view() const { return m_view; }
    QSortFilterProxyModel* proxy() const { return m_proxy; }

signals:
    void addressSelected(const QString& address);

private:
    void onCurrentChanged(const QModelIndex& current);

    ResourceTableModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QLineEdit* m_filter;
    QTableView* m_view;
    bool m_selecting = false; // set while the selection is changed from outside, so it is not echoed back
};

} // namespace blastline::gui
