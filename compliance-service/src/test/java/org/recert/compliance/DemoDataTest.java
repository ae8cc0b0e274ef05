package org.recert.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.recert.compliance.demo.DemoData;

@QuarkusTest
class DemoDataTest {

    @Inject
    DemoData demoData;

    @Inject
    TestDatabase database;

    @Test
    void shouldCertifyTheDemoLearnersOnceHoweverOftenItLoads() {
        demoData.load();
        demoData.load();

        assertThat(database.rows("""
                select learner_id, certified_on, due_date from certification
                where learner_id in ('maria', 'james') and credential = 'CMA_AAMA' order by learner_id"""))
                .containsExactly("[james, 2024-06-01, 2029-06-30]", "[maria, 2022-03-15, 2027-03-31]");
    }
}
