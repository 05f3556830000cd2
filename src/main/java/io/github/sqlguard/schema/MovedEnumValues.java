package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.ObjectNames;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import io.github.sqlguard.sql.TopLevel;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The values one script run moved out of a column before narrowing its ENUM: {@code UPDATE queues SET type =
 * 'WorkerJob' WHERE type = 'WorkerTask' OR type IN ('WorkerTrigger')} leaves no row holding {@code 'WorkerTask'}
 * or {@code 'WorkerTrigger'}, so a later {@code MODIFY type ENUM('WorkerJob', 'Other')} in the same run loses
 * nothing by leaving them out; nor does one after {@code DELETE FROM queues WHERE type = 'WorkerTask'}. Feed
 * statements in order, each after it was checked. Only an UPDATE or DELETE whose WHERE is nothing but equalities
 * of the column to literals (joined by OR, or an IN list) moves values away; any other write of the column, and
 * any row added to its table, may bring them back, and ends what was known.
 */
public final class MovedEnumValues {

    /** Values no row holds any more, by table key and column key, as written between the quotes. */
    private final Map<String, Map<String, Set<String>>> moved = new HashMap<>();

    /** {@code facts} with each retyped column carrying the values this run moved out of it. */
    public SchemaFacts applyTo(SchemaFacts facts) {
        if (moved.isEmpty() || facts.retypes().isEmpty()) {
            return facts;
        }
        List<ColumnRetype> retypes = facts.retypes().stream().map(r -> r.withMovedValues(moved
                .getOrDefault(SchemaNames.key(r.table()), Map.of()).getOrDefault(SchemaNames.key(r.column()),
                        Set.of()))).toList();
        return new SchemaFacts(facts.before(), retypes, facts.rowFilter(), facts.notReplayedBecause(),
                facts.earlierFilesGuard(), facts.earlierRunCopy(), facts.notRun());
    }

    /** Follows what {@code statement} does to the values of the columns. */
    public void observe(Statement statement) {
        List<Token> tokens = statement.tokens();
        if (statement.container() || tokens.isEmpty()
                || moved.isEmpty() && !tokens.get(0).isAnyWord("UPDATE", "DELETE")) {
            return;
        }
        if (tokens.get(0).isWord("DELETE")) {
            deleted(tokens); // removing rows brings no value back
            return;
        }
        Optional<ColumnWrites.Update> update = ColumnWrites.update(tokens);
        if (update.isPresent()) {
            updated(tokens, update.get());
            return;
        }
        if (WithListUpdates.updates(tokens)) {
            moved.clear(); // a join or a table list: which columns it wrote is not known
            return;
        }
        AddedRows.rowsAddedTo(tokens).ifPresent(table -> moved.remove(SchemaNames.key(table)));
        int main = DestroyedTables.mainKeyword(tokens);
        List<String> targets = DestroyedTables.of(tokens, main);
        if (targets.isEmpty() || !tokens.get(main).isAnyWord("ALTER", "DROP")) {
            return;
        }
        if (tokens.get(main).isWord("DROP") || AlterTableRenames.renamesTable(tokens, main)) {
            targets.forEach(t -> moved.remove(SchemaNames.key(t)));
            return;
        }
        Map<String, Set<String>> columns = moved.getOrDefault(SchemaNames.key(targets.get(0)), new HashMap<>());
        DestroyedTables.droppedColumns(tokens, main).forEach(c -> columns.remove(SchemaNames.key(c)));
        AlterTableRenames.renamedColumns(tokens, main).forEach((old, renamed) -> {
            columns.remove(SchemaNames.key(old));
            columns.remove(SchemaNames.key(renamed));
        });
    }

    /** {@code DELETE FROM t WHERE c = 'x' OR c IN ('y')} leaves no row of t holding 'x' or 'y' in c. */
    private void deleted(List<Token> tokens) {
        int i = 1;
        if (i < tokens.size() && tokens.get(i).isWord("FROM")) {
            i++;
        }
        if (i < tokens.size() && tokens.get(i).isWord("ONLY")) {
            i++;
        }
        SchemaNames.Read table = SchemaNames.name(tokens, i);
        if (table == null || table.next() >= tokens.size() || !tokens.get(table.next()).isWord("WHERE")) {
            return; // an alias, USING or a join: not followed
        }
        List<Token> condition = tokens.subList(table.next() + 1, tokens.size());
        int first = 0;
        while (first < condition.size() && condition.get(first).isSymbol("(")) {
            first++;
        }
        SchemaNames.Read named = SchemaNames.name(condition, first);
        if (named == null) {
            return;
        }
        String column = SchemaNames.key(named.text());
        valuesMatched(condition, column).ifPresent(values -> moved.computeIfAbsent(SchemaNames.key(table.text()),
                k -> new HashMap<>()).computeIfAbsent(column, k -> new HashSet<>()).addAll(values));
    }

