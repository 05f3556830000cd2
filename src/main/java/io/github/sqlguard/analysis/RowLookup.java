package io.github.sqlguard.analysis;

import java.util.Optional;

/**
 * A column an UPDATE's SET fills with a subquery of each row ({@link RowLookups}), with how the subquery finds the
 * row's match when its WHERE is one equality of a column of the row and a column of the table it reads
 * ({@code (SELECT t.created_on FROM team t WHERE t.team_id = m.team_id)}): where a NOT NULL foreign key of that
 * column references the one it is compared with, every row finds its match and none gets NULL.
 *
 * @param column the column filled, as written without its qualifier
 * @param link the equality that ties the row to the table the subquery reads, when that is all its WHERE says
 */
public record RowLookup(String column, Optional<KeyLink> link) {
}
