package org.recert.platform.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.scheduler.Scheduled;
import org.jboss.logging.Logger;
import org.recert.platform.PlatformConfig;

/** The ids of applied events guard against redelivery, not history: forgotten after the configured retention. */
@ApplicationScoped
public class ProcessedEventRetention {

    private static final Logger LOG = Logger.getLogger(ProcessedEventRetention.class);

    private final EntityManager entityManager;
    private final PlatformConfig config;

    public ProcessedEventRetention(EntityManager entityManager, PlatformConfig config) {
        this.entityManager = entityManager;
        this.config = config;
    }

    @Scheduled(identity = "platform-processed-event-retention", every = "1h", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void onSchedule() {
        forgetExpired();
    }

    /** Forgets the ids of events applied longer ago than the retention; returns how many. */
    @Transactional
    public int forgetExpired() {
        int forgotten = entityManager.createNativeQuery(
                "delete from processed_event where processed_at < now() - make_interval(secs => ?1)")
                .setParameter(1, (double) config.consumer().processedRetention().toSeconds()).executeUpdate();
        if (forgotten > 0) {
            LOG.infof("forgot %d processed event ids older than %s", forgotten, config.consumer().processedRetention());
        }
        return forgotten;
    }
}
