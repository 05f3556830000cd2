package io.github.sqlguard.schema;

import static io.github.sqlguard.schema.EmptinessConditions.BLOCK_START;
import static io.github.sqlguard.schema.EmptinessConditions.HANDLER;
import static io.github.sqlguard.schema.EmptinessConditions.RAISERROR;
import static io.github.sqlguard.schema.EmptinessConditions.RAISING_CHECK_AT;
import static io.github.sqlguard.schema.EmptinessConditions.TSQL_HAS_ROWS;
import static io.github.sqlguard.schema.EmptinessConditions.checksFrom;
import static io.github.sqlguard.schema.EmptinessConditions.withoutComments;

import io.github.sqlguard.analysis.RoutineNames;
import io.github.sqlguard.schema.EmptinessConditions.Checks;
import io.github.sqlguard.sql.BuiltText;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The emptiness checks a statement makes by calling a routine whose body does nothing but check tables are empty,
 * stopping the migration with an error when one has rows: {@code SELECT assert_empty('orders')}, {@code CALL ..},
 * {@code PERFORM ..}, T-SQL {@code EXEC dbo.assert_empty @table = 'orders'}. The body is read with the literals the
 * call passes put in for its parameters, so that the query it builds ({@code format('SELECT count(*) FROM %I',
 * tbl)}) names the table it checks. A routine sqlguard has not seen, one whose body does anything else (only warns,
 * writes a row, checks in a branch) or a call whose arguments are not all known checks nothing.
 */
final class CalledEmptinessChecks {

    /** PostgreSQL: the body between the dollar quotes after {@code AS}. */
    private static final Pattern DOLLAR_QUOTED_BODY = Pattern.compile("(?is)\\bAS\\s+(\\$\\w*\\$)(?<body>.*?)\\1");
    /** T-SQL: the body after the {@code AS} that ends a procedure's header (not {@code EXECUTE AS ..}). */
    private static final Pattern TSQL_BODY = Pattern.compile("(?is)(?<!EXECUTE\\s)\\bAS\\b(?<body>.*)$");
    /** Oracle: the declarations and body after {@code IS} or {@code AS}, read as an anonymous block's. */
    private static final Pattern PLSQL_BODY = Pattern.compile("(?is)\\)?\\s*(?:RETURN\\s+\\w+\\s+)?\\b(?:IS|AS)\\b"
            + "(?<body>(?:(?!\\$).)*\\bBEGIN\\b.*)$");
    /** MySQL and MariaDB: the body from its {@code BEGIN}. */
    private static final Pattern BEGIN_BODY = Pattern.compile("(?is)\\)\\s*(?:[^()]*?)(?<body>\\bBEGIN\\b.*)$");

    /** A T-SQL THROW with its three arguments, which ends where they do. */
    private static final String THROW_WITH_ARGUMENTS = "THROW\\s+(?:\\d+|@\\w+)\\s*,"
            + "\\s*(?:N?'(?:[^']|'')*'|@\\w+)\\s*,\\s*(?:\\d+|@\\w+)\\s*;?";
    /** A T-SQL check of a routine's body that leaves it with an error when a table has rows. */
    private static final Pattern TSQL_CHECK_AT = Pattern.compile("(?is)\\s*IF\\s+" + TSQL_HAS_ROWS + "\\s*(?:"
            + THROW_WITH_ARGUMENTS + "|BEGIN\\b\\s*(?:;\\s*)*(?:" + THROW_WITH_ARGUMENTS + "|" + RAISERROR
            + "RETURN\\b\\s*;?)\\s*END\\b\\s*;?)");
    /** What may come before a T-SQL routine body's checks: SET NOCOUNT ON, variables declared without a value. */
    private static final Pattern TSQL_BODY_START = Pattern.compile("(?is)\\s*(?:BEGIN\\b\\s*)?"
            + "(?:SET\\s+NOCOUNT\\s+ON\\s*;?\\s*"
            + "|DECLARE\\s+@\\w+\\s+\\w+(?:\\s*\\(\\s*(?:MAX|\\d+)\\s*\\))?\\s*;?\\s*)*");
    /** What may follow a T-SQL routine body's checks: its RETURN, its END. */
    private static final Pattern TSQL_BODY_END = Pattern.compile("(?is)\\s*(?:RETURN\\b\\s*;?\\s*)?"
            + "(?:END\\b\\s*;?\\s*)?");
    /** What may follow a routine body's checks: its end, after a RETURN or not. */
    private static final Pattern BODY_END = Pattern.compile("(?is)\\s*(?:RETURN\\s*;\\s*)?END\\b\\s*"
            + "(?:\\w+\\s*)?;?\\s*");

