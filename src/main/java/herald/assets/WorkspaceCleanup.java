package herald.assets;

import herald.assets.storage.BlobStorage;
import herald.tenancy.WorkspaceDeleted;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/** A deleted workspace's rows go with it (cascade); its objects in storage go once that deletion has committed. */
@Component
class WorkspaceCleanup {

    private static final Logger log = LoggerFactory.getLogger(WorkspaceCleanup.class);

    private final BlobStorage storage;

    WorkspaceCleanup(BlobStorage storage) {
        this.storage = storage;
    }

    @TransactionalEventListener
    void on(WorkspaceDeleted deleted) {
        try {
            storage.deleteAll(deleted.workspace() + "/");
        } catch (IOException | RuntimeException e) {
            log.warn("Could not remove the assets of deleted workspace {}: {}", deleted.workspace(), e.getMessage());
        }
    }
}
