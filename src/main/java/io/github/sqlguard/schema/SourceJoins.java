package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.ObjectNames;
import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import io.github.sqlguard.sql.TopLevel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The joins after the one table a copy reads its values from ({@code INSERT INTO field_values (item_id, config_id,
 * value) SELECT i.id, c.id, i.job_title FROM item i JOIN config c ON c.kind = i.kind WHERE c.name = 'job'}), as a
 * migration that moves columns into a table of rows per field writes it: which select items are the source's own
 * columns, named as they are.
 *
 * @param start where the first join starts, which ends the source and its alias
 * @param inner the tables the inner joins bring in, as written: the source rows they match are the ones copied
 * @param joined every table a join brings in, as the replay knows it (empty when it does not)
 */
record SourceJoins(int start, List<String> inner, List<Optional<Table>> joined) {

    private static final String[] JOIN_STARTS = {"JOIN", "INNER", "CROSS", "NATURAL", "LEFT", "RIGHT", "FULL",
        "STRAIGHT_JOIN"};

    /** The joins between {@code from} (the source's FROM) and {@code end} (its WHERE, or the end), if any. */
    static Optional<SourceJoins> of(List<Token> tokens, int from, int end, SchemaView before) {
        int start = -1;
        List<String> inner = new ArrayList<>();
        List<Optional<Table>> joined = new ArrayList<>();
        boolean outer = false;
        int depth = 0;
        for (int i = from + 1; from >= 0 && i < end; i++) {
            Token token = tokens.get(i);
            depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
            if (depth != 0) {
                continue;
            }
            if (token.isSymbol(",")) {
                return Optional.empty(); // FROM a, b: which table a name comes from is not said by a join
            }
            if (token.isAnyWord(JOIN_STARTS) && !tokens.get(i - 1).isAnyWord(JOIN_STARTS)
                    && !tokens.get(i - 1).isWord("OUTER")) {
                start = start < 0 ? i : start;
                outer = false;
            }
            outer |= token.isAnyWord("LEFT", "FULL");
            if (token.isAnyWord("JOIN", "STRAIGHT_JOIN") && i + 1 < end) {
                Optional<String> derived = derivedTableName(tokens, i + 1, end);
                SchemaNames.Read name = derived.isPresent() ? null : SchemaNames.name(tokens, i + 1);
                if (derived.isEmpty() && name == null) {
                    return Optional.empty();
                }
                // A subquery's columns are not known: a name not qualified by the source may be one of them
                joined.add(derived.isPresent() ? Optional.empty() : before.table(name.text()).filter(Table::complete));
                if (!outer) {
                    inner.add(derived.orElseGet(() -> SchemaNames.unquoted(name.text())));
                }
            }
        }
        return start < 0 ? Optional.empty() : Optional.of(new SourceJoins(start, inner, joined));
    }

    /**
     * The alias of the subquery a join at {@code at} brings in ({@code JOIN (SELECT ..) AS firsts}, also PostgreSQL's
     * and MySQL's {@code JOIN LATERAL (..) x}), as written, or {@code "a subquery"} without one; empty when no
     * subquery stands there.
     */
    private static Optional<String> derivedTableName(List<Token> tokens, int at, int end) {
        int open = at < end && tokens.get(at).isWord("LATERAL") ? at + 1 : at;
        if (open >= end || !tokens.get(open).isSymbol("(")) {
            return Optional.empty();
        }
        int close = TopLevel.closingParenthesis(tokens, open);
        if (close < 0 || close >= end) {
            return Optional.empty();
        }
        int alias = close + 1 < end && tokens.get(close + 1).isWord("AS") ? close + 2 : close + 1;
        return Optional.of(alias < end && isName(tokens.get(alias)) && !tokens.get(alias).isAnyWord("ON", "USING")
                ? SchemaNames.unquoted(tokens.get(alias).text()) : "a subquery");
    }

    /**
     * The keys of the select items in {@code [from, to)} that are a column of {@code source} alone, aliased or not:
     * qualified by its name or {@code alias}, or unqualified when no joined table has a column of that name.
     */
    Set<String> sourceColumnsAsTheyAre(List<Token> tokens, int from, int to, Table source, Set<String> sourceNames) {
        Set<String> read = new HashSet<>();
        for (List<Token> item : ObjectNames.splitAtCommas(tokens, from, to)) {
            int end = item.size() >= 3 && item.get(item.size() - 2).isWord("AS") ? item.size() - 2 : item.size();
            end = end == 2 && isName(item.get(1)) || end == 4 && isName(item.get(3)) ? end - 1 : end;
            if (end == 1 && isName(item.get(0))) {
                String column = item.get(0).text();
                if (source.column(column).isPresent() && joined.stream().allMatch(table -> table.isPresent()
                        && table.get().column(column).isEmpty())) {
                    read.add(SchemaNames.key(column));
                }
            } else if (end == 3 && isName(item.get(0)) && item.get(1).isSymbol(".") && isName(item.get(2))
                    && sourceNames.contains(SchemaNames.key(item.get(0).text()))) {
                read.add(SchemaNames.key(item.get(2).text()));
            }
        }
        return read;
    }

    /** The source's name and its alias, if one follows it ({@code ticket t}, {@code ticket AS t}), as keys. */
    Set<String> sourceNames(List<Token> tokens, SchemaNames.Read source) {
        Set<String> names = new HashSet<>(Set.of(SchemaNames.key(source.text())));
        int at = source.next() < start && tokens.get(source.next()).isWord("AS") ? source.next() + 1 : source.next();
        if (at < start && isName(tokens.get(at))) {
            names.add(SchemaNames.key(tokens.get(at).text()));
        }
        return names;
    }

    private static boolean isName(Token token) {
        return token.type() == TokenType.WORD || token.type() == TokenType.QUOTED_NAME;
    }
}
