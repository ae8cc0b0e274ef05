package org.recert.credits.events;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.recert.contracts.CategoryValue;
import org.recert.contracts.LedgerEvent;
import org.recert.contracts.Topics;
import org.recert.credits.domain.Credit;
import org.recert.credits.domain.Evidence;
import org.recert.platform.events.Outbox;

/** What the ledger tells the rest of the suite: the whole credit after each change, keyed by learner (credits.ledger.v1). */
@ApplicationScoped
public class LedgerEvents {

    private final Outbox outbox;

    public LedgerEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void recorded(Credit credit) {
        outbox.publish(Topics.CREDITS_LEDGER, credit.learnerId(), LedgerEvent.RECORDED, event(credit));
    }

    public void corrected(Credit credit) {
        outbox.publish(Topics.CREDITS_LEDGER, credit.learnerId(), LedgerEvent.CORRECTED, event(credit));
    }

    /** Many new credits at once (a completion report), their events written in one statement. */
    public void recordedAll(List<Credit> credits) {
        outbox.publishAll(Topics.CREDITS_LEDGER, LedgerEvent.RECORDED,
                credits.stream().map(c -> new Outbox.Keyed(c.learnerId(), event(c))).toList());
    }

    public void revoked(Credit credit) {
        outbox.publish(Topics.CREDITS_LEDGER, credit.learnerId(), LedgerEvent.REVOKED, event(credit));
    }

    /** The credit as the topic's contract writes it. */
    static LedgerEvent event(Credit credit) {
        Evidence evidence = credit.evidence();
        return new LedgerEvent(credit.id(), credit.learnerId(), credit.activityType(), credit.title(), credit.providerName(),
                credit.courseId(), credit.completedOn(), new LedgerEvent.Amount(credit.amount().value(), credit.amount().unit()),
                credit.categories().stream().map(part -> new CategoryValue(part.category(), part.value())).toList(),
                credit.approval(), credit.contactMinutes(),
                evidence == null ? null : new LedgerEvent.Evidence(evidence.issuer(), evidence.certificateNumber(), evidence.fileName(),
                        evidence.sha256()),
                credit.source(), credit.verification(), credit.status(), credit.version(), credit.recordedAt(), credit.reason(),
                credit.contactHourEquivalent());
    }
}
