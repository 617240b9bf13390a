// SPDX-License-Identifier: MIT
#include "gui/TrainingDialog.h"

#include "gui/TimelineModel.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace blastline::gui {

TrainingDialog::TrainingDialog(
    const core::DecisionPoint& decision, const QString& story, const QString& consequence, QWidget* parent)
    : QDialog(parent)
    , m_decision(decision)
    , m_options(new QButtonGroup(this))
{
    setWindowTitle(tr("Training: decision at %1").arg(TimelineModel::formatTime(decision.time, false)));
    auto* layout = new QVBoxLayout(this);
    auto* text = new QTextBrowser(this);
    text->setHtml(consequence + story);
    text->setMinimumSize(640, 220);
    layout->addWidget(text, 1);
    auto* question =
        new QLabel(QStringLiteral("<b>%1</b>").arg(QString::fromStdString(decision.question).toHtmlEscaped()), this);
    question->setWordWrap(true);
    layout->addWidget(question);
    for (std::size_t i = 0; i < decision.options.size(); ++i) {
        auto* option = new QRadioButton(QString::fromStdString(decision.options[i].label), this);
        option->setObjectName(QString::fromStdString(decision.options[i].id));
        m_options->addButton(option, static_cast<int>(i));
        layout->addWidget(option);
    }
    if (QAbstractButton* first = m_options->button(0))
        first->setChecked(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Decide"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("End the exercise"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

const core::DecisionOption& TrainingDialog::chosen() const
{
    const int id = std::max(0, m_options->checkedId());
    return m_decision.options.at(static_cast<std::size_t>(id));
}

} // namespace blastline::gui
