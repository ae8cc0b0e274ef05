package org.recert.platform.events;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.annotation.Priority;

import io.quarkus.runtime.StartupEvent;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jboss.logging.Logger;
import org.recert.platform.PlatformConfig;

/**
 * Creates the topics a service produces and consumes (and their dead-letter topics) when it starts,
 * unless an operator owns them ({@code recert.kafka.create-topics=false}). A broker that is down at start
 * does not stop the service: the producer and consumer wait for it. Topics are created with the configured replication
 * factor and minimum in-sync replicas; history topics (a projection is rebuilt from them) with unlimited retention, and
 * their retention is checked at every start even where an operator owns the topics.
 */
@ApplicationScoped
public class TopicInitializer {

    private static final Logger LOG = Logger.getLogger(TopicInitializer.class);

    private final KafkaClients kafka;
    private final PlatformConfig config;
    private final EventConsumer consumer;

    public TopicInitializer(KafkaClients kafka, PlatformConfig config, EventConsumer consumer) {
        this.kafka = kafka;
        this.config = config;
        this.consumer = consumer;
    }

    // before the consumer starts, so that it never subscribes to a topic that is not there yet
    void onStart(@Observes @Priority(1) StartupEvent event) {
        PlatformConfig.Kafka settings = config.kafka();
        Set<String> history = Set.copyOf(settings.historyTopics().orElse(List.of()));
        Map<String, NewTopic> topics = new LinkedHashMap<>();
        if (settings.createTopics()) {
            for (String spec : settings.topics().orElse(List.of())) {
                String[] parts = spec.split(":");
                topics.put(parts[0], topic(parts[0], settings.partitions(), parts.length > 1 && parts[1].equals("compact"), history));
            }
            for (String consumed : consumer.topics()) {
                topics.putIfAbsent(consumed, topic(consumed, settings.partitions(), false, history));
                String deadLetters = consumed + EventConsumer.DLQ_SUFFIX;
                topics.putIfAbsent(deadLetters, topic(deadLetters, 1, false, history));
            }
        }
        if (topics.isEmpty() && history.isEmpty()) {
            return;
        }
        Map<String, Object> adminConfig = new HashMap<>(kafka.adminConfig());
        adminConfig.put("default.api.timeout.ms", "10000");
        adminConfig.put("request.timeout.ms", "5000");
        try (Admin admin = Admin.create(adminConfig)) {
            create(admin, new ArrayList<>(topics.values()));
            checkHistory(admin, history);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warnf("topics not checked, Kafka unreachable at start (%s); they will be created on first use", e.toString());
        }
    }

    private NewTopic topic(String name, int partitions, boolean compacted, Set<String> history) {
        Map<String, String> configs = new HashMap<>();
        configs.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(config.kafka().minInsyncReplicas()));
        if (compacted) {
            configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        }
        if (history.contains(name)) {
            configs.putAll(TopicHistory.UNLIMITED_RETENTION);
        }
        return new NewTopic(name, partitions, config.kafka().replicationFactor()).configs(configs);
    }

    private void create(Admin admin, List<NewTopic> topics) throws Exception {
        if (topics.isEmpty()) {
            return;
        }
        Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
        List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t.name())).toList();
        if (missing.isEmpty()) {
            return;
        }
        admin.createTopics(missing).values().forEach((name, result) -> {
            try {
                result.get(10, TimeUnit.SECONDS);
                LOG.infof("created topic %s", name);
            } catch (Exception e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    LOG.warnf("topic %s not created: %s", name, e.toString());
                }
            }
        });
    }

    /** An existing history topic that deletes records by age or size loses what a rebuild needs: said loudly, fixed if allowed. */
    private void checkHistory(Admin admin, Set<String> wanted) throws Exception {
        Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
        List<String> history = wanted.stream().filter(existing::contains).sorted().toList();
        if (history.isEmpty()) {
            return;
        }
        List<String> finite = TopicHistory.finiteRetention(admin, history);
        if (!finite.isEmpty() && config.kafka().fixHistoryRetention()) {
            TopicHistory.keepForEver(admin, history);
            LOG.warnf("history topics had a finite retention (%s); set to unlimited (recert.kafka.fix-history-retention=true)",
                    String.join("; ", finite));
        } else if (!finite.isEmpty()) {
            LOG.errorf("HISTORY AT RISK: %s. Events will be deleted and a projection rebuild will refuse to run. Set retention.ms=-1 "
                    + "and retention.bytes=-1 on these topics, or start once with RECERT_KAFKA_FIX_HISTORY_RETENTION=true "
                    + "(docs/operations.md)", String.join("; ", finite));
        }
        List<String> deleted = TopicHistory.deletedRecords(admin, history);
        if (!deleted.isEmpty()) {
            LOG.errorf("HISTORY INCOMPLETE: %s. A projection rebuild will refuse to run (docs/operations.md)", String.join("; ", deleted));
        }
    }
}
