package io.github.sqlguard.liquibase;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The SQL Liquibase writes for the values the columns of a change set: {@code valueComputed} as the expression it
 * is, {@code value}, {@code valueNumeric} and {@code valueBoolean} as literals. An update that copies a column is so
 * known as the copy the same SQL would be, and a fill of every row with one literal as such a fill.
 */
final class ChangeColumnValues {

    private static final Pattern NUMBER = Pattern.compile("[-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?");

    private final SyntheticStatements writer;

    ChangeColumnValues(SyntheticStatements writer) {
        this.writer = writer;
    }

    /**
     * {@code name = expression} for each column of an {@code addColumn} that Liquibase fills with a computed value in
     * every row, also under a YAML {@code columns:} list.
     */
    List<String> computedFills(ChangeNode change) {
        List<String> fills = new ArrayList<>();
        collectComputedFills(change, fills);
        return fills;
    }

    private void collectComputedFills(ChangeNode change, List<String> fills) {
        for (ChangeNode child : change.children()) {
            if (child.name().equals("columns")) {
                collectComputedFills(child, fills);
            } else if (child.name().equals("column") && child.attributes().containsKey("name")) {
                computedValue(child).ifPresent(value -> fills.add(writer.assignedName(
                        child.attributes().get("name")) + " = " + value));
            }
        }
    }

    /** The SET list of an {@code update} change; {@code unknown_column = ?} for one that names no column. */
    String assignments(ChangeNode change) {
        List<String> assignments = new ArrayList<>();
        collectAssignments(change, assignments);
        return assignments.isEmpty() ? "unknown_column = ?" : String.join(", ", assignments);
    }

    /**
     * {@code name = expression} for a computed value, so that an update that copies a column
     * ({@code valueComputed="voided"}) is known as the copy the same SQL would be; {@code name = 'text'} or
     * {@code name = 12} for a literal one, so a fill of every row is known as one; {@code name = ?} otherwise.
     */
    private void collectAssignments(ChangeNode change, List<String> assignments) {
        for (ChangeNode child : change.children()) {
            if (child.name().equals("column")) {
                String name = child.attributes().getOrDefault("name", child.text());
                if (name != null && !name.isBlank()) {
                    assignments.add(writer.assignedName(name) + " = "
                            + computedValue(child).or(() -> literalValue(child)).orElse("?"));
                }
            } else if (child.name().equals("columns")) {
                collectAssignments(child, assignments);
            }
        }
    }

    /**
     * The SQL expression Liquibase writes for a column's value: its {@code valueComputed}, or a
     * {@code valueNumeric} that is not a number, which Liquibase also writes as it stands.
     */
    private Optional<String> computedValue(ChangeNode column) {
        Optional<String> computed = column.value("valueComputed").map(String::strip).filter(v -> !v.isEmpty());
        if (computed.isPresent()) {
            return computed.map(writer::substitute);
        }
        return column.value("valueNumeric").map(String::strip)
                .filter(v -> !v.isEmpty() && !v.equalsIgnoreCase("null") && !NUMBER.matcher(v).matches())
                .map(writer::substitute);
    }

    /**
     * The literal Liquibase writes for a column's {@code value} (a string), numeric {@code valueNumeric} or
     * {@code valueBoolean}; empty for a value it writes as NULL or that is not read here.
     */
    private Optional<String> literalValue(ChangeNode column) {
        // An empty value may be a JSON or YAML null, which Liquibase writes as NULL: left unread.
        Optional<String> text = column.value("value").filter(v -> !v.isEmpty()).map(writer::substitute);
        if (text.isPresent()) {
            return text.map(value -> "'" + value.replace("'", "''") + "'");
        }
        Optional<String> number = column.value("valueNumeric").map(String::strip)
                .filter(v -> NUMBER.matcher(v).matches());
        if (number.isPresent()) {
            return number;
        }
        return column.value("valueBoolean").map(String::strip)
                .filter(v -> v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false"))
                .map(v -> v.toUpperCase(Locale.ROOT));
    }
}
