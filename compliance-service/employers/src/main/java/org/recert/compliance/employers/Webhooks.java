package org.recert.compliance.employers;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.recert.compliance.employers.store.Consent;
import org.recert.compliance.employers.store.DeliveryQueue;
import org.recert.compliance.employers.store.RosterMember;
import org.recert.compliance.employers.store.WebhookSubscription;
import org.recert.compliance.employers.webhooks.SecretCipher;
import org.recert.compliance.employers.webhooks.TargetPolicy;
import org.recert.compliance.employers.webhooks.WebhookSecrets;
import org.recert.compliance.employers.webhooks.WebhookSignature;
import org.recert.platform.problem.ProblemException;
import org.recert.platform.time.ServiceClock;
import org.recert.contracts.WebhookMessage;

/** An organization's webhook subscriptions, their delivery log and replays. */
@ApplicationScoped
@Transactional
public class Webhooks {

    /** Event types a subscription may ask for. */
    public static final Set<String> EVENT_TYPES = Set.of(WebhookMessage.STATUS_CHANGED, WebhookMessage.CONSENT_GRANTED, WebhookMessage.CONSENT_WITHDRAWN);

    /** A new subscription, with its secret when it was generated (shown once). */
    public record Created(Webhook webhook, String generatedSecret) {
    }

    private final Organizations organizations;
    private final DeliveryQueue deliveries;
    private final StatusFeed feed;
    private final WebhooksConfig config;
    private final TargetPolicy targets;
    private final WebhookSecrets secrets;
    private final EntityManager entityManager;
    /** Wall time: rotation overlaps are compared with the database's now() when deliveries are signed. */
    private final Clock wall;

    public Webhooks(Organizations organizations, DeliveryQueue deliveries, StatusFeed feed, WebhooksConfig config, WebhookSecrets secrets,
            EntityManager entityManager, ServiceClock clock) {
        this.entityManager = entityManager;
        this.wall = clock.wall();
        this.organizations = organizations;
        this.deliveries = deliveries;
        this.feed = feed;
        this.config = config;
        this.targets = new TargetPolicy(config.allowPrivateTargets());
        this.secrets = secrets;
    }

    public Created subscribe(UUID organizationId, String url, List<String> events, String secret) {
        organizations.require(organizationId);
        targets.refusal(url).ifPresent(reason -> {
            throw ProblemException.invalid("url", reason);
        });
        Set<String> types = new LinkedHashSet<>();
        for (String event : events) {
            if (!EVENT_TYPES.contains(event)) {
                throw ProblemException.invalid("events", "unknown event type " + event + "; known: " + new TreeSet<>(EVENT_TYPES));
            }
            types.add(event);
        }
        long held = entityManager.createQuery("select count(s) from WebhookSubscription s where s.organizationId = :organization", Long.class)
                .setParameter("organization", organizationId).getSingleResult();
        if (held >= config.maxSubscriptionsPerOrganization()) {
            throw ProblemException.conflict("an organization holds at most " + config.maxSubscriptionsPerOrganization() + " webhooks");
        }
        WebhookSubscription subscription = new WebhookSubscription();
        subscription.id = UUID.randomUUID();
        subscription.organizationId = organizationId;
        subscription.url = url;
        subscription.events = String.join(",", types);
        String signing = secret == null ? WebhookSignature.generateSecret() : secret;
        setSecret(subscription, signing);
        subscription.createdAt = now();
        entityManager.persist(subscription);
        return new Created(view(subscription), secret == null ? signing : null);
    }

    /**
     * Gives the subscription a new signing secret (generated, and then returned once, unless chosen). For {@code overlap}
     * the previous secret still signs next to the new one, so the receiver can switch without losing a message; a
     * secret already in its overlap stops signing at once.
     */
    public Created rotateSecret(UUID organizationId, UUID id, String secret, Duration overlap) {
        WebhookSubscription subscription = subscription(organizationId, id);
        OffsetDateTime now = now();
        boolean keepPrevious = !overlap.isZero() && !overlap.isNegative();
        subscription.previousSecret = keepPrevious ? subscription.secret : null;
        subscription.previousSecretKeyId = keepPrevious ? subscription.secretKeyId : null;
        subscription.previousSecretUntil = keepPrevious ? now.plus(overlap) : null;
        String signing = secret == null ? WebhookSignature.generateSecret() : secret;
        setSecret(subscription, signing);
        subscription.secretRotatedAt = now;
        return new Created(view(subscription), secret == null ? signing : null);
    }

    /** The overlap of a rotation that does not name one. */
    public Duration defaultRotationOverlap() {
        return config.secretRotationOverlap();
    }

    private void setSecret(WebhookSubscription subscription, String secret) {
        SecretCipher.Sealed sealed = secrets.seal(subscription.id, secret);
        subscription.secret = sealed.ciphertext();
        subscription.secretKeyId = sealed.keyId();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Webhook> list(UUID organizationId) {
        organizations.require(organizationId);
        return entityManager.createQuery("from WebhookSubscription s where s.organizationId = :organization order by s.createdAt, s.id",
                        WebhookSubscription.class)
                .setParameter("organization", organizationId).getResultStream().map(this::view).toList();
    }

    /** The subscription of this organization, or 404 (also when it belongs to another organization). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Webhook require(UUID organizationId, UUID id) {
        return view(subscription(organizationId, id));
    }

    /** Deletes the subscription and its delivery log; nothing more is sent to it. */
    public void delete(UUID organizationId, UUID id) {
        entityManager.remove(subscription(organizationId, id));
    }

    private WebhookSubscription subscription(UUID organizationId, UUID id) {
        WebhookSubscription subscription = entityManager.find(WebhookSubscription.class, id);
        if (subscription == null || !subscription.organizationId.equals(organizationId)) {
            throw ProblemException.notFound("webhook " + id);
        }
        return subscription;
    }

    private Webhook view(WebhookSubscription subscription) {
        OffsetDateTime overlap = subscription.previousSecretUntil != null && subscription.previousSecretUntil.isAfter(now())
                ? subscription.previousSecretUntil : null;
        return new Webhook(subscription.id, subscription.url, subscription.eventList(), subscription.createdAt,
                subscription.secretRotatedAt, overlap);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(wall).withOffsetSameInstant(ZoneOffset.UTC);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Delivery> deliveries(UUID organizationId, UUID id, Long beforeSeq, DeliveryState state, int limit) {
        subscription(organizationId, id);
        return deliveries.log(id, beforeSeq, state, limit);
    }

    /**
     * Queues a delivery again, with the same message id and body, after everything already queued for its learner.
     * Refused when the learner no longer shares their status with the organization.
     */
    public Delivery replay(UUID organizationId, UUID id, UUID deliveryId) {
        subscription(organizationId, id);
        Delivery original = deliveries.find(id, deliveryId)
                .orElseThrow(() -> ProblemException.notFound("delivery " + deliveryId));
        RosterMember.Key member = new RosterMember.Key(organizationId, original.learnerId());
        if (entityManager.find(RosterMember.class, member) == null || entityManager.find(Consent.class, member) == null) {
            throw ProblemException.conflict("this learner no longer shares their status with the organization");
        }
        UUID replay = deliveries.enqueue(id, organizationId, original.learnerId(), original.messageId(), original.eventType(),
                deliveries.payload(deliveryId), original.id());
        feed.wakeWorkerOnCommit();
        return deliveries.find(id, replay).orElseThrow();
    }
}
