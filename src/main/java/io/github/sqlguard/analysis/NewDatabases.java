package io.github.sqlguard.analysis;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.sql.Token;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The databases a script surely created empty, and whether its statements run in one of them. Install scripts and
 * dumps often start with {@code CREATE DATABASE shop; USE shop;} (or {@code DROP DATABASE IF EXISTS shop;} before
 * it) and then drop each table before creating it: every table of a database made a moment ago is new, so dropping,
 * emptying or reshaping it loses nothing. {@code CREATE DATABASE IF NOT EXISTS} makes nothing new unless the script
 * dropped the database first: it keeps a database that already holds tables and rows. MySQL's {@code CREATE SCHEMA} is
 * its {@code CREATE DATABASE}.
 *
 * <p>Only MySQL's (in {@code auto}: a database named in backticks, as only MySQL writes it): its client, like Flyway,
 * stops at the first error, so the statements after a {@code CREATE DATABASE} that found the database run only in a
 * new one. sqlcmd and SSMS go on with the next batch, and psql with the next statement, into the database that was
 * already there. Every dialect's {@code USE shop} (and psql's {@code \c shop}) still switches databases.
 */
final class NewDatabases {

    private final Set<String> created = new HashSet<>();
    private final Set<String> dropped = new HashSet<>();
    /** True while the statements run in a database the script created empty, after {@code USE} of it. */
    private boolean inNewDatabase;
    /** The database the last {@code USE} named; null before any, or after one that may not have run. */
    private String current;

    /**
     * Follows what the statement {@code core} does to the databases; one that may not run makes nothing new. True
     * when it may switch to another database than the one the statements ran in so far: a table created there
     * without a database in its name is not the one the same name means after it.
     */
    boolean step(List<Token> core, Dialect dialect, boolean surelyRuns) {
        if (core.isEmpty()) {
            return false;
        }
        // psql's \c shop and \connect shop switch databases as USE does elsewhere
        boolean psqlConnect = (dialect == Dialect.POSTGRESQL || dialect == Dialect.AUTO) && core.size() > 1
                && core.get(0).isSymbol("\\") && core.get(1).isAnyWord("C", "CONNECT");
        if (core.get(0).isWord("USE") && core.size() > 1 || psqlConnect) {
            ObjectNames.NameAt name = ObjectNames.readName(core, psqlConnect ? 2 : 1);
            // A USE that may not run leaves unknown which database the statements after it run in (fail closed).
            String used = surelyRuns && name != null ? ObjectNames.normalize(name.text()) : null;
            inNewDatabase = used != null && created.contains(used);
            boolean switched = used == null || !used.equals(current);
            current = used;
            return switched;
        }
        boolean create = core.get(0).isWord("CREATE");
        if (!create && !core.get(0).isWord("DROP")) {
            return false;
        }
        int i = 1;
        boolean replace = create && core.size() > 2 && core.get(1).isWord("OR") && core.get(2).isWord("REPLACE");
        if (replace) {
            i = 3;
        }
        boolean database = i < core.size() && (core.get(i).isWord("DATABASE")
                || core.get(i).isWord("SCHEMA") && dialect.isMySqlFamily());
        if (!database) {
            return false;
        }
        i++;
        boolean conditional = false;
        while (i < core.size() && core.get(i).isAnyWord("IF", "NOT", "EXISTS")) {
            conditional = true;
            i++;
        }
        ObjectNames.NameAt name = ObjectNames.readName(core, i);
        if (name == null) {
            return false;
        }
        String key = ObjectNames.normalize(name.text());
        if (!create) {
            created.remove(key);
            if (surelyRuns) {
                dropped.add(key);
            }
            inNewDatabase = false;
        } else if (surelyRuns && stopsAtFirstError(core.get(i), dialect)
                && (!conditional || replace || dropped.contains(key))) {
            created.add(key);
        }
        return false;
    }

    private static boolean stopsAtFirstError(Token name, Dialect dialect) {
        return dialect.isMySqlFamily() || dialect == Dialect.AUTO && name.text().startsWith("`");
    }

    /**
     * True when {@code table}, as the statement names it, lies in a database the script created empty: unqualified
     * while the statements run in one, or qualified by its name ({@code shop.orders}).
     */
    boolean holds(String table) {
        int parts = ObjectNames.partCount(table);
        return parts == 1 ? inNewDatabase
                : parts == 2 && created.contains(ObjectNames.normalize(ObjectNames.firstPart(table)));
    }

    /** A copy that later statements do not change. */
    NewDatabases copy() {
        NewDatabases copy = new NewDatabases();
        copy.created.addAll(created);
        copy.dropped.addAll(dropped);
        copy.inNewDatabase = inNewDatabase;
        copy.current = current;
        return copy;
    }
}
