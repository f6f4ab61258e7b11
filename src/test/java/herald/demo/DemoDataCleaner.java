package herald.demo;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Removes the demo owner and the workspaces they own, as the owner role, so a test starts from a clean slate. */
public final class DemoDataCleaner {

    private DemoDataCleaner() {}

    public static void remove(JdbcClient owner) {
        owner.sql(
                        """
                        delete from workspaces where id in (select m.workspace_id from memberships m
                            join users u on u.id = m.user_id where u.email = :email and m.role = 'owner')""")
                .param("email", DemoData.EMAIL)
                .update();
        owner.sql("delete from users where email = :email")
                .param("email", DemoData.EMAIL)
                .update();
    }
}
