// SPDX-License-Identifier: MIT
#include "gui/SafeguardsPanel.h"

#include "gui/FateStyle.h"

#include "blastline/core/Safeguard.h"

#include <QCheckBox>
#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace blastline::gui {

namespace {

/** What a process safeguard stands for (core describes its own Safeguard values). */
QString describeSafeguard(const std::string& name)
{
    if (const auto safeguard = core::parseSafeguard(name))
        return QString::fromUtf8(core::describe(*safeguard));
    if (name == "remote-state")
        return QObject::tr("The state lives in a remote backend with locking: it cannot go missing or be swapped.");
    if (name == "approval-gate")
        return QObject::tr("A person reviews the destroy plan and stops it when it deletes a data store.");
    if (name == "separate-state")
        return QObject::tr("The new project lives in a state of its own.");
    return {};
}

} // namespace

SafeguardsPanel::SafeguardsPanel(QWidget* parent)
    : QWidget(parent)
    , m_boxes(new QVBoxLayout)
    , m_changes(new QListWidget(this))
    , m_divergence(new QLabel(this))
{
    m_changes->setObjectName(QStringLiteral("fateChanges"));
    m_changes->setWordWrap(true);
    m_divergence->setWordWrap(true);
    m_divergence->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("<b>What if these had been in place?</b>"), this));
    layout->addLayout(m_boxes);
    layout->addWidget(new QLabel(tr("<b>What changes for the data</b>"), this));
    layout->addWidget(m_changes, 1);
    layout->addWidget(m_divergence);
}

void SafeguardsPanel::setAvailable(const std::vector<std::string>& names)
{
    for (QCheckBox* box : m_checkBoxes)
        delete box;
    m_checkBoxes.clear();
    for (const std::string& name : names) {
        auto* box = new QCheckBox(QString::fromStdString(name), this);
        box->setObjectName(QStringLiteral("safeguard-%1").arg(QString::fromStdString(name)));
        box->setToolTip(describeSafeguard(name));
        connect(box, &QCheckBox::toggled, this, [this] { emit safeguardsChanged(checked()); });
        box->installEventFilter(this);
        m_boxes->addWidget(box);
        m_checkBoxes.push_back(box);
    }
    showChanges({}, {}, false);
}

bool SafeguardsPanel::eventFilter(QObject* watched, QEvent* event)
{
    // Qt asks the focus widget first (ShortcutOverride); accepting it makes Space a key press for the box.
    if (event->type() == QEvent::ShortcutOverride && static_cast<QKeyEvent*>(event)->key() == Qt::Key_Space
        && static_cast<QKeyEvent*>(event)->modifiers() == Qt::NoModifier) {
        event->accept();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

void SafeguardsPanel::setChecked(const std::vector<std::string>& names)
{
    for (QCheckBox* box : m_checkBoxes) {
        const QSignalBlocker blocker(box);
        box->setChecked(std::find(names.begin(), names.end(), box->text().toStdString()) != names.end());
    }
}

std::vector<std::string> SafeguardsPanel::checked() const
{
    std::vector<std::string> names;
    for (const QCheckBox* box : m_checkBoxes) {
        if (box->isChecked())
            names.push_back(box->text().toStdString());
    }
    return names;
}

QCheckBox* SafeguardsPanel::checkBox(const QString& name) const
{
    for (QCheckBox* box : m_checkBoxes) {
        if (box->text() == name)
            return box;
    }
    return nullptr;
}

void SafeguardsPanel::showChanges(
    const std::vector<core::FateChange>& changes, const QString& divergence, bool safeguardsTicked)
{
    m_changes->clear();
    for (const core::FateChange& change : changes) {
        auto* item = new QListWidgetItem(QString::fromStdString(change.describe()), m_changes);
        if (change.after)
            item->setForeground(FateStyle::dataFateColor(*change.after));
        item->setData(Qt::UserRole, QString::fromStdString(change.address));
    }
    if (changes.empty())
        m_changes->addItem(
            safeguardsTicked ? tr("No data store's fate changes.") : tr("Tick a safeguard to see what it changes."));
    m_divergence->setText(divergence.isEmpty() ? QString() : tr("History diverges: %1").arg(divergence));
}

} // namespace blastline::gui
