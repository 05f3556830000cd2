package io.github.sqlguard.sql;

import java.util.Locale;
import java.util.Set;

/**
 * Lookahead checks the lexer makes before it commits to a token: is this {@code [} a quoted name, does a
 * placeholder or dollar-quote tag start here, is the rest of a {@code GO} line empty. Each reads
 * {@code text[pos, end)} and changes nothing.
 */
final class LexicalShapes {

    /** The words a JDBC escape in braces starts with ({@code {call p(?)}}, {@code {fn NOW()}}, {@code {d '..'}}). */
    /** The Go text/template actions that steer which text the template gives, and give none themselves. */
    private static final Set<String> TEMPLATE_CONTROL_WORDS = Set.of("if", "else", "end", "range", "with", "define",
            "break", "continue");
    private static final Set<String> JDBC_ESCAPE_WORDS = Set.of("call", "fn", "d", "t", "ts", "oj", "escape", "limit");

    private static final String[] OPERATORS = {"<=>", "<>", "!=", "<=", ">=", "::", "||", ":=", "=>", "->", "^="};

    private LexicalShapes() {
    }

    static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r';
    }

    static int skipBlanks(String text, int from, int end) {
        int i = from;
        while (i < end && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    /** Prefixes that make the next quote a string: PostgreSQL E'..', national N'..', hex, bits, MySQL charsets. */
    static boolean isStringPrefix(String word) {
        return word.equalsIgnoreCase("E") || word.equalsIgnoreCase("N") || word.equalsIgnoreCase("X")
                || word.equalsIgnoreCase("B") || word.equalsIgnoreCase("_utf8mb4") || word.equalsIgnoreCase("_utf8");
    }

    /**
     * After {@code GO} at {@code pos}: only an optional repeat count and {@code ;}, blanks or a comment until the
     * line ends. sqlcmd refuses {@code GO;}, but DbUp and other runners take it as the separator, and as a
     * statement it could only be a syntax error.
     */
    static boolean isRestOfGoLineEmpty(String text, int pos, int end) {
        int i = skipBlanks(text, pos, end);
        while (i < end && Character.isDigit(text.charAt(i))) {
            i++;
        }
        i = skipBlanks(text, i, end);
        if (i < end && text.charAt(i) == ';') {
            i = skipBlanks(text, i + 1, end);
        }
        return i >= end || isLineBreak(text.charAt(i)) || text.startsWith("--", i);
    }

    /**
     * Outside SQL Server, [ is array syntax; only a short same-line [name] (or [$(sqlcmd_variable)]) reads as a
     * quoted name. Its words may hold an apostrophe ({@code [test doesn't run]}, as tSQLt names tests), which no
     * subscript's string starts or ends between two letters or digits, and it may name a T-SQL temporary table
     * ({@code [#work.rows]}). After a dot,
     * where no subscript stands, anything up to the closing bracket on its line is a name part ({@code
     * Tests.[test names that need quoting ( .')]}), as T-SQL reads it.
     */
    static boolean looksLikeBracketName(String text, int pos, int end) {
        if (pos > 0 && text.charAt(pos - 1) == '.') {
            return closesOnItsLine(text, pos, end);
        }
        for (int i = pos + 1; i < end; i++) {
            char c = text.charAt(i);
            if (c == ']') {
                return i > pos + 1 && (startsBracketName(text, pos + 1, i) || braceNameEnd(text, pos + 1, i) > 0);
            }
            if (isLineBreak(c) || c == ',' || c == '[' || c == '\'' && !isApostrophe(text, i, pos + 1)) {
                return false;
            }
        }
        return false;
    }

    private static boolean startsBracketName(String text, int from, int close) {
        char first = text.charAt(from);
        // sqlcmd fills [$(DatabaseName)] in before SQL Server reads it; no array subscript holds $(..).
        return Character.isLetter(first) || sqlcmdVariableLength(text, from, close) > 0
                || first == '#' && from + 1 < close && (Character.isLetter(text.charAt(from + 1))
                        || text.charAt(from + 1) == '#' || text.charAt(from + 1) == '_');
    }

    /** A quote between two letters or digits inside a bracket that opened at {@code from - 1}. */
    private static boolean isApostrophe(String text, int at, int from) {
        return at > from && at + 1 < text.length() && Character.isLetterOrDigit(text.charAt(at - 1))
                && Character.isLetterOrDigit(text.charAt(at + 1));
    }

    /** True when a {@code ]} that is not doubled ({@code ]]} is a bracket in the name) closes {@code [} on its line. */
    static boolean closesOnItsLine(String text, int pos, int end) {
        for (int i = pos + 1; i < end && !isLineBreak(text.charAt(i)); i++) {
            if (text.charAt(i) == ']') {
                if (i + 1 < end && text.charAt(i + 1) == ']') {
                    i++;
                } else {
                    return i > pos + 1;
                }
            }
        }
        return false;
    }

    /**
     * True when a placeholder starts at {@code pos}. A word ends there: {@code t_${env}} is a name part and a
     * placeholder glued to it, and {@code AND${more}} the keyword and a condition, as Flyway fills them in.
     */
    static boolean placeholderAt(String text, int pos, int end, String prefix, String suffix) {
        return !prefix.isEmpty() && text.charAt(pos) == prefix.charAt(0) && text.startsWith(prefix, pos)
                && placeholderEnd(text, pos, end, prefix, suffix) > 0;
    }

    /** The offset just past a placeholder that starts at {@code pos}, or -1 when its suffix is not on this line. */
    static int placeholderEnd(String text, int pos, int end, String prefix, String suffix) {
        for (int i = pos + prefix.length(); i < end; i++) {
            if (text.startsWith(suffix, i)) {
                return i > pos + prefix.length() ? i + suffix.length() : -1;
            }
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '\'' || c == ';') {
                return -1;
            }
        }
        return -1;
    }

    /**
     * The offset just past a template action that starts at {@code pos}, or -1. Migration tools that run scripts
     * through Go's text/template (gobuffalo pop) or Jinja fill in {@code {{ index .Options "Namespace" }}} before the
     * database sees the text, as Flyway fills in {@code ${schema}}, so it is a placeholder too; a {@code }}} inside
     * its double quotes does not close it. Go lets an action go on over several lines ({@code {{ index .Options}
     * on one, {@code "Namespace" }}} on the next), not past a semicolon, which no action holds; in double quotes it
     * must close on its line.
     */
    static int templateActionEnd(String text, int pos, int end) {
        // In double quotes ("{{ .Schema }}"."users") the action is the name the quotes hold.
        boolean inName = pos < end && text.charAt(pos) == '"';
        int open = inName ? pos + 1 : pos;
        if (!text.startsWith("{{", open)) {
            return -1;
        }
        boolean quoted = false;
        for (int i = open + 2; i < end && !(inName && isLineBreak(text.charAt(i))); i++) {
            char c = text.charAt(i);
            if (c == ';' && !quoted || isLineBreak(c) && quoted) {
                return -1;
            }
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && text.startsWith("}}", i)) {
                boolean closed = !inName || i + 2 < end && text.charAt(i + 2) == '"';
                return text.substring(open + 2, i).isBlank() || !closed ? -1 : i + (inName ? 3 : 2);
            }
        }
        return -1;
    }

    /**
     * The offset just past a Go text/template action that gives no text of its own, or -1: a comment (it opens with
     * {@code {{/*} and may span lines) or an action that steers the text around it ({@code {{ if .Purge }}}, {@code
     * {{- else -}}}, {@code {{ end }}}, {@code {{ range .Tables }}}). The statements between are read whichever way
     * the template goes, as if the actions were comments; an action that gives text ({@code {{ .Schema }}}, {@code {{
     * template "purge" . }}}) is a placeholder instead.
     */
    static int templateControlEnd(String text, int pos, int end) {
        if (!text.startsWith("{{", pos)) {
            return -1;
        }
        int inner = pos + 2;
        if (inner + 1 < end && text.charAt(inner) == '-' && Character.isWhitespace(text.charAt(inner + 1))) {
            inner++; // a trim marker
        }
        inner = skipBlanks(text, inner, end);
        if (text.startsWith("/*", inner)) {
            int close = text.indexOf("*/", inner + 2);
            if (close < 0 || close >= end) {
                return -1;
            }
            int after = skipBlanks(text, close + 2, end);
            after += text.startsWith("-", after) ? 1 : 0;
            return text.startsWith("}}", after) ? after + 2 : -1;
        }
        int wordEnd = inner;
        while (wordEnd < end && Character.isLetter(text.charAt(wordEnd))) {
            wordEnd++;
        }
        boolean control = TEMPLATE_CONTROL_WORDS.contains(text.substring(inner, wordEnd))
                && (wordEnd >= end || !Character.isLetterOrDigit(text.charAt(wordEnd)) && text.charAt(wordEnd) != '_');
        return control ? templateActionEnd(text, pos, end) : -1;
    }

    /**
     * The offset just past a Jinja tag that starts at {@code pos}, or -1: a comment ({@code {# why #}}) or a statement
     * ({@code {% if purge %}}, {@code {% endif %}}, {@code {% include 'purge.sql' %}}), which does not go on past a
     * semicolon outside its quotes. Jinja runs them before the database sees the script, as Go's template actions.
     */
    static int jinjaTagEnd(String text, int pos, int end) {
        if (text.startsWith("{#", pos)) {
            int close = text.indexOf("#}", pos + 2);
            return close < 0 || close + 2 > end ? -1 : close + 2;
        }
        if (!text.startsWith("{%", pos)) {
            return -1;
        }
        char quote = 0;
        for (int i = pos + 2; i < end; i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == ';') {
                return -1;
            } else if (c == '%' && i + 1 < end && text.charAt(i + 1) == '}') {
                return i + 2;
            }
        }
        return -1;
    }

    /**
     * True for a Jinja statement tag that puts text of its own in the script ({@code {% include 'purge.sql' %}},
     * {@code {% call %}}, {@code {% block %}}, {@code {% extends %}}): what it gives is not read, as a placeholder's
     * value is not. The others ({@code if}, {@code for}, {@code set}, {@code macro}, their ends) give none.
     */
    static boolean jinjaTagGivesText(String tag) {
        if (!tag.startsWith("{%")) {
            return false;
        }
        int word = tag.length() > 2 && tag.charAt(2) == '-' ? 3 : 2;
        word = skipBlanks(tag, word, tag.length());
        int wordEnd = word;
        while (wordEnd < tag.length() && Character.isLetter(tag.charAt(wordEnd))) {
            wordEnd++;
        }
        return Set.of("include", "call", "block", "extends").contains(tag.substring(word, wordEnd));
    }

    /**
     * The offset just past an Informix comment in braces ({@code { note }}) that starts at {@code pos}, or -1: it ends
     * at the first {@code }}, as Informix nests none. A JDBC escape ({@code {call p(?)}}, {@code {?= call f()}}) is
     * code, a template's {@code {{} is not Informix's, and a brace that never closes is no comment.
     */
    static int braceCommentEnd(String text, int pos, int end) {
        int close = text.indexOf('}', pos + 1);
        if (!text.startsWith("{", pos) || text.startsWith("{{", pos) || close < 0 || close >= end) {
            return -1;
        }
        int word = skipBlanks(text, pos + 1, close);
        int wordEnd = word;
        while (wordEnd < close && Character.isLetter(text.charAt(wordEnd))) {
            wordEnd++;
        }
        boolean escape = word < close && text.charAt(word) == '?'
                || JDBC_ESCAPE_WORDS.contains(text.substring(word, wordEnd).toLowerCase(Locale.ROOT));
        return escape ? -1 : close + 1;
    }

    /** The offset just past a template action or a brace placeholder that starts at {@code pos}, or -1. */
    static int templateActionOrBraceNameEnd(String text, int pos, int end) {
        int action = templateActionEnd(text, pos, end);
        return action > 0 ? action : Math.max(braceNameEnd(text, pos, end), hashBraceNameEnd(text, pos, end));
    }

    /**
     * The offset just past a {@code #{name}} placeholder (MyBatis's and Ruby's form) that starts at {@code pos}, or
     * -1. No dialect reads a name, an operator or a comment there that a migration would write: the application fills
     * it in, and read as T-SQL's {@code #temp} prefix it would take a real table for a scratch one.
     */
    static int hashBraceNameEnd(String text, int pos, int end) {
        return pos < end && text.charAt(pos) == '#' ? braceNameEnd(text, pos + 1, end) : -1;
    }

    /**
     * The offset just past a brace placeholder such as {@code {databaseOwner}} that starts at {@code pos}, or -1.
     * SqlDataProvider scripts (and Hibernate's {@code {h-schema}}) are filled in by the application before
     * the database sees them, so {@code {databaseOwner}{objectQualifier}Users} names a table. SQL itself puts no
     * bare name in braces: ODBC escapes ({@code {fn NOW()}}, {@code {d '2024-01-01'}}) have a space inside.
     */
    static int braceNameEnd(String text, int pos, int end) {
        if (!text.startsWith("{", pos) || pos + 1 >= end
                || !(Character.isLetter(text.charAt(pos + 1)) || text.charAt(pos + 1) == '_')) {
            return -1;
        }
        for (int i = pos + 2; i < end; i++) {
            char c = text.charAt(i);
            if (c == '}') {
                return i + 1;
            }
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == ':')) {
                return -1;
            }
        }
        return -1;
    }

    /** The name inside a brace placeholder token ({@code {name}} or {@code #{name}}), or null for another token. */
    static String braceName(String token) {
        int open = token.startsWith("#") ? 1 : 0;
        return token.length() > open + 2 && braceNameEnd(token, open, token.length()) == token.length()
                ? token.substring(open + 1, token.length() - 1) : null;
    }

    /** The words of a template action token that {@link #templateActionEnd} read, or null for another token. */
    static String templateActionWords(String token) {
        String action = token.length() > 2 && token.startsWith("\"") && token.endsWith("\"")
                ? token.substring(1, token.length() - 1) : token;
        return action.length() > 4 && action.startsWith("{{") && action.endsWith("}}")
                ? action.substring(2, action.length() - 2).strip() : null;
    }

    /** The length of a dollar-quote tag ({@code $$} or {@code $name$}) starting at {@code pos}, or 0. */
    static int dollarTagLength(String text, int pos, int end) {
        int i = pos + 1;
        if (i < end && (Character.isLetter(text.charAt(i)) || text.charAt(i) == '_')) {
            while (i < end && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
                i++;
            }
        }
        return i < end && text.charAt(i) == '$' ? i + 1 - pos : 0;
    }

    /** The length of the operator at {@code pos}: two characters for the compound ones, else one. */
    static int operatorLength(String text, int pos) {
        if ("<>!=:|-^".indexOf(text.charAt(pos)) < 0) {
            return 1;
        }
        for (String operator : OPERATORS) {
            if (text.startsWith(operator, pos)) {
                return operator.length();
            }
        }
        return 1;
    }

    /** The length of a sqlcmd variable reference {@code $(name)} at {@code pos}, or 0. */
    static int sqlcmdVariableLength(String text, int pos, int end) {
        if (pos + 3 >= end || text.charAt(pos) != '$' || text.charAt(pos + 1) != '(') {
            return 0;
        }
        int i = pos + 2;
        while (i < end && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_'
                || text.charAt(i) == '-')) {
            i++;
        }
        return i > pos + 2 && i < end && text.charAt(i) == ')' ? i + 1 - pos : 0;
    }

    /**
     * In auto, {@code \'} followed by a letter or digit ({@code 'Kid\'s bike'}) can only be MySQL's escaped
     * quote: read as standard SQL, the string would end and a word would be glued to it, which no dialect
     * accepts. Reading it as the end of the string would swallow the statements that follow.
     */
    static boolean isLikelyEscapedQuote(String text, int pos, int end, char close) {
        return (close == '\'' || close == '"') && text.charAt(pos + 1) == close && pos + 2 < end
                && Character.isLetterOrDigit(text.charAt(pos + 2));
    }

    /** The length of a MySQL {@code /*!NNNNN} or MariaDB {@code /*M!NNNNNN} opener at {@code pos}, or 0. */
    static int executableCommentPrefix(String text, int pos, int end) {
        int i = pos + 2;
        if (i < end && text.charAt(i) == 'M' && i + 1 < end && text.charAt(i + 1) == '!') {
            i++;
        }
        if (i >= end || text.charAt(i) != '!') {
            return 0;
        }
        i++;
        while (i < end && Character.isDigit(text.charAt(i))) {
            i++;
        }
        return i - pos;
    }

    /** A character of a file's name in a path: letters, digits, {@code _}, {@code -} and {@code .}. */
    static boolean isPathPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.';
    }
}
