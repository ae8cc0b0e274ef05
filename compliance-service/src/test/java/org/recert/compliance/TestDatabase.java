package org.recert.compliance;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** Reads the service's tables directly, as a witness independent of the API. */
@ApplicationScoped
public class TestDatabase {

    private final EntityManager entityManager;

    public TestDatabase(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public long count(String sql, Object... parameters) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = entityManager.createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return ((Number) query.getSingleResult()).longValue();
        });
    }

    @SuppressWarnings("unchecked")
    public List<Object> rows(String sql, Object... parameters) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = entityManager.createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return (List<Object>) query.getResultList().stream()
                    .map(row -> row instanceof Object[] array ? java.util.Arrays.asList(array).toString() : String.valueOf(row)).toList();
        });
    }

    /** Runs an insert, update or delete in its own transaction; returns the rows it changed. */
    public int update(String sql, Object... parameters) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = entityManager.createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return query.executeUpdate();
        });
    }

    public String storedStatus(String learnerId, String credential) {
        List<Object> rows = rows("select status from learner_status where learner_id = ?1 and credential = ?2", learnerId, credential);
        return rows.isEmpty() ? null : (String) rows.get(0);
    }
}
