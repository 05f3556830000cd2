package io.github.sqlguard.schema;

import java.util.List;
import java.util.Map;

/**
 * The values of the PostgreSQL enum types a column is converted between, when the replay saw both created
 * ({@code CREATE TYPE .. AS ENUM}) and the conversion casts the column, mapping some values first or none
 * ({@link EnumCaseMapping}): each value as written between the quotes, in order. A conversion to a text type counts
 * as one to an enum of the values whose labels it holds.
 *
 * @param from the values of the old type
 * @param to the values of the new type; for a text type, the old values whose labels fit it
 * @param mapped the old values the conversion maps, to the value each becomes; the others are cast as they are
 */
public record EnumValueLists(List<String> from, List<String> to, Map<String, String> mapped) {

    public EnumValueLists {
        from = List.copyOf(from);
        to = List.copyOf(to);
        mapped = Map.copyOf(mapped);
    }

    /** The values of a conversion that only casts. */
    public EnumValueLists(List<String> from, List<String> to) {
        this(from, to, Map.of());
    }
}
