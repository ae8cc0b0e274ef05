package org.recert.compliance.employers;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** With the production setting, a subscription cannot point webhooks into the cluster or the cloud's metadata service. */
@QuarkusTest
@TestProfile(PrivateTargetsRefusedTest.Production.class)
class PrivateTargetsRefusedTest {

    public static class Production implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("recert.webhooks.allow-private-targets", "false");
        }
    }

    @Inject
    EmployerFixtures fx;

    @ParameterizedTest
    @ValueSource(strings = { "http://127.0.0.1:8083/api/v1/compliance/credentials", "http://localhost/hooks", "http://10.0.0.12/hooks",
            "http://169.254.169.254/latest/meta-data/", "http://[::1]/hooks", "http://192.168.0.10:8443/hooks" })
    void shouldRefuseAWebhookOnAPrivateOrLoopbackAddress(String url) {
        String org = fx.createOrganization("Prod Clinic " + EmployerFixtures.uniqueLearner("o"));
        fx.employerOf(org).body(Map.of("url", url, "events", List.of("compliance.status.changed")))
                .post("/api/v1/compliance/organizations/" + org + "/webhooks")
                .then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("url")).body("detail", containsString("private, loopback or link-local"));
    }
}
