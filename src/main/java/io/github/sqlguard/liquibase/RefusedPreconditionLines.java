package io.github.sqlguard.liquibase;

import io.github.sqlguard.model.EditDistance;
import io.github.sqlguard.model.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the {@code --precondition-..} lines of a formatted-SQL changelog that Liquibase refuses, failing the whole
 * update: a precondition other than {@code sql-check}, {@code table-exists} and {@code view-exists}
 * ({@code --precondition-column-exists} is one only XML, YAML and JSON changelogs have), and an {@code sql-check}
 * whose expected result it cannot read ({@code expectedResult: 0 SELECT ..}). sqlguard checks such a changeset as
 * if the line were not there, so a guard the line meant to give is not counted.
 */
final class RefusedPreconditionLines {

    private static final Pattern PRECONDITION = Pattern.compile("^\\s*--\\s*precondition-([a-zA-Z0-9-]+)(.*)$",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> FORMATTED_SQL_PRECONDITIONS = Set.of("sql-check", "table-exists",
            "view-exists");

    private RefusedPreconditionLines() {
    }

    /** One finding per such line of {@code text} below its first changeset header, in line order. */
    static List<Finding> in(String relativePath, String text) {
        List<Finding> found = new ArrayList<>();
        String[] lines = text.split("\\r\\n|\\r|\\n", -1);
        boolean inChangeset = false;
        for (int i = 0; i < lines.length; i++) {
            inChangeset = inChangeset || FormattedSqlReader.CHANGESET.matcher(lines[i]).find();
            Matcher precondition = PRECONDITION.matcher(lines[i]);
            if (!inChangeset || !precondition.find()) {
                continue;
            }
            String name = precondition.group(1).toLowerCase(Locale.ROOT);
            int column = lines[i].indexOf('-') + 1;
            if (!FORMATTED_SQL_PRECONDITIONS.contains(name)) {
                Optional<String> meant = meant(name);
                found.add(ChangelogFindings.refusedPrecondition(relativePath, i + 1, column, lines[i].strip(),
                        "formatted SQL has no '" + name + "' precondition"
                                + meant.map(known -> " (did you mean " + known + "?)").orElse(""),
                        meant.map(known -> "Write it as --precondition-" + known + ", the spelling Liquibase reads.")
                                .orElse("Use --precondition-sql-check with a query that counts what '" + name
                                        + "' would test, or write the changeset in an XML or YAML changelog.")));
                continue;
            }
            Matcher sqlCheck = SqlCheckLine.LINE.matcher(lines[i]);
            String body = sqlCheck.find() && sqlCheck.group(1) != null ? sqlCheck.group(1) : "";
            if (name.equals("sql-check") && !body.contains("${") && SqlCheckLine.ofBody(body).isEmpty()) {
                found.add(ChangelogFindings.refusedPrecondition(relativePath, i + 1, column, lines[i].strip(),
                        "its expected result cannot be read",
                        "Write --precondition-sql-check expectedResult:0 SELECT ..: the expected result right after"
                                + " the colon (a word, or quoted), then one space and the query."));
            }
        }
        return found;
    }

    /** The formatted-SQL precondition {@code name} misspells ({@code sqlcheck}, {@code sql-chek}), if one. */
    private static Optional<String> meant(String name) {
        return FORMATTED_SQL_PRECONDITIONS.stream()
                .filter(known -> EditDistance.between(name.replace("-", ""), known.replace("-", ""), true) <= 2)
                .sorted().findFirst();
    }
}
