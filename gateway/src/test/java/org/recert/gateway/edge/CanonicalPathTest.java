package org.recert.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalPathTest {

    @ParameterizedTest
    @CsvSource({
            "/api/v1/catalog/courses, /api/v1/catalog/courses",
            "/%61pi/v1/catalog/courses, /api/v1/catalog/courses",
            "/api/v1/%63atalog/courses, /api/v1/catalog/courses",
            "/api/v1/compliance/%72oster-checks, /api/v1/compliance/roster-checks",
            "/api/v1/%2e/catalog/%2E%2E/compliance/roster-checks, /api/v1/compliance/roster-checks",
            "/api/v1/catalog/../compliance/roster-checks/, /api/v1/compliance/roster-checks/",
            "/api/v1/catalog/./courses/., /api/v1/catalog/courses/",
            "/api//v1///catalog/courses, /api/v1/catalog/courses",
            "/api/v1/credits/learners/auth0%7cmaria/credits, /api/v1/credits/learners/auth0%7Cmaria/credits",
            "/api/v1/credits/learners/a%25b/credits, /api/v1/credits/learners/a%25b/credits",
            "/api/v1/credits/learners/maria@example.org/credits, /api/v1/credits/learners/maria@example.org/credits",
            "/a/.., /",
            "/, /" })
    void shouldDecideOnTheCanonicalPath(String raw, String canonical) {
        CanonicalPath path = CanonicalPath.of(raw);
        assertThat(path.refusal()).isNull();
        assertThat(path.path()).isEqualTo(canonical);
        assertThat(CanonicalPath.of(canonical).path()).as("idempotent").isEqualTo(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/v1/catalog/courses%2F..%2F..%2Fcredits", "/api/v1/catalog%2fcourses", "/api/v1/catalog%5Ccourses",
            "/api/v1/catalog\\courses", "/api/v1/catalog/courses%00", "/api/v1/catalog/courses%0A", "/api/v1/catalog/courses%zz",
            "/api/v1/catalog/courses%4", "/api/v1/catalog/courses%", "/../api/v1/catalog/courses", "/api/../../v1",
            "/api/v1/compliance/roster-checks;x=1", "/api/v1/compliance/roster-checks%3Bx=1", "/api/v1/catalog/caf\u00e9",
            "/api/v1/catalog/a b", "api/v1/catalog", "" })
    void shouldRefuseAPathAServiceCouldReadOtherwise(String raw) {
        CanonicalPath path = CanonicalPath.of(raw);
        assertThat(path.isRefused()).isTrue();
        assertThat(path.path()).isNull();
    }
}
