package org.recert.catalog.service;

import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jboss.logging.Logger;
import org.recert.catalog.config.CatalogConfig;
import org.recert.catalog.domain.Actor;
import org.recert.catalog.domain.Course;
import org.recert.catalog.domain.CourseDraft;
import org.recert.catalog.domain.CourseQuery;
import org.recert.catalog.domain.CourseRules;
import org.recert.contracts.CourseStatus;
import org.recert.catalog.domain.Fee;
import org.recert.catalog.domain.QualityReview;
import org.recert.catalog.domain.QualityReviewer;
import org.recert.catalog.domain.QualityRules;
import org.recert.catalog.events.CourseEvents;
import org.recert.catalog.store.CourseEntity;
import org.recert.catalog.store.CourseRepository;
import org.recert.catalog.store.ProviderEntity;
import org.recert.catalog.store.ProviderRepository;
import org.recert.platform.problem.Problem;
import org.recert.platform.problem.ProblemException;
import org.recert.platform.web.ETags;
import org.recert.platform.web.Page;

/**
 * The course lifecycle: providers and curators write drafts, curators publish, change and retire them. Every
 * change of a published course and its event commit together; a refused change writes nothing.
 */
@ApplicationScoped
@Transactional
public class CourseCatalog {

    private static final Logger LOG = Logger.getLogger(CourseCatalog.class);

    private final CourseRepository courses;
    private final ProviderRepository providers;
    private final CourseEvents events;
    private final Validator validator;
    private final CourseRules rules;
    private final QualityReviewer reviewer;
    private final String currency;
    private final Counter publishedCounter;
    private final Counter retiredCounter;
    private final Clock clock;

    public CourseCatalog(CourseRepository courses, ProviderRepository providers, CourseEvents events, Validator validator,
            CatalogConfig config, MeterRegistry meters, Clock clock) {
        this.clock = clock;
        this.courses = courses;
        this.providers = providers;
        this.events = events;
        this.validator = validator;
        this.currency = config.currency();
        this.rules = new CourseRules(config.currency());
        this.reviewer = new QualityReviewer(new QualityRules(config.quality().maxFeePerContactHour(), config.quality().maxSubscriptionFee()));
        this.publishedCounter = Counter.builder("recert.catalog.courses.published").description("Courses published").register(meters);
        this.retiredCounter = Counter.builder("recert.catalog.courses.retired").description("Courses retired").register(meters);
    }

    /** A new DRAFT: curators for any provider, a provider for itself only. */
    public Course create(Actor actor, CourseDraft draft) {
        return create(actor, UUID.randomUUID(), draft);
    }

