package org.recert.notifications.api;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponses;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.recert.notifications.service.CalendarFeeds;
import org.recert.platform.problem.ProblemException;

/** A learner's calendar feed at its secret address: no sign-in, since calendar apps cannot; the secret is the access. */
@Path("/notifications/calendar")
@Tag(name = "Notifications")
@PermitAll
@APIResponses(@APIResponse(responseCode = "404", description = "No calendar at that address (never given, or rotated away)"))
public class CalendarFeedResource {

    private static final String SECRET = "[A-Za-z0-9_-]{32}";

    private final CalendarFeeds feeds;

    public CalendarFeedResource(CalendarFeeds feeds) {
        this.feeds = feeds;
    }

    @GET
    @APIResponse(responseCode = "200", description = "The learner's dates as an iCalendar feed")
    @Path("/{secret}.ics")
    @Produces("text/calendar")
    @Operation(summary = "The calendar (RFC 5545) of due dates, apply-by dates and grace ends; the secret is the access")
    public String calendar(@PathParam("secret") String secret) {
        if (!secret.matches(SECRET)) {
            throw ProblemException.notFound("calendar");
        }
        return feeds.calendar(secret).orElseThrow(() -> ProblemException.notFound("calendar"));
    }

}
