// SPDX-License-Identifier: MIT
#include "gui/Workspace.h"

#include "gui/BackgroundJob.h"
#include "gui/DocumentLoader.h"
#include "gui/EngineRun.h"

#include "blastline/core/CaseRecords.h"

#include <QFileInfo>
#include <QWidget>

namespace blastline::gui {

namespace {

std::vector<std::string> toStd(const QStringList& paths)
{
    std::vector<std::string> out;
    for (const QString& path : paths)
        out.push_back(path.toStdString());
    return out;
}

/** Whether every path only adds to a state (an inventory, a configuration folder). */
bool onlyAdditions(const QStringList& paths)
{
    for (const QString& path : paths) {
        try {
            const auto kind = DocumentLoader::recognize(path.toStdString());
            if (!kind || (*kind != core::EvidenceKind::Inventory && *kind != core::EvidenceKind::Configuration))
                return false;
        } catch (const std::exception&) {
            return false; // the load says what is wrong with it, with the other paths' context
        }
    }
    return !paths.isEmpty();
}

} // namespace

Workspace::Workspace(QWidget* dialogParent, QObject* parent)
    : QObject(parent)
    , m_job(std::make_unique<BackgroundJob>(dialogParent))
{
    // A cancelled or failed run leaves the last finished one on screen: the ticks go back to what it ran with.
    const auto keepShownRun = [this] {
        if (const RunResult* shown = current()) {
            m_safeguards = shown->safeguards();
            emit runChanged();
        }
    };
    connect(m_job.get(), &BackgroundJob::failed, this, [this, keepShownRun](const QString& message) {
        emit failed(m_failureTitle, message);
        keepShownRun();
    });
    connect(m_job.get(), &BackgroundJob::cancelled, this, keepShownRun);
    connect(m_job.get(), &BackgroundJob::finished, this, [this] {
        if (m_pendingSafeguards && m_document) {
            m_safeguards = *m_pendingSafeguards;
            m_pendingSafeguards.reset();
            startRun();
        }
    });
}

Workspace::~Workspace() = default;

void Workspace::setSynchronous(bool synchronous)
{
    m_job->setSynchronous(synchronous);
}

bool Workspace::isBusy() const
{
    return m_job->isRunning();
}

QStringList Workspace::withOpenDocument(const QStringList& paths) const
{
    if (!m_document || (m_document->kind != Document::Kind::State && m_document->kind != Document::Kind::Plan)
        || !m_document->casePath.empty() || !onlyAdditions(paths))
        return paths;
    QStringList all;
    for (const std::string& path : m_document->paths)
        all << QString::fromStdString(path);
    return all + paths;
}

void Workspace::open(const QStringList& requested, const std::vector<std::string>& safeguards)
{
    if (requested.isEmpty())
        return;
    const QStringList paths = withOpenDocument(requested);
    struct Loaded
    {
        std::shared_ptr<const Document> document;
        std::shared_ptr<const RunResult> baseline;
        std::shared_ptr<const RunResult> current;
    };
    auto loaded = std::make_shared<Loaded>();
    const QString title = tr("Opening %1").arg(QFileInfo(paths.front()).fileName());
    m_failureTitle = tr("Could not open %1").arg(paths.front());
    const bool started = m_job->start(
        title,
        [loaded, paths, safeguards](core::ProgressSink& progress) {
            loaded->document = std::make_shared<const Document>(DocumentLoader::load(toStd(paths), progress));
            loaded->baseline = std::make_shared<const RunResult>(EngineRun::run(*loaded->document, {}, progress));
            if (!safeguards.empty())
                loaded->current =
                    std::make_shared<const RunResult>(EngineRun::run(*loaded->document, safeguards, progress));
        },
        [this, loaded, safeguards] {
            m_document = loaded->document;
            m_baseline = loaded->baseline;
            m_current = loaded->current;
            m_safeguards = safeguards;
            m_pendingSafeguards.reset();
            emit documentOpened();
            emit runChanged();
        });
    if (!started)
        emit failed(
            tr("Busy"), tr("Wait for the current work to finish (or cancel it) before opening %1.").arg(paths.front()));
}

void Workspace::setSafeguards(const std::vector<std::string>& safeguards)
{
    if (!m_document)
        return;
    if (m_job->isRunning()) {
        m_pendingSafeguards = safeguards;
        return;
    }
    m_safeguards = safeguards;
    startRun();
}

void Workspace::startRun()
{
    if (m_safeguards.empty()) {
        m_current.reset();
        emit runChanged();
        return;
    }
    auto result = std::make_shared<std::shared_ptr<const RunResult>>();
    const std::shared_ptr<const Document> document = m_document;
    const std::vector<std::string> safeguards = m_safeguards;
    m_failureTitle = tr("The engine could not run");
    m_job->start(
        tr("Running the engine"),
        [result, document, safeguards](core::ProgressSink& progress) {
            *result = std::make_shared<const RunResult>(EngineRun::run(*document, safeguards, progress));
        },
        [this, result, document] {
            if (document != m_document)
                return; // a new document opened meanwhile
            m_current = *result;
            emit runChanged();
        });
}

std::vector<core::FateChange> Workspace::changes() const
{
    if (!m_baseline || !m_current)
        return {};
    return core::diffOutcomes(m_baseline->outcome(), m_current->outcome());
}

} // namespace blastline::gui
