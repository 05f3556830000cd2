package io.github.sqlguard.analysis;

import io.github.sqlguard.sql.JavaSentSql;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A routine or trigger whose code is Java, which H2 runs inside the database: {@code CREATE ALIAS f AS $$ java $$}
 * (source H2 compiles), {@code CREATE ALIAS f FOR "com.acme.Purge.run"}, {@code CREATE TRIGGER t .. AS $$ java $$}
 * and {@code CREATE TRIGGER t .. CALL "com.acme.PurgeTrigger"}. Such code gets the connection and may send any
 * statement through it. sqlguard reads only the SQL an alias's source passes as literals to JDBC ({@link JavaSentSql});
 * where the code may send anything else, the statement is reported as unchecked rather than passed.
 *
 * @param kind {@code alias} or {@code trigger}
 * @param name the alias or trigger name as written
 * @param code the token holding the source or the class name, where the finding points
 * @param source whether {@code code} is Java source (else a compiled class or method it names)
 */
public record JavaRoutine(String kind, String name, Token code, boolean source) {

    /** Words that may stand between CREATE and ALIAS or TRIGGER. */
    private static final int HEADER_WORDS = 4;

    /** The Java code {@code statement} defines, if it is one of H2's Java aliases or triggers. */
    public static Optional<JavaRoutine> of(Statement statement) {
        // Whatever the configured dialect: no other database writes these forms, and a changeset for H2 may sit in
        // a project configured for another database.
        if (!startsWithCreate(statement.tokens())) {
            return Optional.empty(); // before copying the tokens: a data load's INSERT has thousands
        }
        List<Token> tokens = statement.tokens().stream().filter(t -> t.type() != TokenType.COMMENT).toList();
        if (tokens.size() < 4) {
            return Optional.empty();
        }
        int kindIndex = kindIndex(tokens);
        if (kindIndex < 0) {
            return Optional.empty();
        }
        Token last = tokens.get(tokens.size() - 1);
        Token introducer = tokens.get(tokens.size() - 2);
        boolean source = last.type() == TokenType.STRING && introducer.isWord("AS");
        boolean named = (last.type() == TokenType.STRING || last.type() == TokenType.QUOTED_NAME)
                && introducer.isWord(tokens.get(kindIndex).isWord("ALIAS") ? "FOR" : "CALL")
                && unquoted(last).contains(".");
        String kind = tokens.get(kindIndex).text().toLowerCase(Locale.ROOT);
        String name = nameAfter(tokens, kindIndex + 1);
        if (!source && kind.equals("alias")) {
            // H2's $$ read in another dialect is no quote: the source's first token follows AS all the same.
            int body = JavaSentSql.aliasBodyAt(tokens, kindIndex + 1);
            if (body > 0) {
                return Optional.of(new JavaRoutine(kind, name, tokens.get(body), true));
            }
        }
        if (!source && !(named && !isJdkMethod(unquoted(last)))) {
            return Optional.empty();
        }
        if (source && kind.equals("alias") && JavaSentSql.readsEverything(last)) {
            return Optional.empty(); // what it sends is judged as the statements of its body
        }
        return Optional.of(new JavaRoutine(kind, name, last, source));
    }

    private static boolean startsWithCreate(List<Token> tokens) {
        for (Token token : tokens) {
            if (token.type() != TokenType.COMMENT) {
                return token.isWord("CREATE");
            }
        }
        return false;
    }

    /** The message of its finding: what runs, when, and why it was not checked. */
    public String message() {
        String what = source ? "Java source that H2 compiles" : "the Java code of " + unquoted(code);
        String when = kind.equals("trigger") ? "each time it fires" : "whenever it is called";
        return "CREATE " + kind.toUpperCase(Locale.ROOT) + " " + name + " runs " + what + ", " + when
                + "; sqlguard does not read Java, so a DELETE, UPDATE or DROP it sends through its connection "
                + "was not checked";
    }

    private static int kindIndex(List<Token> tokens) {
        for (int i = 1; i <= HEADER_WORDS && i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.isAnyWord("ALIAS", "TRIGGER")) {
                return i;
            }
            if (!token.isAnyWord("FORCE", "OR", "REPLACE")) {
                return -1;
            }
        }
        return -1;
    }

    private static String nameAfter(List<Token> tokens, int index) {
        int i = index;
        if (i + 2 < tokens.size() && tokens.get(i).isWord("IF") && tokens.get(i + 1).isWord("NOT")
                && tokens.get(i + 2).isWord("EXISTS")) {
            i += 3;
        }
        StringBuilder name = new StringBuilder(tokens.get(i).text());
        while (i + 2 < tokens.size() && tokens.get(i + 1).isSymbol(".")) {
            name.append('.').append(tokens.get(i + 2).text());
            i += 2;
        }
        return name.toString();
    }

    /** A method of the JDK ({@code java.lang.Math.sqrt}) gets no connection and cannot change rows. */
    private static boolean isJdkMethod(String qualifiedName) {
        return qualifiedName.startsWith("java.") || qualifiedName.startsWith("javax.");
    }

    private static String unquoted(Token token) {
        String text = token.text();
        return text.length() >= 2 && (text.startsWith("\"") || text.startsWith("'"))
                ? text.substring(1, text.length() - 1) : text;
    }
}
