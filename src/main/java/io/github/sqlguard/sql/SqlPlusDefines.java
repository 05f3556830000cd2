package io.github.sqlguard.sql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQL*Plus substitution: after {@code DEFINE tab = emp_hist}, SQL*Plus replaces {@code &tab} and {@code &&tab} (a
 * period right after the name ends it and goes too, {@code &tab._old}) by the value in every later line before the
 * database sees it, so {@code DELETE FROM &tab} deletes from emp_hist. The text is read line by line as SQL*Plus
 * reads it, strings and comments included; {@code UNDEFINE} forgets a value, {@code SET DEFINE OFF} (or another
 * substitution character) stops the replacing until {@code SET DEFINE ON}. A variable no DEFINE gave a value stays
 * as written: SQL*Plus would prompt for it.
 */
final class SqlPlusDefines {

    private static final Pattern DEFINE = Pattern.compile(
            "(?i)[ \\t]*def(?:i(?:n(?:e)?)?)?[ \\t]+([A-Za-z][\\w$#]*)[ \\t]*=[ \\t]*('[^']*'|\"[^\"]*\"|[^\\s;]+)[ \\t]*;?[ \\t]*");
    private static final Pattern UNDEFINE = Pattern.compile(
            "(?i)[ \\t]*undef(?:i(?:n(?:e)?)?)?[ \\t]+([A-Za-z][\\w$#]*(?:[ \\t]+[A-Za-z][\\w$#]*)*)[ \\t]*;?[ \\t]*");
    private static final Pattern SET_DEFINE = Pattern.compile(
            "(?i)[ \\t]*set[ \\t]+def(?:i(?:n(?:e)?)?)?[ \\t]+(\\S+)[ \\t]*;?[ \\t]*");
    private static final Pattern REFERENCE = Pattern.compile("&&?([A-Za-z][\\w$#]*)\\.?");

    private SqlPlusDefines() {
    }

    /** The references in {@code text[from, to)} to a variable a DEFINE above them gave a value, in text order. */
    static List<ToolVariableUse> in(String text, int from, int to) {
        int ampersand = text.indexOf('&', from);
        if (ampersand < 0 || ampersand >= to) {
            return List.of(); // most scripts: nothing to substitute, so no line needs reading
        }
        List<ToolVariableUse> found = new ArrayList<>();
        Map<String, String> values = new HashMap<>();
        boolean on = true;
        int lineStart = from;
        while (lineStart < to) {
            int lineEnd = text.indexOf('\n', lineStart);
            lineEnd = lineEnd < 0 || lineEnd > to ? to : lineEnd;
            String line = text.substring(lineStart, lineEnd).replace("\r", "");
            Matcher define = DEFINE.matcher(line);
            Matcher undefine = UNDEFINE.matcher(line);
            Matcher set = SET_DEFINE.matcher(line);
            if (set.matches()) {
                String setting = set.group(1).toUpperCase(Locale.ROOT);
                on = setting.equals("ON") || setting.equals("'&'") || setting.equals("&");
            } else if (on && define.matches()) {
                // DEFINE x = &1 takes the script's argument, which no file tells: x is then as unknown as &1.
                String value = unquoted(define.group(2));
                String name = define.group(1).toLowerCase(Locale.ROOT);
                if (value.indexOf('&') < 0) {
                    values.put(name, value);
                } else {
                    values.remove(name);
                }
            } else if (undefine.matches()) {
                for (String name : undefine.group(1).trim().split("[ \\t]+")) {
                    values.remove(name.toLowerCase(Locale.ROOT));
                }
            } else if (on && !values.isEmpty() && line.indexOf('&') >= 0) {
                Matcher reference = REFERENCE.matcher(text).region(lineStart, lineEnd);
                while (reference.find()) {
                    String value = values.get(reference.group(1).toLowerCase(Locale.ROOT));
                    if (value != null) {
                        found.add(new ToolVariableUse(reference.start(), reference.end(), value));
                    }
                }
            }
            lineStart = lineEnd + 1;
        }
        return found;
    }

    private static String unquoted(String value) {
        boolean quoted = value.length() >= 2 && (value.startsWith("'") && value.endsWith("'")
                || value.startsWith("\"") && value.endsWith("\""));
        return quoted ? value.substring(1, value.length() - 1) : value;
    }
}
