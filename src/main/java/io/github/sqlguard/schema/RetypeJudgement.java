package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.MySqlRowLosingClauses;
import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.source.DatabaseNames;
import io.github.sqlguard.sql.StandIns;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.StatementContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides which of the columns a statement retypes are worth a finding, and how to name the change: a
 * lossless change is dropped, a lossy one names old and new type and why, and one whose old type is not
 * known is kept (as it would be without a replay), naming the new type and why the old one is unknown.
 * Where the migrations keep a history per database, the change is judged in each; a database whose
 * migrations never give the table that column is left out when another one knows its type, since the
 * statement cannot lose data there.
 */
public final class RetypeJudgement {

    private RetypeJudgement() {
    }

    /**
     * The columns of {@code columns} to report, each described for a message ({@code "note from VARCHAR(100)
     * to VARCHAR(20) (shorter: 100 to 20 characters)"}); a column whose change is lossless is left out.
     */
    /**
     * True when the replay judged the USING of {@code column}'s change by the enum values its CASE maps
     * ({@link EnumCaseMapping}), so what that USING computes is already in the judgement.
     */
    public static boolean judgedItsUsing(String column, SchemaFacts facts) {
        return facts.retypes().stream().anyMatch(retype -> SchemaNames.key(retype.column())
                .equals(SchemaNames.key(column)) && retype.enumValues().filter(v -> !v.mapped().isEmpty()).isPresent());
    }

    public static List<String> reported(List<String> columns, SchemaFacts facts, Statement statement) {
        if (facts == SchemaFacts.UNKNOWN) {
            return columns; // no replay at all: the rule reports as it does without a schema
        }
        Dialect dialect = statement.dialect();
        List<ColumnRetype> retypes = ofTablesNamedIn(statement, facts.retypes());
        if (retypes.isEmpty()) {
            retypes = SchemaReplay.retypesAlone(statement, facts.notReplayedBecause().isEmpty()
                    ? notFollowed(statement) : facts.notReplayedBecause());
        }
        List<String> reported = new ArrayList<>();
        for (String column : columns) {
            List<ColumnRetype> changes = retypes.stream()
                    .filter(r -> SchemaNames.key(r.column()).equals(SchemaNames.key(column))).toList();
            if (changes.isEmpty()) {
                reported.add(column + " (its old and new type are not known: sqlguard could not read the change)");
                continue;
            }
            if (statement.start() != null && changes.stream().allMatch(change -> facts.before()
                    .deletedRowsNotFitting(change, statement.start().path(), dialect))) {
                continue; // the loss is reported at that DELETE
            }
            boolean knownSomewhere = changes.stream().anyMatch(r -> r.from().isPresent());
            Map<String, List<String>> described = new LinkedHashMap<>();
            int judged = 0;
            for (ColumnRetype change : changes) {
                if (knownSomewhere && change.from().isEmpty() && absentThere(change)) {
                    continue;
                }
                judged++;
                description(change, dialect, setsTableCharacterSet(statement))
                        .map(text -> placesInThisFile(text, statement))
                        .ifPresent(text -> described.computeIfAbsent(text, t -> new ArrayList<>())
                        .add(change.database()));
            }
            Map<String, List<String>> databasesByDescription = DatabaseVariants.withStatementsDatabase(
                    sightingsMerged(described), dialect);
            // One description for every database judged needs no names; otherwise say where each holds.
            if (databasesByDescription.size() == 1 && described.values().stream().mapToInt(List::size).sum()
                    == judged) {
                reported.add(column + " " + databasesByDescription.keySet().iterator().next());
            } else if (!databasesByDescription.isEmpty()) {
                List<String> parts = new ArrayList<>();
                databasesByDescription.forEach((text, databases) -> parts.add(text + " on "
                        + String.join(", ", databases)));
                reported.add(column + " " + String.join("; ", parts));
            }
        }
        return reported;
    }

    /**
     * Descriptions that differ only in where each database's history first met the table (a changeset for one
     * database altered it earlier there) are one, said without that note: it tells no loss apart, and a message
     * naming every database for it only repeats the same unknown type.
     */
    private static Map<String, List<String>> sightingsMerged(Map<String, List<String>> databasesByDescription) {
        if (databasesByDescription.size() < 2) {
            return databasesByDescription;
        }
        Map<String, List<String>> byBareText = new LinkedHashMap<>();
        Map<String, String> firstText = new HashMap<>();
        databasesByDescription.forEach((text, databases) -> {
            String bare = SchemaHistory.withoutFirstSighting(text);
            byBareText.computeIfAbsent(bare, b -> new ArrayList<>()).addAll(databases);
            firstText.merge(bare, text, (kept, other) -> bare);
        });
        Map<String, List<String>> merged = new LinkedHashMap<>();
        String others = DatabaseVariants.describe("");
        byBareText.forEach((bare, databases) -> merged.put(firstText.get(bare), databases.stream()
                .sorted(Comparator.comparing((String database) -> database.equals(others))
                        .thenComparing(Comparator.naturalOrder())).toList()));
        return merged;
    }

