package io.github.sqlguard.analysis;

import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads object names (tables, columns, schemas) from a statement's tokens: qualified names such as
 * {@code app.orders}, {@code "App"."Orders"}, T-SQL {@code [dbo].[orders]} and {@code db..orders},
 * placeholders such as {@code ${schema}.orders}, and comma-separated lists of them.
 */
public final class ObjectNames {

    private ObjectNames() {
    }

    /**
     * A name read from the tokens.
     *
     * @param text the name as written, parts joined by dots without spaces
     * @param next the index of the first token after the name
     */
    public record NameAt(String text, int next) {

        /** The last part of a qualified name, e.g. {@code orders} for {@code app.orders}. */
        public String lastPart() {
            return ObjectNames.lastPart(text);
        }
    }

    /** True for a token that can be (part of) an object name. */
    static boolean isNamePart(Token token) {
        return token.type() == TokenType.WORD || token.type() == TokenType.QUOTED_NAME
                || token.type() == TokenType.PLACEHOLDER;
    }

    /**
     * The qualified name starting at {@code index}, or null when no name starts there. A dot that no name part
     * follows is not read ({@code t.*} stays {@code t}); T-SQL's empty schema part ({@code db..orders}) is.
     */
    static NameAt readName(List<Token> tokens, int index) {
        if (index < 0 || index >= tokens.size()) {
            return null;
        }
        int afterBracket = compoundEnd(tokens, index);
        if (afterBracket < 0 && !isNamePart(tokens.get(index))) {
            return null;
        }
        StringBuilder text = new StringBuilder(afterBracket < 0 ? TemplateActionNames.onOneLine(tokens.get(index).text())
                : joinedText(tokens, index, afterBracket));
        int i = afterBracket < 0 ? index + 1 : afterBracket;
        while (i + 1 < tokens.size() && tokens.get(i).isSymbol(".")) {
            int part = i + 1;
            String dots = ".";
            if (tokens.get(part).isSymbol(".") && part + 1 < tokens.size()) {
                dots = "..";
                part++;
            }
            int partEnd = compoundEnd(tokens, part);
            if (partEnd < 0 && !isNamePart(tokens.get(part))) {
                break;
            }
            text.append(dots).append(partEnd < 0 ? TemplateActionNames.onOneLine(tokens.get(part).text())
                    : joinedText(tokens, part, partEnd));
            i = partEnd < 0 ? part + 1 : partEnd;
        }
        return new NameAt(text.toString(), indexHintEnd(tokens, i));
    }

    /**
     * The index after a CockroachDB index hint glued to the name that ends at {@code index}, or {@code index} when
     * none follows. The hint ({@code t@idx}, {@code t@"Idx"}, {@code t@[3]}, {@code t@{FORCE_INDEX=idx,ASC}},
     * {@code t@{NO_FULL_SCAN}}) picks how rows are found, not which table: {@code DELETE FROM t@idx} empties
     * {@code t}.
     */
    static int indexHintEnd(List<Token> tokens, int index) {
        if (!gluedToPrevious(tokens, index)) {
            return index;
        }
        Token at = tokens.get(index);
        if (at.type() == TokenType.WORD) {
            return at.text().startsWith("@") && !at.text().startsWith("@@") ? index + 1 : index;
        }
        if (!at.isSymbol("@") || !gluedToPrevious(tokens, index + 1)) {
            return index;
        }
        Token hint = tokens.get(index + 1);
        if (hint.type() == TokenType.QUOTED_NAME || hint.type() == TokenType.PLACEHOLDER) {
            return index + 2;
        }
        String close = hint.isSymbol("{") ? "}" : hint.isSymbol("[") ? "]" : null;
        for (int i = index + 2; close != null && i < tokens.size(); i++) {
            if (tokens.get(i).isSymbol(close)) {
                return i + 1;
            }
        }
        return index;
    }

    private static boolean gluedToPrevious(List<Token> tokens, int index) {
        return index > 0 && index < tokens.size() && tokens.get(index).offset() == tokens.get(index - 1).endOffset();
    }

