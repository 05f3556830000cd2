package io.github.sqlguard.liquibase;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.sql.DatabaseScope;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.StatementContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns one Liquibase change element into the statements it runs.
 *
 * <p>Handled: {@code delete}, {@code update}, {@code dropTable}, {@code dropColumn}, {@code markUnused},
 * {@code renameTable},
 * {@code renameColumn}, {@code modifyDataType} (one synthetic statement at the element), the changes that restate
 * the column's type where they run ({@link TypeRestatingChanges}), {@code mergeColumns}
 * (the drop of its two columns, after the move of their values into the final type), {@code sql} (its
 * text split with positions inside the element) and {@code sqlFile} (the file split with its own
 * positions); {@code createProcedure} is split like {@code sql} (or like {@code sqlFile} when it names a
 * {@code path}), so the statements of the body are known and judged when the migration calls the routine. The
 * change types that shape the schema ({@link SchemaChangeText}) yield a statement only
 * the schema replay reads. Every other change type yields no statement: the standard ones (insert, loadData,
 * createIndex, ...) change nothing a destructive-change rule looks for, and the others are reported by
 * {@link UncheckedChanges}.
 */
final class ChangeTranslator {

    /** Reads the file an {@code sqlFile} change names and returns its statements. */
    interface SqlFileSource {
        List<Statement> statementsOf(ChangeNode sqlFile, StatementContext context);
    }

    private final String path;
    private final SyntheticStatements synthetic;
    private final SqlRegionSplitter regionSplitter;
    private final ScriptCollector out;
    private final SqlFileSource sqlFiles;
    private final ChangeColumnValues values;

    ChangeTranslator(String path, SyntheticStatements synthetic, SqlRegionSplitter regionSplitter,
            ScriptCollector out, SqlFileSource sqlFiles) {
        this.path = path;
        this.synthetic = synthetic;
        this.regionSplitter = regionSplitter;
        this.out = out;
        this.sqlFiles = sqlFiles;
        this.values = new ChangeColumnValues(synthetic);
    }

    /** Adds the change's statements to the file's script and returns them. */
    List<Statement> translate(ChangeNode change, StatementContext context) {
        return switch (change.name()) {
            case "sql" -> sql(change, context);
            case "sqlFile" -> sqlFiles.statementsOf(change, context);
            case "createProcedure" -> change.attributes().containsKey("path") ? sqlFiles.statementsOf(change, context)
                    : sql(change, context);
            case "mergeColumns" -> mergeColumns(change, context);
            case "addColumn" -> addColumn(change, context);
            case "addNotNullConstraint" -> {
                List<Statement> statements = new ArrayList<>(nullValueFill(change, context));
                statements.addAll(typeRestating(change, context));
                yield statements;
            }
            case "renameColumn", "dropNotNullConstraint", "addAutoIncrement", "setColumnRemarks" ->
                    typeRestating(change, context);
            case "modifyDataType", "modifyColumn" -> typeChange(change, context);
            default -> syntheticText(change).flatMap(text -> synthetic.at(text, path, change, context))
                    .map(statement -> {
                        out.add(statement);
                        return List.of(statement);
                    }).orElseGet(() -> schemaOnly(change, context));
        };
    }

    /** The SQL a change element stands for, or empty for a change type that is not checked. */
    Optional<String> syntheticText(ChangeNode change) {
        return Optional.ofNullable(switch (change.name()) {
            case "dropTable" -> droppedTable(synthetic, change);
            case "delete" -> "DELETE FROM " + synthetic.table(change, "tableName") + where(change);
            case "update" -> "UPDATE " + synthetic.table(change, "tableName") + " SET " + values.assignments(change)
                    + where(change);
            case "dropColumn" -> "ALTER TABLE " + synthetic.table(change, "tableName") + " DROP COLUMN "
                    + String.join(", ", droppedColumns(change));
            // Liquibase Pro, Oracle: the column's values are no longer reachable, as if it were dropped.
            case "markUnused" -> "ALTER TABLE " + synthetic.table(change, "tableName") + " SET UNUSED ("
                    + synthetic.name(change.attributes().get("columnName")) + ")";
            case "renameTable" -> "ALTER TABLE " + synthetic.table(change, "oldTableName") + " RENAME TO "
                    + synthetic.name(change.attributes().get("newTableName"));
            case "modifyDataType", "modifyColumn" -> typeChangeText(synthetic, change).orElse(null);
            default -> null;
        });
    }

