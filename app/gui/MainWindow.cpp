// SPDX-License-Identifier: MIT
#include "gui/MainWindow.h"

#include "gui/BackgroundJob.h"
#include "gui/EngineRun.h"
#include "gui/FileMenu.h"
#include "gui/InspectorHtml.h"
#include "gui/InspectorPanel.h"
#include "gui/RecentFiles.h"
#include "gui/ReportExport.h"
#include "gui/ResourceRow.h"
#include "gui/ResourceTableModel.h"
#include "gui/ResourceTablePanel.h"
#include "gui/SafeguardsPanel.h"
#include "gui/TimelineModel.h"
#include "gui/TimelinePanel.h"
#include "gui/TrainingController.h"
#include "gui/VerdictBanner.h"
#include "gui/Workspace.h"
#include "gui/graph/GraphView.h"

#include <QActionGroup>
#include <QCloseEvent>
#include <QCoreApplication>
#include <QDockWidget>
#include <QDropEvent>
#include <QFileInfo>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QScrollBar>
#include <QSettings>
#include <QStatusBar>
#include <QToolBar>
#include <QVBoxLayout>

#include <set>

namespace blastline::gui {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , m_workspace(new Workspace(this, this))
    , m_graph(new GraphView)
    , m_banner(new VerdictBanner)
    , m_search(new QLineEdit)
    , m_resources(new ResourceTableModel(this))
    , m_table(new ResourceTablePanel(m_resources))
    , m_timelineModel(new TimelineModel(this))
    , m_timeline(new TimelinePanel(m_timelineModel))
    , m_safeguards(new SafeguardsPanel)
    , m_inspector(new InspectorPanel)
{
    setWindowTitle(tr("Blastline"));
    setAcceptDrops(true);
    m_graph->setObjectName(QStringLiteral("graphView"));
    auto* central = new QWidget;
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_banner);
    layout->addWidget(m_graph, 1);
    setCentralWidget(central);
    createDocks();
    createMenus();

    connect(m_workspace, &Workspace::documentOpened, this, &MainWindow::onDocumentOpened);
    connect(m_workspace, &Workspace::runChanged, this, &MainWindow::onRunChanged);
    connect(m_workspace, &Workspace::failed, this, &MainWindow::showError);
    connect(m_safeguards, &SafeguardsPanel::safeguardsChanged, m_workspace, &Workspace::setSafeguards);
    connect(m_timeline, &TimelinePanel::timeChanged, this, [this](qint64 timeMs) { showInstant(timeMs); });
    connect(m_graph, &GraphView::addressSelected, this,
        [this](const QString& address) { selectAddress(address.toStdString()); });
    connect(m_graph, &GraphView::selectionCleared, this, [this] { selectAddress({}); });
    connect(m_table, &ResourceTablePanel::addressSelected, this,
        [this](const QString& address) { selectAddress(address.toStdString()); });
    connect(m_inspector, &InspectorPanel::addressActivated, this,
        [this](const QString& address) { selectAddress(address.toStdString()); });
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        const int found = m_graph->search(m_search->text());
        statusBar()->showMessage(tr("%n resource(s) found", nullptr, found), 4000);
    });
    statusBar()->showMessage(tr("Open a scenario, a state, a plan, a trail or a case: File ▸ Open, or drop it here."));
}

MainWindow::~MainWindow() = default;

void MainWindow::createDocks()
{
    const auto dock = [this](const QString& title, const QString& name, QWidget* widget, Qt::DockWidgetArea area) {
        auto* dockWidget = new QDockWidget(title, this);
        dockWidget->setObjectName(name); // saveState() names docks by objectName
        dockWidget->setWidget(widget);
        addDockWidget(area, dockWidget);
        return dockWidget;
    };
    QDockWidget* resources = dock(tr("Resources"), QStringLiteral("resourcesDock"), m_table, Qt::LeftDockWidgetArea);
    QDockWidget* safeguards =
        dock(tr("Safeguards"), QStringLiteral("safeguardsDock"), m_safeguards, Qt::RightDockWidgetArea);
    QDockWidget* inspector =
        dock(tr("Inspector"), QStringLiteral("inspectorDock"), m_inspector, Qt::RightDockWidgetArea);
    splitDockWidget(safeguards, inspector, Qt::Vertical);
    QDockWidget* timeline = dock(tr("Timeline"), QStringLiteral("timelineDock"), m_timeline, Qt::BottomDockWidgetArea);
    resizeDocks({resources, safeguards}, {460, 340}, Qt::Horizontal);
    resizeDocks({safeguards, inspector, timeline}, {300, 420, 260}, Qt::Vertical);
}

