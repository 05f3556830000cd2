package io.github.sqlguard.liquibase;

import io.github.sqlguard.model.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the lines of a formatted-SQL changelog that begin like a changeset header but are not one to Liquibase.
 * Liquibase 4 refuses such a file; older versions take the line for a comment, so the statements below it run
 * as part of the changeset before, where a table created there and dropped here looks harmless. A header whose
 * {@code dbms:} misspells a database ({@code dbms:postgres}) is refused too, or never run.
 */
final class MisspeltChangesetHeaders {

    static final Pattern HEADER_LIKE = Pattern.compile("^\\s*--\\s*changeset", Pattern.CASE_INSENSITIVE);

    private MisspeltChangesetHeaders() {
    }

    /** One finding per such line of {@code text}, in line order. */
    static List<Finding> in(String relativePath, String text) {
        List<Finding> found = new ArrayList<>();
        String[] lines = text.split("\\r\\n|\\r|\\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher headerLike = HEADER_LIKE.matcher(lines[i]);
            if (!headerLike.find()) {
                continue;
            }
            Matcher header = FormattedSqlReader.CHANGESET.matcher(lines[i]);
            int column = lines[i].indexOf('-') + 1;
            if (!header.find()) {
                found.add(ChangelogFindings.misspeltChangesetHeader(relativePath, i + 1, column,
                        lines[i].strip()));
                continue;
            }
            String dbms = FormattedSqlReader.attributes(header.group(3)).get("dbms");
            List<String> slips = LiquibaseDatabaseNames.slips(dbms);
            if (!slips.isEmpty()) {
                found.add(ChangelogFindings.unknownDbms(relativePath, i + 1, column, slips, "changeset "
                        + FormattedSqlReader.unquote(header.group(1).strip()) + ":"
                        + FormattedSqlReader.unquote(header.group(2))));
            }
        }
        return found;
    }
}
