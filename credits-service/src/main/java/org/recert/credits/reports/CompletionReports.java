package org.recert.credits.reports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.micrometer.core.instrument.MeterRegistry;
import org.jboss.logging.Logger;
import org.recert.platform.runtime.Failures;
import org.recert.credits.config.CreditsConfig;
import org.recert.credits.domain.Course;
import org.recert.credits.domain.CourseCredit;
import org.recert.credits.domain.Credit;
import org.recert.credits.domain.CreditContent;
import org.recert.credits.domain.CreditRules;
import org.recert.contracts.CreditSource;
import org.recert.contracts.CreditStatus;
import org.recert.credits.domain.Evidence;
import org.recert.credits.events.LedgerEvents;
import org.recert.credits.service.CreditLedger;
import org.recert.credits.store.CompletionStore;
import org.recert.credits.store.CompletionStore.Link;
import org.recert.credits.store.CourseStore;
import org.recert.credits.store.CreditStore;
import org.recert.platform.problem.Problem.FieldError;
import org.recert.platform.problem.ProblemException;
import org.recert.platform.web.LearnerIds;

/**
 * Provider completion reports: every row is checked on its own (the provider's own published course, a
 * learner id, a completion date the course could be completed on) and accepted, found already recorded, or
 * rejected with its reason. Accepted rows become PROVIDER_REPORTED credits, set-wise, in one transaction.
 */
@ApplicationScoped
public class CompletionReports {

    private static final Logger LOG = Logger.getLogger(CompletionReports.class);
    static final int MAX_TEXT = 100;

    /** Who reports: a provider (its id from the token), or an admin, who may report for any provider. */
    public record Reporter(Optional<UUID> providerId, boolean admin, String subject) {
    }

    private record Candidate(int index, ReportRow row, Link link, CreditContent content) {
    }

    private final CourseStore courses;
    private final CreditStore credits;
    private final CompletionStore completions;
    private final CreditLedger ledger;
    private final LedgerEvents events;
    private final CreditsConfig config;
    private final MeterRegistry meters;

    public CompletionReports(CourseStore courses, CreditStore credits, CompletionStore completions, CreditLedger ledger,
            LedgerEvents events, CreditsConfig config, MeterRegistry meters) {
        this.courses = courses;
        this.credits = credits;
        this.completions = completions;
        this.ledger = ledger;
        this.events = events;
        this.config = config;
        this.meters = meters;
    }

    public static ProblemException tooLarge(int maxRows) {
        return new ProblemException(413, "/problems/report-too-large", "Report too large",
                "a report may carry at most " + maxRows + " rows; split it", "body",
                List.of(new FieldError("body", "at most " + maxRows + " rows")), Map.of());
    }

    public int maxRows() {
        return config.maxReportRows();
    }

    @Transactional
    public ReportResult report(List<ReportRow> rows, Reporter reporter) {
        long started = System.nanoTime();
        if (rows == null || rows.isEmpty()) {
            throw ProblemException.invalid("body", "the report has no rows");
        }
        if (rows.size() > config.maxReportRows()) {
            throw tooLarge(config.maxReportRows());
        }
        if (!reporter.admin() && reporter.providerId().isEmpty()) {
            throw ProblemException.forbidden("your token names no provider");
        }
        UUID reportId = UUID.randomUUID();
        RowResult[] results = new RowResult[rows.size()];
        Set<UUID> courseIds = new HashSet<>();
        for (ReportRow row : rows) {
            if (row != null && row.courseId() != null) {
                courseIds.add(row.courseId());
            }
        }
        Map<UUID, Course> known = courses.findAll(courseIds);
        LocalDate latest = ledger.latestCompletionDate();

        List<Candidate> candidates = new ArrayList<>();
        Map<String, Candidate> byNaturalKey = new HashMap<>();
        Map<String, Candidate> byRowKey = new HashMap<>();
        Map<Integer, Candidate> duplicateOf = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            ReportRow row = rows.get(i);
            Candidate candidate = check(i, row, known, reporter, latest, results);
            if (candidate == null) {
                continue;
            }
            Candidate first = byNaturalKey.get(candidate.link().naturalKey());
            if (first == null && candidate.link().rowKey() != null) {
                first = byRowKey.get(candidate.link().rowKey());
            }
            if (first != null) {
                duplicateOf.put(i, first);
                continue;
            }
            byNaturalKey.put(candidate.link().naturalKey(), candidate);
            if (candidate.link().rowKey() != null) {
                byRowKey.put(candidate.link().rowKey(), candidate);
            }
            candidates.add(candidate);
        }

