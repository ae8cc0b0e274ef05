package org.recert.catalog.store;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import org.recert.catalog.domain.ApprovalFilter;
import org.recert.catalog.domain.CourseQuery;
import org.recert.catalog.domain.CourseSort;
import org.recert.contracts.CourseStatus;
import org.recert.platform.problem.ProblemException;
import org.recert.platform.web.Cursor;

/**
 * Courses, and the search: one native query over the indexed columns with keyset paging on (sort key, id), then
 * the page's rows loaded with their providers.
 */
@ApplicationScoped
public class CourseRepository implements PanacheRepositoryBase<CourseEntity, UUID> {

    /** One page of search results and the sort key of its last row, for the next cursor. */
    private static final Pattern SORT_KEY = Pattern.compile("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?|Infinity");

    private final Clock clock;

    public CourseRepository(Clock clock) {
        this.clock = clock;
    }

    public record SearchPage(List<CourseEntity> courses, String nextCursor) {
    }

    public Optional<CourseEntity> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public List<CourseEntity> publishedOf(UUID providerId) {
        return list("provider.id = ?1 and status = ?2 order by id", providerId, CourseStatus.PUBLISHED);
    }

    public SearchPage search(CourseQuery query) {
        SearchSql search = SearchSql.of(query, LocalDate.now(clock));
        Query native_ = getEntityManager().createNativeQuery(search.sql());
        search.parameters().forEach(native_::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = native_.getResultList();
        boolean more = rows.size() > query.limit();
        List<Object[]> page = more ? rows.subList(0, query.limit()) : rows;
        List<UUID> ids = page.stream().map(row -> UUID.fromString(row[0].toString())).toList();
        String next = null;
        if (more) {
            Object[] last = page.get(page.size() - 1);
            next = Cursor.encode(search.ordering().name, String.valueOf(last[1]), last[0].toString());
        }
        return new SearchPage(load(ids), next);
    }

    /** The executed plan of the search's query, for operators and the search benchmark (EXPLAIN ANALYZE runs it). */
    public String plan(CourseQuery query) {
        SearchSql search = SearchSql.of(query, LocalDate.now(clock));
        Query explain = getEntityManager().createNativeQuery("explain (analyze, buffers) " + search.sql());
        search.parameters().forEach(explain::setParameter);
        @SuppressWarnings("unchecked")
        List<Object> lines = explain.getResultList();
        return lines.stream().map(String::valueOf).collect(Collectors.joining("\n"));
    }

    /** The id-and-sort-key query of a search, with its parameters. */
    private record SearchSql(String sql, Map<String, Object> parameters, Ordering ordering) {

        static SearchSql of(CourseQuery query, LocalDate today) {
            Ordering ordering = Ordering.of(query);
            // the key goes out as text (numeric Infinity included) and comes back through a cast: exact for every type
            StringBuilder sql = new StringBuilder("select c.id, cast(").append(ordering.key).append(" as text) from course c where c.status = :status");
            Map<String, Object> parameters = new HashMap<>();
            parameters.put("status", query.status().name());
            if (query.hasText()) {
                sql.append(" and c.search_vector @@ websearch_to_tsquery('english', :q)");
                parameters.put("q", query.q());
            }
            if (query.category() != null) {
                sql.append(" and c.credit_").append(query.category().name().toLowerCase(java.util.Locale.ROOT)).append(" > 0");
            }
            if (query.approval() != null) {
                // approved means approved today: an approval whose validity has not begun or has ended does not count
                String approvedToday = "(c.approval_body is not null and c.approval_valid_from <= :today and c.approval_valid_to >= :today)";
                sql.append(query.approval() == ApprovalFilter.AAMA ? " and " : " and not ").append(approvedToday);
                parameters.put("today", today);
            }
            if (query.free() != null) {
                sql.append(query.free() ? " and c.fee_model = 'FREE'" : " and c.fee_model <> 'FREE'");
            }
            if (query.format() != null) {
                sql.append(" and c.format = :format");
                parameters.put("format", query.format().name());
            }
            if (query.scope() != null) {
                sql.append(" and c.scope = :scope");
                parameters.put("scope", query.scope().name());
            }
            if (query.maxFee() != null) {
                sql.append(" and c.fee_amount <= :maxFee");
                parameters.put("maxFee", query.maxFee());
            }
            if (query.minQuality() != null) {
                sql.append(" and c.quality_score >= :minQuality");
                parameters.put("minQuality", query.minQuality());
            }
            if (query.providerId() != null) {
                sql.append(" and c.provider_id = :providerId");
                parameters.put("providerId", query.providerId());
            }
            if (query.cursor() != null) {
                List<String> values = Cursor.decode(query.cursor(), 3);
                if (!values.get(0).equals(ordering.name)) {
                    throw ProblemException.invalid("cursor", "belongs to another sort order; start again without a cursor");
                }
                sql.append(" and (").append(ordering.key).append(", c.id) ").append(ordering.ascending ? ">" : "<")
                        .append(" (cast(:afterKey as ").append(ordering.sqlType).append("), :afterId)");
                parameters.put("afterKey", parseKey(values.get(1)));
                parameters.put("afterId", Cursor.uuid(values.get(2)));
            }
            String direction = ordering.ascending ? " asc" : " desc";
            sql.append(" order by ").append(ordering.key).append(direction).append(", c.id").append(direction).append(" limit :limit");
            parameters.put("limit", query.limit() + 1);
            return new SearchSql(sql.toString(), parameters, ordering);
        }
    }

    /** The courses of {@code ids} with their providers, in the order of {@code ids}. */
    private List<CourseEntity> load(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, CourseEntity> byId = getEntityManager()
                .createQuery("select c from CourseEntity c join fetch c.provider where c.id in :ids", CourseEntity.class)
                .setParameter("ids", ids).getResultStream()
                .collect(Collectors.toMap(c -> c.id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        List<CourseEntity> ordered = new ArrayList<>(ids.size());
        ids.forEach(id -> ordered.add(byId.get(id)));
        return ordered;
    }

    private static String parseKey(String value) {
        if (!SORT_KEY.matcher(value).matches()) {
            throw ProblemException.invalid("cursor", "is not a cursor this list issued");
        }
        return value;
    }

    /** The sort key expression of a sort order, its direction, and how its cursor value is cast back. */
    private record Ordering(String name, String key, boolean ascending, String sqlType) {

        static Ordering of(CourseQuery query) {
            CourseSort sort = query.sort();
            // with a text query the GIN index finds the matches and they are sorted; "+ 0" keeps the planner from walking
            // the sort's index instead and testing the text row by row, which scans the whole index when the text is rare
            String indexed = query.hasText() ? " + 0" : "";
            if (sort == CourseSort.FEE) {
                return new Ordering("fee", "(c.fee_amount" + indexed + ")", true, "numeric");
            }
            if (sort == CourseSort.HOURS_PER_DOLLAR) {
                return new Ordering("hoursPerDollar", "(c.hours_per_dollar" + indexed + ")", false, "numeric");
            }
            if (query.hasText()) {
                return new Ordering("relevance-text", "ts_rank(c.search_vector, websearch_to_tsquery('english', :q))", false, "real");
            }
            return new Ordering("relevance", "c.quality_score", false, "integer");
        }
    }
}
