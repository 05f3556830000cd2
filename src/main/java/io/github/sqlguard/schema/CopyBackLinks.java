package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.ObjectNames;
import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import io.github.sqlguard.sql.TopLevel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Columns moved to a table of their own and linked back: a copy of every row takes a column's values as they are
 * ({@code INSERT INTO entity (name, kind) SELECT username, 'USER' FROM users}), and an UPDATE of every row of the
 * table copied from then points a column of each row at the row of the copy that holds its value ({@code UPDATE
 * users SET entity_id = (SELECT entity_id FROM entity WHERE name = username AND kind = 'USER')}). Each row's value
 * lives on there, found through that column, so a drop of the moved column loses nothing. The lookup asks only what
 * the copy wrote (the moved value, and the literals it filled other columns with), so it finds a row for every
 * value; a lookup that found two would fail the UPDATE. The link holds until the pointing column is written again,
 * rows are added to the table, or the copy's rows change.
 */
final class CopyBackLinks {

    /** A copy of every row of a table, by its source's key: the table written, its columns' sources, where. */
    private record Written(String target, ColumnListCopy.TakenColumns taken, String at) {
    }

    /** A moved column's link: the copy, the column that points at it, and where the UPDATE stands. */
    private record Link(Written copy, String pointer, String at) {

        String note(String column) {
            return "values of " + column + " copied to " + copy.taken().target() + " at " + copy.at()
                    + ", and the UPDATE at " + at + " points " + pointer + " of each row at its copy";
        }
    }

    private final Map<String, List<Written>> copies = new HashMap<>();
    /** By table key, then moved column key. */
    private final Map<String, Map<String, Link>> links = new HashMap<>();

    /** Records the copy of every row the INSERT at {@code main} makes, at {@code at}, if it is one. */
    void observeCopy(List<Token> tokens, int main, String at) {
        ColumnListCopy.takenAsTheyAre(tokens, main).ifPresent(taken -> copies
                .computeIfAbsent(SchemaNames.key(taken.source()), k -> new ArrayList<>())
                .add(new Written(SchemaNames.key(taken.target()), taken, at)));
    }

    /**
     * An UPDATE of {@code table} wrote {@code assigned} at {@code at} ({@code tokens}): links through those columns
     * end, and a link it makes starts.
     */
    void updated(String table, Collection<String> assigned, List<Token> tokens, SchemaView before, String at) {
        written(table, assigned);
        link(tokens, before, at).ifPresent(found -> links.computeIfAbsent(SchemaNames.key(table),
                k -> new HashMap<>()).put(found.getKey(), found.getValue()));
    }

    /** {@code columns} of {@code table} were written, dropped or renamed: links through them end. */
    void written(String table, Collection<String> columns) {
        Map<String, Link> ofTable = links.get(SchemaNames.key(table));
        if (ofTable != null) {
            List<String> keys = columns.stream().map(SchemaNames::key).toList();
            ofTable.values().removeIf(link -> keys.contains(SchemaNames.key(link.pointer())));
            ofTable.keySet().removeAll(keys);
        }
    }

    /** Rows were added to {@code table}, or its name now means another table: its links and copies end. */
    void forget(String table) {
        links.remove(SchemaNames.key(table));
        copies.remove(SchemaNames.key(table));
    }

    /** An UPDATE wrote columns it does not say of tables it does not say: every link ends. */
    void clear() {
        links.clear();
    }

    /** The rows of {@code table}, a copy, changed: the links into it end. */
    void copyChanged(String table) {
        String key = SchemaNames.key(table);
        links.values().forEach(ofTable -> ofTable.values().removeIf(link -> link.copy().target().equals(key)));
        copies.values().forEach(written -> written.removeIf(copy -> copy.target().equals(key)));
    }

    /** The guard of a drop of {@code dropped} columns of {@code table} when each is linked to its copy. */
    Optional<Guard> guardOf(String table, List<String> dropped) {
        Map<String, Link> ofTable = links.getOrDefault(SchemaNames.key(table), Map.of());
        if (dropped.isEmpty() || !dropped.stream().allMatch(c -> ofTable.containsKey(SchemaNames.key(c)))) {
            return Optional.empty();
        }
        Map<String, String> notes = new LinkedHashMap<>();
        dropped.forEach(c -> notes.put(SchemaNames.key(c), ofTable.get(SchemaNames.key(c)).note(c)));
        return Optional.of(new Guard(Guard.Kind.ROWS_COPIED, String.join("; ", notes.values()), notes));
    }

