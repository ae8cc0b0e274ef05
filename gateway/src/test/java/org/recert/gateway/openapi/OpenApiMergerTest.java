package org.recert.gateway.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class OpenApiMergerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    private final OpenApiMerger merger = new OpenApiMerger("Recert API", "1.0.0", "/", "Proprietary");

    @Test
    void shouldKeepOneCopyOfASchemaThatServicesDefineIdentically() throws Exception {
        ObjectNode merged = merger.merge(null, path -> true, List.of(
                service("catalog", "{\"paths\":{\"/api/v1/catalog/courses\":{\"get\":{\"operationId\":\"list\",\"responses\":{}}}},"
                        + "\"components\":{\"schemas\":{\"Problem\":{\"title\":\"shared\"}}}}"),
                service("credits", "{\"paths\":{\"/api/v1/credits/x\":{\"get\":{\"operationId\":\"list\",\"responses\":{}}}},"
                        + "\"components\":{\"schemas\":{\"Problem\":{\"title\":\"shared\"}}}}")), NOW);
        assertThat(merged.at("/components/schemas/Problem/title").asText()).isEqualTo("shared");
        assertThat(merged.at("/paths/~1api~1v1~1catalog~1courses/get/operationId").asText()).isEqualTo("list");
        assertThat(merged.at("/paths/~1api~1v1~1credits~1x/get/operationId").asText()).isEqualTo("creditsList");
    }

    @Test
    void shouldFailOnASameNamedComponentWhoseContentDiffers() throws Exception {
        List<ServiceDocument> services = List.of(
                service("catalog", "{\"components\":{\"schemas\":{\"Credit\":{\"properties\":{\"amount\":{\"type\":\"number\"}}}}}}"),
                service("credits", "{\"components\":{\"schemas\":{\"Credit\":{\"properties\":{\"amount\":{\"$ref\":\"#/components/schemas/Amount\"}}}},"
                        + "\"responses\":{\"Gone\":{\"description\":\"gone\"}}}}"),
                service("compliance", "{\"components\":{\"responses\":{\"Gone\":{\"description\":\"revoked\"}}}}"));

        assertThatThrownBy(() -> merger.merge(null, path -> true, services, NOW))
                .isInstanceOf(OpenApiMerger.ConflictingComponents.class)
                .satisfies(thrown -> assertThat(((OpenApiMerger.ConflictingComponents) thrown).conflicts()).containsExactly(
                        "components/schemas/Credit of credits differs from catalog's",
                        "components/responses/Gone of compliance differs from credits's"));
    }

    @Test
    void shouldPrefixPathsWithTheServicesRelativeServer() throws Exception {
        ObjectNode merged = merger.merge(null, path -> true, List.of(
                service("catalog", "{\"servers\":[{\"url\":\"/api/v1\"}],\"paths\":{\"/catalog/courses\":{\"get\":{\"responses\":{}}}}}")), NOW);
        assertThat(merged.at("/paths").has("/api/v1/catalog/courses")).isTrue();
        assertThat(merged.at("/paths/~1api~1v1~1catalog~1courses/get/operationId").asText()).isEqualTo("getCatalogCourses");
        assertThat(merged.at("/paths/~1api~1v1~1catalog~1courses/get/tags/0").asText()).isEqualTo("Catalog");
        assertThat(merged.at("/paths/~1api~1v1~1catalog~1courses/get/responses/429/$ref").asText())
                .isEqualTo("#/components/responses/TooManyRequests");
        // the gateway itself refuses a bad path (400) or an overlong target (414) before any service sees them
        assertThat(merged.at("/paths/~1api~1v1~1catalog~1courses/get/responses/400/$ref").asText())
                .isEqualTo("#/components/responses/BadPath");
        assertThat(merged.at("/paths/~1api~1v1~1catalog~1courses/get/responses/414/$ref").asText())
                .isEqualTo("#/components/responses/UriTooLong");
        assertThat(merged.at("/components/responses/BadPath/content/application~1problem+json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/Problem");
        assertThat(merged.at("/components/responses/BadPath/headers").has("Retry-After")).isFalse();
        assertThat(merged.at("/components/responses/TooManyRequests/headers").has("Retry-After")).isTrue();
    }

    @Test
    void shouldNameTheLicenseWithAnSpdxIdentifierSoThatClientGeneratorsAcceptIt() {
        ObjectNode merged = merger.merge(null, path -> true, List.of(), NOW);
        assertThat(merged.at("/info/license/name").asText()).isEqualTo("Proprietary");
        assertThat(merged.at("/info/license/identifier").asText()).isEqualTo("LicenseRef-Proprietary");
    }

    @Test
    void shouldSayWhichServiceIsMissing() {
        ObjectNode merged = merger.merge(null, path -> true, List.of(
                new ServiceDocument("compliance", "/api/v1/compliance", null, null, "unreachable")), NOW);
        assertThat(merged.at("/info/description").asText())
                .contains("**compliance**: unavailable (unreachable); its endpoints are missing");
    }

    @Test
    void shouldMakeOperationIdsUnique() {
        Set<String> used = new HashSet<>();
        assertThat(OpenApiMerger.uniqueOperationId("get", "catalog", "get", "/a", used)).isEqualTo("get");
        assertThat(OpenApiMerger.uniqueOperationId("get", "credits", "get", "/b", used)).isEqualTo("creditsGet");
        assertThat(OpenApiMerger.uniqueOperationId("", "credits", "post", "/api/v1/credits/learners/{learnerId}/credits", used))
                .isEqualTo("postCreditsLearnersLearnerIdCredits");
    }

    private static ServiceDocument service(String name, String document) throws Exception {
        return new ServiceDocument(name, "/api/v1/" + name, (ObjectNode) JSON.readTree(document), NOW, null);
    }
}
