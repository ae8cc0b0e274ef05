package org.recert.gateway.dashboard;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Reads the services' answers in one streaming pass, without building them into trees: a part's JSON is checked and
 * its text copied into the dashboard as it came; of the overview, each credential's status and plan are cut out as
 * they came, and only the few status fields the summary shows are read. The bodies come from Recert's own services,
 * so a repeated key is not looked for (the gateway passes their text on, it does not act on it).
 */
final class PartReader {

    /** One credential of the overview: its status (with the summary read from it) and its plan. */
    record Item(String credential, CredentialCard.Summary summary, Entry status, Entry plan) {
    }

    /**
     * A credential's status or plan in the overview: its JSON text, or (text null) the status and detail of the problem
     * its own endpoint would have answered.
     */
    record Entry(String json, int problemStatus, String problemDetail) {
    }

    private final JsonFactory factory;

    PartReader(JsonFactory factory) {
        this.factory = factory;
    }

    /** The one JSON value {@code body} holds, as its text; an IOException when it holds none, or more than one. */
    String value(byte[] body) throws IOException {
        try (JsonParser parser = parser(body)) {
            if (parser.nextToken() == null) {
                throw new IOException("no JSON value");
            }
            String text = cut(parser, body);
            if (parser.nextToken() != null) {
                throw new IOException("more than one JSON value");
            }
            return text;
        }
    }

    /** The entries of an overview's {@code credentials}, in order; an IOException when it is not an overview. */
    List<Item> overview(byte[] overview) throws IOException {
        List<Item> items = new ArrayList<>();
        try (JsonParser parser = parser(overview)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("the overview is not an object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                boolean credentials = "credentials".equals(parser.currentName());
                if (parser.nextToken() == JsonToken.START_ARRAY && credentials) {
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        items.add(item(parser, overview));
                    }
                } else {
                    parser.skipChildren();
                }
            }
            if (parser.nextToken() != null) {
                throw new IOException("more than one JSON value");
            }
        }
        return items;
    }

    private static Item item(JsonParser parser, byte[] body) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return new Item("", null, new Entry(null, 500, null), new Entry(null, 500, null));
        }
        String credential = "";
        String status = null;
        String plan = null;
        CredentialCard.Summary summary = null;
        int[] problemStatus = { 500, 500 };
        String[] problemDetail = { null, null };
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "credential" -> credential = scalar(parser, "");
                case "status" -> {
                    if (value == JsonToken.START_OBJECT) {
                        int start = start(parser);
                        summary = summary(parser);
                        status = new String(body, start, end(parser) - start, StandardCharsets.UTF_8);
                    } else {
                        parser.skipChildren();
                    }
                }
                case "plan" -> {
                    if (value == JsonToken.START_OBJECT) {
                        plan = cut(parser, body);
                    } else {
                        parser.skipChildren();
                    }
                }
                case "statusProblem" -> problem(parser, 0, problemStatus, problemDetail);
                case "planProblem" -> problem(parser, 1, problemStatus, problemDetail);
                default -> parser.skipChildren();
            }
        }
        return new Item(credential, summary, new Entry(status, problemStatus[0], problemDetail[0]),
                new Entry(plan, problemStatus[1], problemDetail[1]));
    }

    /** A problem's {@code status} and {@code detail}, into slot {@code slot}. */
    private static void problem(JsonParser parser, int slot, int[] status, String[] detail) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return;
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("status".equals(field) && value.isNumeric()) {
                status[slot] = parser.getValueAsInt();
            } else if ("detail".equals(field) && value.isScalarValue() && value != JsonToken.VALUE_NULL) {
                detail[slot] = parser.getText();
            } else {
                parser.skipChildren();
            }
        }
    }

    /**
     * The headline figures of a status, read as the parser passes over it (ends on its END_OBJECT): its status, due
     * date and days remaining, and each requirement still short; the total shortfall is the TOTAL requirement's, or
     * the sum of the others when there is none.
     */
    static CredentialCard.Summary summary(JsonParser parser) throws IOException {
        String status = null;
        LocalDate dueDate = null;
        Integer daysRemaining = null;
        List<CredentialCard.Shortfall> shortfalls = new ArrayList<>();
        BigDecimal total = null;
        BigDecimal sum = BigDecimal.ZERO;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "status" -> status = scalar(parser, null);
                case "dueDate" -> dueDate = date(scalar(parser, null));
                case "daysRemaining" -> daysRemaining = value.isNumeric() ? parser.getValueAsInt() : skip(parser, null);
                case "requirements" -> {
                    if (value != JsonToken.START_ARRAY) {
                        parser.skipChildren();
                        continue;
                    }
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        CredentialCard.Shortfall requirement = requirement(parser);
                        if ("TOTAL".equals(requirement.code())) {
                            total = requirement.shortfall();
                        }
                        if (requirement.shortfall().signum() > 0) {
                            shortfalls.add(requirement);
                            sum = sum.add(requirement.shortfall());
                        }
                    }
                }
                default -> parser.skipChildren();
            }
        }
        return new CredentialCard.Summary(status, dueDate, daysRemaining, total != null ? total : sum, shortfalls);
    }

    /** A requirement's code and shortfall (zero when it has none). */
    private static CredentialCard.Shortfall requirement(JsonParser parser) throws IOException {
        String code = "";
        BigDecimal shortfall = BigDecimal.ZERO;
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return new CredentialCard.Shortfall(code, shortfall);
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("code".equals(field)) {
                code = scalar(parser, "");
            } else if ("shortfall".equals(field) && value.isNumeric()) {
                shortfall = parser.getDecimalValue();
            } else {
                parser.skipChildren();
            }
        }
        return new CredentialCard.Shortfall(code, shortfall);
    }

    /** A scalar's text; {@code absent} for null; "" for an object or array (skipped). */
    private static String scalar(JsonParser parser, String absent) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return absent;
        }
        if (token.isStructStart()) {
            parser.skipChildren();
            return "";
        }
        return parser.getText();
    }

    private static <T> T skip(JsonParser parser, T value) throws IOException {
        parser.skipChildren();
        return value;
    }

    private static LocalDate date(String text) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The text of the value the parser is on, which it then passes. */
    private static String cut(JsonParser parser, byte[] body) throws IOException {
        int start = start(parser);
        parser.skipChildren();
        parser.finishToken();
        return new String(body, start, end(parser) - start, StandardCharsets.UTF_8);
    }

    private static int start(JsonParser parser) {
        return (int) parser.currentTokenLocation().getByteOffset();
    }

    private static int end(JsonParser parser) {
        return (int) parser.currentLocation().getByteOffset();
    }

    private JsonParser parser(byte[] body) throws IOException {
        JsonParser parser = factory.createParser(body);
        parser.disable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        return parser;
    }
}
