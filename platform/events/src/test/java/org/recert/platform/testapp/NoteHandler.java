package org.recert.platform.testapp;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.recert.platform.events.EventHandler;
import org.recert.platform.events.IncomingEvent;

/**
 * Records every note event it applies; refuses a note whose body is "poison". At the end of each batch it records
 * one row {@code end!<key>} per note key the batch touched (as a service evaluates each touched learner once), a key
 * other tests' {@code like '<run>%'} counts do not match.
 */
@ApplicationScoped
public class NoteHandler implements EventHandler {

    private final EntityManager entityManager;
    private final TransactionSynchronizationRegistry transactions;

    public NoteHandler(EntityManager entityManager, TransactionSynchronizationRegistry transactions) {
        this.entityManager = entityManager;
        this.transactions = transactions;
    }

    @Override
    public Set<String> topics() {
        return Set.of(NoteResource.TOPIC);
    }

    @Override
    public void handle(IncomingEvent event) {
        String body = event.data().path("body").asText();
        if (body.equals("poison")) {
            throw new IllegalStateException("this note can never be applied");
        }
        entityManager.createNativeQuery("insert into test_applied (event_id, note_key, body) values (?1, ?2, ?3)")
                .setParameter(1, event.id()).setParameter(2, event.key()).setParameter(3, body)
                .executeUpdate();
        touchedKeys().add(event.key());
    }

    @Override
    public void endOfBatch() {
        Set<String> keys = touchedKeys();
        for (String key : keys) {
            entityManager.createNativeQuery("insert into test_applied (event_id, note_key, body) values (?1, ?2, 'end')")
                    .setParameter(1, "end-" + UUID.randomUUID()).setParameter(2, "end!" + key).executeUpdate();
        }
        keys.clear();
    }

    @SuppressWarnings("unchecked")
    private Set<String> touchedKeys() {
        Set<String> keys = (Set<String>) transactions.getResource(NoteHandler.class);
        if (keys == null) {
            keys = new LinkedHashSet<>();
            transactions.putResource(NoteHandler.class, keys);
        }
        return keys;
    }
}
