namespace IopGuideBot.Storage.Database;

/// <summary>
/// The schema, one entry per version; never edit a shipped migration, add the next one. Columns in clear are only those
/// queries need (ids, sequence, times, type, role, status); everything a person wrote or said is in an encrypted BLOB.
/// Times are Unix milliseconds (UTC) in both databases.
/// </summary>
internal static class Schema
{
    public static readonly IReadOnlyList<Migration> Sqlite =
    [
        new(1, "bot state, activity log, handoffs, staff, audit, data protection keys", """
            CREATE TABLE bot_state (
                state_key TEXT NOT NULL PRIMARY KEY,
                conversation_id TEXT NULL,
                etag TEXT NULL,
                data BLOB NOT NULL,
                updated_at INTEGER NOT NULL);
            CREATE INDEX ix_bot_state_conversation ON bot_state (conversation_id);
            CREATE INDEX ix_bot_state_updated ON bot_state (updated_at);

            CREATE TABLE conversations (
                conversation_id TEXT NOT NULL PRIMARY KEY,
                last_sequence INTEGER NOT NULL,
                created_at INTEGER NOT NULL,
                last_activity_at INTEGER NOT NULL);
            CREATE INDEX ix_conversations_last_activity ON conversations (last_activity_at);

            CREATE TABLE activities (
                conversation_id TEXT NOT NULL,
                sequence INTEGER NOT NULL,
                activity_id TEXT NOT NULL,
                timestamp INTEGER NOT NULL,
                type TEXT NULL,
                from_role TEXT NULL,
                payload BLOB NOT NULL,
                PRIMARY KEY (conversation_id, sequence),
                UNIQUE (conversation_id, activity_id));

            CREATE TABLE handoffs (
                id TEXT NOT NULL PRIMARY KEY,
                conversation_id TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL,
                status TEXT NOT NULL,
                urgency INTEGER NOT NULL,
                for_whom TEXT NOT NULL,
                claimed_by TEXT NULL,
                version INTEGER NOT NULL,
                phi BLOB NULL,
                phi_purged_at INTEGER NULL);
            CREATE UNIQUE INDEX ux_handoffs_one_open_per_conversation ON handoffs (conversation_id) WHERE status <> 'Closed';
            CREATE INDEX ix_handoffs_queue ON handoffs (status, urgency, created_at);
            CREATE INDEX ix_handoffs_conversation ON handoffs (conversation_id, created_at);

            CREATE TABLE staff (
                id TEXT NOT NULL PRIMARY KEY,
                username TEXT NOT NULL UNIQUE,
                display_name TEXT NOT NULL,
                password_hash TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                disabled INTEGER NOT NULL DEFAULT 0);

            CREATE TABLE audit_log (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                at INTEGER NOT NULL,
                actor TEXT NOT NULL,
                action TEXT NOT NULL,
                conversation_id TEXT NULL,
                outcome TEXT NULL,
                detail TEXT NULL);
            CREATE INDEX ix_audit_conversation ON audit_log (conversation_id, id);
            CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
                BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
            CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
                BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

            CREATE TABLE data_protection_keys (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                friendly_name TEXT NULL,
                xml TEXT NOT NULL,
                created_at INTEGER NOT NULL);
            """),
        new(2, "staff roles, sign-in lockout, sign-out everywhere", """
            ALTER TABLE staff ADD COLUMN role TEXT NOT NULL DEFAULT 'specialist';
            ALTER TABLE staff ADD COLUMN failed_sign_ins INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE staff ADD COLUMN locked_until INTEGER NULL;
            ALTER TABLE staff ADD COLUMN sessions_valid_after INTEGER NULL;
            """),
    ];

    public static readonly IReadOnlyList<Migration> Postgres =
    [
        new(1, "bot state, activity log, handoffs, staff, audit, data protection keys", """
            CREATE TABLE bot_state (
                state_key TEXT NOT NULL PRIMARY KEY,
                conversation_id TEXT NULL,
                etag TEXT NULL,
                data BYTEA NOT NULL,
                updated_at BIGINT NOT NULL);
            CREATE INDEX ix_bot_state_conversation ON bot_state (conversation_id);
            CREATE INDEX ix_bot_state_updated ON bot_state (updated_at);

            CREATE TABLE conversations (
                conversation_id TEXT NOT NULL PRIMARY KEY,
                last_sequence BIGINT NOT NULL,
                created_at BIGINT NOT NULL,
                last_activity_at BIGINT NOT NULL);
            CREATE INDEX ix_conversations_last_activity ON conversations (last_activity_at);

            CREATE TABLE activities (
                conversation_id TEXT NOT NULL,
                sequence BIGINT NOT NULL,
                activity_id TEXT NOT NULL,
                timestamp BIGINT NOT NULL,
                type TEXT NULL,
                from_role TEXT NULL,
                payload BYTEA NOT NULL,
                PRIMARY KEY (conversation_id, sequence),
                UNIQUE (conversation_id, activity_id));

            CREATE TABLE handoffs (
                id TEXT NOT NULL PRIMARY KEY,
                conversation_id TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL,
                status TEXT NOT NULL,
                urgency INTEGER NOT NULL,
                for_whom TEXT NOT NULL,
                claimed_by TEXT NULL,
                version BIGINT NOT NULL,
                phi BYTEA NULL,
                phi_purged_at BIGINT NULL);
            CREATE UNIQUE INDEX ux_handoffs_one_open_per_conversation ON handoffs (conversation_id) WHERE status <> 'Closed';
            CREATE INDEX ix_handoffs_queue ON handoffs (status, urgency, created_at);
            CREATE INDEX ix_handoffs_conversation ON handoffs (conversation_id, created_at);

            CREATE TABLE staff (
                id TEXT NOT NULL PRIMARY KEY,
                username TEXT NOT NULL UNIQUE,
                display_name TEXT NOT NULL,
                password_hash TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                disabled INTEGER NOT NULL DEFAULT 0);

            CREATE TABLE audit_log (
                id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                at BIGINT NOT NULL,
                actor TEXT NOT NULL,
                action TEXT NOT NULL,
                conversation_id TEXT NULL,
                outcome TEXT NULL,
                detail TEXT NULL);
            CREATE INDEX ix_audit_conversation ON audit_log (conversation_id, id);
            CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS
                $fn$ BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $fn$;
            CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
                FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

            CREATE TABLE data_protection_keys (
                id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                friendly_name TEXT NULL,
                xml TEXT NOT NULL,
                created_at BIGINT NOT NULL);
            """),
        new(2, "staff roles, sign-in lockout, sign-out everywhere", """
            ALTER TABLE staff ADD COLUMN role TEXT NOT NULL DEFAULT 'specialist';
            ALTER TABLE staff ADD COLUMN failed_sign_ins INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE staff ADD COLUMN locked_until BIGINT NULL;
            ALTER TABLE staff ADD COLUMN sessions_valid_after BIGINT NULL;
            """),
    ];
}
