package org.recert.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Processed event ids are kept for the configured retention (30 days), then forgotten. */
@QuarkusTest
class ProcessedEventRetentionTest {

    @Inject
    ProcessedEventRetention retention;

    @Inject
    EntityManager entityManager;

    @Test
    void shouldForgetProcessedEventIdsOlderThanTheRetentionAndKeepTheRest() {
        String old = "old-" + UUID.randomUUID();
        String recent = "recent-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                insert into processed_event (consumer, event_id, topic, processed_at)
                values ('retention-test', ?1, 't', now() - interval '31 days'), ('retention-test', ?2, 't', now() - interval '29 days')""")
                .setParameter(1, old).setParameter(2, recent).executeUpdate());

        assertThat(retention.forgetExpired()).isGreaterThanOrEqualTo(1);

        assertThat(ids()).contains(recent).doesNotContain(old);
    }

    @SuppressWarnings("unchecked")
    private java.util.List<String> ids() {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "select event_id from processed_event where consumer = 'retention-test'").getResultList());
    }
}
