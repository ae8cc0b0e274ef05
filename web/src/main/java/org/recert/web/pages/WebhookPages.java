package org.recert.web.pages;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ForbiddenException;
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

/**
 * An employer's webhook subscriptions: subscribe (the generated secret shown once), read the delivery log, send a
 * delivery again, rotate the secret, unsubscribe.
 */
@Path("/webhooks")
@Produces(MediaType.TEXT_HTML)
public class WebhookPages {


    private final SignedInUser user;
    private final FormToken formToken;
    private final GatewayApi api;
    private final Template list;
    private final Template detail;

    public WebhookPages(SignedInUser user, FormToken formToken, GatewayApi api, @Location("employer/webhooks") Template list,
            @Location("employer/webhook") Template detail) {
        this.user = user;
        this.formToken = formToken;
        this.api = api;
        this.list = list;
        this.detail = detail;
    }

    @GET
    public TemplateInstance webhooks(@QueryParam("done") String done) {
        return listPage(done, null, "", null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response subscribe(@RestForm String url, @RestForm List<String> events, @RestForm String secret,
            @RestForm(FormToken.FIELD) String csrf) {
        formToken.verify(csrf);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url", url == null ? null : url.trim());
        body.put("events", events == null ? List.of() : events);
        body.put("secret", secret == null || secret.isBlank() ? null : secret);
        Answer answer = api.send(user.token(), "POST", webhooksPath(), body, Map.of());
        if (answer.ok()) {
            // the generated secret is in this answer only: the page shows it instead of redirecting
            return Response.status(201).entity(listPage(null, answer, "", null)).build();
        }
        return Response.status(answer.problem() != null ? 422 : 503).entity(listPage(null, null, url, LearnerPages.problemOf(answer))).build();
    }

    @GET
    @Path("{id}")
    public TemplateInstance webhook(@PathParam("id") String id, @QueryParam("cursor") String cursor, @QueryParam("done") String done) {
        return detailPage(id, cursor, done, null, null);
    }

    @POST
    @Path("{id}/rotate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response rotate(@PathParam("id") String id, @RestForm(FormToken.FIELD) String csrf) {
        formToken.verify(csrf);
        Answer answer = api.send(user.token(), "POST", webhookPath(id) + "/rotate-secret", Map.of(), Map.of());
        if (answer.ok()) {
            return Response.ok(detailPage(id, null, "Secret rotated.", answer, null)).build();
        }
        return refused(id, answer);
    }

    @POST
    @Path("{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@PathParam("id") String id, @RestForm(FormToken.FIELD) String csrf) {
        formToken.verify(csrf);
        Answer answer = api.send(user.token(), "DELETE", webhookPath(id), null, Map.of());
        if (answer.ok()) {
            return Response.seeOther(URI.create("/webhooks?done=deleted")).build();
        }
        return refused(id, answer);
    }

    @POST
    @Path("{id}/deliveries/{deliveryId}/replay")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response replay(@PathParam("id") String id, @PathParam("deliveryId") String deliveryId, @RestForm(FormToken.FIELD) String csrf) {
        formToken.verify(csrf);
        Answer answer = api.send(user.token(), "POST", webhookPath(id) + "/deliveries/" + GatewayApi.segment(deliveryId) + "/replay",
                null, Map.of());
        if (answer.ok()) {
            return Response.seeOther(URI.create("/webhooks/" + GatewayApi.segment(id) + "?done=" + GatewayApi.segment("Queued to send again.")))
                    .build();
        }
        return refused(id, answer);
    }

    private Response refused(String id, Answer answer) {
        return Response.status(answer.problem() != null ? 422 : 503).entity(detailPage(id, null, null, null, LearnerPages.problemOf(answer)))
                .build();
    }

    private TemplateInstance listPage(String done, Answer created, String url, Answer.Problem problem) {
        return list.data("user", user).data("done", done).data("created", created).data("url", url == null ? "" : url)
                .data("problem", problem).data("eventTypes", Vocabulary.WEBHOOK_EVENTS).data("webhooks", api.get(user.token(), webhooksPath()));
    }

    private TemplateInstance detailPage(String id, String cursor, String done, Answer rotated, Answer.Problem problem) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("cursor", cursor);
        query.put("limit", "50");
        return detail.data("user", user).data("done", done).data("rotated", rotated).data("problem", problem)
                .data("webhook", api.get(user.token(), webhookPath(id)))
                .data("deliveries", api.get(user.token(), webhookPath(id) + "/deliveries" + GatewayApi.query(query)));
    }

    private String webhooksPath() {
        String org = user.organization();
        if (!user.isEmployer() || org == null || org.isBlank()) {
            throw new ForbiddenException("webhooks are for an employer's staff");
        }
        return "/compliance/organizations/" + GatewayApi.segment(org) + "/webhooks";
    }

    private String webhookPath(String id) {
        return webhooksPath() + "/" + GatewayApi.segment(id);
    }
}
