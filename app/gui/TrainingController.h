// SPDX-License-Identifier: MIT
#pragma once

// moc (Qt 6.4) cannot parse the C++20 standard headers these reach; it needs none of them.
#ifndef Q_MOC_RUN
#include "gui/Document.h"
#include "gui/RunResult.h"

#include "blastline/core/Scenario.h"
#endif

#include <QObject>
#include <QString>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

class QWidget;

namespace blastline::gui {

class BackgroundJob;

/**
 * Scenario ▸ Train, as `blastline train` runs it: the story up to each decision point, the trainee's choice, the
 * replay engine run with every choice so far (off the GUI thread), its consequence for the ground truth's data
 * stores, and core::TrainingScore at the end. Deletes itself when the exercise ends.
 */
class TrainingController : public QObject
{
    Q_OBJECT
public:
    /** Asks for a choice: the option's id, or nullopt to end the exercise. Default: a TrainingDialog. */
    using Chooser = std::function<std::optional<std::string>(
        const core::DecisionPoint& decision, const QString& story, const QString& consequence)>;

    TrainingController(
        std::shared_ptr<const Document> document, std::shared_ptr<const RunResult> asItHappened, QWidget* parent);
    ~TrainingController() override;

    void setChooser(Chooser chooser)
    {
        m_chooser = std::move(chooser);
        m_customChooser = true;
    }
    /** Runs the engine on the calling thread (tests). */
    void setSynchronous(bool synchronous);
    void start();

signals:
    /** The exercise ended with this score (HTML), shown in a message box unless a chooser was set. */
    void finished(const QString& score);
    void failed(const QString& title, const QString& message);

private:
    void askNext();
    void apply(const core::DecisionOption& option, std::int64_t time);
    QString storyUntil(std::int64_t time);
    QString consequence() const;
    void finish();

    std::shared_ptr<const Document> m_document;
    std::shared_ptr<const RunResult> m_asItHappened;
    QWidget* m_parent;
    std::unique_ptr<BackgroundJob> m_job;
    Chooser m_chooser;
    bool m_customChooser = false;
    std::vector<const core::DecisionPoint*> m_decisions;
    std::size_t m_next = 0;
    std::int64_t m_toldUntil = 0;
    std::vector<std::string> m_safeguards;
    std::optional<std::int64_t> m_haltAfter;
    std::shared_ptr<const RunResult> m_last;
};

} // namespace blastline::gui
