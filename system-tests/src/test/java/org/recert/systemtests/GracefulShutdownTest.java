package org.recert.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.recert.devstack.Suite;

/**
 * A replica sent SIGTERM in the middle of a stream of credits, as Kubernetes does to a pod it removes: it reports
 * not ready at once, keeps serving for its shutdown delay, finishes what is in flight, commits its consumer's
 * offsets and exits cleanly; nothing acknowledged is lost and nothing is applied twice.
 */
@Order(14)
@ExtendWith(SuiteExtension.class)
class GracefulShutdownTest {

    private static final Logger LOG = Logger.getLogger(GracefulShutdownTest.class.getName());
    private static final Duration CREDITS_DELAY = Duration.ofSeconds(3);
    /** quarkus.shutdown.timeout of the platform. */
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(20);
    /** The start of a log entry in the local profile's console format; stack traces continue it on more lines. */
    private static final Pattern LOG_ENTRY = Pattern.compile("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} [A-Z]+ ");
    /** A JVM that ends because of SIGTERM exits with 128 + 15, whatever its shutdown hooks did. */
    private static final int EXIT_ON_SIGTERM = 143;

    private final Suite suite;
    private final Api api;
    private final LedgerAudit audit;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1)).build();

    GracefulShutdownTest(Suite suite) {
        this.suite = suite;
        this.api = new Api(suite);
        this.audit = new LedgerAudit(suite);
    }

    @Test
    void shouldReportNotReadyKeepServingThenDrainAndLoseNothingWhenACreditsReplicaIsTerminated() throws Exception {
        List<String> learners = certifiedLearners("terry", 4);
        try (Replicas replicas = Replicas.start(suite,
                Map.of("credits", Map.of("QUARKUS_SHUTDOWN_DELAY", CREDITS_DELAY.toSeconds() + "s")))) {
            Suite.Replica replica = replicas.of("credits");
            String url = replica.url();
            long logOffset;
            long signalled;
            double readyDownAfter;
            double exitedAfter;
            int exitCode;
            int servedWhileDraining;
            CreditStream stream = new CreditStream(api, learners, List.of(url), suite.gatewayUrl());
            try (stream) {
                await().atMost(Duration.ofSeconds(30)).until(() -> stream.ackedBy(url) >= 20);
                logOffset = Files.size(replica.log());
                signalled = System.nanoTime();
                replica.signalTerminate();

                // at once, well within the delay during which it still serves
                await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(20)).until(() -> readiness(url) == 503);
                readyDownAfter = secondsSince(signalled);
                int servedWhenDown = stream.ackedBy(url);
                await().atMost(CREDITS_DELAY).pollInterval(Duration.ofMillis(20))
                        .until(() -> stream.ackedBy(url) >= servedWhenDown + 5);

                exitCode = replica.awaitExit(CREDITS_DELAY.plus(SHUTDOWN_TIMEOUT).plusSeconds(10));
                exitedAfter = secondsSince(signalled);
                servedWhileDraining = stream.ackedBy(url) - servedWhenDown;
                int atExit = stream.ackedCount();
                // the client carries on elsewhere
                await().atMost(Duration.ofSeconds(20)).until(() -> stream.ackedCount() >= atExit + 10);
            }

            assertThat(stream.failures()).as("every request answered 201, here or on retry elsewhere: %s", stream).isEmpty();
            assertThat(exitedAfter).as("seconds until the process ended: after the delay, within delay + timeout")
                    .isGreaterThanOrEqualTo(CREDITS_DELAY.toSeconds())
                    .isLessThan(CREDITS_DELAY.plus(SHUTDOWN_TIMEOUT).toSeconds());
            assertThat(exitCode).as("exit code").isEqualTo(EXIT_ON_SIGTERM);
            int droppedWhileClosing = assertCleanShutdownLog(replica.log(), logOffset);

            Map<String, List<String>> acked = LedgerAudit.sorted(stream.acked());
            assertEveryCreditStoredAndAppliedOnce(learners, acked, stream.ackedCount());
            LOG.info(() -> String.format("credits replica SIGTERM: readiness DOWN after %.2f s, %d credits served while"
                            + " draining, exit %d after %.1f s, %d connection(s) dropped by the closing acceptor; %s",
                    readyDownAfter, servedWhileDraining, exitCode, exitedAfter, droppedWhileClosing, stream));
        }
    }

    @Test
    void shouldHandItsPartitionsOverWithoutLossOrDoubleWhenAComplianceReplicaIsTerminated() throws Exception {
        List<String> learners = certifiedLearners("tom", 8);
        String compliance = suite.serviceUrl("compliance");
        try (Replicas replicas = Replicas.start(suite, Map.of("compliance", Map.of("QUARKUS_SHUTDOWN_DELAY", "1s")))) {
            Suite.Replica replica = replicas.of("compliance");
            long logOffset;
            int exitCode;
            double handledByReplica;
            CreditStream stream = new CreditStream(api, learners, List.of(suite.gatewayUrl()), null);
            try (stream) {
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                        .until(() -> audit.eventsHandled(replica.url()) >= 5);
                handledByReplica = audit.eventsHandled(replica.url());
                logOffset = Files.size(replica.log());
                replica.signalTerminate();
                exitCode = replica.awaitExit(Duration.ofSeconds(30));
                double handledHereAtExit = audit.eventsHandled(compliance);
                int atExit = stream.ackedCount();
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                    assertThat(stream.ackedCount()).isGreaterThanOrEqualTo(atExit + 20);
                    assertThat(audit.eventsHandled(compliance)).as("the suite's instance goes on")
                            .isGreaterThan(handledHereAtExit);
                });
            }

            assertThat(stream.failures()).as("recording never needs compliance: %s", stream).isEmpty();
            assertThat(exitCode).as("exit code").isEqualTo(EXIT_ON_SIGTERM);
            assertThat(assertCleanShutdownLog(replica.log(), logOffset)).as("connections dropped: none was sent").isZero();
            Map<String, List<String>> acked = LedgerAudit.sorted(stream.acked());
            assertEveryCreditStoredAndAppliedOnce(learners, acked, stream.ackedCount());
            LOG.info(() -> String.format("compliance replica SIGTERM after applying %.0f events: exit %d; %s",
                    handledByReplica, exitCode, stream));
        }
    }

    private List<String> certifiedLearners(String prefix, int count) {
        List<String> learners = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String learner = Api.newLearner(prefix);
            api.certify(learner, Api.today().minusMonths(30));
            learners.add(learner);
        }
        return learners;
    }

    private void assertEveryCreditStoredAndAppliedOnce(List<String> learners, Map<String, List<String>> acked, int credits) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            assertThat(audit.unsentInCreditsOutbox()).as("credits outbox drained").isZero();
            assertThat(audit.projectedCredits(learners)).as("compliance's projection").isEqualTo(acked);
        });
        assertThat(audit.ledgerRows(learners)).as("each acknowledged credit stored exactly once").isEqualTo(acked);
        List<String> events = audit.ledgerEvents(learners);
        assertThat(events).as("one ledger event per credit").hasSize(credits).doesNotHaveDuplicates();
        assertThat(audit.appliedByCompliance(events)).as("every event applied").hasSize(credits);
        for (String learner : learners) {
            JsonPath status = api.status(learner);
            Set<String> ids = Set.copyOf(acked.get(learner));
            assertThat(Api.evaluatedCredits(status)).as("%s evaluated credits", learner).isEqualTo(ids);
            assertThat(status.getList("counted.creditId")).as("counted once").doesNotHaveDuplicates().hasSize(ids.size());
            assertThat(Api.earned(status, "TOTAL")).isEqualByComparingTo(BigDecimal.valueOf(ids.size()));
        }
    }

    /**
     * What the process wrote after the signal: Quarkus' own end, and no ERROR and no stack trace, but for one known
     * race: a connection the acceptor takes while Vert.x closes its event loops is dropped with a WARN from Netty
     * (the client sees a broken connection and retries elsewhere). Returns how many of those there were.
     */
    private static int assertCleanShutdownLog(Path log, long offset) throws IOException {
        byte[] all = Files.readAllBytes(log);
        String afterSignal = new String(Arrays.copyOfRange(all, (int) Math.min(offset, all.length), all.length),
                StandardCharsets.UTF_8);
        List<String> entries = new ArrayList<>();
        for (String line : afterSignal.lines().toList()) {
            if (LOG_ENTRY.matcher(line).lookingAt() || entries.isEmpty()) {
                entries.add(line);
            } else {
                entries.set(entries.size() - 1, entries.get(entries.size() - 1) + "\n" + line);
            }
        }
        List<String> acceptedWhileClosing = entries.stream().filter(entry -> entry.contains(" WARN  [io.ne.bo.ServerBootstrap] ")
                && entry.contains("Failed to register an accepted channel")).toList();
        List<String> others = entries.stream().filter(entry -> !acceptedWhileClosing.contains(entry)).toList();
        assertThat(others).as("log after SIGTERM")
                .noneMatch(entry -> entry.matches("(?s)^\\S+ ERROR .*"))
                .noneMatch(entry -> entry.contains("\n\tat ") || entry.contains("Exception"))
                .anyMatch(entry -> entry.contains(" stopped in "));
        return acceptedWhileClosing.size();
    }

    private int readiness(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url + "/q/health/ready")).timeout(Duration.ofSeconds(1)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted", e));
        }
    }

    private static double secondsSince(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1e9;
    }
}
