package io.github.sqlguard.liquibase;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A changeset's {@code preConditions} as a statement only the schema replay reads, which decides them where it can:
 * {@code tableExists} and {@code columnExists}, under {@code not}, {@code and} and {@code or}, against the tables the
 * changesets before it built. Its text is {@code SQLGUARD_PRECONDITIONS}, the {@code onFail}, then the conditions in
 * prefix form ({@code AND ( NOT ( TABLE t ) )}); every other condition ({@code sqlCheck}, {@code dbms},
 * {@code changeSetExecuted}, ..) is written {@code UNKNOWN}, which decides nothing. A changeset without a
 * {@code tableExists} or {@code columnExists} gets no such statement, and {@code onFail="WARN"}, which lets the
 * changeset run anyway, none either.
 */
final class PreconditionReplayText {

    private PreconditionReplayText() {
    }

    static List<String> of(ChangeNode changeSet, SyntheticStatements synthetic) {
        List<String> texts = new ArrayList<>();
        for (StoppingPreconditions stopping : StoppingPreconditions.of(changeSet)) {
            StringBuilder text = new StringBuilder("SQLGUARD_PRECONDITIONS ")
                    .append(stopping.onFail().replaceAll("\\W", "_"));
            if (group(stopping.preconditions(), "AND", synthetic, text)) {
                texts.add(text.toString());
            }
        }
        return texts;
    }

    /** Writes {@code parent}'s conditions joined by {@code join}; true when one of them is decidable. */
    private static boolean group(ChangeNode parent, String join, SyntheticStatements synthetic, StringBuilder text) {
        text.append(' ').append(join).append(" (");
        boolean decidable = false;
        for (ChangeNode check : parent.children()) {
            decidable |= condition(check, synthetic, text);
        }
        text.append(" )");
        return decidable;
    }

    private static boolean condition(ChangeNode check, SyntheticStatements synthetic, StringBuilder text) {
        Optional<String> table = check.value("tableName").filter(name -> !name.isBlank());
        switch (check.name()) {
            case "and", "or" -> {
                return group(check, check.name().toUpperCase(Locale.ROOT), synthetic, text);
            }
            case "not" -> {
                // Liquibase's not holds when none of its conditions does: not (a or b).
                text.append(" NOT");
                return group(check, "OR", synthetic, text);
            }
            case "tableExists" -> {
                if (table.isPresent()) {
                    text.append(" TABLE ").append(tableName(check, table.get(), synthetic));
                    return true;
                }
            }
            case "columnExists" -> {
                Optional<String> column = check.value("columnName").filter(name -> !name.isBlank());
                if (table.isPresent() && column.isPresent()) {
                    text.append(" COLUMN ").append(tableName(check, table.get(), synthetic)).append(' ')
                            .append(synthetic.name(column.get()));
                    return true;
                }
            }
            default -> {
                // decided by nothing the replay knows
            }
        }
        text.append(" UNKNOWN");
        return false;
    }

    private static String tableName(ChangeNode check, String table, SyntheticStatements synthetic) {
        Optional<String> schema = check.value("schemaName").filter(name -> !name.isBlank());
        return schema.map(name -> synthetic.name(name) + " . ").orElse("") + synthetic.name(table);
    }
}
