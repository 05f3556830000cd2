package io.github.sqlguard.sql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * sqlcmd (and SSMS's SQLCMD mode) scripting variables: after {@code :setvar tbl orders}, sqlcmd replaces
 * {@code $(tbl)} by the value in every later line before the server sees it, strings and comments included, so
 * {@code DELETE FROM $(tbl) WHERE $(cond)} after {@code :setvar cond 1=1} deletes every row of orders. A value in
 * double quotes may hold spaces ({@code :setvar cond "id = 5"}); {@code ""} inside it is one quote. Names are
 * case-insensitive; {@code :setvar name} alone forgets a value. A variable no {@code :setvar} above gave a value
 * (one given with {@code sqlcmd -v}) stays as written.
 */
final class SqlcmdVariables {

    private static final Pattern SETVAR = Pattern.compile(
            "(?i)[ \\t]*:setvar(?:[ \\t]+([A-Za-z_][\\w-]*)(?:[ \\t]+(\"(?:[^\"]|\"\")*\"|\\S+))?)?[ \\t]*");
    private static final Pattern REFERENCE = Pattern.compile("\\$\\(([A-Za-z_][\\w-]*)\\)");

    private SqlcmdVariables() {
    }

    /** The references in {@code text[from, to)} to a variable a {@code :setvar} above them gave a value. */
    static List<ToolVariableUse> in(String text, int from, int to) {
        int reference = text.indexOf("$(", from);
        if (reference < 0 || reference >= to) {
            return List.of(); // most scripts: nothing to substitute, so no line needs reading
        }
        List<ToolVariableUse> found = new ArrayList<>();
        Map<String, String> values = new HashMap<>();
        int lineStart = from;
        while (lineStart < to) {
            int lineEnd = text.indexOf('\n', lineStart);
            lineEnd = lineEnd < 0 || lineEnd > to ? to : lineEnd;
            String line = text.substring(lineStart, lineEnd).replace("\r", "");
            Matcher setvar = SETVAR.matcher(line);
            if (setvar.matches()) {
                if (setvar.group(1) != null) {
                    String name = setvar.group(1).toLowerCase(Locale.ROOT);
                    String value = setvar.group(2) == null ? null : unquoted(setvar.group(2));
                    // A value that itself names a variable is only known when sqlcmd runs: as unknown as -v gives.
                    if (value == null || value.contains("$(")) {
                        values.remove(name);
                    } else {
                        values.put(name, value);
                    }
                }
            } else if (!values.isEmpty() && line.contains("$(")) {
                Matcher matcher = REFERENCE.matcher(text).region(lineStart, lineEnd);
                while (matcher.find()) {
                    String value = values.get(matcher.group(1).toLowerCase(Locale.ROOT));
                    if (value != null) {
                        found.add(new ToolVariableUse(matcher.start(), matcher.end(), value));
                    }
                }
            }
            lineStart = lineEnd + 1;
        }
        return found;
    }

    private static String unquoted(String value) {
        boolean quoted = value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"");
        return quoted ? value.substring(1, value.length() - 1).replace("\"\"", "\"") : value;
    }
}
