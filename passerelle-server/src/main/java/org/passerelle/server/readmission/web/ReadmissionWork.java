package org.passerelle.server.readmission.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.passerelle.server.readmission.Readmissions;
import org.passerelle.server.shared.Role;
import org.passerelle.server.shared.Viewer;
import org.passerelle.server.web.HomeSummary;
import org.springframework.stereotype.Component;

/** Readmission's waiting work on the home page: cases on this side's move, overdue and at-risk cases. */
@Component
class ReadmissionWork implements HomeSummary {

    private static final Set<Role> ROLES = Set.of(Role.PREFECTURE_OFFICER, Role.CENTRAL_MIGRATION_OFFICER,
            Role.CONSULAR_OFFICER, Role.CENTRAL_IDENTIFICATION_OFFICER);

    private final Readmissions readmissions;

    ReadmissionWork(Readmissions readmissions) {
        this.readmissions = readmissions;
    }

    @Override
    public List<Line> lines(Viewer viewer) {
        if (viewer.isNode() || !ROLES.contains(viewer.role())) {
            return List.of();
        }
        Readmissions.Workload work = readmissions.workload(viewer);
        List<Line> lines = new ArrayList<>();
        add(lines, "readmission.home.waiting", work.waitingOnUs(), "/readmission?list=waiting");
        add(lines, "readmission.home.overdue", work.overdue(), "/readmission?list=overdue");
        add(lines, "readmission.home.atRisk", work.atRisk(), "/readmission?list=at-risk");
        return lines;
    }

    private static void add(List<Line> lines, String messageKey, long count, String href) {
        if (count > 0) {
            lines.add(new Line(messageKey, count, href));
        }
    }
}
