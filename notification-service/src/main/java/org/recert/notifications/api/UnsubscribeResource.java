package org.recert.notifications.api;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponses;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.recert.notifications.service.Preferences;
import org.recert.notifications.service.UnsubscribeTokens;
import org.recert.platform.problem.ProblemException;

/**
 * One-click unsubscribe (RFC 8058): the link of every reminder mail carries a signed token, so it works without
 * signing in. Mail clients POST to it; a person who follows the link gets a page with the same button.
 */
@Path("/notifications/unsubscribe")
@Tag(name = "Notifications")
@PermitAll
@APIResponses(@APIResponse(responseCode = "400", description = "The token is missing or is not an unsubscribe link we sent"))
public class UnsubscribeResource {

    private final UnsubscribeTokens tokens;
    private final Preferences preferences;

    public UnsubscribeResource(UnsubscribeTokens tokens, Preferences preferences) {
        this.tokens = tokens;
        this.preferences = preferences;
    }

    @POST
    @APIResponse(responseCode = "200", description = "Unsubscribed")
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "Turns reminder emails off for the learner the token was signed for (no sign-in)")
    public String unsubscribe(@QueryParam("token") String token) {
        String learnerId = tokens.learnerOf(token).orElseThrow(() -> ProblemException.invalid("token", "is not an unsubscribe link we sent"));
        preferences.unsubscribe(learnerId);
        return "You will get no more reminder emails. Your in-app reminders stay; turn email back on in your preferences.";
    }

    @GET
    @APIResponse(responseCode = "200", description = "The page with the unsubscribe button")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "A page with the unsubscribe button, for people who follow the link (following it changes nothing)")
    public String confirm(@QueryParam("token") String token) {
        tokens.learnerOf(token).orElseThrow(() -> ProblemException.invalid("token", "is not an unsubscribe link we sent"));
        return """
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Unsubscribe</title></head><body>
                <form method="post"><p>Stop reminder emails from Recert?</p><button type="submit">Unsubscribe</button></form>
                </body></html>""";
    }
}
