package io.github.sqlguard.sql;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Location;
import java.util.List;
import java.util.Map;

/**
 * One SQL statement as the migration will run it.
 *
 * @param sql the statement text handed to the parser: the source text from the first to the last token,
 *     placeholders replaced, without the terminator
 * @param start where the first token stands in the original file
 * @param tokens the statement's tokens without comments and without the terminator; positions are those of
 *     the original file
 * @param context where the statement sits (top level, block body, routine body, rollback)
 * @param dialect the dialect to parse and judge it in: the file's, except that under auto a statement of a script
 *     that separates its batches with {@code GO} is SQL Server's, as only T-SQL's tools split batches so
 * @param container true for a statement that only wraps others (a DO block, an anonymous block, a routine
 *     definition, a T-SQL batch); its inner statements follow it in the statement list and are what rules
 *     look at, so the container itself is neither parsed nor checked by statement rules
 * @param written the statement's tokens as written in the file, joined by spaces, when placeholder values
 *     replaced some of them (the tokens then hold the values); null when the tokens are as written
 * @param runtimeSql true when the statement runs SQL whose text is built at run time and could not be read (the
 *     SQL of {@code EXECUTE IMMEDIATE v_sql}, {@code EXEC (@sql)}, {@code PREPARE st FROM @s}, psql
 *     {@code \gexec}), so it was not checked
 * @param unvaluedPlaceholders the placeholders its tokens hold as written because every definition of them applies
 *     to other runs only (a Liquibase property defined for other databases), by their text, each with why: a
 *     phrase that follows the placeholder in a message ({@code is defined only for dbms h2, so ..})
 */
public record Statement(
        String sql,
        Location start,
        List<Token> tokens,
        StatementContext context,
        Dialect dialect,
        boolean container,
        String written,
        boolean runtimeSql,
        Map<String, String> unvaluedPlaceholders) {

    public Statement {
        tokens = List.copyOf(tokens);
        unvaluedPlaceholders = Map.copyOf(unvaluedPlaceholders);
    }

    /** A statement none of whose placeholders is defined for other runs only. */
    public Statement(String sql, Location start, List<Token> tokens, StatementContext context, Dialect dialect,
            boolean container, String written, boolean runtimeSql) {
        this(sql, start, tokens, context, dialect, container, written, runtimeSql, Map.of());
    }

    /** A statement that runs no SQL built at run time. */
    public Statement(String sql, Location start, List<Token> tokens, StatementContext context, Dialect dialect,
            boolean container, String written) {
        this(sql, start, tokens, context, dialect, container, written, false);
    }

    /** A statement whose tokens are as written in the file. */
    public Statement(String sql, Location start, List<Token> tokens, StatementContext context, Dialect dialect,
            boolean container) {
        this(sql, start, tokens, context, dialect, container, null, false);
    }

    /**
     * The statement as written, placeholders unreplaced, its tokens joined by spaces: baseline fingerprints are
     * made from it, so they do not change with a placeholder value that differs between profiles or machines.
     */
    public String asWritten() {
        if (written != null) {
            return written;
        }
        StringBuilder text = new StringBuilder();
        for (Token token : tokens) {
            if (text.length() > 0) {
                text.append(' ');
            }
            text.append(token.text());
        }
        return text.toString();
    }

    /**
     * True when the statement reads as T-SQL: in SQL Server, and in AUTO when it quotes a name in brackets,
     * which no other dialect writes (the AUTO lexer makes {@code [x]} a quoted name only where it cannot be a
     * PostgreSQL array subscript).
     */
    public boolean readsAsTsql() {
        if (dialect == Dialect.SQLSERVER) {
            return true;
        }
        if (dialect != Dialect.AUTO) {
            return false;
        }
        for (Token token : tokens) {
            if (token.type() == TokenType.QUOTED_NAME && token.text().startsWith("[")) {
                return true;
            }
        }
        return false;
    }

    /** The first line of the statement text, for messages and reports. */
    public String firstLine() {
        int lineEnd = 0;
        while (lineEnd < sql.length() && sql.charAt(lineEnd) != '\n' && sql.charAt(lineEnd) != '\r') {
            lineEnd++;
        }
        return sql.substring(0, lineEnd).strip();
    }

    /** The first token, which every statement has. */
    public Token firstToken() {
        return tokens.get(0);
    }
}
