package org.recert.platform.events;

import java.util.ArrayList;
import java.util.HashMap;
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
 * does not stop the service: the producer and consumer wait for it.
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
        if (!config.kafka().createTopics()) {
            return;
        }
        Map<String, NewTopic> topics = new HashMap<>();
        for (String spec : config.kafka().topics().orElse(List.of())) {
            String[] parts = spec.split(":");
            NewTopic topic = new NewTopic(parts[0], config.kafka().partitions(), (short) 1);
            if (parts.length > 1 && parts[1].equals("compact")) {
                topic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            }
            topics.put(parts[0], topic);
        }
        for (String consumed : consumer.topics()) {
            topics.putIfAbsent(consumed, new NewTopic(consumed, config.kafka().partitions(), (short) 1));
            topics.putIfAbsent(consumed + EventConsumer.DLQ_SUFFIX, new NewTopic(consumed + EventConsumer.DLQ_SUFFIX, 1, (short) 1));
        }
        create(new ArrayList<>(topics.values()));
    }

    private void create(List<NewTopic> topics) {
        if (topics.isEmpty()) {
            return;
        }
        Map<String, Object> adminConfig = new HashMap<>(kafka.adminConfig());
        adminConfig.put("default.api.timeout.ms", "10000");
        adminConfig.put("request.timeout.ms", "5000");
        try (Admin admin = Admin.create(adminConfig)) {
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
        } catch (Exception e) {
            LOG.warnf("topics not checked, Kafka unreachable at start (%s); they will be created on first use", e.toString());
        }
    }
}
