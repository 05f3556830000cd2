package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.KeyLink;
import io.github.sqlguard.analysis.NaturalJoin;
import io.github.sqlguard.analysis.RowChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether the NATURAL joins of a DELETE or UPDATE limit its targets, as the replay knows the joined tables: a NATURAL
 * JOIN matches on the columns its sides share, so it is {@code JOIN .. USING (shared columns)} where the target
 * shares at least one with the other side, and a cross join, pairing every row with every other, where it shares
 * none. Where a table of the join is one the replay does not know, which columns match cannot be told.
 */
public final class NaturalJoinMatch {

    private NaturalJoinMatch() {
    }

    /**
     * Why the NATURAL joins of {@code change}, when they are all that limits its targets, limit none of some target's
     * rows, as the start of a message ({@code "joined by a NATURAL JOIN to t, with which u shares no column (a cross
     * join), and "}); empty when each target shares a column with the other side of one of its NATURAL joins.
     */
    public static Optional<String> unlimitedNote(RowChange change, SchemaView before) {
        if (!change.restrictedByJoin() || change.naturalJoins().isEmpty()) {
            return Optional.empty();
        }
        for (String target : change.tables()) {
            Optional<String> note = unlimitedNote(target, change.naturalJoins(), before);
            if (note.isPresent()) {
                return note;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> unlimitedNote(String target, List<NaturalJoin> joins, SchemaView before) {
        String unknown = null;
        String sharingNone = null;
        for (NaturalJoin join : joins) {
            List<String> others = join.otherSideOf(target);
            if (others.isEmpty()) {
                continue;
            }
            Optional<Set<String>> targetColumns = columns(target, before);
            if (targetColumns.isEmpty()) {
                unknown = unknown != null ? unknown : target;
                continue;
            }
            String unknownOther = null;
            boolean shares = false;
            for (String other : others) {
                Optional<Set<String>> columns = columns(other, before);
                if (columns.isEmpty()) {
                    unknownOther = unknownOther != null ? unknownOther : other;
                } else {
                    shares |= columns.get().stream().anyMatch(targetColumns.get()::contains);
                }
            }
            if (shares) {
                return Optional.empty(); // JOIN .. USING (the shared columns)
            }
            if (unknownOther != null) {
                unknown = unknown != null ? unknown : unknownOther;
            } else if (sharingNone == null) {
                sharingNone = String.join(", ", others);
            }
        }
        if (unknown != null) {
            return Optional.of("joined by a NATURAL JOIN, which matches on the columns its sides share, while the"
                    + " replay does not know the columns of " + SchemaNames.unquoted(unknown)
                    + " (no migration before this one creates it), so if they share none it is a cross join, and ");
        }
        return sharingNone == null ? Optional.empty()
                : Optional.of("joined by a NATURAL JOIN to " + sharingNone + ", with which " + target
                        + " shares no column (so it is a cross join), and ");
    }

    /**
     * The key links of a DELETE's NATURAL join of two tables, read as {@code JOIN .. USING (shared columns)}: each
     * target tied to the other table on the columns the two share ({@code DELETE p FROM players p NATURAL JOIN
     * team_stats} ties players.team_id to team_stats.team_id). Empty for an UPDATE, whose SET may copy the joined
     * row's values, for a join among more tables, or where the replay does not know both.
     */
    public static List<KeyLink> keyLinks(RowChange change, SchemaView before) {
        if (!change.verb().equals("DELETE") || change.naturalJoins().size() != 1) {
            return List.of();
        }
        NaturalJoin join = change.naturalJoins().get(0);
        if (!join.alone() || join.left().size() != 1 || join.right().size() != 1) {
            return List.of();
        }
        List<KeyLink> links = new ArrayList<>();
        for (String target : change.tables()) {
            List<String> others = join.otherSideOf(target);
            Optional<Table> table = before.table(target).filter(Table::complete);
            Optional<Table> other = others.isEmpty() ? Optional.empty()
                    : before.table(others.get(0)).filter(Table::complete);
            if (table.isEmpty() || other.isEmpty()) {
                return List.of();
            }
            List<String> shared = table.get().columns().values().stream().map(Column::name)
                    .filter(column -> other.get().column(column).isPresent()).toList();
            if (shared.isEmpty()) {
                return List.of();
            }
            links.add(new KeyLink(target, shared, others.get(0), shared));
        }
        return links;
    }

    /** The column keys of {@code table}, when the replay created it and so knows them all. */
    private static Optional<Set<String>> columns(String table, SchemaView before) {
        return before.table(table).filter(Table::complete).map(known -> {
            Set<String> keys = new TreeSet<>();
            known.columns().values().forEach(column -> keys.add(SchemaNames.key(column.name())));
            return keys;
        });
    }
}
