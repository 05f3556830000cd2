package io.github.sqlguard.sql;

import java.util.List;
import java.util.Locale;

/**
 * Where the body of a routine definition starts, read from its header: a PostgreSQL dollar-quoted string,
 * a {@code BEGIN} block, a PL/SQL declaration section after {@code IS}/{@code AS}, a T-SQL body after
 * {@code AS}, or the single statement of a MySQL trigger ({@code FOR EACH ROW ..}), event ({@code DO ..})
 * or routine.
 *
 * @param form how the body is written
 * @param index the token where the body starts (the dollar-quoted string for {@link Form#DOLLAR_QUOTED})
 * @param language the body's language when the header names one (lower case, unquoted), else empty
 */
record RoutineBody(Form form, int index, String language) {

    /** How a body is written. */
    enum Form {
        /** No body the splitter can read (external, a C function's {@code AS 'file', 'symbol'}, a PostgreSQL trigger's EXECUTE ..). */
        NONE,
        /** A PostgreSQL dollar-quoted string, lexed again. */
        DOLLAR_QUOTED,
        /** A PostgreSQL body in a single-quoted string ({@code AS 'TRUNCATE t'}, {@code DO '..'}), decoded and split. */
        QUOTED,
        /** Statements and blocks starting at {@code index}. */
        STATEMENTS,
        /** A PL/SQL declaration section starting at {@code index}, then the block. */
        DECLARATIONS,
        /**
         * PostgreSQL rule actions in parentheses, {@code DO INSTEAD (DELETE ..; UPDATE ..)}: statements from
         * {@code index} up to the closing parenthesis.
         */
        ACTION_LIST
    }

    /** True for a body in SQL or PL/pgSQL (the default when no LANGUAGE is named), not C, Python, ... */
    boolean isSql() {
        return language.isEmpty() || language.equals("plpgsql") || language.equals("sql");
    }

    /** Finds the body of the routine {@code tokens[0, to)} (comments removed). */
    static RoutineBody locate(List<Token> tokens, int to) {
        String language = languageOf(tokens, to);
        int parenDepth = 0;
        boolean parametersSeen = false;
        for (int i = 1; i < to; i++) {
            Token token = tokens.get(i);
            if (token.isSymbol("(")) {
                parenDepth++;
                continue;
            }
            if (token.isSymbol(")")) {
                parenDepth = Math.max(0, parenDepth - 1);
                parametersSeen = parametersSeen || parenDepth == 0;
                continue;
            }
            if (parenDepth > 0) {
                continue;
            }
            if (token.type() == TokenType.STRING && token.text().startsWith("$")) {
                return new RoutineBody(Form.DOLLAR_QUOTED, i, language);
            }
            if (token.type() == TokenType.STRING && tokens.get(0).isWord("DO") && !tokens.get(i - 1).isWord("LANGUAGE")) {
                return new RoutineBody(Form.QUOTED, i, language); // PostgreSQL DO '..'
            }
            if (token.type() != TokenType.WORD || !BlockSyntax.isKeywordPosition(tokens, i)) {
                continue;
            }
            Token previous = tokens.get(i - 1);
            Token next = BlockSyntax.at(tokens, i + 1, to);
            if (token.isAnyWord("IS", "AS") && next != null && !previous.isAnyWord("EXECUTE", "EXEC", "NEW", "OLD",
                    "TABLE", "ROW")) {
                RoutineBody body = afterIsAs(tokens, i, to, language);
                if (body != null) {
                    return body;
                }
            } else if (BlockSyntax.beginsBlock(tokens, i, to) || token.isWord("DECLARE") && !isListed(previous)) {
                return new RoutineBody(Form.STATEMENTS, i, language);
            } else if (token.isAnyWord("ROW", "DO") && next != null && startsBody(tokens, i + 1, to)) {
                return new RoutineBody(Form.STATEMENTS, i + 1, language);
            } else if (token.isWord("DO") && next != null && next.isAnyWord("INSTEAD", "ALSO") && i + 2 < to
                    && startsBody(tokens, i + 2, to)) {
                return new RoutineBody(Form.STATEMENTS, i + 2, language); // PostgreSQL CREATE RULE .. DO INSTEAD DELETE
            } else if (token.isWord("DO") && next != null && actionListStart(tokens, i + 1, to) > 0) {
                return new RoutineBody(Form.ACTION_LIST, actionListStart(tokens, i + 1, to), language);
            } else if (token.isAnyWord("FOLLOWS", "PRECEDES") && i + 2 < to && startsBody(tokens, i + 2, to)) {
                return new RoutineBody(Form.STATEMENTS, i + 2, language); // MySQL trigger order
            } else if (parametersSeen && !isListed(previous) && startsBody(tokens, i, to)
                    && !token.isAnyWord("SET", "RETURN") && !previous.isAnyWord("ON", "WITH")) {
                return new RoutineBody(Form.STATEMENTS, i, language);
            }
        }
        return new RoutineBody(Form.NONE, 0, language);
    }

