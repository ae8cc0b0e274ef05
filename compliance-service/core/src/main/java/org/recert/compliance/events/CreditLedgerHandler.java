package org.recert.compliance.events;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import org.jboss.logging.Logger;
import org.recert.compliance.domain.CategoryShare;
import org.recert.compliance.domain.CreditFact;
import org.recert.compliance.service.CreditFacts;
import org.recert.compliance.status.LearnerStatusService;
import org.recert.compliance.store.LearnerCreditStore;
import org.recert.compliance.store.LearnerCreditStore.CreditRow;
import org.recert.compliance.store.LearnerCreditStore.Stored;
import org.recert.contracts.CreditStatus;
import org.recert.contracts.EventContract;
import org.recert.contracts.LedgerEvent;
import org.recert.contracts.Topics;
import org.recert.platform.events.EventHandler;
import org.recert.platform.events.IncomingEvent;
import org.recert.platform.web.TraceContext;

/**
 * Keeps the latest version of every credit from credits.ledger.v1 (an older or equal version changes nothing) and
 * re-evaluates the learner once the batch's credits are in: a revoked credit stops counting, a corrected one counts as
 * corrected. A batch's credits are written together, in a few statements whatever its size (a 10,000-row report
 * arrives as 10,000 events).
 */
@ApplicationScoped
public class CreditLedgerHandler implements EventHandler {

    private static final Logger LOG = Logger.getLogger(CreditLedgerHandler.class);

    private final EntityManager entityManager;
    private final LearnerCreditStore store;
    private final CreditFacts facts;
    private final LearnerStatusService statuses;
    private final ProjectionRebuild rebuild;
    private final Clock clock;

    private final TransactionSynchronizationRegistry transactions;

