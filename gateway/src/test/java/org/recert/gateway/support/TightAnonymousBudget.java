package org.recert.gateway.support;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Callers without a valid token may try twice a minute per address; the gateway stands behind an ingress on this host. */
public class TightAnonymousBudget implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("recert.gateway.rate-limits.anonymous.limit", "2",
                "recert.gateway.rate-limits.trusted-proxies", "127.0.0.1,::1");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(FakeServices.class));
    }
}
