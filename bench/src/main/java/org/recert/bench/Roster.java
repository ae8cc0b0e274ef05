package org.recert.bench;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

/**
 * A 10,000-member roster through the gateway and straight to the compliance service: its first page of 100 and
 * its whole CSV. Measured only when the compliance service in this build serves rosters (its OpenAPI document
 * names one); otherwise the table says it is not built.
 *
 * <p>The organization is created through the API; its members, their consents (7 in 10) and their stored
 * statuses (spread over five values) are written by SQL, as the service's own scale test does: 30,000 API calls
 * would measure the setup, not the roster, which reads those three tables and nothing else.
 */
final class Roster {

    private static final int PAGE_RUNS = 60;
    private static final int CSV_RUNS = 10;

    /** {@code --profile}: CSVs through the gateway recorded after the measure. */
    private static final int PROFILED_CSV_RUNS = 40;

    private final Context context;
    private final Profiler profiler;

    /** {@code profiler}, when not null, records gateway and compliance over more CSVs through the gateway after the measure. */
    Roster(Context context, Profiler profiler) {
        this.context = context;
        this.profiler = profiler;
    }

    boolean built() {
        HttpResponse<String> openapi = context.http.get(context.service("compliance") + "/q/openapi?format=json", context.adminToken());
        return openapi.statusCode() == 200 && openapi.body().contains("/roster");
    }

    List<Row> run() throws Exception {
        String members = String.format("%,d", context.settings.rosterMembers());
        if (!built()) {
            return List.of(new Row(members + "-member roster: a page of 100 / its CSV", "n/a: not built", "", "-", ""));
        }
        String admin = context.adminToken();
        HttpResponse<String> created = context.http.postJson(context.gateway + "/api/v1/compliance/organizations", admin,
                "{\"name\":\"Bench Hospital " + UUID.randomUUID() + "\"}");
        Http.expect(created, 201);
        String org = Context.JSON.readTree(created.body()).path("id").asText();
        seed(org, context.settings.rosterMembers());
        String token = context.suite.token("bench-hr", List.of("employer"), org, null);

        String path = "/api/v1/compliance/organizations/" + org + "/roster";
        Samples pageGateway = new Samples();
        Samples pageDirect = new Samples();
        Samples csvGateway = new Samples();
        Samples csvDirect = new Samples();
        measure(path + "?limit=100", "application/json", token, PAGE_RUNS, pageGateway, pageDirect);
        measure(path, "text/csv", token, CSV_RUNS, csvGateway, csvDirect);
        if (profiler != null) {
            profiler.record("roster", List.of("gateway", "compliance"), () -> {
                for (int i = 0; i < PROFILED_CSV_RUNS; i++) {
                    call(context.gateway + path, "text/csv", token, null);
                }
            });
        }
        return List.of(
                new Row(members + "-member roster, first page of 100, p50 / p99 (n=" + PAGE_RUNS + "): gateway vs compliance direct",
                        Row.ms(pageGateway.p50()) + " / " + Row.ms(pageGateway.p99()), Row.ms(pageDirect.p50()) + " / " + Row.ms(pageDirect.p99()), "-", ""),
                new Row(members + "-member roster as CSV, p50 / p99 (n=" + CSV_RUNS + "): gateway vs compliance direct",
                        Row.ms(csvGateway.p50()) + " / " + Row.ms(csvGateway.p99()), Row.ms(csvDirect.p50()) + " / " + Row.ms(csvDirect.p99()),
                        "p50 <= 1.2x direct", GatewayOverhead.verdict(csvGateway.p50() <= 1.2 * csvDirect.p50(),
                                String.format("%.2fx", csvGateway.p50() / csvDirect.p50()))));
    }

    private void measure(String path, String accept, String token, int runs, Samples gateway, Samples direct) {
        String viaGateway = context.gateway + path;
        String straight = context.service("compliance") + path;
        for (int i = 0; i < 3; i++) {
            call(viaGateway, accept, token, null);
            call(straight, accept, token, null);
        }
        for (int i = 0; i < runs; i++) {
            call(viaGateway, accept, token, gateway);
            call(straight, accept, token, direct);
        }
    }

    private void call(String url, String accept, String token, Samples samples) {
        long started = System.nanoTime();
        HttpResponse<String> response = context.http.get(url, token, accept);
        long elapsed = System.nanoTime() - started;
        Http.expect(response, 200);
        if (accept.equals("text/csv") && response.body().lines().count() != context.settings.rosterMembers() + 1L) {
            throw new IllegalStateException("the roster CSV has " + response.body().lines().count() + " lines, not "
                    + (context.settings.rosterMembers() + 1));
        }
        if (samples != null) {
            samples.add(elapsed);
        }
    }

    private void seed(String org, int size) throws Exception {
        String prefix = "bench-roster-";
        try (Connection connection = context.connect("compliance")) {
            connection.setAutoCommit(false);
            try (PreparedStatement members = connection.prepareStatement("""
                    insert into roster_member (organization_id, learner_id, staff_ref)
                    select cast(? as uuid), ? || i, 'EMP-' || i from generate_series(1, ?) i""");
                    PreparedStatement consents = connection.prepareStatement("""
                    insert into learner_consent (organization_id, learner_id)
                    select cast(? as uuid), ? || i from generate_series(1, ?) i where i % 10 < 7""");
                    PreparedStatement statuses = connection.prepareStatement("""
                    insert into learner_status (learner_id, credential, status, certified_on, cycle_start, due_date, grace_end,
                        requirements_met, total_shortfall, evaluation, evaluated_on, evaluated_at, status_since)
                    select ? || i, 'CMA_AAMA', (array['COMPLIANT','ON_TRACK','AT_RISK','GRACE','LAPSED'])[1 + i % 5],
                           date '2022-01-31' + (i % 1500), date '2022-01-31' + (i % 1500), date '2027-01-31' + (i % 1500),
                           date '2027-04-30' + (i % 1500), i % 5 = 0, (i % 60), cast('{}' as jsonb), current_date, now(), now()
                    from generate_series(1, ?) i on conflict do nothing""")) {
                for (PreparedStatement statement : List.of(members, consents)) {
                    statement.setString(1, org);
                    statement.setString(2, prefix);
                    statement.setInt(3, size);
                    statement.executeUpdate();
                }
                statuses.setString(1, prefix);
                statuses.setInt(2, size);
                statuses.executeUpdate();
            }
            connection.commit();
            connection.setAutoCommit(true);
            try (Statement analyze = connection.createStatement()) {
                analyze.execute("analyze roster_member, learner_consent, learner_status");
            }
        }
    }
}
