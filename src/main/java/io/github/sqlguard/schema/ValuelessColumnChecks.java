package io.github.sqlguard.schema;

import io.github.sqlguard.schema.EmptinessConditions.EmptyColumn;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checks that stop a PL/pgSQL block with an error while a column still holds a value, as upgrade scripts write
 * them before they drop it: {@code IF EXISTS (SELECT 1 FROM t WHERE c IS NOT NULL) THEN RAISE EXCEPTION '..'; END
 * IF;}, a count read into a variable first ({@code SELECT count(*) INTO n FROM t WHERE c IS NOT NULL; IF n > 0 THEN
 * RAISE EXCEPTION ..; END IF;}), {@code IF (SELECT count(*) FROM t WHERE c IS NOT NULL) > 0 THEN ..} and
 * {@code SELECT EXISTS (..) INTO found; IF found THEN ..}. Past such a check no row of {@code t} has a value in
 * {@code c}, so dropping the column loses nothing. A WHERE with more than that one test, or an OR, is none of these.
 */
final class ValuelessColumnChecks {

    private static final String HAS_VALUE = "\\s+WHERE\\s+(?<column>[\\w$#\"`\\[\\]]+)\\s+IS\\s+NOT\\s+NULL";
    private static final String ANY_ITEM = "(?:1|\\*|[\\w.\"`\\[\\]]+)";
    private static final String COUNT = "COUNT\\s*\\(\\s*(?:\\*|1)\\s*\\)";
    private static final String THEN_RAISE = "\\s*THEN\\s+" + EmptinessConditions.RAISE + EmptinessConditions.END_IF;
    private static final List<String> CHECKS = List.of(
            "\\bIF\\s+EXISTS\\s*\\(\\s*SELECT\\s+" + ANY_ITEM + "\\s+FROM\\s+" + EmptinessConditions.NAME + HAS_VALUE
                    + "\\s*\\)" + THEN_RAISE,
            "\\bSELECT\\s+" + COUNT + "\\s+INTO\\s+(?:STRICT\\s+)?(?<var>\\w+)\\s+FROM\\s+" + EmptinessConditions.NAME
                    + HAS_VALUE + "\\s*;\\s*IF\\s+\\k<var>\\s*(?:<>|!=|>)\\s*0" + THEN_RAISE,
            "\\bIF\\s*\\(\\s*SELECT\\s+" + COUNT + "\\s+FROM\\s+" + EmptinessConditions.NAME + HAS_VALUE
                    + "\\s*\\)\\s*(?:<>|!=|>)\\s*0" + THEN_RAISE,
            "\\bSELECT\\s+EXISTS\\s*\\(\\s*SELECT\\s+" + ANY_ITEM + "\\s+FROM\\s+" + EmptinessConditions.NAME
                    + HAS_VALUE + "\\s*\\)\\s*INTO\\s+(?:STRICT\\s+)?(?<found>\\w+)\\s*;\\s*IF\\s+\\k<found>"
                    + THEN_RAISE);
    /** The checks where they end the text before a statement. */
    private static final List<Pattern> ENDING = CHECKS.stream()
            .map(check -> Pattern.compile("(?is)" + check + "\\s*$")).toList();
    /** The checks where they start a block's statements, one after the other. */
    static final List<Pattern> AT = CHECKS.stream().map(check -> Pattern.compile("(?is)\\s*" + check)).toList();

    private ValuelessColumnChecks() {
    }

    /**
     * The columns of {@code table} (a key) that the checks ending {@code textBefore}, the text just before a statement
     * in the same block, stop the block on while any row has a value in them.
     */
    static Set<String> raisedJustBefore(String textBefore, String table) {
        Set<String> columns = new LinkedHashSet<>();
        String rest = textBefore;
        boolean found = true;
        while (found) {
            found = false;
            for (Pattern check : ENDING) {
                Matcher matcher = check.matcher(rest);
                if (matcher.find()) {
                    EmptyColumn checked = checkedColumn(matcher);
                    if (checked.table().equals(table)) {
                        columns.add(checked.column());
                    }
                    rest = rest.substring(0, matcher.start());
                    found = true;
                    break;
                }
            }
        }
        return columns;
    }

    /** The column the check {@code matcher} matched requires to hold no value, as keys. */
    static EmptyColumn checkedColumn(Matcher matcher) {
        return new EmptyColumn(SchemaNames.key(matcher.group("table")), SchemaNames.key(matcher.group("column")));
    }
}
