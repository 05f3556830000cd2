package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.ObjectNames;
import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TopLevel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A DELETE or UPDATE joined to one query of its WITH list or one derived table, on equalities of target and query
 * columns only, where that query reads one table without a filter: PostgreSQL's {@code WITH s AS (SELECT id FROM t)
 * DELETE FROM t USING s WHERE s.id = t.id} and {@code UPDATE t SET .. FROM (SELECT id FROM u) s WHERE s.id = t.id},
 * MySQL's {@code DELETE t FROM t JOIN (SELECT id FROM u) s ON s.id = t.id} (or {@code DELETE FROM t USING t JOIN ..}).
 * Such a statement is {@code DELETE FROM t WHERE id IN (SELECT id FROM u)} written as a join, and is judged as that
 * one is. A join to a table itself is left to the key links of the statement's join; an UPDATE whose SET reads the
 * joined query copies its values, a backfill, unless the query reads the target itself and gives each row its own
 * values back ({@code UPDATE t SET name = upper(s.name) FROM (SELECT id, name FROM t) s WHERE s.id = t.id}), which
 * rewrites every row as {@code UPDATE t SET name = upper(name)} does.
 *
 * @param verb DELETE or UPDATE
 * @param target the target table as written
 * @param source the table the query reads, the target's columns the join ties to it and its columns they are tied
 *     to (null for one the query does not select as a plain column)
 * @param setReadsQuery true when an UPDATE's SET may read the joined query's columns
 */
record JoinedQuerySource(String verb, String target, WhereJudgement.RelatedRow source, boolean setReadsQuery) {

    /** The statement of {@code tokens} when it is of that shape, else empty. */
    static Optional<JoinedQuerySource> of(List<Token> tokens) {
        return of(tokens, table -> Optional.empty());
    }

    /**
     * As {@link #of(List)}, where a table {@code filled} gives a query for ({@link RowFilter}: a scratch table the
     * script filled with every row of one) is joined as that query would be.
     */
    static Optional<JoinedQuerySource> of(List<Token> tokens, Function<String, Optional<WithQueries.Named>> filled) {
        int end = tokens.size();
        while (end > 0 && tokens.get(end - 1).isSymbol(";")) {
            end--;
        }
        List<Token> statement = tokens.subList(0, end);
        return WithQueries.read(statement).flatMap(with -> read(statement, with, filled));
    }

