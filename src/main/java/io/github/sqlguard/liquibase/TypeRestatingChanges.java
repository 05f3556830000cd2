package io.github.sqlguard.liquibase;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.sql.DatabaseScope;
import java.util.Optional;

/**
 * The Liquibase changes that MySQL, MariaDB or SQL Server can only carry out by redefining the column with the
 * change's {@code columnDataType}: {@code renameColumn} ({@code CHANGE old new type}), {@code addNotNullConstraint}
 * and {@code dropNotNullConstraint} ({@code MODIFY c type NOT NULL}, T-SQL {@code ALTER COLUMN c type NOT NULL}) and
 * {@code addAutoIncrement} ({@code MODIFY c type AUTO_INCREMENT}). A type narrower than the column's cuts its values
 * there, so the change is judged as that redefinition, also under {@code auto} when the changeset may run on one of
 * those databases.
 */
final class TypeRestatingChanges {

    private final SyntheticStatements synthetic;

    TypeRestatingChanges(SyntheticStatements synthetic) {
        this.synthetic = synthetic;
    }

    /** The redefinition the change stands for where it runs, or empty where the type is not restated. */
    Optional<String> of(ChangeNode change, DatabaseScope databases) {
        String type = change.attributes().getOrDefault("columnDataType", "").strip();
        if (type.isEmpty()) {
            return Optional.empty();
        }
        boolean modifies = synthetic.dialect().isMySqlFamily() || mayRunOn(databases, "mysql", "mariadb");
        boolean altersColumn = synthetic.dialect() == Dialect.SQLSERVER || mayRunOn(databases, "mssql");
        String table = "ALTER TABLE " + synthetic.table(change, "tableName") + " ";
        String column = synthetic.name(change.attributes().get("columnName"));
        String restated = synthetic.type(type);
        return Optional.ofNullable(switch (change.name()) {
            case "renameColumn" -> modifies ? table + "CHANGE COLUMN "
                    + synthetic.name(change.attributes().get("oldColumnName")) + " "
                    + synthetic.name(change.attributes().get("newColumnName")) + " " + restated : null;
            case "addNotNullConstraint", "dropNotNullConstraint" -> {
                String nullability = change.name().startsWith("add") ? " NOT NULL" : " NULL";
                yield modifies ? table + "MODIFY " + column + " " + restated + nullability
                        : altersColumn ? table + "ALTER COLUMN " + column + " " + restated + nullability : null;
            }
            case "addAutoIncrement" -> modifies ? table + "MODIFY " + column + " " + restated + " AUTO_INCREMENT"
                    : null;
            case "setColumnRemarks" -> modifies ? table + "MODIFY COLUMN " + column + " " + restated + " COMMENT "
                    + SchemaChangeText.quoted(synthetic.substitute(change.attributes().get("remarks"))) : null;
            default -> null;
        });
    }

    /** Under {@code auto}, whether the changeset may run on one of these databases. */
    private boolean mayRunOn(DatabaseScope databases, String... dbms) {
        if (synthetic.dialect() != Dialect.AUTO) {
            return false;
        }
        for (String database : dbms) {
            if (databases.includes(database)) {
                return true;
            }
        }
        return false;
    }
}
