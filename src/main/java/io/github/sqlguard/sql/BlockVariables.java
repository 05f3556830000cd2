package io.github.sqlguard.sql;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The variables a procedural body declares, by lower-case name: PL/pgSQL's and PL/SQL's {@code DECLARE} section
 * ({@code DECLARE purge_all boolean := true; n int; BEGIN}) and MySQL's {@code DECLARE a, b INT} statements. A
 * condition that names them names no column ({@code DELETE FROM orders WHERE purge_all}): PostgreSQL refuses a name
 * that could be both, and MySQL takes the variable.
 */
final class BlockVariables {

    /** Words that start a statement, or a declaration that declares no variable, rather than a variable's name. */
    private static final Set<String> NOT_NAMES = Set.of("BEGIN", "END", "DECLARE", "SET", "SELECT", "INSERT",
            "UPDATE", "DELETE", "MERGE", "IF", "WHILE", "LOOP", "FOR", "REPEAT", "CASE", "CALL", "OPEN", "FETCH",
            "CLOSE", "RETURN", "PERFORM", "EXECUTE", "RAISE", "LEAVE", "ITERATE", "TRUNCATE", "DROP", "ALTER",
            "CREATE", "CURSOR", "TYPE", "SUBTYPE", "PRAGMA", "PROCEDURE", "FUNCTION", "EXCEPTION", "CONTINUE", "EXIT");

    private BlockVariables() {
    }

    /**
     * The parameters of the routine {@code tokens} defines ({@code CREATE FUNCTION purge(p_all boolean) ..}, MySQL's
     * {@code CREATE PROCEDURE purge(IN wipe INT)}, PL/SQL's {@code (p_all IN CHAR)}), which its body reads as
     * variables; none for a LANGUAGE SQL function, where a column of the same name wins, or for another statement.
     */
    static Set<String> parametersOf(List<Token> tokens) {
        int routine = -1;
        for (int i = 0; i < Math.min(tokens.size(), 8) && routine < 0; i++) {
            routine = tokens.get(i).isAnyWord("FUNCTION", "PROCEDURE") ? i : -1;
        }
        int open = routine;
        while (open >= 0 && open < tokens.size() && !tokens.get(open).isSymbol("(")
                && !tokens.get(open).isAnyWord("AS", "IS", "RETURNS", "BEGIN")) {
            open++;
        }
        if (routine < 0 || open >= tokens.size() || !tokens.get(open).isSymbol("(") || declaresSqlLanguage(tokens)) {
            return Set.of();
        }
        Set<String> names = new HashSet<>();
        int depth = 0;
        boolean atStart = true;
        for (int i = open + 1; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (depth == 0 && token.isSymbol(")")) {
                break;
            }
            depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
            if (depth == 0 && token.isSymbol(",")) {
                atStart = true;
            } else if (atStart && !token.isAnyWord("IN", "OUT", "INOUT", "VARIADIC")) {
                atStart = false;
                if (token.type() == TokenType.WORD && i + 1 < tokens.size()
                        && tokens.get(i + 1).type() == TokenType.WORD) {
                    names.add(key(token));
                }
            }
        }
        return names;
    }

    private static boolean declaresSqlLanguage(List<Token> tokens) {
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).isWord("LANGUAGE") && (tokens.get(i + 1).isWord("SQL")
                    || tokens.get(i + 1).type() == TokenType.STRING && tokens.get(i + 1).stringValue()
                            .equalsIgnoreCase("sql"))) {
                return true;
            }
        }
        return false;
    }

    /** The variables the body in {@code tokens} declares; empty when it declares none. */
    static Set<String> declaredIn(List<Token> tokens) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).isWord("DECLARE") && BlockSyntax.isKeywordPosition(tokens, i)) {
                i = readDeclarations(tokens, i + 1, names) - 1;
            }
        }
        return names;
    }

    /**
     * Reads the declarations after a DECLARE at {@code from}: {@code a, b INT} (MySQL), then, up to a BEGIN, each
     * {@code name [CONSTANT] type ..;} of a PL/pgSQL or PL/SQL section; returns where the reading stopped.
     */
    private static int readDeclarations(List<Token> tokens, int from, Set<String> names) {
        int i = from;
        while (i < tokens.size() && isName(tokens, i)) {
            List<String> declared = new ArrayList<>(List.of(key(tokens.get(i))));
            int next = i + 1;
            while (next + 1 < tokens.size() && tokens.get(next).isSymbol(",") && isName(tokens, next + 1)) {
                declared.add(key(tokens.get(next + 1)));
                next += 2;
            }
            // A cursor, a handler, a condition or an exception declares no value a condition could read.
            if (next < tokens.size() && tokens.get(next).isAnyWord("CURSOR", "HANDLER", "CONDITION", "EXCEPTION")) {
                declared.clear();
            }
            names.addAll(declared);
            while (next < tokens.size() && !BlockSyntax.isSemicolon(tokens.get(next))) {
                next++;
            }
            i = next + 1;
        }
        return i;
    }

    private static boolean isName(List<Token> tokens, int at) {
        Token token = tokens.get(at);
        return token.type() == TokenType.WORD && !token.text().startsWith("@") && !NOT_NAMES.contains(token.upper())
                && at + 1 < tokens.size() && (tokens.get(at + 1).type() == TokenType.WORD
                        || tokens.get(at + 1).isSymbol(","));
    }

    private static String key(Token token) {
        return token.text().toLowerCase(Locale.ROOT);
    }
}
