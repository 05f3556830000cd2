package io.github.sqlguard.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The SQL a statement builds and runs itself: Oracle {@code EXECUTE IMMEDIATE expr}, PL/pgSQL {@code EXECUTE expr},
 * T-SQL {@code EXEC (expr)}, {@code EXEC sp_executesql arg} and {@code EXEC sp_MSforeachtable arg}, a sqlcmd
 * {@code $(variable)} or a Flyway or Liquibase placeholder without a value that makes up a whole statement, MySQL
 * {@code PREPARE st FROM expr} (read where it is prepared, as a script prepares what it runs). Its text is known
 * when the expression is literals joined by {@code ||} (or T-SQL's {@code +}), may be known when it is or joins
 * variables ({@link VariableOperands}), is known but for the slots of {@code format('..', ..)}, else built at run time.
 */
final class DynamicSql {

    /** T-SQL procedures that run their command once per table or per database, with {@code ?} for the name. */
    private static final List<String> FOR_EACH = List.of("sp_msforeachtable", "sp_msforeachdb");

    /**
     * What a statement runs.
     *
     * @param literals the parts of the text, in order: its literals, and for each part that is not a literal
     *     (partly built) a word standing in for it; empty when no part is a literal
     * @param variable the one variable holding the text, or null
     * @param partlyBuilt true when some part is not a literal, so the text is only known in part
     * @param label where the text runs, for messages ({@code dynamic SQL})
     * @param eachName what {@code ?} in the text stands for (sp_MSforeachtable: {@code [every table]}), or null
     */
    record Source(List<Token> literals, Token variable, boolean partlyBuilt, String label, String eachName) {

        Source {
            literals = List.copyOf(literals);
        }

        Source(List<Token> literals, Token variable, String label) {
            this(literals, variable, false, label, null);
        }

        /** With what is known of the variable's text, or as built at run time when nothing is. */
        Source resolved(VariableAssignments.Value value) {
            return new Source(value.parts(), null, value.partlyBuilt(), label, eachName);
        }

        /** True when what runs is not (wholly) known before the migration runs. */
        boolean builtAtRunTime() {
            return partlyBuilt || literals.isEmpty() && variable == null;
        }

        /**
         * True when a part built at run time names the routine the text calls ({@code 'BEGIN ' || name || '; END;'}),
         * so what runs is whatever that routine does, even where the part can only be one name.
         */
        boolean callsRoutineNamedAtRunTime() {
            return RoutineNamedAtRunTime.calledIn(literals);
        }

        /**
         * True when a part stands in for a value the script may still show: a variable's text that fills a
         * {@code %I} slot leaves the statement's shape known but not the name it acts on.
         */
        boolean namesSomethingUnknown() {
            return builtAtRunTime() || literals.stream().anyMatch(StandIns::is);
        }
    }

    private DynamicSql() {
    }

    /**
     * The SQL {@code tokens} runs, or null when the statement runs no SQL of its own making.
     *
     * @param plpgsql true inside a PL/pgSQL body, where {@code EXECUTE expr} always runs dynamic SQL (elsewhere
     *     {@code EXECUTE name} runs a prepared statement or calls a procedure)
     */
    static Source of(List<Token> tokens, boolean plpgsql) {
        if (tokens.size() == 1 && tokens.get(0).isSqlcmdVariable()) {
            // sqlcmd (SQL Server): a statement that is only $(name) runs whatever text -v name=.. gives it.
            return new Source(List.of(), null, "sqlcmd variable");
        }
        if (tokens.size() == 1 && isWholeStatementPlaceholder(tokens.get(0))) {
            // Only placeholders without a value are still tokens: the statement is whatever text a deploy gives it.
            return new Source(List.of(), null, "placeholder without a value");
        }
        if (tokens.size() < 2) {
            return null;
        }
        int execute = plpgsql ? executeInsideStatement(tokens) : -1;
        if (execute > 0) {
            return of(tokens.subList(execute, tokens.size()), true);
        }
        Source run = runBy(tokens, plpgsql);
        return run != null ? run : SqlTextArguments.of(tokens);
    }

    /**
     * PL/pgSQL runs a text as the query of {@code RETURN QUERY EXECUTE '..'} and of {@code OPEN c [[NO] SCROLL] FOR
     * EXECUTE '..'} as it does for a plain EXECUTE: where that EXECUTE stands in the statement, or -1.
     */
    private static int executeInsideStatement(List<Token> tokens) {
        if (tokens.get(0).isWord("RETURN") && tokens.size() > 3 && tokens.get(1).isWord("QUERY")
                && tokens.get(2).isWord("EXECUTE")) {
            return 2;
        }
        if (tokens.get(0).isWord("OPEN")) {
            for (int i = 2; i < Math.min(tokens.size() - 2, 6); i++) {
                if (tokens.get(i).isWord("FOR")) {
                    return tokens.get(i + 1).isWord("EXECUTE") ? i + 1 : -1;
                }
            }
        }
        return -1;
    }

    /**
     * A Flyway or Liquibase placeholder ({@code ${purge}}) or a template action that gives text ({@code {{ .Purge }}});
     * those that give none ({@code {{ end }}}) are read as comments ({@link LexicalShapes#templateControlEnd}).
     */
    private static boolean isWholeStatementPlaceholder(Token token) {
        return token.type() == TokenType.PLACEHOLDER;
    }

    /** What the statement runs by a means the database defines, or null. */
    private static Source runBy(List<Token> tokens, boolean plpgsql) {
        Token first = tokens.get(0);
        Source packaged = oraclePackageCall(tokens.subList(first.isAnyWord("EXEC", "EXECUTE", "CALL") ? 1 : 0,
                tokens.size()));
        if (packaged != null) {
            return packaged;
        }
        Source scheduled = PgCronJobs.command(tokens);
        if (scheduled != null) {
            return scheduled;
        }
        if (first.isWord("PREPARE") && tokens.size() > 3 && tokens.get(2).isWord("FROM")) {
            return expression(tokens.subList(3, tokens.size()), "dynamic SQL");
        }
        if (!first.isAnyWord("EXECUTE", "EXEC")) {
            return null;
        }
        Token second = tokens.get(1);
        if (second.isWord("IMMEDIATE")) {
            return expression(upTo(tokens, 2, "INTO", "USING", "RETURNING", "RETURN", "BULK"), "dynamic SQL");
        }
        if (second.isWord("STATEMENT") && tokens.size() > 2) {
            return firebirdExecuteStatement(tokens);
        }
        if (second.isSymbol("(")) {
            int close = TopLevel.closingParenthesis(tokens, 1);
            return close < 0 ? new Source(List.of(), null, "dynamic SQL")
                    : expression(tokens.subList(2, close), "dynamic SQL");
        }
        if (second.type() == TokenType.STRING || plpgsql) {
            return expression(upTo(tokens, 1, "INTO", "USING"), "dynamic SQL");
        }
        return procedureArgument(tokens);
    }

    /**
     * Oracle's {@code DBMS_UTILITY.EXEC_DDL_STATEMENT(sql)} and {@code DBMS_SQL.PARSE(cursor, sql, flag)}: both
     * run their text (PARSE runs DDL at once, and DML when the cursor is executed), with or without {@code SYS.}
     * in front and with the argument named or not.
     */
    private static Source oraclePackageCall(List<Token> tokens) {
        int at = tokens.size() > 2 && tokens.get(0).isWord("SYS") && tokens.get(1).isSymbol(".") ? 2 : 0;
        if (tokens.size() < at + 4 || !tokens.get(at + 1).isSymbol(".") || !tokens.get(at + 3).isSymbol("(")) {
            return null;
        }
        String member = tokens.get(at).text().toUpperCase(Locale.ROOT) + "."
                + tokens.get(at + 2).text().toUpperCase(Locale.ROOT);
        int close = TopLevel.closingParenthesis(tokens, at + 3);
        List<List<Token>> arguments = arguments(tokens.subList(at + 4, close < 0 ? tokens.size() : close));
        if (member.equals("DBMS_SCHEDULER.CREATE_JOB") || member.equals("DBMS_JOB.SUBMIT")) {
            return OracleSchedulerJobs.action(member, arguments);
        }
        int position = switch (member) {
            case "DBMS_UTILITY.EXEC_DDL_STATEMENT" -> 0;
            case "DBMS_SQL.PARSE" -> 1;
            default -> -1;
        };
        if (position < 0) {
            return null;
        }
        if (arguments.size() <= position) {
            return new Source(List.of(), null, "dynamic SQL");
        }
        List<Token> argument = arguments.get(position);
        int named = argument.size() > 2 && argument.get(1).isSymbol("=>") ? 2
                : argument.size() > 3 && argument.get(1).isSymbol("=") && argument.get(2).isSymbol(">") ? 3 : 0;
        return expression(argument.subList(named, argument.size()), "dynamic SQL");
    }

    /** The comma-separated arguments in {@code tokens}, split at the top level only. */
    static List<List<Token>> arguments(List<Token> tokens) {
        List<List<Token>> arguments = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i <= tokens.size(); i++) {
            Token token = i < tokens.size() ? tokens.get(i) : null;
            if (token == null || depth == 0 && token.isSymbol(",")) {
                if (i > start) {
                    arguments.add(tokens.subList(start, i));
                }
                start = i + 1;
            } else {
                depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
            }
        }
        return arguments;
    }

    /** T-SQL {@code EXEC [@ret =] sp_executesql [@stmt =] arg, ..}, {@code EXEC sp_MSforeachtable ..}, EXEC @module. */
    private static Source procedureArgument(List<Token> tokens) {
        int name = tokens.size() > 3 && tokens.get(2).isSymbol("=") ? 3 : 1;
        while (name + 2 < tokens.size() && tokens.get(name + 1).isSymbol(".")) {
            name += 2;
        }
        while (name + 1 < tokens.size() && tokens.get(name + 1).isSymbol(".")) {
            name++; // master..sp_executesql
        }
        Token procedure = tokens.get(name);
        String written = procedure.text();
        if (written.startsWith("@")) { // its name is known at run time only, often N'[db].sys.sp_executesql'
            return new Source(List.of(), null, "a procedure named at run time");
        }
        if (procedure.type() == TokenType.QUOTED_NAME && written.length() >= 2) {
            written = written.substring(1, written.length() - 1); // [sys].[sp_executesql], as scripting tools write it
        }
        String lower = written.toLowerCase(Locale.ROOT);
        String label = "dynamic SQL";
        if (lower.equals(FOR_EACH.get(0))) {
            return ForEachCommands.of(tokens.subList(name + 1, tokens.size()), false,
                    "sp_MSforeachtable, which runs it on every table", StandIns.EVERY_TABLE);
        } else if (lower.equals(FOR_EACH.get(1))) {
            return ForEachCommands.of(tokens.subList(name + 1, tokens.size()), true,
                    "sp_MSforeachdb, which runs it in every database", "[every database]");
        } else if (!lower.equals("sp_executesql")) {
            return AgentJobSteps.command(lower, tokens.subList(name + 1, tokens.size()));
        }
        int argument = name + 1;
        if (argument + 2 < tokens.size() && tokens.get(argument).text().startsWith("@")
                && tokens.get(argument + 1).isSymbol("=")) {
            argument += 2; // @stmt = N'..', @command1 = '..'
        }
        if (argument >= tokens.size()) {
            return new Source(List.of(), null, label);
        }
        int end = argument;
        while (end < tokens.size() && !tokens.get(end).isSymbol(",")) {
            end++;
        }
        return expression(tokens.subList(argument, end), label);
    }

    /**
     * {@code 'a' || 'b'}, a lone variable, or something built at run time. Literals joined with other parts
     * ({@code 'DROP TABLE ' || v_name}) are still read, each other part standing in as a word, so what is known
     * (a table is dropped) is checked besides the diagnostic for what is not.
     */
    static Source expression(List<Token> text, String label) {
        List<Token> selected = ContextAssignments.subqueryText(text);
        if (selected != null) { // EXECUTE (SELECT string_agg(format('DROP TABLE %I', ..), ';') FROM ..)
            return new Source(TextParts.partsWithStandIns(selected, 0), null, true, label, null);
        }
        List<Token> expression = CatalogueNames.withNameSubqueriesAsOneName(text);
        List<Token> parts = TextParts.literalParts(expression);
        if (!parts.isEmpty()) {
            return new Source(parts, null, label);
        }
        FormatCall.Formatted formatted = FormatCall.parts(expression, 0);
        if (formatted != null) {
            return new Source(formatted.parts(), null, formatted.builtAtRunTime(), label, null);
        }
        ConditionalText.Branches branches = ConditionalText.of(expression, 0);
        if (branches != null) {
            return new Source(branches.parts(), null, branches.partlyBuilt(), label, null);
        }
        if (expression.size() == 1 && expression.get(0).type() == TokenType.WORD) {
            return new Source(List.of(), expression.get(0), label); // a lone variable
        }
        parts = TextParts.partsWithStandIns(expression, 0);
        return new Source(parts, null, StandIns.leaveShapeOpen(parts), label, null);
    }

    /**
     * Firebird's {@code EXECUTE STATEMENT sql [WITH ..] [AS USER ..] [ON EXTERNAL ..] [INTO ..]}, also with the text
     * and its parameters in parentheses ({@code EXECUTE STATEMENT ('DELETE FROM t WHERE id = ?') (:id)}): it runs
     * the text, as EXECUTE IMMEDIATE does, rather than a routine called STATEMENT.
     */
    private static Source firebirdExecuteStatement(List<Token> tokens) {
        if (tokens.get(2).isSymbol("(")) {
            int close = TopLevel.closingParenthesis(tokens, 2);
            return close < 0 ? new Source(List.of(), null, "dynamic SQL")
                    : expression(tokens.subList(3, close), "dynamic SQL");
        }
        return expression(upTo(tokens, 2, "WITH", "AS", "ON", "PASSWORD", "ROLE", "INTO"), "dynamic SQL");
    }

    private static List<Token> upTo(List<Token> tokens, int from, String... endWords) {
        int depth = 0;
        for (int i = from; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
            if (depth == 0 && token.isAnyWord(endWords)) {
                return tokens.subList(from, i);
            }
        }
        return tokens.subList(from, tokens.size());
    }
}
