package org.recert.compliance.employers;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.util.Set;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.recert.compliance.demo.DemoData;

@QuarkusTest
class EmployerDemoDataTest {

    private static final String CARE_CLINIC = "22222222-2222-4222-8222-222222222222";

    @Inject
    DemoData learnerDemo;

    @Inject
    EmployerDemoData employerDemo;

    @Inject
    EmployerFixtures fx;

    @Test
    void shouldShowCarlaHerClinicsRosterWithMariaVisibleAndJamesPending() {
        learnerDemo.load();
        employerDemo.load();
        employerDemo.load();

        fx.as("hr-carla", Set.of("employer"), CARE_CLINIC).queryParam("sort", "learnerId")
                .get("/api/v1/compliance/organizations/" + CARE_CLINIC + "/roster").then().statusCode(200)
                .body("items.learnerId", contains("james", "maria"))
                .body("items[0].consent", equalTo("PENDING")).body("items[0]", not(hasKey("status")))
                .body("items[1].consent", equalTo("GRANTED")).body("items[1].credential", equalTo("CMA_AAMA"))
                .body("items[1].status", notNullValue()).body("items[1].dueDate", equalTo("2027-03-31"));
    }
}
