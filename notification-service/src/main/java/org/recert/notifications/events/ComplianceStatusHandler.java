package org.recert.notifications.events;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import org.recert.notifications.domain.Missing;
import org.recert.notifications.domain.StatusSnapshot;
import org.recert.notifications.service.Reminders;
import org.recert.platform.events.EventHandler;
import org.recert.platform.events.IncomingEvent;

/**
 * Projects compliance.status.v1 (docs/events/compliance.status.v1.schema.json) and decides the reminders a change calls
 * for. Fields it does not know are ignored; {@code evaluation.applyBy} is optional. A malformed event fails here and,
 * after the consumer's retries, goes to the dead-letter topic.
 */
@ApplicationScoped
public class ComplianceStatusHandler implements EventHandler {

    public static final String TOPIC = "compliance.status.v1";
    private static final Pattern LEARNER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@:|-]{0,63}");
    private static final Pattern CREDENTIAL = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");
    private static final Set<String> STATUSES = Set.of("COMPLIANT", "ON_TRACK", "AT_RISK", "GRACE", "LAPSED", "NO_CERTIFICATION");

    private final Reminders reminders;

    public ComplianceStatusHandler(Reminders reminders) {
        this.reminders = reminders;
    }

    @Override
    public Set<String> topics() {
        return Set.of(TOPIC);
    }

    @Override
    public void handle(IncomingEvent event) {
        JsonNode data = event.data();
        String learnerId = matching(data, "learnerId", LEARNER_ID);
        String credential = matching(data, "credential", CREDENTIAL);
        String oldStatus = status(data, "oldStatus");
        String newStatus = status(data, "newStatus");
        JsonNode evaluation = data.path("evaluation");
        if (!evaluation.isObject()) {
            throw new IllegalArgumentException("event data lacks evaluation");
        }
        List<Missing> missing = new ArrayList<>();
        for (JsonNode requirement : evaluation.path("requirements")) {
            BigDecimal shortfall = points(requirement, "shortfall");
            if (shortfall.signum() > 0) {
                missing.add(new Missing(requirement.path("code").asText(), points(requirement, "required"),
                        points(requirement, "earned"), shortfall));
            }
        }
        boolean met = evaluation.hasNonNull("requirementsMet") ? evaluation.get("requirementsMet").asBoolean() : missing.isEmpty();
        StatusSnapshot snapshot = new StatusSnapshot(learnerId, credential,
                evaluation.hasNonNull("credentialName") ? evaluation.get("credentialName").asText() : null, newStatus,
                date(evaluation, "cycleStart"), date(evaluation, "dueDate"), date(evaluation, "graceEnd"), date(evaluation, "applyBy"),
                met, String.join("\n", missing.stream().map(Missing::inWords).toList()), requiredDate(evaluation, "asOf"));
        reminders.statusChanged(oldStatus, snapshot);
    }

    private static String matching(JsonNode data, String field, Pattern pattern) {
        String value = data.path(field).asText("");
        if (!pattern.matcher(value).matches()) {
            throw new IllegalArgumentException("event data " + field + " is missing or malformed");
        }
        return value;
    }

    private static String status(JsonNode data, String field) {
        String value = data.path(field).asText("");
        if (!STATUSES.contains(value)) {
            throw new IllegalArgumentException("event data " + field + " has unknown value " + value);
        }
        return value;
    }

    private static BigDecimal points(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isNumber() || value.decimalValue().scale() > 4 || value.decimalValue().abs().compareTo(BigDecimal.valueOf(1_000_000)) > 0) {
            throw new IllegalArgumentException("requirement " + field + " is not a number of points");
        }
        return value.decimalValue();
    }

    private static LocalDate date(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        try {
            return LocalDate.parse(value.asText());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("evaluation " + field + " is not a date");
        }
    }

    private static LocalDate requiredDate(JsonNode node, String field) {
        LocalDate value = date(node, field);
        if (value == null) {
            throw new IllegalArgumentException("evaluation lacks " + field);
        }
        return value;
    }
}