    /**
     * The index after the name part at {@code index}, or -1 when none starts there: one word, quoted name or
     * placeholder, or a part the lexer read as several tokens, such as the psql variable {@code :schema}.
     */
    public static int namePartEnd(List<Token> tokens, int index) {
        if (index < 0 || index >= tokens.size()) {
            return -1;
        }
        int compound = compoundEnd(tokens, index);
        return compound >= 0 ? compound : isNamePart(tokens.get(index)) ? index + 1 : -1;
    }

    /** The index after a name part the lexer read as several tokens (see the two forms below), or -1. */
    private static int compoundEnd(List<Token> tokens, int index) {
        int bracketed = bracketedEnd(tokens, index);
        int psql = bracketed >= 0 ? bracketed : psqlVariableEnd(tokens, index);
        int substitution = psql >= 0 ? psql : substitutionVariableEnd(tokens, index);
        return substitution >= 0 ? substitution : placeholderGluedEnd(tokens, index);
    }

    /**
     * The index after a name part made of a placeholder glued to other name parts without a space or a dot, or
     * -1: the placeholder's value carries its own dot or prefix, as {@code {databaseOwner}} ("dbo.") and
     * {@code {objectQualifier}} do in {@code {databaseOwner}[{objectQualifier}Users]}, or {@code ${prefix}users}.
     */
    public static int placeholderGluedEnd(List<Token> tokens, int index) {
        boolean placeholder = false;
        int i = index;
        while (i < tokens.size() && isNamePart(tokens.get(i))
                && (i == index || tokens.get(i).offset() == tokens.get(i - 1).endOffset())) {
            placeholder |= tokens.get(i).type() == TokenType.PLACEHOLDER;
            i++;
        }
        return placeholder && i > index + 1 ? i : -1;
    }

    /**
     * The index after a SQL*Plus substitution variable standing for a name ({@code &schema}, {@code &&schema}),
     * which SQL*Plus replaces before the database sees the statement, or -1.
     */
    static int substitutionVariableEnd(List<Token> tokens, int index) {
        int i = index;
        while (i < tokens.size() && (tokens.get(i).isSymbol("&") || tokens.get(i).isSymbol("&&"))
                && (i == index || tokens.get(i).offset() == tokens.get(i - 1).endOffset())) {
            i++;
        }
        if (i == index || i >= tokens.size()) {
            return -1;
        }
        Token variable = tokens.get(i);
        return variable.type() == TokenType.WORD && variable.offset() == tokens.get(i - 1).endOffset() ? i + 1 : -1;
    }

    /**
     * The index after a psql variable standing for a name ({@code :tbl}, {@code :"tbl"}, {@code :'tbl'}), which
     * psql replaces before the server sees the statement, or -1.
     */
    static int psqlVariableEnd(List<Token> tokens, int index) {
        if (!tokens.get(index).isSymbol(":") || index + 1 >= tokens.size()) {
            return -1;
        }
        Token variable = tokens.get(index + 1);
        boolean named = variable.type() == TokenType.WORD || variable.type() == TokenType.QUOTED_NAME
                || variable.type() == TokenType.STRING;
        return named && variable.offset() == tokens.get(index).endOffset() ? index + 2 : -1;
    }

    /**
     * The index after a T-SQL bracketed name that the lexer of another dialect read as symbols and words
     * ({@code [#tmp]} in auto or PostgreSQL), or -1: a {@code [}, up to three adjacent tokens, a {@code ]}.
     */
    private static int bracketedEnd(List<Token> tokens, int index) {
        if (!tokens.get(index).isSymbol("[")) {
            return -1;
        }
        for (int j = index + 1; j < Math.min(tokens.size(), index + 5); j++) {
            if (tokens.get(j - 1).endOffset() != tokens.get(j).offset()) {
                return -1;
            }
            if (tokens.get(j).isSymbol("]")) {
                return j > index + 1 ? j + 1 : -1;
            }
        }
        return -1;
    }

    static String joinedText(List<Token> tokens, int from, int to) {
        StringBuilder text = new StringBuilder();
        for (Token token : tokens.subList(from, to)) {
            text.append(token.text());
        }
        return text.toString();
    }