void MainWindow::createMenus()
{
    m_fileMenu = new FileMenu(this);
    menuBar()->addMenu(m_fileMenu);
    connect(m_fileMenu, &FileMenu::openRequested, this, [this](const QStringList& paths) { open(paths); });
    connect(m_fileMenu, &FileMenu::exportRequested, this, &MainWindow::exportGraph);
    connect(m_fileMenu, &FileMenu::reportRequested, this, &MainWindow::exportReport);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    QAction* find = view->addAction(tr("&Find Resource"), this, [this] {
        m_search->setFocus();
        m_search->selectAll();
    });
    find->setShortcut(QKeySequence::Find);
    QAction* fit = view->addAction(tr("Fit Graph to &Window"), this, [this] { m_graph->fitToView(); });
    fit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    view->addSeparator();
    QAction* byModule =
        view->addAction(tr("Group by &Module"), this, [this] { m_graph->setGrouping(core::LayoutGrouping::Module); });
    QAction* byNetwork = view->addAction(
        tr("Group by &Network (VPC, subnet)"), this, [this] { m_graph->setGrouping(core::LayoutGrouping::Network); });
    auto* grouping = new QActionGroup(this);
    for (QAction* action : {byModule, byNetwork}) {
        action->setCheckable(true);
        grouping->addAction(action);
    }
    byModule->setChecked(true);
    view->addSeparator();
    for (QDockWidget* dock : findChildren<QDockWidget*>())
        view->addAction(dock->toggleViewAction());

    QMenu* scenario = menuBar()->addMenu(tr("&Scenario"));
    QAction* play = scenario->addAction(tr("&Play / Pause"), m_timeline, &TimelinePanel::togglePlay);
    play->setShortcut(QKeySequence(Qt::Key_Space));
    // Space plays wherever the focus is, except where it types (the search and filter fields keep it).
    play->setShortcutContext(Qt::WindowShortcut);
    m_trainAction = scenario->addAction(tr("&Train…"), this, &MainWindow::train);
    m_trainAction->setEnabled(false);
    m_trainAction->setToolTip(tr("Decide at each decision point; the engine shows what your choices change"));

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Blastline"), this, [this] {
        QMessageBox::about(this, tr("About Blastline"),
            tr("<b>Blastline</b> %1<br/>Incident forensics and blast-radius simulation for Terraform and AWS.")
                .arg(QCoreApplication::applicationVersion()));
    });

    QToolBar* toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolbar"));
    toolbar->addAction(m_fileMenu->openAction());
    toolbar->addAction(fit);
    m_search->setObjectName(QStringLiteral("graphSearch"));
    m_search->setPlaceholderText(tr("Find in the graph (Ctrl+F, Enter)"));
    m_search->setClearButtonEnabled(true);
    m_search->setMaximumWidth(360);
    toolbar->addWidget(m_search);
}

void MainWindow::exportGraph(const QString& path, bool svg)
{
    const bool written = svg ? m_graph->exportSvg(path) : m_graph->exportPng(path);
    if (!written)
        showError(tr("Could not export the graph"), tr("%1: could not be written").arg(path));
    else
        statusBar()->showMessage(tr("Wrote %1").arg(path), 5000);
}

void MainWindow::exportReport(const QString& path, bool html)
{
    const Document* open = m_workspace->document();
    if (open == nullptr || !ReportExport::canReport(*open)) {
        showError(tr("No report for this document"),
            tr("A postmortem report is written from a scenario or a case file; open one of those first."));
        return;
    }
    if (m_reportJob == nullptr) {
        m_reportJob = new BackgroundJob(this, this);
        connect(m_reportJob, &BackgroundJob::failed, this,
            [this](const QString& message) { showError(tr("Could not write the report"), message); });
    }
    // The job reads its own copy: the document's parts are shared and never changed, so the window can go on.
    const Document document = *open;
    const std::vector<std::string> safeguards = m_workspace->safeguards();
    const std::string target = path.toStdString();
    const bool started = m_reportJob->start(
        tr("Writing the report"),
        [document, safeguards, target, html](core::ProgressSink&) {
            ReportExport::write(document, safeguards, target, html);
        },
        [this, path] { statusBar()->showMessage(tr("Wrote %1").arg(path), 5000); });
    if (!started)
        showError(tr("Busy"), tr("A report is being written already."));
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1500, 950);
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    QMainWindow::closeEvent(event);
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    QStringList paths;
    for (const QUrl& url : event->mimeData()->urls()) {
        if (url.isLocalFile())
            paths << url.toLocalFile();
    }
    if (!paths.isEmpty()) {
        event->acceptProposedAction();
        open(paths);
    }
}

void MainWindow::open(const QStringList& paths, const std::vector<std::string>& safeguards)
{
    m_pendingRecent = paths;
    m_workspace->open(paths, safeguards);
}

void MainWindow::setErrorHandler(std::function<void(const QString&, const QString&)> handler)
{
    m_errorHandler = std::move(handler);
}

void MainWindow::showError(const QString& title, const QString& message)
{
    if (m_errorHandler)
        m_errorHandler(title, message);
    else
        QMessageBox::critical(this, title, message);
}

