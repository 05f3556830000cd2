package io.github.sqlguard.analysis;

import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PostgreSQL routine or DO block in a procedural language other than SQL and PL/pgSQL (PL/v8, PL/Python,
 * PL/Perl, PL/Tcl, PL/R) whose code sends SQL through the language's server programming interface, such as
 * {@code plpy.execute('TRUNCATE t')}. sqlguard reads no JavaScript or Python, so the SQL such code sends is
 * reported as unchecked rather than passed. Code that sends no SQL (a string helper) cannot change rows and is
 * left alone.
 *
 * @param kind {@code FUNCTION}, {@code PROCEDURE} or {@code DO}
 * @param name the routine's name as written (empty for a DO block)
 * @param language the language as written in lower case
 * @param call the interface call found, as written ({@code plv8.execute})
 * @param line line of the body that makes the call
 * @param column column of the body that makes the call
 */
public record ForeignLanguageRoutine(String kind, String name, String language, String call, int line,
        int column) {

    /** Languages whose bodies sqlguard splits and checks itself, or that hold no code it could read. */
    private static final Set<String> READ_OR_OPAQUE = Set.of("", "sql", "plpgsql", "c", "internal", "java");

    /** Words that may stand between CREATE and FUNCTION or PROCEDURE. */
    private static final int HEADER_WORDS = 3;

    /** The calls by which PL/v8, PL/Python, PL/Perl, PL/Tcl and PL/R code runs SQL in the database. */
    private static final Pattern SQL_INTERFACE_CALL = Pattern.compile("\\b(?:plv8\\.(?:execute|prepare)"
            + "|plpy\\.(?:execute|prepare|cursor)|spi_(?:exec_query|exec_prepared|query_prepared|query|prepare"
            + "|execp|exec)|pg\\.spi\\.(?:exec|execp|prepare|cursor_open))\\b");

    /** The unchecked code {@code statement} defines or runs, if it is such a routine or DO block. */
    public static Optional<ForeignLanguageRoutine> of(Statement statement) {
        List<Token> tokens = statement.tokens().stream().filter(t -> t.type() != TokenType.COMMENT).toList();
        if (tokens.size() < 3) {
            return Optional.empty();
        }
        String kind = kindOf(tokens);
        if (kind == null) {
            return Optional.empty();
        }
        String language = languageOf(tokens);
        if (READ_OR_OPAQUE.contains(language)) {
            return Optional.empty();
        }
        for (int i = 1; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.type() != TokenType.STRING || tokens.get(i - 1).isWord("LANGUAGE")) {
                continue;
            }
            Matcher call = SQL_INTERFACE_CALL.matcher(token.text());
            if (call.find()) {
                // At the body, not the call inside it: the text of a body decoded from a quoted YAML or JSON
                // scalar no longer matches the file character by character, and its start is where it stands.
                return Optional.of(new ForeignLanguageRoutine(kind, kind.equals("DO") ? "" : nameAfter(tokens, kind),
                        language, call.group(), token.line(), token.column()));
            }
        }
        return Optional.empty();
    }

    /** The message of its finding: what runs, when, and why it was not checked. */
    public String message() {
        String what = kind.equals("DO") ? "DO block runs " : "CREATE " + kind + " " + name + " defines ";
        String when = kind.equals("DO") ? "as the migration runs" : "whenever it is called";
        return what + language + " code that sends SQL through " + call + ", " + when + "; sqlguard reads only SQL"
                + " and PL/pgSQL bodies, so a DELETE, UPDATE or DROP it sends was not checked";
    }

    private static String kindOf(List<Token> tokens) {
        if (tokens.get(0).isWord("DO")) {
            return "DO";
        }
        if (!tokens.get(0).isWord("CREATE")) {
            return null;
        }
        for (int i = 1; i <= HEADER_WORDS && i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.isAnyWord("FUNCTION", "PROCEDURE")) {
                return token.upper();
            }
            if (!token.isAnyWord("OR", "REPLACE")) {
                return null;
            }
        }
        return null;
    }

    /** The name after LANGUAGE, unquoted and in lower case, or empty (PL/pgSQL, PostgreSQL's default for DO). */
    private static String languageOf(List<Token> tokens) {
        int depth = 0;
        for (int i = 0; i + 1 < tokens.size(); i++) {
            Token next = tokens.get(i + 1);
            depth += tokens.get(i).isSymbol("(") ? 1 : tokens.get(i).isSymbol(")") ? -1 : 0;
            // A column named language in RETURNS TABLE (language text) is no LANGUAGE clause.
            if (depth == 0 && tokens.get(i).isWord("LANGUAGE") && next.type() != TokenType.SYMBOL) {
                String text = next.text();
                boolean quoted = text.length() >= 2 && (text.startsWith("'") || text.startsWith("\""));
                return (quoted ? text.substring(1, text.length() - 1) : text).toLowerCase(Locale.ROOT);
            }
        }
        return "";
    }

    private static String nameAfter(List<Token> tokens, String kind) {
        int i = 1;
        while (!tokens.get(i).isWord(kind)) {
            i++;
        }
        StringBuilder name = new StringBuilder(i + 1 < tokens.size() ? tokens.get(i + 1).text() : "");
        for (i += 2; i + 1 < tokens.size() && tokens.get(i).isSymbol("."); i += 2) {
            name.append('.').append(tokens.get(i + 1).text());
        }
        return name.toString();
    }
}
