package herald;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest
class HeraldApplicationTests {

    @Autowired
    JdbcClient jdbc;

    @Test
    void runsAsTheUnprivilegedRuntimeRole() {
        assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo("herald_app");
        assertThat(jdbc.sql("select rolbypassrls or rolsuper from pg_roles where rolname = current_user")
                        .query(Boolean.class)
                        .single())
                .isFalse();
    }
}
