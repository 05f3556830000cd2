package io.github.sqlguard.liquibase;

import io.github.sqlguard.model.Dialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a changeset's {@code preConditions} require before it runs, as statements only the replay and the guard
 * check read. The emptiness of a table is written as the condition
 * {@code IF NOT EXISTS (SELECT 1 FROM t)} for the guard check to read: {@code <tableIsEmpty tableName="t"/>},
 * {@code <rowCount tableName="t" expectedRows="0"/>} and
 * {@code <sqlCheck expectedResult="0">SELECT COUNT(*) FROM t</sqlCheck>}, and the emptiness of a column,
 * {@code <sqlCheck expectedResult="0">SELECT COUNT(*) FROM t WHERE c IS NOT NULL</sqlCheck>} written
 * {@code IF NOT EXISTS (SELECT 1 FROM t WHERE c IS NOT NULL)}; the length of a character column read from
 * {@code information_schema.columns} ({@link ColumnLengthQuery}) as the type the column has. Both count at the
 * top level of a
 * {@code preConditions} whose {@code onFail} stops the changeset (HALT, the default, MARK_RAN, CONTINUE), or
 * under an {@code and} there, which holds only when each of its conditions does.
 * {@code onFail="WARN"} lets the changeset run anyway, and conditions under {@code or} or {@code not} do not
 * require anything, so they yield nothing.
 */
final class PreconditionGuardText {

    private PreconditionGuardText() {
    }

    /**
     * What a {@code sqlCheck} requires (XML {@code <sqlCheck>}, formatted SQL {@code --precondition-sql-check}) on
     * {@code database}: expecting {@code 0} from a count of a table's rows, an empty table, and so does expecting
     * what the database's driver writes for a false {@code EXISTS} ({@link ExistsQueryCondition}); expecting a
     * number from a column's length, that length; nothing for any other query. Liquibase compares the driver's text
     * with the expected result as written, so {@code " 0"} or {@code "0.0"} match no count and require nothing.
     */
    static List<String> ofSqlCheck(String expectedResult, String query, SyntheticStatements synthetic,
            Dialect database) {
        String expected = synthetic.substitute(expectedResult == null ? "" : expectedResult);
        String substituted = synthetic.substitute(query);
        return (expected.equals("0") ? CountQueryCondition.of(substituted) : Optional.<String>empty())
                .or(() -> ExistsQueryCondition.of(substituted, expected, database))
                .or(() -> ColumnLengthQuery.of(substituted, expected, synthetic)).map(List::of).orElse(List.of());
    }

    private static String condition(String table) {
        return "IF NOT EXISTS (SELECT 1 FROM " + table + ")";
    }

    /** What {@code changeSet}'s preconditions require where it runs on {@code database} (AUTO: not known). */
    static List<String> of(ChangeNode changeSet, SyntheticStatements synthetic, Dialect database) {
        List<String> conditions = new ArrayList<>();
        for (StoppingPreconditions stopping : StoppingPreconditions.of(changeSet)) {
            conditions.addAll(required(stopping.preconditions(), synthetic, database));
        }
        return conditions;
    }

    /** What every one of {@code parent}'s conditions requires, following {@code and} down. */
    private static List<String> required(ChangeNode parent, SyntheticStatements synthetic, Dialect database) {
        List<String> conditions = new ArrayList<>();
        for (ChangeNode check : parent.children()) {
            switch (check.name()) {
                case "and" -> conditions.addAll(required(check, synthetic, database));
                case "tableIsEmpty" -> conditions.add(condition(synthetic.table(check, "tableName")));
                case "rowCount" -> {
                    if ("0".equals(check.value("expectedRows").orElse("").strip())) {
                        conditions.add(condition(synthetic.table(check, "tableName")));
                    }
                }
                case "sqlCheck" -> {
                    // XML has the query as the element's text, YAML and JSON as its "sql" key.
                    String query = check.text() != null && !check.text().isBlank() ? check.text()
                            : check.value("sql").orElse("");
                    conditions.addAll(ofSqlCheck(check.value("expectedResult").orElse(""), query, synthetic,
                            database));
                }
                default -> {
                    // or, not and the other checks require nothing every run meets
                }
            }
        }
        return conditions;
    }
}