    private static RoutineBody afterIsAs(List<Token> tokens, int i, int to, String language) {
        Token next = tokens.get(i + 1);
        if (next.type() == TokenType.STRING) {
            if (next.text().startsWith("$")) {
                return null;
            }
            Token afterNext = BlockSyntax.at(tokens, i + 2, to);
            boolean objectFile = afterNext != null && afterNext.isSymbol(","); // AS 'obj_file', 'link_symbol'
            return new RoutineBody(objectFile ? Form.NONE : Form.QUOTED, objectFile ? 0 : i + 1, language);
        }
        if (next.isAnyWord("LANGUAGE", "EXTERNAL")) {
            return new RoutineBody(Form.NONE, 0, language);
        }
        if (BlockSyntax.beginsBlock(tokens, i + 1, to)) {
            return new RoutineBody(Form.STATEMENTS, i + 1, language);
        }
        Token afterNext = BlockSyntax.at(tokens, i + 2, to);
        boolean tsqlDeclare = next.isWord("DECLARE") && afterNext != null && afterNext.text().startsWith("@");
        if (BlockSyntax.isStatementStarter(tokens, i + 1, to) && (!next.isWord("DECLARE") || tsqlDeclare)) {
            return new RoutineBody(Form.STATEMENTS, i + 1, language);
        }
        if (isHeaderEnd(tokens, i)) {
            return new RoutineBody(Form.DECLARATIONS, i + 1, language);
        }
        return null;
    }

    /** An Oracle IS/AS that ends a routine header, not {@code REFERENCING NEW AS n} or a cast. */
    private static boolean isHeaderEnd(List<Token> tokens, int i) {
        for (int j = i - 1; j >= 0; j--) {
            Token token = tokens.get(j);
            if (token.isAnyWord("REFERENCING", "TRIGGER")) {
                return false;
            }
            if (token.isAnyWord("PROCEDURE", "FUNCTION", "PACKAGE", "BODY")) {
                return true;
            }
        }
        return false;
    }

    /** The first action of a rule's {@code [INSTEAD | ALSO] (action; ..)} starting at {@code i}, or -1. */
    private static int actionListStart(List<Token> tokens, int i, int to) {
        int open = tokens.get(i).isAnyWord("INSTEAD", "ALSO") ? i + 1 : i;
        Token paren = BlockSyntax.at(tokens, open, to);
        return paren != null && paren.isSymbol("(") && open + 1 < to && startsBody(tokens, open + 1, to)
                ? open + 1 : -1;
    }

    /** The index of the parenthesis that closes the action list starting at {@code start}, or {@code to}. */
    static int actionListEnd(List<Token> tokens, int start, int to) {
        int depth = 0;
        for (int i = start; i < to; i++) {
            Token token = tokens.get(i);
            if (token.isSymbol("(")) {
                depth++;
            } else if (token.isSymbol(")") && depth-- == 0) {
                return i;
            }
        }
        return to;
    }

    private static boolean startsBody(List<Token> tokens, int i, int to) {
        Token token = tokens.get(i);
        if (!BlockSyntax.isStatementStarter(tokens, i, to) && !BlockSyntax.beginsBlock(tokens, i, to)) {
            return false;
        }
        Token next = BlockSyntax.at(tokens, i + 1, to);
        // PostgreSQL: FOR EACH ROW EXECUTE FUNCTION f() names the routine, it has no body of its own.
        return !(token.isAnyWord("EXECUTE", "EXEC") && next != null && next.isAnyWord("FUNCTION", "PROCEDURE"));
    }

    private static boolean isListed(Token previous) {
        return previous.isSymbol(",") || previous.isAnyWord("BEFORE", "AFTER", "OF", "OR", "FOR", "INSTEAD", "ON");
    }

    private static String languageOf(List<Token> tokens, int to) {
        for (int i = 0; i + 1 < to; i++) {
            if (tokens.get(i).isWord("LANGUAGE")) {
                String value = tokens.get(i + 1).text();
                if (value.length() >= 2 && (value.startsWith("'") || value.startsWith("\""))) {
                    value = value.substring(1, value.length() - 1);
                }
                return value.toLowerCase(Locale.ROOT);
            }
        }
        return "";
    }
}
