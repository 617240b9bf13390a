// SPDX-License-Identifier: MIT
#include "gui/ResourceTablePanel.h"

#include "gui/ResourceTableModel.h"

#include <QHeaderView>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace blastline::gui {

ResourceTablePanel::ResourceTablePanel(ResourceTableModel* model, QWidget* parent)
    : QWidget(parent)
    , m_model(model)
    , m_proxy(new QSortFilterProxyModel(this))
    , m_filter(new QLineEdit(this))
    , m_view(new QTableView(this))
{
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(ResourceTableModel::SortRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1); // any column: "rds", "deleted", "data store" and module names all filter

    m_filter->setPlaceholderText(tr("Filter resources (address, type, fate, module)"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setObjectName(QStringLiteral("resourceFilter"));
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);

    m_view->setObjectName(QStringLiteral("resourceTable"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(ResourceTableModel::AddressColumn, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(ResourceTableModel::AddressColumn, QHeaderView::Interactive);
    // Address, type and fate in sight in a dock of a third of a laptop screen; the rest scrolls.
    m_view->setColumnWidth(ResourceTableModel::AddressColumn, 250);
    m_view->setColumnWidth(ResourceTableModel::TypeColumn, 110);
    m_view->setColumnWidth(ResourceTableModel::FateColumn, 90);
    m_view->setTextElideMode(Qt::ElideMiddle); // the ends of an address say the most: its module and its name
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex& current) { onCurrentChanged(current); });

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_filter);
    layout->addWidget(m_view);
}

void ResourceTablePanel::onCurrentChanged(const QModelIndex& current)
{
    if (m_selecting || !current.isValid())
        return;
    emit addressSelected(current.data(ResourceTableModel::AddressRole).toString());
}

void ResourceTablePanel::selectAddress(const std::string& address)
{
    const std::optional<int> row = m_model->rowOf(address);
    if (!row)
        return;
    QModelIndex index = m_proxy->mapFromSource(m_model->index(*row, 0));
    if (!index.isValid()) {
        m_filter->clear(); // the filter hides it: the selection matters more than the filter
        index = m_proxy->mapFromSource(m_model->index(*row, 0));
    }
    m_selecting = true;
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(index);
    m_selecting = false;
}

void ResourceTablePanel::clearSelection()
{
    m_selecting = true;
    m_view->selectionModel()->clear();
    m_selecting = false;
}

} // namespace blastline::gui
