package io.github.sqlguard.analysis;

import io.github.sqlguard.model.Location;
import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The columns a table rebuild gives another name. SQLite changes a key or a constraint by copying every row into a
 * new table ({@code INSERT INTO t_new (id, pk_old) SELECT id, pk FROM t}), dropping the old table and giving the new
 * one its name, and MySQL's swap does the same with {@code RENAME TABLE}. A column the copy puts into a column of
 * another name, while no column of its own name takes its values, is renamed by the rebuild as surely as by
 * {@code ALTER TABLE .. RENAME COLUMN}, and breaks the same queries: the rebuild's last step reports it as a rename.
 */
final class RebuildColumnMoves {

    private static final String[] END_OF_SOURCE = {"WHERE", "ORDER", "LIMIT", "GROUP", "HAVING", "RETURNING", "ON"};

    /**
     * One copy of rows into a table the script created.
     *
     * @param source the key of the table read
     * @param line where the copy starts
     * @param renamed the source's columns the copy gives another name, as written, each with its new name
     */
    private record Copy(String source, int line, Map<String, String> renamed) {
    }

    /** By the key of the table written: the last copy into it. */
    private final Map<String, Copy> copiesInto = new HashMap<>();

    /**
     * Records the copy {@code core} makes into {@code target} (a key, a table the script created), when it is an
     * {@code INSERT INTO target (columns) SELECT items FROM source} from one table; another write forgets it.
     */
    void written(String target, List<Token> core, int line, Function<String, String> key) {
        copiesInto.remove(target);
        copyOf(core, key).ifPresent(copy -> copiesInto.put(target, new Copy(copy.source(), line, copy.renamed())));
    }

    /** The table {@code table} (a key) was dropped: what was copied into it is gone. */
    void dropped(String table) {
        copiesInto.remove(table);
    }

    /**
     * The column renames that {@code rename}, the rename of a table the script filled by a copy to the name of the
     * table it copied from (dropped or renamed away just before), brings about; empty when there are none.
     */
    List<DestructiveClause> renamesEndedBy(DestructiveClause rename, Function<String, String> key) {
        Copy copy = copiesInto.remove(key.apply(rename.table()));
        if (copy == null || copy.renamed().isEmpty() || !copy.source().equals(key.apply(rename.detail()))) {
            return List.of();
        }
        String words = "the rebuild of " + unquoted(rename.detail()) + " (rows copied to " + unquoted(rename.table())
                + " at line " + copy.line() + ")";
        Location at = rename.at();
        List<DestructiveClause> renames = new ArrayList<>();
        copy.renamed().forEach((from, to) -> renames.add(new DestructiveClause(ClauseKind.RENAMED_COLUMN, at, words,
                rename.detail(), from, to, false)));
        return renames;
    }

    /** A copy of {@code core}'s single source, with the columns it renames, or empty when {@code core} is none. */
    private static Optional<Copy> copyOf(List<Token> core, Function<String, String> key) {
        int into = 1;
        while (into < core.size() && core.get(into).isAnyWord("INTO", "OR", "REPLACE", "IGNORE", "ABORT", "FAIL",
                "ROLLBACK")) {
            into++;
        }
        ObjectNames.NameAt target = core.get(0).isWord("INSERT") ? ObjectNames.readName(core, into) : null;
        if (target == null || target.next() >= core.size() || !core.get(target.next()).isSymbol("(")) {
            return Optional.empty();
        }
        int close = ObjectNames.skipParentheses(core, target.next());
        List<List<Token>> columns = ObjectNames.splitAtCommas(core, target.next() + 1, close - 1);
        int select = close;
        if (select >= core.size() || !core.get(select).isWord("SELECT")) {
            return Optional.empty();
        }
        int from = topLevelWord(core, select + 1, "FROM");
        if (from < 0) {
            return Optional.empty();
        }
        List<List<Token>> items = ObjectNames.splitAtCommas(core, select + 1, from);
        ObjectNames.NameAt source = ObjectNames.readName(core, from + 1);
        if (source == null || items.size() != columns.size() || !endsSource(core, source.next())) {
            return Optional.empty(); // a join, a derived table or a set operation: the values may come from elsewhere
        }
        String alias = aliasAt(core, source.next());
        Map<String, String> renamed = new LinkedHashMap<>();
        List<String> keptUnderOwnName = new ArrayList<>();
        for (int k = 0; k < items.size(); k++) {
            Optional<String> read = columnRead(items.get(k), source.text(), alias, key);
            List<Token> written = columns.get(k);
            if (read.isEmpty() || written.size() != 1 || !isName(written.get(0))) {
                continue;
            }
            String newName = written.get(0).text();
            if (ObjectNames.normalize(newName).equals(ObjectNames.normalize(read.get()))) {
                keptUnderOwnName.add(ObjectNames.normalize(read.get()));
            } else {
                renamed.putIfAbsent(read.get(), newName);
            }
        }
        renamed.keySet().removeIf(column -> keptUnderOwnName.contains(ObjectNames.normalize(column)));
        return Optional.of(new Copy(key.apply(source.text()), 0, Map.copyOf(renamed)));
    }

    /** The column {@code item} reads as it is, plain or qualified by the source's name or alias; else empty. */
    private static Optional<String> columnRead(List<Token> item, String source, String alias,
            Function<String, String> key) {
        if (item.size() == 1 && isName(item.get(0))) {
            return Optional.of(item.get(0).text());
        }
        if (item.size() == 3 && isName(item.get(0)) && item.get(1).isSymbol(".") && isName(item.get(2))) {
            String qualifier = item.get(0).text();
            boolean ownTable = key.apply(qualifier).equals(key.apply(source))
                    || alias != null && ObjectNames.normalize(qualifier).equals(ObjectNames.normalize(alias));
            return ownTable ? Optional.of(item.get(2).text()) : Optional.empty();
        }
        return Optional.empty();
    }

    /** True when the source's name, and its alias if any, end the query or lead to a clause that reads no table. */
    private static boolean endsSource(List<Token> core, int at) {
        int next = at;
        if (next < core.size() && core.get(next).isWord("AS")) {
            next++;
        }
        if (next < core.size() && isName(core.get(next)) && !core.get(next).isAnyWord(END_OF_SOURCE)
                && !core.get(next).isAnyWord("JOIN", "INNER", "LEFT", "RIGHT", "FULL", "CROSS", "NATURAL", "UNION",
                        "INTERSECT", "EXCEPT", "MINUS")) {
            next++;
        }
        return next >= core.size() || core.get(next).type() == TokenType.TERMINATOR
                || core.get(next).isAnyWord(END_OF_SOURCE) && !core.get(next).isWord("ON");
    }

    /** The alias written after the source's name, or null. */
    private static String aliasAt(List<Token> core, int at) {
        int next = at < core.size() && core.get(at).isWord("AS") ? at + 1 : at;
        return next < core.size() && isName(core.get(next)) && !core.get(next).isAnyWord(END_OF_SOURCE)
                ? core.get(next).text() : null;
    }

    private static int topLevelWord(List<Token> core, int from, String word) {
        int depth = 0;
        for (int i = from; i < core.size(); i++) {
            Token token = core.get(i);
            depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
            if (depth == 0 && token.isWord(word)) {
                return i;
            }
        }
        return -1;
    }

    /** {@code "client"}, {@code `client`} and {@code [client]} as {@code client}, for the message. */
    private static String unquoted(String name) {
        return name.replaceAll("[\"`\\[\\]]", "");
    }

    private static boolean isName(Token token) {
        return token.type() == TokenType.WORD || token.type() == TokenType.QUOTED_NAME;
    }
}