    /**
     * A comma-separated list of names starting at {@code index}; PostgreSQL's {@code ONLY t} and {@code t *}
     * and argument lists such as {@code f(int)} are read past. Returns the names and, as the last element's
     * {@code next}, where the list ends.
     */
    static List<NameAt> readNameList(List<Token> tokens, int index) {
        List<NameAt> names = new ArrayList<>();
        int i = index;
        while (i < tokens.size()) {
            if (tokens.get(i).isWord("ONLY") && i + 1 < tokens.size() && isNamePart(tokens.get(i + 1))) {
                i++;
            }
            NameAt name = readName(tokens, i);
            if (name == null) {
                break;
            }
            i = skipParentheses(tokens, name.next());
            if (i < tokens.size() && tokens.get(i).isSymbol("*")) {
                i++;
            }
            names.add(new NameAt(name.text(), i));
            if (i < tokens.size() && tokens.get(i).isSymbol(",")) {
                i++;
            } else {
                break;
            }
        }
        return names;
    }

    /**
     * The tokens between the {@code (} at {@code open} and the {@code )} that closes it; up to the end when the
     * statement ends first (a script cut short), so a reader of an unclosed list sees what there is.
     */
    public static List<Token> insideParentheses(List<Token> tokens, int open) {
        int close = skipParentheses(tokens, open);
        boolean closed = close > open + 1 && close <= tokens.size() && tokens.get(close - 1).isSymbol(")");
        return tokens.subList(Math.min(open + 1, tokens.size()), closed ? close - 1 : tokens.size());
    }

    /**
     * The index after T-SQL table hints at {@code index} ({@code WITH (HOLDLOCK TABLOCKX)} after a table and its
     * alias), or {@code index} when none stand there. A hint locks the table or picks an index; the rows read are the
     * same, so a copy {@code FROM t WITH (TABLOCK)} copies what {@code FROM t} does.
     */
    public static int tableHintsEnd(List<Token> tokens, int index) {
        if (index + 1 >= tokens.size() || !tokens.get(index).isWord("WITH") || !tokens.get(index + 1).isSymbol("(")) {
            return index;
        }
        int close = skipParentheses(tokens, index + 1);
        return close <= tokens.size() && tokens.get(close - 1).isSymbol(")") ? close : index;
    }

    /** The index after a parenthesized group starting at {@code index}, or {@code index} when there is none. */
    public static int skipParentheses(List<Token> tokens, int index) {
        if (index >= tokens.size() || !tokens.get(index).isSymbol("(")) {
            return index;
        }
        int depth = 0;
        for (int i = index; i < tokens.size(); i++) {
            if (tokens.get(i).isSymbol("(")) {
                depth++;
            } else if (tokens.get(i).isSymbol(")") && --depth == 0) {
                return i + 1;
            }
        }
        return tokens.size();
    }

