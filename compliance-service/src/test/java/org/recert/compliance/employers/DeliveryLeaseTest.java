package org.recert.compliance.employers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.recert.compliance.employers.EmployerFixtures.uniqueLearner;

import java.math.BigDecimal;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.recert.compliance.employers.store.ClaimedDelivery;
import org.recert.compliance.employers.store.DeliveryQueue;

/**
 * Several workers taking deliveries at once, as replicas do (the service's own worker runs alongside): no
 * delivery is leased twice, and never two of the same learner and subscription at the same time.
 */
@QuarkusTest
class DeliveryLeaseTest {

    private static final String[] STATUSES = { "ON_TRACK", "AT_RISK", "GRACE" };

    @Inject
    EmployerFixtures fx;

    @Inject
    LearnerStatusDriver statuses;

    @Inject
    DeliveryQueue queue;

    @Test
    void shouldNeverLeaseADeliveryTwiceNorTwoOfOneLearnerAtOnce() throws Exception {
        String org = fx.createOrganization("Replicas Clinic " + uniqueLearner("o"));
        int closedPort = freePort();
        String webhook = subscribeWhereNobodyListens(org, closedPort);
        List<String> learners = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            String learner = uniqueLearner("r" + i);
            learners.add(learner);
            fx.addMember(org, learner, null);
            fx.consent(learner, org);
        }
        for (String status : STATUSES) {
            for (String learner : learners) {
                statuses.set(learner, "CMA_AAMA", status, LocalDate.of(2022, 3, 31), LocalDate.of(2027, 3, 31), BigDecimal.TEN);
            }
        }

        AtomicInteger held = new AtomicInteger();
        ExecutorService replicas = Executors.newFixedThreadPool(4);
        List<Callable<List<ClaimedDelivery>>> workers = new ArrayList<>();
        for (int r = 0; r < 4; r++) {
            workers.add(() -> {
                List<ClaimedDelivery> mine = new ArrayList<>();
                // the service's worker competes (and fails, nobody listens): claim until every learner's first event is ours
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> {
                    List<ClaimedDelivery> got = queue.claim(3, learners.size(), Duration.ofHours(1));
                    mine.addAll(got);
                    held.addAndGet((int) got.stream().filter(d -> d.url().contains(":" + closedPort + "/")).count());
                    return held.get() >= learners.size();
                });
                return mine;
            });
        }
        List<ClaimedDelivery> claimed = new ArrayList<>();
        for (Future<List<ClaimedDelivery>> result : replicas.invokeAll(workers)) {
            claimed.addAll(result.get());
        }
        replicas.shutdown();

        List<ClaimedDelivery> ours = claimed.stream().filter(d -> d.url().contains(":" + closedPort + "/")).toList();
        assertThat(ours).hasSize(learners.size());
        assertThat(ours).extracting(ClaimedDelivery::id).doesNotHaveDuplicates();
        assertThat(ours).extracting(d -> d.payload().replaceAll(".*\"learnerId\":\"([^\"]+)\".*", "$1")).doesNotHaveDuplicates();
        assertThat(ours).allMatch(d -> d.payload().contains("\"newStatus\":\"ON_TRACK\""));

        fx.employerOf(org).delete("/api/v1/compliance/organizations/" + org + "/webhooks/" + webhook).then().statusCode(204);
    }

    @Test
    void shouldNeverHaveMoreOfOneSubscriptionInFlightThanItsShareWhateverTheWorkers() throws Exception {
        String org = fx.createOrganization("Share Clinic " + uniqueLearner("o"));
        int closedPort = freePort();
        String webhook = subscribeWhereNobodyListens(org, closedPort);
        for (int i = 0; i < 10; i++) {
            String learner = uniqueLearner("share" + i);
            fx.addMember(org, learner, null);
            fx.consent(learner, org);
            statuses.set(learner, "CMA_AAMA", "AT_RISK", LocalDate.of(2022, 3, 31), LocalDate.of(2027, 3, 31), BigDecimal.TEN);
        }

        ExecutorService replicas = Executors.newFixedThreadPool(4);
        List<Callable<List<ClaimedDelivery>>> workers = new ArrayList<>();
        for (int r = 0; r < 4; r++) {
            workers.add(() -> queue.claim(10, 2, Duration.ofHours(1)));
        }
        long ours = 0;
        for (Future<List<ClaimedDelivery>> result : replicas.invokeAll(workers)) {
            ours += result.get().stream().filter(d -> d.url().contains(":" + closedPort + "/")).count();
        }
        replicas.shutdown();

        // the service's own worker may hold some of the share too: together, never more than 2
        assertThat(ours).isLessThanOrEqualTo(2);
        fx.employerOf(org).delete("/api/v1/compliance/organizations/" + org + "/webhooks/" + webhook).then().statusCode(204);
    }

    private String subscribeWhereNobodyListens(String org, int closedPort) {
        return fx.employerOf(org).body(Map.of("url", "http://127.0.0.1:" + closedPort + "/nobody-listens",
                "events", List.of("compliance.status.changed"))).post("/api/v1/compliance/organizations/" + org + "/webhooks")
                .then().statusCode(201).extract().path("id");
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
