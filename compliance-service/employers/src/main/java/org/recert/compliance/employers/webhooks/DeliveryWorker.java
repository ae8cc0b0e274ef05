package org.recert.compliance.employers.webhooks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import org.jboss.logging.Logger;
import org.recert.compliance.employers.WebhooksConfig;
import org.recert.compliance.employers.store.ClaimedDelivery;
import org.recert.compliance.employers.store.DeliveryQueue;
import org.recert.platform.events.PollingWorker;
import org.recert.platform.time.ServiceClock;

/**
 * Sends queued webhook deliveries: signed, with a timeout, retried on the {@link RetrySchedule}. Any number of
 * replicas may run one (leases taken under a lock of the subscription); a learner's deliveries to one subscription go
 * out one after the other, in order. A worker claims only as many deliveries as it has free senders and sends each at
 * once, so the lease ({@link LeaseBudget}) always outlasts the attempt; a subscription holds at most a few senders, so a
 * slow receiver delays only itself. At least once: a receiver may see a message twice (same {@code webhook-id}) after
 * a crash between its answer and the bookkeeping.
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);
    private static final Duration PURGE_EVERY = Duration.ofMinutes(10);

    private final DeliveryQueue queue;
    private final WebhooksConfig config;
    private final RetrySchedule schedule;
    private final TargetPolicy targets;
    private final LeaseBudget budget;
    private final WebhookSecrets secrets;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Counter delivered;
    private final Counter failedAttempts;
    private final Counter abandoned;
    private final PollingWorker worker;
    /** Wall time: receivers check the signed timestamp against their own clocks, and leases run on the database's now(). */
    private final Clock wall;
    private HttpClient http;
    private ExecutorService senders;
    private long lastPurge;

    public DeliveryWorker(DeliveryQueue queue, WebhooksConfig config, MeterRegistry meters, WebhookSecrets secrets,
            ServiceClock clock) {
        this.queue = queue;
        this.wall = clock.wall();
        this.config = config;
        this.secrets = secrets;
        WebhooksConfig.Delivery delivery = config.delivery();
        // checked here, so that settings under which a lease could run out mid-attempt stop the service at start
        this.budget = new LeaseBudget(delivery.connectTimeout(), delivery.requestTimeout(), delivery.leaseMargin(), delivery.concurrency(),
                delivery.concurrencyPerSubscription());
        this.schedule = new RetrySchedule(delivery.initialBackoff(), delivery.backoffMultiplier(), delivery.maxBackoff(),
                delivery.giveUpAfter());
        this.targets = new TargetPolicy(config.allowPrivateTargets());
        this.delivered = meters.counter("recert.webhooks.deliveries", "outcome", "delivered");
        this.failedAttempts = meters.counter("recert.webhooks.deliveries", "outcome", "failed_attempt");
        this.abandoned = meters.counter("recert.webhooks.deliveries", "outcome", "abandoned");
        meters.gauge("recert.webhooks.pending", this, w -> w.queue.pendingCount());
        this.worker = new PollingWorker("webhook-delivery", delivery.pollInterval(), Duration.ofMillis(200), Duration.ofSeconds(10),
                this::deliveryPass, (failure, inARow, retryIn) ->
                        LOG.warnf("webhook delivery: %s; retrying in %d ms", failure.toString(), retryIn.toMillis()));
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.delivery().enabled()) {
            return;
        }
        http = HttpClient.newBuilder()
                .connectTimeout(config.delivery().connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        senders = Executors.newFixedThreadPool(budget.senders(), r -> {
            Thread thread = new Thread(r, "webhook-sender");
            thread.setDaemon(true);
            return thread;
        });
        worker.start();
        LOG.infof("webhook delivery: %d senders, at most %d per subscription; lease %s covers an attempt cut off after %s; "
                + "retries for %s over %d attempts", budget.senders(), budget.perSubscription(), budget.lease(), budget.attemptLimit(),
                schedule.span(), schedule.attempts());
    }

    void onStop(@Observes ShutdownEvent event) {
        worker.stop(Duration.ofSeconds(15));
        if (senders != null) {
            senders.shutdownNow();
        }
    }

    /** Asks the worker to look for due deliveries now. */
    public void wake() {
        worker.wake();
    }

    public RetrySchedule schedule() {
        return schedule;
    }

    /**
     * Claims as many due deliveries as there are free senders and starts each at once, without waiting for them; true
     * when it got all it asked for (more may be due). A finished send wakes the worker. Purges old deliveries.
     */
    private boolean deliveryPass() throws Exception {
        if (wall.millis() - lastPurge > PURGE_EVERY.toMillis()) {
            queue.purge(config.delivery().retention());
            lastPurge = wall.millis();
        }
        int free = budget.senders() - inFlight.get();
        if (free <= 0) {
            return false;
        }
        int wanted = Math.min(free, config.delivery().batchSize());
        List<ClaimedDelivery> claimed = queue.claim(wanted, budget.perSubscription(), budget.lease());
        for (ClaimedDelivery delivery : claimed) {
            inFlight.incrementAndGet();
            try {
                senders.execute(() -> {
                    try {
                        send(delivery);
                    } finally {
                        inFlight.decrementAndGet();
                        worker.wake();
                    }
                });
            } catch (RejectedExecutionException stopping) {
                inFlight.decrementAndGet(); // shutting down: the lease runs out and another worker sends it
            }
        }
        return claimed.size() >= wanted;
    }

    private void send(ClaimedDelivery delivery) {
        Instant attemptedAt = wall.instant();
        Integer statusCode = null;
        String error;
        try {
            Optional<String> refusal = targets.refusal(delivery.url());
            if (refusal.isPresent()) {
                error = "url " + refusal.get();
            } else {
                long timestamp = wall.instant().getEpochSecond();
                HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.url()))
                        .timeout(config.delivery().requestTimeout())
                        .header("Content-Type", "application/json")
                        .header("User-Agent", "Recert-Webhooks/1")
                        .header(WebhookSignature.HEADER_ID, delivery.messageId())
                        .header(WebhookSignature.HEADER_TIMESTAMP, Long.toString(timestamp))
                        .header(WebhookSignature.HEADER_SIGNATURE,
                                WebhookSignature.sign(signingSecrets(delivery), delivery.messageId(), timestamp, delivery.payload()))
                        .POST(HttpRequest.BodyPublishers.ofString(delivery.payload()))
                        .build();
                CompletableFuture<HttpResponse<Void>> sending = http.sendAsync(request, HttpResponse.BodyHandlers.discarding());
                HttpResponse<Void> response;
                try {
                    // the whole attempt, body included, ends within the limit the lease was sized for
                    response = sending.get(budget.attemptLimit().toMillis(), TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    sending.cancel(true);
                    throw new HttpTimeoutException("no complete answer within " + budget.attemptLimit());
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
                }
                statusCode = response.statusCode();
                if (statusCode >= 200 && statusCode < 300) {
                    queue.delivered(delivery.id(), statusCode);
                    delivered.increment();
                    return;
                }
                error = "receiver answered " + statusCode;
            }
        } catch (IOException e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return; // shutting down: the lease runs out and another worker sends it
        } catch (Exception e) {
            LOG.warnf("webhook delivery %s: %s", delivery.id(), e.toString());
            error = "delivery failed: " + e.getClass().getSimpleName();
        }
        recordFailure(delivery, attemptedAt, statusCode, error);
    }

    /** The current secret, then the previous one while a rotation's overlap lasts: receivers accept either. */
    private List<String> signingSecrets(ClaimedDelivery delivery) {
        List<String> signing = new ArrayList<>();
        signing.add(secrets.open(delivery.subscriptionId(), delivery.secretKeyId(), delivery.secret()));
        if (delivery.previousSecret() != null) {
            signing.add(secrets.open(delivery.subscriptionId(), delivery.previousSecretKeyId(), delivery.previousSecret()));
        }
        return signing;
    }

    /** The retry clock starts at the first attempt, not at queueing: a message waiting behind a failing one keeps its days. */
    private void recordFailure(ClaimedDelivery delivery, Instant attemptedAt, Integer statusCode, String error) {
        Instant firstAttempt = delivery.firstAttemptAt() == null ? attemptedAt : delivery.firstAttemptAt().toInstant();
        Optional<Instant> next = schedule.nextAttempt(firstAttempt, wall.instant(), delivery.attempts() + 1);
        try {
            queue.failed(delivery.id(), statusCode, error, next);
        } catch (Exception e) {
            LOG.warnf("webhook delivery %s: outcome not recorded (%s); it will be sent again", delivery.id(), e.toString());
            return;
        }
        failedAttempts.increment();
        if (next.isEmpty()) {
            abandoned.increment();
            LOG.warnf("webhook delivery %s abandoned after %d attempts: %s", delivery.id(), delivery.attempts() + 1, error);
        } else {
            LOG.debugf("webhook delivery %s attempt %d failed (%s); next at %s", delivery.id(), delivery.attempts() + 1, error, next.get());
        }
    }
}
