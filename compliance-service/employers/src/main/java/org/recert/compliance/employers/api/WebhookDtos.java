package org.recert.compliance.employers.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.recert.compliance.employers.Webhook;
import org.recert.compliance.employers.Delivery;
import org.recert.compliance.employers.DeliveryState;

/** Bodies of the webhook endpoints. */
public final class WebhookDtos {

    private WebhookDtos() {
    }

    @Schema(name = "NewWebhook")
    public record NewWebhook(
            @NotBlank @Size(max = 2000) @Schema(examples = "https://staffing.example.com/recert/events") String url,
            @NotEmpty @Size(max = 10) @Schema(examples = "[\"compliance.status.changed\"]") List<@NotBlank String> events,
            @Size(min = 24, max = 256, message = "must be 24 to 256 characters")
            @Schema(description = "Signing secret; leave out to have one generated (returned once, in this answer)")
            String secret) {
    }

    @Schema(name = "WebhookSecretRotation")
    public record SecretRotation(
            @Size(min = 24, max = 256, message = "must be 24 to 256 characters")
            @Schema(description = "The new signing secret; leave out to have one generated (returned once, in this answer)")
            String secret,
            @Min(0) @Max(10080)
            @Schema(description = "Minutes the previous secret keeps signing next to the new one (0 to 10080); default 1440",
                    examples = "1440")
            Integer overlapMinutes) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "Webhook")
    public record WebhookView(
            UUID id,
            @Schema(examples = "https://staffing.example.com/recert/events") String url,
            @Schema(examples = "[\"compliance.status.changed\"]") List<String> events,
            OffsetDateTime createdAt,
            @Schema(description = "Only in the answer to its creation or rotation, and only when generated",
                    examples = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
            String secret,
            @Schema(description = "When the secret was last rotated") OffsetDateTime secretRotatedAt,
            @Schema(description = "Until then the previous secret signs too: webhook-signature carries both")
            OffsetDateTime previousSecretValidUntil) {

        static WebhookView of(Webhook webhook, String revealedSecret) {
            return new WebhookView(webhook.id(), webhook.url(), webhook.events(), webhook.createdAt(), revealedSecret,
                    webhook.secretRotatedAt(), webhook.previousSecretValidUntil());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "WebhookDelivery")
    public record DeliveryView(
            UUID id,
            @Schema(description = "The webhook-id header; the same on every attempt and replay") String messageId,
            @Schema(examples = "compliance.status.changed") String eventType,
            String learnerId,
            DeliveryState state,
            int attempts,
            Integer lastStatusCode,
            String lastError,
            OffsetDateTime lastAttemptAt,
            OffsetDateTime nextAttemptAt,
            OffsetDateTime deliveredAt,
            OffsetDateTime createdAt,
            @Schema(description = "The delivery this one replays") UUID replayOf) {

        static DeliveryView of(Delivery delivery) {
            return new DeliveryView(delivery.id(), delivery.messageId(), delivery.eventType(), delivery.learnerId(), delivery.state(),
                    delivery.attempts(), delivery.lastStatusCode(), delivery.lastError(), delivery.lastAttemptAt(),
                    delivery.nextAttemptAt(), delivery.deliveredAt(), delivery.createdAt(), delivery.replayOf());
        }
    }
}
