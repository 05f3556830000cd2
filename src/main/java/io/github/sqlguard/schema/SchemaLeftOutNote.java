package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.ObjectNames;
import io.github.sqlguard.analysis.TableNamespace;
import io.github.sqlguard.model.Dialect;
import java.util.Arrays;
import java.util.Optional;

/**
 * Says on a finding that a guard did not hold only because the statement names its table with a schema and the
 * script named it without one before (or the other way round), while no default schema is configured: sqlguard then
 * takes {@code referencedata.ftap} and {@code ftap} as two tables, which they are unless Flyway runs the script in
 * {@code referencedata}. The note names the setting that makes them one.
 */
final class SchemaLeftOutNote {

    private SchemaLeftOutNote() {
    }

    /**
     * The note for {@code written}, which resolves with {@code names} to another table than {@code kept} (the
     * table the facts of its name are about, null for none), when one of the two is in the default schema and the
     * other in a named one; empty otherwise, and where a configured default schema would change nothing (a switch of
     * schema earlier in the run, SQL Server, the auto dialect).
     */
    static Optional<String> of(String kept, TableNamespace.Names names, String written, Dialect dialect,
            String unit, String guarded) {
        if (kept == null || !names.equals(TableNamespace.Names.DEFAULT)
                || TableNamespace.startOf("s", dialect).equals(TableNamespace.Names.DEFAULT)) {
            return Optional.empty();
        }
        String now = names.resolve(written, dialect);
        if (kept.equals(now) || inDefaultNamespace(kept) == inDefaultNamespace(now) || !namedPlainly(kept)
                || !namedPlainly(now)) {
            return Optional.empty();
        }
        String qualified = writtenAs(inDefaultNamespace(kept) ? now : kept);
        return Optional.of(writtenAs(now) + " is taken as another table than " + writtenAs(kept) + " named earlier in "
                + unit + ", so this does not hold of it: " + guarded + "; if Flyway runs the script in "
                + ObjectNames.qualifier(qualified) + ", configure that default schema (defaultSchema, "
                + "flyway.defaultSchema or spring.flyway.default-schema) to make them one table");
    }

    /** True for a resolved name ({@code database/schema/table}) in the run's default database and schema. */
    private static boolean inDefaultNamespace(String resolved) {
        return resolved.startsWith("//");
    }

    /** True for a resolved name of three parts none of which is a database or schema the replay does not know. */
    private static boolean namedPlainly(String resolved) {
        String[] parts = resolved.split("/", -1);
        return parts.length == 3 && !parts[0].startsWith("?") && !parts[1].startsWith("?");
    }

    /** A resolved name as a script writes it: {@code ftap}, {@code referencedata.ftap}. */
    private static String writtenAs(String resolved) {
        return String.join(".", Arrays.stream(resolved.split("/")).filter(part -> !part.isEmpty()).toList());
    }
}