        // a completion the learner (or anyone) already has an active credit for links to that credit
        Map<String, UUID> standing = completions.activeCredits(candidates.stream().map(Candidate::link).toList());
        List<Link> links = new ArrayList<>(candidates.size());
        List<Candidate> linked = new ArrayList<>(candidates.size());
        for (Candidate c : candidates) {
            UUID creditId = standing.getOrDefault(c.link().learnerCourseKey(), UUID.randomUUID());
            Link link = new Link(c.link().providerId(), c.link().courseId(), c.link().learnerId(), c.link().completedOn(),
                    c.link().rowId(), creditId);
            links.add(link);
            linked.add(new Candidate(c.index(), c.row(), link, c.content()));
        }
        long checked = System.nanoTime();
        Set<String> made = completions.link(reportId, links);

        List<Credit> fresh = new ArrayList<>();
        List<Link> notMade = new ArrayList<>();
        var now = credits.now();
        for (Candidate c : linked) {
            if (!made.contains(c.link().naturalKey())) {
                notMade.add(c.link());
            } else if (standing.containsKey(c.link().learnerCourseKey())) {
                results[c.index()] = new RowResult(c.index(), c.row().rowId(), RowResult.Status.ALREADY_RECORDED, c.link().creditId(), null, null);
            } else {
                Credit credit = Credit.of(c.link().creditId(), c.link().learnerId(), c.content(), CreditSource.PROVIDER_REPORTED,
                        CreditStatus.ACTIVE, 1, now, null);
                fresh.add(credit);
                results[c.index()] = new RowResult(c.index(), c.row().rowId(), RowResult.Status.ACCEPTED, credit.id(), null, null);
            }
        }
        resolveEarlierReports(linked, notMade, results);
        for (Map.Entry<Integer, Candidate> duplicate : duplicateOf.entrySet()) {
            int i = duplicate.getKey();
            RowResult first = results[duplicate.getValue().index()];
            results[i] = first.creditId() != null
                    ? new RowResult(i, rows.get(i).rowId(), RowResult.Status.ALREADY_RECORDED, first.creditId(), null, null)
                    : RowResult.rejected(i, rows.get(i).rowId(), "rowId", "duplicate of row " + first.index() + ", which was rejected");
        }

