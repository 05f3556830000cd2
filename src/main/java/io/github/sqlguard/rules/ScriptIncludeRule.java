package io.github.sqlguard.rules;

import io.github.sqlguard.analysis.StatementModel;
import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Location;
import io.github.sqlguard.model.RuleInfo;
import io.github.sqlguard.model.Severity;
import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes visible that a script runs another file through its client or database, which sqlguard does not read
 * through the include (fail closed): psql's {@code \i}, SQL*Plus's {@code @file} and {@code START file}, the MySQL
 * client's {@code SOURCE file}, H2's {@code RUNSCRIPT FROM 'file'}, Derby ij's {@code RUN 'file'} and sqlcmd's
 * {@code :r file} (SQL Server scripts run in SQLCMD mode, as SSMS, sqlcmd and Flyway's SQL Server support run them)
 * and the C preprocessor's {@code #include "file"}, with which PostgreSQL extensions build their scripts.
 */
public final class ScriptIncludeRule implements Rule {

    private static final Set<String> PSQL_INCLUDES = Set.of("i", "ir", "include", "include_relative");

    /** A file name after SQL*Plus's at sign: letters, digits, hyphens, dots and folders, ending in an extension. */
    private static final Pattern FILE_NAME = Pattern.compile("@@?[\\w./\\\\-]*-[\\w./\\\\-]*\\.[A-Za-z]\\w*");

    /** An include command at the start of a text and the file it names, in each of the forms this rule reports. */
    private static final Pattern COMMAND = Pattern.compile(
            "(?i)^(?:@@?|sta(?:rt)?\\s+|\\\\i[r]?\\s+|\\\\include(?:_relative)?\\s+|source\\s+|\\\\\\.\\s*"
                    + "|#\\s*include\\s*|:r\\s+|runscript\\s+from\\s+|run\\s+)\\s*"
                    + "(\"[^\"]+\"|'[^']+'|<[^>]+>|[^\\s;]+)");

    private static final RuleInfo INFO = new RuleInfo(
            "script-include",
            Severity.WARNING,
            "The script runs another file that is not read through the include",
            "psql's \\i, \\ir, \\include and \\include_relative, SQL*Plus's @file, @@file and START file, the MySQL "
                    + "client's SOURCE file and \\. file, H2's RUNSCRIPT FROM 'file', Derby ij's RUN 'file' and "
                    + "sqlcmd's :r file run the statements of another file as part of the migration, and so does the "
                    + "C preprocessor's #include \"file\" in the script template of a PostgreSQL extension. sqlguard "
                    + "does not follow them: the included file is checked only when it is itself among the scanned "
                    + "migrations, and then without the schema of the script that includes it.",
            "Make sure the included file lies in a scanned directory (or inline it), then acknowledge it: "
                    + "-- sqlguard:allow script-include reason: <why>",
            List.of("\\i sql/purge_customers.sql", "RUNSCRIPT FROM 'classpath:db/wipe.sql'", ":r .\\purge_customers.sql"),
            List.of("DELETE FROM customers WHERE id = 5"));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Violation> check(StatementModel statement) {
        if (statement.statement().container()) {
            return List.of();
        }
        Dialect dialect = statement.statement().dialect();
        List<Token> tokens = statement.statement().tokens();
        List<Violation> violations = new ArrayList<>();
        if (isPsqlInclude(tokens) || isMySqlSource(tokens, dialect) || isH2RunScript(tokens, dialect)
                || isSqlPlusStart(tokens, dialect) || isIjRun(tokens) || isPreprocessorInclude(tokens, dialect)) {
            violations.add(violation(statement, tokens, 0));
        }
        if (dialect == Dialect.ORACLE || dialect == Dialect.AUTO) {
            // SQL*Plus commands end at the end of their line, so an include may sit inside what reads as one
            // statement; only Oracle scripts run them anywhere, elsewhere only the statement's start is one.
            int last = dialect == Dialect.ORACLE ? tokens.size() : Math.min(1, tokens.size());
            for (int i = 0; i < last; i++) {
                if (isSqlPlusInclude(tokens, i)) {
                    violations.add(violation(statement, tokens, i));
                }
            }
        }
        if (dialect == Dialect.SQLSERVER || dialect == Dialect.AUTO) {
            // sqlcmd commands are lines of their own, so one may stand inside what reads as one T-SQL statement.
            for (int i = 0; i < tokens.size(); i++) {
                if (isSqlcmdInclude(tokens, i)) {
                    violations.add(violation(statement, tokens, i));
                }
            }
        }
        return violations;
    }

    private static Violation violation(StatementModel statement, List<Token> tokens, int index) {
        Token first = tokens.get(index);
        return new Violation(lineFrom(tokens, index) + " runs another file, which sqlguard does not read through this "
                + "include: it is checked only if it is itself among the scanned migrations",
                new Location(statement.start().path(), first.line(), first.column()));
    }

    private static boolean isPsqlInclude(List<Token> tokens) {
        return tokens.size() >= 2 && tokens.get(0).isSymbol("\\") && tokens.get(1).type() == TokenType.WORD
                && tokens.get(1).offset() == tokens.get(0).endOffset()
                && PSQL_INCLUDES.contains(tokens.get(1).text().toLowerCase(Locale.ROOT));
    }

    /**
     * The C preprocessor's {@code #include "file"} or {@code #include <file>}, which an extension's script template
     * is expanded with: {@code #} then {@code include} (one word {@code #include} where {@code #} starts names) and
     * the file on the same line. The lexer ends the line there, so the include is a statement of its own.
     */
    private static boolean isPreprocessorInclude(List<Token> tokens, Dialect dialect) {
        if (dialect != Dialect.POSTGRESQL && dialect != Dialect.AUTO || tokens.size() < 2) {
            return false;
        }
        Token first = tokens.get(0);
        int file = first.type() == TokenType.WORD && first.text().equals("#include") ? 1
                : first.isSymbol("#") && tokens.get(1).type() == TokenType.WORD
                        && tokens.get(1).text().equals("include") && tokens.get(1).line() == first.line() ? 2 : -1;
        return file > 0 && file < tokens.size() && tokens.get(file).line() == first.line()
                && (tokens.get(file).type() == TokenType.QUOTED_NAME || tokens.get(file).isSymbol("<"));
    }

    /** {@code SOURCE file} or {@code \. file}, first on its line, with the file on the same line. */
    private static boolean isMySqlSource(List<Token> tokens, Dialect dialect) {
        if (dialect != Dialect.MYSQL && dialect != Dialect.MARIADB && dialect != Dialect.AUTO || tokens.size() < 2) {
            return false;
        }
        Token first = tokens.get(0);
        Token second = tokens.get(1);
        boolean source = first.isWord("SOURCE") && second.line() == first.line()
                && !second.isSymbol("=") && !second.isSymbol("(") && !second.isSymbol(",");
        boolean backslashDot = first.isSymbol("\\") && second.isSymbol(".") && second.offset() == first.endOffset();
        return source || backslashDot;
    }

    /** SQL*Plus's {@code START file}: Oracle has no SQL statement that starts with START. */
    private static boolean isSqlPlusStart(List<Token> tokens, Dialect dialect) {
        return dialect == Dialect.ORACLE && tokens.size() >= 2 && tokens.get(0).isAnyWord("START", "STA")
                && tokens.get(1).line() == tokens.get(0).line();
    }

    private static boolean isH2RunScript(List<Token> tokens, Dialect dialect) {
        return (dialect == Dialect.H2 || dialect == Dialect.AUTO) && tokens.size() >= 2
                && tokens.get(0).isWord("RUNSCRIPT") && tokens.get(1).isWord("FROM");
    }

    /**
     * A word {@code @name} or {@code @@name} first on its line, followed on that line by nothing, a file
     * extension or a path: a T-SQL variable that starts a line ({@code @b = 2}, {@code @id)}) is followed by
     * something else.
     */
    private static boolean isSqlPlusInclude(List<Token> tokens, int index) {
        Token token = tokens.get(index);
        if (namesFileBySubstitution(tokens, index) || namesFileByPath(tokens, index)
                || namesFileWithExtension(tokens, index)) {
            return true;
        }
        if (token.type() != TokenType.WORD || !token.text().startsWith("@") || token.text().length() < 2
                || index > 0 && tokens.get(index - 1).line() == token.line()) {
            return false;
        }
        Token next = index + 1 < tokens.size() ? tokens.get(index + 1) : null;
        return next == null || next.line() != token.line()
                || next.offset() == token.endOffset() && (next.isSymbol(".") || next.isSymbol("/"));
    }

    /**
     * {@code @&script} or {@code @@&script} starting a statement: the file is named by a SQL*Plus substitution
     * variable. T-SQL has no variable {@code @} followed by {@code &}; inside a statement the line may instead name
     * a database link ({@code FROM orders\n@&link}).
     */
    private static boolean namesFileBySubstitution(List<Token> tokens, int index) {
        Token token = tokens.get(index);
        if (!token.isSymbol("@") && !(token.type() == TokenType.WORD && token.text().equals("@@")) || index > 0
                || index + 1 >= tokens.size()) {
            return false;
        }
        Token next = tokens.get(index + 1);
        return next.isSymbol("&") && next.offset() == token.endOffset();
    }

    /**
     * {@code @../lib/api.pks}, {@code @/opt/wipe.sql}, {@code @?/rdbms/admin/utlrp.sql} or
     * {@code @"my scripts/wipe.sql"} first on its line: the lexer
     * reads the lone at sign as a symbol, as the path does not start with a letter. A database link never starts with
     * a dot or a slash; a quoted one may follow a table on its own line, so a quoted file counts at the start only.
     */
    private static boolean namesFileByPath(List<Token> tokens, int index) {
        Token token = tokens.get(index);
        if (!token.isSymbol("@") || index + 1 >= tokens.size()
                || index > 0 && tokens.get(index - 1).line() == token.line()) {
            return false;
        }
        Token next = tokens.get(index + 1);
        boolean path = next.isSymbol(".") || next.isSymbol("/") || next.isSymbol("\\") || startsAtOracleHome(tokens,
                index + 1);
        boolean quoted = next.type() == TokenType.QUOTED_NAME && index == 0;
        return next.offset() == token.endOffset() && (path || quoted);
    }

    /**
     * SQL*Plus's {@code ?} for the Oracle home at {@code index}, as in {@code @?/rdbms/admin/utlrp.sql}: a question
     * mark with a slash right after it.
     */
    private static boolean startsAtOracleHome(List<Token> tokens, int index) {
        Token mark = tokens.get(index);
        Token after = index + 1 < tokens.size() ? tokens.get(index + 1) : null;
        return mark.text().equals("?") && after != null && after.offset() == mark.endOffset()
                && (after.isSymbol("/") || after.isSymbol("\\"));
    }

    /**
     * {@code @016-HIVE-6386.oracle.sql} or {@code @hive-txn-schema-0.13.0.oracle.sql} first on its line: a file name
     * with hyphens or digits, which the lexer cuts into several tokens, written without a space up to its extension.
     * A T-SQL variable or a database link is never followed by a hyphen and an extension without a space.
     */
    private static boolean namesFileWithExtension(List<Token> tokens, int index) {
        Token token = tokens.get(index);
        boolean at = token.isSymbol("@") || token.type() == TokenType.WORD && token.text().startsWith("@");
        if (!at || index > 0 && tokens.get(index - 1).line() == token.line()) {
            return false;
        }
        StringBuilder name = new StringBuilder(token.text());
        int end = token.endOffset();
        for (int i = index + 1; i < tokens.size() && tokens.get(i).line() == token.line(); i++) {
            if (tokens.get(i).offset() != end) {
                return false;
            }
            name.append(tokens.get(i).text());
            end = tokens.get(i).endOffset();
        }
        return FILE_NAME.matcher(name).matches();
    }

    /**
     * Derby's ij {@code RUN 'file'}: no SQL dialect has a statement that starts with RUN and a string (SQL*Plus's
     * RUN takes no argument).
     */
    private static boolean isIjRun(List<Token> tokens) {
        return tokens.size() == 2 && tokens.get(0).isWord("RUN") && tokens.get(1).type() == TokenType.STRING
                && tokens.get(1).line() == tokens.get(0).line();
    }

    /** sqlcmd's {@code :r file}: a colon first on its line, {@code r} right after it and the file on that line. */
    private static boolean isSqlcmdInclude(List<Token> tokens, int index) {
        if (index + 2 >= tokens.size()) {
            return false;
        }
        Token colon = tokens.get(index);
        Token command = tokens.get(index + 1);
        Token file = tokens.get(index + 2);
        if (!colon.isSymbol(":") || index > 0 && tokens.get(index - 1).line() == colon.line()
                || !command.isWord("R") || command.offset() != colon.endOffset() || file.line() != colon.line()
                || file.offset() == command.endOffset()) {
            return false;
        }
        // A bind variable :r that starts a line of a statement (VALUES (\n:r, :s)) is followed by list syntax or
        // words; a file is a path, with a folder or an extension.
        for (int i = index + 2; i < tokens.size() && tokens.get(i).line() == colon.line(); i++) {
            if (tokens.get(i).isSymbol(",") || tokens.get(i).isSymbol("=")) {
                return false;
            }
        }
        String path = lineFrom(tokens, index + 2);
        return path.contains(".") || path.contains("/") || path.contains("\\");
    }

    /**
     * The file the include command that starts {@code command} names, as written, without quotes, a {@code
     * classpath:}, {@code filesystem:} or {@code file:} prefix, and with forward slashes: {@code steps/V2__x.sql} of
     * {@code @@"steps\V2__x.sql"}; empty when it starts with none of the forms this rule reports.
     */
    public static Optional<String> fileNamedBy(String command) {
        Matcher matched = COMMAND.matcher(command.strip());
        if (!matched.find()) {
            return Optional.empty();
        }
        String name = matched.group(1);
        if (name.length() > 1 && (name.startsWith("\"") || name.startsWith("'") || name.startsWith("<"))) {
            name = name.substring(1, name.length() - 1);
        }
        return Optional.of(name.replaceFirst("(?i)^(?:classpath|filesystem|file):", "").replace('\\', '/'));
    }

    /** The tokens of {@code index}'s line from it on, as written, for the message. */
    private static String lineFrom(List<Token> tokens, int index) {
        Token first = tokens.get(index);
        StringBuilder text = new StringBuilder(first.text());
        int end = first.endOffset();
        for (int i = index + 1; i < tokens.size() && tokens.get(i).line() == first.line(); i++) {
            Token token = tokens.get(i);
            text.append(token.offset() > end ? " " : "").append(token.text());
            end = token.endOffset();
        }
        return text.toString();
    }
}
