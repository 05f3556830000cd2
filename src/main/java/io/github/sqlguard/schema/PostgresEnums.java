package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.ObjectNames;
import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The PostgreSQL enum types the replayed migrations create, each with its values in order, followed through
 * {@code ALTER TYPE .. ADD VALUE}, {@code RENAME VALUE}, {@code RENAME TO} and {@code DROP TYPE}. Prisma changes an
 * enum by building a new type and casting the column to it ({@code USING (role::text::"Role_new")}), then renaming
 * the types; comparing the two value lists tells a value added (nothing lost) from one left out (the cast fails
 * on every row that holds it). A type renamed takes the columns of that type along, so a column keeps naming the
 * type it has. Names are keyed by their last part, case-insensitive, as the replay keys tables.
 */
final class PostgresEnums {

    /** The PostgreSQL types of text that an enum's labels convert to as they are. */
    private static final Set<String> TEXT_TYPES = Set.of("TEXT", "VARCHAR", "CITEXT");

    /** Values by type key; a type that is no enum, or whose values were not read, is absent. */
    private final Map<String, List<String>> values;

    PostgresEnums() {
        this(new HashMap<>());
    }

    private PostgresEnums(Map<String, List<String>> values) {
        this.values = values;
    }

    /** A copy that goes its own way, for a forked history. */
    PostgresEnums copy() {
        return new PostgresEnums(new HashMap<>(values));
    }

    /**
     * Replays {@code CREATE TYPE}, {@code ALTER TYPE} or {@code DROP TYPE} at {@code start}; false when the statement
     * is none of them.
     */
    static boolean replay(List<Token> tokens, int start, SchemaHistory history) {
        if (start + 2 >= tokens.size() || !tokens.get(start + 1).isWord("TYPE")) {
            return false;
        }
        Token verb = tokens.get(start);
        PostgresEnums enums = history.enums();
        if (verb.isWord("DROP")) {
            for (String name : SchemaNames.dropped(tokens, start + 2)) {
                enums.values.remove(SchemaNames.key(name));
                history.enumTypes().clear(name);
            }
            return true;
        }
        SchemaNames.Read name = SchemaNames.name(tokens, start + 2);
        if (name == null || !verb.isAnyWord("CREATE", "ALTER")) {
            return false;
        }
        String key = SchemaNames.key(name.text());
        List<Token> rest = meaningful(tokens.subList(name.next(), tokens.size()));
        if (verb.isWord("CREATE")) {
            enums.values.remove(key);
            boolean isEnum = rest.size() >= 3 && rest.get(0).isWord("AS") && rest.get(1).isWord("ENUM")
                    && rest.get(2).isSymbol("(");
            history.enumTypes().put(name.text(), isEnum);
            if (isEnum) {
                quoted(ObjectNames.insideParentheses(rest, 2), true)
                        .ifPresent(list -> enums.values.put(key, list));
            }
            return true;
        }
        if (rest.size() == 3 && rest.get(0).isWord("RENAME") && rest.get(1).isWord("TO")) {
            String renamed = rest.get(2).text();
            Optional.ofNullable(enums.values.remove(key)).ifPresent(list -> enums.values.put(SchemaNames.key(renamed),
                    list));
            retypeColumns(history, key, renamed);
            history.enumTypes().rename(name.text(), renamed);
            return true;
        }
        List<String> known = enums.values.get(key);
        if (known != null) {
            enums.values.put(key, altered(known, rest));
        }
        return true;
    }

    /** The values after {@code ADD VALUE} or {@code RENAME VALUE}; other changes keep them. */
    private static List<String> altered(List<String> known, List<Token> clause) {
        List<String> changed = new ArrayList<>(known);
        if (clause.size() >= 3 && clause.get(0).isWord("ADD") && clause.get(1).isWord("VALUE")) {
            int at = clause.get(2).isWord("IF") ? 5 : 2;
            Optional<List<String>> added = quoted(clause.subList(Math.min(at, clause.size()),
                    Math.min(at + 1, clause.size())), false);
            if (added.isPresent() && added.get().size() == 1 && !changed.contains(added.get().get(0))) {
                changed.add(added.get().get(0)); // BEFORE or AFTER places it; the order judges nothing
            }
        } else if (clause.size() == 5 && clause.get(0).isWord("RENAME") && clause.get(1).isWord("VALUE")
                && clause.get(3).isWord("TO")) {
            Optional<List<String>> pair = quoted(List.of(clause.get(2), clause.get(4)), false);
            pair.ifPresent(names -> changed.replaceAll(value -> value.equals(names.get(0)) ? names.get(1) : value));
        }
        return changed;
    }

    /** Gives the columns of type {@code key} (or an array of it) the type's new name. */
    private static void retypeColumns(SchemaHistory history, String key, String renamed) {
        for (Table table : history.currentTables()) {
            Table result = table;
            for (Column column : table.columns().values()) {
                Optional<SqlType> type = column.type();
                if (type.isPresent() && SchemaView.typeKey(type.get().written()).equals(key)) {
                    String written = type.get().written();
                    String array = written.indexOf('[') < 0 ? "" : written.substring(written.indexOf('['));
                    result = result.withColumn(column.withType(Optional.of(SqlType.parse(renamed + array))));
                }
            }
            if (result != table) {
                history.put(result);
            }
        }
    }

