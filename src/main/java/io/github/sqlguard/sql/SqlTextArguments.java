package io.github.sqlguard.sql;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A call that hands a routine the text of a data-changing statement: {@code migr_pkg.table_drop('DROP TABLE t')}
 * in a PL/SQL block, {@code CALL admin.run_ddl('TRUNCATE TABLE t')}, {@code SELECT dblink_exec('DELETE FROM t')},
 * {@code EXEC dbo.run_sql N'DELETE FROM t'}. Migration helper routines exist to run such text (with logging, an
 * "if exists" check or a retry around it), and nothing in the call says this one does not, so the text is read as
 * what the call runs. Only an argument whose text reads as such a statement counts: a message that merely starts
 * with a verb ({@code 'Update done'}) does not, nor do routines whose name says they log or print.
 */
final class SqlTextArguments {

    /** The start of a statement that can lose rows or columns, as a routine's argument holds it. */
    private static final Pattern STATEMENT_TEXT = Pattern.compile("(?is)(?:DROP\\s+\\w+\\s"
            + "|TRUNCATE\\s+[\\w\"`\\[]"
            + "|DELETE\\s+(?:FROM\\s|TOP\\s*\\(|[\\w.\"`\\[\\]]+\\s*(?:;|$|WHERE\\s))"
            + "|UPDATE\\s+[\\w.\"`\\[\\]]+(?:\\s+\\w+)?\\s+SET\\s"
            + "|ALTER\\s+TABLE\\s|MERGE\\s+INTO\\s|INSERT\\s+OVERWRITE\\s|REPLACE\\s+INTO\\s)");

    /** Where a statement of the text may start: its beginning, a semicolon or a line, then spaces and comments. */
    private static final Pattern STATEMENT_START = Pattern.compile(
            "(?s)(?:^|;|\n)(?:\\s|--[^\\n]*(?:\\n|$)|/\\*.*?\\*/)*");

    /** Routines whose name says they write their argument somewhere rather than run it. */
    private static final Pattern WRITES_IT_DOWN = Pattern.compile(
            "(?i).*(?:log|print|put|put_line|debug|trace|info|warn|warning|notice|message|comment|describe|raise)");

    private static final Pattern NAME_QUOTES = Pattern.compile("^[\\[\"`]|[\\]\"`]$");

    /** How the label of such text ends: whether it runs is up to the routine. */
    private static final String MAY_RUN_IT = ", which may run it";

    private SqlTextArguments() {
    }

    static boolean saysItMayRun(String label) {
        return label.endsWith(MAY_RUN_IT);
    }

    /** The text {@code tokens}, a call statement, hands its routine, or null when it hands none. */
    static DynamicSql.Source of(List<Token> tokens) {
        int at = tokens.get(0).isAnyWord("CALL", "PERFORM", "SELECT", "EXEC", "EXECUTE") ? 1 : 0;
        int nameEnd = at;
        while (nameEnd + 2 < tokens.size() && isNamePart(tokens.get(nameEnd))
                && tokens.get(nameEnd + 1).isSymbol(".")) {
            nameEnd += 2;
        }
        if (nameEnd >= tokens.size() || !isNamePart(tokens.get(nameEnd))) {
            return null;
        }
        List<List<Token>> arguments = arguments(tokens, nameEnd + 1, at > 0 && tokens.get(0).isAnyWord("EXEC",
                "EXECUTE"), tokens.get(0).isWord("SELECT"));
        List<Token> handed = arguments == null ? null : arguments.stream().map(SqlTextArguments::withoutName)
                .filter(value -> !value.isEmpty() && value.get(0).type() == TokenType.STRING
                        && holdsStatementThatMayLoseData(text(TextParts.partsWithStandIns(value, 0))))
                .findFirst().orElse(null);
        if (handed == null) {
            return null;
        }
        String member = NAME_QUOTES.matcher(tokens.get(nameEnd).text().toLowerCase(Locale.ROOT)).replaceAll("");
        if (member.startsWith("sp_") || member.startsWith("xp_") || WRITES_IT_DOWN.matcher(member).matches()) {
            return null; // SQL Server's own procedures that run text are read where they are known
        }
        String routine = tokens.subList(at, nameEnd + 1).stream().map(Token::text).reduce("", String::concat);
        return DynamicSql.expression(handed, "text passed to " + routine + MAY_RUN_IT);
    }

    /**
     * The arguments of the call whose name ends before {@code from}: in parentheses that close the statement
     * ({@code SELECT} may add {@code FROM dual}), or, after T-SQL's {@code EXEC name}, the rest of the statement.
     */
    private static List<List<Token>> arguments(List<Token> tokens, int from, boolean exec, boolean select) {
        if (from < tokens.size() && tokens.get(from).isSymbol("(")) {
            int close = TopLevel.closingParenthesis(tokens, from);
            int rest = tokens.size() - close - 1;
            boolean closes = close > 0 && (rest == 0 || select && rest == 2 && tokens.get(close + 1).isWord("FROM")
                    && tokens.get(close + 2).isWord("DUAL"));
            return closes ? DynamicSql.arguments(tokens.subList(from + 1, close)) : null;
        }
        return exec && from < tokens.size() ? DynamicSql.arguments(tokens.subList(from, tokens.size())) : null;
    }

    /**
     * True when a statement of {@code text} starts as one that can lose rows or columns: a helper that applies a
     * numbered change often runs several statements, the destructive one after others ({@code CREATE FUNCTION ..;
     * DROP TABLE t;}). A start inside a quoted part of the text only makes the text read as SQL, which it then is.
     */
    private static boolean holdsStatementThatMayLoseData(String text) {
        Matcher start = STATEMENT_START.matcher(text);
        Matcher statement = STATEMENT_TEXT.matcher(text);
        while (start.find()) {
            if (statement.region(start.end(), text.length()).lookingAt()) {
                return true;
            }
        }
        return false;
    }

    /** An argument's value, without the name a call may give it ({@code p_sql => '..'}, {@code @sql = N'..'}). */
    private static List<Token> withoutName(List<Token> argument) {
        if (argument.size() > 2 && (argument.get(1).isSymbol("=>") || argument.get(1).isSymbol(":=")
                || argument.get(0).text().startsWith("@") && argument.get(1).isSymbol("="))) {
            return argument.subList(2, argument.size());
        }
        return argument;
    }

    private static boolean isNamePart(Token token) {
        return token.type() == TokenType.WORD || token.type() == TokenType.QUOTED_NAME;
    }

    /** The text of a statement's parts: each literal's value, each stand-in as its word. */
    private static String text(List<Token> parts) {
        StringBuilder text = new StringBuilder();
        for (Token part : parts) {
            text.append(part.type() == TokenType.STRING ? part.stringValue() : part.text());
        }
        return text.toString();
    }
}