    /**
     * The {@code ALTER COLUMN .. TYPE} of a modifyDataType, or of a modifyColumn that types each of its columns, with
     * the Liquibase types written as {@code writer}'s database writes them.
     */
    private static Optional<String> typeChangeText(SyntheticStatements writer, ChangeNode change) {
        return Optional.ofNullable(switch (change.name()) {
            case "modifyDataType" -> "ALTER TABLE " + writer.table(change, "tableName") + " ALTER COLUMN "
                    + writer.name(change.attributes().get("columnName")) + " TYPE "
                    + writer.type(change.attributes().getOrDefault("newDataType", "unknown_type"));
            case "modifyColumn" -> UncheckedChanges.typedModifyColumn(change)
                    ? "ALTER TABLE " + writer.table(change, "tableName") + " " + String.join(", ",
                            modifiedColumns(writer, change))
                    : null;
            default -> null;
        });
    }

    /**
     * A modifyDataType or a typed modifyColumn. Its new type is a Liquibase type that each database writes as its
     * own ({@code boolean} is {@code TINYINT} on MySQL): written for a configured database, the change is written
     * again for the others the changelog names, or a column it created as {@code boolean} would seem to change type
     * there when the same type is stated again.
     */
    private List<Statement> typeChange(ChangeNode change, StatementContext context) {
        return writtenForEachDatabase(change, context, writer -> typeChangeText(writer, change)).map(List::of)
                .orElseGet(() -> schemaOnly(change, context));
    }

    /**
     * Adds the statement {@code text} writes for the change. Written for a configured database, it is written
     * again for the others the changelog names, where the change may run too.
     */
    private Optional<Statement> writtenForEachDatabase(ChangeNode change, StatementContext context,
            Function<SyntheticStatements, Optional<String>> text) {
        Optional<Statement> statement = text.apply(synthetic).flatMap(sql -> synthetic.at(sql, path, change,
                context));
        statement.ifPresent(here -> {
            if (!writtenForOthers(context)) {
                out.add(here);
            } else {
                out.add(here, synthetic.dialect(), (dialect, databases) -> {
                    SyntheticStatements writer = synthetic.in(dialect);
                    return text.apply(writer).flatMap(sql -> writer.at(sql, path, change, new StatementContext(
                            context.kind(), context.label(), databases, context.body())));
                });
            }
        });
        return statement;
    }

    /**
     * True where a statement written for the configured database may run on others the changelog names as well: a
     * change without dbms, or one whose dbms names the configured database among others ({@code
     * dbms="mariadb,postgresql"} read as PostgreSQL), which each write its types their own way.
     */
    private boolean writtenForOthers(StatementContext context) {
        if (synthetic.dialect() == Dialect.AUTO) {
            return false;
        }
        Set<String> named = context.databases().included();
        return named.isEmpty() || named.stream().map(DbmsDialect::named)
                .anyMatch(dialect -> dialect == null || !dialect.isSameFamily(synthetic.dialect()));
    }

    /**
     * The DROP TABLE {@code writer}'s database runs for a dropTable. For {@code cascadeConstraints} Liquibase appends
     * Oracle's CASCADE CONSTRAINTS, nothing on SQL Server (which has no such clause), MySQL and MariaDB (which ignore
     * it), and CASCADE elsewhere.
     */
    private static String droppedTable(SyntheticStatements writer, ChangeNode change) {
        String drop = "DROP TABLE " + writer.table(change, "tableName");
        if (!change.flag("cascadeConstraints", false)) {
            return drop;
        }
        return drop + switch (writer.dialect()) {
            case ORACLE -> " CASCADE CONSTRAINTS";
            case SQLSERVER, MYSQL, MARIADB -> "";
            default -> " CASCADE";
        };
    }