        long linkedAt = System.nanoTime();
        try {
            credits.insertAll(fresh, reporter.subject());
        } catch (RuntimeException e) {
            if (Failures.isUniqueViolation(e)) {
                throw ProblemException.conflict("a learner recorded one of these completions at the same moment; send the report again");
            }
            throw e;
        }
        long written = System.nanoTime();
        events.recordedAll(fresh);
        long published = System.nanoTime();
        int accepted = fresh.size();
        int already = 0;
        int rejected = 0;
        for (RowResult result : results) {
            if (result.status() == RowResult.Status.ALREADY_RECORDED) {
                already++;
            } else if (result.status() == RowResult.Status.REJECTED) {
                rejected++;
            }
        }
        completions.saveReport(reportId, reporter.providerId().orElse(null),
                reporter.subject(), rows.size(), accepted, already, rejected);
        meters.counter(CreditLedger.COUNTER, "source", CreditSource.PROVIDER_REPORTED.name()).increment(accepted);
        LOG.infof("completion report %s: %d rows (%d accepted, %d already recorded, %d rejected) in %d ms "
                + "(checked %d, linked %d, credits written %d, events %d)", reportId, rows.size(), accepted, already, rejected,
                millis(started, System.nanoTime()), millis(started, checked), millis(checked, linkedAt), millis(linkedAt, written),
                millis(written, published));
        return new ReportResult(reportId, rows.size(), accepted, already, rejected, List.of(results));
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }

    /** Rows an earlier report already linked: the same completion is already recorded; a reused row id is refused. */
    private void resolveEarlierReports(List<Candidate> linked, List<Link> notMade, RowResult[] results) {
        if (notMade.isEmpty()) {
            return;
        }
        Map<String, Link> byNaturalKey = new HashMap<>();
        Map<String, Link> byRowKey = new HashMap<>();
        for (Link existing : completions.existing(notMade)) {
            byNaturalKey.put(existing.naturalKey(), existing);
            if (existing.rowKey() != null) {
                byRowKey.put(existing.rowKey(), existing);
            }
        }
        Set<String> waiting = new HashSet<>();
        notMade.forEach(l -> waiting.add(l.naturalKey()));
        for (Candidate c : linked) {
            if (!waiting.contains(c.link().naturalKey())) {
                continue;
            }
            Link same = byNaturalKey.get(c.link().naturalKey());
            Link sameRowId = c.link().rowKey() == null ? null : byRowKey.get(c.link().rowKey());
            if (same != null) {
                results[c.index()] = new RowResult(c.index(), c.row().rowId(), RowResult.Status.ALREADY_RECORDED, same.creditId(), null, null);
            } else if (sameRowId != null) {
                results[c.index()] = RowResult.rejected(c.index(), c.row().rowId(), "rowId", "row id " + c.row().rowId()
                        + " was already reported for another completion (credit " + sameRowId.creditId() + ")");
            } else {
                results[c.index()] = RowResult.rejected(c.index(), c.row().rowId(), "body",
                        "a concurrent report holds this completion; send the row again");
            }
        }
    }

    /** The row as a candidate credit, or null with its rejection written into {@code results}. */
    private Candidate check(int i, ReportRow row, Map<UUID, Course> known, Reporter reporter, LocalDate latest, RowResult[] results) {
        if (row == null) {
            results[i] = RowResult.rejected(i, null, "rows[" + i + "]", "the row is empty");
            return null;
        }
        String rowId = row.rowId();
        String rejection = null;
        String field = null;
        if (rowId != null && (rowId.isBlank() || rowId.length() > MAX_TEXT)) {
            field = "rowId";
            rejection = "must be 1 to " + MAX_TEXT + " characters";
        } else if (row.certificateNumber() != null && row.certificateNumber().length() > MAX_TEXT) {
            field = "certificateNumber";
            rejection = "must be at most " + MAX_TEXT + " characters";
        } else if (row.learnerId() == null) {
            field = "learnerId";
            rejection = "is required";
        } else if (!LearnerIds.isValid(row.learnerId())) {
            field = "learnerId";
            rejection = "is not a learner id";
        } else if (row.courseId() == null) {
            field = "courseId";
            rejection = "is required";
        }
        if (rejection == null) {
            List<FieldError> dateErrors = new ArrayList<>();
            if (row.completedOn() == null) {
                dateErrors.add(new FieldError("completedOn", "is required"));
            } else if (row.completedOn().isAfter(latest)) {
                dateErrors.add(new FieldError("completedOn", "must not be in the future"));
            } else if (row.completedOn().isBefore(CreditRules.EARLIEST_COMPLETION)) {
                dateErrors.add(new FieldError("completedOn", "must not be before " + CreditRules.EARLIEST_COMPLETION));
            }
            if (!dateErrors.isEmpty()) {
                field = dateErrors.get(0).field();
                rejection = dateErrors.get(0).message();
            }
        }
        Course course = rejection == null ? known.get(row.courseId()) : null;
        if (rejection == null && (course == null || !(reporter.admin() || reporter.providerId().map(course.providerId()::equals).orElse(false)))) {
            // another provider's course is answered like an unknown one: its existence is not the reporter's business
            field = "courseId";
            rejection = "course " + row.courseId() + " is not one of your catalog courses";
        }
        if (rejection == null) {
            Optional<String> refusal = CourseCredit.refusal(course, row.completedOn());
            if (refusal.isPresent()) {
                field = "courseId";
                rejection = refusal.get();
            }
        }
        if (rejection != null) {
            results[i] = RowResult.rejected(i, rowId, field, rejection);
            return null;
        }
        Evidence evidence = row.certificateNumber() == null ? null
                : new Evidence(course.providerName(), row.certificateNumber(), null, null);
        CreditContent content = CourseCredit.contentFor(course, null, null, row.completedOn(), evidence);
        List<FieldError> errors = CreditRules.check(content, latest);
        if (!errors.isEmpty()) {
            results[i] = RowResult.rejected(i, rowId, errors.get(0).field(), "the course's credit is not recordable: " + errors.get(0).message());
            return null;
        }
        return new Candidate(i, row, new Link(course.providerId(), course.id(), row.learnerId(), row.completedOn(), rowId, null), content);
    }
}
