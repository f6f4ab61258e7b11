package herald.assets;

import herald.tenancy.WorkspaceCreated;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Gives every new workspace the default folders, in the transaction that creates it. */
@Component
class DefaultFolders {

    private final Folders folders;

    DefaultFolders(Folders folders) {
        this.folders = folders;
    }

    @EventListener
    void on(WorkspaceCreated created) {
        folders.restoreDefaults(created.workspace());
    }
}
