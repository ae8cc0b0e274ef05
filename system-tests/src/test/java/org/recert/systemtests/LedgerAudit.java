package org.recert.systemtests;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.recert.devstack.Database;
import org.recert.devstack.Suite;

/**
 * Where each credit went, read where it lives: the credits ledger and its outbox, compliance's projection and its
 * processed-event ids, and the services' own counters on {@code /q/metrics}.
 */
final class LedgerAudit {

    static final String LEDGER_TOPIC = "credits.ledger.v1";

    private final Suite suite;
    // HTTP/1.1 as the gateway and the probes call a service: the JDK client's default h2c upgrade once read a
    // replica's /q/metrics text as HTTP/2 frames ("Frame type(117) length(7627124) exceeds MAX_FRAME_SIZE", CI 12:07)
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    LedgerAudit(Suite suite) {
        this.suite = suite;
    }

    /** Every credit row of these learners in the credits database, by learner (a row twice would show twice). */
    Map<String, List<String>> ledgerRows(Collection<String> learners) {
        return idsByLearner("credits", "select learner_id, id::text from credit where learner_id = any(?)", learners);
    }

    /** The credits compliance holds for these learners in its projection of the ledger, by learner. */
    Map<String, List<String>> projectedCredits(Collection<String> learners) {
        return idsByLearner("compliance",
                "select learner_id, credit_id from learner_credit where learner_id = any(?) and status = 'ACTIVE'", learners);
    }

    /** The ids of the ledger events the credits service wrote for these learners. */
    List<String> ledgerEvents(Collection<String> learners) {
        return column("credits", "select event_id::text from outbox_event where topic = '" + LEDGER_TOPIC
                + "' and event_key = any(?)", learners);
    }

    /** Of these event ids, the ones compliance recorded as applied (each at most once: its primary key). */
    List<String> appliedByCompliance(Collection<String> eventIds) {
        return column("compliance", "select event_id from processed_event where consumer = 'compliance' and event_id = any(?)",
                eventIds);
    }

    /** Events in the credits outbox not yet published. */
    long unsentInCreditsOutbox() {
        Database db = suite.database("credits");
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
             ResultSet rows = connection.createStatement().executeQuery("select count(*) from outbox_event where sent_at is null")) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read credits: " + e.getMessage(), e);
        }
    }

    /** Events a compliance instance applied since it started ({@code recert_events_handled_total}). */
    double eventsHandled(String instanceUrl) {
        return counter(instanceUrl, "recert_events_handled_total");
    }

    /** Events a compliance instance parked on a dead-letter topic since it started. */
    double deadLettered(String instanceUrl) {
        return counter(instanceUrl, "recert_events_dead_lettered_total");
    }

    /** The sum of a Prometheus counter's series on an instance's {@code /q/metrics}; 0 when it has none yet. */
    double counter(String instanceUrl, String name) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(instanceUrl + "/q/metrics")).timeout(Duration.ofSeconds(5))
                .header("Accept", "text/plain").GET().build();
        String text;
        try {
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("GET " + request.uri() + " answered " + answer.statusCode());
            }
            text = answer.body();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("GET " + request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        double sum = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    private Map<String, List<String>> idsByLearner(String database, String sql, Collection<String> learners) {
        Map<String, List<String>> byLearner = new TreeMap<>();
        learners.forEach(learner -> byLearner.put(learner, new ArrayList<>()));
        query(database, sql, learners, rows -> byLearner.get(rows.getString(1)).add(rows.getString(2)));
        byLearner.values().forEach(ids -> ids.sort(null));
        return byLearner;
    }

    private List<String> column(String database, String sql, Collection<String> values) {
        List<String> column = new ArrayList<>();
        query(database, sql, values, rows -> column.add(rows.getString(1)));
        return column;
    }

    private interface Row {
        void read(ResultSet rows) throws SQLException;
    }

    private void query(String database, String sql, Collection<String> values, Row row) {
        Database db = suite.database(database);
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
             PreparedStatement query = connection.prepareStatement(sql)) {
            Array array = connection.createArrayOf("text", values.toArray());
            query.setArray(1, array);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    row.read(rows);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + database + ": " + e.getMessage(), e);
        }
    }

    /** {@code acked} as sorted lists, to compare with {@link #ledgerRows} and {@link #projectedCredits}. */
    static Map<String, List<String>> sorted(Map<String, Set<String>> acked) {
        Map<String, List<String>> sorted = new TreeMap<>();
        acked.forEach((learner, ids) -> sorted.put(learner, List.copyOf(new TreeSet<>(ids))));
        return sorted;
    }

    /** How many of each id a list holds, for messages about doubles. */
    static Map<String, Integer> doubles(Collection<String> ids) {
        Map<String, Integer> counts = new HashMap<>();
        ids.forEach(id -> counts.merge(id, 1, Integer::sum));
        counts.values().removeIf(count -> count == 1);
        return counts;
    }
}
