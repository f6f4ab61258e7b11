package herald.content;

import herald.audit.AuditLog;
import herald.database.TenantScope;
import herald.shared.Conflict;
import herald.shared.NotFound;
import herald.shared.WorkspaceId;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A workspace's personas. There is always exactly one default: a new workspace gets one, the default can be moved to
 * another persona but not deleted (delete another, or make another the default first). Every change is audited.
 */
@Component
public class Personas {

    static final String DEFAULT_NAME = "House voice";

    private final JdbcClient jdbc;
    private final TenantScope tenants;
    private final AuditLog audit;

    Personas(JdbcClient jdbc, TenantScope tenants, AuditLog audit) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.audit = audit;
    }

    /** Every persona, the default first, then by name. */
    public List<Persona> all(WorkspaceId workspace) {
        return tenants.call(workspace, () -> {
            ensureDefault(workspace);
            return jdbc.sql("select * from personas where workspace_id = :workspace"
                            + " order by is_default desc, lower(name), id")
                    .param("workspace", workspace.value())
                    .query(Personas::persona)
                    .list();
        });
    }

    public Optional<Persona> find(WorkspaceId workspace, PersonaId id) {
        return tenants.call(
                workspace, () -> jdbc.sql("select * from personas where workspace_id = :workspace and id = :id")
                        .param("workspace", workspace.value())
                        .param("id", id.value())
                        .query(Personas::persona)
                        .optional());
    }

    /** @throws NotFound when the workspace has no such persona (another workspace's id included) */
    public Persona require(WorkspaceId workspace, PersonaId id) {
        return find(workspace, id).orElseThrow(() -> new NotFound("No such persona in this workspace."));
    }

    /** The default persona; made on the spot for a workspace that somehow has none. */
    public Persona defaultOf(WorkspaceId workspace) {
        return tenants.call(workspace, () -> {
            ensureDefault(workspace);
            return jdbc.sql("select * from personas where workspace_id = :workspace and is_default")
                    .param("workspace", workspace.value())
                    .query(Personas::persona)
                    .single();
        });
    }

    public Persona create(WorkspaceId workspace, PersonaDraft draft, boolean makeDefault) {
        PersonaDraft.Valid valid = draft.valid();
        return tenants.call(workspace, () -> {
            ensureDefault(workspace);
            PersonaId id = PersonaId.random();
            insert(workspace, id, valid, false);
            audit.record(workspace, "persona.created", "persona", id.toString(), details(valid));
            if (makeDefault) {
                return makeDefault(workspace, id);
            }
            return require(workspace, id);
        });
    }

    public Persona update(WorkspaceId workspace, PersonaId id, PersonaDraft draft) {
        PersonaDraft.Valid valid = draft.valid();
        return tenants.call(workspace, () -> {
            require(workspace, id);
            jdbc.sql(
                            """
                            update personas set name = :name, description = :description, tone = :tone,
                                guidelines = :guidelines, words_to_use = :use, words_to_avoid = :avoid,
                                updated_at = now()
                            where workspace_id = :workspace and id = :id""")
                    .param("workspace", workspace.value())
                    .param("id", id.value())
                    .param("name", valid.name())
                    .param("description", valid.description())
                    .param("tone", valid.tone().value())
                    .param("guidelines", valid.guidelines())
                    .param("use", valid.wordsToUse().toArray(String[]::new))
                    .param("avoid", valid.wordsToAvoid().toArray(String[]::new))
                    .update();
            audit.record(workspace, "persona.updated", "persona", id.toString(), details(valid));
            return require(workspace, id);
        });
    }

    /** Makes {@code id} the workspace's default persona (the previous default stays, as an ordinary persona). */
    public Persona makeDefault(WorkspaceId workspace, PersonaId id) {
        return tenants.call(workspace, () -> {
            Persona persona = require(workspace, id);
            if (persona.isDefault()) {
                return persona;
            }
            lock(workspace);
            jdbc.sql("update personas set is_default = false, updated_at = now()"
                            + " where workspace_id = :workspace and is_default")
                    .param("workspace", workspace.value())
                    .update();
            jdbc.sql("update personas set is_default = true, updated_at = now()"
                            + " where workspace_id = :workspace and id = :id")
                    .param("workspace", workspace.value())
                    .param("id", id.value())
                    .update();
            audit.record(workspace, "persona.made_default", "persona", id.toString(), Map.of("name", persona.name()));
            return require(workspace, id);
        });
    }

    /** @throws Conflict for the default persona: another must become the default first */
    public void delete(WorkspaceId workspace, PersonaId id) {
        tenants.run(workspace, () -> {
            Persona persona = require(workspace, id);
            if (persona.isDefault()) {
                throw new Conflict(
                        "default",
                        "'" + persona.name() + "' is the default persona: make another persona the"
                                + " default before deleting it.");
            }
            jdbc.sql("delete from personas where workspace_id = :workspace and id = :id")
                    .param("workspace", workspace.value())
                    .param("id", id.value())
                    .update();
            audit.record(workspace, "persona.deleted", "persona", id.toString(), Map.of("name", persona.name()));
        });
    }

    /**
     * Gives the workspace its default persona when it has none: a new workspace (part of its creation, which the
     * audit log records), or one whose persona was lost some other way.
     */
    void ensureDefault(WorkspaceId workspace) {
        tenants.run(workspace, () -> {
            boolean has = jdbc.sql("select exists (select 1 from personas where workspace_id = :workspace"
                            + " and is_default)")
                    .param("workspace", workspace.value())
                    .query(Boolean.class)
                    .single();
            if (has) {
                return;
            }
            lock(workspace);
            jdbc.sql(
                            """
                            insert into personas (workspace_id, id, name, description, tone, guidelines, is_default)
                            values (:workspace, :id, :name, 'The voice captions use unless another persona is chosen.',
                                'casual', 'Warm and welcoming; speak as "we"; short sentences; one clear call to action.',
                                true)
                            on conflict do nothing""")
                    .param("workspace", workspace.value())
                    .param("id", PersonaId.random().value())
                    .param("name", DEFAULT_NAME)
                    .update();
        });
    }

    /** Serialises changes of the default within a workspace, so two of them never leave it with none or two. */
    private void lock(WorkspaceId workspace) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .param("key", "personas:" + workspace)
                .query()
                .singleValue();
    }

    private void insert(WorkspaceId workspace, PersonaId id, PersonaDraft.Valid valid, boolean isDefault) {
        jdbc.sql(
                        """
                        insert into personas (workspace_id, id, name, description, tone, guidelines, words_to_use,
                            words_to_avoid, is_default)
                        values (:workspace, :id, :name, :description, :tone, :guidelines, :use, :avoid, :default)""")
                .param("workspace", workspace.value())
                .param("id", id.value())
                .param("name", valid.name())
                .param("description", valid.description())
                .param("tone", valid.tone().value())
                .param("guidelines", valid.guidelines())
                .param("use", valid.wordsToUse().toArray(String[]::new))
                .param("avoid", valid.wordsToAvoid().toArray(String[]::new))
                .param("default", isDefault)
                .update();
    }

    private static Map<String, String> details(PersonaDraft.Valid valid) {
        return Map.of(
                "name", valid.name(),
                "tone", valid.tone().value(),
                "wordsToUse", String.join(", ", valid.wordsToUse()),
                "wordsToAvoid", String.join(", ", valid.wordsToAvoid()));
    }

    private static Persona persona(ResultSet rs, int row) throws SQLException {
        return new Persona(
                new PersonaId(rs.getObject("id", java.util.UUID.class)),
                rs.getString("name"),
                rs.getString("description"),
                Tone.of("tone", rs.getString("tone")),
                rs.getString("guidelines"),
                strings(rs.getArray("words_to_use")),
                strings(rs.getArray("words_to_avoid")),
                rs.getBoolean("is_default"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static List<String> strings(Array array) throws SQLException {
        return List.of((String[]) array.getArray());
    }
}
