package org.recert.compliance.employers.webhooks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

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

/**
 * Sends queued webhook deliveries: signed, with a timeout, retried on the {@link RetrySchedule}. Any number of
 * replicas may run one (leases taken with {@code FOR UPDATE SKIP LOCKED}); a learner's deliveries to one
 * subscription go out one after the other, in order. At least once: a receiver may see a message twice
 * (same {@code webhook-id}) after a crash between its answer and the bookkeeping.
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);
    private static final Duration PURGE_EVERY = Duration.ofMinutes(10);

    private final DeliveryQueue queue;
    private final WebhooksConfig config;
    private final RetrySchedule schedule;
    private final TargetPolicy targets;
    private final Counter delivered;
    private final Counter failedAttempts;
    private final Counter abandoned;
    private final PollingWorker worker;
    private HttpClient http;
    private ExecutorService senders;
    private long lastPurge;

    public DeliveryWorker(DeliveryQueue queue, WebhooksConfig config, MeterRegistry meters) {
        this.queue = queue;
        this.config = config;
        WebhooksConfig.Delivery delivery = config.delivery();
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
        senders = Executors.newFixedThreadPool(Math.max(1, config.delivery().concurrency()), r -> {
            Thread thread = new Thread(r, "webhook-sender");
            thread.setDaemon(true);
            return thread;
        });
        worker.start();
        LOG.infof("webhook delivery: retries for %s over %d attempts", schedule.span(), schedule.attempts());
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

    /** Sends a batch of due deliveries in parallel; true when it was full (more may be due). Purges old ones. */
    private boolean deliveryPass() throws Exception {
        List<ClaimedDelivery> claimed = queue.claim(config.delivery().batchSize(), lease());
        if (!claimed.isEmpty()) {
            List<Callable<Void>> sends = new ArrayList<>();
            for (ClaimedDelivery delivery : claimed) {
                sends.add(() -> {
                    send(delivery);
                    return null;
                });
            }
            senders.invokeAll(sends);
        }
        if (System.currentTimeMillis() - lastPurge > PURGE_EVERY.toMillis()) {
            queue.purge(config.delivery().retention());
            lastPurge = System.currentTimeMillis();
        }
        return claimed.size() >= config.delivery().batchSize();
    }

    /** Long enough to cover one send with its timeouts; a worker that dies frees its rows after this. */
    private Duration lease() {
        return config.delivery().connectTimeout().plus(config.delivery().requestTimeout()).plusSeconds(30);
    }

    private void send(ClaimedDelivery delivery) {
        Instant attemptedAt = Instant.now();
        Integer statusCode = null;
        String error;
        try {
            Optional<String> refusal = targets.refusal(delivery.url());
            if (refusal.isPresent()) {
                error = "url " + refusal.get();
            } else {
                long timestamp = Instant.now().getEpochSecond();
                HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.url()))
                        .timeout(config.delivery().requestTimeout())
                        .header("Content-Type", "application/json")
                        .header("User-Agent", "Recert-Webhooks/1")
                        .header(WebhookSignature.HEADER_ID, delivery.messageId())
                        .header(WebhookSignature.HEADER_TIMESTAMP, Long.toString(timestamp))
                        .header(WebhookSignature.HEADER_SIGNATURE,
                                WebhookSignature.sign(delivery.secret(), delivery.messageId(), timestamp, delivery.payload()))
                        .POST(HttpRequest.BodyPublishers.ofString(delivery.payload()))
                        .build();
                HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
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

    /** The retry clock starts at the first attempt, not at queueing: a message waiting behind a failing one keeps its days. */
    private void recordFailure(ClaimedDelivery delivery, Instant attemptedAt, Integer statusCode, String error) {
        Instant firstAttempt = delivery.firstAttemptAt() == null ? attemptedAt : delivery.firstAttemptAt().toInstant();
        Optional<Instant> next = schedule.nextAttempt(firstAttempt, Instant.now(), delivery.attempts() + 1);
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
