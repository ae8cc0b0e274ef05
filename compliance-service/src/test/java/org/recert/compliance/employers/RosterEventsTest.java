package org.recert.compliance.employers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.recert.compliance.employers.EmployerFixtures.uniqueLearner;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.recert.compliance.TestDatabase;
import org.recert.contracts.EventContract;
import org.recert.contracts.RosterEvent;
import org.recert.devstack.test.TopicProbe;

/** Every roster and consent change reaches compliance.roster.v1 as the member's place after it, in order, in the contract's shape. */
@QuarkusTest
class RosterEventsTest {

    private static final String TOPIC = EventContract.COMPLIANCE_ROSTER.topic();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EmployerFixtures fx;

    @Inject
    TestDatabase database;

    @Test
    void shouldPublishTheMembersPlaceAfterEveryMembershipAndConsentChangeInOrder() {
        String org = fx.createOrganization("Roster Events Clinic " + uniqueLearner("o"));
        String learner = uniqueLearner("rita");
        String members = "/api/v1/compliance/organizations/" + org + "/members/" + learner;
        String consents = "/api/v1/compliance/learners/" + learner + "/consents";

        fx.addMember(org, learner, "EMP-R1");
        fx.employerOf(org).body(Map.of("staffRef", "EMP-R1")).put(members).then().statusCode(200); // unchanged: no event
        fx.consent(learner, org);
        fx.employerOf(org).body(Map.of("staffRef", "EMP-R2")).put(members).then().statusCode(200);
        fx.learner(learner).delete(consents + "/" + org).then().statusCode(204);
        fx.consent(learner, org);
        fx.employerOf(org).delete(members).then().statusCode(204);

        List<RosterEvent> events = eventsOf(learner, 6);

        UUID organization = UUID.fromString(org);
        String name = events.get(0).organizationName();
        assertThat(name).startsWith("Roster Events Clinic");
        assertThat(events).containsExactly(
                new RosterEvent(organization, learner, true, false, "EMP-R1", name),
                new RosterEvent(organization, learner, true, true, "EMP-R1", name),
                new RosterEvent(organization, learner, true, true, "EMP-R2", name),
                new RosterEvent(organization, learner, true, false, "EMP-R2", name),
                new RosterEvent(organization, learner, true, true, "EMP-R2", name),
                new RosterEvent(organization, learner, false, false, null, name));
    }

    @Test
    void shouldAnnounceAConsentGivenBeforeTheLearnerIsListed() {
        String org = fx.createOrganization("Early Consent Clinic " + uniqueLearner("o"));
        String learner = uniqueLearner("ezra");

        fx.consent(learner, org);
        fx.addMember(org, learner, null);

        List<RosterEvent> events = eventsOf(learner, 2);
        assertThat(events).extracting(RosterEvent::member, RosterEvent::consent)
                .containsExactly(tuple(false, true), tuple(true, true));
        assertThat(events.get(1).staffRef()).isNull();
    }

    @Test
    void shouldComputeTheBackfillsLaneAsTheOutboxDoesForEveryKey() {
        fx.addMember(fx.createOrganization("Lane Clinic " + uniqueLearner("o")), uniqueLearner("lane"), null);

        // V60's outbox_lane_of put the backfilled events in their learners' lanes only if it agrees with the Outbox on every key
        assertThat(database.count("select count(*) from outbox_event")).isPositive();
        assertThat(database.count("select count(*) from outbox_event where lane <> outbox_lane_of(event_key)")).isZero();
    }

    @Test
    void shouldBackfillAnExistingMemberAsTheEventALiveChangeWouldPublish() throws Exception {
        String org = fx.createOrganization("Backfill Clinic " + uniqueLearner("o"));
        String learner = uniqueLearner("bea");
        fx.addMember(org, learner, "EMP-B1");
        fx.consent(learner, org);
        RosterEvent live = eventsOf(learner, 2).get(1);

        // V60's own select, run for this one learner: what the migration wrote for every member already listed
        String migration = new String(getClass().getResourceAsStream("/db/migration/V60__roster_events.sql").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        String select = migration.substring(migration.indexOf("select gen_random_uuid()"), migration.lastIndexOf("order by"));
        List<Object> payloads = database.rows("select cast(b.jsonb_strip_nulls as text) from (" + select + ") b where b.learner_id = ?1", learner);

        assertThat(payloads).hasSize(1);
        assertThat(EventContract.COMPLIANCE_ROSTER.read(JSON.readTree((String) payloads.get(0)))).isEqualTo(live);
    }

    /** The learner's events on the topic, read back through the contract's one parser, once {@code count} have arrived. */
    private static List<RosterEvent> eventsOf(String learner, int count) {
        List<TopicProbe.Message> messages = TopicProbe.readUntil(TOPIC, Duration.ofSeconds(30),
                all -> all.stream().filter(m -> learner.equals(m.key())).count() >= count);
        return messages.stream().filter(m -> learner.equals(m.key())).map(m -> {
            assertThat(m.header("ce_type")).isEqualTo(RosterEvent.CHANGED);
            try {
                return EventContract.COMPLIANCE_ROSTER.read(JSON.readTree(m.value()));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
