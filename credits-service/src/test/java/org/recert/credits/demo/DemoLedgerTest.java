package org.recert.credits.demo;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItems;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.recert.credits.Fixtures;
import org.recert.platform.security.DevTokens;

@QuarkusTest
@TestProfile(DemoLedgerTest.WithDemoData.class)
class DemoLedgerTest {

    /** The launcher's setting. */
    public static class WithDemoData implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("recert.demo-data.enabled", "true");
        }
    }

    @Inject
    DemoLedger demo;

    @Inject
    DevTokens tokens;

    @Inject
    EntityManager entityManager;

    @Test
    void shouldLoadTheDemoLedgerOnceThroughTheLedger() {
        demo.onStart(null);
        demo.onStart(null);

        assertThat(Fixtures.count(entityManager, "select count(*) from credit where learner_id = 'maria' and version = 1")).isEqualTo(6);
        assertThat(Fixtures.count(entityManager, "select count(*) from credit where learner_id = 'james'")).isEqualTo(2);
        assertThat(Fixtures.count(entityManager, "select count(*) from outbox_event where event_key in ('maria', 'james')")).isEqualTo(8);
        given().auth().oauth2(Fixtures.learner(tokens, "maria")).get("/api/v1/credits/learners/maria/credits").then().statusCode(200)
                .body("items.activityType", hasItems("CPR_CERTIFICATION", "CONTINUED_EMPLOYMENT", "ONLINE_WORKSHOP"))
                .body("items.approval", hasItems("AAMA", "NON_AAMA"));
    }
}
