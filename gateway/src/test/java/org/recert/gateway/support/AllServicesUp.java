package org.recert.gateway.support;

import java.util.List;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The gateway in front of three running services. */
public class AllServicesUp implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(FakeServices.class));
    }
}
