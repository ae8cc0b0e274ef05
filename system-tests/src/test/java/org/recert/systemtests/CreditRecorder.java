package org.recert.systemtests;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.recert.devstack.Suite;

/**
 * A learner's app recording one credit after another through the gateway on its own thread, one every
 * {@link #INTERVAL} (at most {@code limit}), remembering every answer that is not a 201.
 */
final class CreditRecorder implements AutoCloseable {

    /** An answer that was not 201: its status, content type and body. */
    record Failure(int status, String contentType, String body) {
    }

    private final String gateway;
    private final String learner;
    private final String token;
    private final int limit;
    private final AtomicInteger recorded = new AtomicInteger();
    private final List<Failure> failures = new CopyOnWriteArrayList<>();
    static final Duration INTERVAL = Duration.ofMillis(100);

    private final ScheduledExecutorService scheduler;
    private final AtomicInteger attempts = new AtomicInteger();
    private volatile boolean running = true;

    CreditRecorder(Suite suite, Api api, String learner, int limit) {
        this.gateway = suite.gatewayUrl();
        this.learner = learner;
        this.token = api.learnerToken(learner);
        this.limit = limit;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "credit-recorder-" + learner);
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::recordOne, 0, INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void recordOne() {
        if (!running || recorded.get() >= limit) {
            running = false;
            return;
        }
        int attempt = attempts.incrementAndGet();
        Map<String, Object> credit = Api.oneAamaCeu("Module " + attempt, attempt % 2 == 0 ? "CLINICAL" : "GENERAL");
        try {
            Response answer = given().baseUri(gateway).auth().oauth2(token).contentType(ContentType.JSON)
                    .header("Idempotency-Key", UUID.randomUUID().toString()).body(credit)
                    .post("/api/v1/credits/learners/{id}/credits", learner);
            if (answer.statusCode() == 201) {
                recorded.incrementAndGet();
            } else {
                failures.add(new Failure(answer.statusCode(), answer.contentType(), answer.asString()));
            }
        } catch (RuntimeException e) {
            failures.add(new Failure(-1, "", e.toString()));
        }
    }

    int recorded() {
        return recorded.get();
    }

    List<Failure> failures() {
        return List.copyOf(failures);
    }

    boolean finished() {
        return !running;
    }

    /** What it has done so far, for failure messages. */
    @Override
    public String toString() {
        return recorded.get() + " recorded of " + attempts.get() + " attempts; failures: " + failures;
    }

    /** Stops recording and waits for the request in flight. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        scheduler.shutdown();
        scheduler.awaitTermination(30, TimeUnit.SECONDS);
    }
}
