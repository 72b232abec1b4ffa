package org.passerelle.server.web;

import java.util.List;
import org.passerelle.server.shared.Viewer;

/**
 * What a business module asks the signed-in user to look at first: counted lines with a link each, shown on the
 * home page. Modules implement it; the home page knows none of them.
 */
public interface HomeSummary {

    /** One count, e.g. "3 requests wait for your reply", and where to deal with them. */
    record Line(String messageKey, long count, String href) {
    }

    /** The lines for {@code viewer} (none: nothing to say to them). */
    List<Line> lines(Viewer viewer);
}
