package org.recert.compliance.employers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Measures the roster on 10,000 members (70% consenting, statuses spread over five values) and logs the
 * timings; it asserts only on the results, never on the times, which depend on the machine.
 */
@QuarkusTest
class RosterScaleTest {

    private static final Logger LOG = Logger.getLogger(RosterScaleTest.class);
    private static final int MEMBERS = 10_000;

    @Inject
    EmployerFixtures fx;

    @Inject
    EntityManager entityManager;

    @Test
    void shouldServeAFilteredPageAndTheFullCsvOfTenThousandMembersQuickly() {
        String org = fx.createOrganization("Big Hospital " + UUID.randomUUID());
        String prefix = "big-" + org.substring(0, 8) + "-";
        long seeded = System.nanoTime();
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("""
                    insert into roster_member (organization_id, learner_id, staff_ref)
                    select cast(?1 as uuid), ?2 || i, 'EMP-' || i from generate_series(1, ?3) i""")
                    .setParameter(1, org).setParameter(2, prefix).setParameter(3, MEMBERS).executeUpdate();
            entityManager.createNativeQuery("""
                    insert into learner_consent (organization_id, learner_id)
                    select cast(?1 as uuid), ?2 || i from generate_series(1, ?3) i where i % 10 < 7""")
                    .setParameter(1, org).setParameter(2, prefix).setParameter(3, MEMBERS).executeUpdate();
            entityManager.createNativeQuery("""
                    insert into learner_status (learner_id, credential, status, certified_on, cycle_start, due_date, grace_end,
                        requirements_met, total_shortfall, evaluation, evaluated_on, evaluated_at, status_since)
                    select ?1 || i, 'CMA_AAMA', (array['COMPLIANT','ON_TRACK','AT_RISK','GRACE','LAPSED'])[1 + i % 5],
                           date '2022-01-31' + (i % 1500), date '2022-01-31' + (i % 1500), date '2027-01-31' + (i % 1500),
                           date '2027-04-30' + (i % 1500), i % 5 = 0, (i % 60), cast('{}' as jsonb), current_date, now(), now()
                    from generate_series(1, ?2) i""")
                    .setParameter(1, prefix).setParameter(2, MEMBERS).executeUpdate();
        });
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("analyze roster_member, learner_consent, learner_status").executeUpdate());
        LOG.infof("roster scale: seeded %d members in %d ms", MEMBERS, (System.nanoTime() - seeded) / 1_000_000);

        String roster = "/api/v1/compliance/organizations/" + org + "/roster";
        Supplier<Response> filteredPage = () -> fx.employerOf(org).queryParam("status", "AT_RISK").queryParam("dueBefore", "2029-01-01")
                .queryParam("limit", 50).get(roster);
        String deepCursor = fx.employerOf(org).queryParam("status", "AT_RISK").queryParam("limit", 500).get(roster).path("nextCursor");
        Supplier<Response> deepPage = () -> fx.employerOf(org).queryParam("status", "AT_RISK").queryParam("limit", 50)
                .queryParam("cursor", deepCursor).get(roster);
        Supplier<Response> csv = () -> fx.employerOf(org).accept("text/csv").get(roster);
        List<String> ids = IntStream.rangeClosed(1, 1000).mapToObj(i -> prefix + (i * 7)).toList();
        Supplier<Response> check = () -> fx.employerOf(org).body(Map.of("credential", "CMA_AAMA", "learnerIds", ids))
                .post("/api/v1/compliance/roster-checks");

        Response page = filteredPage.get();
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.<List<String>>path("items.status")).hasSize(50).containsOnly("AT_RISK");
        assertThat(deepPage.get().<List<String>>path("items.status")).hasSize(50);
        String body = csv.get().asString();
        assertThat(body.lines().count()).isEqualTo(MEMBERS + 1L);
        assertThat(check.get().<List<Boolean>>path("results.visible")).hasSize(1000).contains(true, false);

        List<Long> filtered = times(filteredPage, 40);
        LOG.infof("roster scale: filtered page (status+dueBefore, 50 rows) median %d ms, p95 %d ms, max %d ms",
                filtered.get(filtered.size() / 2), filtered.get((int) Math.ceil(filtered.size() * 0.95) - 1), filtered.get(filtered.size() - 1));
        LOG.infof("roster scale: first page, all members, 50 rows, median %d ms", median(() -> fx.employerOf(org).queryParam("limit", 50).get(roster), 20));
        LOG.infof("roster scale: page after a 500-row cursor median %d ms", median(deepPage, 10));
        LOG.infof("roster scale: full CSV of %d lines median %d ms", MEMBERS + 1, median(csv, 5));
        LOG.infof("roster scale: roster check of 1,000 learner ids median %d ms", median(check, 10));
    }

    private static long median(Supplier<Response> call, int runs) {
        List<Long> times = times(call, runs);
        return times.get(times.size() / 2);
    }

    private static List<Long> times(Supplier<Response> call, int runs) {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            Response response = call.get();
            response.asByteArray();
            assertThat(response.statusCode()).isEqualTo(200);
            times.add((System.nanoTime() - start) / 1_000_000);
        }
        Collections.sort(times);
        return times;
    }
}
