package org.recert.compliance.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.recert.contracts.Category;
import org.recert.contracts.CreditUnit;
import org.recert.contracts.Approval;
import org.recert.contracts.ActivityType;

/**
 * Reads rule files. {@code rulesets/index.json} on the classpath lists the files (a JSON array of file names)
 * so that no classpath scanning is needed; each file is named after its credential code.
 *
 * <p>A file is either one version (the rules at its top level) or a credential with {@code sources} (id to
 * {@code {title, url}}) and {@code versions}, oldest first: the first version states every rule, each later one only
 * what changed, over the one before it. A changed map ({@code units}, {@code excludedActivities}, {@code citations},
 * {@code requiredUnits}) changes entry by entry, and an entry or field set to null is removed. Citations name a source
 * by id: {@code "citations": {"totalPoints": {"source": "policies", "confidence": "published"}}}.
 */
public final class RuleSetLoader {

    public static final String DIRECTORY = "rulesets/";
    public static final String INDEX = DIRECTORY + "index.json";

    private static final Set<String> MERGED_BY_ENTRY = Set.of("units", "excludedActivities", "citations", "requiredUnits");

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private RuleSetLoader() {
    }

    /** Reads a rule file of one version. */
    public static RuleSet load(InputStream json) {
        Credential credential = loadCredential(json);
        if (credential.versions().size() != 1) {
            throw new InvalidRuleSetException(credential.code() + " has several versions: load it as a credential");
        }
        return credential.latest();
    }

    /** Reads a rule file, with all its versions. */
    public static Credential loadCredential(InputStream json) {
        Objects.requireNonNull(json, "json");
        try {
            JsonNode root = MAPPER.readTree(json);
            if (root == null || !root.isObject()) {
                throw new InvalidRuleSetException("a rule file must be a JSON object");
            }
            return credential((ObjectNode) root);
        } catch (JsonProcessingException e) {
            throw new InvalidRuleSetException("cannot read rule file: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InvalidRuleSetException("cannot read rule file", e);
        }
    }

    /** Every rule file listed in the index on this class's classpath, by credential code, in index order. */
    public static Map<String, Credential> loadAll() {
        return loadAll(RuleSetLoader.class.getClassLoader());
    }

    /**
     * Every rule file listed in the index on a classpath, by credential code, in index order. Shipped files must cite a
     * source for every rule of every version.
     */
    public static Map<String, Credential> loadAll(ClassLoader classLoader) {
        List<String> files = readIndex(classLoader);
        Map<String, Credential> byCode = new LinkedHashMap<>();
        for (String file : files) {
            Credential credential;
            try (InputStream in = classLoader.getResourceAsStream(DIRECTORY + file)) {
                if (in == null) {
                    throw new InvalidRuleSetException("rule file listed in the index is missing: " + DIRECTORY + file);
                }
                credential = loadCredential(in);
            } catch (IOException e) {
                throw new InvalidRuleSetException("cannot read " + DIRECTORY + file, e);
            }
            if (!file.equals(credential.code() + ".json")) {
                throw new InvalidRuleSetException(DIRECTORY + file + " holds credential " + credential.code()
                        + ": name the file after its code");
            }
            credential.requireEveryRuleCited();
            if (byCode.putIfAbsent(credential.code(), credential) != null) {
                throw new InvalidRuleSetException("credential " + credential.code() + " is listed twice");
            }
        }
        return Collections.unmodifiableMap(byCode);
    }

    private static Credential credential(ObjectNode root) throws JsonProcessingException {
        Map<String, Source> sources = new LinkedHashMap<>();
        JsonNode sourceNodes = root.remove("sources");
        if (sourceNodes != null && !sourceNodes.isNull()) {
            Map<String, SourceFile> read;
            try {
                read = MAPPER.readerFor(new TypeReference<LinkedHashMap<String, SourceFile>>() { }).readValue(sourceNodes);
            } catch (IOException e) {
                throw new InvalidRuleSetException("sources must map ids to {title, url}: " + e.getMessage(), e);
            }
            read.forEach((id, source) -> sources.put(id, new Source(source.title(), source.url())));
        }
        JsonNode versionNodes = root.remove("versions");
        List<RuleSet> versions = new ArrayList<>();
        if (versionNodes == null || versionNodes.isNull()) {
            versions.add(ruleSet(root, sources));
        } else {
            if (!versionNodes.isArray() || versionNodes.isEmpty()) {
                throw new InvalidRuleSetException("versions must be a non-empty list");
            }
            ObjectNode current = root.deepCopy();
            for (JsonNode change : versionNodes) {
                if (!change.isObject()) {
                    throw new InvalidRuleSetException("each version must be an object");
                }
                current = merged(current, (ObjectNode) change);
                versions.add(ruleSet(current, sources));
            }
        }
        RuleSet first = versions.get(0);
        return new Credential(first.code(), first.name(), first.issuer(), sources, versions);
    }

    /** The version before with a version's changes over it. */
    private static ObjectNode merged(ObjectNode before, ObjectNode change) {
        ObjectNode result = before.deepCopy();
        Iterator<Map.Entry<String, JsonNode>> fields = change.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (value.isNull()) {
                result.remove(name);
            } else if (MERGED_BY_ENTRY.contains(name) && value.isObject() && result.get(name) instanceof ObjectNode entries) {
                ObjectNode copy = entries.deepCopy();
                value.fields().forEachRemaining(entry -> {
                    if (entry.getValue().isNull()) {
                        copy.remove(entry.getKey());
                    } else {
                        copy.set(entry.getKey(), entry.getValue());
                    }
                });
                result.set(name, copy);
            } else {
                result.set(name, value);
            }
        }
        return result;
    }

