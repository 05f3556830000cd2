package io.github.sqlguard.schema;

import io.github.sqlguard.model.Dialect;
import java.util.Optional;
import java.util.Set;

/**
 * Records, for one history, each statement that gives a column a type, with what judging the change needs: the type
 * before as far as the replay is certain of it (a table two histories defined keeps a type only where every
 * definition agrees or the change keeps every value of each; the tools' own tables have the columns the tool gives
 * them), why it is unknown otherwise, and whether a domain now refuses values the old type held.
 */
final class TypeChangeRecorder {

    private final MixedDefinitions mixed;
    private final PostgresDomains domains;
    private final UnknownTypeReasons reasons;
    private final StatementLog log;
    /** The names of Flyway's history table, whose column types Flyway decides. */
    private final FlywayHistoryTable flywayHistory;
    /** The dialect of the ALTER TABLE being replayed, which decides the types Liquibase gives its own table. */
    private Dialect alteredIn = Dialect.AUTO;

    TypeChangeRecorder(MixedDefinitions mixed, PostgresDomains domains, UnknownTypeReasons reasons, StatementLog log,
            FlywayHistoryTable flywayHistory) {
        this.mixed = mixed;
        this.domains = domains;
        this.reasons = reasons;
        this.log = log;
        this.flywayHistory = flywayHistory;
    }

    /** Notes the dialect of the ALTER TABLE about to be replayed. */
    void alteredIn(Dialect dialect) {
        alteredIn = dialect;
    }

    /**
     * Records that the statement at {@code position} gives a column a type, with the values of both enum types when
     * known and what it does to a generated column.
     *
     * @param tableComplete whether the replay knows every column of {@code table}
     */
    void retyped(int position, boolean tableComplete, String table, String column, Optional<SqlType> from,
            Optional<SqlType> to, Optional<EnumValueLists> enumValues, ColumnRetype.Generation generation) {
        Optional<SqlType> before = mixed.typeCertain(table, column) || keptFromEveryDefinition(table, column, from, to)
                ? from : Optional.empty();
        if (before.isEmpty() && !tableComplete) {
            // The tools' own tables, which no migration creates, have the columns the tool gives them.
            before = LiquibaseTrackingTable.typeOf(table, column, alteredIn)
                    .or(() -> flywayHistory.typeOf(table, column, alteredIn));
        }
        String unknown = before.isPresent() ? "" : reasons.whyTypeUnknown(table, column);
        // A domain converts as its base type does; only its constraints may refuse a value the old type held.
        boolean newlyRefusing = to.isPresent() && domains.refusesValues(to.get())
                && !(before.isPresent() && SchemaView.typeKey(before.get().written())
                        .equals(SchemaView.typeKey(to.get().written())));
        log.retyped(position, new ColumnRetype(table, column,
                before.map(domains::stored), to.map(domains::stored), unknown, "", Set.of(),
                before.isPresent() ? enumValues : Optional.empty(), newlyRefusing, generation));
        if (to.isPresent()) {
            mixed.typeStated(table, column);
        }
    }

    /**
     * True when {@code column} of a table two histories defined has a known type in each definition, and the change
     * to {@code to} keeps every value of each: whichever definition ran, nothing is lost.
     */
    private boolean keptFromEveryDefinition(String table, String column, Optional<SqlType> from,
            Optional<SqlType> to) {
        if (from.isEmpty() || to.isEmpty()) {
            return false;
        }
        return mixed.asOtherDefinitionsGaveIt(table, column).filter(others -> others.stream()
                .allMatch(other -> other.type().isPresent() && TypeChange.of(domains.stored(other.type().get()),
                        domains.stored(to.get()), alteredIn, Set.of()).lossless())
                && TypeChange.of(domains.stored(from.get()), domains.stored(to.get()), alteredIn, Set.of()).lossless())
                .isPresent();
    }
}