    /**
     * A renameColumn, or a change that restates the column's type where it runs ({@link TypeRestatingChanges}).
     * Written for a configured database, the restated type is that database's: on the others the changelog names
     * the change is written again, as Liquibase writes it there (a plain rename, the type as that database has
     * it), or a column created as {@code timestamp} would seem to change from SQL Server's {@code DATETIME2}.
     */
    private List<Statement> typeRestating(ChangeNode change, StatementContext context) {
        Optional<Statement> restated = typeRestating(synthetic, change, context);
        // Where the configured database does not restate the type (PostgreSQL's SET NOT NULL), MySQL or SQL Server
        // may still, when the changelog names them: the change is written for them all the same.
        Optional<Statement> here = restated.or(() -> schemaOnly(synthetic, change, context));
        if (here.isEmpty()) {
            return List.of();
        }
        if (!writtenForOthers(context)) {
            out.add(here.get());
            return restated.map(List::of).orElse(List.of());
        }
        out.add(here.get(), synthetic.dialect(), (dialect, databases) -> {
            SyntheticStatements writer = synthetic.in(dialect);
            StatementContext there = new StatementContext(context.kind(), context.label(), databases,
                    context.body());
            return typeRestating(writer, change, there).or(() -> schemaOnly(writer, change, there));
        });
        // Returned even where it only shapes the schema here, so a comment at the change acknowledges what its
        // rendition for another database restates there (it stands at the same element).
        return List.of(here.get());
    }

    /**
     * The {@code UPDATE t SET c = 'value' WHERE c IS NULL} Liquibase runs on every database before an
     * addNotNullConstraint with a {@code defaultNullValue}, so the replay knows no row holds NULL any more when the
     * constraint (MySQL's MODIFY) follows. Liquibase writes the value as a string literal.
     */
    private List<Statement> nullValueFill(ChangeNode change, StatementContext context) {
        String value = synthetic.substitute(change.attributes().get("defaultNullValue"));
        if (value == null || value.isBlank() || value.strip().equalsIgnoreCase("null")) {
            return List.of();
        }
        String column = synthetic.assignedName(change.attributes().get("columnName"));
        return synthetic.at("UPDATE " + synthetic.table(change, "tableName") + " SET " + column + " = '"
                + value.replace("'", "''") + "' WHERE " + column + " IS NULL", path, change, context)
                .map(statement -> {
                    out.add(statement);
                    return List.of(statement);
                }).orElse(List.of());
    }

    /** The statement {@code writer}'s database runs for the change; empty where it only shapes the schema. */
    private Optional<Statement> typeRestating(SyntheticStatements writer, ChangeNode change,
            StatementContext context) {
        Optional<String> text = new TypeRestatingChanges(writer).of(change, context.databases());
        if (change.name().equals("renameColumn")) {
            // On MySQL and MariaDB the rename restates the type; elsewhere a rename.
            text = text.or(() -> Optional.of("ALTER TABLE " + writer.table(change, "tableName")
                    + " RENAME COLUMN " + writer.ddlColumnName(change.attributes().get("oldColumnName")) + " TO "
                    + writer.ddlColumnName(change.attributes().get("newColumnName"))));
        }
        return text.flatMap(sql -> writer.at(sql, path, change, context));
    }

    /**
     * Adds the DDL of a schema-shaping change for the replay; returns nothing, so no acknowledgement is
     * placed at it.
     */
    private List<Statement> schemaOnly(ChangeNode change, StatementContext context) {
        schemaOnly(synthetic, change, context).ifPresent(statement -> {
            if (!writtenForOthers(context)) {
                out.add(statement);
            } else {
                // Written for the configured database, it may run on others the changelog names, with their types
                out.add(statement, synthetic.dialect(), (dialect, databases) -> schemaOnly(synthetic.in(dialect),
                        change, new StatementContext(context.kind(), context.label(), databases, context.body())));
            }
        });
        return List.of();
    }

    private Optional<Statement> schemaOnly(SyntheticStatements writer, ChangeNode change, StatementContext context) {
        return new SchemaChangeText(writer).of(change).flatMap(text -> writer.schemaOnlyAt(text, path, change,
                context));
    }

    /**
     * Liquibase adds the final column, fills it from the two others in every row and drops them: the schema
     * learns the new column, the values' move into the final type is judged as a type change of each source
     * column, and the drop is the statement rules report.
     */
    private List<Statement> mergeColumns(ChangeNode change, StatementContext context) {
        String table = synthetic.table(change, "tableName");
        List<String> sources = List.of(synthetic.name(change.attributes().get("column1Name")),
                synthetic.name(change.attributes().get("column2Name")));
        String finalType = synthetic.type(change.attributes().getOrDefault("finalColumnType", "")).strip();
        synthetic.schemaOnlyAt("ALTER TABLE " + table + " ADD "
                + synthetic.name(change.attributes().get("finalColumnName")) + " "
                + (finalType.isEmpty() ? "unknown_type" : finalType), path, change, context).ifPresent(out::add);
        List<Statement> statements = new ArrayList<>();
        if (!finalType.isEmpty()) {
            synthetic.at("ALTER TABLE " + table + " " + String.join(", ", sources.stream()
                    .map(column -> "ALTER COLUMN " + column + " TYPE " + finalType).toList()), path, change, context)
                    .ifPresent(statements::add);
        }
        synthetic.at("ALTER TABLE " + table + " DROP COLUMN " + String.join(", ", sources), path, change, context)
                .ifPresent(statements::add);
        statements.forEach(out::add);
        return statements;
    }