    private static RuleSet ruleSet(ObjectNode node, Map<String, Source> sources) throws JsonProcessingException {
        return MAPPER.treeToValue(node, RuleFile.class).toRuleSet(sources);
    }

    private static List<String> readIndex(ClassLoader classLoader) {
        try (InputStream in = classLoader.getResourceAsStream(INDEX)) {
            if (in == null) {
                throw new InvalidRuleSetException("no " + INDEX + " on the classpath");
            }
            return MAPPER.readValue(in, new TypeReference<List<String>>() { });
        } catch (IOException e) {
            throw new InvalidRuleSetException("cannot read " + INDEX, e);
        }
    }

    private record SourceFile(String title, String url) {
    }

    private record CitationFile(String source, String confidence, String note) {

        Citation toCitation(String rule, Map<String, Source> sources) {
            Source cited = sources.get(source);
            if (cited == null) {
                throw new InvalidRuleSetException("rule " + rule + " cites unknown source '" + source + "'");
            }
            Confidence level;
            try {
                level = Confidence.valueOf(String.valueOf(confidence).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidRuleSetException("rule " + rule + ": confidence must be published or interpretation");
            }
            return new Citation(cited, level, note);
        }
    }

    private record ExclusionFile(String reason, String completedFrom) {
    }

    private record ProcessingFile(Integer allApprovedDays, Integer otherDays) {
    }

    /** The file's shape: boxed numbers, so that a missing one is reported instead of read as 0. */
    private record RuleFile(
            String code,
            String name,
            String issuer,
            String version,
            String effectiveFrom,
            String pointName,
            Integer cycleMonths,
            Boolean cycleEndsAtMonthEnd,
            BigDecimal totalPoints,
            Map<Category, BigDecimal> categoryMinimums,
            BigDecimal approvedMinimum,
            Approval approvingBody,
            Integer minimumContactMinutes,
            Integer graceDays,
            String graceEndsBy,
            Boolean creditsAfterDueDateCount,
            Integer atRiskDays,
            Map<CreditUnit, UnitRule> units,
            Map<CreditUnit, Integer> requiredUnits,
            Map<ActivityType, ExclusionFile> excludedActivities,
            ProcessingFile processingDays,
            String contact,
            String applicationNote,
            Map<String, CitationFile> citations,
            List<String> notes) {

        RuleSet toRuleSet(Map<String, Source> sources) {
            Map<ActivityType, ActivityExclusion> excluded = new LinkedHashMap<>();
            if (excludedActivities != null) {
                excludedActivities.forEach((type, exclusion) -> excluded.put(type, exclusion == null ? null
                        : new ActivityExclusion(exclusion.reason(), date(exclusion.completedFrom(), "excludedActivities." + type))));
            }
            Map<String, Citation> cited = new LinkedHashMap<>();
            if (citations != null) {
                citations.forEach((rule, citation) -> cited.put(rule, required(citation, "citations." + rule).toCitation(rule, sources)));
            }
            ApplicationProcessing processing = processingDays == null ? null : new ApplicationProcessing(
                    required(processingDays.allApprovedDays(), "processingDays.allApprovedDays"),
                    required(processingDays.otherDays(), "processingDays.otherDays"));
            return new RuleSet(code, name, issuer, version, date(effectiveFrom, "effectiveFrom"), pointName,
                    required(cycleMonths, "cycleMonths"), required(cycleEndsAtMonthEnd, "cycleEndsAtMonthEnd"),
                    totalPoints, categoryMinimums, approvedMinimum, approvingBody, minimumContactMinutes,
                    required(graceDays, "graceDays"), date(graceEndsBy, "graceEndsBy"),
                    creditsAfterDueDateCount == null || creditsAfterDueDateCount, required(atRiskDays, "atRiskDays"),
                    units, requiredUnits, excluded, processing, contact, applicationNote, cited, notes);
        }

        private static LocalDate date(String value, String field) {
            if (value == null) {
                return null;
            }
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw new InvalidRuleSetException(field + " must be an ISO date, not '" + value + "'");
            }
        }

        private static <T> T required(T value, String field) {
            if (value == null) {
                throw new InvalidRuleSetException(field + " is required");
            }
            return value;
        }
    }
}
