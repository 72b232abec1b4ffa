package org.passerelle.server.intel.web;

import java.util.ArrayList;
import java.util.List;
import org.passerelle.server.intel.InformationRequests;
import org.passerelle.server.intel.network.Networks;
import org.passerelle.server.shared.Role;
import org.passerelle.server.shared.Viewer;
import org.passerelle.server.web.HomeSummary;
import org.springframework.stereotype.Component;

/** An analyst's waiting work on the home page: replies due from this node, overdue requests, cases not taken. */
@Component
class IntelWork implements HomeSummary {

    private final InformationRequests requests;
    private final Networks networks;

    IntelWork(InformationRequests requests, Networks networks) {
        this.requests = requests;
        this.networks = networks;
    }

    @Override
    public List<Line> lines(Viewer viewer) {
        if (!viewer.has(Role.ANALYST)) {
            return List.of();
        }
        InformationRequests.Workload work = requests.workload(viewer);
        List<Line> lines = new ArrayList<>();
        add(lines, "intel.home.ourReply", work.awaitingOurReply(), "/intel/requests");
        add(lines, "intel.home.overdue", work.overdue(), "/intel/requests?overdue=true");
        add(lines, "intel.home.notTaken", work.notTaken(), "/intel/requests");
        add(lines, "intel.home.networksNotTaken", networks.notTaken(viewer), "/intel/networks");
        return lines;
    }

    private static void add(List<Line> lines, String messageKey, long count, String href) {
        if (count > 0) {
            lines.add(new Line(messageKey, count, href));
        }
    }
}
