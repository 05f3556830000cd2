package io.github.sqlguard.analysis;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.time.Duration;
import java.util.List;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserConstants;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.StringProvider;

/**
 * Hands a statement to JSqlParser only when its tokens show it could destroy data; a statement the parser
 * rejects, or that takes more processor time than the limit ({@link ParseTimeLimit}), comes back as {@link AnalyzedStatement.Unparsed} with
 * a one-line reason, so the rules check it from its tokens instead.
 *
 * <p>Thread-safe: one instance may analyse statements from several threads at once. Each call parses on
 * the calling thread; a single shared daemon thread only raises JSqlParser's {@code interrupted} flag when
 * a parse runs past the limit (JSqlParser's own time-out support would start a thread per statement).
 */
public final class StatementAnalyzer {

    /** The default per-statement parse time limit, in the processor time of the parsing thread. */
    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(2);

    /**
     * Keywords without which the parser has nothing to add; upper case. Only the row-level rules (DELETE and
     * UPDATE: where is the WHERE, is it always true, is the target joined) read the AST. TRUNCATE, DROP,
     * ALTER and RENAME are judged from their tokens alone, the same way whether they parse or not, so
     * parsing them would only cost time: JSqlParser runs at well under 1 MB/s.
     */
    private static final String[] DESTRUCTIVE_WORDS = {"DELETE", "UPDATE"};

    /**
     * JSqlParser's time grows steeply with nesting (about 1.5 s at 150 levels) and its time-out is not
     * checked inside deep look-ahead, so deeper statements go straight to the token rules. Hand-written and
     * generated migrations stay far below this.
     */
    private static final int MAX_PARSED_DEPTH = 100;

    /**
     * Likewise for length: a DELETE or UPDATE with an IN list of tens of thousands of values can keep the
     * parser busy for minutes without it ever checking its time-out. The token rules read it in linear time.
     */
    private static final int MAX_PARSED_TOKENS = 20_000;

    /** JSqlParser's own limit: deeper statements are not worth the slow "complex" second attempt. */
    private static final int MAX_DEPTH_FOR_COMPLEX_PARSING = 10;

    private final long timeLimitMillis;

    public StatementAnalyzer() {
        this(DEFAULT_TIME_LIMIT);
    }

