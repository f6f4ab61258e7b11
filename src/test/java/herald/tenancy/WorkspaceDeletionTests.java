package herald.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import herald.OwnerDatabase;
import herald.TenantFixtures;
import herald.TenantFixtures.Tenant;
import herald.identity.ApiKeys;
import herald.identity.Users;
import herald.shared.InvalidInput;
import herald.shared.WorkspaceId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Deleting a workspace, confirmed by its name, removes every row it has in every tenant table (found in the catalog,
 * so later tables are covered) and nothing of any other workspace; its people keep their accounts.
 */
@SpringBootTest
class WorkspaceDeletionTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    Workspaces workspaces;

    @Autowired
    Memberships memberships;

    @Autowired
    ApiKeys apiKeys;

    @Autowired
    Users users;

    @Autowired
    FlywayConnectionDetails ownerDetails;

    JdbcClient owner;
    Tenant doomed;
    Tenant neighbour;

    @BeforeEach
    void twoWorkspacesSharingAMember() {
        owner = OwnerDatabase.jdbc(ownerDetails);
        var fixtures = TenantFixtures.of(context);
        doomed = fixtures.tenant("Doomed");
        neighbour = fixtures.tenant("Neighbour");
        memberships.join(neighbour.id(), doomed.member().id(), Role.VIEWER, Map.of());
    }

    /** Row counts per tenant table for one workspace, as the owner sees them; tombstones are kept on purpose. */
    Map<String, Long> rowsOf(WorkspaceId workspace) {
        List<String[]> tables = owner.sql(
                        """
                        select c.oid::regclass::text,
                               case when c.relname = 'workspaces' then 'id' else 'workspace_id' end
                        from pg_class c join pg_namespace n on n.oid = c.relnamespace
                        where c.relkind in ('r', 'p') and n.nspname not in ('pg_catalog', 'information_schema')
                          and n.nspname !~ '^pg_' and c.relname <> 'workspace_tombstones'
                          and (c.relname = 'workspaces' or exists (select 1 from pg_attribute a
                               where a.attrelid = c.oid and a.attname = 'workspace_id' and not a.attisdropped))""")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .list();
        var counts = new java.util.TreeMap<String, Long>();
        for (String[] table : tables) {
            counts.put(
                    table[0],
                    owner.sql("select count(*) from " + table[0] + " where " + table[1] + " = :id")
                            .param("id", workspace.value())
                            .query(Long.class)
                            .single());
        }
        return counts;
    }

    @Test
    void deletingAWorkspaceRemovesAllItsRowsAndNothingElse() {
        Map<String, Long> neighbourBefore = rowsOf(neighbour.id());
        assertThat(rowsOf(doomed.id()).values())
                .allSatisfy(count -> assertThat(count).isPositive());

        workspaces.delete(doomed.id(), doomed.workspace().name(), doomed.owner().id());

        assertThat(rowsOf(doomed.id()))
                .allSatisfy((table, count) -> assertThat(count).as(table).isZero());
        assertThat(rowsOf(neighbour.id())).isEqualTo(neighbourBefore);
        assertThat(workspaces.find(doomed.id())).isEmpty();
        assertThat(apiKeys.authenticate(doomed.key().token()))
                .as("its API keys stop working")
                .isEmpty();
        assertThat(users.find(doomed.owner().id()))
                .as("the owner keeps the account")
                .isPresent();
        assertThat(users.find(doomed.member().id())).isPresent();
        assertThat(workspaces.of(doomed.member().id()))
                .extracting(WorkspaceMembership::id)
                .containsExactly(neighbour.id());
        assertThat(memberships.roleOf(neighbour.id(), doomed.member().id())).contains(Role.VIEWER);
        assertThat(owner.sql("select name from workspace_tombstones where workspace_id = :id")
                        .param("id", doomed.id().value())
                        .query(String.class)
                        .single())
                .as("the fact of the deletion outlives the audit chain")
                .isEqualTo(doomed.workspace().name());
    }

    @Test
    void theDeletionMustBeConfirmedWithTheExactName() {
        Map<String, Long> before = rowsOf(doomed.id());
        assertThatThrownBy(() ->
                        workspaces.delete(doomed.id(), "doomed", doomed.owner().id()))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("confirmation"));
        assertThat(rowsOf(doomed.id())).isEqualTo(before);
    }

    @Test
    void deletingAnUnknownWorkspaceChangesNothing() {
        assertThatThrownBy(() -> workspaces.delete(new WorkspaceId(UUID.randomUUID()), "anything", null))
                .isInstanceOf(herald.shared.NotFound.class);
    }
}