    private CalledEmptinessChecks() {
    }

    /**
     * The tables {@code call} checks are empty through the routines it calls, which {@code routines} knows; empty
     * when a routine it calls is not known or does more than check.
     */
    static Optional<List<String>> tablesCheckedBy(Statement call, EarlierRoutines routines) {
        if (!isPlainCall(call.tokens()) || !routines.mayCall(call)) {
            return Optional.empty();
        }
        List<String> called = RoutineNames.calledNames(call.tokens());
        if (called.isEmpty()) {
            return Optional.empty();
        }
        List<String> tables = new ArrayList<>();
        for (String written : called) {
            List<DefinedRoutine> reached = List.of();
            for (String key : RoutineNames.callKeys(written, "")) {
                reached = DefinedRoutine.reachedBy(call, routines.before(call, key));
                if (!reached.isEmpty()) {
                    break;
                }
            }
            if (reached.size() != 1) {
                return Optional.empty();
            }
            Optional<List<String>> checked = checkedBy(reached.get(0), call);
            if (checked.isEmpty()) {
                return Optional.empty();
            }
            tables.addAll(checked.get());
        }
        return Optional.of(tables);
    }

    /**
     * True for a statement that runs one routine once, and only that: {@code SELECT f('a')}, {@code PERFORM f('a')},
     * {@code CALL p('a')}, PL/SQL {@code p('a');}, T-SQL {@code EXEC [@rc =] p @a = 'a', 1}. A SELECT or PERFORM with a FROM or WHERE, or
     * an expression around the call, may run it for no row at all.
     */
    static boolean isPlainCall(List<Token> tokens) {
        List<Token> kept = tokens.stream().filter(token -> token.type() != TokenType.COMMENT
                && token.type() != TokenType.TERMINATOR).toList();
        if (kept.isEmpty() || kept.get(0).type() != TokenType.WORD) {
            return false;
        }
        // PL/SQL calls a procedure by its name alone: assert_empty('orders');
        boolean keyword = kept.get(0).isAnyWord("SELECT", "PERFORM", "CALL", "EXEC", "EXECUTE");
        boolean exec = kept.get(0).isAnyWord("EXEC", "EXECUTE");
        int at = keyword ? 1 : 0;
        if (exec && kept.size() > 3 && kept.get(1).text().startsWith("@") && kept.get(2).isSymbol("=")) {
            at = 3; // EXEC @rc = p ..: the procedure's return value goes to a variable
        }
        int nameStart = at;
        while (at < kept.size()) {
            boolean nameExpected = at == nameStart || kept.get(at - 1).isSymbol(".");
            if (!(nameExpected ? isNamePart(kept.get(at)) : kept.get(at).isSymbol("."))) {
                break;
            }
            at++;
        }
        if (at == nameStart || kept.get(at - 1).isSymbol(".")) {
            return false;
        }
        if (at < kept.size() && kept.get(at).isSymbol("(")) {
            int depth = 0;
            for (; at < kept.size(); at++) {
                depth += kept.get(at).isSymbol("(") ? 1 : kept.get(at).isSymbol(")") ? -1 : 0;
                if (depth == 0) {
                    return at == kept.size() - 1 && !kept.subList(nameStart, at).stream()
                            .anyMatch(token -> token.isAnyWord("SELECT", "FROM", "WHERE"));
                }
            }
            return false;
        }
        // T-SQL passes a procedure's arguments without parentheses: literals and @names, = and commas between.
        return exec && kept.subList(at, kept.size()).stream().allMatch(token -> token.type() == TokenType.STRING
                || token.type() == TokenType.NUMBER || token.isSymbol("=") || token.isSymbol(",")
                || token.isSymbol("-") || token.type() == TokenType.WORD && (token.text().startsWith("@")
                || token.isAnyWord("OUTPUT", "OUT", "DEFAULT")));
    }