    public CreditLedgerHandler(EntityManager entityManager, LearnerCreditStore store, CreditFacts facts, LearnerStatusService statuses,
            ProjectionRebuild rebuild, Clock clock, TransactionSynchronizationRegistry transactions) {
        this.entityManager = entityManager;
        this.store = store;
        this.transactions = transactions;
        this.facts = facts;
        this.statuses = statuses;
        this.rebuild = rebuild;
        this.clock = clock;
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.CREDITS_LEDGER);
    }

    /**
     * Checks and converts one credit event (a record that can never be applied fails here, alone, and is parked) and notes
     * it for {@link #endOfBatch}, which writes the batch's credits together.
     */
    @Override
    public void handle(IncomingEvent event) {
        LedgerEvent credit = EventContract.CREDITS_LEDGER.read(event.data());
        List<CategoryShare> categories = credit.categories().stream()
                .map(part -> new CategoryShare(part.category(), StoredDecimals.atMost(part.value(), 4, "categories.value"))).toList();
        // the engine's own checks (shares add up, nothing negative) decide whether the credit can ever be evaluated
        CreditFact fact = new CreditFact(credit.id().toString(), credit.activityType(), credit.completedOn(),
                StoredDecimals.atMost(credit.amount().value(), 4, "amount.value"), credit.amount().unit(), categories, credit.approval(),
                credit.contactMinutes(), credit.status() == CreditStatus.REVOKED);
        CreditRow row = new CreditRow(fact.creditId(), credit.learnerId(), Math.toIntExact(credit.version()), credit.status().name(),
                fact.activityType().name(), credit.title(), credit.courseId() == null ? null : credit.courseId().toString(),
                fact.completedOn().toString(), fact.amount().toPlainString(), fact.unit().name(), facts.write(fact.categories()),
                fact.approval().name(), fact.contactMinutes(), credit.vouchedBy().name(), credit.providerName(),
                // kept as the producer wrote it: the schema has checked it, and the projection only shows it
                credit.evidence() == null ? null : event.data().get("evidence").toString());
        batch().add(new Noted(event, row, Context.current()));
    }

    /**
     * The batch's credits, set-wise: their stored versions read (and locked) in one statement, the credits newer than
     * their stored version in one statement and the new ones in another, then, in event order, each applied credit's learner noted for
     * evaluation (or marked dirty while a rebuild replays) and the rebuild's progress tracked; then each learner the
     * batch touched who holds a certification is evaluated once, under the trace of the last event that touched them.
     */
    @Override
    public void endOfBatch() {
        @SuppressWarnings("unchecked")
        List<Noted> noted = (List<Noted>) transactions.getResource(NotedCredits.class);
        if (noted == null || noted.isEmpty()) {
            return;
        }
        List<Noted> credits = List.copyOf(noted);
        noted.clear();

        Map<String, Stored> stored = store.lockStored(credits.stream().map(n -> n.row().creditId()).distinct().toList());
        // in event order, as if applied one by one: an older or equal version changes nothing, a credit's last applied
        // version is the one written, and a credit that moved takes its previous learner's evaluation along
        Map<String, CreditRow> toWrite = new LinkedHashMap<>();
        Set<String> found = Set.copyOf(stored.keySet());
        List<String> previousLearners = new ArrayList<>(credits.size());
        List<Boolean> applied = new ArrayList<>(credits.size());
        for (Noted credit : credits) {
            CreditRow row = credit.row();
            Stored current = stored.get(row.creditId());
            boolean newer = current == null || current.version() < row.version();
            applied.add(newer);
            previousLearners.add(newer && current != null ? current.learnerId() : null);
            if (newer) {
                stored.put(row.creditId(), new Stored(row.learnerId(), row.version()));
                toWrite.put(row.creditId(), row);
            }
        }
        Instant now = clock.instant();
        store.write(toWrite.values().stream().filter(row -> found.contains(row.creditId())).toList(), true, now);
        store.write(toWrite.values().stream().filter(row -> !found.contains(row.creditId())).toList(), false, now);

        Map<String, Context> toEvaluate = new LinkedHashMap<>();
        for (int i = 0; i < credits.size(); i++) {
            Noted credit = credits.get(i);
            if (applied.get(i)) {
                String learnerId = credit.row().learnerId();
                if (rebuild.active()) {
                    // statuses are evaluated once the replay has caught up, not at every intermediate step
                    rebuild.markDirty(learnerId);
                } else {
                    evaluateLater(toEvaluate, learnerId, credit.trace());
                    String previous = previousLearners.get(i);
                    if (previous != null && !previous.equals(learnerId)) {
                        evaluateLater(toEvaluate, previous, credit.trace());
                    }
                }
                try (Scope scope = credit.trace().makeCurrent()) {
                    // the consumer's trace id in the MDC: this line ties a request to its evaluation
                    TraceContext.putInLog(Span.fromContext(credit.trace()));
                    LOG.debugf("credit %s version %d of %s applied (%s)", credit.row().creditId(), credit.row().version(),
                            learnerId, credit.row().status());
                } finally {
                    TraceContext.removeFromLog();
                }
            }
            rebuild.track(credit.event());
        }
        evaluate(toEvaluate);
    }

    /** Evaluates each learner who holds a certification (one query finds them), flushing and clearing after each. */
    private void evaluate(Map<String, Context> toEvaluate) {
        if (toEvaluate.isEmpty()) {
            return;
        }
        Set<String> certified = store.certified(List.copyOf(toEvaluate.keySet()));
        toEvaluate.forEach((learnerId, trace) -> {
            if (!certified.contains(learnerId)) {
                return; // nothing to evaluate: no certification, no status
            }
            try (Scope scope = trace.makeCurrent()) {
                TraceContext.putInLog(Span.fromContext(trace));
                statuses.refreshLearner(learnerId);
                // the learner's credits, certification and status, written: the next learner starts from an empty context
                entityManager.flush();
                entityManager.clear();
            } finally {
                TraceContext.removeFromLog();
            }
        });
    }

    /** A learner evaluated once per batch, under the trace of the last event that touched them. */
    private static void evaluateLater(Map<String, Context> toEvaluate, String learnerId, Context trace) {
        toEvaluate.remove(learnerId);
        toEvaluate.put(learnerId, trace);
    }

    /** The transaction's noted credits, in event order. */
    private List<Noted> batch() {
        @SuppressWarnings("unchecked")
        List<Noted> noted = (List<Noted>) transactions.getResource(NotedCredits.class);
        if (noted == null) {
            noted = new ArrayList<>();
            transactions.putResource(NotedCredits.class, noted);
        }
        return noted;
    }

    /** A credit event checked and converted, with the trace it was handled under. */
    private record Noted(IncomingEvent event, CreditRow row, Context trace) {
    }

    /** The transaction resource key of the credits noted for the end of the batch. */
    private enum NotedCredits {
    }

}
