package org.recert.platform.events;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Whether topics hold every record ever written to them, which a projection rebuilt from them relies on. A topic whose
 * cleanup policy deletes (rather than only compacts) must keep records for ever, by time and by size, and none of its
 * partitions may start after offset 0 (records deleted by an earlier retention or by an operator).
 */
public final class TopicHistory {

    /** The settings of a topic that never deletes a record by age or size. */
    public static final Map<String, String> UNLIMITED_RETENTION = Map.of(
            TopicConfig.RETENTION_MS_CONFIG, "-1",
            TopicConfig.RETENTION_BYTES_CONFIG, "-1");

    private static final long TIMEOUT_SECONDS = 10;

    private TopicHistory() {
    }

    /** Why the topics will delete records one day by time or size, one sentence per topic; empty when none will. */
    public static List<String> finiteRetention(Admin admin, Collection<String> topics)
            throws InterruptedException, ExecutionException, TimeoutException {
        List<String> reasons = new ArrayList<>();
        configs(admin, topics).forEach((topic, config) -> {
            if (!deletes(config)) {
                return;
            }
            List<String> finite = new ArrayList<>();
            UNLIMITED_RETENTION.keySet().stream().sorted().forEach(key -> {
                ConfigEntry entry = config.get(key);
                String value = entry == null ? null : entry.value();
                if (value == null || Long.parseLong(value) >= 0) {
                    finite.add(key + "=" + value);
                }
            });
            if (!finite.isEmpty()) {
                reasons.add(topic + " deletes its records by retention (" + String.join(", ", finite) + ")");
            }
        });
        return reasons;
    }

    /** Partitions of the topics whose first records were already deleted, one sentence each; empty when none. */
    public static List<String> deletedRecords(Admin admin, Collection<String> topics)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<String, TopicDescription> described = whenKnown(() -> admin.describeTopics(topics).allTopicNames());
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        described.values().forEach(topic -> topic.partitions()
                .forEach(p -> earliest.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.earliest())));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> starts = whenKnown(() -> admin.listOffsets(earliest).all());
        return starts.entrySet().stream()
                .filter(start -> start.getValue().offset() > 0)
                .sorted(Map.Entry.comparingByKey(java.util.Comparator.comparing(TopicPartition::toString)))
                .map(start -> start.getKey().topic() + " partition " + start.getKey().partition() + " starts at offset "
                        + start.getValue().offset() + ": the records before it were deleted")
                .toList();
    }

    /** Why the topics do not, or will not, hold their whole history: finite retention first, then records already gone. */
    public static List<String> gaps(Admin admin, Collection<String> topics)
            throws InterruptedException, ExecutionException, TimeoutException {
        List<String> gaps = new ArrayList<>(finiteRetention(admin, topics));
        gaps.addAll(deletedRecords(admin, topics));
        return gaps;
    }

    /** Sets unlimited retention on the topics. */
    public static void keepForEver(Admin admin, Collection<String> topics)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<ConfigResource, Collection<AlterConfigOp>> changes = new HashMap<>();
        for (String topic : topics) {
            changes.put(new ConfigResource(ConfigResource.Type.TOPIC, topic), UNLIMITED_RETENTION.entrySet().stream()
                    .map(setting -> new AlterConfigOp(new ConfigEntry(setting.getKey(), setting.getValue()), AlterConfigOp.OpType.SET))
                    .toList());
        }
        admin.incrementalAlterConfigs(changes).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    private static boolean deletes(Config config) {
        ConfigEntry policy = config.get(TopicConfig.CLEANUP_POLICY_CONFIG);
        return policy == null || policy.value() == null || policy.value().contains(TopicConfig.CLEANUP_POLICY_DELETE);
    }

    private static Map<String, Config> configs(Admin admin, Collection<String> topics)
            throws InterruptedException, ExecutionException, TimeoutException {
        List<ConfigResource> resources = topics.stream().map(topic -> new ConfigResource(ConfigResource.Type.TOPIC, topic)).toList();
        Map<String, Config> configs = new HashMap<>();
        whenKnown(() -> admin.describeConfigs(resources).all()).forEach((resource, config) -> configs.put(resource.name(), config));
        return configs;
    }

    /**
     * The request's answer once every broker knows the topics: a topic the controller has just created can still be
     * unknown to the broker that answers (its metadata follows a moment later), so that answer is asked again, within
     * the same timeout.
     */
    private static <T> T whenKnown(Supplier<KafkaFuture<T>> request)
            throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (true) {
            try {
                return request.get().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw e;
                }
                TimeUnit.MILLISECONDS.sleep(100);
            }
        }
    }
}
