package org.recert.compliance.events;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.TransactionSynchronizationRegistry;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import org.jboss.logging.Logger;
import org.recert.compliance.domain.CategoryShare;
import org.recert.compliance.domain.CreditFact;
import org.recert.compliance.service.CreditFacts;
import org.recert.compliance.status.LearnerStatusService;
import org.recert.compliance.store.LearnerCreditEntity;
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
 * corrected.
 */
@ApplicationScoped
public class CreditLedgerHandler implements EventHandler {

    private static final Logger LOG = Logger.getLogger(CreditLedgerHandler.class);

    private final EntityManager entityManager;
    private final CreditFacts facts;
    private final LearnerStatusService statuses;
    private final ProjectionRebuild rebuild;
    private final Clock clock;

    private final TransactionSynchronizationRegistry transactions;

    public CreditLedgerHandler(EntityManager entityManager, CreditFacts facts, LearnerStatusService statuses,
            ProjectionRebuild rebuild, Clock clock, TransactionSynchronizationRegistry transactions) {
        this.entityManager = entityManager;
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

    @Override
    public void handle(IncomingEvent event) {
        LedgerEvent credit = EventContract.CREDITS_LEDGER.read(event.data());
        String creditId = credit.id().toString();
        String learnerId = credit.learnerId();
        int version = Math.toIntExact(credit.version());
        String status = credit.status().name();
        List<CategoryShare> categories = credit.categories().stream()
                .map(part -> new CategoryShare(part.category(), StoredDecimals.atMost(part.value(), 4, "categories.value"))).toList();
        // the engine's own checks (shares add up, nothing negative) decide whether the credit can ever be evaluated
        CreditFact fact = new CreditFact(creditId, credit.activityType(), credit.completedOn(),
                StoredDecimals.atMost(credit.amount().value(), 4, "amount.value"), credit.amount().unit(), categories, credit.approval(),
                credit.contactMinutes(), credit.status() == CreditStatus.REVOKED);

        LearnerCreditEntity row = entityManager.find(LearnerCreditEntity.class, creditId, LockModeType.PESSIMISTIC_WRITE);
        if (row != null && row.version >= version) {
            rebuild.track(event);
            return;
        }
        boolean rebuilding = rebuild.active();
        String previousLearner = row == null ? null : row.learnerId;
        if (row == null) {
            row = new LearnerCreditEntity();
            row.creditId = creditId;
        }
        row.learnerId = learnerId;
        row.version = version;
        row.status = status;
        row.activityType = fact.activityType().name();
        row.title = credit.title();
        row.courseId = credit.courseId() == null ? null : credit.courseId().toString();
        row.completedOn = fact.completedOn();
        row.amount = fact.amount();
        row.unit = fact.unit().name();
        row.categories = facts.write(fact.categories());
        row.approval = fact.approval().name();
        row.contactMinutes = fact.contactMinutes();
        row.verification = credit.vouchedBy().name();
        row.providerName = credit.providerName();
        // kept as the producer wrote it: the schema has checked it, and the projection only shows it
        row.evidence = credit.evidence() == null ? null : event.data().get("evidence").toString();
        row.updatedAt = clock.instant();
        if (previousLearner == null) {
            entityManager.persist(row);
        }
        entityManager.flush();
        // written; kept out of the persistence context, whose every flush and query would otherwise check all the
        // batch's rows again (a batch's cost grew with its square, so a consumer that fell behind fell further)
        entityManager.detach(row);
        if (rebuilding) {
            // statuses are evaluated once the replay has caught up, not at every intermediate step
            rebuild.markDirty(learnerId);
        } else {
            evaluateAtEndOfBatch(learnerId);
            if (previousLearner != null && !previousLearner.equals(learnerId)) {
                evaluateAtEndOfBatch(previousLearner);
            }
        }
        rebuild.track(event);
        // the consumer puts the event's trace id in the MDC: this line ties a request to its evaluation
        LOG.debugf("credit %s version %d of %s applied (%s)", creditId, version, learnerId, status);
    }

    /**
     * Notes a learner to evaluate once the batch's credits are all in: a learner with several credits in one batch is
     * evaluated once, under the trace of the last event that touched them. The note belongs to the transaction.
     */
    private void evaluateAtEndOfBatch(String learnerId) {
        @SuppressWarnings("unchecked")
        Map<String, Context> pending = (Map<String, Context>) transactions.getResource(PendingEvaluations.class);
        if (pending == null) {
            pending = new LinkedHashMap<>();
            transactions.putResource(PendingEvaluations.class, pending);
        }
        pending.remove(learnerId);
        pending.put(learnerId, Context.current());
    }

    @Override
    public void endOfBatch() {
        @SuppressWarnings("unchecked")
        Map<String, Context> pending = (Map<String, Context>) transactions.getResource(PendingEvaluations.class);
        if (pending == null) {
            return;
        }
        Map<String, Context> toEvaluate = new LinkedHashMap<>(pending);
        pending.clear();
        toEvaluate.forEach((learnerId, trace) -> {
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

    /** The transaction resource key of the learners a batch's credits touched. */
    private enum PendingEvaluations {
    }
}
