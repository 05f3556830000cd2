package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.ClauseKind;
import io.github.sqlguard.analysis.ColumnNamesReadAlike;
import io.github.sqlguard.analysis.DestructiveClause;
import io.github.sqlguard.analysis.StatementModel;
import io.github.sqlguard.analysis.TableNamespace;
import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Location;
import io.github.sqlguard.sql.DatabaseScope;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rename away from a name that an earlier rename of the same script run gave: {@code ALTER TABLE t RENAME TO
 * t_lc; ALTER TABLE t_lc RENAME TO T}, the step through a free name that a change of case or a swap needs. No code
 * that runs yet uses that intermediate name, so the second rename breaks nothing; what breaks code is the first,
 * which is judged on its own. The same holds for a column: {@code RENAME COLUMN c TO c_tmp; RENAME COLUMN c_tmp TO
 * C}, the two steps a change of case takes where a rename to the same name folded is refused or does nothing.
 * Where the database compares names so that code reads the final name as the first ({@code C} as {@code c} on
 * MySQL), the first rename breaks nothing either.
 */
public final class NameGivenInRun {

    private NameGivenInRun() {
    }

    /**
     * The guard of the statement {@code models[index]} when it renames one table whose name the last statement of
     * the same script run that gave or took that name gave it, by a rename that surely ran (top level, no branch,
     * no T-SQL {@code IF} before it).
     */
    public static Optional<Guard> guardOf(List<StatementModel> models, List<TableNamespace.Names> names, int index) {
        StatementModel rename = models.get(index);
        Optional<String> renamed = RecreatedName.soleRenamedTable(rename);
        if (renamed.isEmpty()) {
            return columnsGuardOf(models, index);
        }
        String name = SchemaNames.key(renamed.get());
        Dialect dialect = rename.statement().dialect();
        String renamedTable = names.get(index).resolve(renamed.get(), dialect);
        String scope = rename.statement().context().runScope();
        for (int i = index - 1; i >= 0; i--) {
            StatementModel earlier = models.get(i);
            if (!earlier.runsWithMigrationIn(scope)) {
                continue;
            }
            for (DestructiveClause clause : earlier.clauses()) {
                boolean gives = clause.kind() == ClauseKind.RENAMED_TABLE && clause.detail() != null
                        && SchemaNames.key(clause.detail()).equals(name);
                // A name given in another database or schema is another table's (fail closed)
                if (gives && !names.get(i).resolve(RecreatedName.newName(clause, dialect), dialect)
                        .equals(renamedTable)) {
                    return Optional.empty();
                }
                if (gives) {
                    if (!surelyRuns(earlier) || heldBefore(models, i, name, scope)) {
                        return Optional.empty();
                    }
                    return Optional.of(new Guard(Guard.Kind.TABLE_CREATED, "table " + renamed.get()
                            + " got its name from the rename at line " + earlier.start().line()
                            + ", so no code that runs yet uses it"));
                }
                if (clause.table() != null && SchemaNames.key(clause.table()).equals(name)) {
                    return Optional.empty(); // dropped or renamed away: what has the name now came otherwise
                }
            }
            if (earlier.createdTables().stream().anyMatch(table -> SchemaNames.key(table).equals(name))) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * The guard of the statement {@code models[index]} over the columns it renames whose names an earlier rename of
     * the same script run gave them, by a rename that surely ran; keyed by column, as a statement may rename several.
     */
    private static Optional<Guard> columnsGuardOf(List<StatementModel> models, int index) {
        StatementModel rename = models.get(index);
        if (!rename.placement().runsWithMigration()) {
            return Optional.empty();
        }
        String scope = rename.statement().context().runScope();
        Map<String, String> given = new LinkedHashMap<>();
        for (DestructiveClause clause : rename.clauses()) {
            if (clause.kind() == ClauseKind.RENAMED_COLUMN && clause.table() != null && clause.name() != null) {
                columnNamedAt(models, index, clause, scope).ifPresent(line -> given.putIfAbsent(
                        SchemaNames.key(clause.name()), "column " + SchemaNames.unquoted(clause.name())
                                + " got its name from the rename at line " + line
                                + ", so no code that runs yet uses it"));
                nameGivenBackAt(models, index, clause, scope).ifPresent(back -> given.putIfAbsent(
                        SchemaNames.key(clause.name()), givenBack(clause, back, rename)));
            }
        }
        return given.isEmpty() ? Optional.empty()
                : Optional.of(new Guard(Guard.Kind.COLUMN_NAME_GIVEN, given.values().iterator().next(), given));
    }

    /** The line of the rename of the same run that last gave the column {@code rename} renames its name. */
    private static Optional<Integer> columnNamedAt(List<StatementModel> models, int index, DestructiveClause rename,
            String scope) {
        String table = SchemaNames.key(rename.table());
        String column = SchemaNames.key(rename.name());
        DatabaseScope databases = models.get(index).statement().context().databases();
        for (int i = index - 1; i >= 0; i--) {
            StatementModel earlier = models.get(i);
            if (!runsAlongside(earlier, scope, databases)) {
                continue;
            }
            List<DestructiveClause> onTable = clausesOn(earlier, table);
            if (onTable == null) {
                return Optional.empty();
            }
            for (DestructiveClause clause : onTable) {
                if (clause.kind() == ClauseKind.RENAMED_COLUMN && clause.detail() != null
                        && SchemaNames.key(clause.detail()).equals(column)) {
                    return surelyRuns(earlier) && !columnHeldBefore(models, i, table, column, scope)
                            ? Optional.of(earlier.start().line()) : Optional.empty();
                }
                if (clause.name() != null && SchemaNames.key(clause.name()).equals(column)) {
                    return Optional.empty(); // dropped or renamed away: what has the name now came otherwise
                }
            }
        }
        return Optional.empty();
    }

    /**
     * False for a change written for other databases (a Liquibase change's rendition for them): it does not run
     * beside the statement whose databases are {@code databases}.
     */
    private static boolean runsAlongside(StatementModel model, String scope, DatabaseScope databases) {
        return model.runsWithMigrationIn(scope) && model.statement().context().databases().overlaps(databases);
    }

    /**
     * The clauses of {@code model} on the table whose key is {@code table}; null when it renames that table or
     * gives another table its name, after which a column of it is not followed.
     */
    private static List<DestructiveClause> clausesOn(StatementModel model, String table) {
        List<DestructiveClause> onTable = new ArrayList<>();
        for (DestructiveClause clause : model.clauses()) {
            if (clause.table() == null) {
                continue;
            }
            boolean sameTable = SchemaNames.key(clause.table()).equals(table);
            if (clause.kind() == ClauseKind.RENAMED_TABLE && (sameTable
                    || clause.detail() != null && SchemaNames.key(clause.detail()).equals(table))) {
                return null;
            }
            if (sameTable) {
                onTable.add(clause);
            }
        }
        return onTable;
    }

    /** A later rename of the run that gives a column back its name: where it stands and the name it gives. */
    private record NameGivenBack(Location start, String name) {
    }

    /**
     * The rename of the same run after {@code models[index]} that renames the column {@code rename} gave a passing
     * name back to a name code reads as its old one ({@code RENAME COLUMN toAddress TO tmp; RENAME COLUMN tmp TO
     * toaddress} on MySQL, where names compare ignoring case), when both surely run and nothing between them
     * touches the table's name or that passing name.
     */
    private static Optional<NameGivenBack> nameGivenBackAt(List<StatementModel> models, int index,
            DestructiveClause rename, String scope) {
        StatementModel first = models.get(index);
        if (rename.detail() == null || !surelyRuns(first)) {
            return Optional.empty();
        }
        String table = SchemaNames.key(rename.table());
        String passing = SchemaNames.key(rename.detail());
        Dialect dialect = first.statement().dialect();
        DatabaseScope databases = first.statement().context().databases();
        for (int i = index + 1; i < models.size(); i++) {
            StatementModel later = models.get(i);
            if (!runsAlongside(later, scope, databases)) {
                continue;
            }
            List<DestructiveClause> onTable = clausesOn(later, table);
            if (onTable == null) {
                return Optional.empty();
            }
            for (DestructiveClause clause : onTable) {
                if (clause.name() == null || !SchemaNames.key(clause.name()).equals(passing)) {
                    continue;
                }
                boolean givenBack = clause.kind() == ClauseKind.RENAMED_COLUMN && surelyRuns(later)
                        && ColumnNamesReadAlike.readAlike(rename.name(), clause.detail(), dialect)
                        && ColumnNamesReadAlike.readAlike(rename.name(), clause.detail(), later.statement().dialect());
                return givenBack ? Optional.of(new NameGivenBack(later.start(), SchemaNames.unquoted(clause.detail())))
                        : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Why the rename {@code clause} of {@code rename} breaks no code, as a guard says it. */
    private static String givenBack(DestructiveClause clause, NameGivenBack back, StatementModel rename) {
        String old = SchemaNames.unquoted(clause.name());
        String passing = SchemaNames.unquoted(clause.detail());
        String database = rename.statement().dialect().name().toLowerCase(java.util.Locale.ROOT);
        return "the rename at line " + back.start().line() + " gives column " + passing
                + (back.name().equals(old) ? " back its name " + old
                        : " back the name " + back.name() + ", which " + database + " reads as " + old)
                + ", so code that uses the column keeps working";
    }

    /** Whether the table had the column under {@code column} before the run renamed it away ahead of models[index]. */
    private static boolean columnHeldBefore(List<StatementModel> models, int index, String table, String column,
            String scope) {
        for (int i = index - 1; i >= 0; i--) {
            StatementModel earlier = models.get(i);
            if (!earlier.statement().context().runScope().equals(scope)) {
                continue;
            }
            for (DestructiveClause clause : earlier.clauses()) {
                if (clause.kind() == ClauseKind.RENAMED_COLUMN && clause.table() != null && clause.name() != null
                        && SchemaNames.key(clause.table()).equals(table)
                        && SchemaNames.key(clause.name()).equals(column)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether {@code name} was the table's name before the run renamed it away ahead of {@code models[index]}
     * ({@code RENAME a TO b; RENAME b TO a; RENAME a TO b}): code uses that name, and the last rename is the one that
     * takes it away for good, where the first two are guarded by the name coming back.
     */
    private static boolean heldBefore(List<StatementModel> models, int index, String name, String scope) {
        for (int i = index - 1; i >= 0; i--) {
            StatementModel earlier = models.get(i);
            if (!earlier.statement().context().runScope().equals(scope)) {
                continue;
            }
            for (DestructiveClause clause : earlier.clauses()) {
                if (clause.kind() == ClauseKind.RENAMED_TABLE && clause.table() != null
                        && SchemaNames.key(clause.table()).equals(name)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean surelyRuns(StatementModel model) {
        return model.statement().context().branch() == null && !model.statement().tokens().isEmpty()
                && !model.statement().tokens().get(0).isWord("IF");
    }
}
