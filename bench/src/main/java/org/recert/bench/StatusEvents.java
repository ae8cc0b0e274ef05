package org.recert.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.recert.contracts.Topics;

/**
 * How many records compliance has published on compliance.status.v1 (the sum of its partitions' end offsets): read
 * before and after a phase, it counts the status and standing events that phase caused, which notification-service
 * consumes one by one.
 */
final class StatusEvents {

    static final String TOPIC = Topics.COMPLIANCE_STATUS;

    private StatusEvents() {
    }

    static long published(Context context) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", context.suite.bootstrapServers()))) {
            if (!admin.listTopics().names().get(10, TimeUnit.SECONDS).contains(TOPIC)) {
                return 0;
            }
            List<TopicPartition> partitions = admin.describeTopics(List.of(TOPIC)).allTopicNames().get(10, TimeUnit.SECONDS)
                    .get(TOPIC).partitions().stream().map(p -> new TopicPartition(TOPIC, p.partition())).toList();
            Map<TopicPartition, OffsetSpec> latest = partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).values().stream()
                    .mapToLong(info -> info.offset()).sum();
        }
    }
}