    /**
     * The reason's places in the reported statement's own file as lines of it ({@code first seen at line 53}):
     * the finding already names the file.
     */
    private static String placesInThisFile(String text, Statement statement) {
        return text.replace(" at " + statement.start().path() + ":", " at line ");
    }

    /**
     * How the change reads in a message, or empty when it keeps every value. A generated column's change is said to
     * lose nothing stored ({@link GeneratedColumnRetype}): only the migration can fail.
     */
    private static Optional<String> description(ColumnRetype retype, Dialect dialect, boolean setsTableDefault) {
        Dialect in = judgedIn(retype, dialect);
        String to = retype.to().map(SqlType::written).orElse("a type sqlguard could not read");
        Optional<String> outcome = GeneratedColumnRetype.refusal(retype, in)
                .or(() -> GeneratedColumnRetype.replacedValues(retype, in));
        if (outcome.isPresent()) {
            return Optional.of(GeneratedColumnRetype.fromTo(retype, to) + " (" + outcome.get() + ")");
        }
        boolean recomputed = GeneratedColumnRetype.recomputed(retype, in);
        String recomputedNote = recomputed ? "; " + GeneratedColumnRetype.RECOMPUTED : "";
        Optional<TypeChange> change = retype.change(in);
        if (change.isEmpty()) {
            return Optional.of("to " + to + (setsTableDefault ? movedCharacterSet(retype) : "")
                    + " (its type before is not known: "
                    + (retype.unknownBecause().isEmpty() ? "the replay lost it" : retype.unknownBecause())
                    + recomputedNote + ")");
        }
        if (change.get().lossless()) {
            return Optional.empty();
        }
        return Optional.of("from " + withSetShown(change.get().from(), change.get().to()) + " to "
                + withSetShown(change.get().to(), change.get().from()) + " ("
                + (recomputed ? change.get().reason() : oracleRefusal(change.get(), in).orElse(change.get().reason()))
                + recomputedNote + ")");
    }