    /**
     * The value lists of a column cast from {@code from} to {@code to}, when {@code from} is an enum this replay
     * knows, {@code to} is one too or a text type ({@link #textForms}), both as arrays with as many dimensions or
     * neither (Prisma casts an enum list: {@code roles::text::"Role_new"[]}), and {@code using} (the tokens after
     * USING, empty without one) only casts {@code column}: {@code column::T}, {@code column::text::T}, either in
     * parentheses, or, from one enum into another, maps some values with a CASE whose ELSE casts the others
     * ({@link EnumCaseMapping}). A USING that maps values otherwise is not judged here.
     */
    Optional<EnumValueLists> retype(Optional<SqlType> from, Optional<SqlType> to, List<Token> using, String column) {
        if (from.isEmpty() || to.isEmpty()) {
            return Optional.empty();
        }
        Optional<List<String>> old = valuesOf(from.get());
        if (old.isEmpty() || !dimensions(from.get()).equals(dimensions(to.get()))) {
            return Optional.empty();
        }
        List<Token> conversion = meaningful(using);
        Optional<List<String>> next = valuesOf(to.get());
        if (next.isEmpty()) {
            return castsOnly(conversion, column, to.get())
                    ? textForms(old.get(), to.get()).map(fit -> new EnumValueLists(old.get(), fit, Map.of()))
                    : Optional.empty();
        }
        Optional<Map<String, String>> mapped = castsOnly(conversion, column, to.get()) ? Optional.of(Map.of())
                : dimensions(from.get()).isEmpty() ? EnumCaseMapping.of(conversion, column, to.get())
                : Optional.empty();
        return mapped.map(values -> new EnumValueLists(old.get(), next.get(), values));
    }

    /**
     * The values of an enum that a text type {@code to} holds as they are: every value its length fits. Only the
     * PostgreSQL family creates enums this way, and it converts them to text by their labels, also where no dialect
     * is configured; a label too long for a {@code VARCHAR(n)} fails the statement. Empty for any other type (CHAR
     * pads the labels).
     */
    private static Optional<List<String>> textForms(List<String> values, SqlType to) {
        if (to.written().contains("[") || !TEXT_TYPES.contains(to.base())) {
            return Optional.empty();
        }
        long length = TypeFamily.length(to, Dialect.POSTGRESQL);
        return length < 0 ? Optional.empty() : Optional.of(values.stream()
                .filter(value -> value.codePointCount(0, value.length()) <= length).toList());
    }

    private Optional<List<String>> valuesOf(SqlType type) {
        return Optional.ofNullable(values.get(SchemaView.typeKey(type.written())));
    }

    /** The array brackets after a type as written, without spaces ({@code "[]"}); empty for no array. */
    private static String dimensions(SqlType type) {
        String written = type.written();
        int bracket = written.indexOf('[');
        return bracket < 0 ? "" : written.substring(bracket).replace(" ", "");
    }

    /** True when {@code using} is only a cast of {@code column} to {@code to} (through text or not), or nothing. */
    static boolean castsOnly(List<Token> using, String column, SqlType to) {
        List<Token> cast = WhereJudgement.unwrapped(using);
        if (cast.isEmpty()) {
            return using.isEmpty();
        }
        SchemaNames.Read name = SchemaNames.name(cast, 0);
        if (name == null || !SchemaNames.key(name.text()).equals(SchemaNames.key(column))) {
            return false;
        }
        int i = name.next();
        if (i + 2 < cast.size() && cast.get(i).isSymbol("::") && cast.get(i + 1).isAnyWord("TEXT", "VARCHAR")
                && cast.get(i + 2).isSymbol("::")) {
            i += 2;
        }
        SchemaNames.Read target = i + 1 < cast.size() && cast.get(i).isSymbol("::") ? SchemaNames.name(cast, i + 1)
                : null;
        if (target == null) {
            return false;
        }
        StringBuilder brackets = new StringBuilder();
        cast.subList(target.next(), cast.size()).forEach(token -> brackets.append(token.text()));
        return brackets.toString().equals(dimensions(to))
                && SchemaView.typeKey(target.text()).equals(SchemaView.typeKey(to.written()));
    }

    /**
     * The texts between the quotes of string literals separated by commas ({@code listed}) or of one literal;
     * empty when anything else is there (an escape string, a placeholder), so that such a type stays unknown.
     */
    private static Optional<List<String>> quoted(List<Token> tokens, boolean listed) {
        List<String> found = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (listed && i % 2 == 1) {
                if (!token.isSymbol(",")) {
                    return Optional.empty();
                }
                continue;
            }
            String text = token.text();
            if (token.type() != TokenType.STRING || text.length() < 2 || !text.startsWith("'") || !text.endsWith("'")) {
                return Optional.empty();
            }
            found.add(text.substring(1, text.length() - 1));
        }
        return Optional.of(found);
    }

    private static List<Token> meaningful(List<Token> tokens) {
        return tokens.stream().filter(t -> t.type() != TokenType.COMMENT && t.type() != TokenType.TERMINATOR).toList();
    }
}
