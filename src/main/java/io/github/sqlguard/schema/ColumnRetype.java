package io.github.sqlguard.schema;

import io.github.sqlguard.model.Dialect;
import java.util.Optional;
import java.util.Set;

/**
 * A column that one statement gives a type, with the type the replay knew before.
 *
 * @param table the table as the replay names it
 * @param column the column as the statement writes it (MySQL CHANGE: the old name)
 * @param from the type before the statement, empty when unknown
 * @param to the type the statement gives, empty when it could not be read
 * @param unknownBecause why {@code from} is unknown ({@code "table x is not created by the migrations that run
 *     before this one"}); empty when it is known
 * @param database the database whose migration history this was judged in, empty when the migrations do not
 *     tell databases apart
 * @param movedValues the ENUM values the same script run moved out of the column before ({@link MovedEnumValues}),
 *     which no row holds any more, as written between the quotes
 * @param enumValues the values of both PostgreSQL enum types, when the replay knows them and the change only casts
 *     the column from one to the other; empty otherwise
 * @param toRefusingDomain true when {@code to} is a domain with NOT NULL or a CHECK that {@code from} is not: it keeps
 *     every value its base type keeps, but may refuse one, which fails the statement
 * @param generation whether the column was generated before the statement, and what the statement does to that
 */
public record ColumnRetype(String table, String column, Optional<SqlType> from, Optional<SqlType> to,
        String unknownBecause, String database, Set<String> movedValues, Optional<EnumValueLists> enumValues,
        boolean toRefusingDomain, Generation generation) {

    /**
     * What a change does to a generated column, whose values the database computes from the row's other columns
     * and which therefore holds no value that a type change could lose.
     */
    public enum Generation {
        /** A plain column before the statement: its values are its own. */
        NONE,
        /** A generated column whose expression the statement leaves as it was (PostgreSQL {@code TYPE}, Oracle). */
        EXPRESSION_KEPT,
        /** A generated column whose definition the statement restates with its expression (MySQL, H2, Oracle). */
        EXPRESSION_RESTATED,
        /**
         * A generated column whose full redefinition leaves the expression out: MySQL and H2 turn it into a plain
         * column holding the values it had, T-SQL refuses to alter a computed column at all.
         */
        EXPRESSION_LEFT_OUT,
        /**
         * A plain column that the statement redefines with an expression: MySQL and H2 replace every value it held
         * with the one the expression computes, Oracle refuses to make a real column virtual.
         */
        EXPRESSION_ADDED;

        /** True when the column was generated before the statement. */
        boolean wasGenerated() {
            return this != NONE && this != EXPRESSION_ADDED;
        }

        /** The generation that {@code definition} gives a column that {@code wasComputed} or not. */
        static Generation of(boolean wasComputed, boolean restated, boolean fullDefinition) {
            if (!wasComputed) {
                return restated ? EXPRESSION_ADDED : NONE;
            }
            return restated ? EXPRESSION_RESTATED : fullDefinition ? EXPRESSION_LEFT_OUT : EXPRESSION_KEPT;
        }
    }

    public ColumnRetype {
        movedValues = Set.copyOf(movedValues);
    }

    public ColumnRetype(String table, String column, Optional<SqlType> from, Optional<SqlType> to,
            String unknownBecause, String database) {
        this(table, column, from, to, unknownBecause, database, Set.of(), Optional.empty(), false, Generation.NONE);
    }

    /** The judgement of the change, empty when either type is unknown. */
    public Optional<TypeChange> change(Dialect dialect) {
        if (from.isEmpty() || to.isEmpty()) {
            return Optional.empty();
        }
        TypeChange change = enumValues.isPresent()
                ? EnumValues.postgresChange(from.get(), to.get(), enumValues.get(), movedValues)
                : TypeChange.of(from.get(), to.get(), dialect, movedValues);
        if (change.lossless() && toRefusingDomain) {
            return Optional.of(TypeChange.lossy(from.get(), to.get(), "a domain keeps every value of its base type,"
                    + " but one its NOT NULL or CHECK refuses makes the statement fail"));
        }
        return Optional.of(change);
    }

    /** The same change, as judged in the history of {@code name}. */
    ColumnRetype on(String name) {
        return new ColumnRetype(table, column, from, to, unknownBecause, name, movedValues, enumValues,
                toRefusingDomain, generation);
    }

    /** The same change with the reason its old type is unknown. */
    ColumnRetype unknownBecause(String reason) {
        return new ColumnRetype(table, column, Optional.empty(), to, reason, database, movedValues, Optional.empty(),
                toRefusingDomain, generation);
    }

    /** The same change, in a column no row of which holds {@code values} any more. */
    ColumnRetype withMovedValues(Set<String> values) {
        return new ColumnRetype(table, column, from, to, unknownBecause, database, values, enumValues,
                toRefusingDomain, generation);
    }
}
