-- compliance.roster.v1 begins: one RosterMembershipChanged per existing roster member, through the outbox, so that a
-- consumer that starts now (the employer digest) learns today's rosters. Consents of learners no roster lists are left
-- out: they show nothing to anyone until the organization lists the learner, which publishes the event then.

-- The outbox lane of a key, as the platform's Outbox.laneOf computes it (floorMod of Java's String.hashCode, 16 lanes),
-- so that these events share their learner's lane and stay in order with the learner's later events. Learner ids are
-- ASCII (the event schema's pattern), where a code point is a UTF-16 unit.
create function outbox_lane_of(event_key text) returns smallint language plpgsql immutable as $$
declare
    hash bigint := 0;
begin
    for i in 1 .. length(event_key) loop
        hash := (hash * 31 + ascii(substr(event_key, i, 1))) % 4294967296;
    end loop;
    return (hash % 16)::smallint;
end
$$;

insert into outbox_event (event_id, topic, event_key, event_type, payload, lane)
select gen_random_uuid(), 'compliance.roster.v1', m.learner_id, 'RosterMembershipChanged',
       jsonb_strip_nulls(jsonb_build_object(
           'organizationId', m.organization_id,
           'learnerId', m.learner_id,
           'member', true,
           'consent', c.learner_id is not null,
           'staffRef', m.staff_ref,
           'organizationName', o.name)),
       outbox_lane_of(m.learner_id)
from roster_member m
join employer_organization o on o.id = m.organization_id
left join learner_consent c on c.organization_id = m.organization_id and c.learner_id = m.learner_id
order by m.added_at, m.organization_id, m.learner_id;
