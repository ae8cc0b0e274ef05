package org.recert.credits.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import org.recert.platform.runtime.Failures;
import org.recert.credits.domain.Course;
import org.recert.credits.domain.CourseCredit;
import org.recert.credits.domain.Credit;
import org.recert.credits.domain.CreditContent;
import org.recert.credits.domain.CreditRules;
import org.recert.contracts.CreditSource;
import org.recert.contracts.CreditStatus;
import org.recert.credits.domain.Transcript;
import org.recert.credits.domain.Vouching;
import org.recert.credits.events.LedgerEvents;
import org.recert.credits.store.CourseStore;
import org.recert.credits.domain.CreditFilter;
import org.recert.credits.store.CreditStore;
import org.recert.credits.store.IdempotencyStore;
import org.recert.platform.problem.Problem.FieldError;
import org.recert.platform.problem.ProblemException;
import org.recert.platform.web.Cursor;
import org.recert.platform.web.ETags;
import org.recert.platform.web.Page;

/**
 * The credit ledger: recording (idempotent), correcting and revoking credits, each change a new version and
 * an event in the same transaction; reading lists and transcripts. Callers have already checked who may act.
 */
@ApplicationScoped
@Transactional
public class CreditLedger {

    public static final String COUNTER = "recert.credits.recorded";

    /** The outcome of a recording: the credit, and whether it is the stored answer to an earlier request. */
    public record Recorded(Credit credit, boolean replayed) {
    }

    private final CreditStore credits;
    private final CourseStore courses;
    private final IdempotencyStore idempotency;
    private final LedgerEvents events;
    private final ObjectMapper objectMapper;
    private final MeterRegistry meters;
    private final Clock clock;

    public CreditLedger(CreditStore credits, CourseStore courses, IdempotencyStore idempotency, LedgerEvents events,
            ObjectMapper objectMapper, MeterRegistry meters, Clock clock) {
        this.credits = credits;
        this.courses = courses;
        this.idempotency = idempotency;
        this.events = events;
        this.objectMapper = objectMapper;
        this.meters = meters;
        this.clock = clock;
    }

