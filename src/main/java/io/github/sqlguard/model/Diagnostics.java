package io.github.sqlguard.model;

import java.util.List;
import java.util.stream.Stream;

/**
 * The one catalogue of diagnostics that are not about a statement: files that cannot be read or understood,
 * changelog references, and acknowledgements that do not hold. What cannot be checked is reported, never
 * passed (fail closed). Their documentation lives here so the README table and SARIF {@code rules[]} list them
 * beside the statement rules, and every package that reports one refers to the same definition.
 */
public final class Diagnostics {

    public static final RuleInfo UNREADABLE_FILE = new RuleInfo("unreadable-file", Severity.ERROR,
            "A file that should be checked cannot be read as text",
            "A migration that sqlguard cannot read is a migration nobody checked. Binary files, I/O errors, "
                    + "files over the size limit and symbolic-link loops inside the scanned folders are reported "
                    + "instead of being skipped.",
            "Fix or remove the file, or exclude it with <excludes>; for a file over the size limit, raise "
                    + "maxFileSizeMb (-Dsqlguard.maxFileSizeMb).",
            List.of(), List.of());

    public static final RuleInfo INVALID_ENCODING = new RuleInfo("invalid-encoding", Severity.WARNING,
            "A file has bytes that are invalid in the configured encoding",
            "The file was read as ISO-8859-1 instead and analysed anyway, but names and strings may be "
                    + "garbled and the database may read the script differently from what reviewers saw.",
            "Save the file in the configured encoding (sqlguard.encoding, default the project's source "
                    + "encoding) or configure the encoding it is written in.",
            List.of(), List.of());

    public static final RuleInfo UNTERMINATED_TOKEN = new RuleInfo("unterminated-token", Severity.ERROR,
            "A string, quoted name, comment or dollar quote is never closed",
            "Everything after the opening quote or comment is swallowed by it, so the statements that follow "
                    + "cannot be checked; the database would reject or misread the script as well.",
            "Close the quote or comment that starts at the reported position.",
            List.of("DELETE FROM customers WHERE name = 'acme;"), List.of("DELETE FROM customers WHERE name = 'acme';"));

    public static final RuleInfo MALFORMED_CHANGELOG = new RuleInfo("malformed-changelog", Severity.ERROR,
            "A Liquibase changelog is not well-formed XML, YAML or JSON, or holds a setting Liquibase passes over",
            "Liquibase would refuse the changelog, and sqlguard cannot see the changes it holds; XML with "
                    + "DTDs or external entities is refused as well because reading it could leak files. A rollback, "
                    + "modifySql or preConditions written inside a change is passed over without a word and never "
                    + "takes effect: that is reported at WARNING, and so are a formatted-SQL directive Liquibase does "
                    + "not know (--preconditions-sql-check, --rolback) and SQL that no changeset holds, which never "
                    + "runs. A changeSet without an id, or a change without a setting Liquibase requires (a dropTable "
                    + "without tableName), makes Liquibase's validation refuse the changelog.",
            "Fix the syntax error at the reported line, or move the setting to where Liquibase reads it.",
            List.of(), List.of());

    public static final RuleInfo MISSING_INCLUDE = new RuleInfo("missing-include", Severity.ERROR,
            "A Liquibase include or sqlFile names a file that does not exist",
            "The included changes cannot be checked, and Liquibase would fail on the same reference.",
            "Correct the path (mind relativeToChangelogFile) or add the file.",
            List.of(), List.of());

    public static final RuleInfo INCLUDE_OUTSIDE_DIRECTORIES = new RuleInfo("include-outside-directories",
            Severity.INFO,
            "A Liquibase include or sqlFile reaches a file outside the scanned directories",
            "The file was followed and checked through the changelog, but it lies outside the directories "
                    + "sqlguard was told to scan, so <includes> and <excludes> do not apply to it and a reader of "
                    + "the configuration would not expect it to be part of the check.",
            "Add the file's folder to <directories>, or move the file next to the changelog that uses it.",
            List.of(), List.of());

