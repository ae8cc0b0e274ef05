package org.recert.compliance.employers.store;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Where an organization wants its events, and the secret they are signed with. */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription {

    @Id
    public UUID id;

    @Column(name = "organization_id", nullable = false)
    public UUID organizationId;

    @Column(nullable = false)
    public String url;

    /** Event types, comma-separated. */
    @Column(nullable = false)
    public String events;

    /** Sealed (see WebhookSecrets); plain only while {@code secretKeyId} is null, before the first start with encryption. */
    @Column(nullable = false)
    public String secret;

    @Column(name = "secret_key_id")
    public String secretKeyId;

    /** The secret before the last rotation, sealed; it still signs until {@code previousSecretUntil}. */
    @Column(name = "previous_secret")
    public String previousSecret;

    @Column(name = "previous_secret_key_id")
    public String previousSecretKeyId;

    @Column(name = "previous_secret_until")
    public OffsetDateTime previousSecretUntil;

    @Column(name = "secret_rotated_at")
    public OffsetDateTime secretRotatedAt;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    public List<String> eventList() {
        return Arrays.stream(events.split(",")).filter(e -> !e.isBlank()).toList();
    }
}
