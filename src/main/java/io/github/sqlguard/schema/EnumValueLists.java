package io.github.sqlguard.schema;

import java.util.List;

/**
 * The values of the PostgreSQL enum types a column is converted between, when the replay saw both created
 * ({@code CREATE TYPE .. AS ENUM}) and the conversion only casts the column: each value as written between the
 * quotes, in order. A conversion to a text type counts as one to an enum of the values whose labels it holds.
 *
 * @param from the values of the old type
 * @param to the values of the new type; for a text type, the old values whose labels fit it
 */
public record EnumValueLists(List<String> from, List<String> to) {

    public EnumValueLists {
        from = List.copyOf(from);
        to = List.copyOf(to);
    }
}