    public static final RuleInfo UNCHECKED_CHANGE = new RuleInfo("unchecked-change", Severity.WARNING,
            "A Liquibase change, a Flyway Java migration, an H2 Java routine or PL/v8, PL/Python, .. code runs "
                    + "something sqlguard cannot see into",
            "A customChange runs Java code, an executeCommand runs a program, a change type that is not a standard "
                    + "Liquibase one comes from an extension, and a modifySql that sqlguard cannot apply rewrites "
                    + "the SQL Liquibase generates; a Flyway Java migration (db/migration/V3__Backfill.java) runs "
                    + "whatever its code sends, and so does the Java of an H2 CREATE ALIAS or CREATE TRIGGER "
                    + "(AS $$ source $$, FOR \"com.acme.Purge.run\", CALL \"com.acme.PurgeTrigger\"; an alias whose "
                    + "source only sends literals to execute, executeUpdate, addBatch, prepareStatement, .. is read "
                    + "as a routine body instead), and so does a "
                    + "PostgreSQL function or DO block in PL/v8, PL/Python, PL/Perl, PL/Tcl or PL/R that sends SQL "
                    + "(plv8.execute, plpy.execute, spi_exec_query, ..), and so does a step of code among the "
                    + "migration scripts (a .py file in a version folder of .sql steps, goose's 00002_x.go, yoyo's "
                    + "0003.x.py), and so does a program that SQL*Plus's HOST runs (HOST sqlldr u/p "
                    + "control=orders.ctl, $ imp .., ! sqlplus @wipe.sql), and so does a class that a schema "
                    + "runner's execute java com.acme.upgrade.Step line among the statements has the runner run with "
                    + "its connection, and a Groovy "
                    + "changelog is code as well; so is a call of a routine that no scanned script creates when its "
                    + "name says it drops columns or tables, changes a column's type or deletes rows "
                    + "(fn_db_drop_column('orders', 'note') of a helper file kept outside the scanned folders), and "
                    + "so is an INSERT into a table that no scanned script creates when its name says a row there "
                    + "alters or drops columns (INSERT INTO t_alter_column VALUES ('orders', 'note', 'VARCHAR(20)')), "
                    + "and so is PostgreSQL's DROP EXTENSION of an extension whose tables sqlguard does not know "
                    + "(DROP EXTENSION pgmq drops every table the extension owns, with the rows its users wrote): any "
                    + "of them may delete or overwrite rows, and none was checked.",
            "Review what the change does, then acknowledge it with a pom <suppression> or the baseline (in a SQL "
                    + "script also -- sqlguard:allow unchecked-change reason: <why>), or replace it with sql or "
                    + "standard changes (a SQL migration) that sqlguard can check.",
            List.of(), List.of());

    public static final RuleInfo UNKNOWN_DBMS = new RuleInfo("unknown-dbms", Severity.WARNING,
            "A Liquibase dbms names a database by a name Liquibase does not know",
            "Liquibase matches dbms against its own short names (postgresql, mssql, hsqldb, ..). Recent versions"
                    + " refuse a changelog whose dbms names no database they know; older ones never run the changes"
                    + " on any database, without a word. sqlguard checked the changes as written all the same.",
            "Write the database's Liquibase short name, e.g. dbms=\"postgresql\" rather than \"postgres\".",
            List.of(), List.of());

    public static final RuleInfo ANALYSIS_FAILED = new RuleInfo("analysis-failed", Severity.ERROR,
            "sqlguard could not finish analysing a file",
            "Something in the file (a statement nested thousands of levels deep, say) made the analysis give up. "
                    + "Nothing in that file was checked, so it is reported instead of passed. The message names the "
                    + "error and the place in sqlguard's code where it happened, for a bug report.",
            "Simplify the statement at fault, or exclude the file with <excludes> after checking it by hand; "
                    + "please report the message to the sqlguard project.",
            List.of(), List.of());

