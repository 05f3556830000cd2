package io.github.sqlguard.rules;

import io.github.sqlguard.schema.SchemaFacts;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/** Facts that earlier statements of one file establish for later ones. */
public final class ScriptState {

    private final Set<String> tablesCreatedInScript = new HashSet<>();
    private Object lastStatement;
    private final Map<Object, Object> sharedForLastStatement = new HashMap<>();
    private SchemaFacts schemaFacts = SchemaFacts.UNKNOWN;

    /** What the schema replay knows for the statement the rules look at now. */
    public void schemaFacts(SchemaFacts facts) {
        this.schemaFacts = facts;
    }

    public SchemaFacts schemaFacts() {
        return schemaFacts;
    }

    /** Records a table created by this script (names compared case-insensitively, unquoted). */
    public void tableCreated(String name) {
        tablesCreatedInScript.add(normalize(name));
    }

    public boolean wasCreatedInScript(String name) {
        return tablesCreatedInScript.contains(normalize(name));
    }

    /**
     * The value {@code compute} gives for {@code statement}, computed once per {@code kind} while the rules look
     * at the same statement one after the other: every data-loss rule needs the same split of the statement's
     * tokens, every row-level rule the same DELETEs and UPDATEs.
     */
    @SuppressWarnings("unchecked")
    <T> T sharedByRules(Object statement, Object kind, Supplier<T> compute) {
        if (statement != lastStatement) {
            sharedForLastStatement.clear();
            lastStatement = statement;
        }
        return (T) sharedForLastStatement.computeIfAbsent(kind, k -> compute.get());
    }

    /** Lower case, without quotes or brackets, so {@code "Orders"}, {@code [orders]} and ORDERS match. */
    public static String normalize(String name) {
        StringBuilder plain = new StringBuilder();
        for (char c : name.toCharArray()) {
            if (c != '"' && c != '`' && c != '[' && c != ']') {
                plain.append(c);
            }
        }
        return plain.toString().toLowerCase(Locale.ROOT);
    }
}