    /**
     * Liquibase adds the columns, then fills each one that has a computed value in every row
     * ({@code UPDATE t SET created_by = submitted_by}): the replay learns the columns, and the fill is judged as
     * that UPDATE, so a copy of a column a later change drops is known as the copy the same SQL would be.
     */
    private List<Statement> addColumn(ChangeNode change, StatementContext context) {
        schemaOnly(change, context);
        List<String> fills = values.computedFills(change);
        if (fills.isEmpty()) {
            return List.of();
        }
        return synthetic.at("UPDATE " + synthetic.table(change, "tableName") + " SET " + String.join(", ", fills),
                path, change, context).map(statement -> {
                    out.add(statement);
                    return List.of(statement);
                }).orElse(List.of());
    }

    /**
     * The INSERT Liquibase generates for an {@code insert} change, added to the file's script: judged only when a
     * {@code modifySql} may turn it into something else ({@code REPLACE INTO}); empty for other change types.
     */
    List<Statement> generatedInsert(ChangeNode change, StatementContext context) {
        if (!change.name().equals("insert")) {
            return List.of();
        }
        List<String> columns = columnNames(change);
        String sql = "INSERT INTO " + synthetic.table(change, "tableName")
                + (columns.isEmpty() ? " DEFAULT VALUES" : " (" + String.join(", ", columns) + ") VALUES ("
                        + String.join(", ", columns.stream().map(column -> "?").toList()) + ")");
        return synthetic.at(sql, path, change, context).map(statement -> {
            out.add(statement);
            return List.of(statement);
        }).orElse(List.of());
    }

    private List<Statement> sql(ChangeNode change, StatementContext context) {
        Optional<TextRegion> region = Optional.ofNullable(change.textRegion()).or(() -> change.region("sql"))
                .or(() -> change.region("procedureText"))
                // The name older changelogs use, which Liquibase still reads as the procedure's text.
                .or(() -> change.region("procedureBody"));
        if (region.isEmpty()) {
            return List.of();
        }
        return out.add(regionSplitter.split(path, region.get(), change.attributes().get("endDelimiter"), context));
    }

    private String where(ChangeNode change) {
        String where = change.value("where").map(String::strip).orElse("");
        return where.isEmpty() ? "" : " WHERE " + synthetic.substitute(where);
    }

    /** {@code ALTER COLUMN c TYPE t} for each column a {@code modifyColumn} redefines. */
    private static List<String> modifiedColumns(SyntheticStatements writer, ChangeNode change) {
        List<String> columns = new ArrayList<>();
        for (ChangeNode column : UncheckedChanges.columnsOf(change)) {
            columns.add("ALTER COLUMN " + writer.name(column.attributes().get("name")) + " TYPE "
                    + writer.type(column.attributes().get("type")));
        }
        return columns;
    }

    private List<String> droppedColumns(ChangeNode change) {
        List<String> names = new ArrayList<>();
        String single = change.attributes().get("columnName");
        if (single != null && !single.isBlank()) {
            names.add(synthetic.name(single));
        }
        names.addAll(columnNames(change));
        return names.isEmpty() ? List.of("unknown_column") : names;
    }

    /** Names of nested {@code <column name=..>} elements, also under a YAML {@code columns:} list. */
    private List<String> columnNames(ChangeNode change) {
        List<String> names = new ArrayList<>();
        for (ChangeNode child : change.children()) {
            if (child.name().equals("column")) {
                String name = child.attributes().getOrDefault("name", child.text());
                if (name != null && !name.isBlank()) {
                    names.add(synthetic.name(name));
                }
            } else if (child.name().equals("columns")) {
                names.addAll(columnNames(child));
            }
        }
        return names;
    }
}
