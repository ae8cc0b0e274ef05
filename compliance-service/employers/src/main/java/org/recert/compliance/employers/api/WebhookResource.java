package org.recert.compliance.employers.api;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponses;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.recert.compliance.employers.Webhooks;
import org.recert.compliance.employers.api.WebhookDtos.DeliveryView;
import org.recert.compliance.employers.api.WebhookDtos.NewWebhook;
import org.recert.compliance.employers.api.WebhookDtos.SecretRotation;
import org.recert.compliance.employers.api.WebhookDtos.WebhookView;
import org.recert.compliance.employers.Delivery;
import org.recert.compliance.employers.DeliveryState;
import org.recert.platform.security.Caller;
import org.recert.platform.security.Roles;
import org.recert.platform.web.Page;
import org.recert.platform.web.PageRequest;

@Path("/compliance/organizations")
@Tag(name = "Employers")
@RolesAllowed({ Roles.ADMIN, Roles.EMPLOYER })
@APIResponses({
        @APIResponse(responseCode = "400", description = "Malformed id, filter or body; names the field"),
        @APIResponse(responseCode = "403", description = "A role that may not use this endpoint"),
        @APIResponse(responseCode = "404", description = "Not found, or another organization's or learner's") })
public class WebhookResource {

    private final Webhooks webhooks;
    private final Caller caller;

    public WebhookResource(Webhooks webhooks, Caller caller) {
        this.webhooks = webhooks;
        this.caller = caller;
    }

    @POST
    @Path("/{orgId}/webhooks")
    @Operation(summary = "Subscribe to events", description = "Each status change of a consenting member is POSTed to the url as JSON, "
            + "signed the Standard Webhooks way (webhook-id, webhook-timestamp, webhook-signature v1 HMAC-SHA256 of "
            + "id.timestamp.body), retried with exponential backoff for days, in order per learner. Private and loopback "
            + "addresses are refused. Without a secret one is generated and returned in this answer only.")
    @APIResponse(responseCode = "201", description = "Subscribed; the secret is shown this once", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookView.class)))
    @APIResponse(responseCode = "400", description = "Not an http(s) URL, private address, unknown event, secret under 24 characters")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response subscribe(@PathParam("orgId") UUID orgId, @Valid @NotNull NewWebhook body) {
        UUID organization = organization(orgId);
        Webhooks.Created created = webhooks.subscribe(organization, body.url(), body.events(), body.secret());
        return Response.created(URI.create("/api/v1/compliance/organizations/" + organization + "/webhooks/" + created.webhook().id()))
                .entity(WebhookView.of(created.webhook(), created.generatedSecret())).build();
    }

    @GET
    @Path("/{orgId}/webhooks")
    @Operation(summary = "List the organization's webhooks", description = "Secrets are never shown again.")
    @APIResponse(responseCode = "200", description = "The subscriptions")
    public Page<WebhookView> list(@PathParam("orgId") UUID orgId) {
        return Page.of(webhooks.list(organization(orgId)).stream().map(s -> WebhookView.of(s, null)).toList(), null);
    }

    @GET
    @Path("/{orgId}/webhooks/{webhookId}")
    @Operation(summary = "Read one webhook")
    @APIResponse(responseCode = "200", description = "The subscription")
    @APIResponse(responseCode = "404", description = "No such webhook in this organization")
    public WebhookView read(@PathParam("orgId") UUID orgId, @PathParam("webhookId") UUID webhookId) {
        return WebhookView.of(webhooks.require(organization(orgId), webhookId), null);
    }

    @DELETE
    @Path("/{orgId}/webhooks/{webhookId}")
    @Operation(summary = "Unsubscribe", description = "Nothing more is sent; the delivery log goes with it.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such webhook in this organization")
    public void delete(@PathParam("orgId") UUID orgId, @PathParam("webhookId") UUID webhookId) {
        webhooks.delete(organization(orgId), webhookId);
    }

    @POST
    @Path("/{orgId}/webhooks/{webhookId}/rotate-secret")
    @Operation(summary = "Rotate the signing secret", description = "Replaces the secret. For the overlap (default 24 h, "
            + "overlapMinutes 0 ends the old secret at once) every message carries two signatures in webhook-signature, "
            + "\"v1,<new> v1,<old>\": a receiver that still checks the old secret, or already the new one, accepts it (Standard "
            + "Webhooks libraries try each). Then switch the receiver to the new secret. A generated secret is in this answer "
            + "only.")
    @APIResponse(responseCode = "200", description = "Rotated; the new secret when generated, and the end of the overlap",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "rotated", value = """
                    {"id":"5b0f8a7e-3c1d-4f0e-9a51-2f7d9c3e8b10","url":"https://staffing.example.com/recert/events",
                    "events":["compliance.status.changed"],"createdAt":"2026-03-01T10:00:00Z",
                    "secret":"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw","secretRotatedAt":"2026-12-04T21:00:00Z",
                    "previousSecretValidUntil":"2026-12-05T21:00:00Z"}""")))
    @APIResponse(responseCode = "404", description = "No such webhook in this organization")
    @Consumes(MediaType.APPLICATION_JSON)
    public WebhookView rotateSecret(@PathParam("orgId") UUID orgId, @PathParam("webhookId") UUID webhookId,
            @Valid SecretRotation body) {
        UUID organization = organization(orgId);
        Duration overlap = body == null || body.overlapMinutes() == null ? webhooks.defaultRotationOverlap()
                : Duration.ofMinutes(body.overlapMinutes());
        Webhooks.Created rotated = webhooks.rotateSecret(organization, webhookId, body == null ? null : body.secret(),
                overlap);
        return WebhookView.of(rotated.webhook(), rotated.generatedSecret());
    }

    @GET
    @Path("/{orgId}/webhooks/{webhookId}/deliveries")
    @Operation(summary = "The delivery log", description = "Newest first: state, attempts, last status code and error, next attempt. Pages of 1 to 500 (default 50).")
    @APIResponse(responseCode = "200", description = "A page of deliveries")
    public Page<DeliveryView> deliveries(@PathParam("orgId") UUID orgId, @PathParam("webhookId") UUID webhookId,
            @QueryParam("state") DeliveryState state, @BeanParam PageRequest page) {
        UUID organization = organization(orgId);
        int size = page.size(Paging.DEFAULT_LIMIT, Paging.MAX_LIMIT);
        Long before = Paging.before(page.cursor());
        List<Delivery> found = webhooks.deliveries(organization, webhookId, before, state, size + 1);
        List<DeliveryView> items = found.stream().limit(size).map(DeliveryView::of).toList();
        return Page.of(items, found.size() > size ? Paging.after(found.get(size - 1).seq()) : null);
    }

    @POST
    @Path("/{orgId}/webhooks/{webhookId}/deliveries/{deliveryId}/replay")
    @Operation(summary = "Send a delivery again", description = "Queues the same message (same webhook-id and body) after what is "
            + "already queued for its learner. Refused when the learner no longer consents or left the roster.")
    @APIResponse(responseCode = "202", description = "Queued; the new delivery")
    @APIResponse(responseCode = "409", description = "The learner no longer shares their status with the organization")
    public Response replay(@PathParam("orgId") UUID orgId, @PathParam("webhookId") UUID webhookId,
            @PathParam("deliveryId") UUID deliveryId) {
        Delivery replay = webhooks.replay(organization(orgId), webhookId, deliveryId);
        return Response.accepted(DeliveryView.of(replay)).build();
    }

    private UUID organization(UUID orgId) {
        caller.requireOrganization(orgId.toString());
        return orgId;
    }
}
