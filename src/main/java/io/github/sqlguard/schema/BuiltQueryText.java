package io.github.sqlguard.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A routine body's dynamic SQL written out as the static SQL it runs when a call passes literals for the
 * parameters it is built from: PL/pgSQL {@code EXECUTE format('SELECT count(*) FROM %I', tbl) INTO n;} becomes
 * {@code SELECT count(*) INTO n FROM orders;}, {@code EXECUTE 'SELECT EXISTS (SELECT 1 FROM ' || quote_ident(tbl)
 * || ')' INTO found;} becomes {@code SELECT EXISTS (SELECT 1 FROM orders) INTO found;}, and T-SQL {@code DECLARE
 * @sql nvarchar(max) = N'IF EXISTS (SELECT 1 FROM ' + QUOTENAME(@table) + N') THROW ..'; EXEC sp_executesql
 * @sql;} becomes the IF it runs. What cannot be built from literals is left as written, so it matches no check.
 */
final class BuiltQueryText {

    /** PL/pgSQL {@code EXECUTE expr INTO v;}, Oracle {@code EXECUTE IMMEDIATE expr INTO v;}. */
    private static final Pattern EXECUTE_INTO = Pattern.compile("(?is)\\bEXECUTE\\s+(?:IMMEDIATE\\s+)?"
            + "(?<expr>(?:'(?:[^']|'')*'|[^;'])*?)\\s+INTO\\s+(?<strict>STRICT\\s+)?(?<var>\\w+)\\s*;");
    /** A query that reads a count: its INTO goes before its FROM, as the checks read it written statically. */
    private static final Pattern COUNT_QUERY = Pattern.compile("(?is)^\\s*SELECT\\s+(?<list>COUNT\\s*\\(\\s*"
            + "(?:\\*|1)\\s*\\))\\s+(?<from>FROM\\b.*?)\\s*;?\\s*$");
    /** T-SQL: a variable given the text it later runs, {@code DECLARE @sql nvarchar(max) = ..} or {@code SET}. */
    private static final Pattern TSQL_ASSIGNED = Pattern.compile("(?is)(?:\\bDECLARE\\s+(?<declared>@\\w+)\\s+"
            + "N?VARCHAR\\s*\\(\\s*(?:MAX|\\d+)\\s*\\)\\s*=|\\bSET\\s+(?<set>@\\w+)\\s*=)\\s*");
    /** T-SQL: running a variable's or literal's text, {@code EXEC sp_executesql @sql} or {@code EXEC (@sql)}. */
    private static final Pattern TSQL_RUN = Pattern.compile("(?is)\\bEXEC(?:UTE)?\\s*(?:(?:dbo\\.|sys\\.)?"
            + "sp_executesql\\s+(?:@stmt\\s*=\\s*)?(?<stmt>@\\w+|N?'(?:[^']|'')*')\\s*;?|\\(\\s*(?<inner>@\\w+"
            + "|N?'(?:[^']|'')*')\\s*\\)\\s*;?)");

    private BuiltQueryText() {
    }

    /**
     * {@code body} with each dynamic statement whose text {@code arguments} (by lower-case parameter name, as
     * literal values) fully determine written out as that text.
     */
    static String written(String body, Map<String, String> arguments, boolean tsql) {
        return tsql ? writtenTsql(body, arguments) : writtenExecuteInto(body, arguments);
    }