    private static Optional<JoinedQuerySource> read(List<Token> tokens, WithQueries with,
            Function<String, Optional<WithQueries.Named>> filled) {
        int i = with.end();
        if (i + 4 >= tokens.size() || !tokens.get(i).isAnyWord("DELETE", "UPDATE")) {
            return Optional.empty();
        }
        String verb = tokens.get(i).upper();
        i++;
        String listedTarget = null;
        if (verb.equals("DELETE") && !tokens.get(i).isWord("FROM")) {
            // MySQL: DELETE a FROM t a JOIN s ON .. names the target before its FROM.
            SchemaNames.Read listed = SchemaNames.name(tokens, i);
            if (listed == null || listed.next() >= tokens.size() || !tokens.get(listed.next()).isWord("FROM")) {
                return Optional.empty();
            }
            listedTarget = SchemaNames.key(SchemaNames.lastPart(listed.text()));
            i = listed.next();
        } else if (verb.equals("DELETE")) {
            // MySQL: DELETE FROM a USING t a JOIN s ON .. names the target before a USING list that joins.
            SchemaNames.Read listed = SchemaNames.name(tokens, i + 1);
            if (listed != null && listed.next() < tokens.size() && tokens.get(listed.next()).isWord("USING")
                    && TopLevel.wordIndex(tokens, listed.next(), "JOIN") > 0) {
                listedTarget = SchemaNames.key(SchemaNames.lastPart(listed.text()));
                i = listed.next();
            }
        }
        i = verb.equals("DELETE") ? i + 1 : i;
        i = i < tokens.size() && tokens.get(i).isWord("ONLY") ? i + 1 : i;
        SchemaNames.Read target = SchemaNames.name(tokens, i);
        if (target == null) {
            return Optional.empty();
        }
        String joinWord = listedTarget != null ? "JOIN" : verb.equals("DELETE") ? "USING" : "SET";
        boolean inner = target.next() < tokens.size() && tokens.get(target.next()).isWord("INNER");
        MergeMatchedSource.Alias targetAlias = MergeMatchedSource.alias(tokens, target.next(),
                SchemaNames.lastPart(target.text()), inner ? "INNER" : joinWord);
        i = targetAlias.next();
        if (listedTarget != null) {
            if (!listedTarget.equals(targetAlias.key())) {
                return Optional.empty();
            }
            i = i < tokens.size() && tokens.get(i).isWord("INNER") ? i + 1 : i;
        }
        int set = -1;
        if (verb.equals("UPDATE")) {
            set = i;
            i = TopLevel.wordIndex(tokens, i, "FROM");
            if (set >= tokens.size() || !tokens.get(set).isWord("SET") || i < 0) {
                return Optional.empty();
            }
        }
        if (i + 1 >= tokens.size() || !tokens.get(i).isWord(joinWord.equals("SET") ? "FROM" : joinWord)) {
            return Optional.empty();
        }
        List<Token> query;
        Optional<WithQueries.Named> named = Optional.empty();
        String queryName = "";
        if (tokens.get(i + 1).isSymbol("(")) {
            int close = ObjectNames.skipParentheses(tokens, i + 1);
            query = ObjectNames.insideParentheses(tokens, i + 1);
            i = close;
        } else {
            SchemaNames.Read name = SchemaNames.name(tokens, i + 1);
            named = name == null ? Optional.empty() : with.named(name.text(), with.queries().size());
            if (named.isEmpty() && name != null) {
                named = filled.apply(name.text());
                if (named.isPresent()) {
                    List<WithQueries.Named> queries = new ArrayList<>(with.queries());
                    queries.add(named.get());
                    with = new WithQueries(List.copyOf(queries), with.end());
                }
            }
            if (named.isEmpty()) {
                return Optional.empty(); // a table: its join is judged by the statement's key links
            }
            query = tokens.subList(i + 1, name.next());
            queryName = SchemaNames.lastPart(name.text());
            i = name.next();
        }
        String conditionWord = listedTarget != null ? "ON" : "WHERE";
        MergeMatchedSource.Alias queryAlias = MergeMatchedSource.alias(tokens, i, queryName, conditionWord);
        i = queryAlias.next();
        if (i + 1 >= tokens.size() || !tokens.get(i).isWord(conditionWord) || queryAlias.key().isEmpty()) {
            return Optional.empty();
        }
        int conditionEnd = TopLevel.wordIndex(tokens, i + 1, "RETURNING");
        List<Token> condition = tokens.subList(i + 1, conditionEnd < 0 ? tokens.size() : conditionEnd);
        List<Token> queryText = named.map(WithQueries.Named::body).orElse(query);
        boolean setReadsQuery = set >= 0 && readsQuery(tokens.subList(set + 1, TopLevel.wordIndex(tokens, set,
                "FROM")), queryAlias.key(), queryText, named.map(WithQueries.Named::columns).orElse(List.of()));
        List<String> targetColumns = new ArrayList<>();
        List<String> queryColumns = new ArrayList<>();
        for (List<Token> term : WhereJudgement.split(WhereJudgement.unwrapped(condition), "AND")) {
            if (!MergeMatchedSource.pair(WhereJudgement.unwrapped(term), targetAlias.key(), queryAlias.key(),
                    targetColumns, queryColumns)) {
                return Optional.empty();
            }
        }
        List<String> outputs = named.map(WithQueries.Named::columns).orElse(List.of());
        // A query that names its outputs (WITH s (id) AS ..) is read by those names.
        return WhereJudgement.unfilteredSource(query, with).map(read -> new JoinedQuerySource(verb,
                SchemaNames.unquoted(target.text()), new WhereJudgement.RelatedRow(read.table(), false, targetColumns,
                        outputs.isEmpty() ? MergeMatchedSource.related(queryColumns, read.relatedColumns())
                                : WhereJudgement.mapped(queryColumns, outputs, read.relatedColumns())),
                setReadsQuery));
    }

    /**
     * True when an UPDATE's SET may read a column of the joined query: {@code SET price = s.price}, or a value naming,
     * unqualified, a name the query's text or its CTE's column list holds ({@code SET price = total}), which may be
     * the query's column. Copying the query's values is a backfill, whichever rows it reaches.
     */
    private static boolean readsQuery(List<Token> assignments, String alias, List<Token> query,
            List<String> columns) {
        Set<String> queryNames = new HashSet<>(columns);
        query.stream().filter(SchemaNames::isNamePart).forEach(token -> queryNames.add(SchemaNames.key(token.text())));
        for (int i = 0; i < assignments.size(); i++) {
            Token token = assignments.get(i);
            boolean next = i + 1 < assignments.size();
            if (!SchemaNames.isNamePart(token) || next && assignments.get(i + 1).isSymbol("=")) {
                continue; // not a name, or the column assigned
            }
            boolean qualifier = next && assignments.get(i + 1).isSymbol(".");
            if (qualifier ? SchemaNames.key(token.text()).equals(alias)
                    : queryNames.contains(SchemaNames.key(token.text()))) {
                return true;
            }
        }
        return false;
    }
}
