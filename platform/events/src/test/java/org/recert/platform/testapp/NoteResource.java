package org.recert.platform.testapp;

import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.recert.platform.events.Outbox;
import org.recert.platform.problem.ProblemException;
import org.recert.platform.security.Caller;
import org.recert.platform.security.Roles;

/** A tiny service used to test the kit: a note and its event commit together. */
@Path("/notes")
public class NoteResource {

    public static final String TOPIC = "platform.notes.v1";

    /** {@code stream}: the event key, so that several notes can share one ordered stream (default: the id). */
    public record NewNote(@NotBlank @Size(max = 40) String id, @NotBlank String body, String stream) {
    }

    private final EntityManager entityManager;
    private final Outbox outbox;
    private final Caller caller;

    public NoteResource(EntityManager entityManager, Outbox outbox, Caller caller) {
        this.entityManager = entityManager;
        this.outbox = outbox;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.LEARNER)
    @Transactional
    public Map<String, String> create(@Valid NewNote note, @QueryParam("failAfterPublish") boolean failAfterPublish) {
        entityManager.createNativeQuery("insert into test_note (id, owner, body) values (?1, ?2, ?3)")
                .setParameter(1, note.id()).setParameter(2, caller.subject()).setParameter(3, note.body())
                .executeUpdate();
        outbox.publish(TOPIC, note.stream() == null ? note.id() : note.stream(), "NoteCreated", Map.of("id", note.id(), "body", note.body()));
        if (failAfterPublish) {
            throw ProblemException.unprocessable("body", "refused after the event was written");
        }
        return Map.of("id", note.id());
    }

    /** Many notes of one stream at once, their events written in one statement. */
    @POST
    @Path("/batch")
    @RolesAllowed(Roles.LEARNER)
    @Transactional
    public Map<String, Integer> createAll(@Valid java.util.List<@Valid NewNote> notes) {
        java.util.List<Outbox.Keyed> events = new java.util.ArrayList<>();
        for (NewNote note : notes) {
            entityManager.createNativeQuery("insert into test_note (id, owner, body) values (?1, ?2, ?3)")
                    .setParameter(1, note.id()).setParameter(2, caller.subject()).setParameter(3, note.body())
                    .executeUpdate();
            events.add(new Outbox.Keyed(note.stream() == null ? note.id() : note.stream(), Map.of("id", note.id(), "body", note.body())));
        }
        outbox.publishAll(TOPIC, "NoteCreated", events);
        return Map.of("created", notes.size());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.LEARNER, Roles.ADMIN })
    public Map<String, Object> read(@PathParam("id") String id) {
        java.util.List<?> rows = entityManager.createNativeQuery("select owner, body from test_note where id = ?1")
                .setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("note " + id);
        }
        Object[] row = (Object[]) rows.get(0);
        caller.requireSelfOrAdmin((String) row[0], "note " + id);
        return Map.of("id", id, "body", row[1]);
    }
}
