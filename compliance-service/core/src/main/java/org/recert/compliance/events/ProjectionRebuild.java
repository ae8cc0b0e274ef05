package org.recert.compliance.events;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;
import org.recert.compliance.service.ComplianceConfig;
import org.recert.compliance.status.LearnerStatusService;
import org.recert.platform.PlatformConfig;
import org.recert.platform.events.EventConsumer;
import org.recert.platform.events.IncomingEvent;
import org.recert.platform.events.KafkaClients;
import org.recert.contracts.Topics;
import org.recert.platform.events.TopicHistory;
import org.recert.platform.problem.ProblemException;

/**
 * Rebuilds the credits and course projections from their topics: clears them and this consumer's processed ids, notes
 * where each partition ends now, and replays from the beginning. While the replay runs, credit events update credits
 * but do not evaluate (an intermediate state is not a status change); once every partition reached its noted end, every
 * certified learner is evaluated once, so that only a real difference from the stored status emits an event.
 *
 * <p>With several replicas the running rebuild's row is the signal: each replica replays the partitions it holds once
 * it sees the row (at once on the one that took the request, within a second on the others, and when it handles any
 * event), and a partition assigned to a replica while it is not yet reached is read from its beginning, wherever it
 * was before. A partition counts as reached only on a replica that read it from its beginning for this rebuild, so
 * every record up to the noted end was applied after the clearing (or is a duplicate of one that was).
 *
 * <p>A rebuild refuses to start when a topic no longer holds its whole history (records deleted, or a retention that
 * will delete them): the replay would silently lose credits. One that does not reach the ends within the configured
 * timeout fails, with the reason, rather than completing on partial data; until a later rebuild completes, no status is
 * published from the projection ({@link org.recert.compliance.status.ProjectionTrust}).
 */
@ApplicationScoped
public class ProjectionRebuild implements EventConsumer.ReadFromStart {

    private static final Logger LOG = Logger.getLogger(ProjectionRebuild.class);
    static final List<String> TOPICS = List.of(Topics.CREDITS_LEDGER, Topics.CATALOG_COURSE);

    private final EntityManager entityManager;
    private final EventConsumer consumer;
    private final KafkaClients kafka;
    private final PlatformConfig platform;
    private final LearnerStatusService statuses;
    private final ComplianceConfig config;
    /** The latest rebuild this replica asked its consumer to replay for. */
    private final AtomicLong replayRequested = new AtomicLong();
    /** Partitions this replica reads from their beginning, with the rebuild they are read for (consumer thread). */
    private final Map<TopicPartition, Long> readFromStartFor = new ConcurrentHashMap<>();

    private final TransactionSynchronizationRegistry transactions;

    public ProjectionRebuild(EntityManager entityManager, EventConsumer consumer, KafkaClients kafka, PlatformConfig platform,
            LearnerStatusService statuses, ComplianceConfig config, TransactionSynchronizationRegistry transactions) {
        this.config = config;
        this.transactions = transactions;
        this.entityManager = entityManager;
        this.consumer = consumer;
        this.kafka = kafka;
        this.platform = platform;
        this.statuses = statuses;
    }

    public record PartitionProgress(String topic, int partition, long endOffset, boolean reached) {
    }

    @Schema(name = "ProjectionRebuild", example = """
            {"id":3,"requestedAt":"2026-01-31T10:00:00Z","requestedBy":"ops","completedAt":null,"state":"RUNNING","failure":null,
             "partitions":[{"topic":"credits.ledger.v1","partition":0,"endOffset":1204,"reached":false}]}""")
    public record RebuildView(long id, OffsetDateTime requestedAt, String requestedBy, OffsetDateTime completedAt,
            @Schema(enumeration = {"RUNNING", "COMPLETED", "FAILED"}) String state,
            @Schema(description = "Why the rebuild failed; statuses stay unpublished until a later rebuild completes") String failure,
            List<PartitionProgress> partitions) {
    }

    /**
     * Starts a rebuild; 409 while one runs or when the topics no longer hold their whole history, 503 when Kafka cannot
     * say where the topics start and end.
     */
    public RebuildView start(String requestedBy) {
        long id = begin(requestedBy);
        LOG.infof("projection rebuild %d requested by %s: replaying %s", id, requestedBy, TOPICS);
        requestReplay(id);
        return view(id);
    }

