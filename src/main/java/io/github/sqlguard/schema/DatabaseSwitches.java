package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.TableNamespace;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.Token;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The replays of each database the scripts of one history switch to. A script that starts with {@code USE
 * config_db} (MySQL, SQL Server) or psql's {@code \c config_db} changes that database's tables, and another script of
 * the same history that switches to {@code portal_db} changes the tables of another database, even where they share
 * names: projects that keep the upgrade steps of two databases side by side ({@code delta/v1-v2/configdb.sql} and
 * {@code delta/v1-v2/portaldb.sql}) would otherwise see one database's columns when judging the other's changes, and
 * pass a narrowing as a change to the type the column already has. Statements before any switch run on the database
 * the tool connected to, the replays the history starts with, which the first database switched to shares. A switch
 * the replay cannot follow (in a branch, or to a name it cannot read) leads to replays of its own, which know no
 * table until the script creates one.
 */
final class DatabaseSwitches {

    /** The databases SQL Server, MySQL and PostgreSQL keep for themselves. */
    private static final Set<String> SERVERS_OWN = Set.of("master", "model", "msdb", "tempdb", "mysql", "sys",
            "information_schema", "performance_schema", "postgres", "template0", "template1");

    private final Map<String, SchemaReplay> connected;
    private final Supplier<Map<String, SchemaReplay>> fresh;
    private final Map<String, Map<String, SchemaReplay>> byDatabase = new HashMap<>();
    /** The current database of each run of the file being replayed: a Liquibase changeset is a run of its own. */
    private final Map<String, TableNamespace> runs = new HashMap<>();
    private String file = "";
    /**
     * The first database a script of the history switches to, taken for the one the tool connects to: a project
     * whose install script says {@code USE shop} runs its later steps, which name no database, on {@code shop}.
     */
    private String firstNamed;

    /**
     * @param connected the replays of the database the tool connects to
     * @param fresh makes the replays of another database, one per database the history replays for
     */
    DatabaseSwitches(Map<String, SchemaReplay> connected, Supplier<Map<String, SchemaReplay>> fresh) {
        this.connected = connected;
        this.fresh = fresh;
    }

    /** Starts the replay of a file, whose runs start on the database the tool connected to. */
    void enter(String path) {
        file = path;
        runs.clear();
    }

    /**
     * The replays {@code statement} changes, those of the database current where it runs; a statement that switches
     * the database is itself replayed where it starts, and the statements after it on the database it names.
     */
    Map<String, SchemaReplay> replaysOf(Statement statement) {
        TableNamespace run = runs.computeIfAbsent(statement.context().runScope(), scope -> new TableNamespace());
        String database = run.names().database();
        if (firstNamed == null && !database.isEmpty() && !database.startsWith("?") && !isServersOwn(database)) {
            firstNamed = database;
        }
        Map<String, SchemaReplay> replays = database.isEmpty() || database.equals(firstNamed) ? connected
                : byDatabase.computeIfAbsent(database.startsWith("?") ? file + "\u0000" + database : database,
                        name -> fresh.get());
        if (switchesDatabase(statement) && !statement.container()) {
            run.step(statement.tokens(), statement.dialect(), statement.context().branch() == null
                    && !statement.tokens().get(0).isAnyWord("IF", "WHILE", "BEGIN"));
        }
        return replays;
    }

    /**
     * True for a database the server keeps for itself ({@code USE master} before {@code CREATE DATABASE app}):
     * scripts that switch there first still run their later steps on the application's database.
     */
    private static boolean isServersOwn(String database) {
        return SERVERS_OWN.contains(database.replaceAll("[\\[\\]\"`]", "").toLowerCase(Locale.ROOT));
    }

    /** {@code USE db} or psql's {@code \c db}; only these change the database the names resolve in. */
    private static boolean switchesDatabase(Statement statement) {
        List<Token> tokens = statement.tokens();
        return tokens.size() > 1 && (tokens.get(0).isWord("USE")
                || tokens.get(0).isSymbol("\\") && tokens.get(1).isAnyWord("C", "CONNECT"));
    }

    /** New, empty replays, one for each of {@code databases}, in which {@code flywayHistory} names Flyway's table. */
    static Map<String, SchemaReplay> emptyLike(List<String> databases, FlywayHistoryTable flywayHistory) {
        Map<String, SchemaReplay> replays = new LinkedHashMap<>();
        databases.forEach(database -> replays.put(database, new SchemaReplay(flywayHistory)));
        return replays;
    }
}
