package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.ClauseKind;
import io.github.sqlguard.analysis.DestructiveClause;
import io.github.sqlguard.analysis.ObjectNames;
import io.github.sqlguard.analysis.StatementModel;
import io.github.sqlguard.analysis.TableNamespace;
import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.source.FlywayVersion;
import io.github.sqlguard.sql.StandIns;
import java.util.List;
import java.util.Optional;

/**
 * A {@code DROP TABLE} in a migration that Flyway runs only on an empty schema, of a table in that schema which no
 * earlier statement of the script created: the {@code DROP TABLE IF EXISTS} before each {@code CREATE TABLE} of a
 * schema dumped into {@code V1__init.sql}. Flyway refuses to migrate a schema that holds tables but no history, or
 * baselines it at {@code baselineVersion} and runs only the scripts above that version; so the first script, up
 * to that version, finds no table to drop. A table named in another schema or database may hold rows all the same.
 */
public final class EmptySchemaDrops {

    private EmptySchemaDrops() {
    }

    /**
     * What sqlguard knows of the first migration of every history that replays it: whether Flyway runs it only on an
     * empty schema, and why it does or may not.
     *
     * @param emptySchema true when Flyway runs it only on an empty schema
     * @param reason why it does, or why a schema that holds tables may run it all the same
     */
    public record Opening(boolean emptySchema, String reason) {
    }

    /**
     * The guard of the statement {@code models[index]} of a script that runs only on an empty schema, which
     * {@code opening} says why (null for any other script), when every table it drops lies in the schema the run
     * starts in ({@code start}) and no earlier statement of the script created a table of its name or renamed one to
     * it.
     */
    public static Optional<Guard> guardOf(List<StatementModel> models, List<TableNamespace.Names> names, int index,
            TableNamespace.Names start, Opening opening) {
        return opening != null && opening.emptySchema() && dropsOnlyTablesOfStart(models, names, index, start)
                ? Optional.of(new Guard(Guard.Kind.TABLE_GONE, opening.reason())) : Optional.empty();
    }

    /**
     * For such a drop in the first migration of its history that Flyway may run on a schema holding
     * tables, as its version lies above the baseline version, the note that says so: a reader expects the drops of a
     * dumped schema to find nothing, and the setting that would make it so is the baseline version.
     */
    public static Optional<Guard> noteOf(List<StatementModel> models, List<TableNamespace.Names> names, int index,
            TableNamespace.Names start, Opening opening) {
        return opening != null && !opening.emptySchema() && dropsOnlyTablesOfStart(models, names, index, start)
                ? Optional.of(new Guard(Guard.Kind.FIRST_MIGRATION_ABOVE_BASELINE, opening.reason()))
                : Optional.empty();
    }

    private static boolean dropsOnlyTablesOfStart(List<StatementModel> models, List<TableNamespace.Names> names,
            int index, TableNamespace.Names start) {
        StatementModel drop = models.get(index);
        Optional<List<DestructiveClause>> drops = TableDrops.of(drop);
        if (drops.isEmpty() || !drop.statement().context().runScope().isEmpty()) {
            return false;
        }
        Dialect dialect = drop.statement().dialect();
        for (DestructiveClause clause : drops.get()) {
            // A name built at run time may name a table of any schema, or one the script created before.
            if (clause.table() == null || StandIns.inName(clause.table())
                    || !inStartSchema(clause.table(), names.get(index), start, dialect)
                    || namedEarlier(models, index, SchemaNames.key(clause.table()))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether Flyway runs the first migration of a history, at {@code place}, only on an empty schema, and why: a
     * baseline migration always does, a versioned one up to {@code baselineVersion}; one above it runs on a schema
     * Flyway baselined. Empty when the settings give no version sqlguard can read: then no versioned one is known to.
     */
    static Optional<Opening> reason(MigrationOrder.Place place, Optional<FlywayVersion> baselineVersion) {
        if (place.baseline()) {
            return Optional.of(new Opening(true, "a baseline migration runs only on an empty schema"));
        }
        if (place.version() == null || baselineVersion.isEmpty()) {
            return Optional.empty();
        }
        if (place.version().compareTo(baselineVersion.get()) > 0) {
            return Optional.of(new Opening(false, "the first migration, but its version " + place.version()
                    + " is above Flyway's baselineVersion " + baselineVersion.get() + ": a schema that holds tables"
                    + " is baselined at " + baselineVersion.get() + " and then runs it; where the deploy baselines at "
                    + place.version() + " or above, or never baselines, set baselineVersion to " + place.version()));
        }
        return Optional.of(new Opening(true, "the first migration runs only on an empty schema: Flyway baselines a"
                + " schema that holds tables at version " + baselineVersion.get() + " instead of running the scripts"
                + " up to it"));
    }

    /**
     * True when {@code written}, named where {@code here} says, is a table of the schema the run starts in: a name
     * without a qualifier, or one the database resolves to that schema ({@code public.t} in PostgreSQL, {@code
     * [dbo].[t]} in SQL Server, where the settings name no other). MySQL's qualifier is a database, so there only
     * the one the settings name counts.
     */
    private static boolean inStartSchema(String written, TableNamespace.Names here, TableNamespace.Names start,
            Dialect dialect) {
        if (!here.resolve(written, dialect).equals(start.resolve(ObjectNames.lastPart(written), dialect))) {
            return false;
        }
        String qualifier = ObjectNames.qualifier(written);
        return qualifier.isEmpty() || !dialect.isMySqlFamily() && dialect != Dialect.AUTO
                || !start.database().isEmpty() && ObjectNames.normalize(qualifier).equals(start.database());
    }

    private static boolean namedEarlier(List<StatementModel> models, int index, String name) {
        for (int i = 0; i < index; i++) {
            StatementModel earlier = models.get(i);
            if (earlier.createdTables().stream().anyMatch(created -> SchemaNames.key(created).equals(name))) {
                return true;
            }
            for (DestructiveClause clause : earlier.clauses()) {
                if (clause.kind() == ClauseKind.RENAMED_TABLE && clause.detail() != null
                        && SchemaNames.key(clause.detail()).equals(name)) {
                    return true;
                }
            }
        }
        return false;
    }
}