    /** An analyzer that gives up on a statement after {@code timeLimit} of parsing. */
    public StatementAnalyzer(Duration timeLimit) {
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("The parse time limit must be positive, not " + timeLimit);
        }
        this.timeLimitMillis = timeLimit.toMillis();
    }

    /** Parses {@code statement} when the pre-check says it may destroy data; never throws for bad SQL. */
    public AnalyzedStatement analyze(Statement statement) {
        if (statement.container() || !mayDestroyData(statement)) {
            return new AnalyzedStatement.NotNeeded(statement);
        }
        return parse(statement);
    }

    /**
     * The cheap pre-check, run on every statement: no DELETE or UPDATE anywhere, no need to parse. Words
     * that only name an event or a lock do not count: {@code ON DELETE CASCADE}, {@code ON UPDATE
     * CURRENT_TIMESTAMP}, {@code FOR UPDATE}, {@code ON DUPLICATE KEY UPDATE}, {@code ON CONFLICT DO UPDATE},
     * and the privileges of {@code GRANT} and {@code REVOKE}. Nor does a word after a dot: it names a member, such
     * as PL/SQL's collection method {@code names.DELETE(i)}, which empties a variable, not a table.
     */
    static boolean mayDestroyData(Statement statement) {
        List<Token> tokens = statement.tokens();
        if (tokens.isEmpty() || tokens.get(0).isAnyWord("GRANT", "REVOKE")) {
            return false;
        }
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.type() != TokenType.WORD) {
                continue;
            }
            String text = token.text();
            if (isDestructiveWord(text) && !namesACall(tokens, i)) {
                if (i == 0 || !isEventWord(tokens.get(i - 1)) && !tokens.get(i - 1).isSymbol(".")) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * True when DELETE or UPDATE at {@code i} is called like a function: a routine named delete
     * ({@code n := n + delete(a, b)}), T-SQL's {@code IF UPDATE(col)} in a trigger. Oracle's
     * {@code DELETE (SELECT ..)} and an UPDATE of parenthesised tables ({@code UPDATE (SELECT ..) SET},
     * MySQL's {@code UPDATE (a JOIN b ON ..) SET}) change rows.
     */
    private static boolean namesACall(List<Token> tokens, int i) {
        if (i + 2 >= tokens.size() || !tokens.get(i + 1).isSymbol("(")
                || tokens.get(i + 2).isAnyWord("SELECT", "WITH")) {
            return false;
        }
        if (!tokens.get(i).isWord("UPDATE")) {
            return true;
        }
        int depth = 0;
        int after = i + 1;
        for (; after < tokens.size(); after++) {
            depth += tokens.get(after).isSymbol("(") ? 1 : tokens.get(after).isSymbol(")") ? -1 : 0;
            if (depth == 0) {
                break;
            }
        }
        int set = after + 1 < tokens.size() && tokens.get(after + 1).type() == TokenType.WORD
                && !tokens.get(after + 1).isWord("SET") ? after + 2 : after + 1;
        return !(set < tokens.size() && tokens.get(set).isWord("SET"));
    }

    /** A word after which DELETE or UPDATE names an event, not an action: ON, FOR, KEY, DO. */
    private static boolean isEventWord(Token previous) {
        if (previous.type() != TokenType.WORD || previous.text().length() > 3) {
            return false;
        }
        String text = previous.text();
        return text.equalsIgnoreCase("ON") || text.equalsIgnoreCase("FOR") || text.equalsIgnoreCase("KEY")
                || text.equalsIgnoreCase("DO");
    }

    private static boolean isDestructiveWord(String text) {
        for (String word : DESTRUCTIVE_WORDS) {
            if (text.length() == word.length() && text.equalsIgnoreCase(word)) {
                return true;
            }
        }
        return false;
    }

    private AnalyzedStatement parse(Statement statement) {
        if (statement.tokens().size() > MAX_PARSED_TOKENS) {
            return new AnalyzedStatement.Unparsed(statement, "the statement has " + statement.tokens().size()
                    + " tokens; the parser is not asked beyond " + MAX_PARSED_TOKENS);
        }
        int depth = parenthesisDepth(statement);
        if (depth > MAX_PARSED_DEPTH) {
            return new AnalyzedStatement.Unparsed(statement, "the statement nests parentheses " + depth
                    + " levels deep; the parser is not asked beyond " + MAX_PARSED_DEPTH);
        }
        String sql = JdbcEscapedQuestionMarks.blanked(statement, SelectIntoVariables.blanked(statement,
                Collations.blanked(statement, IndexHints.withoutHints(statement))));
        sql = OpenJsonSchemas.blanked(statement, sql);
        sql = TableVariableSources.renamed(statement, DoubleFromDeletes.blanked(statement,
                DataChangeRowCaps.blanked(statement, QueryHintOptions.blanked(statement,
                        ErrorLoggingClause.blanked(statement, InheritanceOnlyTargets.blanked(statement, sql))))));
        sql = HexLiteralEnds.separated(statement,
                EmptySelectLists.filled(statement, DoubleQuotedStrings.singleQuoted(statement, sql)));
        ParserClasses.load();
        ParseAttempt attempt = new ParseAttempt(sql, statement.readsAsTsql(), backslashEscapes(statement));
        try (ParseTimeLimit limit = ParseTimeLimit.start(timeLimitMillis, attempt::interrupt)) {
            try {
                net.sf.jsqlparser.statement.Statement ast = attempt.run(false);
                return new AnalyzedStatement.Parsed(statement, ast);
            } catch (Exception | StackOverflowError firstFailure) {
                // A too deeply nested statement overflows the parser's stack: it is unparsed, not a crash.
                if (limit.expired()) {
                    return timedOut(statement);
                }
                return retryWithComplexParsing(statement, attempt, firstFailure, limit);
            }
        }
    }

    private static int parenthesisDepth(Statement statement) {
        int depth = 0;
        int deepest = 0;
        for (Token token : statement.tokens()) {
            if (token.isSymbol("(")) {
                deepest = Math.max(deepest, ++depth);
            } else if (token.isSymbol(")")) {
                depth--;
            }
        }
        return deepest;
    }

    private AnalyzedStatement retryWithComplexParsing(Statement statement, ParseAttempt attempt,
            Throwable firstFailure, ParseTimeLimit limit) {
        if (firstFailure instanceof StackOverflowError || firstFailure instanceof SeveralStatementsException
                || CCJSqlParserUtil.getNestingDepth(statement.sql()) > MAX_DEPTH_FOR_COMPLEX_PARSING) {
            return new AnalyzedStatement.Unparsed(statement, ParserMessages.shorten(firstFailure, statement));
        }
        try {
            return new AnalyzedStatement.Parsed(statement, attempt.run(true));
        } catch (Exception | StackOverflowError secondFailure) {
            return limit.expired() ? timedOut(statement)
                    : new AnalyzedStatement.Unparsed(statement, ParserMessages.shorten(firstFailure, statement));
        }
    }

    private AnalyzedStatement timedOut(Statement statement) {
        return new AnalyzedStatement.Unparsed(statement, "parsing took more than " + timeLimitMillis
                + " ms of processor time");
    }

    /**
     * MySQL and MariaDB escape quotes inside strings with a backslash; in auto, the lexer has read a string as
     * MySQL's when it holds a backslash before a quote and a letter, and the parser must agree.
     */
    private static boolean backslashEscapes(Statement statement) {
        if (statement.dialect().isMySqlFamily()) {
            return true;
        }
        if (statement.dialect() != Dialect.AUTO) {
            return false;
        }
        for (Token token : statement.tokens()) {
            if (token.type() == TokenType.STRING && (token.text().contains("\\'") || token.text().contains("\\\""))) {
                return true;
            }
        }
        return false;
    }

    /** One parse of one statement, at most two tries (simple, then complex), interruptible from outside. */
    private static final class ParseAttempt {
        /**
         * JSqlParser's constructor allocates large look-ahead tables; re-initialising one parser per thread is
         * about twice as fast while the JVM is still cold, which is every Maven build.
         */
        private static final ThreadLocal<CCJSqlParser> PARSER_OF_THIS_THREAD =
                ThreadLocal.withInitial(() -> new CCJSqlParser(new StringProvider("")));

        private final String sql;
        private final boolean squareBrackets;
        private final boolean backslashEscapes;
        private volatile CCJSqlParser parser;
        private volatile boolean interrupted;

        ParseAttempt(String sql, boolean squareBrackets, boolean backslashEscapes) {
            this.sql = sql;
            this.squareBrackets = squareBrackets;
            this.backslashEscapes = backslashEscapes;
        }

        net.sf.jsqlparser.statement.Statement run(boolean complexParsing) throws Exception {
            CCJSqlParser current = PARSER_OF_THIS_THREAD.get();
            current.ReInit(new StringProvider(sql));
            current.interrupted = false;
            current.withSquareBracketQuotation(squareBrackets)
                    .withBackslashEscapeCharacter(backslashEscapes)
                    .withAllowComplexParsing(complexParsing);
            parser = current;
            if (interrupted) {
                current.interrupted = true;
            }
            net.sf.jsqlparser.statement.Statement ast = current.Statement();
            if (current.getToken(1).kind != CCJSqlParserConstants.EOF) {
                // Statement() stops after the first of "a; b" and ignores the rest: the rest must not go unseen.
                throw new SeveralStatementsException(current.getToken(1));
            }
            return ast;
        }

        /**
         * Raises JSqlParser's {@code interrupted} flag, which its expression productions poll. The field is not
         * volatile, so this is best effort; a parse that still completes after the limit keeps its AST.
         */
        void interrupt() {
            interrupted = true;
            CCJSqlParser current = parser;
            if (current != null) {
                current.interrupted = true;
            }
        }
    }

    /** The text holds more than one statement (a MySQL compound body, for example) where one was expected. */
    static final class SeveralStatementsException extends Exception {
        SeveralStatementsException(net.sf.jsqlparser.parser.Token next) {
            super("another statement (\"" + next.image + "\") starts at line " + next.beginLine + ", column "
                    + next.beginColumn);
        }
    }

    /**
     * JSqlParser's first parse in a JVM loads and initialises its generated parser: half a second on an idle
     * machine, past the time limit on a busy one, so the one statement a run hands it came back unparsed or not
     * depending on the load. That cost is paid here, once and outside the limit, which is meant for the statement.
     */
    private static final class ParserClasses {
        static {
            try {
                CCJSqlParserUtil.parse("UPDATE t SET a = 1 WHERE b = 2");
            } catch (Exception e) {
                // Only the loading matters: a parser that rejects this fails on the statement too, and says why.
            }
        }

        static void load() {
            // Calling this runs the static initialiser above, once per class loader.
        }
    }
}
