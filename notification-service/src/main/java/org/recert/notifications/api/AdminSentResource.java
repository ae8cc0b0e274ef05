package org.recert.notifications.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponses;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.recert.notifications.service.Feed;
import org.recert.notifications.service.SentNotification;
import org.recert.platform.problem.ProblemException;
import org.recert.platform.security.Roles;
import org.recert.platform.web.LearnerIds;
import org.recert.platform.web.Page;
import org.recert.platform.web.PageRequest;

/** For admins only: what was sent to a learner, to which address, and why. */
@Path("/notifications/admin/sent")
@Tag(name = "Notifications")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@APIResponses({
        @APIResponse(responseCode = "400", description = "No learner id, or a malformed cursor or limit; names the field"),
        @APIResponse(responseCode = "403", description = "Not an admin") })
public class AdminSentResource {

    private static final int MAX_LIMIT = 100;

    private final Feed feed;

    public AdminSentResource(Feed feed) {
        this.feed = feed;
    }

    /** The list shape of the API, typed for the OpenAPI document. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "SentNotificationPage")
    public record SentPage(java.util.List<SentNotification> items, String nextCursor) {
    }

    @GET
    @APIResponse(responseCode = "200", description = "What was sent to the learner, and why")
    @Operation(summary = "A learner's reminders, newest first, with the state of each mail")
    public SentPage sent(@QueryParam("learnerId") String learnerId, @BeanParam PageRequest page) {
        if (!LearnerIds.isValid(learnerId)) {
            throw ProblemException.invalid("learnerId", "is required: a learner id");
        }
        Page<SentNotification> sent = feed.sent(learnerId, page.cursor(), page.size(50, MAX_LIMIT));
        return new SentPage(sent.items(), sent.nextCursor());
    }
}
