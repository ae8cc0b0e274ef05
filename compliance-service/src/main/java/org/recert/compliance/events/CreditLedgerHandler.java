package org.recert.compliance.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.TransactionSynchronizationRegistry;

import com.fasterxml.jackson.databind.JsonNode;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import org.jboss.logging.Logger;
import org.recert.compliance.domain.ActivityType;
import org.recert.compliance.domain.Approval;
import org.recert.compliance.domain.CategoryShare;
import org.recert.compliance.domain.CreditFact;
import org.recert.compliance.domain.CreditUnit;
import org.recert.compliance.domain.Verification;
import org.recert.compliance.service.CreditFacts;
import org.recert.compliance.status.LearnerStatusService;
import org.recert.compliance.store.LearnerCreditEntity;
import org.recert.platform.events.EventHandler;
import org.recert.platform.events.IncomingEvent;
import org.recert.platform.web.LearnerIds;
import org.recert.platform.web.TraceContext;

/**
 * Keeps the latest version of every credit from credits.ledger.v1 (an older or equal version changes nothing) and
 * re-evaluates the learner once the batch's credits are in: a revoked credit stops counting, a corrected one counts as
 * corrected.
 */
@ApplicationScoped
public class CreditLedgerHandler implements EventHandler {

    public static final String TOPIC = "credits.ledger.v1";
    private static final Logger LOG = Logger.getLogger(CreditLedgerHandler.class);
    private static final Set<String> STATUSES = Set.of("ACTIVE", CreditFacts.REVOKED);

    private final EntityManager entityManager;
    private final CreditFacts facts;
    private final LearnerStatusService statuses;
    private final ProjectionRebuild rebuild;

    private final TransactionSynchronizationRegistry transactions;

    public CreditLedgerHandler(EntityManager entityManager, CreditFacts facts, LearnerStatusService statuses,
            ProjectionRebuild rebuild, TransactionSynchronizationRegistry transactions) {
        this.entityManager = entityManager;
        this.transactions = transactions;
        this.facts = facts;
        this.statuses = statuses;
        this.rebuild = rebuild;
    }

    @Override
    public Set<String> topics() {
        return Set.of(TOPIC);
    }

    @Override
    public void handle(IncomingEvent event) {
        JsonNode data = event.data();
        String creditId = EventFields.text(data, "id");
        String learnerId = EventFields.text(data, "learnerId");
        if (!LearnerIds.isValid(learnerId)) {
            throw new IllegalArgumentException("event data learnerId is not a learner id");
        }
        int version = EventFields.positiveInt(data, "version");
        String status = EventFields.text(data, "status");
        if (!STATUSES.contains(status)) {
            throw new IllegalArgumentException("event data status has unknown value " + status);
        }
        JsonNode amount = data.path("amount");
        BigDecimal value = EventFields.decimal(amount, "value", 4);
        CreditUnit unit = EventFields.enumValue(CreditUnit.class, amount, "unit");
        List<CategoryShare> categories = EventFields.categories(data, "categories");
        // the engine's own checks (shares add up, nothing negative) decide whether the credit can ever be evaluated
        CreditFact fact = new CreditFact(creditId, EventFields.enumValue(ActivityType.class, data, "activityType"),
                EventFields.date(data, "completedOn"), value, unit, categories, EventFields.enumValue(Approval.class, data, "approval"),
                EventFields.optionalInt(data, "contactMinutes"), CreditFacts.REVOKED.equals(status));

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
        row.title = EventFields.optionalText(data, "title");
        row.courseId = EventFields.optionalText(data, "courseId");
        row.completedOn = fact.completedOn();
        row.amount = fact.amount();
        row.unit = fact.unit().name();
        row.categories = facts.write(fact.categories());
        row.approval = fact.approval().name();
        row.contactMinutes = fact.contactMinutes();
        row.verification = verification(data).name();
        row.providerName = EventFields.optionalText(data, "providerName");
        row.evidence = data.hasNonNull("evidence") && data.get("evidence").isObject() ? data.get("evidence").toString() : null;
        row.updatedAt = Instant.now();
        if (previousLearner == null) {
            entityManager.persist(row);
        }
        entityManager.flush();
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
            } finally {
                TraceContext.removeFromLog();
            }
        });
    }

    /** The transaction resource key of the learners a batch's credits touched. */
    private enum PendingEvaluations {
    }

    /** Who vouches for the credit; events written before the field existed say it through their source and evidence. */
    static Verification verification(JsonNode data) {
        if (data.hasNonNull("verification")) {
            return EventFields.enumValue(Verification.class, data, "verification");
        }
        if ("PROVIDER_REPORTED".equals(EventFields.optionalText(data, "source"))) {
            return Verification.PROVIDER_REPORTED;
        }
        JsonNode evidence = data.path("evidence");
        boolean attached = evidence.isObject() && evidence.properties().stream().anyMatch(field -> !field.getValue().isNull());
        return attached ? Verification.EVIDENCE_ATTACHED : Verification.SELF_REPORTED;
    }
}
