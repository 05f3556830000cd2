package io.github.sqlguard.analysis;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.StatementContext;
import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A statement's tokens seen as structure: where a leading {@code WITH} clause ends and what its CTE bodies
 * are, which words stand at the statement's own nesting level (outside parentheses), and the table names
 * that follow a keyword. Rules use it when JSqlParser could not parse a statement, so the token path reaches
 * the same verdict as the AST path (fail closed).
 *
 * <p>All positions are indexes into {@link #tokens()}; a range is {@code [from, to)}. Methods never throw
 * for an index past the end: they answer "no" instead, because the tokens of an unparsable statement may
 * be cut short anywhere. Instances are cheap views over the statement's token list and do not change what they
 * answer (the only state they keep is where each parenthesis closes, found on the first question).
 */
public final class StatementTokens {

    /** Words that start the main statement after a {@code WITH} clause. */
    private static final String[] STATEMENT_WORDS = {
        "SELECT", "INSERT", "UPDATE", "DELETE", "MERGE", "VALUES", "TABLE", "REPLACE", "UPSERT"
    };

    private final List<Token> tokens;
    private final boolean barsAreOr;
    private final boolean rownumIsPseudoColumn;
    private final boolean fromItemsAreOtherInstances;
    private final TextAsCondition textAsCondition;
    /** The variables the statement's body declares, by lower-case name ({@link StatementContext.Body#variables}). */
    private final Set<String> blockVariables;
    /** True when a column of the statement's table wins over a variable of the same name (Oracle's PL/SQL). */
    private final boolean columnsHideVariables;
    /**
     * Per index of a {@code (}, the index of its {@code )} (the size when it has none): found once, since the
     * readers of a condition ask again at each level of nesting, and a statement may nest thousands deep.
     */
    private volatile int[] closingParens;

    public StatementTokens(List<Token> tokens) {
        this(tokens, false, false, false, TextAsCondition.UNDECIDED, Set.of(), false);
    }

    private StatementTokens(List<Token> tokens, boolean barsAreOr, boolean rownumIsPseudoColumn,
            boolean fromItemsAreOtherInstances, TextAsCondition textAsCondition, Set<String> blockVariables,
            boolean columnsHideVariables) {
        this.tokens = tokens;
        this.barsAreOr = barsAreOr;
        this.rownumIsPseudoColumn = rownumIsPseudoColumn;
        this.fromItemsAreOtherInstances = fromItemsAreOtherInstances;
        this.textAsCondition = textAsCondition;
        this.blockVariables = blockVariables;
        this.columnsHideVariables = columnsHideVariables;
    }

    /** The structure view of a statement's tokens (which never include comments or the terminator). */
    public static StatementTokens of(Statement statement) {
        Dialect dialect = statement.dialect();
        StatementContext.Body body = statement.context().body();
        return new StatementTokens(statement.tokens(), dialect.isMySqlFamily(),
                dialect == Dialect.ORACLE || dialect == Dialect.H2 || dialect == Dialect.AUTO,
                fromItemsAreOtherInstances(statement), TextAsCondition.in(dialect), body == null ? Set.of() : body.variables(),
                dialect == Dialect.ORACLE || body != null && body.columnsHideVariables());
    }

    /**
     * The variables of the statement's body (lower case) that a bare name means instead of a column of the same name:
     * MySQL takes the variable, and PL/pgSQL refuses the clash (its default variable_conflict = error). PL/SQL takes
     * the column, so under Oracle there are none, nor in a PL/pgSQL body set to {@code #variable_conflict use_column}. Under another dialect a body's language is not known, and its
     * variables count as taking the name.
     */
    Set<String> variablesNamingNoColumn() {
        return columnsHideVariables ? Set.of() : blockVariables;
    }

    /**
     * True when the word at {@code index} is a variable the statement's body declares, written as one name: it is
     * no column of any table the statement reads.
     */
    boolean isBlockVariable(int index) {
        Token token = index >= 0 && index < tokens.size() ? tokens.get(index) : null;
        return token != null && token.type() == TokenType.WORD && !blockVariables.isEmpty()
                && blockVariables.contains(token.text().toLowerCase(Locale.ROOT)) && !isSymbol(index + 1, ".")
                && !isSymbol(index - 1, ".") && !isSymbol(index + 1, "(");
    }

    /**
     * True when {@code statement} is read as PostgreSQL or SQLite, or runs on one of them by its Liquibase
     * {@code dbms}: there an UPDATE's FROM list never names the target, whatever tables it names.
     */
    static boolean fromItemsAreOtherInstances(Statement statement) {
        Set<String> databases = statement.context().databases().included();
        return statement.dialect() == Dialect.POSTGRESQL || statement.dialect() == Dialect.SQLITE
                || databases.contains("postgresql") || databases.contains("sqlite");
    }

    /** The view of tokens {@code [from, to)}, read in the same dialect. */
    StatementTokens part(int from, int to) {
        return new StatementTokens(tokens.subList(from, to), barsAreOr, rownumIsPseudoColumn,
                fromItemsAreOtherInstances, textAsCondition, blockVariables, columnsHideVariables);
    }

    /** {@code replaced}, tokens of the same statement with some changed, read in the same dialect. */
    StatementTokens withTokens(List<Token> replaced) {
        return new StatementTokens(replaced, barsAreOr, rownumIsPseudoColumn, fromItemsAreOtherInstances,
                textAsCondition, blockVariables, columnsHideVariables);
    }

    /**
     * True when an unquoted {@code ROWNUM} is Oracle's pseudo-column, the number of each row in the order the
     * database happens to return them (elsewhere it may be an ordinary column).
     */
    boolean rownumIsPseudoColumn() {
        return rownumIsPseudoColumn;
    }

    /**
     * True when the statement runs on PostgreSQL or SQLite, where each item of an {@code UPDATE t .. FROM} list is
     * a table of its own, even one that names t again ({@code FROM t k, u}): a self-join, not the rows being
     * updated, which T-SQL would take it for.
     */
    boolean fromItemsAreOtherInstances() {
        return fromItemsAreOtherInstances;
    }

    /**
     * True when {@code ||} is the logical OR, as MySQL and MariaDB read it unless PIPES_AS_CONCAT is set;
     * elsewhere it concatenates strings.
     */
    boolean barsAreOr() {
        return barsAreOr;
    }

    /** How the statement's database reads a string literal written alone as a condition. */
    TextAsCondition textAsCondition() {
        return textAsCondition;
    }

    public List<Token> tokens() {
        return tokens;
    }

    public int size() {
        return tokens.size();
    }

    /** True when the token at {@code index} exists and is one of {@code words} (ignoring case). */
    public boolean isWord(int index, String... words) {
        return index >= 0 && index < tokens.size() && tokens.get(index).isAnyWord(words);
    }

    /** True when the token at {@code index} exists and is the symbol {@code symbol}. */
    public boolean isSymbol(int index, String symbol) {
        return index >= 0 && index < tokens.size() && tokens.get(index).isSymbol(symbol);
    }

    /**
     * The index of the {@code )} that closes the {@code (} at {@code openIndex}, or {@link #size()} when the
     * statement ends first.
     */
    public int closingParen(int openIndex) {
        if (openIndex >= 0 && openIndex < tokens.size() && tokens.get(openIndex).isSymbol("(")) {
            int[] closing = closingParens;
            if (closing == null) {
                closing = matchParentheses();
                closingParens = closing;
            }
            return closing[openIndex];
        }
        int depth = 0;
        for (int i = openIndex; i < tokens.size(); i++) {
            if (tokens.get(i).isSymbol("(")) {
                depth++;
            } else if (tokens.get(i).isSymbol(")")) {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return tokens.size();
    }

    private int[] matchParentheses() {
        int[] closing = new int[tokens.size()];
        int[] open = new int[tokens.size()];
        int depth = 0;
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).isSymbol("(")) {
                closing[i] = tokens.size();
                open[depth++] = i;
            } else if (tokens.get(i).isSymbol(")") && depth > 0) {
                closing[open[--depth]] = i;
            }
        }
        return closing;
    }

    /** The first comma in {@code [from, to)} outside the parentheses opened there, or {@code to}. */
    public int firstTopLevelComma(int from, int to) {
        int depth = 0;
        for (int i = from; i < to; i++) {
            if (isSymbol(i, "(")) {
                depth++;
            } else if (isSymbol(i, ")")) {
                depth--;
            } else if (depth == 0 && isSymbol(i, ",")) {
                return i;
            }
        }
        return to;
    }

    /**
     * The first index in {@code [from, to)} of one of {@code words} at the nesting level of {@code from}
     * (not inside parentheses opened after {@code from}), or -1. The search also stops at a {@code )} that
     * closes a parenthesis opened before {@code from}, so a range inside a subquery stays inside it.
     */
    public int indexOfTopLevelWord(int from, int to, String... words) {
        int depth = 0;
        int end = Math.min(to, tokens.size());
        for (int i = Math.max(from, 0); i < end; i++) {
            Token token = tokens.get(i);
            if (token.isSymbol("(")) {
                depth++;
            } else if (token.isSymbol(")")) {
                depth--;
                if (depth < 0) {
                    return -1;
                }
            } else if (depth == 0 && token.isAnyWord(words)) {
                return i;
            }
        }
        return -1;
    }

    /** The end of the range starting at {@code from}: the {@code )} closing an enclosing parenthesis, or size. */
    public int levelEnd(int from) {
        int depth = 0;
        for (int i = Math.max(from, 0); i < tokens.size(); i++) {
            if (tokens.get(i).isSymbol("(")) {
                depth++;
            } else if (tokens.get(i).isSymbol(")")) {
                depth--;
                if (depth < 0) {
                    return i;
                }
            }
        }
        return tokens.size();
    }

    /**
     * Past T-SQL's {@code TOP (n) [PERCENT]} (or {@code TOP n}) at {@code i}, which limits how many rows, not which;
     * {@code i} itself when no TOP stands there.
     */
    public int skipTop(int i) {
        if (!isWord(i, "TOP")) {
            return i;
        }
        int next = isSymbol(i + 1, "(") ? Math.min(closingParen(i + 1) + 1, size()) : i + 2;
        return skipWords(next, "PERCENT");
    }

    /** The index after the optional words {@code words} that follow {@code from}, in any order. */
    public int skipWords(int from, String... words) {
        int i = from;
        while (isWord(i, words)) {
            i++;
        }
        return i;
    }

    /**
     * Where the main statement starts: 0 without a leading {@code WITH}; after
     * {@code WITH [RECURSIVE] name [(columns)] AS [NOT] [MATERIALIZED] (...) [, ...]} the index of the
     * first statement word at nesting level 0; {@link #size()} when no such word follows.
     */
    public int bodyStart() {
        if (isWord(0, "EXPLAIN")) {
            return explainedStatementStart();
        }
        if (!isWord(0, "WITH")) {
            return 0;
        }
        int i = 1;
        while (i < tokens.size()) {
            Token token = tokens.get(i);
            if (token.isSymbol("(")) {
                i = closingParen(i) + 1;
            } else if (token.isAnyWord(STATEMENT_WORDS) && !isWord(i - 1, "AS")) {
                return i;
            } else {
                i++;
            }
        }
        return tokens.size();
    }

    /**
     * PostgreSQL {@code EXPLAIN ANALYZE} (also {@code EXPLAIN (ANALYZE, ..)}) runs the statement it explains;
     * a plain {@code EXPLAIN} runs nothing, so there is no main statement ({@link #size()}).
     */
    private int explainedStatementStart() {
        boolean analyze = false;
        int i = 1;
        while (i < tokens.size()) {
            Token token = tokens.get(i);
            if (token.isSymbol("(")) {
                int close = closingParen(i);
                for (int j = i + 1; j < close; j++) {
                    analyze |= isWord(j, "ANALYZE", "ANALYSE");
                }
                i = close + 1;
            } else if (token.isAnyWord("ANALYZE", "ANALYSE")) {
                analyze = true;
                i++;
            } else if (token.isAnyWord(STATEMENT_WORDS)) {
                return analyze ? i : tokens.size();
            } else {
                i++;
            }
        }
        return tokens.size();
    }

    /**
     * The bodies of the CTEs of a leading {@code WITH} clause, each as {@code {from, to}} (the tokens between
     * the parentheses after {@code AS}); empty without a {@code WITH}.
     */
    public List<int[]> cteBodies() {
        List<int[]> bodies = new ArrayList<>();
        if (!isWord(0, "WITH")) {
            return bodies;
        }
        int body = bodyStart();
        int i = 1;
        while (i < body) {
            if (isSymbol(i, "(")) {
                int close = closingParen(i);
                if (isWord(i - 1, "AS", "MATERIALIZED")) {
                    bodies.add(new int[] {i + 1, close});
                }
                i = close + 1;
            } else {
                i++;
            }
        }
        return bodies;
    }

    /**
     * The possibly qualified name ({@code a}, {@code s.a}, {@code "s"."a"}, {@code [db].[s].[a]},
     * {@code db..a}, {@code ${schema}.a}) starting at {@code index}, as written, or null when no name starts
     * there; the one name reader of the analysis ({@link ObjectNames#readName}).
     */
    public ObjectNames.NameAt nameAt(int index) {
        return ObjectNames.readName(tokens, index);
    }

    /**
     * The comma-separated names starting at {@code index} ({@code t1, s.t2}, PostgreSQL {@code ONLY t} and
     * {@code t *}); empty when none.
     */
    public List<ObjectNames.NameAt> nameListAt(int index) {
        return ObjectNames.readNameList(tokens, index);
    }
}