    private void updated(List<Token> tokens, ColumnWrites.Update update) {
        String table = SchemaNames.key(update.table());
        int set = TopLevel.wordIndex(tokens, 1, "SET");
        int where = set < 0 ? -1 : TopLevel.wordIndex(tokens, set + 1, "WHERE");
        Map<String, Set<String>> columns = moved.computeIfAbsent(table, k -> new HashMap<>());
        Map<String, String> literals = new HashMap<>();
        Map<String, List<String>> elementsMapped = new HashMap<>();
        int setEnd = where < 0 ? tokens.size() : where;
        if (set >= 0) {
            for (List<Token> assignment : ObjectNames.splitAtCommas(tokens, set + 1, setEnd)) {
                SchemaNames.Read name = SchemaNames.name(assignment, 0);
                if (name != null && name.next() + 2 == assignment.size() && assignment.get(name.next()).isSymbol("=")
                        && assignment.get(name.next() + 1).type() == TokenType.STRING) {
                    literals.put(SchemaNames.key(name.text()), inner(assignment.get(name.next() + 1)));
                }
                if (name != null && where < 0) {
                    ListElementMapping.of(assignment, name).ifPresent(mapping
                            -> elementsMapped.put(SchemaNames.key(name.text()), mapping));
                }
            }
        }
        for (String assigned : update.assigned()) {
            String column = SchemaNames.key(assigned);
            List<String> mapping = elementsMapped.get(column);
            if (mapping != null) {
                // array_replace(c, 'x', 'y') in every row: no list holds 'x' any more, and some may hold 'y'
                Set<String> values = columns.computeIfAbsent(column, k -> new HashSet<>());
                values.add(mapping.get(0));
                mapping.stream().skip(1).forEach(values::remove);
                continue;
            }
            String literal = literals.get(column);
            Optional<Set<String>> matched = literal == null || where < 0 ? Optional.empty()
                    : valuesMatched(tokens.subList(where + 1, tokens.size()), column);
            if (matched.isEmpty()) {
                columns.remove(column);
                continue;
            }
            Set<String> values = columns.computeIfAbsent(column, k -> new HashSet<>());
            values.addAll(matched.get());
            values.remove(literal);
        }
    }

    /**
     * The values a WHERE selects rows by when it is only {@code column = 'x'} and {@code column IN ('x', ..)}
     * joined by OR; parentheses cannot change which rows such a condition selects.
     */
    private static Optional<Set<String>> valuesMatched(List<Token> condition, String column) {
        List<Token> tokens = condition.stream().filter(t -> !t.isSymbol("(") && !t.isSymbol(")")
                && t.type() != TokenType.TERMINATOR && t.type() != TokenType.COMMENT).toList();
        Set<String> values = new HashSet<>();
        int i = 0;
        while (i < tokens.size()) {
            SchemaNames.Read name = SchemaNames.name(tokens, i);
            if (name == null || !SchemaNames.key(name.text()).equals(column) || name.next() + 1 >= tokens.size()) {
                return Optional.empty();
            }
            i = name.next();
            boolean list = tokens.get(i).isWord("IN");
            if (!list && !tokens.get(i).isSymbol("=")) {
                return Optional.empty();
            }
            do {
                i++;
                if (i >= tokens.size() || tokens.get(i).type() != TokenType.STRING) {
                    return Optional.empty();
                }
                values.add(inner(tokens.get(i)));
                i++;
            } while (list && i < tokens.size() && tokens.get(i).isSymbol(","));
            if (i < tokens.size() && (!tokens.get(i).isWord("OR") || ++i == tokens.size())) {
                return Optional.empty();
            }
        }
        return values.isEmpty() ? Optional.empty() : Optional.of(values);
    }

    /** A string literal's text between its quotes, as an ENUM's value list writes it. */
    static String inner(Token literal) {
        String text = literal.text();
        return text.length() >= 2 && text.startsWith("'") && text.endsWith("'") ? text.substring(1, text.length() - 1)
                : "\u0000" + text; // another kind of literal matches no ENUM value
    }
}
