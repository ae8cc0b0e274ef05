package org.recert.platform.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.recert.platform.security.DevTokens;

/** A batch larger than one statement's chunk: every event written, with ids in the order the batch listed them. */
@QuarkusTest
class OutboxBatchTest {

    @Inject
    DevTokens tokens;

    @Inject
    EntityManager entityManager;

    @Test
    void shouldWriteABatchOfMoreThanOneChunkWholeAndInListOrder() {
        String run = "chunks-" + UUID.randomUUID().toString().substring(0, 8);
        int size = RowsPerStatement.MOST + 3;
        List<Map<String, String>> notes = new ArrayList<>();
        for (int n = 0; n < size; n++) {
            notes.add(Map.of("id", run + "#" + n, "body", String.format("%05d", n), "stream", run));
        }
        given().auth().oauth2(tokens.mint("learner-1", Set.of("learner"), null, null, Duration.ofMinutes(5)))
                .contentType(ContentType.JSON).body(notes)
                .when().post("/api/v1/notes/batch")
                .then().statusCode(200);

        List<String> bodies = QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("select payload ->> 'body' from outbox_event where event_key = ?1 order by id", String.class)
                .setParameter(1, run).getResultList());
        assertThat(bodies).as("the batch's events by outbox id").hasSize(size).isSorted();
        assertThat(bodies.get(size - 1)).isEqualTo(String.format("%05d", size - 1));
    }
}