    /**
     * The arguments of the call whose {@code (} is at {@code open}, split at commas outside inner parentheses, up
     * to the {@code )} that closes it; empty arguments are left out.
     */
    public static List<List<Token>> callArguments(List<Token> tokens, int open) {
        List<List<Token>> arguments = new ArrayList<>();
        int depth = 0;
        int start = open + 1;
        for (int i = open; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.isSymbol("(")) {
                depth++;
            } else if (token.isSymbol(")") && --depth == 0 || depth == 1 && token.isSymbol(",")) {
                if (i > start) {
                    arguments.add(tokens.subList(start, i));
                }
                start = i + 1;
                if (depth == 0) {
                    break;
                }
            }
        }
        return arguments;
    }

    /**
     * The index after MariaDB's {@code WAIT n} or {@code NOWAIT} (how long to wait for a table's metadata lock)
     * at {@code at}, which stands between an altered table's name and its first clause; {@code at} itself when
     * there is none.
     */
    public static int afterLockWait(List<Token> tokens, int at) {
        if (at < tokens.size() && tokens.get(at).isWord("NOWAIT")) {
            return at + 1;
        }
        boolean waitSeconds = at + 1 < tokens.size() && tokens.get(at).isWord("WAIT")
                && tokens.get(at + 1).type() == TokenType.NUMBER;
        return waitSeconds ? at + 2 : at;
    }

    /**
     * The tokens between {@code from} and {@code to}, split at commas outside parentheses and brackets: the commas
     * of a PostgreSQL array, {@code ARRAY['a', 'b']}, separate its elements. (Where a bracket quotes a name, in
     * T-SQL and SQLite, the lexer made it part of the name's token.)
     */
    public static List<List<Token>> splitAtCommas(List<Token> tokens, int from, int to) {
        List<List<Token>> parts = new ArrayList<>();
        int depth = 0;
        int start = from;
        for (int i = from; i < to; i++) {
            Token token = tokens.get(i);
            if (token.isSymbol("(") || token.isSymbol("[")) {
                depth++;
            } else if (token.isSymbol(")") || token.isSymbol("]")) {
                depth--;
            } else if (depth == 0 && token.isSymbol(",")) {
                if (i > start) {
                    parts.add(tokens.subList(start, i));
                }
                start = i + 1;
            }
        }
        if (to > start) {
            parts.add(tokens.subList(start, to));
        }
        return parts;
    }

    /** The texts of {@code names}, joined by {@code ", "}. */
    static String joined(List<String> names) {
        return String.join(", ", names);
    }

    /**
     * Lower case, without quotes or brackets, so {@code "Orders"}, {@code [orders]} and ORDERS match, and with each
     * template action written one way ({@link TemplateActionNames}).
     */
    public static String normalize(String name) {
        // Most names are written plain and in lower case already: those need no copy.
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '"' || c == '`' || c == '[' || c == ']' || c >= 'A' && c <= 'Z' || c > 0x7F || c == '{') {
                return normalized(TemplateActionNames.canonical(name));
            }
        }
        return name;
    }

    private static String normalized(String name) {
        StringBuilder plain = new StringBuilder();
        for (char c : name.toCharArray()) {
            if (c != '"' && c != '`' && c != '[' && c != ']') {
                plain.append(c);
            }
        }
        return plain.toString().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * A T-SQL {@code @table} variable's name (or a MySQL {@code @user} variable's), which lives for one batch: one
     * part that starts with {@code @}. A qualified name is a real table's, as in a PostgreSQL extension script's
     * {@code @extschema@.config}, whose schema {@code CREATE EXTENSION} fills in; so is a {@code @@} system name.
     */
    public static boolean isVariable(String name) {
        return name.startsWith("@") && !name.startsWith("@@") && dotsOutsideQuotes(name).isEmpty();
    }

    /**
     * A T-SQL {@code #temp} or {@code ##global} table's name, gone when the session ends; a {@code #{name}}
     * placeholder, which the application fills in, starts a real table's name.
     */
    public static boolean isHashTemporary(String name) {
        return name.startsWith("#") && !name.startsWith("#{");
    }

    /** The last dot-separated part of {@code name}; dots inside quotes do not count. */
    public static String lastPart(String name) {
        List<Integer> dots = dotsOutsideQuotes(name);
        return dots.isEmpty() ? name : name.substring(dots.get(dots.size() - 1) + 1);
    }

    /**
     * What {@code name} is qualified by, before its last dot-separated part ({@code dbo.t} of {@code dbo.t.a}); empty
     * for a one-part name. Dots inside quotes do not count.
     */
    public static String qualifier(String name) {
        List<Integer> dots = dotsOutsideQuotes(name);
        return dots.isEmpty() ? "" : name.substring(0, dots.get(dots.size() - 1));
    }

    /** The first dot-separated part of {@code name}; dots inside quotes do not count. */
    static String firstPart(String name) {
        List<Integer> dots = dotsOutsideQuotes(name);
        return dots.isEmpty() ? name : name.substring(0, dots.get(0));
    }

    /** How many dot-separated parts {@code name} has: 3 for {@code dbo.[a.b].c}. */
    static int partCount(String name) {
        return dotsOutsideQuotes(name).size() + 1;
    }

    private static List<Integer> dotsOutsideQuotes(String name) {
        List<Integer> dots = new ArrayList<>();
        char quote = 0;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '{' && TemplateActionNames.actionEnd(name, i) > 0) {
                i = TemplateActionNames.actionEnd(name, i) - 1;
            } else if (c == '"' || c == '`') {
                quote = c;
            } else if (c == '[') {
                quote = ']';
            } else if (c == '.') {
                dots.add(i);
            }
        }
        return dots;
    }
}