    /** Clears the projections and notes where the topics end, in one transaction: the running rebuild's row is the signal. */
    long begin(String requestedBy) {
        Map<TopicPartition, long[]> offsets = offsets();
        return QuarkusTransaction.requiringNew().call(() -> {
            entityManager.createNativeQuery("lock table projection_rebuild in exclusive mode").executeUpdate();
            if (activeId() != null) {
                throw ProblemException.conflict("a projection rebuild is already running");
            }
            entityManager.createNativeQuery("delete from learner_credit").executeUpdate();
            entityManager.createNativeQuery("delete from catalog_course").executeUpdate();
            entityManager.createNativeQuery("delete from projection_rebuild_learner").executeUpdate();
            entityManager.createNativeQuery("delete from processed_event where consumer = ?1 and topic in (?2, ?3)")
                    .setParameter(1, platform.service()).setParameter(2, TOPICS.get(0)).setParameter(3, TOPICS.get(1))
                    .executeUpdate();
            long rebuildId = ((Number) entityManager.createNativeQuery("""
                    insert into projection_rebuild (requested_at, requested_by) values (now(), ?1) returning id""")
                    .setParameter(1, requestedBy).getSingleResult()).longValue();
            offsets.forEach((partition, range) -> entityManager.createNativeQuery("""
                    insert into projection_rebuild_partition (rebuild_id, topic, partition, end_offset, reached)
                    values (?1, ?2, ?3, ?4, ?5)""")
                    .setParameter(1, rebuildId).setParameter(2, partition.topic()).setParameter(3, partition.partition())
                    .setParameter(4, range[1]).setParameter(5, range[1] <= range[0]).executeUpdate());
            completeIfCaughtUp(rebuildId);
            return rebuildId;
        });
    }

