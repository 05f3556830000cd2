package io.github.sqlguard.schema;

import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.StatementContext;
import io.github.sqlguard.sql.Token;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The written forms of a condition that lets a statement run only while a table is empty, as scripts put them
 * before a drop: T-SQL {@code IF NOT EXISTS (SELECT 1 FROM t)}, PL/pgSQL {@code IF NOT EXISTS (SELECT 1 FROM t)
 * THEN}, {@code IF (SELECT COUNT(*) FROM t) = 0}, a count read into a variable just before ({@code SELECT count(*)
 * INTO n FROM t; IF n = 0 THEN}, or {@code IF n > 0 THEN RAISE EXCEPTION '..'; END IF;}), and the Liquibase
 * preconditions that arrive as the bare condition. A condition with a WHERE or about another table is none of
 * these. Tables and columns are returned as {@link SchemaNames#key} keys.
 */
final class EmptinessConditions {

    static final String NAME = "(?<table>[\\w$#.\"`\\[\\]]+)";
    private static final String NOT_EXISTS_FROM = "(?is)\\bIF\\s+NOT\\s+EXISTS\\s*\\(\\s*SELECT\\s+"
            + "(?:TOP\\s*\\(?\\s*1\\s*\\)?\\s+)?(?:1|\\*|[\\w.\"`\\[\\]]+)\\s+FROM\\s+" + NAME;
    private static final Pattern NOT_EXISTS = Pattern.compile(NOT_EXISTS_FROM + "\\s*\\)\\s*(?:THEN|BEGIN)?\\s*$");
    /**
     * That no row holds a value in a column: a Liquibase precondition as {@code PreconditionGuardText} writes it,
     * or the T-SQL and PL/pgSQL {@code IF NOT EXISTS (SELECT 1 FROM t WHERE c IS NOT NULL)} before a drop.
     */
    private static final Pattern NO_VALUES = Pattern.compile(NOT_EXISTS_FROM + "\\s+WHERE\\s+"
            + "(?<column>[\\w$#\"`\\[\\]]+)\\s+IS\\s+NOT\\s+NULL\\s*\\)\\s*(?:THEN|BEGIN)?\\s*$");
    /** One part of an AND: that no row of a table holds a value in a column. */
    private static final Pattern NO_VALUES_CONJUNCT = Pattern.compile("(?is)NOT\\s+EXISTS\\s*\\(\\s*SELECT\\s+"
            + "(?:TOP\\s*\\(?\\s*1\\s*\\)?\\s+)?(?:1|\\*|[\\w.\"`\\[\\]]+)\\s+FROM\\s+" + NAME + "\\s+WHERE\\s+"
            + "(?<column>[\\w$#\"`\\[\\]]+)\\s+IS\\s+NOT\\s+NULL\\s*\\)");
    private static final Pattern IF_WORD = Pattern.compile("(?i)(?<![\\w@#$])IF(?![\\w@#$])");
    private static final Pattern TRAILING_BLOCK_START = Pattern.compile("(?i)(?<![\\w@#$])(?:THEN|BEGIN)\\s*$");
    /** Words that, at the top level of a condition, show it is more than parts joined by AND. */
    private static final Set<String> CONDITION_ENDS = Set.of("OR", "ELSE", "END", "BEGIN", "THEN", "IF", "ELSIF",
            "ELSEIF", "WHILE");
    private static final Pattern COUNT_ZERO = Pattern.compile("(?is)\\bIF\\s*\\(\\s*SELECT\\s+COUNT\\s*\\(\\s*"
            + "(?:\\*|1)\\s*\\)\\s+FROM\\s+" + NAME + "\\s*\\)\\s*=\\s*0\\s*(?:THEN|BEGIN)?\\s*$");
    /** PL/pgSQL: {@code SELECT count(*) INTO n FROM t;} then {@code IF n = 0 THEN}, or a RAISE EXCEPTION unless 0. */
    private static final String COUNT_INTO = "\\bSELECT\\s+COUNT\\s*\\(\\s*(?:\\*|1)\\s*\\)\\s+INTO\\s+(?:STRICT\\s+)?"
            + "(?<var>\\w+)\\s+FROM\\s+" + NAME + "\\s*;\\s*IF\\s+\\k<var>\\s*";
    private static final Pattern COUNTED_ZERO = Pattern.compile("(?is)" + COUNT_INTO + "=\\s*0\\s+THEN\\s*$");
    /**
     * A statement that stops the block with an error, which ends the migration: PL/pgSQL {@code RAISE EXCEPTION
     * '..';} or {@code RAISE '..';} (whose level defaults to EXCEPTION), Oracle {@code RAISE_APPLICATION_ERROR(..);},
     * MySQL and MariaDB {@code SIGNAL SQLSTATE '45000' [SET MESSAGE_TEXT = '..'];}. A SIGNAL of class 01 (a warning)
     * or 02 (no data) lets the routine go on when nothing handles it, so only other classes stop it.
     */
    static final String RAISE = "(?:RAISE\\s+(?:EXCEPTION\\b|(?='))|RAISE_APPLICATION_ERROR\\s*\\("
            + "|SIGNAL\\s+SQLSTATE\\s+(?:VALUE\\s+)?'(?!0[012])[0-9A-Z]{5}'(?=\\s*(?:;|SET\\b)))"
            + "(?:'(?:[^']|'')*'|[^;'])*;";
    /** A statement that neither changes rows nor stops the block: {@code NULL;}, {@code RAISE NOTICE '..';}. */
    private static final String NO_OP = "(?:NULL\\s*;|RAISE\\s+(?:NOTICE|WARNING|INFO|LOG|DEBUG)\\b"
            + "(?:'(?:[^']|'')*'|[^;'])*;)";
    static final String END_IF = "\\s*END\\s+IF\\s*;";
    /** The checks that stop the block with an error when a table has rows, each a statement of its own. */
    private static final List<String> RAISING_CHECKS = List.of(
            COUNT_INTO + "(?:<>|!=|>)\\s*0\\s+THEN\\s+" + RAISE + END_IF,
            "\\bIF\\s+EXISTS\\s*\\(\\s*SELECT\\s+(?:1|\\*|[\\w.\"`\\[\\]]+)\\s+FROM\\s+" + NAME
                    + "\\s*\\)\\s*THEN\\s+" + RAISE + END_IF,
            "\\bIF\\s*\\(\\s*SELECT\\s+COUNT\\s*\\(\\s*(?:\\*|1)\\s*\\)\\s+FROM\\s+" + NAME
                    + "\\s*\\)\\s*(?:<>|!=|>)\\s*0\\s*THEN\\s+" + RAISE + END_IF,
            NOT_EXISTS_FROM + "\\s*\\)\\s*THEN\\s+(?:" + NO_OP + "\\s*)+ELSE\\s+" + RAISE + END_IF,
            "\\bSELECT\\s+EXISTS\\s*\\(\\s*SELECT\\s+(?:1|\\*|[\\w.\"`\\[\\]]+)\\s+FROM\\s+" + NAME
                    + "\\s*\\)\\s*INTO\\s+(?:STRICT\\s+)?(?<found>\\w+)\\s*;\\s*IF\\s+\\k<found>\\s+THEN\\s+" + RAISE
                    + END_IF);
    private static final List<Pattern> RAISED_UNLESS_EMPTY = RAISING_CHECKS.stream()
            .map(check -> Pattern.compile("(?is)" + check + "\\s*$")).toList();
    /** The same checks where they start a block's statements, one after the other. */
    static final List<Pattern> RAISING_CHECK_AT = RAISING_CHECKS.stream()
            .map(check -> Pattern.compile("(?is)\\s*" + check)).toList();
    /**
     * Up to the first statement of a DO block or an anonymous block: {@code DO $$ DECLARE n int; BEGIN}, MariaDB
     * {@code BEGIN NOT ATOMIC DECLARE n INT;}.
     */
    static final Pattern BLOCK_START = Pattern.compile("(?is)^\\s*(?:DO\\s+(?:LANGUAGE\\s+\\w+\\s+)?"
            + "(?:E?'|\\$\\w*\\$)\\s*)?(?:DECLARE\\b.*?)?\\bBEGIN\\s+(?:NOT\\s+ATOMIC\\s+"
            + "(?:DECLARE\\s+\\w+\\s+(?:'(?:[^']|'')*'|[^;'])*;\\s*)*)?");
    /** A T-SQL condition that holds when a table has rows: {@code EXISTS (SELECT 1 FROM t)}, a count above 0. */
    static final String TSQL_HAS_ROWS = "(?:EXISTS\\s*\\(\\s*SELECT\\s+(?:TOP\\s*\\(?\\s*1\\s*\\)?\\s+)?"
            + "(?:1|\\*|[\\w.\"`\\[\\]]+)\\s+FROM\\s+" + NAME + "\\s*\\)"
            + "|\\(\\s*SELECT\\s+COUNT\\s*\\(\\s*(?:\\*|1)\\s*\\)\\s+FROM\\s+"
            + NAME.replace("<table>", "<counted>") + "\\s*\\)\\s*(?:<>|!=|>)\\s*0(?![\\w.]))";
    private static final String THROW = "THROW\\b(?:'(?:[^']|'')*'|[^;'])*;?";
    static final String RAISERROR = "RAISERROR\\s*\\(\\s*(?:N?'(?:[^']|'')*'|@?\\w+)\\s*,\\s*(?<severity>\\d+)"
            + "\\s*,(?:'(?:[^']|'')*'|[^;')])*\\)\\s*(?:WITH\\s+\\w+(?:\\s*,\\s*\\w+)*\\s*)?;?\\s*";
    /**
     * T-SQL: {@code IF EXISTS (SELECT 1 FROM t) THROW 50000, '..', 1;} or {@code IF (SELECT COUNT(*) FROM t) > 0
     * BEGIN RAISERROR('..', 16, 1); RETURN END}. THROW ends the batch with an error, which ends the migration.
     * RAISERROR does not end anything by itself (the batch goes on with its next statement), so it counts only with
     * severity 11 or more, an error, and a RETURN in the same block that ends the batch or procedure after it.
     */
    private static final Pattern THROWN_UNLESS_EMPTY = Pattern.compile("(?is)^\\s*IF\\s+" + TSQL_HAS_ROWS + "\\s*(?:"
            + THROW + "|BEGIN\\b\\s*(?:;\\s*)*(?:" + THROW + "|" + RAISERROR + "RETURN\\b\\s*;?)\\s*END\\b\\s*;?)\\s*$");
    /**
     * T-SQL, just before a statement of the same batch or procedure: a check that leaves it when a table has rows,
     * by THROW or by RETURN (after a RAISERROR of any severity, or none: RETURN alone ends the batch or procedure).
     */
    private static final Pattern LEFT_UNLESS_EMPTY = Pattern.compile("(?is)\\bIF\\s+" + TSQL_HAS_ROWS + "\\s*(?:"
            + THROW + "|RETURN\\b\\s*;?|BEGIN\\b\\s*(?:;\\s*)*(?:" + THROW + "|(?:" + RAISERROR + ")?RETURN\\b\\s*;?)"
            + "\\s*END\\b\\s*;?)\\s*$");
    /** Where a T-SQL statement starts that runs whenever the text before it does, not as the branch of an IF. */
    private static final Pattern TSQL_STATEMENT_START = Pattern.compile("(?is)(?:^|[;]|\\b(?:BEGIN|AS|END))\\s*$");
    /**
     * A block with an exception handler may go on after its check failed: PL/pgSQL and PL/SQL {@code EXCEPTION
     * WHEN}, MySQL and MariaDB {@code DECLARE CONTINUE|EXIT HANDLER}.
     */
    static final Pattern HANDLER = Pattern.compile("(?is)\\bEXCEPTION\\s+WHEN\\b"
            + "|\\bDECLARE\\s+(?:CONTINUE|EXIT|UNDO)\\s+HANDLER\\b");
    /** A MySQL handler that, having caught the error of a failed check, goes on with the statement after it. */
    private static final Pattern CONTINUE_HANDLER = Pattern.compile("(?is)\\bDECLARE\\s+CONTINUE\\s+HANDLER\\b");
    /** A statement run as dynamic SQL starts inside the literal that {@code EXECUTE '} opens. */
    private static final Pattern EXECUTE_OPENED = Pattern.compile("(?is)\\bEXECUTE\\s+(?:IMMEDIATE\\s+)?'\\s*$");

    /** A column of a table that must hold no value. */
    record EmptyColumn(String table, String column) {
    }

    private EmptinessConditions() {
    }

    /** The table that {@code textBefore}, the text just before a statement, requires to be empty. */
    static Optional<String> emptyTableRequiredBy(String textBefore) {
        String before = EXECUTE_OPENED.matcher(textBefore).replaceFirst("");
        if (CONTINUE_HANDLER.matcher(before).find()) {
            return Optional.empty();
        }
        List<Pattern> patterns = new ArrayList<>(List.of(NOT_EXISTS, COUNT_ZERO, COUNTED_ZERO));
        patterns.addAll(RAISED_UNLESS_EMPTY);
        for (Pattern pattern : patterns) {
            Matcher matcher = pattern.matcher(before);
            if (matcher.find()) {
                return Optional.of(SchemaNames.key(matcher.group("table")));
            }
        }
        Matcher left = LEFT_UNLESS_EMPTY.matcher(before);
        if (left.find() && TSQL_STATEMENT_START.matcher(before.substring(0, left.start())).find()) {
            return Optional.of(SchemaNames.key(checkedTable(left)));
        }
        return Optional.empty();
    }

    /**
     * The tables a block ({@code DO $$ .. $$}, an anonymous PL/SQL block) checks are empty before anything else,
     * stopping with an error when one has rows: {@code IF EXISTS (SELECT 1 FROM t) THEN RAISE EXCEPTION '..'; END
     * IF;}, and the columns it checks hold no value the same way ({@link ValuelessColumnChecks}), with where in
     * {@code blockSql} the checks end. Only checks that start the block count, as those run whenever it runs, and
     * none of a block with an exception handler, which may swallow the error.
     */
    static BlockChecks checksOfBlock(String blockSql) {
        String text = withoutComments(blockSql);
        Matcher start = BLOCK_START.matcher(text);
        if (!start.lookingAt() || HANDLER.matcher(text).find()) {
            return new BlockChecks(List.of(), List.of(), 0);
        }
        List<String> tables = new ArrayList<>();
        List<EmptyColumn> columns = new ArrayList<>();
        int at = start.end();
        boolean found = true;
        while (found) {
            Checks ofTables = checksFrom(text, at, RAISING_CHECK_AT);
            tables.addAll(ofTables.tables());
            at = ofTables.end();
            found = false;
            for (Pattern check : ValuelessColumnChecks.AT) {
                Matcher matcher = check.matcher(text).region(at, text.length());
                if (matcher.lookingAt()) {
                    columns.add(ValuelessColumnChecks.checkedColumn(matcher));
                    at = matcher.end();
                    found = true;
                    break;
                }
            }
        }
        return new BlockChecks(tables, columns, tables.isEmpty() && columns.isEmpty() ? 0 : at);
    }

    /** The checks that start a block: of tables, of columns, and where in its text the last one ends. */
    record BlockChecks(List<String> tables, List<EmptyColumn> columns, int end) {
    }

    /** The tables of the checks that follow one another from {@code from} on, and where the last one ends. */
    static Checks checksFrom(String text, int from, List<Pattern> forms) {
        List<String> tables = new ArrayList<>();
        int at = from;
        boolean found = true;
        while (found) {
            found = false;
            for (Pattern check : forms) {
                Matcher matcher = check.matcher(text).region(at, text.length());
                if (matcher.lookingAt() && hasErrorSeverity(matcher)) {
                    tables.add(SchemaNames.key(checkedTable(matcher)));
                    at = matcher.end();
                    found = true;
                    break;
                }
            }
        }
        return new Checks(tables, at);
    }

    private static boolean hasErrorSeverity(Matcher matcher) {
        return !matcher.pattern().pattern().contains("?<severity>") || matcher.group("severity") == null
                || Integer.parseInt(matcher.group("severity")) >= 11;
    }

    /** Checks that follow one another, and where the last ends. */
    record Checks(List<String> tables, int end) {
    }

    /** The table a T-SQL statement checks is empty, ending the batch with an error when it has rows. */
    static Optional<String> tableCheckedEmptyByThrow(String sql) {
        Matcher matcher = THROWN_UNLESS_EMPTY.matcher(withoutComments(sql));
        if (!matcher.matches()) {
            return Optional.empty();
        }
        if (matcher.group("severity") != null && Integer.parseInt(matcher.group("severity")) < 11) {
            return Optional.empty();
        }
        return Optional.of(SchemaNames.key(checkedTable(matcher)));
    }

    private static String checkedTable(Matcher matcher) {
        if (!matcher.pattern().pattern().contains("?<counted>")) {
            return matcher.group("table");
        }
        return matcher.group("table") != null ? matcher.group("table") : matcher.group("counted");
    }

    /** The table a changeset precondition, given as its bare condition, requires to be empty. */
    static Optional<String> emptyTableOfPrecondition(String condition) {
        Matcher matcher = NOT_EXISTS.matcher(condition);
        return matcher.matches() ? Optional.of(SchemaNames.key(matcher.group("table"))) : Optional.empty();
    }

    /** The column a changeset precondition requires to hold no value in any row. */
    static Optional<EmptyColumn> emptyColumnOfPrecondition(String condition) {
        Matcher matcher = NO_VALUES.matcher(condition);
        return matcher.matches() ? Optional.of(emptyColumn(matcher)) : Optional.empty();
    }

    /**
     * The columns of {@code table} (a key) that {@code textBefore}, the text just before a statement, requires to
     * hold no value: T-SQL {@code IF NOT EXISTS (SELECT 1 FROM t WHERE c IS NOT NULL) ALTER TABLE t DROP COLUMN c}, or
     * a check that stops the block while one does ({@link ValuelessColumnChecks}).
     */
    static Set<String> valuelessColumnsRequiredBy(String textBefore, String table) {
        Set<String> columns = new LinkedHashSet<>(ValuelessColumnChecks.raisedJustBefore(textBefore, table));
        for (String conjunct : conjunctsOfLastIf(textBefore)) {
            Matcher matcher = NO_VALUES_CONJUNCT.matcher(conjunct);
            if (matcher.matches() && emptyColumn(matcher).table().equals(table)) {
                columns.add(emptyColumn(matcher).column());
            }
        }
        return columns;
    }

    /**
     * The parts joined by AND of the condition of the last {@code IF} that {@code textBefore} ends inside, or none
     * when that condition also has an OR, an ELSE or another statement at its top level: each part of {@code IF
     * NOT EXISTS (..) AND NOT EXISTS (..) BEGIN} must hold for the statement after it to run, a part of an OR need
     * not.
     */
    private static List<String> conjunctsOfLastIf(String textBefore) {
        String text = TRAILING_BLOCK_START.matcher(textBefore).replaceFirst("");
        Matcher ifWord = IF_WORD.matcher(text);
        List<Integer> starts = new ArrayList<>();
        while (ifWord.find()) {
            starts.add(ifWord.end());
        }
        for (int k = starts.size() - 1; k >= 0; k--) {
            List<String> conjuncts = topLevelConjuncts(text.substring(starts.get(k)));
            if (!conjuncts.isEmpty()) {
                return conjuncts;
            }
        }
        return List.of();
    }

    /** {@code condition} split at its top-level ANDs, or empty when anything but AND joins it at its top level. */
    private static List<String> topLevelConjuncts(String condition) {
        List<String> conjuncts = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i < condition.length(); i++) {
            char c = condition.charAt(i);
            if (c == '\'') {
                int close = condition.indexOf('\'', i + 1);
                if (close < 0) {
                    return List.of();
                }
                i = close;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth < 0) {
                return List.of();
            } else if (c == ';' && depth == 0) {
                return List.of();
            } else if (depth == 0 && Character.isLetter(c) && (i == 0 || !isWordPart(condition.charAt(i - 1)))) {
                int end = i;
                while (end < condition.length() && isWordPart(condition.charAt(end))) {
                    end++;
                }
                String word = condition.substring(i, end).toUpperCase(Locale.ROOT);
                if (CONDITION_ENDS.contains(word)) {
                    return List.of();
                }
                if (word.equals("AND")) {
                    conjuncts.add(condition.substring(from, i).strip());
                    from = end;
                }
                i = end - 1;
            }
        }
        conjuncts.add(condition.substring(from).strip());
        return depth == 0 && conjuncts.stream().noneMatch(String::isEmpty) ? conjuncts : List.of();
    }

    private static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '@' || c == '#' || c == '$';
    }

    private static EmptyColumn emptyColumn(Matcher matcher) {
        return new EmptyColumn(SchemaNames.key(matcher.group("table")), SchemaNames.key(matcher.group("column")));
    }

    /**
     * The text that may guard the statement: before its main keyword in the same statement (T-SQL
     * {@code IF .. DROP}), or in the block or routine body that contains it (PL/pgSQL {@code IF .. THEN}), the last
     * container before the statement.
     */
    static String conditionBefore(Statement statement, int main, Statement lastContainer) {
        List<Token> tokens = statement.tokens();
        String before = "";
        if (main > 0) {
            before = textBetween(statement, tokens.get(0), tokens.get(main));
        } else if (lastContainer != null && (statement.context().kind() == StatementContext.Kind.EXECUTED_BLOCK
                || statement.context().kind() == StatementContext.Kind.ROUTINE_BODY)
                && lastContainer.start().path().equals(statement.start().path())) {
            before = textBetween(lastContainer, lastContainer.firstToken(), statement.firstToken());
        }
        return before;
    }

    /**
     * The source text of {@code holder} from token {@code from} up to (not including) {@code to}, its comments
     * blanked: scripts say why a drop is safe in a comment between the guard and the drop.
     */
    private static String textBetween(Statement holder, Token from, Token to) {
        int length = to.offset() - from.offset();
        String sql = holder.sql();
        if (length <= 0 || length > sql.length()) {
            return "";
        }
        return withoutComments(sql.substring(0, length));
    }

    /**
     * {@code text} with each {@code --} and {@code /* .. *}{@code /} comment outside quotes blanked, line breaks kept,
     * so that an offset in it is one in {@code text}. The text may be a block's body cut out of its dollar-quoted
     * string, so only single and double quotes are tracked.
     */
    static String withoutComments(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
                kept.append(c);
            } else if (c == '\'' || c == '"') {
                quote = c;
                kept.append(c);
            } else if (text.startsWith("--", i)) {
                int lineEnd = text.indexOf('\n', i);
                int end = lineEnd < 0 ? text.length() : lineEnd;
                kept.append(" ".repeat(end - i));
                i = end - 1;
            } else if (text.startsWith("/*", i)) {
                int close = text.indexOf("*/", i + 2);
                int end = close < 0 ? text.length() : close + 2;
                text.substring(i, end).chars().forEach(k -> kept.append(k == '\n' ? '\n' : ' '));
                i = end - 1;
            } else {
                kept.append(c);
            }
        }
        return kept.toString();
    }
}
