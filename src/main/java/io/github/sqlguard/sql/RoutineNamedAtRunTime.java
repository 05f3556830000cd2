package io.github.sqlguard.sql;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Dynamic SQL that calls a routine a part built at run time names: {@code 'BEGIN ' ||
 * DBMS_ASSERT.SQL_OBJECT_NAME(l_parser) || '(:b1); END;'}, {@code format('CALL %I()', p)}, {@code N'EXEC ' +
 * QUOTENAME(@proc)}. A part checked or quoted as one name cannot change which statement runs, so it is otherwise
 * read as known ({@link StandIns}); but where it names the routine a call runs, what the call does is whatever that
 * routine does, which no text shows, as with T-SQL's {@code EXEC @proc}.
 */
final class RoutineNamedAtRunTime {

    /**
     * The end of the text before a name that a PL/SQL, PL/pgSQL or T-SQL statement calls: a word that runs a routine
     * or opens a statement in a block, or the {@code ;} that ends the statement before it.
     */
    private static final Pattern CALL_OPENER = Pattern.compile(
            "(?is)(?:.*[^\\w$#])?(?:BEGIN|CALL|EXEC|EXECUTE|PERFORM|THEN|ELSE|LOOP)|.*;");

    /** A function whose value a PL/SQL or PL/pgSQL assignment takes: {@code g_result := f(..)}. */
    private static final Pattern ASSIGNMENT = Pattern.compile("(?s).*:=");

    /** A part of a qualified name before the name itself: {@code app.}, {@code "App".}, {@code [dbo].}. */
    private static final Pattern QUALIFIER = Pattern.compile(
            "(?s)(.*?)(?:[\\w$#]+|\"[^\"]*\"|`[^`]*`|\\[[^\\]]*\\])\\s*\\.\\s*");

    /** The name quotes a text may open right before the part it encloses, with the blanks around them. */
    private static final Pattern OPEN_QUOTES = Pattern.compile("[\\s\"`\\[]+$");

    private RoutineNamedAtRunTime() {
    }

    /** True when one of the stand-ins among {@code parts} (a dynamic text's parts, in order) names a called routine. */
    static boolean calledIn(List<Token> parts) {
        StringBuilder before = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            Token part = parts.get(i);
            if (!StandIns.is(part)) {
                before.append(textOf(part));
                continue;
            }
            String after = i + 1 < parts.size() ? textOf(parts.get(i + 1)).stripLeading() : "";
            if (namesCalledRoutine(before.toString(), after)) {
                return true;
            }
            before.append("name"); // read on as the name it stands for
        }
        return false;
    }

    private static boolean namesCalledRoutine(String before, String after) {
        String opener = withoutQualifiers(OPEN_QUOTES.matcher(before).replaceFirst(""));
        if (after.startsWith(":=")) {
            return false; // a variable assigned, not a routine called
        }
        return CALL_OPENER.matcher(opener).matches()
                || ASSIGNMENT.matcher(opener).matches() && after.replaceFirst("^[\"`\\]]", "").stripLeading()
                        .startsWith("(");
    }

    /** {@code text} without the qualifiers that end it: {@code BEGIN app.} becomes {@code BEGIN}. */
    private static String withoutQualifiers(String text) {
        String rest = text;
        while (true) {
            var qualifier = QUALIFIER.matcher(rest);
            if (!qualifier.matches()) {
                return rest.stripTrailing();
            }
            rest = qualifier.group(1);
        }
    }

    private static String textOf(Token part) {
        return part.type() == TokenType.STRING ? part.stringValue() : part.text();
    }
}
