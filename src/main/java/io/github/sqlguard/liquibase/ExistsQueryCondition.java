package io.github.sqlguard.liquibase;

import io.github.sqlguard.model.Dialect;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The emptiness a {@code sqlCheck} of {@code SELECT EXISTS (SELECT 1 FROM t)} (or {@code NOT EXISTS}) requires.
 * Liquibase compares the text the JDBC driver gives for the query's one value with the expected result, character
 * for character: PostgreSQL's driver writes a boolean as {@code t} or {@code f}, while MySQL, MariaDB and SQLite
 * return EXISTS as the number {@code 1} or {@code 0}. So on PostgreSQL {@code expectedResult:f} of EXISTS (or
 * {@code t} of NOT EXISTS) holds only while the table is empty, and {@code false}, {@code true} or {@code 0} never
 * match and require nothing; on MySQL {@code 0} of EXISTS requires the same emptiness. On another database, or
 * where the database is not known, what the driver writes is not known here and nothing is required. The query
 * inside is read as a count of the same rows ({@link CountQueryCondition}).
 */
final class ExistsQueryCondition {

    private static final Pattern EXISTS = Pattern.compile("(?is)\\s*SELECT\\s+(?<not>NOT\\s+)?EXISTS\\s*\\("
            + "\\s*SELECT\\s+(?:\\*|\\d+|[\\w.\"`\\[\\]]+)\\s+(?<rows>FROM\\s.+)\\)(?:\\s+(?:AS\\s+)?\\w+)?\\s*;?\\s*");

    private ExistsQueryCondition() {
    }

    /** The condition {@code query} printing {@code expected} on {@code database} requires, if any. */
    static Optional<String> of(String query, String expected, Dialect database) {
        Matcher matcher = EXISTS.matcher(query);
        if (!matcher.matches() || !printedWhenEmpty(database, matcher.group("not") != null).equals(
                Optional.of(expected))) {
            return Optional.empty();
        }
        return CountQueryCondition.of("SELECT COUNT(*) " + matcher.group("rows"));
    }

    /** What the driver writes for the check's value when no row matches: EXISTS false, NOT EXISTS true. */
    private static Optional<String> printedWhenEmpty(Dialect database, boolean negated) {
        return switch (database) {
            case POSTGRESQL -> Optional.of(negated ? "t" : "f");
            case MYSQL, MARIADB, SQLITE -> Optional.of(negated ? "1" : "0");
            default -> Optional.empty();
        };
    }
}
