package org.recert.systemtests;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.path.json.JsonPath;

/**
 * Learners' apps recording credits one after another on their own thread, round robin over the learners and over
 * the instances they are sent to (the gateway, or a service replica straight, as a load balancer would). A
 * request whose connection was refused or broken is sent again, with the same {@code Idempotency-Key}, to the
 * fallback (a client retrying elsewhere); every other answer that is not a 201 is kept as a failure.
 */
final class CreditStream implements AutoCloseable {

    /** An answer that was not 201: where, its status, content type and body. */
    record Failure(String target, int status, String contentType, String body) {
    }

    static final Duration INTERVAL = Duration.ofMillis(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Api api;
    private final List<String> learners;
    private final List<String> targets;
    private final String fallback;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, Set<String>> ackedByLearner = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> ackedByTarget = new ConcurrentHashMap<>();
    private final List<Failure> failures = new CopyOnWriteArrayList<>();
    private final AtomicInteger attempts = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger broken = new AtomicInteger();
    private final ScheduledExecutorService scheduler;

    /**
     * @param targets base URLs the credits go to, in turn
     * @param fallback where a refused or broken request is sent again, or null to count it as a failure
     */
    CreditStream(Api api, List<String> learners, List<String> targets, String fallback) {
        this.api = api;
        this.learners = List.copyOf(learners);
        this.targets = List.copyOf(targets);
        this.fallback = fallback;
        learners.forEach(learner -> ackedByLearner.put(learner, ConcurrentHashMap.newKeySet()));
        this.scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "credit-stream");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::recordOne, 0, INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void recordOne() {
        int attempt = attempts.getAndIncrement();
        String learner = learners.get(attempt % learners.size());
        String target = targets.get(attempt % targets.size());
        Map<String, Object> credit = Api.oneAamaCeu("Replica module " + attempt, attempt % 2 == 0 ? "CLINICAL" : "GENERAL");
        String idempotencyKey = UUID.randomUUID().toString();
        try {
            send(target, learner, credit, idempotencyKey);
        } catch (ConnectException e) {
            refused.incrementAndGet();
            retryElsewhere(target, learner, credit, idempotencyKey, e);
        } catch (IOException e) {
            broken.incrementAndGet();
            retryElsewhere(target, learner, credit, idempotencyKey, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failures.add(new Failure(target, -1, "", e.toString()));
        }
    }

    private void retryElsewhere(String target, String learner, Map<String, Object> credit, String idempotencyKey, IOException cause) {
        if (fallback == null) {
            failures.add(new Failure(target, -1, "", cause.toString()));
            return;
        }
        try {
            send(fallback, learner, credit, idempotencyKey);
        } catch (IOException | RuntimeException e) {
            failures.add(new Failure(fallback, -1, "", e.toString()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void send(String target, String learner, Map<String, Object> credit, String idempotencyKey)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(target + "/api/v1/credits/learners/" + learner + "/credits"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + api.learnerToken(learner))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(credit)))
                .build();
        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() == 201) {
            ackedByLearner.get(learner).add(JsonPath.from(answer.body()).getString("id"));
            ackedByTarget.computeIfAbsent(target, t -> new AtomicInteger()).incrementAndGet();
        } else {
            failures.add(new Failure(target, answer.statusCode(), answer.headers().firstValue("Content-Type").orElse(""),
                    answer.body()));
        }
    }

    /** Credits acknowledged with 201, by learner. */
    Map<String, Set<String>> acked() {
        Map<String, Set<String>> copy = new java.util.LinkedHashMap<>();
        learners.forEach(learner -> copy.put(learner, Set.copyOf(ackedByLearner.get(learner))));
        return copy;
    }

    int ackedCount() {
        return ackedByLearner.values().stream().mapToInt(Set::size).sum();
    }

    /** 201 answers that {@code target} gave (retries at the fallback count for the fallback). */
    int ackedBy(String target) {
        AtomicInteger count = ackedByTarget.get(target);
        return count == null ? 0 : count.get();
    }

    List<Failure> failures() {
        return List.copyOf(failures);
    }

    /** Requests whose connection was refused (the server had closed its port), each sent again to the fallback. */
    int refused() {
        return refused.get();
    }

    /** Requests whose connection broke before an answer, each sent again to the fallback with its key. */
    int broken() {
        return broken.get();
    }

    @Override
    public String toString() {
        return ackedCount() + " acknowledged of " + attempts.get() + " attempts, by target " + ackedByTarget
                + ", refused " + refused + ", broken " + broken + "; failures: " + failures;
    }

    /** Stops sending and waits for the request in flight. */
    @Override
    public void close() throws InterruptedException {
        scheduler.shutdown();
        scheduler.awaitTermination(60, TimeUnit.SECONDS);
    }
}
