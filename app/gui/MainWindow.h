// SPDX-License-Identifier: MIT
#pragma once

#include <QMainWindow>
#include <QStringList>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

class QLineEdit;
class QMenu;

namespace blastline::gui {

class FileMenu;
class GraphView;
class InspectorPanel;
class ResourceTableModel;
class ResourceTablePanel;
class SafeguardsPanel;
class TimelineModel;
class TimelinePanel;
class BackgroundJob;
class VerdictBanner;
class Workspace;

/**
 * The desktop app's window: the graph in the middle under the verdict banner; docks for the resources, the
 * inspector, the safeguards and the timeline. It shows what the Workspace's runs computed, at the timeline's
 * instant, and asks the Workspace for new runs; it computes nothing itself.
 */
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    Workspace& workspace() { return *m_workspace; }
    /** Opens paths as one document (see Workspace::open); `safeguards` for the first run. */
    void open(const QStringList& paths, const std::vector<std::string>& safeguards = {});
    /** Where errors go: a message box by default; the screenshot mode writes them to stderr instead. */
    void setErrorHandler(std::function<void(const QString& title, const QString& message)> handler);
    /** Selects a resource everywhere (graph, table, inspector); an unknown address clears the selection. */
    void selectAddress(const std::string& address);
    const std::string& selectedAddress() const { return m_selected; }
    /** Restores the geometry and the docks' layout the last session left. */
    void restoreSettings();

    GraphView* graphView() const { return m_graph; }
    ResourceTablePanel* resourcePanel() const { return m_table; }
    ResourceTableModel* resourceModel() const { return m_resources; }
    TimelinePanel* timelinePanel() const { return m_timeline; }
    SafeguardsPanel* safeguardsPanel() const { return m_safeguards; }
    InspectorPanel* inspector() const { return m_inspector; }
    VerdictBanner* banner() const { return m_banner; }

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createMenus();
    void createDocks();
    void exportGraph(const QString& path, bool svg);
    /** The report of the open scenario or case under the ticked safeguards, built off the GUI thread. */
    void exportReport(const QString& path, bool html);
    void train();
    void onDocumentOpened();
    void onRunChanged();
    void showInstant(std::int64_t timeMs);
    void refreshInspector();
    void showError(const QString& title, const QString& message);

    Workspace* m_workspace;
    GraphView* m_graph;
    VerdictBanner* m_banner;
    QLineEdit* m_search;
    ResourceTableModel* m_resources;
    ResourceTablePanel* m_table;
    TimelineModel* m_timelineModel;
    TimelinePanel* m_timeline;
    SafeguardsPanel* m_safeguards;
    InspectorPanel* m_inspector;
    FileMenu* m_fileMenu = nullptr;
    BackgroundJob* m_reportJob = nullptr;
    QAction* m_trainAction = nullptr;
    QStringList m_pendingRecent; // what is being opened, added to the recent files once it opened
    std::string m_selected;
    const void* m_shownGraph = nullptr; // the graph on screen: a new run only redraws when it brings another
    bool m_freshDocument = false; // the next run is a new document's first: fit the graph, scrubber to the end
    std::function<void(const QString&, const QString&)> m_errorHandler;
};

} // namespace blastline::gui
