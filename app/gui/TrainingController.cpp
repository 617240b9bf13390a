// SPDX-License-Identifier: MIT
#include "gui/TrainingController.h"

#include "gui/BackgroundJob.h"
#include "gui/EngineRun.h"
#include "gui/TimelineModel.h"
#include "gui/TrainingDialog.h"

#include "blastline/core/TrainingScore.h"
#include "blastline/importers/ScenarioSession.h"

#include <QMessageBox>
#include <QWidget>

#include <algorithm>

namespace blastline::gui {

namespace {

QString html(const std::string& text)
{
    return QString::fromStdString(text).toHtmlEscaped();
}

QString hoursAndMinutes(std::int64_t milliseconds)
{
    const std::int64_t minutes = milliseconds / 60'000;
    return QObject::tr("%1 h %2 min").arg(minutes / 60).arg(minutes % 60);
}

} // namespace

TrainingController::TrainingController(
    std::shared_ptr<const Document> document, std::shared_ptr<const RunResult> asItHappened, QWidget* parent)
    : QObject(parent)
    , m_document(std::move(document))
    , m_asItHappened(std::move(asItHappened))
    , m_parent(parent)
    , m_job(std::make_unique<BackgroundJob>(parent))
{
    m_chooser = [this](const core::DecisionPoint& decision, const QString& story,
                    const QString& consequence) -> std::optional<std::string> {
        TrainingDialog dialog(decision, story, consequence, m_parent);
        if (dialog.exec() != QDialog::Accepted)
            return std::nullopt;
        return dialog.chosen().id;
    };
    connect(m_job.get(), &BackgroundJob::failed, this, [this](const QString& message) {
        emit failed(tr("The engine could not run"), message);
        deleteLater();
    });
    connect(m_job.get(), &BackgroundJob::cancelled, this, &QObject::deleteLater);
}

TrainingController::~TrainingController() = default;

void TrainingController::setSynchronous(bool synchronous)
{
    m_job->setSynchronous(synchronous);
}

void TrainingController::start()
{
    const core::Scenario& scenario = m_document->scenario->scenario();
    for (const core::DecisionPoint& decision : scenario.decisions)
        m_decisions.push_back(&decision);
    std::stable_sort(m_decisions.begin(), m_decisions.end(),
        [](const core::DecisionPoint* a, const core::DecisionPoint* b) { return a->time < b->time; });
    m_toldUntil = scenario.metadata.incidentStart - 1;
    askNext();
}

QString TrainingController::storyUntil(std::int64_t time)
{
    QString story;
    for (const core::ScenarioNarrativeEntry& entry : m_document->scenario->scenario().narrative) {
        if (entry.time > m_toldUntil && entry.time <= time)
            story += QStringLiteral("<p><small>%1</small> <b>%2</b>: %3</p>")
                         .arg(TimelineModel::formatTime(entry.time, false), html(entry.actor), html(entry.text));
    }
    m_toldUntil = time;
    return story;
}

/** What the engine computes with every choice so far, told against the ground truth's data stores. */
QString TrainingController::consequence() const
{
    if (!m_last)
        return {};
    const core::Scenario& scenario = m_document->scenario->scenario();
    QString text =
        tr("<p><b>The engine, with your choices so far:</b> %1").arg(html(core::toString(m_last->outcome().verdict)));
    if (scenario.commands.empty())
        text =
            tr("<p><b>The engine:</b> nothing to simulate (the deletes are not Terraform's); as the sources tell it:");
    if (m_last->replay.divergence)
        text += tr("; history changes at %1").arg(TimelineModel::formatTime(m_last->replay.divergence->timeMs, false));
    text += QStringLiteral("</p><ul>");
    for (const core::DataStoreTruth& truth : scenario.groundTruth.dataStores)
        text +=
            QStringLiteral("<li>%1: <b>%2</b></li>")
                .arg(html(truth.address), html(core::TrainingScore::fateOf(scenario, &m_last->replay, truth.address)));
    return text + QStringLiteral("</ul><hr/>");
}

void TrainingController::askNext()
{
    if (m_next >= m_decisions.size() || m_haltAfter)
        return finish();
    const core::DecisionPoint& decision = *m_decisions[m_next++];
    const QString story = storyUntil(decision.time);
    const std::optional<std::string> choice = m_chooser(decision, story, consequence());
    if (!choice) {
        deleteLater();
        return;
    }
    const auto option = std::find_if(decision.options.begin(), decision.options.end(),
        [&](const core::DecisionOption& candidate) { return candidate.id == *choice; });
    if (option == decision.options.end()) {
        emit failed(tr("Training"), tr("%1: not an option of decision %2").arg(html(*choice), html(decision.id)));
        deleteLater();
        return;
    }
    apply(*option, decision.time);
}

void TrainingController::apply(const core::DecisionOption& option, std::int64_t time)
{
    if (option.effect.kind == core::DecisionEffect::Kind::Safeguard)
        m_safeguards.push_back(option.effect.name);
    else if (option.effect.name == "stop")
        m_haltAfter = time;
    auto result = std::make_shared<std::shared_ptr<const RunResult>>();
    const std::shared_ptr<const Document> document = m_document;
    const std::vector<std::string> safeguards = m_safeguards;
    const std::optional<std::int64_t> halt = m_haltAfter;
    m_job->start(
        tr("Running the engine with your choices"),
        [result, document, safeguards, halt](core::ProgressSink& progress) {
            *result = std::make_shared<const RunResult>(EngineRun::run(*document, safeguards, progress, halt));
        },
        [this, result] {
            m_last = *result;
            askNext();
        });
}

void TrainingController::finish()
{
    const core::Scenario& scenario = m_document->scenario->scenario();
    const core::ReplayResult& last = m_last ? m_last->replay : m_asItHappened->replay;
    const core::TrainingScore score = core::TrainingScore::compute(scenario, last, m_asItHappened->replay);
    QString text = consequence() + tr("<h3>Score</h3>");
    if (!score.engineJudges)
        text += tr("<p>Data saved: not computed: the engine cannot simulate this scenario's deletes (they are not "
                   "Terraform's); the sources say %1 data stores were lost.</p>")
                    .arg(score.lostInReality);
    else
        text +=
            tr("<p>Data saved: <b>%1 of the %2</b> data stores lost in reality%3 (the engine's verdict: %4).</p>")
                .arg(score.saved)
                .arg(score.lostInReality)
                .arg(score.unknown > 0 ? tr(", %1 not known (see their fates above)").arg(score.unknown) : QString())
                .arg(html(core::toString(score.verdict)));
    if (!score.recoveryNeeded())
        text += tr("<p>Time to recover: none needed.</p>");
    else if (score.timeToRecoverMs)
        text += tr("<p>Time to recover: %1, as in reality (from the delete to the scenario's last key time).</p>")
                    .arg(hoursAndMinutes(*score.timeToRecoverMs));
    else
        text += tr("<p>Time to recover: as in reality (the scenario gives no time for it).</p>");
    QString chosen;
    for (const std::string& name : m_safeguards)
        chosen += (chosen.isEmpty() ? QString() : QStringLiteral(", ")) + html(name);
    text +=
        tr("<p>Safeguards chosen: %1%2</p>")
            .arg(chosen.isEmpty() ? tr("none") : chosen,
                m_haltAfter ? tr("; stopped at %1").arg(TimelineModel::formatTime(*m_haltAfter, false)) : QString());
    emit finished(text);
    if (!m_customChooser)
        QMessageBox::information(m_parent, tr("Training: %1").arg(html(scenario.metadata.title)), text);
    deleteLater();
}

} // namespace blastline::gui