    /** As {@link #create(Actor, CourseDraft)} with the id given (the demo catalog keeps its ids stable). */
    public Course create(Actor actor, UUID id, CourseDraft draft) {
        requireWriter(actor, draft.providerId());
        validate(draft);
        ProviderEntity provider = activeProvider(draft.providerId());
        CourseEntity course = new CourseEntity();
        course.id = id;
        Instant now = now();
        course.status = CourseStatus.DRAFT;
        course.version = 1;
        course.createdAt = now;
        course.updatedAt = now;
        write(draft, provider, course);
        courses.persist(course);
        return CourseViews.course(course);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Course get(Actor actor, UUID id) {
        return CourseViews.course(visible(actor, id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean exists(UUID id) {
        return courses.findByIdOptional(id).isPresent();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public QualityReview quality(Actor actor, UUID id) {
        return visible(actor, id).qualityReview;
    }

    /**
     * Replaces a course. A provider may change only its own drafts; a curator any course that is not retired.
     * A change of a published course goes out as CourseUpdated.
     */
    public Course update(Actor actor, UUID id, String ifMatch, CourseDraft draft) {
        CourseEntity course = courses.findForUpdate(id).filter(c -> actor.canSee(c.status, c.provider.id))
                .orElseThrow(() -> ProblemException.notFound("course " + id));
        if (!actor.curator()) {
            if (!actor.actsFor(course.provider.id)) {
                throw ProblemException.forbidden("only curators and the course's provider change a course");
            }
            if (course.status != CourseStatus.DRAFT) {
                throw ProblemException.forbidden("a provider changes its drafts only; a curator changes a " + course.status + " course");
            }
            requireWriter(actor, draft.providerId());
        }
        if (course.status == CourseStatus.RETIRED) {
            throw ProblemException.conflict("a retired course does not change");
        }
        ETags.requireMatch(ifMatch, course.version);
        validate(draft);
        ProviderEntity provider = course.provider.id.equals(draft.providerId()) ? course.provider : activeProvider(draft.providerId());
        write(draft, provider, course);
        bump(course);
        Course view = CourseViews.course(course);
        if (course.status == CourseStatus.PUBLISHED) {
            events.updated(view);
        }
        return view;
    }

    /** DRAFT to PUBLISHED, by a curator; If-Match is checked when given. */
    public Course publish(Actor actor, UUID id, String ifMatch) {
        requireCurator(actor);
        CourseEntity course = courses.findForUpdate(id).orElseThrow(() -> ProblemException.notFound("course " + id));
        if (ifMatch != null) {
            ETags.requireMatch(ifMatch, course.version);
        }
        if (course.status != CourseStatus.DRAFT) {
            throw ProblemException.conflict("the course is " + course.status + "; only a DRAFT is published");
        }
        if (!course.provider.active) {
            throw ProblemException.conflict("the provider " + course.provider.name + " is inactive");
        }
        course.status = CourseStatus.PUBLISHED;
        course.publishedAt = now();
        bump(course);
        Course view = CourseViews.course(course);
        events.published(view);
        publishedCounter.increment();
        LOG.infof("course %s published by %s", id, actor.subject());
        return view;
    }

    /** PUBLISHED to RETIRED, by a curator: learners no longer find it; credits already earned keep it. */
    public Course retire(Actor actor, UUID id, String ifMatch) {
        requireCurator(actor);
        CourseEntity course = courses.findForUpdate(id).orElseThrow(() -> ProblemException.notFound("course " + id));
        if (ifMatch != null) {
            ETags.requireMatch(ifMatch, course.version);
        }
        if (course.status != CourseStatus.PUBLISHED) {
            throw ProblemException.conflict("the course is " + course.status + "; only a PUBLISHED course is retired");
        }
        course.status = CourseStatus.RETIRED;
        course.retiredOn = LocalDate.now(clock);
        bump(course);
        Course view = CourseViews.course(course);
        events.retired(view);
        retiredCounter.increment();
        LOG.infof("course %s retired by %s", id, actor.subject());
        return view;
    }

    /**
     * Published (and retired) courses for everyone; drafts for curators, and for a provider its own only.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Course> search(Actor actor, CourseQuery query) {
        CourseQuery effective = query;
        if (query.status() == CourseStatus.DRAFT && !actor.curator()) {
            if (actor.provider().isEmpty()) {
                throw ProblemException.forbidden("drafts are visible to curators and their provider only");
            }
            if (query.providerId() != null && !actor.actsFor(query.providerId())) {
                throw ProblemException.forbidden("a provider sees its own drafts only");
            }
            effective = query.withProvider(actor.provider().get());
        }
        CourseRepository.SearchPage page = courses.search(effective);
        return Page.of(page.courses().stream().map(CourseViews::course).toList(), page.nextCursor());
    }

    /** Re-announces the published courses of a provider whose name changed, since events carry it. */
    public void providerRenamed(UUID providerId) {
        for (CourseEntity course : courses.publishedOf(providerId)) {
            bump(course);
            events.updated(CourseViews.course(course));
        }
    }

    private void write(CourseDraft draft, ProviderEntity provider, CourseEntity course) {
        Fee fee = normalized(draft.fee());
        CourseDraft normalized = new CourseDraft(draft.title(), draft.providerId(), draft.description(), draft.format(), draft.scope(),
                draft.specialty(), draft.credit(), draft.approval(), fee, draft.refundPolicy(), draft.rationale(),
                draft.learningOutcomes(), draft.instructorCredentials(), draft.instructionalMethods());
        CourseViews.apply(normalized, fee, provider, course);
        QualityReview review = reviewer.review(normalized);
        course.qualityReview = review;
        course.qualityScore = review.score();
    }

    private Fee normalized(Fee fee) {
        if (fee.isFree()) {
            return Fee.free(currency);
        }
        return new Fee(fee.model(), fee.amount().setScale(2, RoundingMode.UNNECESSARY), fee.currency() == null ? currency : fee.currency());
    }

    private void validate(CourseDraft draft) {
        Set<ConstraintViolation<CourseDraft>> violations = validator.validate(draft);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        List<Problem.FieldError> errors = new ArrayList<>(rules.check(draft));
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private CourseEntity visible(Actor actor, UUID id) {
        return courses.findByIdOptional(id).filter(c -> actor.canSee(c.status, c.provider.id))
                .orElseThrow(() -> ProblemException.notFound("course " + id));
    }

    private ProviderEntity activeProvider(UUID providerId) {
        ProviderEntity provider = providers.findByIdOptional(providerId)
                .orElseThrow(() -> ProblemException.invalid("providerId", "no such provider"));
        if (!provider.active) {
            throw ProblemException.invalid("providerId", "the provider is inactive");
        }
        return provider;
    }

    private static void requireWriter(Actor actor, UUID providerId) {
        if (actor.curator()) {
            return;
        }
        if (actor.provider().isEmpty()) {
            throw ProblemException.forbidden("only curators and providers write courses");
        }
        if (providerId != null && !actor.actsFor(providerId)) {
            throw ProblemException.forbidden("a provider writes courses for its own provider id only");
        }
    }

    private static void requireCurator(Actor actor) {
        if (!actor.curator()) {
            throw ProblemException.forbidden("only curators publish and retire courses");
        }
    }

    private void bump(CourseEntity course) {
        course.version++;
        course.updatedAt = now();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