    public static final RuleInfo SUPPRESSION_WITHOUT_REASON = new RuleInfo(
            "suppression-without-reason",
            Severity.ERROR,
            "A sqlguard:allow comment gives no reason",
            "An acknowledgement is a decision somebody will have to understand later. Without a reason it is "
                    + "indistinguishable from a shortcut taken to silence the build, so it suppresses nothing "
                    + "and the original finding stays.",
            "Add the reason after the rule ids: `-- sqlguard:allow <rule-id> reason: <why this is safe>`.",
            List.of("-- sqlguard:allow delete-without-where\nDELETE FROM cache WHERE expired_at < now();"),
            List.of("-- sqlguard:allow delete-without-where reason: the cache is rebuilt at startup\n"
                    + "DELETE FROM cache;"));

    public static final RuleInfo UNKNOWN_RULE = new RuleInfo(
            "unknown-rule",
            Severity.ERROR,
            "A sqlguard:allow comment names a rule that does not exist",
            "A misspelt rule id acknowledges nothing, and the finding it was meant for keeps failing the build "
                    + "or, worse, the author believes a statement was reviewed when it was not.",
            "Use one of the rule ids listed in the README (the message names the closest ones).",
            List.of("-- sqlguard:allow delet-without-where reason: the cache is rebuilt at startup\n"
                    + "DELETE FROM cache WHERE id = 1;"),
            List.of("-- sqlguard:allow delete-without-where reason: the cache is rebuilt at startup\n"
                    + "DELETE FROM cache;"));

    public static final RuleInfo UNUSED_SUPPRESSION = new RuleInfo(
            "unused-suppression",
            Severity.WARNING,
            "An acknowledgement matches no finding",
            "An acknowledgement left behind after the statement was fixed, or placed before the wrong "
                    + "statement, would silently cover a future problem. Removing it keeps every "
                    + "acknowledgement meaningful.",
            "Remove the comment or pom <suppression>, or move the comment directly before the statement "
                    + "(or to the end of its first line).",
            List.of("-- sqlguard:allow delete-without-where reason: the cache is rebuilt at startup\n"
                    + "DELETE FROM cache WHERE id = 1;"),
            List.of("DELETE FROM cache WHERE id = 1;"));

    public static final RuleInfo MISPLACED_SUPPRESSION = new RuleInfo(
            "misplaced-suppression",
            Severity.ERROR,
            "A sqlguard:allow-file comment stands after the first statement",
            "A file-wide acknowledgement must be visible at the top of the file, where a reader looks before "
                    + "reading any statement; one hidden further down suppresses nothing.",
            "Move the `-- sqlguard:allow-file` comment above the first statement.",
            List.of("CREATE TABLE staging (id INT);\n"
                    + "-- sqlguard:allow-file drop-table reason: staging tables are temporary\n"),
            List.of("-- sqlguard:allow-file drop-table reason: staging tables are temporary\n"
                    + "CREATE TABLE staging (id INT);\nDROP TABLE staging;"));

    public static final RuleInfo STALE_BASELINE_ENTRY = new RuleInfo(
            "stale-baseline-entry",
            Severity.INFO,
            "A baseline entry matches no current finding",
            "The statement it recorded was changed, fixed or removed. Stale entries would let an identical "
                    + "statement back in unnoticed, so prune them.",
            "Run the `baseline` goal again to rewrite the baseline file.",
            List.of(),
            List.of());

    /** The diagnostics about files and changelogs, in documentation order. */
    public static final List<RuleInfo> FILE = List.of(UNREADABLE_FILE, INVALID_ENCODING, UNTERMINATED_TOKEN,
            MALFORMED_CHANGELOG, MISSING_INCLUDE, INCLUDE_OUTSIDE_DIRECTORIES, UNCHECKED_CHANGE, UNKNOWN_DBMS,
            ANALYSIS_FAILED);

    /** The diagnostics about acknowledgements, in documentation order. */
    public static final List<RuleInfo> ACKNOWLEDGEMENT = List.of(SUPPRESSION_WITHOUT_REASON, UNKNOWN_RULE,
            UNUSED_SUPPRESSION, MISPLACED_SUPPRESSION, STALE_BASELINE_ENTRY);

    private Diagnostics() {
    }

    /** Every diagnostic: files first, then acknowledgements. */
    public static List<RuleInfo> all() {
        return Stream.concat(FILE.stream(), ACKNOWLEDGEMENT.stream()).toList();
    }
}