    /**
     * The link {@code UPDATE t SET p = (SELECT .. FROM copy [alias] WHERE copy.c = t.moved [AND copy.k = 'lit'])}
     * makes, with no WHERE of its own, when an earlier copy of every row of t put {@code moved} into c and the
     * literal into k: the moved column's key and the link.
     */
    private Optional<Map.Entry<String, Link>> link(List<Token> tokens, SchemaView before, String at) {
        int end = tokens.size() > 0 && tokens.get(tokens.size() - 1).isSymbol(";") ? tokens.size() - 1 : tokens.size();
        SchemaNames.Read table = end > 6 && tokens.get(0).isWord("UPDATE") ? SchemaNames.name(tokens, 1) : null;
        int set = table == null ? -1 : table.next();
        if (set < 0 || set + 3 >= end || !tokens.get(set).isWord("SET") || !isName(tokens.get(set + 1))
                || !tokens.get(set + 2).isSymbol("=") || !tokens.get(set + 3).isSymbol("(")
                || TopLevel.closingParenthesis(tokens, set + 3) != end - 1) {
            return Optional.empty();
        }
        List<Token> query = tokens.subList(set + 4, end - 1);
        int from = TopLevel.wordIndex(query, 1, "FROM");
        SchemaNames.Read copy = from < 0 || !query.get(0).isWord("SELECT") ? null : SchemaNames.name(query, from + 1);
        if (copy == null) {
            return Optional.empty();
        }
        int where = copy.next() < query.size() && query.get(copy.next()).isWord("AS") ? copy.next() + 1 : copy.next();
        String alias = where < query.size() && isName(query.get(where)) && !query.get(where).isWord("WHERE")
                ? SchemaNames.key(query.get(where++).text()) : null;
        Optional<Written> written = copies.getOrDefault(SchemaNames.key(table.text()), List.of()).stream()
                .filter(c -> c.target().equals(SchemaNames.key(copy.text()))).reduce((a, b) -> b);
        if (where >= query.size() || !query.get(where).isWord("WHERE") || written.isEmpty()) {
            return Optional.empty();
        }
        Sides sides = new Sides(SchemaNames.key(ObjectNames.lastPart(table.text())),
                Set.of(SchemaNames.key(ObjectNames.lastPart(copy.text())), alias == null ? "" : alias),
                before.table(copy.text()).filter(Table::complete));
        String moved = null;
        for (List<Token> conjunct : WhereJudgement.split(query.subList(where + 1, query.size()), "AND")) {
            if (!isEquality(conjunct)) {
                return Optional.empty();
            }
            int eq = indexOfEquals(conjunct);
            Side left = sides.of(conjunct.subList(0, eq));
            Side right = sides.of(conjunct.subList(eq + 1, conjunct.size()));
            Side inCopy = left.inCopy() ? left : right;
            Side other = inCopy == left ? right : left;
            if (!inCopy.inCopy()) {
                return Optional.empty();
            }
            ColumnListCopy.TakenColumns taken = written.get().taken();
            if (other.literal() != null && other.literal().equals(taken.literals().get(inCopy.column()))) {
                continue;
            }
            if (moved != null || other.column() == null || other.inCopy()
                    || !other.column().equals(taken.sourceOf().get(inCopy.column()))) {
                return Optional.empty();
            }
            moved = other.column();
        }
        return moved == null ? Optional.empty() : Optional.of(Map.entry(moved,
                new Link(written.get(), SchemaNames.unquoted(tokens.get(set + 1).text()), at)));
    }

    /** One side of an equality: a column of the copy or of the updated table (a key), or a literal. */
    private record Side(boolean inCopy, String column, String literal) {
    }

    /** How the names of a lookup's condition resolve: the updated table's, or the copy's by name or alias. */
    private record Sides(String table, Set<String> copyNames, Optional<Table> copy) {

        Side of(List<Token> side) {
            if (side.size() == 1 && (side.get(0).type() == TokenType.STRING
                    || side.get(0).type() == TokenType.NUMBER)) {
                return new Side(false, null, side.get(0).text());
            }
            if (side.size() == 3 && isName(side.get(0)) && side.get(1).isSymbol(".") && isName(side.get(2))) {
                String qualifier = SchemaNames.key(side.get(0).text());
                String column = SchemaNames.key(side.get(2).text());
                return copyNames.contains(qualifier) ? new Side(true, column, null)
                        : qualifier.equals(table) ? new Side(false, column, null) : new Side(false, null, null);
            }
            if (side.size() == 1 && isName(side.get(0)) && copy.isPresent()) {
                // Unqualified, a name is the copy's column when it has one, else the updated row's
                String column = SchemaNames.key(side.get(0).text());
                return new Side(copy.get().column(column).isPresent(), column, null);
            }
            return new Side(false, null, null);
        }
    }

    private static boolean isEquality(List<Token> conjunct) {
        return indexOfEquals(conjunct) > 0 && conjunct.stream().filter(t -> t.isSymbol("=")).count() == 1
                && conjunct.stream().noneMatch(t -> t.isSymbol("(") || t.isAnyWord("OR", "NOT"));
    }

    private static int indexOfEquals(List<Token> conjunct) {
        for (int i = 0; i < conjunct.size(); i++) {
            if (conjunct.get(i).isSymbol("=")) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isName(Token token) {
        return token.type() == TokenType.WORD || token.type() == TokenType.QUOTED_NAME;
    }
}
