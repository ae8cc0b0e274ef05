package org.recert.notifications.api;

import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.json.JsonString;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponses;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.recert.notifications.service.Feed;
import org.recert.notifications.service.Preferences;
import org.recert.platform.problem.ProblemException;
import org.recert.platform.security.Caller;
import org.recert.platform.security.Roles;
import org.recert.platform.web.Page;
import org.recert.platform.web.PageRequest;

/** The caller's own reminders and choices: a learner reaches only their own, identified by the token's {@code sub}. */
@Path("/notifications/me")
@Tag(name = "Notifications")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.LEARNER)
@APIResponses({
        @APIResponse(responseCode = "400", description = "A malformed cursor, limit or body (an unsupported language too); names the field"),
        @APIResponse(responseCode = "403", description = "Not a learner: reminders are the caller's own"),
        @APIResponse(responseCode = "404", description = "No such reminder of the caller's") })
public class MyNotificationsResource {

    private static final int MAX_LIMIT = 100;
    private static final int MAX_EMAIL = 320;

    private final Caller caller;
    private final JsonWebToken token;
    private final Feed feed;
    private final Preferences preferences;

    public MyNotificationsResource(Caller caller, JsonWebToken token, Feed feed, Preferences preferences) {
        this.caller = caller;
        this.token = token;
        this.feed = feed;
        this.preferences = preferences;
    }

    /** The list shape of the API, typed for the OpenAPI document. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "NotificationPage")
    public record NotificationPage(java.util.List<NotificationView> items, String nextCursor) {
    }

    @GET
    @APIResponse(responseCode = "200", description = "A page of the caller's reminders")
    @Operation(summary = "The caller's reminders, newest first, read and unread")
    public NotificationPage mine(@BeanParam PageRequest page) {
        int size = page.size(20, MAX_LIMIT);
        String language = preferences.of(caller.subject(), claim("locale")).language();
        Page<Feed.Shown> shown = feed.of(caller.subject(), page.cursor(), size, language);
        return new NotificationPage(shown.items().stream().map(NotificationView::of).toList(), shown.nextCursor());
    }

    @POST
    @Path("/{id}/read")
    @APIResponse(responseCode = "204", description = "Marked read")
    @Operation(summary = "Marks one of the caller's reminders read")
    public void read(@PathParam("id") long id) {
        feed.markRead(caller.subject(), id);
    }

    @GET
    @Path("/preferences")
    @APIResponse(responseCode = "200", description = "The caller's preferences")
    @Operation(summary = "The caller's channels, offsets and language (defaults until they save)")
    public PreferencesView preferences() {
        return view(preferences.of(caller.subject(), claim("locale")));
    }

    @PUT
    @Path("/preferences")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "Saved")
    @APIResponse(responseCode = "422", description = "Email on, but the sign-in carries no usable email address; names the field")
    @Operation(summary = "Saves the caller's choices, and the email address of their token for reminders")
    public PreferencesView save(@Valid @NotNull PreferencesBody body) {
        String email = claim("email");
        if (email != null && (email.length() > MAX_EMAIL || !email.matches("[^@\\s]+@[^@\\s]+"))) {
            throw ProblemException.unprocessable("email", "the token's email claim is not an address");
        }
        if (body.emailEnabled() && email == null) {
            throw ProblemException.unprocessable("emailEnabled", "your sign-in carries no email address to send reminders to");
        }
        return view(preferences.save(caller.subject(), email, claim("locale"), body.emailEnabled(), body.offsets(), body.language()));
    }

    /** A string claim of the caller's token; null when absent or blank. */
    private String claim(String name) {
        return Optional.ofNullable(token.<Object>getClaim(name))
                .map(value -> value instanceof JsonString json ? json.getString() : value.toString())
                .filter(value -> !value.isBlank()).orElse(null);
    }

    private static PreferencesView view(Preferences.Choice choice) {
        return new PreferencesView(choice.email(), choice.emailEnabled(), choice.offsets(), choice.language(), choice.chosenLanguage(),
                choice.emailRefusedAt(), choice.emailRefusal(),
                choice.emailRefusalPermanent());
    }
}
