package io.github.sqlguard.analysis;

import io.github.sqlguard.sql.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * The attributes an {@code ALTER TYPE t DROP ATTRIBUTE a CASCADE} drops from an object or composite type together
 * with their values in the tables that store the type. Oracle propagates the change to every dependent table
 * with {@code CASCADE} (its default {@code INCLUDING TABLE DATA} converts the rows at once; {@code NOT INCLUDING TABLE
 * DATA} leaves them for a later upgrade, so it is not read here), written once after the last clause
 * ({@code DROP ATTRIBUTE (a, b) CASCADE}); PostgreSQL writes it per clause and drops the column of every typed table
 * ({@code CREATE TABLE t OF type}). Without {@code CASCADE} both refuse the change while a table depends on the type.
 *
 * @param type the altered type as written
 * @param attributes the dropped attributes as written, in order
 * @param at the clause's {@code DROP}
 * @param cascade the {@code CASCADE} word that extends the drop to the tables
 */
record DroppedTypeAttributes(String type, List<String> attributes, Token at, Token cascade) {

    /** The attributes {@code core}, an {@code ALTER TYPE} statement, drops with CASCADE, one entry per clause. */
    static List<DroppedTypeAttributes> of(List<Token> core) {
        if (core.size() < 6 || !core.get(0).isWord("ALTER") || !core.get(1).isWord("TYPE")) {
            return List.of();
        }
        ObjectNames.NameAt type = ObjectNames.readName(core, 2);
        if (type == null) {
            return List.of();
        }
        List<List<Token>> clauses = ObjectNames.splitAtCommas(core, type.next(), core.size());
        Token statementCascade = clauses.isEmpty() ? null : cascadeOf(clauses.get(clauses.size() - 1));
        List<DroppedTypeAttributes> dropped = new ArrayList<>();
        for (List<Token> clause : clauses) {
            if (clause.size() < 3 || !clause.get(0).isWord("DROP") || !clause.get(1).isWord("ATTRIBUTE")) {
                continue;
            }
            // PostgreSQL's RESTRICT on the clause refuses it while a typed table exists, whatever later clauses say.
            boolean restricted = clause.stream().anyMatch(token -> token.isWord("RESTRICT"));
            Token cascade = restricted ? null : cascadeOf(clause) != null ? cascadeOf(clause) : statementCascade;
            List<String> attributes = attributesOf(clause);
            if (cascade != null && !attributes.isEmpty()) {
                dropped.add(new DroppedTypeAttributes(type.text(), attributes, clause.get(0), cascade));
            }
        }
        return dropped;
    }

    /** The clause's CASCADE word, unless {@code NOT INCLUDING TABLE DATA} keeps the rows as they are for now. */
    private static Token cascadeOf(List<Token> clause) {
        for (int i = 0; i < clause.size(); i++) {
            if (clause.get(i).isWord("CASCADE")) {
                boolean keepsRows = i + 2 < clause.size() && clause.get(i + 1).isWord("NOT")
                        && clause.get(i + 2).isWord("INCLUDING");
                return keepsRows ? null : clause.get(i);
            }
        }
        return null;
    }

    /** {@code DROP ATTRIBUTE [IF EXISTS] a} or Oracle's {@code DROP ATTRIBUTE (a, b)}. */
    private static List<String> attributesOf(List<Token> clause) {
        int i = 2;
        if (i + 1 < clause.size() && clause.get(i).isWord("IF") && clause.get(i + 1).isWord("EXISTS")) {
            i += 2;
        }
        if (i < clause.size() && clause.get(i).isSymbol("(")) {
            int close = ObjectNames.skipParentheses(clause, i) - 1;
            List<String> names = new ArrayList<>();
            for (List<Token> part : ObjectNames.splitAtCommas(clause, i + 1, close)) {
                ObjectNames.NameAt name = ObjectNames.readName(part, 0);
                if (name != null) {
                    names.add(name.text());
                }
            }
            return names;
        }
        ObjectNames.NameAt name = ObjectNames.readName(clause, i);
        return name == null ? List.of() : List.of(name.text());
    }
}
