package io.github.sqlguard.analysis;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.sql.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which table a name means at a point of one script run, as the database resolves it: an unqualified name the
 * current database's (MySQL, after {@code USE shop}) or the current schema's (PostgreSQL's search path, T-SQL's
 * {@code dbo}), a qualified one its own. A guard that remembers a table by name (created, emptied, dropped or copied
 * earlier in the run) compares these, so {@code DROP TABLE shop2.orders; DROP TABLE orders} are two tables while
 * {@code CREATE TABLE s.t; USE s; DROP TABLE t} is one. Feed every statement of the run in order to {@link #step}.
 *
 * <p>A switch that may not run ({@code USE} in a branch), or whose target is not one plain name (a search path of
 * several schemas, {@code set_config}), leaves the current database or schema unknown: an unqualified name then
 * matches only names written in the same stretch of the script, never one from before the switch (fail closed).
 */
public final class TableNamespace {

    /** Schemas an unqualified name means when nothing changed the default: PostgreSQL's and T-SQL's. */
    private static final Set<String> DEFAULT_SCHEMAS = Set.of("public", "dbo");

    /** The current database: {@code ""} for the one the run started in; {@code "?n"} when unknown. */
    private String database = "";
    /** The current schema: {@code ""} for the default one; {@code "?n"} when unknown. */
    private String schema = "";
    private int unknowns;
    private Names now = new Names("", "");

    /** A run that starts in the database's default schema. */
    public TableNamespace() {
        this(Names.DEFAULT);
    }

    /**
     * A run that starts where {@code start} says: Flyway makes its default schema the current one before it runs a
     * script ({@link #startOf}).
     */
    public TableNamespace(Names start) {
        database = start.database();
        schema = start.schema();
    }

    /**
     * Where a script run starts when its tool first switches to {@code defaultSchema} (null for none), as Flyway
     * does: PostgreSQL's search path, Oracle's and H2's current schema, MySQL's current database. SQL Server keeps
     * the user's default schema whatever Flyway's is, and for a dialect not known the start stays the database's
     * default (fail closed: names then match only as written).
     */
    public static Names startOf(String defaultSchema, Dialect dialect) {
        if (defaultSchema == null || defaultSchema.isBlank()) {
            return Names.DEFAULT;
        }
        return switch (dialect) {
            case POSTGRESQL, ORACLE, H2 -> new Names("", inDefault(defaultSchema));
            case MYSQL, MARIADB -> new Names(ObjectNames.normalize(defaultSchema), "");
            default -> Names.DEFAULT;
        };
    }

    /**
     * How each statement of {@code models} resolves table names, following the switches of each run scope
     * ({@link io.github.sqlguard.sql.StatementContext#runScope}) on its own: a statement outside the migration's
     * run (a routine body) gets the names of the statements around it.
     */
    public static List<Names> along(List<StatementModel> models) {
        return along(models, Names.DEFAULT);
    }

    /** As {@link #along(List)}, each run scope starting where {@code start} says. */
    public static List<Names> along(List<StatementModel> models, Names start) {
        java.util.Map<String, TableNamespace> scopes = new java.util.HashMap<>();
        List<Names> names = new ArrayList<>(models.size());
        for (StatementModel model : models) {
            TableNamespace scope = scopes.computeIfAbsent(model.statement().context().runScope(),
                    s -> new TableNamespace(start));
            names.add(scope.names());
            if (model.placement().runsWithMigration() && !model.statement().container()) {
                scope.step(model.statement().tokens(), model.statement().dialect(), surelyRuns(model));
            }
        }
        return names;
    }

    /** A statement that runs whenever the script does: at the top level, in no branch, without a T-SQL IF. */
    static boolean surelyRuns(StatementModel model) {
        return model.placement() == Placement.TOP_LEVEL && model.statement().context().branch() == null
                && !model.statement().firstToken().isAnyWord("IF", "WHILE", "BEGIN");
    }

    /** How names resolve at this point, before the next {@link #step}. */
    public Names names() {
        if (!now.database.equals(database) || !now.schema.equals(schema)) {
            now = new Names(database, schema);
        }
        return now;
    }

    /** The current database and schema at one point of a run, which resolve names written there. */
    public record Names(String database, String schema) {

        /** The database the run started in, and its default schema. */
        public static final Names DEFAULT = new Names("", "");

        /**
         * The table {@code written} names here, as {@code database/schema/table} with each part case-folded and
         * unquoted.
         */
        public String resolve(String written, Dialect dialect) {
            return TableNamespace.resolve(written, dialect, database, schema);
        }
    }

    /** Follows a statement's switch of database or schema, {@code surelyRuns} false for one that may not run. */
    public void step(List<Token> core, Dialect dialect, boolean surelyRuns) {
        if (core.isEmpty()) {
            return;
        }
        boolean psqlConnect = core.size() > 1 && core.get(0).isSymbol("\\") && core.get(1).isAnyWord("C", "CONNECT");
        if (core.get(0).isWord("USE") && core.size() > 1 || psqlConnect) {
            ObjectNames.NameAt name = ObjectNames.readName(core, psqlConnect ? 2 : 1);
            database = surelyRuns && name != null ? ObjectNames.normalize(name.text()) : unknown();
            // A new connection starts on the default search path; T-SQL's USE keeps the user's default schema.
            schema = psqlConnect || schema.startsWith("?") ? "" : schema;
            return;
        }
        if (setsSearchPath(core)) {
            List<String> schemas = searchPath(core);
            if (schemas != null) {
                // Older dumps write SET search_path = public, pg_catalog: the system schema holds no table of theirs.
                schemas.remove("pg_catalog");
            }
            schema = !surelyRuns || schemas == null ? unknown()
                    : schemas.size() == 1 ? inDefault(schemas.get(0)) : schemas.equals(List.of("$user", "public"))
                            ? "" : unknown();
        } else if (core.stream().anyMatch(TableNamespace::mentionsSearchPath) && !onlyReadsSearchPath(core)
                || core.get(0).isWord("ALTER") && core.size() > 3 && core.get(1).isWord("SESSION")
                        && core.stream().anyMatch(t -> t.isWord("CURRENT_SCHEMA"))) {
            // set_config('search_path', ..), Oracle's ALTER SESSION SET CURRENT_SCHEMA: some other schema from now
            schema = unknown();
        }
    }

    /**
     * A statement that names {@code search_path} only to read it or to store it for later ({@code CREATE TEMP TABLE
     * saved AS SELECT setting FROM pg_settings WHERE name = 'search_path'}, {@code SELECT
     * current_setting('search_path')}, {@code SHOW search_path}, a routine's own {@code SET search_path} clause): a
     * query, a CREATE or an INSERT that calls no {@code set_config}. An UPDATE of {@code pg_settings} does switch.
     */
    private static boolean onlyReadsSearchPath(List<Token> core) {
        return core.get(0).isAnyWord("SELECT", "SHOW", "VALUES", "CREATE", "INSERT", "EXPLAIN")
                && core.stream().noneMatch(token -> token.isWord("SET_CONFIG"));
    }

    /**
     * True for a token whose text holds {@code search_path} in any case ({@code set_config('search_path', ..)}).
     * Asked of every token of every statement, data loads included: nothing is copied to ask it.
     */
    private static boolean mentionsSearchPath(Token token) {
        String text = token.text();
        int length = SEARCH_PATH.length();
        for (int i = 0; i + length <= text.length(); i++) {
            char first = text.charAt(i);
            // the letters that fold to s, the long s included, before the comparison of the whole name
            if ((first == 's' || first == 'S' || first == '\u017F')
                    && text.regionMatches(true, i, SEARCH_PATH, 0, length)) {
                return true;
            }
        }
        return false;
    }

    private static final String SEARCH_PATH = "search_path";

    private static String resolve(String written, Dialect dialect, String database, String schema) {
        boolean databaseIsSchema = dialect.isMySqlFamily() || dialect == Dialect.AUTO && written.contains("`");
        if (written.indexOf('.') < 0) {
            // one part, the way most scripts name their tables: no parts to split
            return database + "/" + (databaseIsSchema ? "" : schema) + "/" + ObjectNames.normalize(written);
        }
        List<String> parts = parts(written);
        int count = parts.size();
        String db;
        String sch;
        if (count == 1) {
            db = database;
            sch = databaseIsSchema ? "" : schema;
        } else if (count == 2) {
            String first = ObjectNames.normalize(parts.get(0));
            if (databaseIsSchema) {
                db = DEFAULT_SCHEMAS.contains(first) ? database : first;
                sch = "";
            } else {
                db = database;
                sch = inDefault(first);
            }
        } else if (count == 3) {
            db = ObjectNames.normalize(parts.get(0));
            sch = inDefault(ObjectNames.normalize(parts.get(1)));
        } else {
            // a linked server's table: its own
            return ObjectNames.normalize(written);
        }
        return db + "/" + sch + "/" + ObjectNames.normalize(parts.get(count - 1));
    }

    /** The parts of a dotted name, T-SQL's empty schema part ({@code db..t}) kept empty. */
    private static List<String> parts(String written) {
        List<String> parts = new ArrayList<>();
        String rest = written;
        while (true) {
            String first = ObjectNames.firstPart(rest);
            parts.add(first);
            if (first.length() >= rest.length()) {
                return parts;
            }
            rest = rest.substring(first.length() + 1);
        }
    }

    /**
     * The schema part of a resolved name: empty for the default schema, and for PostgreSQL's {@code pg_catalog},
     * which the server searches before the search path, so that an extension's catalog table moved there ({@code
     * ALTER TABLE ext.t SET SCHEMA pg_catalog}) is the same table whether a script qualifies its name or not.
     */
    private static String inDefault(String schemaName) {
        String key = ObjectNames.normalize(schemaName);
        return key.isEmpty() || DEFAULT_SCHEMAS.contains(key) || key.equals("pg_catalog") ? "" : key;
    }

    private String unknown() {
        return "?" + ++unknowns;
    }

    /** {@code SET [SESSION|LOCAL] search_path TO|= ..} or PostgreSQL's {@code SET SCHEMA 'x'}. */
    private static boolean setsSearchPath(List<Token> core) {
        if (!core.get(0).isWord("SET")) {
            return false;
        }
        int at = 1;
        at += at < core.size() && core.get(at).isAnyWord("SESSION", "LOCAL") ? 1 : 0;
        return at < core.size() && (core.get(at).isWord("SEARCH_PATH") || core.get(at).isWord("SCHEMA"));
    }

    /** The schemas a {@code SET search_path} lists, or null when it does not list plain names. */
    private static List<String> searchPath(List<Token> core) {
        int at = 0;
        while (at < core.size() && !core.get(at).isAnyWord("SEARCH_PATH", "SCHEMA")) {
            at++;
        }
        at++;
        if (at < core.size() && (core.get(at).isWord("TO") || core.get(at).isSymbol("="))) {
            at++;
        }
        List<String> schemas = new ArrayList<>();
        for (; at < core.size(); at++) {
            Token token = core.get(at);
            if (token.isSymbol(",")) {
                continue;
            }
            if (token.isWord("DEFAULT")) {
                return new ArrayList<>(List.of("$user", "public"));
            }
            String text = token.text();
            if (text.length() > 1 && text.startsWith("'") && text.endsWith("'")) {
                // SET search_path = 'a, b' lists them in one string
                for (String part : text.substring(1, text.length() - 1).split(",")) {
                    schemas.add(ObjectNames.normalize(part.strip()));
                }
            } else if (ObjectNames.isNamePart(token)) {
                schemas.add(ObjectNames.normalize(text));
            } else {
                return null;
            }
        }
        return schemas.isEmpty() ? null : schemas;
    }
}
