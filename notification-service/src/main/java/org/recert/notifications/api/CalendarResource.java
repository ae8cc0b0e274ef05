package org.recert.notifications.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponses;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.recert.notifications.NotificationsConfig;
import org.recert.notifications.service.CalendarFeeds;
import org.recert.platform.security.Caller;
import org.recert.platform.security.Roles;

/** The address of the caller's private calendar feed, which they can rotate; the feed itself is {@link CalendarFeedResource}. */
@Path("/notifications/me/calendar")
@Tag(name = "Notifications")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.LEARNER)
@APIResponses(@APIResponse(responseCode = "403", description = "Not a learner: the calendar is the caller's own"))
public class CalendarResource {

    private final Caller caller;
    private final CalendarFeeds feeds;
    private final NotificationsConfig config;

    public CalendarResource(Caller caller, CalendarFeeds feeds, NotificationsConfig config) {
        this.caller = caller;
        this.feeds = feeds;
        this.config = config;
    }

    /** Where a calendar app subscribes; keep it private, rotate it when it leaked. */
    @Schema(name = "CalendarFeedAddress", example = """
            {"url":"https://recert.example/api/v1/notifications/calendar/3q2-7w9Xk1mZ0pLr5tYb8cVnH4jD6sFa.ics"}""")
    public record CalendarAddress(String url) {
    }

    @GET
    @APIResponse(responseCode = "200", description = "The caller's private calendar address")
    @Operation(summary = "The secret address of the caller's calendar feed (made on first use)")
    public CalendarAddress address() {
        return address(feeds.secretOf(caller.subject()));
    }

    @POST
    @APIResponse(responseCode = "200", description = "A new address; the old one stops working")
    @Path("/rotate")
    @Operation(summary = "A new secret address; the old one stops working at once")
    public CalendarAddress rotate() {
        return address(feeds.rotate(caller.subject()));
    }

    private CalendarAddress address(String secret) {
        return new CalendarAddress(config.publicBaseUrl() + "/api/v1/notifications/calendar/" + secret + ".ics");
    }
}
