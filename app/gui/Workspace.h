// SPDX-License-Identifier: MIT
#pragma once

// moc (Qt 6.4) cannot parse the C++20 standard headers these reach; it needs none of them.
#ifndef Q_MOC_RUN
#include "gui/Document.h"
#include "gui/RunResult.h"

#include "blastline/core/OutcomeDiff.h"
#endif

#include <QObject>
#include <QStringList>

#include <memory>
#include <optional>
#include <string>
#include <vector>

class QWidget;

namespace blastline::gui {

class BackgroundJob;

/**
 * What the window is about: the open document, the engine's run as it happened (no safeguards), and its run under
 * the safeguards ticked now. Opening and every run go through one BackgroundJob, off the GUI thread; a change of
 * safeguards while a run is going waits for it, and only the latest request runs then.
 */
class Workspace : public QObject
{
    Q_OBJECT
public:
    explicit Workspace(QWidget* dialogParent, QObject* parent = nullptr);
    ~Workspace() override;

    /** Reads and runs synchronously: for the screenshot mode and tests. */
    void setSynchronous(bool synchronous);
    BackgroundJob& job() { return *m_job; }

    /**
     * Opens paths as one document, replacing the open one, and runs the engine with `safeguards`. Inventories and
     * configuration folders opened alone are added to the open state or plan instead.
     */
    void open(const QStringList& paths, const std::vector<std::string>& safeguards = {});
    /** Runs the engine again with these safeguards (names as the engine takes them). */
    void setSafeguards(const std::vector<std::string>& safeguards);

    const Document* document() const { return m_document.get(); }
    std::shared_ptr<const Document> sharedDocument() const { return m_document; }
    const RunResult* baseline() const { return m_baseline.get(); }
    std::shared_ptr<const RunResult> sharedBaseline() const { return m_baseline; }
    /** The run under the current safeguards; the baseline itself when none is ticked. */
    const RunResult* current() const { return m_current ? m_current.get() : m_baseline.get(); }
    const std::vector<std::string>& safeguards() const { return m_safeguards; }
    /** What the person asked for last: the safeguards of a run still waiting to start, else safeguards(). */
    const std::vector<std::string>& requestedSafeguards() const
    {
        return m_pendingSafeguards ? *m_pendingSafeguards : m_safeguards;
    }
    /** What the current safeguards change for the data, as core::diffOutcomes says. */
    std::vector<core::FateChange> changes() const;
    bool isBusy() const;

signals:
    /** A new document is open and its runs are ready. */
    void documentOpened();
    /** The run under the current safeguards changed. */
    void runChanged();
    /** Opening or a run failed: the message names the file and what was wrong. */
    void failed(const QString& title, const QString& message);

private:
    void startRun();
    QStringList withOpenDocument(const QStringList& paths) const;

    std::unique_ptr<BackgroundJob> m_job;
    std::shared_ptr<const Document> m_document;
    std::shared_ptr<const RunResult> m_baseline;
    std::shared_ptr<const RunResult> m_current;
    std::vector<std::string> m_safeguards;
    std::optional<std::vector<std::string>> m_pendingSafeguards;
    QString m_failureTitle; // what the failing work was, for the message box
};

} // namespace blastline::gui
