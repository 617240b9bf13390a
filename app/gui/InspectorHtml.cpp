// SPDX-License-Identifier: MIT
#include "gui/InspectorHtml.h"

#include "gui/Document.h"
#include "gui/FateStyle.h"
#include "gui/RunResult.h"
#include "gui/TimelineModel.h"

#include "blastline/core/CatalogueRules.h"

#include <QUrl>

namespace blastline::gui {

namespace {

QString html(std::string_view text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size())).toHtmlEscaped();
}

QString link(const std::string& address)
{
    // The address goes in the fragment: keys like ["a b"] survive, and no URL parsing rewrites them.
    QUrl url;
    url.setScheme(InspectorHtml::linkScheme());
    url.setPath(QStringLiteral("x"));
    url.setFragment(QString::fromStdString(address));
    return QStringLiteral("<a href=\"%1\">%2</a>").arg(url.toString(QUrl::FullyEncoded).toHtmlEscaped(), html(address));
}

QString heading(const QString& title)
{
    return QStringLiteral("<h3>%1</h3>").arg(title.toHtmlEscaped());
}

QString edges(const core::ResourceGraph& graph, core::NodeId node, bool outgoing)
{
    QString rows;
    for (const core::Edge& edge : graph.edges()) {
        if ((outgoing ? edge.from : edge.to) != node)
            continue;
        const core::NodeId other = outgoing ? edge.to : edge.from;
        rows += QStringLiteral("<li>%1 <small>(%2)</small></li>")
                    .arg(graph.isRecoveryPoint(other) ? html(graph.nodeName(other)) : link(graph.nodeName(other)),
                        html(core::toString(edge.kind)));
    }
    return rows.isEmpty() ? QObject::tr("<p>none</p>") : QStringLiteral("<ul>%1</ul>").arg(rows);
}

QString attributes(const core::ResourceInstance& instance)
{
    if (instance.attributes.empty())
        return QObject::tr("<p>none recorded</p>");
    QString rows;
    for (const auto& [path, value] : instance.attributes.entries()) {
        // Shown as the importer left them: a secret is the redaction marker, never anything else.
        const QString text = value.kind == core::AttributeValue::Kind::Null ? QStringLiteral("null") : html(value.text);
        rows += QStringLiteral("<tr><td><code>%1</code></td><td>%2</td></tr>").arg(html(path), text);
    }
    return QStringLiteral("<table cellspacing='0' cellpadding='2'>%1</table>").arg(rows);
}

QString dataJudgement(const RunResult& run, const std::string& address)
{
    for (const core::ReplayOutcome::DataStore& store : run.outcome().dataStores) {
        if (store.address != address)
            continue;
        QString text = QStringLiteral("<p><b style='color:%1'>%2</b> — %3</p>")
                           .arg(FateStyle::dataFateColor(store.fate).name(), html(core::toString(store.fate)),
                               html(store.explanation));
        QString points;
        for (const core::RecoveryPointResult& point : store.recoveryPoints) {
            points += QStringLiteral("<li><b>%1</b> %2: %3%4<br/><small>%5</small></li>")
                          .arg(html(point.kind), html(point.id), html(core::toString(point.fate)),
                              point.until ? QObject::tr(" until %1").arg(html(*point.until)) : QString(),
                              html(point.explanation));
        }
        text += heading(QObject::tr("Recovery points"));
        text += points.isEmpty() ? QObject::tr("<p>none</p>") : QStringLiteral("<ul>%1</ul>").arg(points);
        return text;
    }
    return {};
}

QString trailEvents(const Document& document, const RunResult& run, const std::string& address, std::size_t limit)
{
    if (!run.trailEvents)
        return {};
    const auto found = run.trailEvents->find(address);
    if (found == run.trailEvents->end() || found->second.empty())
        return QObject::tr("<p>none in the trail</p>");
    const core::Trail& trail = *document.trail;
    QString rows;
    std::size_t shown = 0;
    for (const std::size_t index : found->second) {
        if (shown++ == limit)
            break;
        const core::TrailEvent& event = trail.events()[index];
        rows +=
            QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td></tr>")
                .arg(TimelineModel::formatTime(event.timeMs, false), html(trail.text(event.eventName)),
                    html(trail.text(event.principal)),
                    event.failed() ? QStringLiteral("<b>%1</b>").arg(html(trail.text(event.errorCode))) : QString());
    }
    QString text = QStringLiteral("<table cellpadding='2'>%1</table>").arg(rows);
    if (found->second.size() > limit)
        text += QObject::tr("<p>… and %1 more</p>").arg(found->second.size() - limit);
    return text;
}

QString notes(const Document& document, const std::string& address)
{
    QString items;
    for (const core::NoteRow& note : document.notes) {
        if (note.note.resourceAddress && *note.note.resourceAddress == address)
            items += QStringLiteral("<li>%1 <small>(%2, %3)</small></li>")
                         .arg(html(note.note.text), html(note.note.author), html(note.createdAt));
    }
    return items.isEmpty() ? QString() : heading(QObject::tr("Case notes")) + QStringLiteral("<ul>%1</ul>").arg(items);
}

} // namespace

QString InspectorHtml::build(const Document& document, const RunResult& run, const std::string& address, NodeFate fate)
{
    const std::optional<core::NodeId> node = run.graph ? run.graph->find(address) : std::nullopt;
    if (!node)
        return QObject::tr("<p>%1 is not a resource of this run.</p>").arg(html(address));
    const core::ResourceGraph& graph = *run.graph;
    const core::ResourceInstance& instance = graph.instance(*node);

    QString page = QStringLiteral("<h2>%1</h2>").arg(html(address));
    const QColor colour = FateStyle::color(fate);
    page += QObject::tr("<p>%1 · <b%2>%3</b> at the scrubber's time%4</p>")
                .arg(html(instance.type()),
                    colour.isValid() ? QStringLiteral(" style='color:%1'").arg(colour.name()) : QString(),
                    FateStyle::name(fate),
                    document.catalogue->holdsData(instance) != core::Truth::False ? QObject::tr(" · data store")
                                                                                  : QString());
    const QString judgement = dataJudgement(run, address);
    if (!judgement.isEmpty())
        page += heading(QObject::tr("What the run does to its data")) + judgement;
    page += heading(QObject::tr("Depends on")) + edges(graph, *node, true);
    page += heading(QObject::tr("Depended on by")) + edges(graph, *node, false);
    if (!document.trail->events().empty())
        page += heading(QObject::tr("Trail events that name it")) + trailEvents(document, run, address, kMaxEvents);
    page += notes(document, address);
    page += heading(QObject::tr("Attributes")) + attributes(instance);
    return page;
}

} // namespace blastline::gui
