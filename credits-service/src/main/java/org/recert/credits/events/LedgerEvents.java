package org.recert.credits.events;

import jakarta.enterprise.context.ApplicationScoped;

import org.recert.credits.domain.Credit;
import org.recert.platform.events.Outbox;

/** What the ledger tells the rest of the suite: the whole credit after each change, keyed by learner. */
@ApplicationScoped
public class LedgerEvents {

    public static final String TOPIC = "credits.ledger.v1";
    public static final String RECORDED = "CreditRecorded";
    public static final String CORRECTED = "CreditCorrected";
    public static final String REVOKED = "CreditRevoked";

    private final Outbox outbox;

    public LedgerEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void recorded(Credit credit) {
        outbox.publish(TOPIC, credit.learnerId(), RECORDED, credit);
    }

    public void corrected(Credit credit) {
        outbox.publish(TOPIC, credit.learnerId(), CORRECTED, credit);
    }

    /** Many new credits at once (a completion report), their events written in one statement. */
    public void recordedAll(java.util.List<Credit> credits) {
        outbox.publishAll(TOPIC, RECORDED, credits.stream().map(c -> new Outbox.Keyed(c.learnerId(), c)).toList());
    }

    public void revoked(Credit credit) {
        outbox.publish(TOPIC, credit.learnerId(), REVOKED, credit);
    }
}