    /**
     * MySQL: {@code type} as written, followed by its character set where the text does not say it (taken from the
     * table's default) and the other side's set differs, so a change of set alone does not read as {@code from
     * varchar(120) to varchar(120)}.
     */
    private static String withSetShown(SqlType type, SqlType other) {
        if (type.characterSet().isEmpty() || other.characterSet().isEmpty()
                || type.characterSet().equals(other.characterSet())
                || OWN_CHARACTER_SET.matcher(type.written()).find()) {
            return type.written();
        }
        return type.written() + " in character set " + type.characterSet().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Oracle: a MODIFY never rounds, cuts or converts a value of a NUMBER column it takes digits from (its precision
     * or scale), nor of a column whose type it changes between NUMBER and a character type; it refuses either unless
     * the column holds only NULLs, so the change fails rather than loses data. It never changes the type of a LOB
     * column. Empty for any other change.
     */
    private static Optional<String> oracleRefusal(TypeChange change, Dialect dialect) {
        if (dialect != Dialect.ORACLE) {
            return Optional.empty();
        }
        String from = change.from().base();
        String to = change.to().base();
        if (from.equals("NUMBER") && to.equals("NUMBER")) {
            return Optional.of(ORACLE_REFUSES_FEWER_DIGITS);
        }
        if (from.equals("NUMBER") && ORACLE_CHARACTER_TYPES.contains(to)
                || ORACLE_CHARACTER_TYPES.contains(from) && to.equals("NUMBER")) {
            return Optional.of("Oracle refuses to change the data type of a column between NUMBER and "
                    + (from.equals("NUMBER") ? to : from) + " unless every value of it is NULL (ORA-01439), so the"
                    + " migration stops on a table with values");
        }
        if (ORACLE_LOB_TYPES.contains(from) && !to.equals(from)
                && !change.from().written().toUpperCase(java.util.Locale.ROOT).startsWith("LONG")) {
            return Optional.of("Oracle refuses to change the data type of a " + from + " column (ORA-22859), even"
                    + " an empty one, so the migration stops here; copy the values into a new column instead");
        }
        return Optional.empty();
    }

    /** Oracle's large object types, whose columns no MODIFY may give another type (LONG, read as CLOB, may). */
    private static final Set<String> ORACLE_LOB_TYPES = Set.of("CLOB", "NCLOB", "BLOB");

    /** Oracle's character types as {@link SqlType} names them (VARCHAR2 is read as VARCHAR). */
    private static final Set<String> ORACLE_CHARACTER_TYPES = Set.of("CHAR", "VARCHAR", "NCHAR", "NVARCHAR");

    private static final String ORACLE_REFUSES_FEWER_DIGITS = "Oracle refuses to give a NUMBER column fewer integer"
            + " or decimal digits unless every value of it is NULL (ORA-01440), so the migration stops on a table"
            + " with values";


    /**
     * MySQL: the character set a new type without one of its own takes from the table default its statement sets
     * ({@code ALTER TABLE t COLLATE utf8_bin, MODIFY c varchar(120)}), when that set lacks characters, so a change
     * whose old type is not known still says where its values go; empty otherwise.
     */
    private static String movedCharacterSet(ColumnRetype retype) {
        Optional<SqlType> to = retype.to();
        if (to.isEmpty() || to.get().characterSet().isEmpty()
                || MySqlRowLosingClauses.holdsEveryCharacter(to.get().characterSet())
                || OWN_CHARACTER_SET.matcher(to.get().written()).find()) {
            return "";
        }
        return " in character set " + to.get().characterSet().toLowerCase(java.util.Locale.ROOT)
                + ", which cannot hold every character";
    }

    private static final java.util.regex.Pattern OWN_CHARACTER_SET = java.util.regex.Pattern.compile(
            "\\b(?:CHARACTER\\s+SET|CHARSET)\\b", java.util.regex.Pattern.CASE_INSENSITIVE);

    /** True for MySQL's ALTER TABLE that sets the table's default set: a clause {@code [DEFAULT] COLLATE x}, .. */
    private static boolean setsTableCharacterSet(Statement statement) {
        List<io.github.sqlguard.sql.Token> tokens = statement.tokens();
        for (int i = 2; i < tokens.size(); i++) {
            boolean clauseStart = tokens.get(i - 1).isSymbol(",") || tokens.get(i - 2).isWord("TABLE");
            int option = tokens.get(i).isWord("DEFAULT") ? i + 1 : i;
            if (clauseStart && !TableDefinitions.characterSetAt(tokens, option).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The dialect of the database whose history the change was judged in, else (other databases, or one no dialect
     * here describes) the statement's: how a database stores the new type decides what it loses (MySQL's TIMESTAMP
     * holds only 1970 to 2038, Oracle's DATE keeps the time of day). A change read in a configured dialect runs on
     * the other databases its changelog names as well, each storing the type its own way.
     */
    private static Dialect judgedIn(ColumnRetype retype, Dialect dialect) {
        Dialect database = DatabaseNames.dialectOf(retype.database());
        return database == Dialect.AUTO ? dialect : database;
    }

    /**
     * {@code retypes} as they hold for {@code statement} as written. A helper's body that names its table at run time
     * ({@code CONCAT('ALTER TABLE ', tableName, ..)}) is replayed where its first call runs, with that call's table:
     * the type that table had is not the body's, as each call is judged with the table it names.
     */
    private static List<ColumnRetype> ofTablesNamedIn(Statement statement, List<ColumnRetype> retypes) {
        if (retypes.isEmpty() || statement.tokens().stream().noneMatch(token -> SchemaNames.isNamePart(token)
                && StandIns.standsIn(SchemaNames.unquoted(token.text())))) {
            return retypes;
        }
        Set<String> named = statement.tokens().stream().filter(SchemaNames::isNamePart)
                .map(token -> SchemaNames.key(token.text())).collect(Collectors.toSet());
        return retypes.stream().map(retype -> named.contains(SchemaNames.key(retype.table())) ? retype
                : retype.unknownBecause("the table is named at run time, and each call is judged with the table"
                        + " it names")).toList();
    }

    /** True when the reason is that this database's migrations never give the table this column. */
    private static boolean absentThere(ColumnRetype retype) {
        String reason = retype.unknownBecause();
        return reason.contains(" is not created by the migrations") || reason.contains(" has no column ");
    }

    private static String notFollowed(Statement statement) {
        return statement.context().kind() == StatementContext.Kind.ROUTINE_BODY
                ? "it sits in a routine body, and the schema replay saw no migration call the routine"
                : "the schema replay could not read this statement";
    }
}
