package org.recert.compliance.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads rule files. {@code rulesets/index.json} on the classpath lists the files (a JSON array of file names)
 * so that no classpath scanning is needed; each file is named after its credential code.
 */
public final class RuleSetLoader {

    public static final String DIRECTORY = "rulesets/";
    public static final String INDEX = DIRECTORY + "index.json";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private RuleSetLoader() {
    }

    /** Reads one rule file. */
    public static RuleSet load(InputStream json) {
        Objects.requireNonNull(json, "json");
        try {
            return MAPPER.readValue(json, RuleFile.class).toRuleSet();
        } catch (JsonProcessingException e) {
            throw new InvalidRuleSetException("cannot read rule file: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InvalidRuleSetException("cannot read rule file", e);
        }
    }

    /** Every rule file listed in the index on this class's classpath, by credential code, in index order. */
    public static Map<String, RuleSet> loadAll() {
        return loadAll(RuleSetLoader.class.getClassLoader());
    }

    /** Every rule file listed in the index on a classpath, by credential code, in index order. */
    public static Map<String, RuleSet> loadAll(ClassLoader classLoader) {
        List<String> files = readIndex(classLoader);
        Map<String, RuleSet> byCode = new LinkedHashMap<>();
        for (String file : files) {
            RuleSet ruleSet;
            try (InputStream in = classLoader.getResourceAsStream(DIRECTORY + file)) {
                if (in == null) {
                    throw new InvalidRuleSetException("rule file listed in the index is missing: " + DIRECTORY + file);
                }
                ruleSet = load(in);
            } catch (IOException e) {
                throw new InvalidRuleSetException("cannot read " + DIRECTORY + file, e);
            }
            if (!file.equals(ruleSet.code() + ".json")) {
                throw new InvalidRuleSetException(DIRECTORY + file + " holds credential " + ruleSet.code()
                        + ": name the file after its code");
            }
            if (byCode.putIfAbsent(ruleSet.code(), ruleSet) != null) {
                throw new InvalidRuleSetException("credential " + ruleSet.code() + " is listed twice");
            }
        }
        return Collections.unmodifiableMap(byCode);
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

    /** The file's shape: boxed numbers, so that a missing one is reported instead of read as 0. */
    private record RuleFile(
            String code,
            String name,
            String issuer,
            String version,
            String pointName,
            Integer cycleMonths,
            Boolean cycleEndsAtMonthEnd,
            BigDecimal totalPoints,
            Map<Category, BigDecimal> categoryMinimums,
            BigDecimal approvedMinimum,
            Approval approvingBody,
            Integer minimumContactMinutes,
            Integer graceDays,
            Integer atRiskDays,
            Map<CreditUnit, UnitRule> units,
            Map<ActivityType, String> excludedActivities,
            List<String> notes) {

        RuleSet toRuleSet() {
            return new RuleSet(code, name, issuer, version, pointName,
                    required(cycleMonths, "cycleMonths"), required(cycleEndsAtMonthEnd, "cycleEndsAtMonthEnd"),
                    totalPoints, categoryMinimums, approvedMinimum, approvingBody, minimumContactMinutes,
                    required(graceDays, "graceDays"), required(atRiskDays, "atRiskDays"),
                    units, excludedActivities, notes);
        }

        private static <T> T required(T value, String field) {
            if (value == null) {
                throw new InvalidRuleSetException(field + " is required");
            }
            return value;
        }
    }
}