void MainWindow::onDocumentOpened()
{
    const Document& document = *m_workspace->document();
    QStringList opened;
    for (const std::string& path : document.paths)
        opened << QFileInfo(QString::fromStdString(path)).absoluteFilePath();
    if (!m_pendingRecent.isEmpty())
        RecentFiles::add(opened);
    m_pendingRecent.clear();
    m_fileMenu->rebuildRecent();
    setWindowTitle(tr("%1 — Blastline").arg(QString::fromStdString(document.title)));
    m_safeguards->setAvailable(EngineRun::availableSafeguards(document));
    m_trainAction->setEnabled(document.kind == Document::Kind::Scenario);
    m_shownGraph = nullptr;
    m_freshDocument = true;
    m_selected.clear();
    m_inspector->clear();
    statusBar()->showMessage(tr("Opened %1").arg(QString::fromStdString(document.title)), 5000);
}

void MainWindow::onRunChanged()
{
    const RunResult* run = m_workspace->current();
    const Document* document = m_workspace->document();
    if (run == nullptr || document == nullptr)
        return;
    const bool fresh = m_freshDocument;
    m_freshDocument = false;
    if (run->graph.get() != m_shownGraph || fresh) {
        m_shownGraph = run->graph.get();
        m_graph->setGraph(run->graph);
        std::vector<ResourceRow> rows;
        std::set<std::string> dataStores;
        if (run->graph) {
            rows = ResourceRow::rowsOf(*run->graph, *document->catalogue);
            for (const ResourceRow& row : rows) {
                if (row.dataStore)
                    dataStores.insert(row.address);
            }
        }
        m_resources->setRows(std::move(rows));
        m_graph->setDataStores(dataStores);
        if (fresh) {
            m_graph->fitToView();
        } else if (!m_selected.empty()) {
            // Each run brings its own graph; the selection carries over to it.
            m_graph->selectAddress(m_selected);
            m_table->selectAddress(m_selected);
        }
    }
    // The scrubber stays where it was: flipping a safeguard shows the other history at the same instant.
    const std::int64_t keep = m_timeline->currentTime();
    m_timelineModel->setEvents(run->events(), run->relativeTimes);
    std::vector<std::int64_t> decisions;
    for (const core::ReplayEvent& event : run->events()) {
        if (event.origin == core::ReplayEvent::Origin::Decision)
            decisions.push_back(event.timeMs);
    }
    m_timeline->setSpan(run->startMs, run->endMs, run->relativeTimes, std::move(decisions));
    if (!fresh)
        m_timeline->setCurrentTime(keep);

    m_banner->showRun(run, document->isSimulated());
    m_safeguards->setChecked(m_workspace->requestedSafeguards());
    const std::vector<core::FateChange> changes = m_workspace->changes();
    std::set<std::string> highlighted;
    for (const core::FateChange& change : changes)
        highlighted.insert(change.address);
    const QString divergence = run->replay.divergence
        ? QStringLiteral("%1, %2").arg(TimelineModel::formatTime(run->replay.divergence->timeMs, false),
            QString::fromStdString(run->replay.divergence->description))
        : QString();
    m_safeguards->showChanges(changes, divergence, !m_workspace->safeguards().empty());
    m_graph->setHighlighted(highlighted);
    showInstant(m_timeline->currentTime());
}

void MainWindow::showInstant(std::int64_t timeMs)
{
    const RunResult* run = m_workspace->current();
    if (run == nullptr)
        return;
    const auto fates = run->fatesAt(timeMs);
    m_graph->setFates(fates);
    m_resources->setFates(fates);
    refreshInspector();
}

void MainWindow::selectAddress(const std::string& address)
{
    if (address == m_selected)
        return;
    m_selected = address;
    if (address.empty()) {
        m_table->clearSelection();
        m_inspector->clear();
        return;
    }
    m_graph->selectAddress(address);
    m_table->selectAddress(address);
    refreshInspector();
}

void MainWindow::refreshInspector()
{
    const RunResult* run = m_workspace->current();
    const Document* document = m_workspace->document();
    if (run == nullptr || document == nullptr || m_selected.empty())
        return;
    const std::optional<int> row = m_resources->rowOf(m_selected);
    const NodeFate fate = row ? m_resources->rows()[static_cast<std::size_t>(*row)].fate : NodeFate::Unknown;
    const int scroll = m_inspector->verticalScrollBar()->value();
    m_inspector->setHtml(InspectorHtml::build(*document, *run, m_selected, fate));
    m_inspector->verticalScrollBar()->setValue(scroll);
}

void MainWindow::train()
{
    if (m_workspace->document() == nullptr || m_workspace->document()->kind != Document::Kind::Scenario)
        return;
    auto* controller = new TrainingController(m_workspace->sharedDocument(), m_workspace->sharedBaseline(), this);
    connect(controller, &TrainingController::failed, this, &MainWindow::showError);
    controller->start();
}

} // namespace blastline::gui
