package org.passerelle.server.coordination.web;

import java.util.List;
import org.passerelle.server.coordination.Coordination;
import org.passerelle.server.shared.Viewer;
import org.passerelle.server.web.HomeSummary;
import org.springframework.stereotype.Component;

/** The joint group's waiting work on the home page: overdue action items, and the next meeting to prepare. */
@Component
class CoordinationWork implements HomeSummary {

    private final Coordination coordination;

    CoordinationWork(Coordination coordination) {
        this.coordination = coordination;
    }

    @Override
    public List<Line> lines(Viewer viewer) {
        if (viewer.isNode() || !coordination.worksOnMeetings(viewer)) {
            return List.of();
        }
        long overdue = coordination.overdueActionItems(viewer);
        List<Line> lines = new java.util.ArrayList<>();
        if (overdue > 0) {
            lines.add(new Line("coordination.home.overdue", overdue, "/coordination/action-items?overdue=true"));
        }
        coordination.upcoming(viewer, 1).forEach(next -> lines.add(new Line("coordination.home.next", 1,
                "/coordination/meetings/" + next.caseId())));
        return lines;
    }
}