    /** The latest completion date accepted: today where the day starts first (UTC+14), so nobody's today is "future". */
    public LocalDate latestCompletionDate() {
        // from the instant: the service's clock keeps to UTC whatever zone it is asked for
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.ofHours(14));
    }

    /**
     * Records a credit once per idempotency key: the same key with the same body answers the first credit;
     * with another body, 422. Nothing is written when the request is refused.
     */
    public Recorded record(String learnerId, String idempotencyKey, NewCredit request, CreditSource source,
            String recordedBy) {
        String hash = hash(request);
        UUID creditId = UUID.randomUUID();
        if (!idempotency.claim(learnerId, idempotencyKey, hash, creditId)) {
            IdempotencyStore.Stored stored = idempotency.find(learnerId, idempotencyKey)
                    .orElseThrow(() -> ProblemException.conflict("the Idempotency-Key is being used by a concurrent request; retry"));
            if (!stored.requestHash().equals(hash)) {
                throw ProblemException.unprocessable("Idempotency-Key",
                        "this Idempotency-Key was used with another body; use a new key for a new credit");
            }
            // the first answer: the credit as that request recorded it, its first version
            Credit first = credits.versions(stored.creditId()).stream().findFirst()
                    .orElseThrow(() -> new IllegalStateException("key " + idempotencyKey + " names a credit the ledger lacks"));
            return new Recorded(first, true);
        }
        // refusals below roll the claim of the key back with everything else: nothing is written
        CreditContent content = contentOf(request);
        List<FieldError> errors = CreditRules.check(content, latestCompletionDate());
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if (content.courseId() != null) {
            credits.activeCreditFor(learnerId, content.courseId(), content.completedOn()).ifPresent(existing -> {
                throw ProblemException.conflict("credit " + existing + " already records course " + content.courseId()
                        + " completed on " + content.completedOn());
            });
        }
        Credit credit = Credit.of(creditId, learnerId, content, source, CreditStatus.ACTIVE, 1, credits.now(), null);
        insert(credit, recordedBy);
        events.recorded(credit);
        meters.counter(COUNTER, "source", source.name()).increment();
        return new Recorded(credit, false);
    }

    /** Makes a new version with the fields the correction sets; only the holder of the current ETag may. */
    public Credit correct(String learnerId, UUID creditId, String ifMatch, Correction correction, boolean byAdmin,
            String recordedBy) {
        Credit current = current(learnerId, creditId);
        ETags.requireMatch(ifMatch, current.version());
        if (!current.isActive()) {
            throw ProblemException.conflict("credit " + creditId + " is revoked; record a new credit instead");
        }
        CreditContent was = current.content();
        CreditContent merged = new CreditContent(
                or(correction.activityType(), was.activityType()),
                or(correction.title(), was.title()),
                or(correction.providerName(), was.providerName()),
                was.courseId(),
                or(correction.completedOn(), was.completedOn()),
                or(correction.amount(), was.amount()),
                or(correction.categories(), was.categories()),
                or(correction.approval(), was.approval()),
                or(correction.contactMinutes(), was.contactMinutes()),
                or(correction.evidence(), was.evidence()));
        CreditContent corrected = was.courseId() == null ? merged : withCourseTerms(merged, was, correction, byAdmin);
        List<FieldError> errors = CreditRules.check(corrected, latestCompletionDate());
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if (corrected.equals(was)) {
            throw ProblemException.unprocessable("body", "the correction changes nothing");
        }
        if (corrected.courseId() != null && !corrected.completedOn().equals(was.completedOn())) {
            credits.activeCreditFor(learnerId, corrected.courseId(), corrected.completedOn()).ifPresent(existing -> {
                throw ProblemException.conflict("credit " + existing + " already records this course on " + corrected.completedOn());
            });
        }
        Credit next = Credit.of(creditId, learnerId, corrected, current.source(),
                Vouching.corrected(current.verification(), correction.evidence(), corrected.evidence()), CreditStatus.ACTIVE,
                current.version() + 1, credits.now(), correction.reason().strip());
        append(next, recordedBy);
        events.corrected(next);
        return next;
    }

    /** Revokes a credit: a new version with status REVOKED and the reason; the credit then counts for nothing. */
    public Credit revoke(String learnerId, UUID creditId, String ifMatch, String reason, String recordedBy) {
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalid("reason", "is required: say why the credit is revoked");
        }
        if (reason.length() > 500) {
            throw ProblemException.invalid("reason", "must be at most 500 characters");
        }
        Credit current = current(learnerId, creditId);
        ETags.requireMatch(ifMatch, current.version());
        if (!current.isActive()) {
            throw ProblemException.conflict("credit " + creditId + " is already revoked");
        }
        Credit next = Credit.of(creditId, learnerId, current.content(), current.source(), current.verification(),
                CreditStatus.REVOKED, current.version() + 1, credits.now(), reason.strip());
        append(next, recordedBy);
        events.revoked(next);
        return next;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Credit current(String learnerId, UUID creditId) {
        return credits.current(creditId).filter(c -> c.learnerId().equals(learnerId))
                .orElseThrow(() -> ProblemException.notFound("credit " + creditId));
    }

    /** Every version of the credit, oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Credit> versions(String learnerId, UUID creditId) {
        List<Credit> versions = credits.versions(creditId);
        if (versions.isEmpty() || !versions.get(0).learnerId().equals(learnerId)) {
            throw ProblemException.notFound("credit " + creditId);
        }
        return versions;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Credit> list(String learnerId, CreditFilter filter, String cursor, int size) {
        checkRange(filter.from(), filter.to());
        After after = after(cursor);
        return page(credits.list(learnerId, filter, after.completedOn(), after.id(), size + 1), size);
    }

    /**
     * One page of the learner's active credits completed in [from, to] (either end open), oldest first, with the totals
     * of the whole period (summed by the database, whatever the number of credits).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Transcript transcript(String learnerId, LocalDate from, LocalDate to, String cursor, int size) {
        checkRange(from, to);
        After after = after(cursor);
        CreditFilter filter = CreditFilter.activeBetween(from, to);
        Page<Credit> page = page(credits.listOldestFirst(learnerId, filter, after.completedOn(), after.id(), size + 1), size);
        return Transcript.page(learnerId, from, to, credits.now(), page.items(), credits.sums(learnerId, filter),
                page.nextCursor());
    }

    /** Writes a whole transcript: the period's sums, and its credits as they stream from the database (oldest first). */
    @FunctionalInterface
    public interface TranscriptWriter {
        void write(List<Transcript.Sum> sums, Consumer<Consumer<Credit>> credits) throws IOException;
    }

    /** Hands the whole transcript of [from, to] to {@code writer} in one transaction, never holding all its credits at once. */
    @Transactional
    public void exportTranscript(String learnerId, LocalDate from, LocalDate to, TranscriptWriter writer) throws IOException {
        checkRange(from, to);
        CreditFilter filter = CreditFilter.activeBetween(from, to);
        writer.write(credits.sums(learnerId, filter), sink -> credits.streamOldestFirst(learnerId, filter, sink));
    }

    private record After(LocalDate completedOn, UUID id) {
    }

    /** Where the previous page ended: the (completedOn, id) of its last credit, as its cursor says. */
    private static After after(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return new After(null, null);
        }
        List<String> values = Cursor.decode(cursor, 2);
        return new After(Cursor.date(values.get(0)), Cursor.uuid(values.get(1)));
    }

    /** A page of {@code size} from {@code rows} fetched with one more, which says whether another page follows. */
    private static Page<Credit> page(List<Credit> rows, int size) {
        if (rows.size() <= size) {
            return Page.of(rows, null);
        }
        List<Credit> page = rows.subList(0, size);
        Credit last = page.get(size - 1);
        return Page.of(page, Cursor.encode(last.completedOn().toString(), last.id().toString()));
    }

    private CreditContent contentOf(NewCredit request) {
        CreditContent asSent = new CreditContent(request.activityType(), request.title(), request.providerName(), request.courseId(),
                request.completedOn(), request.amount(), request.categories(), request.approval(), request.contactMinutes(),
                request.evidence());
        if (request.courseId() == null) {
            return asSent;
        }
        Course course = courses.find(request.courseId())
                .orElseThrow(() -> ProblemException.unprocessable("courseId", "course " + request.courseId() + " is not in the catalog"));
        if (request.completedOn() != null) {
            CourseCredit.refusal(course, request.completedOn()).ifPresent(reason -> {
                throw ProblemException.unprocessable("courseId", reason);
            });
        }
        CreditContent fromCourse = CourseCredit.contentFor(course, request.activityType(), request.title(), request.completedOn(),
                request.evidence());
        if (request.contactMinutes() != null && fromCourse.contactMinutes() == null) {
            fromCourse = with(fromCourse, request.contactMinutes());
        }
        requireAgreement("amount", request.amount(), fromCourse.amount(), course);
        requireAgreement("approval", request.approval(), fromCourse.approval(), course);
        requireAgreement("providerName", request.providerName(), fromCourse.providerName(), course);
        if (request.categories() != null && !new java.util.HashSet<>(request.categories()).equals(new java.util.HashSet<>(fromCourse.categories()))) {
            throw ProblemException.unprocessable("categories", "differs from the split of course " + course.id() + ": "
                    + fromCourse.categories() + "; leave it out to take the course's");
        }
        return fromCourse;
    }

    /** A correction of a catalog course's credit keeps the course's terms unless an admin overrides them. */
    private CreditContent withCourseTerms(CreditContent merged, CreditContent was, Correction correction, boolean byAdmin) {
        if (!byAdmin) {
            if (correction.amount() != null && !correction.amount().equals(was.amount())) {
                throw ProblemException.unprocessable("amount", "is set by the catalog course; only an admin may override it");
            }
            if (correction.categories() != null && !correction.categories().equals(was.categories())) {
                throw ProblemException.unprocessable("categories", "are set by the catalog course; only an admin may override them");
            }
            if (correction.approval() != null && correction.approval() != was.approval()) {
                throw ProblemException.unprocessable("approval", "is set by the catalog course; only an admin may override it");
            }
        }
        if (merged.completedOn().equals(was.completedOn())) {
            return merged;
        }
        Course course = courses.find(was.courseId()).orElse(null);
        if (course == null) {
            return merged;
        }
        CourseCredit.refusal(course, merged.completedOn()).ifPresent(reason -> {
            throw ProblemException.unprocessable("completedOn", reason);
        });
        if (correction.approval() != null && byAdmin) {
            return merged;
        }
        return new CreditContent(merged.activityType(), merged.title(), merged.providerName(), merged.courseId(), merged.completedOn(),
                merged.amount(), merged.categories(), CourseCredit.approvalOn(course, merged.completedOn()), merged.contactMinutes(),
                merged.evidence());
    }

    private static void requireAgreement(String field, Object sent, Object fromCourse, Course course) {
        if (sent != null && !sent.equals(fromCourse)) {
            throw ProblemException.unprocessable(field, "differs from course " + course.id() + " (" + fromCourse
                    + "); leave it out to take the course's");
        }
    }

    private static CreditContent with(CreditContent c, Integer minutes) {
        return new CreditContent(c.activityType(), c.title(), c.providerName(), c.courseId(), c.completedOn(), c.amount(),
                c.categories(), c.approval(), minutes, c.evidence());
    }

    /** A period whose end is before its start is refused (400 naming {@code to}). */
    public static void checkRange(LocalDate from, LocalDate to) {
        if (from != null && to != null && to.isBefore(from)) {
            throw ProblemException.invalid("to", "must not be before from");
        }
    }

    private void insert(Credit credit, String recordedBy) {
        try {
            credits.insert(credit, recordedBy);
        } catch (PersistenceException e) {
            if (Failures.isUniqueViolation(e)) {
                throw ProblemException.conflict("this course completion is already in the ledger");
            }
            throw e;
        }
    }

    private void append(Credit next, String recordedBy) {
        boolean appended;
        try {
            appended = credits.append(next, recordedBy);
        } catch (PersistenceException e) {
            if (Failures.isUniqueViolation(e)) {
                throw ProblemException.preconditionFailed("credit " + next.id() + " was changed concurrently; read it again");
            }
            throw e;
        }
        if (!appended) {
            throw ProblemException.preconditionFailed("credit " + next.id() + " was changed concurrently; read it again");
        }
    }

    private String hash(NewCredit request) {
        try {
            byte[] canonical = objectMapper.writeValueAsString(request).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash the request", e);
        }
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
