package io.github.sqlguard.schema;

import java.util.List;

/**
 * What the replay knows for one statement: the schema just before it, and the column types it changes.
 *
 * @param before the schema before the statement ({@link SchemaView#UNKNOWN} when not replayed)
 * @param retypes the columns the statement gives a type, in statement order
 */
public record SchemaFacts(SchemaView before, List<ColumnRetype> retypes) {

    /** Nothing known: rules judge as they do without a schema. */
    public static final SchemaFacts UNKNOWN = new SchemaFacts(SchemaView.UNKNOWN, List.of());

    public SchemaFacts {
        retypes = List.copyOf(retypes);
    }
}
