package org.recert.gateway.support;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The gateway while every service's document defines a schema named {@code Shared}, each with other content. */
public class ConflictingSchemas implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(FakeServices.class, Map.of("conflicting-schemas", "true")));
    }
}