    private static boolean isNamePart(Token token) {
        return token.type() == TokenType.WORD && !token.text().startsWith("@") || token.type() == TokenType.QUOTED_NAME;
    }

    /** The tables {@code routine}'s body checks are empty when {@code call} runs it, if that is all it does. */
    static Optional<List<String>> checkedBy(DefinedRoutine routine, Statement call) {
        Map<String, Token> arguments = routine.argumentsAt(call, Map.of());
        return routine.emptinessChecksFor(arguments, () -> checkedBy(routine, arguments));
    }

    private static Optional<List<String>> checkedBy(DefinedRoutine routine, Map<String, Token> arguments) {
        Optional<String> definition = routine.definitionText();
        if (definition.isEmpty()) {
            return Optional.empty();
        }
        boolean tsql = routine.readsAsTsql();
        Optional<Body> body = bodyOf(definition.get(), tsql);
        if (body.isEmpty()) {
            return Optional.empty();
        }
        List<BuiltText> built = routine.builtTextsAt(arguments);
        String written = body.get().prefix() + CalledBodyText.written(
                definition.get().substring(body.get().start(), body.get().end()),
                routine.definitionTextStart() + body.get().start(), built, routine.dialect(), tsql);
        return tsql ? tablesCheckedEmptyByWholeTsqlBody(written) : tablesCheckedEmptyByWholeBody(written);
    }

    /**
     * Where the body stands in a routine's definition, read as a block's text ({@code DECLARE .. BEGIN .. END})
     * once {@code prefix} goes before it.
     */
    private record Body(String prefix, int start, int end) {
    }

    /** Where the body in {@code definition} stands. */
    private static Optional<Body> bodyOf(String definition, boolean tsql) {
        if (tsql) {
            return body(TSQL_BODY.matcher(definition), "");
        }
        return body(DOLLAR_QUOTED_BODY.matcher(definition), "")
                .or(() -> body(PLSQL_BODY.matcher(definition), "DECLARE "))
                .or(() -> body(BEGIN_BODY.matcher(definition), ""));
    }

    private static Optional<Body> body(Matcher matcher, String prefix) {
        return matcher.find() ? Optional.of(new Body(prefix, matcher.start("body"), matcher.end("body")))
                : Optional.empty();
    }

    /**
     * The tables a routine's body ({@code DECLARE .. BEGIN .. END}, as the text between a PL/pgSQL function's
     * dollar quotes) checks are empty, stopping with an error when one has rows, when the body does nothing else:
     * a call of it then leaves every table as it was, and each checked one known empty. Empty otherwise.
     */
    static Optional<List<String>> tablesCheckedEmptyByWholeBody(String bodySql) {
        String text = withoutComments(bodySql);
        Matcher start = BLOCK_START.matcher(text);
        if (!start.lookingAt() || HANDLER.matcher(text).find()) {
            return Optional.empty();
        }
        Checks checks = checksFrom(text, start.end(), RAISING_CHECK_AT);
        return checks.tables().isEmpty() || !BODY_END.matcher(text).region(checks.end(), text.length()).matches()
                ? Optional.empty() : Optional.of(checks.tables());
    }

    /**
     * As {@link #tablesCheckedEmptyByWholeBody}, for the body of a T-SQL procedure (what follows its {@code AS}): a
     * check that ends it with THROW, or with a RAISERROR of an error's severity and RETURN.
     */
    static Optional<List<String>> tablesCheckedEmptyByWholeTsqlBody(String bodySql) {
        String text = withoutComments(bodySql);
        Matcher start = TSQL_BODY_START.matcher(text);
        if (!start.lookingAt() || text.matches("(?is).*\\bBEGIN\\s+TRY\\b.*")) {
            return Optional.empty();
        }
        Checks checks = checksFrom(text, start.end(), List.of(TSQL_CHECK_AT));
        return checks.tables().isEmpty() || !TSQL_BODY_END.matcher(text).region(checks.end(), text.length()).matches()
                ? Optional.empty() : Optional.of(checks.tables());
    }
}
