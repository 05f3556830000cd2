package io.github.sqlguard.liquibase;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The type a column has when a {@code sqlCheck} reading its length from {@code information_schema.columns}
 * returns a number: {@code SELECT character_maximum_length FROM information_schema.columns WHERE table_schema =
 * 'app' AND table_name = 'login_user' AND column_name = 'login_name'} expecting {@code 20} holds only while the
 * column is one of 20 characters, written {@code ALTER TABLE app.login_user ALTER COLUMN login_name TYPE
 * VARCHAR(20)} for the replay. The conditions must be equalities joined by {@code AND} that name the table and the
 * column; the schema may be left out, or be the session's ({@code DATABASE()} on MySQL, {@code current_schema()}
 * on PostgreSQL). Any other shape, an {@code OR} among them say, may read another column's length and states
 * nothing.
 */
final class ColumnLengthQuery {

    private static final Pattern QUERY = Pattern.compile("(?is)\\s*SELECT\\s+character_maximum_length\\s+FROM\\s+"
            + "information_schema\\s*\\.\\s*columns\\s+WHERE\\s+(?<conditions>.+?)\\s*;?\\s*");
    private static final Pattern AND = Pattern.compile("(?i)\\s+AND\\s+");
    private static final Pattern EQUALITY = Pattern.compile("(?is)\\s*(?<name>table_catalog|table_schema|table_name"
            + "|column_name)\\s*=\\s*(?:'(?<value>[^']*)'|(?<session>(?:DATABASE|SCHEMA|CURRENT_SCHEMA)\\s*\\(\\s*\\)"
            + "|CURRENT_SCHEMA))\\s*");
    private static final Pattern LENGTH = Pattern.compile("[1-9]\\d{0,8}");

    private ColumnLengthQuery() {
    }

    /**
     * The schema-only statement stating the column's type, when {@code query} reads one column's length and
     * {@code expected} is a length; empty otherwise.
     */
    static Optional<String> of(String query, String expected, SyntheticStatements synthetic) {
        Matcher matcher = QUERY.matcher(query);
        if (expected == null || !LENGTH.matcher(expected).matches() || !matcher.matches()) {
            return Optional.empty();
        }
        Map<String, String> named = new HashMap<>();
        for (String condition : AND.split(matcher.group("conditions"))) {
            Matcher equality = EQUALITY.matcher(condition);
            if (!equality.matches()) {
                return Optional.empty();
            }
            // The session's own schema is where an unqualified name is found, so it names no schema here.
            named.put(equality.group("name").toLowerCase(Locale.ROOT),
                    equality.group("session") != null ? "" : equality.group("value"));
        }
        String table = named.get("table_name");
        String column = named.get("column_name");
        if (table == null || column == null || table.isBlank() || column.isBlank()) {
            return Optional.empty();
        }
        String schema = named.getOrDefault("table_schema", "");
        String qualified = schema.isBlank() ? synthetic.name(table) : synthetic.name(schema) + "."
                + synthetic.name(table);
        return Optional.of("ALTER TABLE " + qualified + " ALTER COLUMN " + synthetic.name(column) + " TYPE VARCHAR("
                + expected.strip() + ")");
    }
}
