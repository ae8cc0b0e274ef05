package org.recert.platform.testapp;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.recert.platform.events.EventHandler;
import org.recert.platform.events.IncomingEvent;

/** Records every note event it applies; refuses a note whose body is "poison". */
@ApplicationScoped
public class NoteHandler implements EventHandler {

    private final EntityManager entityManager;

    public NoteHandler(EntityManager entityManager) {
        this.entityManager = entityManager;
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
    }
}