    /** Replays this replica's partitions for a running rebuild it has not replayed for yet (the others' requests). */
    @Scheduled(identity = "compliance-rebuild-follow", every = "1s", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void followRunningRebuild() {
        Long id = QuarkusTransaction.requiringNew().call(this::activeId);
        if (id != null && replayRequested.get() < id) {
            LOG.infof("projection rebuild %d is running: replaying this replica's partitions", id);
            requestReplay(id);
        }
    }

    private void requestReplay(long id) {
        replayRequested.accumulateAndGet(id, Math::max);
        consumer.replayFromStart();
    }

    /** Newly assigned partitions not yet reached by the running rebuild are read from their beginning. */
    @Override
    public Set<TopicPartition> onAssigned(Set<TopicPartition> assigned) {
        assigned.forEach(readFromStartFor::remove);
        return QuarkusTransaction.requiringNew().call(() -> {
            Long id = activeId();
            if (id == null) {
                return Set.of();
            }
            Set<TopicPartition> fromStart = new java.util.HashSet<>();
            for (Object result : entityManager.createNativeQuery("""
                    select topic, partition from projection_rebuild_partition where rebuild_id = ?1 and not reached""")
                    .setParameter(1, id).getResultList()) {
                Object[] row = (Object[]) result;
                TopicPartition partition = new TopicPartition((String) row[0], ((Number) row[1]).intValue());
                if (assigned.contains(partition)) {
                    fromStart.add(partition);
                    readFromStartFor.put(partition, id);
                }
            }
            if (!fromStart.isEmpty()) {
                LOG.infof("projection rebuild %d: %s assigned here before reaching their end; reading them from the beginning",
                        id, fromStart);
            }
            return fromStart;
        });
    }

    @Override
    public void onReplay(Set<TopicPartition> partitions) {
        long id = replayRequested.get();
        partitions.forEach(partition -> readFromStartFor.put(partition, id));
    }

    /** True while a rebuild runs. */
    public boolean active() {
        return activeIdOfTransaction() != null;
    }

    /** Notes that the replay got past an event; completes the rebuild once every partition reached its end. */
    public void track(IncomingEvent event) {
        track(event.topic(), event.partition(), event.offset());
    }

    /** A record parked on the dead-letter topic was read all the same: the replay got past it. */
    @Override
    public void onParked(String topic, int partition, long offset) {
        if (TOPICS.contains(topic)) {
            QuarkusTransaction.requiringNew().run(() -> track(topic, partition, offset));
        }
    }

    private void track(String topic, int partition, long offset) {
        Long id = activeIdOfTransaction();
        if (id == null) {
            return;
        }
        if (replayRequested.get() < id) {
            requestReplay(id);
        }
        if (!id.equals(readFromStartFor.get(new TopicPartition(topic, partition)))) {
            // read from where this replica stood before the rebuild: earlier records may not have been replayed yet
            return;
        }
        int reached = entityManager.createNativeQuery("""
                update projection_rebuild_partition set reached = true
                where rebuild_id = ?1 and topic = ?2 and partition = ?3 and not reached and end_offset <= ?4""")
                .setParameter(1, id).setParameter(2, topic).setParameter(3, partition)
                .setParameter(4, offset + 1).executeUpdate();
        if (reached > 0) {
            completeIfCaughtUp(id);
        }
    }

    /**
     * Fails a rebuild that waited longer than the configured timeout for the replay to catch up: completing it would
     * evaluate and publish statuses from a projection that may miss credits.
     */
    @Scheduled(identity = "compliance-rebuild-watch", every = "10s", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void failStalled() {
        QuarkusTransaction.requiringNew().run(() -> {
            List<?> stalled = entityManager.createNativeQuery("""
                    select id from projection_rebuild where completed_at is null and failed_at is null
                    and requested_at < now() - make_interval(secs => ?1) for update skip locked""")
                    .setParameter(1, (double) config.rebuildTimeout().toSeconds()).getResultList();
            for (Object id : stalled) {
                @SuppressWarnings("unchecked")
                List<String> unreached = entityManager.createNativeQuery("""
                        select topic || '-' || partition || ' (end ' || end_offset || ')' from projection_rebuild_partition
                        where rebuild_id = ?1 and not reached order by topic, partition""").setParameter(1, id).getResultList();
                String failure = "the replay did not reach the end of " + String.join(", ", unreached) + " within "
                        + config.rebuildTimeout() + "; statuses are not published until a rebuild completes (start a new one)";
                entityManager.createNativeQuery("update projection_rebuild set failed_at = now(), failure = ?2 where id = ?1")
                        .setParameter(1, id).setParameter(2, failure).executeUpdate();
                LOG.errorf("projection rebuild %s FAILED: %s", id, failure);
            }
        });
    }

    /** A learner whose credits changed during the replay. */
    public void markDirty(String learnerId) {
        entityManager.createNativeQuery("insert into projection_rebuild_learner (learner_id) values (?1) on conflict do nothing")
                .setParameter(1, learnerId).executeUpdate();
    }

    /** The latest rebuild, if any. */
    public RebuildView latest() {
        List<?> ids = entityManager.createNativeQuery("select id from projection_rebuild order by id desc limit 1").getResultList();
        if (ids.isEmpty()) {
            throw ProblemException.notFound("projection rebuild");
        }
        return view(((Number) ids.get(0)).longValue());
    }

    private void completeIfCaughtUp(long id) {
        // replicas reaching the last partitions at once take turns here, so the last of them sees all reached
        if (entityManager.createNativeQuery("""
                select id from projection_rebuild where id = ?1 and completed_at is null and failed_at is null for update""")
                .setParameter(1, id).getResultList().isEmpty()) {
            return;
        }
        Number pending = (Number) entityManager.createNativeQuery(
                "select count(*) from projection_rebuild_partition where rebuild_id = ?1 and not reached")
                .setParameter(1, id).getSingleResult();
        if (pending.longValue() > 0) {
            return;
        }
        // completed first: from here on, in this transaction, the projection is trusted again and statuses publish once
        entityManager.createNativeQuery("update projection_rebuild set completed_at = now() where id = ?1")
                .setParameter(1, id).executeUpdate();
        if (transactions.getTransactionKey() != null) {
            transactions.putResource(ActiveRebuild.class, Optional.empty());
        }
        @SuppressWarnings("unchecked")
        List<String> learners = entityManager.createNativeQuery("""
                select distinct learner_id from certification where superseded_at is null order by learner_id""").getResultList();
        for (String learner : learners) {
            statuses.refreshLearner(learner);
        }
        entityManager.createNativeQuery("delete from projection_rebuild_learner").executeUpdate();
        LOG.infof("projection rebuild %d caught up: %d certified learners evaluated", id, learners.size());
    }

    /**
     * The running rebuild as this transaction first saw it (completing it here clears it): a consumer's batch of events
     * asks PostgreSQL once, not twice per event.
     */
    private Long activeIdOfTransaction() {
        if (transactions.getTransactionKey() == null) {
            return activeId();
        }
        @SuppressWarnings("unchecked")
        Optional<Long> seen = (Optional<Long>) transactions.getResource(ActiveRebuild.class);
        if (seen == null) {
            seen = Optional.ofNullable(activeId());
            transactions.putResource(ActiveRebuild.class, seen);
        }
        return seen.orElse(null);
    }

    /** The transaction resource key of {@link #activeIdOfTransaction()}. */
    private enum ActiveRebuild {
    }

    private Long activeId() {
        List<?> ids = entityManager.createNativeQuery(
                "select id from projection_rebuild where completed_at is null and failed_at is null").getResultList();
        return ids.isEmpty() ? null : ((Number) ids.get(0)).longValue();
    }

    private RebuildView view(long id) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            Object[] row = (Object[]) entityManager.createNativeQuery(
                    "select id, requested_at, requested_by, completed_at, failed_at, failure from projection_rebuild where id = ?1")
                    .setParameter(1, id).getSingleResult();
            List<PartitionProgress> partitions = new ArrayList<>();
            for (Object result : entityManager.createNativeQuery("""
                    select topic, partition, end_offset, reached from projection_rebuild_partition
                    where rebuild_id = ?1 order by topic, partition""").setParameter(1, id).getResultList()) {
                Object[] p = (Object[]) result;
                partitions.add(new PartitionProgress((String) p[0], ((Number) p[1]).intValue(), ((Number) p[2]).longValue(),
                        (Boolean) p[3]));
            }
            OffsetDateTime completed = timestamp(row[3]);
            String state = completed != null ? "COMPLETED" : row[4] != null ? "FAILED" : "RUNNING";
            return new RebuildView(((Number) row[0]).longValue(), timestamp(row[1]), (String) row[2], completed, state,
                    (String) row[5], partitions);
        });
    }

    private static OffsetDateTime timestamp(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime time) {
            return time;
        }
        if (value instanceof java.time.Instant instant) {
            return instant.atOffset(java.time.ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) value).toInstant().atOffset(java.time.ZoneOffset.UTC);
    }

    /**
     * For each partition of the consumed topics: its first and its next offset now. Refuses (409) when a topic no longer
     * holds its whole history: clearing the projection and replaying what is left would lose credits for good.
     */
    private Map<TopicPartition, long[]> offsets() {
        try (Admin admin = Admin.create(kafka.adminConfig())) {
            List<String> gaps = TopicHistory.gaps(admin, TOPICS);
            if (!gaps.isEmpty()) {
                LOG.errorf("projection rebuild refused: %s", String.join("; ", gaps));
                throw new ProblemException(409, "/problems/history-incomplete", "The topics no longer hold their whole history",
                        "a rebuild replays the topics into an emptied projection, and would lose what they no longer hold: "
                                + String.join("; ", gaps) + ". Nothing was cleared.", null, null, Map.of());
            }
            Map<String, TopicDescription> topics = admin.describeTopics(TOPICS).allTopicNames().get(10, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            topics.values().forEach(topic -> topic.partitions().forEach(p -> {
                TopicPartition partition = new TopicPartition(topic.name(), p.partition());
                earliest.put(partition, OffsetSpec.earliest());
                latest.put(partition, OffsetSpec.latest());
            }));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> begin = admin.listOffsets(earliest).all().get(10, TimeUnit.SECONDS);
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
            Map<TopicPartition, long[]> offsets = new HashMap<>();
            end.forEach((partition, info) -> offsets.put(partition, new long[] {begin.get(partition).offset(), info.offset()}));
            return offsets;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProblemException.unavailable("interrupted while reading the topics' offsets");
        } catch (ExecutionException | TimeoutException e) {
            throw ProblemException.unavailable("Kafka cannot tell where the topics end now: " + e.getMessage());
        }
    }
}
