package org.recert.web.pages;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import org.jboss.resteasy.reactive.RestForm;
import org.recert.web.api.Answer;
import org.recert.web.api.GatewayApi;

/** A learner's in-app reminders (notification-service's feed): read them, mark them read. */
@Path("/reminders")
@Produces(MediaType.TEXT_HTML)
public class ReminderPages {

    private final SignedInUser user;
    private final FormToken formToken;
    private final GatewayApi api;
    private final Template page;

    public ReminderPages(SignedInUser user, FormToken formToken, GatewayApi api, @Location("reminders/page") Template page) {
        this.user = user;
        this.formToken = formToken;
        this.api = api;
        this.page = page;
    }

    @GET
    public TemplateInstance list(@QueryParam("cursor") String cursor) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("cursor", cursor);
        query.put("limit", "20");
        return page.data("user", user).data("back", "/reminders")
                .data("reminders", api.get(user.token(), "/notifications/me" + GatewayApi.query(query)));
    }

    /** Marks one read, then back to the page it was read on (the dashboard or this list); htmx swaps in the fresh feed. */
    @POST
    @Path("{id}/read")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response read(@PathParam("id") String id, @RestForm String back, @RestForm(FormToken.FIELD) String csrf) {
        formToken.verify(csrf);
        Answer answer = api.send(user.token(), "POST", "/notifications/me/" + GatewayApi.segment(id) + "/read", null, Map.of());
        String target = "/".equals(back) ? "/" : "/reminders";
        if (answer.ok()) {
            return Response.seeOther(URI.create(target)).build();
        }
        return Response.status(answer.problem() != null ? 422 : 503).type(MediaType.TEXT_HTML)
                .entity(page.data("user", user).data("back", "/reminders").data("reminders", answer)).build();
    }
}
