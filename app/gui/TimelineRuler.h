// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

#include <cstdint>
#include <vector>

namespace blastline::gui {

/** A thin strip under the scrubber with a mark at each decision point, where the slider would put that instant. */
class TimelineRuler : public QWidget
{
    Q_OBJECT
public:
    explicit TimelineRuler(QWidget* parent = nullptr);
    void setMarks(std::int64_t startMs, std::int64_t endMs, std::vector<std::int64_t> marks);
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    std::int64_t m_startMs = 0;
    std::int64_t m_endMs = 0;
    std::vector<std::int64_t> m_marks;
};

} // namespace blastline::gui
