package io.github.sqlguard.rules;

import io.github.sqlguard.model.Dialect;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A Go text/template or Jinja action ({@code {{ index .Options "Namespace" }}}) that a migration tool fills in before
 * the database sees the script stands for a name: the statement around it is still judged, and the finding names the
 * table as written instead of dropping the statement or naming no table. An action written with or without blanks,
 * trim markers or double quotes is one name; an action that gives no text ({@code {{ if .Purge }}}, a comment) is
 * read as a comment, so the statements it wraps are judged whichever way the template goes, as is a Jinja tag
 * ({@code {% if purge %}}, {@code {# why #}}).
 */
class TemplateActionsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "POSTGRESQL | alter table {{ index .Options \"Namespace\" }}.oauth_clients\\n    drop column if exists client_id;"
                + " | 2:5 drop-column ALTER TABLE {{ index .Options \"Namespace\" }}.oauth_clients drops column client_id",
        "AUTO | ALTER TABLE {{.Schema}}.users RENAME COLUMN confirmed_at TO email_confirmed_at;"
                + " | 1:31 rename-column ALTER TABLE {{.Schema}}.users renames column confirmed_at to email_confirmed_at",
        "POSTGRESQL | do $$ begin alter table {{ .Ns }}.saml drop column ip; end $$;"
                + " | 1:40 drop-column ALTER TABLE {{ .Ns }}.saml drops column ip",
        "POSTGRESQL | drop table if exists {{ index .Options \"Namespace\" }}.sso_sessions;"
                + " | 1:1 drop-table DROP TABLE removes table {{ index .Options \"Namespace\" }}.sso_sessions and all its rows",
        "POSTGRESQL | delete from {{ schema }}.users; | 1:1 delete-without-where DELETE without WHERE removes every row"
                + " of {{ schema }}.users",
        "POSTGRESQL | ALTER TABLE \"{{ index .Options \"Namespace\" }}\".\"users\" RENAME COLUMN \"confirmed_at\" TO \"email_confirmed_at\";"
                + " | 1:56 rename-column ALTER TABLE \"{{ index .Options \"Namespace\" }}\".\"users\" renames column"
                + " \"confirmed_at\" to \"email_confirmed_at\"",
        "POSTGRESQL | update {{ .Ns }}.identities set a = 1 where provider = 'email'; | -",
        "POSTGRESQL | select '{{ not a template }}' from t; | -",
        "POSTGRESQL | {{ if .Purge }}\\ndelete from {{ .Ns }}.sessions;\\n{{ end }}"
                + " | 2:1 delete-without-where DELETE without WHERE removes every row of {{ .Ns }}.sessions",
        "POSTGRESQL | {{/* drop the rows\\n of old sessions */}}\\ndelete from {{ .Ns }}.sessions where id = 1; | -",
        "POSTGRESQL | create table {{.Ns}}.tmp_ids (id int);\\ndrop table {{ .Ns }}.tmp_ids; | -",
        "POSTGRESQL | create table \"{{ .Ns }}\".tmp_ids (id int);\\ndrop table {{- .Ns -}}.tmp_ids; | -",
        "POSTGRESQL | create table {{index .Options \"Namespace\"}}.tmp_ids (id int);\\n"
                + "drop table {{ index .Options \"Namespace\" }}.tmp_ids; | -",
        "POSTGRESQL | delete from {{ index .Options\\n  \"Namespace\" }}.sessions;"
                + " | 1:1 delete-without-where DELETE without WHERE removes every row of {{ index .Options"
                + " \"Namespace\" }}.sessions",
        "POSTGRESQL | {% if purge %}\\ndelete from {{ schema }}.sessions;\\n{% endif %}"
                + " | 2:1 delete-without-where DELETE without WHERE removes every row of {{ schema }}.sessions",
        "MYSQL | {# remove the rows of old sessions #}\\ndelete from sessions where id = 1; | -",
        "POSTGRESQL | create table {{ .Ns }}.tmp_ids (id int);\\ndrop table {{ .Other }}.tmp_ids;"
                + " | 2:1 drop-table DROP TABLE removes table {{ .Other }}.tmp_ids and all its rows",
    })
    void templateActionIsReadAsOneName(Dialect dialect, String sql, String expected) {
        RulePipeline.assertHits(dialect, sql, expected);
    }
}
