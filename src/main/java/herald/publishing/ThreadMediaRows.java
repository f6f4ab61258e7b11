package herald.publishing;

import herald.assets.AssetId;
import herald.shared.WorkspaceId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The media of a thread's parts ({@code post_thread_media}, V160), written with the post in its transaction and
 * workspace scope. Read with the post ({@link PostMapping#SELECT}) and with a claimed part ({@link ThreadRows}).
 */
@Component
class ThreadMediaRows {

    /** How {@link PostMapping#SELECT} reads them: {@code position:asset} in order, parsed by {@link #read}. */
    static final String COLUMN =
            """
            array(select m.position || ':' || m.asset_id from post_thread_media m
                  where m.workspace_id = p.workspace_id and m.post_id = p.id
                  order by m.position, m.ordinal) as thread_media""";

    private final JdbcClient jdbc;

    ThreadMediaRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a new post's parts' media ({@code media.get(i)} are part {@code i + 1}'s); nothing when none has any. */
    void insert(WorkspaceId workspace, PostId post, List<List<AssetId>> media) {
        List<Integer> positions = new ArrayList<>();
        List<Integer> ordinals = new ArrayList<>();
        List<UUID> assets = new ArrayList<>();
        for (int i = 0; i < media.size(); i++) {
            for (int j = 0; j < media.get(i).size(); j++) {
                positions.add(i + 1);
                ordinals.add(j + 1);
                assets.add(media.get(i).get(j).value());
            }
        }
        if (assets.isEmpty()) {
            return;
        }
        jdbc.sql(
                        """
                        insert into post_thread_media (workspace_id, post_id, position, ordinal, asset_id)
                        select :workspace, :post, m.position, m.ordinal, m.asset_id
                        from unnest(:positions, :ordinals, :assets) as m (position, ordinal, asset_id)""")
                .param("workspace", workspace.value())
                .param("post", post.value())
                .param("positions", positions.toArray(Integer[]::new))
                .param("ordinals", ordinals.toArray(Integer[]::new))
                .param("assets", assets.toArray(UUID[]::new))
                .update();
    }

    /** Replaces an edited post's parts' media. */
    void replace(WorkspaceId workspace, PostId post, List<List<AssetId>> media) {
        jdbc.sql("delete from post_thread_media where workspace_id = :workspace and post_id = :post")
                .param("workspace", workspace.value())
                .param("post", post.value())
                .update();
        insert(workspace, post, media);
    }

    /** The media read by {@link #COLUMN}, side by side with a thread of {@code parts} parts. */
    static List<List<AssetId>> read(String[] column, int parts) {
        List<List<AssetId>> media = new ArrayList<>();
        for (int i = 0; i < parts; i++) {
            media.add(new ArrayList<>());
        }
        for (String cell : column) {
            int colon = cell.indexOf(':');
            int position = Integer.parseInt(cell.substring(0, colon));
            if (position <= parts) {
                media.get(position - 1).add(new AssetId(UUID.fromString(cell.substring(colon + 1))));
            }
        }
        return media.stream().map(List::copyOf).toList();
    }
}