    private static String writtenExecuteInto(String body, Map<String, String> arguments) {
        Matcher matcher = EXECUTE_INTO.matcher(body);
        StringBuilder text = new StringBuilder();
        while (matcher.find()) {
            String query = new Expression(matcher.group("expr"), "||", arguments).value();
            String replacement = matcher.group();
            if (query != null) {
                Matcher count = COUNT_QUERY.matcher(query);
                String into = " INTO " + (matcher.group("strict") == null ? "" : "STRICT ") + matcher.group("var");
                replacement = count.matches() ? "SELECT " + count.group("list") + into + " " + count.group("from") + ";"
                        : query.strip().replaceFirst(";\\s*$", "") + into + ";";
            }
            matcher.appendReplacement(text, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(text);
        return text.toString();
    }

    /** T-SQL: a variable assigned a text built from literals, then run, becomes that text where it runs. */
    private static String writtenTsql(String body, Map<String, String> arguments) {
        Map<String, String> variables = new java.util.HashMap<>(arguments);
        StringBuilder text = new StringBuilder();
        int at = 0;
        Matcher assigned = TSQL_ASSIGNED.matcher(body);
        Matcher run = TSQL_RUN.matcher(body);
        while (at < body.length()) {
            boolean isAssignment = assigned.find(at);
            int assignedAt = isAssignment ? assigned.start() : body.length();
            boolean isRun = run.find(at);
            int runAt = isRun ? run.start() : body.length();
            if (!isAssignment && !isRun) {
                break;
            }
            if (assignedAt < runAt) {
                String variable = assigned.group("declared") != null ? assigned.group("declared")
                        : assigned.group("set");
                Expression expression = new Expression(body.substring(assigned.end()), "+", variables);
                String value = expression.value();
                int end = assigned.end() + expression.consumed();
                if (value == null) {
                    variables.remove(variable.toLowerCase(Locale.ROOT));
                    text.append(body, at, end);
                } else {
                    // The assignment itself changes no table: what runs is the text where it is run.
                    variables.put(variable.toLowerCase(Locale.ROOT), value);
                    text.append(body, at, assignedAt);
                    end = skipTerminator(body, end);
                }
                at = end;
            } else {
                String operand = run.group("stmt") != null ? run.group("stmt") : run.group("inner");
                String value = new Expression(operand, "+", variables).value();
                text.append(body, at, runAt).append(value == null ? run.group() : value.strip() + " ");
                at = run.end();
            }
        }
        text.append(body.substring(Math.min(at, body.length())));
        return text.toString();
    }

    private static int skipTerminator(String body, int from) {
        int at = from;
        while (at < body.length() && Character.isWhitespace(body.charAt(at))) {
            at++;
        }
        return at < body.length() && body.charAt(at) == ';' ? at + 1 : from;
    }

    /**
     * A string expression of literals, parameters and the functions that quote or format them, joined by
     * {@code ||} (PostgreSQL, Oracle) or {@code +} (T-SQL); its value is null when any part is not known.
     */
    private static final class Expression {

        private final String text;
        private final String joiner;
        private final Map<String, String> known;
        private int at;

        Expression(String text, String joiner, Map<String, String> known) {
            this.text = text;
            this.joiner = joiner;
            this.known = known;
        }

        /** How many characters of the text the expression took. */
        int consumed() {
            return at;
        }

        String value() {
            StringBuilder value = new StringBuilder();
            String operand = operand();
            while (operand != null) {
                value.append(operand);
                skipBlanks();
                if (!text.startsWith(joiner, at)) {
                    return value.toString();
                }
                at += joiner.length();
                operand = operand();
            }
            return null;
        }

        private String operand() {
            skipBlanks();
            if (at >= text.length()) {
                return null;
            }
            char c = text.charAt(at);
            if (c == '\'' || (c == 'N' || c == 'n' || c == 'E' || c == 'e') && text.startsWith("'", at + 1)) {
                return literal();
            }
            int start = at;
            while (at < text.length() && isNamePart(text.charAt(at))) {
                at++;
            }
            String name = text.substring(start, at).toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                return null;
            }
            skipBlanks();
            if (at < text.length() && text.charAt(at) == '(') {
                at++;
                List<String> arguments = arguments();
                return arguments == null ? null : applied(name, arguments);
            }
            return known.get(name);
        }

        private String literal() {
            if (text.charAt(at) != '\'') {
                at++; // N'..' (T-SQL) or E'..' (PostgreSQL) prefix
            }
            StringBuilder value = new StringBuilder();
            for (at++; at < text.length(); at++) {
                char c = text.charAt(at);
                if (c == '\'' && text.startsWith("''", at)) {
                    value.append('\'');
                    at++;
                } else if (c == '\'') {
                    at++;
                    return value.toString();
                } else {
                    value.append(c);
                }
            }
            return null;
        }

        /** The arguments up to the closing parenthesis, each an expression of its own. */
        private List<String> arguments() {
            List<String> values = new ArrayList<>();
            while (true) {
                Expression argument = new Expression(text.substring(at), joiner, known);
                String value = argument.value();
                if (value == null) {
                    return null;
                }
                values.add(value);
                at += argument.consumed();
                skipBlanks();
                if (at < text.length() && text.charAt(at) == ',') {
                    at++;
                } else if (at < text.length() && text.charAt(at) == ')') {
                    at++;
                    return values;
                } else {
                    return null;
                }
            }
        }

        private static String applied(String function, List<String> arguments) {
            return switch (function) {
                case "quote_ident" -> arguments.size() == 1 ? arguments.get(0) : null;
                case "quotename" -> arguments.size() == 1 ? "[" + arguments.get(0).replace("]", "]]") + "]" : null;
                case "concat" -> String.join("", arguments);
                case "format" -> arguments.isEmpty() ? null : formatted(arguments.get(0), arguments.subList(1,
                        arguments.size()));
                default -> null;
            };
        }

        /** PostgreSQL {@code format}: {@code %I}, {@code %s} and {@code %L} take the next argument, {@code %%} is %. */
        private static String formatted(String format, List<String> arguments) {
            StringBuilder value = new StringBuilder();
            int next = 0;
            for (int i = 0; i < format.length(); i++) {
                char c = format.charAt(i);
                if (c != '%') {
                    value.append(c);
                } else if (i + 1 < format.length() && format.charAt(i + 1) == '%') {
                    value.append('%');
                    i++;
                } else if (i + 1 < format.length() && "IsL".indexOf(format.charAt(i + 1)) >= 0
                        && next < arguments.size()) {
                    String argument = arguments.get(next++);
                    value.append(format.charAt(i + 1) == 'L' ? "'" + argument.replace("'", "''") + "'" : argument);
                    i++;
                } else {
                    return null;
                }
            }
            return value.toString();
        }

        private void skipBlanks() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        private static boolean isNamePart(char c) {
            return Character.isLetterOrDigit(c) || c == '_' || c == '@' || c == '$' || c == '.';
        }
    }
}
